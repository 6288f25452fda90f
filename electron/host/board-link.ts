/**
 * The desktop app's link to a board server ("Board server" setting). The window keeps calling one IPC function;
 * this link answers the connection calls (shared/api/connection.ts) itself and routes every operation either to
 * this computer's core (local mode) or to the board server over HTTPS (server mode):
 * - First contact reads the server's certificate without trusting it (`connection.probe`); the user compares its
 *   SHA-256 fingerprint with the administrator's and confirms (`connection.connect`): the certificate is pinned
 *   (electron/host/pinning.ts) and kept in `board-server.json` beside the local database (0600). From then on only
 *   that certificate is trusted; another one is refused with a message naming both fingerprints, nothing sent.
 * - The session cookie the server sets on sign-in stays in this process: the window never sees it.
 * - Server unreachable: the call answers UNAVAILABLE ("nothing was changed"), the status says offline; nothing
 *   is queued or retried behind the user's back.
 * - Live updates: one Server-Sent Events stream per signed-in link, read here and handed to the window by long
 *   poll (`connection.events`), resuming with Last-Event-ID after a break.
 * - The local database is left as it is: `connection.useLocal` routes calls back to it (the pin is kept).
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request, type Agent } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { apiErrorSchema, type ApiResult } from '../../shared/api';
import {
  connectInputSchema, eventsInputSchema, isConnectionCall, probeInputSchema, type ConnectionStatus, type EventsResult,
  type ProbeResult, type SeqChangeNotice,
} from '../../shared/api/connection';
import { signedInSchema, type SignedIn } from '../../shared/domain/accounts';
import { fetchCertificate, normaliseFingerprint, pinnedAgent, PinMismatchError, pinProblem, type Pin } from './pinning';

const SESSION_COOKIE = '__Host-tb_session';
const REQUEST_TIMEOUT_MS = 30_000;
const EVENTS_KEPT = 1000;
const RECONNECT_MS = [1000, 2000, 5000] as const;

const savedSchema = z.strictObject({
  use: z.enum(['local', 'server']),
  server: z.strictObject({ url: z.string(), fingerprint: z.string(), pem: z.string() }).nullable(),
});
type Saved = z.infer<typeof savedSchema>;

const apiResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

export interface BoardLinkOptions {
  /** Where the setting is kept (beside the local database). */
  file: string;
  /** One call into this computer's core. */
  local: (name: unknown, input: unknown) => Promise<ApiResult>;
  log?: (line: string) => void;
  /** For tests: how long a long poll waits at most. */
  maxWaitMs?: number;
}

export interface BoardLink {
  call(name: unknown, input: unknown): Promise<ApiResult>;
  status(): ConnectionStatus;
  close(): void;
}

const fail = (code: z.infer<typeof apiErrorSchema>['code'], message: string, field?: string): ApiResult =>
  ({ ok: false, error: { code, message, ...(field ? { field } : {}) } });

const invalid = (error: z.ZodError): ApiResult => {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.');
  return fail('VALIDATION', `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, field || undefined);
};

function readSaved(file: string, log: (line: string) => void): Saved {
  if (!existsSync(file)) return { use: 'local', server: null };
  try {
    return savedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    log(`${file} is not a board-server setting this version understands; using this computer's database`);
    return { use: 'local', server: null };
  }
}

function writeSaved(file: string, saved: Saved): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

const unreachable = (url: string, reason: string): string =>
  `the board server ${url} cannot be reached (${reason}). Nothing was changed and nothing is waiting to be sent: try again when the connection is back.`;

export function createBoardLink(options: BoardLinkOptions): BoardLink {
  const log = options.log ?? (() => undefined);
  const maxWait = options.maxWaitMs ?? 25_000;
  let saved = readSaved(options.file, log);
  let agent: Agent | null = null;
  let cookie: string | null = null;
  let account: SignedIn | null = null;
  let online = true;
  let problem: string | null = null;
  /** The certificate read by the last probe, per address: only a fingerprint the user saw can be confirmed. */
  const probed = new Map<string, Pin>();

  const pin = (): Pin | null => (saved.server ? { fingerprint: saved.server.fingerprint, pem: saved.server.pem } : null);
  const agentOf = (): Agent | null => {
    const p = pin();
    if (!p) return null;
    agent ??= pinnedAgent(p);
    return agent;
  };

  // ---- the change stream (SSE), read here, handed out by long poll ----
  const events: SeqChangeNotice[] = [];
  let last = 0;
  let stream: { stop(): void } | null = null;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  const setOnline = (value: boolean, why: string | null = null) => {
    const changed = online !== value || problem !== why;
    online = value;
    problem = why;
    if (changed) wake();
  };

  const startStream = () => {
    if (stream || saved.use !== 'server' || !cookie || !saved.server) return;
    let stopped = false;
    let attempt = 0;
    let current: IncomingMessage | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const url = saved.server.url;
    const open = () => {
      const a = agentOf();
      if (stopped || !a || !cookie) return;
      const req = request(new URL('api/events', url), {
        method: 'GET', agent: a,
        headers: { Accept: 'text/event-stream', Cookie: `${SESSION_COOKIE}=${cookie}`, ...(last > 0 ? { 'Last-Event-ID': String(last) } : {}) },
      }, (res) => {
        current = res;
        if (res.statusCode === 401) {
          res.resume();
          cookie = null;
          account = null;
          stream = null;
          stopped = true;
          wake();
          return;
        }
        if (res.statusCode !== 200) {
          res.resume();
          return retry(`it answered ${res.statusCode ?? 'nothing'}`);
        }
        attempt = 0;
        setOnline(true);
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let id: number | null = null;
            let data = '';
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) id = Number(line.slice(4));
              else if (line.startsWith('data: ')) data += line.slice(6);
            }
            if (id === null || !Number.isSafeInteger(id) || data === '') continue;
            try {
              const notice = { ...(JSON.parse(data) as Record<string, unknown>), seq: id };
              events.push(notice as SeqChangeNotice);
              if (events.length > EVENTS_KEPT) events.splice(0, events.length - EVENTS_KEPT);
              last = Math.max(last, id);
              wake();
            } catch {
              log('board server: an event that is not JSON was ignored');
            }
          }
        });
        res.on('end', () => retry('the event stream ended'));
        res.on('error', () => retry('the event stream broke'));
      });
      req.on('error', (error: Error) => {
        const p = pin();
        void (p ? pinProblem(url, p, error) : Promise.resolve(null)).then((mismatch) => {
          if (mismatch) problem = mismatch.message;
          retry(error.message);
        });
      });
      req.end();
    };
    const retry = (why: string) => {
      if (stopped) return;
      current = null;
      setOnline(false, problem ?? unreachable(url, why));
      const wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)] ?? 5000;
      attempt++;
      timer = setTimeout(open, wait);
      timer.unref();
    };
    stream = {
      stop: () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        current?.destroy();
      },
    };
    open();
  };
  const stopStream = () => {
    stream?.stop();
    stream = null;
  };

  // ---- one call to the server ----
  const remote = (name: string, input: unknown): Promise<ApiResult> => {
    const server = saved.server;
    const a = agentOf();
    if (!server || !a) return Promise.resolve(fail('UNAVAILABLE', 'no board server is set up: choose one in Board server'));
    const payload = JSON.stringify(input ?? {});
    return new Promise((resolve) => {
      const req = request(new URL(`api/${encodeURIComponent(name)}`, server.url), {
        method: 'POST', agent: a, timeout: REQUEST_TIMEOUT_MS,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...(cookie ? { Cookie: `${SESSION_COOKIE}=${cookie}` } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => resolve(fail('UNAVAILABLE', unreachable(server.url, 'the answer was cut off'))));
        res.on('end', () => {
          setOnline(true);
          const set = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${SESSION_COOKIE}=`));
          if (set !== undefined) cookie = set.slice(SESSION_COOKIE.length + 1) || null;
          if (res.statusCode === 401 && name !== 'session.login') {
            cookie = null;
            account = null;
            stopStream();
          }
          let parsed: z.infer<typeof apiResultSchema> | null = null;
          try {
            const r = apiResultSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            if (r.success) parsed = r.data;
          } catch { /* below */ }
          if (!parsed) return resolve(fail('INTERNAL', `the board server answered ${res.statusCode ?? 'nothing'} without a readable result`));
          resolve(parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: parsed.error });
        });
      });
      req.on('timeout', () => req.destroy(new Error('no answer in time')));
      req.on('error', (error: Error) => {
        void pinProblem(server.url, { fingerprint: server.fingerprint, pem: server.pem }, error).then((mismatch) => {
          if (mismatch) {
            setOnline(false, mismatch.message);
            return resolve(fail('UNAVAILABLE', mismatch.message));
          }
          setOnline(false, null);
          resolve(fail('UNAVAILABLE', unreachable(server.url, error.message)));
        });
      });
      req.end(payload);
    });
  };

  const status = (): ConnectionStatus => ({
    mode: saved.use, url: saved.server?.url ?? null, fingerprint: saved.server?.fingerprint ?? null,
    online: saved.use === 'local' ? true : online, problem: saved.use === 'local' ? null : problem, account: saved.use === 'server' ? account : null,
  });

  const forgetSession = () => {
    stopStream();
    cookie = null;
    account = null;
    events.length = 0;
    last = 0;
    wake();
  };

  const probe = async (input: unknown): Promise<ApiResult> => {
    const parsed = probeInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const url = parsed.data.url;
    try {
      const presented = await fetchCertificate(url);
      probed.set(url, presented);
      const pinned = saved.server?.url === url ? saved.server.fingerprint : null;
      const value: ProbeResult = { url, fingerprint: normaliseFingerprint(presented.fingerprint), pinned };
      return { ok: true, value };
    } catch (error) {
      return fail('UNAVAILABLE', unreachable(url, error instanceof Error ? error.message : String(error)), 'url');
    }
  };

  const connect = async (input: unknown): Promise<ApiResult> => {
    const parsed = connectInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const { url, fingerprint } = parsed.data;
    const seen = probed.get(url);
    if (saved.server && saved.server.url === url && saved.server.fingerprint !== fingerprint) {
      return fail('FORBIDDEN', `${new PinMismatchError(saved.server.fingerprint, fingerprint).message} To trust the new certificate, first choose "Forget this server".`, 'fingerprint');
    }
    if (!(saved.server?.url === url && saved.server.fingerprint === fingerprint)) {
      if (!seen || normaliseFingerprint(seen.fingerprint) !== fingerprint) {
        return fail('VALIDATION', 'check the server first: the fingerprint to confirm must be the one it presented just now', 'fingerprint');
      }
      saved = { use: 'server', server: { url, fingerprint, pem: seen.pem } };
    } else {
      saved = { ...saved, use: 'server' };
    }
    agent?.destroy();
    agent = null;
    forgetSession();
    setOnline(true, null);
    writeSaved(options.file, saved);
    log(`connected to the board server ${url} (certificate ${fingerprint})`);
    return { ok: true, value: status() };
  };

  const useLocal = (): ApiResult => {
    forgetSession();
    saved = { ...saved, use: 'local' };
    writeSaved(options.file, saved);
    return { ok: true, value: status() };
  };

  const forget = (): ApiResult => {
    forgetSession();
    agent?.destroy();
    agent = null;
    saved = { use: 'local', server: null };
    writeSaved(options.file, saved);
    return { ok: true, value: status() };
  };

  const pollEvents = async (input: unknown): Promise<ApiResult> => {
    const parsed = eventsInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const after = parsed.data.after ?? last;
    const pending = () => events.filter((e) => e.seq > after);
    if (saved.use === 'server' && cookie) startStream();
    if (pending().length === 0 && parsed.data.wait_ms > 0 && saved.use === 'server' && cookie) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(parsed.data.wait_ms, maxWait));
        timer.unref();
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const value: EventsResult = { events: pending(), last: Math.max(last, after), online: status().online, signed_in: cookie !== null };
    return { ok: true, value };
  };

  const session = async (name: 'session.login' | 'session.logout' | 'session.account', input: unknown): Promise<ApiResult> => {
    if (saved.use !== 'server') return fail('UNKNOWN_OPERATION', 'this computer is not connected to a board server');
    const result = await remote(name, input);
    if (name === 'session.logout') {
      forgetSession();
      return result;
    }
    if (result.ok) {
      const who = signedInSchema.safeParse(result.value);
      account = who.success ? who.data : null;
      if (account && cookie) startStream();
    }
    return result;
  };

  return {
    call: async (name, input) => {
      if (isConnectionCall(name)) {
        switch (name) {
          case 'connection.status': return { ok: true, value: status() };
          case 'connection.probe': return probe(input);
          case 'connection.connect': return connect(input);
          case 'connection.useLocal': return useLocal();
          case 'connection.forget': return forget();
          case 'connection.events': return pollEvents(input);
          default: return session(name, input);
        }
      }
      if (saved.use === 'local') return options.local(name, input);
      if (typeof name !== 'string') return fail('UNKNOWN_OPERATION', 'unknown operation');
      return remote(name, input);
    },
    status,
    close: () => {
      stopStream();
      wake();
      agent?.destroy();
      agent = null;
    },
  };
}
