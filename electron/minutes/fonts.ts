/**
 * The bundled DejaVu faces (npm package `dejavu-fonts-ttf`) as URLs for the minutes' @font-face rules.
 * Data URLs by default: they load in any page (about:blank, a temp file, Electron's hidden window) without
 * file-access privileges, and Chromium embeds the subset it uses in the PDF. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FontUrls } from '../../shared/minutes/html';

const FILES: Readonly<Record<keyof FontUrls, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
};

/** The folder holding the TTFs (resolved through Node's module resolution, so it works from dist/ too). */
export function dejavuTtfDir(): string {
  const require = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
  try {
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    throw new Error('The bundled fonts (npm package dejavu-fonts-ttf) are missing: run `npm ci` to install them.');
  }
}

let cached: FontUrls | null = null;

/**
 * data: URLs of DejaVu Sans regular and bold (the faces the minutes use; `withItalics` adds the oblique faces,
 * at ~0.8 MB of HTML each, which Chromium must parse on every render).
 */
export function bundledFontDataUrls(withItalics = false): FontUrls {
  const dir = dejavuTtfDir();
  const url = (file: string) => `data:font/ttf;base64,${readFileSync(path.join(dir, file)).toString('base64')}`;
  cached ??= { regular: url(FILES.regular), bold: url(FILES.bold) };
  return withItalics ? { ...cached, oblique: url(FILES.oblique), boldOblique: url(FILES.boldOblique) } : cached;
}

/** file: URLs of the same faces (for a page loaded from a file, where the HTML should stay small). */
export function bundledFontFileUrls(): FontUrls {
  const dir = dejavuTtfDir();
  const url = (file: string) => pathToFileURL(path.join(dir, file)).href;
  return { regular: url(FILES.regular), bold: url(FILES.bold), oblique: url(FILES.oblique), boldOblique: url(FILES.boldOblique) };
}
