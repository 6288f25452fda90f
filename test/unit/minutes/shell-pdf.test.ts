// The Electron printToPDF adapter, with 'electron' mocked: hidden sandboxed window, JavaScript off, a private
// session that refuses every request but the temporary file and data: URLs, tagged PDF and outline, clean-up.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

interface Recorded {
  windowOptions?: { show: boolean; webPreferences: Record<string, unknown> };
  loaded?: string;
  html?: string;
  printOptions?: Record<string, unknown>;
  filter?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  destroyed: boolean;
  failPrint: boolean;
}
const rec: Recorded = { destroyed: false, failPrint: false };

vi.mock('electron', () => ({
  session: {
    fromPartition: () => ({
      webRequest: { onBeforeRequest: (fn: Recorded['filter']) => { rec.filter = fn; } },
      setPermissionRequestHandler: () => undefined,
    }),
  },
  BrowserWindow: class {
    webContents = {
      printToPDF: async (o: Record<string, unknown>) => {
        rec.printOptions = o;
        if (rec.failPrint) throw new Error('print failed');
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    constructor(o: Recorded['windowOptions']) { rec.windowOptions = o; }
    async loadFile(file: string) { rec.loaded = file; rec.html = readFileSync(file, 'utf8'); }
    destroy() { rec.destroyed = true; }
  },
}));

const { printMinutesPdf } = await import('../../../electron/shell/minutes-pdf');

describe('printMinutesPdf (Electron)', () => {
  it('prints the HTML from a temporary file in a hidden, script-less, sandboxed window, tagged with an outline', async () => {
    const pdf = await printMinutesPdf('<!DOCTYPE html><p>Zoë</p>');
    expect(pdf.toString()).toBe('%PDF-1.7 fake');
    expect(rec.html).toBe('<!DOCTYPE html><p>Zoë</p>');
    expect(rec.windowOptions?.show).toBe(false);
    expect(rec.windowOptions?.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(rec.printOptions).toMatchObject({ pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true, preferCSSPageSize: true, displayHeaderFooter: false });
    const decide = (url: string) => { let cancel = true; rec.filter?.({ url }, (r) => { cancel = r.cancel; }); return cancel; };
    expect(decide(`file://${rec.loaded}`)).toBe(false);
    expect(decide('data:font/ttf;base64,AAAA')).toBe(false);
    expect(decide('https://example.org/x.png')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(rec.destroyed).toBe(true);
    expect(existsSync(rec.loaded ?? '/')).toBe(false);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    rec.failPrint = true;
    rec.destroyed = false;
    await expect(printMinutesPdf('<p>x</p>')).rejects.toThrow('print failed');
    expect(rec.destroyed).toBe(true);
    expect(existsSync(rec.loaded ?? '/')).toBe(false);
    rec.failPrint = false;
  });
});
