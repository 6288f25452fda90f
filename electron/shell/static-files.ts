/**
 * Serving the built renderer (dist/renderer) for the app:// protocol, as pure-ish functions: path
 * resolution takes plain strings and the file read is injectable, so the traversal defences and the
 * headers are unit tested without Electron. protocol.ts turns a StaticResponse into a web Response.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, SECURITY_HEADERS } from './policy';

export type ResolveResult =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Dot segments, encoded dots/slashes/backslashes and NUL anywhere in the raw path are refused outright,
 * before URL parsing gets a chance to normalise them: a legitimate request for a built asset never has them
 * (Chromium normalises what it sends), so their presence means someone is probing.
 */
const SUSPICIOUS_RAW = /(^|[/\\])\.\.?([/\\]|$)|%2e|%2f|%5c|%00|\\|\0/i;

/** Resolves an app:// URL to a file inside `rootDir`, or says why not. `rootDir` must be absolute. */
export function resolveAppPath(rootDir: string, rawUrl: string): ResolveResult {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!rawUrl.toLowerCase().startsWith(`${prefix}/`) && rawUrl.toLowerCase() !== prefix) {
    return { ok: false, status: 403, reason: 'not an app:// URL of this application' };
  }
  const rawPath = rawUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (SUSPICIOUS_RAW.test(rawPath)) return { ok: false, status: 403, reason: 'path traversal refused' };

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403, reason: 'not an app:// URL of this application' };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };

  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  // Belt and braces: whatever survived the checks above must still land inside the root.
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { ok: false, status: 403, reason: 'path traversal refused' };
  }
  return { ok: true, filePath };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

function errorResponse(status: number, text: string): StaticResponse {
  return { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * Answers one app:// request. Only GET and HEAD; a missing path without a file extension falls back to
 * index.html (client-side routes survive a reload); a missing asset is a 404. The CSP and the other
 * security headers are on every response, errors included.
 */
export async function serveAppRequest(
  rootDir: string,
  rawUrl: string,
  method = 'GET',
  readFile: ReadFile = fsReadFile,
): Promise<StaticResponse> {
  if (method !== 'GET' && method !== 'HEAD') return errorResponse(405, 'method not allowed');
  const resolved = resolveAppPath(rootDir, rawUrl);
  if (!resolved.ok) return errorResponse(resolved.status, resolved.reason);

  let filePath = resolved.filePath;
  let body: Uint8Array;
  try {
    body = await readFile(filePath);
  } catch {
    if (path.extname(filePath) !== '') return errorResponse(404, 'not found');
    filePath = path.resolve(rootDir, 'index.html');
    try {
      body = await readFile(filePath);
    } catch {
      return errorResponse(404, 'not found');
    }
  }
  return {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(filePath) },
    body: method === 'HEAD' ? '' : body,
  };
}
