/**
 * The board server (`serve --network`): the app and the API over HTTPS only (TLS 1.2+), for a hospital network.
 * Every API call needs a signed-in session (cookie: HttpOnly, Secure, SameSite=Strict, `__Host-` prefix); the
 * account behind it is the actor of the call, so nobody can act as someone else, and the dispatcher checks its role.
 * Transport-level endpoints: `session.login`, `session.logout`, `session.account` and `GET /api/events` (SSE).
 * Hygiene: HSTS, CSP, nosniff, Referrer-Policy, no-store on every API answer; Origin check (CSRF) on top of
 * SameSite; Host check (DNS rebinding); per-address login rate limit; 413 JSON for large bodies; graceful close.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { hostname as osHostname, networkInterfaces } from 'node:os';
import path from 'node:path';
import type { Socket } from 'node:net';
import type { ApiErrorCode, ApiResult } from '../../shared/api';
import { loginInputSchema, type Account, type SignedIn } from '../../shared/domain/accounts';
import { DomainError } from '../../shared/errors';
import type { DbLike as Db } from '../../db/sql/port';
import {
  createSession, DEFAULT_SESSION_POLICY, endSession, resolveSession, verifyLogin, type ActiveSession, type SessionPolicy,
} from '../../db/repositories/users';
import type { CallContext, Dispatch } from '../../shared/api';
import { DATABASE_UNREACHABLE, zodIssueToError } from '../api/dispatcher';
import { isDatabaseUnreachable } from '../../db/sql/port';
import { SessionCache } from './session-cache';
import { ChangeFeed, changesHead, readChanges, type ChangeEvent, type ChangeReader } from './events';
import { startPgListener, type PgListener } from './pg-listener';
import { maxBodyBytes } from '../../shared/api/limits';
import { CONTENT_SECURITY_POLICY, megabytes, operationName, readBody } from './server';
import { resolveStaticPath } from './static-path';

export const SESSION_COOKIE = '__Host-tb_session';
const MAX_LOGIN_BODY_BYTES = 16 * 1024;
const UNSIGNED = 'sign in first (your session has ended or you are not signed in)';
/** Per address and minute: a meeting room behind one address signs in together; the account lock stops guessing. */
export const DEFAULT_LOGIN_RATE = 60;
const SSE_HEARTBEAT_MS = 20_000;
const FEED_POLL_MS = 500;
/** On PostgreSQL with LISTEN in place, notifications wake the feed; the timer is only a safety net. */
const FEED_SAFETY_POLL_MS = 10_000;

const STATUS: Record<ApiErrorCode, number> = {
  UNKNOWN_OPERATION: 404, VALIDATION: 400, NOT_FOUND: 404, CONFLICT: 409, READ_ONLY: 409, UNAUTHENTICATED: 401, FORBIDDEN: 403, TOO_LARGE: 413, INTERNAL: 500, UNAVAILABLE: 503,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

const SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface NetworkHostOptions {
  dispatch: Dispatch;
  /** The current connection (it changes after a restore): sessions and the change feed read it. */
  db: () => Db;
  /** Builds the call context of a signed-in account (the actor of every call it makes). */
  contextFor: (session: ActiveSession) => CallContext;
  staticDir: string;
  tls: { cert: string; key: string };
  /** Address to listen on (e.g. 0.0.0.0 or 127.0.0.1) and port (0: any free port). */
  host: string;
  port: number;
  /** Extra names the server is reached by (Host check); the listen address, localhost and this machine's names and addresses are allowed. */
  names?: readonly string[];
  policy?: SessionPolicy;
  loginRatePerMinute?: number;
  log?: (line: string) => void;
  /** For tests: the clock of sessions and lockouts. */
  now?: () => Date;
  /**
   * On PostgreSQL: where to LISTEN for committed changes of other processes (other servers, the CLI), so their
   * events reach this server's streams at once instead of at the next poll.
   */
  postgres?: { url: string; password?: string | undefined };
  /**
   * Where sessions are looked up, signed in and out; default: on `db()` in this thread. A board server on PostgreSQL
   * hands them to its cores with the operations (./board-cores.ts).
   */
  sessions?: SessionStore;
  /**
   * Where the change feed reads the audit log; default: `db()` in this thread. A board server on PostgreSQL reads
   * it in a core, so this thread (every request's TLS and JSON) never waits on the database.
   */
  changes?: ChangeReader;
}

/** Sessions, asynchronously (in this thread or in a core). Refusals are DomainErrors (wrong password, locked account). */
export interface SessionStore {
  resolve(token: string): Promise<ActiveSession | null>;
  login(name: string, password: string): Promise<{ account: Account; token: string }>;
  logout(token: string): Promise<boolean>;
  /**
   * The session look-up and the call in one trip (a board core on PostgreSQL: one hop and one wake-up fewer per
   * request); `null` when the token names no live session, and nothing was called.
   */
  callAs?(token: string, name: string, input: unknown): Promise<{ session: ActiveSession; result: ApiResult } | null>;
}

export interface NetworkHost {
  url: string;
  port: number;
  server: Server;
  feed: ChangeFeed;
  /** On PostgreSQL: the LISTEN connection that wakes the feed (null on SQLite). */
  listener: PgListener | null;
  /** Stops taking requests, lets the ones in flight (writes) finish, closes event streams and idle connections. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, result: ApiResult, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...extra });
}

const sendResult = (res: ServerResponse, result: ApiResult, extra: Record<string, string> = {}): void =>
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result, extra);

const fail = (code: ApiErrorCode, message: string, field?: string): ApiResult => ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

/** Reads a JSON body of at most `limit` bytes; an over-limit one is answered 413 JSON (drained when small enough). */
async function readJson(req: IncomingMessage, res: ServerResponse, limit: number): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const body = await readBody(req, limit);
  if (!body.ok) {
    sendJson(res, 413, fail('TOO_LARGE', `the request is larger than ${megabytes(limit)}, the limit for this operation`), body.drained ? {} : { Connection: 'close' });
    if (!body.drained) res.on('finish', () => req.destroy());
    return { ok: false };
  }
  try {
    return { ok: true, value: body.raw.length ? (JSON.parse(body.raw.toString('utf8')) as unknown) : {} };
  } catch {
    sendJson(res, 400, fail('VALIDATION', 'the request body must be JSON'));
    return { ok: false };
  }
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

const sessionCookie = (token: string, maxAgeSeconds: number): string =>
  `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
const clearedCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

/** A fixed-window counter per address: enough to slow a flood, generous to a room behind one address. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}
  /** True when the attempt is allowed (and counted). */
  take(key: string): boolean {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      this.windows.set(key, { start: t, count: 1 });
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (t - v.start >= 60_000) this.windows.delete(k);
      return true;
    }
    w.count++;
    return w.count <= this.perMinute;
  }
}

export const signedInOf = (a: Account): SignedIn => ({ name: a.name, role: a.role, profile_id: a.profile_id });

/** Names a client may put in the Host header: the listen address, loopback, this machine's name and addresses, and the configured ones. */
function allowedHostNames(host: string, extra: readonly string[]): Set<string> {
  const names = new Set<string>(['localhost', '127.0.0.1', '[::1]', ...extra.map((n) => n.toLowerCase())]);
  if (host !== '0.0.0.0' && host !== '::') names.add(host.includes(':') ? `[${host}]` : host);
  else {
    names.add(osHostname().toLowerCase());
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
    }
  }
  return names;
}

export function startNetworkHost(options: NetworkHostOptions): Promise<NetworkHost> {
  const policy = options.policy ?? DEFAULT_SESSION_POLICY;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const limiter = new RateLimiter(options.loginRatePerMinute ?? DEFAULT_LOGIN_RATE, () => now().getTime());
  const feed = new ChangeFeed(options.changes ?? ((after) => readChanges(options.db(), after)), changesHead(options.db()));
  /** Reads the feed; a failure (a lost connection) is logged, the next poll picks up from the same place. */
  const poll = (): Promise<void> => feed.poll().catch((error: unknown) => log(`change feed: ${error instanceof Error ? error.message : String(error)}`));
  const streams = new Set<ServerResponse>();
  let port = 0;
  let hostNames = new Set<string>();
  let origins = new Set<string>();
  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const hostAllowed = (host: string | undefined): boolean => {
    if (!host) return false;
    const m = /^(.+):(\d+)$/.exec(host.toLowerCase());
    return m !== null && Number(m[2]) === port && hostNames.has(m[1] ?? '');
  };

  /** CSRF: a browser always sends Origin on a POST; it must be this server. Non-browser clients send none. */
  const originAllowed = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    if (origin === undefined) return req.headers['sec-fetch-site'] === undefined || req.headers['sec-fetch-site'] === 'same-origin' || req.headers['sec-fetch-site'] === 'none';
    return origins.has(origin.toLowerCase());
  };

  const sessions: SessionStore = options.sessions ?? {
    resolve: async (token) => resolveSession(options.db(), token, policy, now()),
    login: async (name, password) => {
      const account = verifyLogin(options.db(), name, password, policy, now());
      return { account, token: createSession(options.db(), account, policy, now()).token };
    },
    logout: async (token) => endSession(options.db(), token, now()),
  };

  /** Sessions just looked up, for the one-trip path (./session-cache.ts: 2 s, forgotten on any account change). */
  const cache = sessions.callAs ? new SessionCache() : null;
  if (cache) feed.onAccountsChanged(() => cache.forget());

  const sessionOf = async (req: IncomingMessage): Promise<{ token: string; session: ActiveSession } | null> => {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!token) return null;
    const session = await sessions.resolve(token);
    return session ? { token, session } : null;
  };

  const clientAddress = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';

  const login = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!limiter.take(clientAddress(req))) {
      return sendJson(res, 429, fail('UNAUTHENTICATED', 'too many sign-in attempts from this address; wait a minute and try again'), { 'Retry-After': '60' });
    }
    const body = await readJson(req, res, MAX_LOGIN_BODY_BYTES);
    if (!body.ok) return;
    const parsed = loginInputSchema.safeParse(body.value);
    if (!parsed.success) return sendResult(res, { ok: false, error: zodIssueToError(parsed.error) });
    try {
      const { account, token } = await sessions.login(parsed.data.name, parsed.data.password);
      if (!listener?.listening) await poll();
      return sendResult(res, { ok: true, value: signedInOf(account) }, { 'Set-Cookie': sessionCookie(token, Math.floor(policy.absoluteMs / 1000)) });
    } catch (error) {
      if (error instanceof DomainError) return sendResult(res, { ok: false, error: error.toBody() });
      throw error;
    }
  };

  const events = (req: IncomingMessage, res: ServerResponse, after: number): void => {
    res.writeHead(200, {
      ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const write = (e: ChangeEvent) => {
      const { seq, ...data } = e;
      res.write(`id: ${seq}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.write(`retry: 1000\n: connected\n\n`);
    // What the client missed while away (from the audit log, up to where the feed is now), then everything new. The
    // feed's notices are held while the log is read, and let through only past what was replayed: none lost or doubled.
    const upTo = feed.lastSeq;
    let sent = Math.min(after, upTo);
    let held: ChangeEvent[] | null = [];
    const pass = (e: ChangeEvent) => {
      if (e.seq <= sent) return;
      write(e);
      sent = e.seq;
    };
    const unsubscribe = feed.subscribe((e) => (held ? held.push(e) : pass(e)));
    void feed.replay(sent, upTo, pass)
      .catch((error: unknown) => {
        // Ending the stream makes the client reconnect with its Last-Event-ID and be replayed again: nothing skipped.
        log(`change feed: replaying for a reconnecting client failed: ${error instanceof Error ? error.message : String(error)}`);
        res.end();
      })
      .finally(() => {
        const waiting = held ?? [];
        held = null;
        if (!res.writableEnded) for (const e of waiting) pass(e);
      });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
    streams.add(res);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  };

  /**
   * A call whose body is no larger than a sign-in's (nearly all of them) is read before the caller is known, then the
   * session and the call go to a core together; a caller without a session still gets 401 and nothing else, and
   * cannot make the server read more than it reads for a sign-in. False: not such a call (the usual path takes it).
   */
  const callInOneTrip = async (req: IncomingMessage, res: ServerResponse, url: URL,
    callAs: NonNullable<SessionStore['callAs']>): Promise<boolean> => {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    const length = Number(req.headers['content-length']);
    const opName = operationName(url.pathname);
    if (!token || opName === null || !Number.isSafeInteger(length) || length > MAX_LOGIN_BODY_BYTES) return false;
    const body = await readBody(req, MAX_LOGIN_BODY_BYTES);
    if (!body.ok) {
      sendJson(res, 413, fail('TOO_LARGE', `the request is larger than it said (${megabytes(MAX_LOGIN_BODY_BYTES)} at most here)`), { Connection: 'close' });
      res.on('finish', () => req.destroy());
      return true;
    }
    let input: unknown;
    try {
      input = body.raw.length ? (JSON.parse(body.raw.toString('utf8')) as unknown) : {};
    } catch {
      // As on the usual path: who calls is settled before what they sent.
      const session = await sessions.resolve(token);
      sendJson(res, session ? 400 : 401, session ? fail('VALIDATION', 'the request body must be JSON') : fail('UNAUTHENTICATED', UNSIGNED));
      return true;
    }
    const known = cache?.get(token);
    let result: ApiResult;
    if (known) result = await options.dispatch(opName, input, options.contextFor(known));
    else {
      const answer = await callAs(token, opName, input);
      if (!answer) {
        sendJson(res, 401, fail('UNAUTHENTICATED', UNSIGNED));
        return true;
      }
      cache?.set(token, answer.session);
      result = answer.result;
    }
    // An account changed through this server: no session is reused past the answer (other servers hear of it by NOTIFY).
    if (opName.startsWith('users.')) cache?.forget();
    if (result.ok && !listener?.listening) await poll();
    sendResult(res, result);
    return true;
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const name = url.pathname.slice('/api/'.length);
    if (name === 'events') {
      if (req.method !== 'GET') return sendJson(res, 405, fail('VALIDATION', 'use GET for /api/events'));
      const signed = await sessionOf(req);
      if (!signed) return sendJson(res, 401, fail('UNAUTHENTICATED', 'sign in first'));
      const lastId = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? feed.lastSeq);
      return events(req, res, Number.isSafeInteger(lastId) && lastId >= 0 ? lastId : feed.lastSeq);
    }
    if (req.method !== 'POST') return sendJson(res, 405, fail('VALIDATION', 'use POST for /api/ operations'));
    if (!originAllowed(req)) return sendJson(res, 403, fail('FORBIDDEN', 'cross-site request refused'));
    if (name === 'session.login') return login(req, res);
    if (sessions.callAs && name !== 'session.logout' && name !== 'session.account') {
      const answered = await callInOneTrip(req, res, url, sessions.callAs);
      if (answered) return;
    }
    const signed = await sessionOf(req);
    if (name === 'session.logout') {
      if (signed) {
        await sessions.logout(signed.token);
        cache?.forget();
        if (!listener?.listening) await poll();
      }
      return sendResult(res, { ok: true, value: { signed_out: signed !== null } }, { 'Set-Cookie': clearedCookie });
    }
    if (!signed) {
      // Read (and drop) a small body so the client can read the answer; a large one is not read: the connection closes.
      const body = await readBody(req, MAX_LOGIN_BODY_BYTES);
      const drained = body.ok || body.drained;
      sendJson(res, 401, fail('UNAUTHENTICATED', UNSIGNED), drained ? {} : { Connection: 'close' });
      if (!drained) res.on('finish', () => req.destroy());
      return;
    }
    if (name === 'session.account') return sendResult(res, { ok: true, value: signedInOf(signed.session.account) });
    // Only a signed-in caller gets this far, so only they can make the server read a large (import) body.
    const opName = operationName(url.pathname);
    const body = await readJson(req, res, maxBodyBytes(opName ?? ''));
    if (!body.ok) return;
    if (opName === null) return sendResult(res, fail('UNKNOWN_OPERATION', 'malformed operation name (bad percent-encoding)'));
    const result = await options.dispatch(opName, body.value, options.contextFor(signed.session));
    // The call's own changes go out at once. On PostgreSQL with LISTEN in place its commit's NOTIFY wakes the feed as
    // another server's would, so a read does not pay a round trip to look for changes.
    if (result.ok && !listener?.listening) await poll();
    return sendResult(res, result);
  };

  const staticFile = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = resolveStaticPath(options.staticDir, url.pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file'); // never a directory listing
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      send(res, 200, body, type, { 'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600' });
    } catch {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host)) return send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
    if (closing) return sendJson(res, 503, fail('INTERNAL', 'the board server is shutting down'), { Connection: 'close' });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'localhost'}`);
    } catch {
      return send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    }
    if (url.pathname.startsWith('/api/')) return api(req, res, url);
    return staticFile(req, res, url);
  };

  const sockets = new Set<Socket>();
  const server = createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, (req, res) => {
    inFlight++;
    const done = () => {
      inFlight--;
      if (inFlight === 0 && drained) drained();
    };
    res.once('close', done);
    handle(req, res).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      // A session look-up that met a lost database connection is the database's outage, not our fault: 503 in words.
      const unreachable = isDatabaseUnreachable(error) || (error instanceof DomainError && error.code === 'UNAVAILABLE');
      if (!res.headersSent) sendJson(res, unreachable ? 503 : 500, unreachable ? fail('UNAVAILABLE', DATABASE_UNREACHABLE) : fail('INTERNAL', 'internal error'));
      else res.destroy();
    });
  });
  // Keep idle connections longer than a person's pause between clicks (Node's default of 5 s races a client reusing one).
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client speaking plain HTTP (or an old TLS) to this port gets no answer at all, only a closed connection.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  const listener = options.postgres
    ? startPgListener({ url: options.postgres.url, password: options.postgres.password, onChange: () => void poll(), log })
    : null;
  let lastPoll = Date.now();
  const timer = setInterval(() => {
    // Polling finds changes made by other processes; on PostgreSQL, NOTIFY does it at once while LISTEN is in place.
    if (listener?.listening && Date.now() - lastPoll < FEED_SAFETY_POLL_MS) return;
    lastPoll = Date.now();
    void poll();
  }, FEED_POLL_MS);
  timer.unref();

  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      void listener?.close();
      reject(error);
    });
    server.listen(options.port, options.host, () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no address'));
      port = address.port;
      hostNames = allowedHostNames(options.host, options.names ?? []);
      origins = new Set([...hostNames].map((h) => `https://${h}:${port}`));
      const shown = options.host === '0.0.0.0' || options.host === '::' ? (options.names?.[0] ?? osHostname()) : options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `https://${shown}:${port}/`,
        port,
        server,
        feed,
        listener,
        close: async () => {
          closing = true;
          clearInterval(timer);
          await listener?.close();
          await new Promise<void>((done) => {
            server.close(() => done());
            for (const s of streams) s.end();
            server.closeIdleConnections();
            // Writes in flight finish (the database transaction commits); then every connection goes.
            const finish = () => {
              for (const socket of sockets) socket.destroy();
            };
            if (inFlight === 0) finish();
            else drained = finish;
          });
        },
      });
    });
  });
}

