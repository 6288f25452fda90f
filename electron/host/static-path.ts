import path from 'node:path';

/**
 * Maps a URL path to a file inside `root`, or null when it would leave it (../, encoded slashes, NUL).
 * Paths without an extension fall back to index.html (single-page app).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || path.extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  return full === base || !full.startsWith(base + path.sep) ? null : full;
}
