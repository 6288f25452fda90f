/**
 * The bundled DejaVu faces as URLs for the minutes' @font-face rules: regular and bold, copied by the build into
 * dist/fonts/ beside the bundles (what the packaged app and the CLI ship); from the npm package `dejavu-fonts-ttf`
 * (a build-time dependency) when running from sources (tests, bench), which also has the oblique faces.
 * Data URLs by default: they load in any page (about:blank, a temp file, Electron's hidden window) without
 * file-access privileges, and Chromium embeds the subset it uses in the PDF. Read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** dist/fonts/ when this code runs from a bundle in dist/ (the build copies the two faces the minutes use there). */
function bundledDir(): string | null {
  if (typeof __dirname !== 'string') return null;
  const dir = path.join(__dirname, 'fonts');
  return existsSync(path.join(dir, FILES.regular)) && existsSync(path.join(dir, FILES.bold)) ? dir : null;
}

/** The folder holding the regular and bold TTFs: dist/fonts/, else the font package (running from sources). */
export function dejavuTtfDir(): string {
  return bundledDir() ?? fontPackageDir();
}

/** The font package's ttf/ folder (resolved through Node's module resolution). */
function fontPackageDir(): string {
  const require = createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'));
  try {
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    throw new Error('The bundled fonts are missing (dist/fonts/ or the npm package dejavu-fonts-ttf): run `npm ci` and `npm run build`.');
  }
}

let cached: FontUrls | null = null;

/**
 * data: URLs of DejaVu Sans regular and bold (the faces the minutes use; `withItalics` adds the oblique faces,
 * at ~0.8 MB of HTML each, which Chromium must parse on every render).
 */
export function bundledFontDataUrls(withItalics = false): FontUrls {
  const url = (dir: string, file: string) => `data:font/ttf;base64,${readFileSync(path.join(dir, file)).toString('base64')}`;
  if (!cached) {
    const dir = dejavuTtfDir();
    cached = { regular: url(dir, FILES.regular), bold: url(dir, FILES.bold) };
  }
  if (!withItalics) return cached;
  const italics = fontPackageDir();
  return { ...cached, oblique: url(italics, FILES.oblique), boldOblique: url(italics, FILES.boldOblique) };
}

/** file: URLs of the same faces (for a page loaded from a file, where the HTML should stay small). */
export function bundledFontFileUrls(): FontUrls {
  const dir = dejavuTtfDir();
  const url = (file: string) => pathToFileURL(path.join(dir, file)).href;
  return { regular: url(FILES.regular), bold: url(FILES.bold) };
}
