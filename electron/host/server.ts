/**
 * The browser host: the real services on a real database, reached over HTTP on loopback only.
 * It serves the built renderer and `POST /api/<operation>` through the same dispatcher as Electron IPC; `call`
 * resolves who acts (the local seat) and dispatches.
 * Guards: bound to 127.0.0.1; a random per-run token (sent by the page as a Bearer header, handed over in
 * the URL fragment so it is never fetched or logged); Host header pinned to our address (defeats DNS
 * rebinding); Origin, when sent, must be ours; bodies capped; errors carry only { code, message }.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiErrorCode, ApiResult } from '../../shared/api';
import { maxBodyBytes } from '../../shared/api/limits';
import { resolveStaticPath } from './static-path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

/** Past this much an over-limit body is no longer read to the end: the connection is closed after the 413. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

const STATUS: Record<ApiErrorCode, number> = {
  UNKNOWN_OPERATION: 404, VALIDATION: 400, NOT_FOUND: 404, CONFLICT: 409, READ_ONLY: 409, UNAUTHENTICATED: 401, FORBIDDEN: 403, TOO_LARGE: 413, INTERNAL: 500, UNAVAILABLE: 503,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

export interface BrowserHostOptions {
  /** One API call from this host's page: the app context resolves the local seat's actor and dispatches. */
  call: (name: string, input: unknown) => Promise<ApiResult>;
  staticDir: string;
  port?: number;
  /** For tests only; a run normally gets a fresh random token. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  /** The URL to open: carries the token in the fragment. */
  openUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

function sendResult(res: ServerResponse, result: ApiResult): void {
  const status = result.ok ? 200 : STATUS[result.error.code];
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

const fail = (code: ApiErrorCode, message: string): ApiResult => ({ ok: false, error: { code, message } });

export type Body = { ok: true; raw: Buffer } | { ok: false; drained: boolean };

/**
 * Reads a body of at most `limit` bytes. A larger one is read on (and thrown away) up to DRAIN_LIMIT_BYTES so
 * the client, still sending, can read our 413 instead of seeing its connection reset.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > limit + DRAIN_LIMIT_BYTES) {
          req.pause();
          resolve({ ok: false, drained: false });
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, drained: true } : { ok: true, raw: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

/** The operation named in `/api/<name>`, or null when the percent-encoding is malformed. */
export function operationName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let allowedHosts = new Set<string>();
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendResult(res, fail('VALIDATION', 'use POST for /api/ operations'));
      if (req.headers.origin !== undefined && req.headers.origin !== origin) return sendResult(res, fail('FORBIDDEN', 'cross-origin request refused'));
      if (!tokenMatches(req.headers.authorization, token)) return sendResult(res, fail('UNAUTHENTICATED', 'missing or wrong token'));
      const name = operationName(url.pathname);
      const limit = maxBodyBytes(name ?? '');
      const body = await readBody(req, limit);
      if (!body.ok) {
        const closing: Record<string, string> = body.drained ? {} : { Connection: 'close' };
        send(res, 413, JSON.stringify(fail('TOO_LARGE', `the request is larger than ${megabytes(limit)}, the limit for this operation`)),
          'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...closing });
        if (!body.drained) res.on('finish', () => req.destroy());
        return;
      }
      if (name === null) return sendResult(res, fail('UNKNOWN_OPERATION', 'malformed operation name (bad percent-encoding)'));
      let input: unknown;
      try {
        input = body.raw.length ? (JSON.parse(body.raw.toString('utf8')) as unknown) : {};
      } catch {
        return sendResult(res, fail('VALIDATION', 'request body must be JSON'));
      }
      return sendResult(res, await options.call(name, input));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      return;
    }
    const file = resolveStaticPath(options.staticDir, url.pathname);
    if (!file) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      send(res, 200, body, type, { 'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600' });
    } catch {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendResult(res, fail('INTERNAL', 'internal error'));
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no address'));
      const port = address.port;
      origin = `http://127.0.0.1:${port}`;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `${origin}/`,
        openUrl: `${origin}/#token=${token}`,
        port,
        token,
        server,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}
