/**
 * Minutes HTML → PDF inside the app: a hidden, sandboxed window with JavaScript off, in its own in-memory
 * session that may load nothing but the one temporary HTML file (fonts are data: URLs inside it), printed by
 * webContents.printToPDF with a tagged PDF and a document outline. Asynchronous: the main process never blocks.
 * The desktop host's `renderPdf` (desktop-host.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';

/** The printToPDF options, as a value so a unit test can assert them. */
export const MINUTES_PRINT_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

export async function printMinutesPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tb-minutes-'));
  const file = path.join(dir, 'minutes.html');
  const fileUrl = pathToFileURL(file).href;
  await writeFile(file, html, 'utf8');
  // A fresh in-memory partition per export: nothing shared with the app's session, nothing persisted.
  const ses = session.fromPartition(`tb-minutes-${process.pid}-${Date.now()}`, { cache: false });
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url === fileUrl || details.url.startsWith('data:')) }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true,
      spellcheck: false, devTools: false,
    },
  });
  try {
    await win.loadFile(file);
    return await win.webContents.printToPDF(MINUTES_PRINT_OPTIONS);
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
