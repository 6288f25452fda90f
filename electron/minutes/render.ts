/**
 * HTML → PDF through Chromium driven by playwright-core (the CLI, the tests, the bench). Inside the Electron
 * app the same HTML goes through webContents.printToPDF instead (electron/shell/minutes-pdf.ts).
 *
 * The page runs with JavaScript disabled and every network request refused: the minutes are static HTML whose
 * only resources are the data: URLs of the bundled fonts. Before printing, every font face must have loaded
 * (a face that failed would let Chromium substitute a system font).
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
] as const;

/** Where a Chromium or Chrome is usually installed, in the order tried after $CHROMIUM. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export class ChromiumNotFoundError extends Error {
  constructor(tried: readonly string[]) {
    super(
      'No Chromium found to render the PDF. Install one (Debian/Ubuntu: `apt-get install chromium`; macOS or Windows: '
      + 'Google Chrome) or set CHROMIUM to its executable. Looked at: ' + tried.join(', '),
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/** $CHROMIUM when set (it must exist), else the first usual path that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const fromEnv = env.CHROMIUM?.trim();
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError([`CHROMIUM=${fromEnv} (does not exist)`]);
  }
  const found = CHROMIUM_CANDIDATES.find((p) => exists(p));
  if (!found) throw new ChromiumNotFoundError(CHROMIUM_CANDIDATES);
  return found;
}

export interface RenderOptions {
  /** Tagged (accessible) PDF; default true. */
  tagged?: boolean;
  /** Document outline (bookmarks) from the headings; default true. */
  outline?: boolean;
  /** Give up after this long (default 120 s: 200-case minutes take a few seconds). */
  timeoutMs?: number;
}

export interface PdfRenderer {
  render(html: string, options?: RenderOptions): Promise<Buffer>;
  close(): Promise<void>;
}

/** Checks, in the page, that no font face failed to load (run after document.fonts.ready). */
const FONT_CHECK = `(async () => {
  await document.fonts.ready;
  const faces = [...document.fonts];
  return { failed: faces.filter((f) => f.status === 'error').map((f) => f.family + ' ' + f.weight + ' ' + f.style), loaded: faces.filter((f) => f.status === 'loaded').length };
})()`;

interface FontState { failed: string[]; loaded: number }

/** Starts one Chromium that can render many documents (the bench and the tests reuse it). */
export async function openPdfRenderer(executablePath = findChromium()): Promise<PdfRenderer> {
  // Loaded on first use: the Electron app never renders through it, so its start-up does not pay for it.
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  // Nothing leaves the page: the document is self-contained (fonts are data: URLs, which are not requests).
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  return {
    async render(html, options = {}) {
      const page = await context.newPage();
      try {
        const timeout = options.timeoutMs ?? 120_000;
        page.setDefaultTimeout(timeout);
        await page.setContent(html, { waitUntil: 'load', timeout });
        const fonts = (await page.evaluate(FONT_CHECK)) as FontState;
        if (fonts.failed.length > 0) throw new Error(`bundled font(s) failed to load: ${fonts.failed.join(', ')}`);
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          tagged: options.tagged ?? true,
          outline: options.outline ?? true,
          displayHeaderFooter: false,
          preferCSSPageSize: true,
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** One document: start Chromium, render, close. */
export async function renderPdf(html: string, options: RenderOptions & { executablePath?: string } = {}): Promise<Buffer> {
  const renderer = await openPdfRenderer(options.executablePath ?? findChromium());
  try {
    return await renderer.render(html, options);
  } finally {
    await renderer.close();
  }
}
