/**
 * Live events across server processes on PostgreSQL: every committed audit row fires `NOTIFY tb_audit` (a statement
 * trigger on audit_log, delivered only when the writing transaction commits, from whichever process wrote it: another
 * board server, the CLI). This listener holds one plain async `pg` connection in the server's main thread doing
 * `LISTEN tb_audit` and wakes the change feed, which then reads the new audit rows as on SQLite (the audit row id
 * stays the event id, so Last-Event-ID resumes across processes). The notification carries no data: the audit log
 * is the one source, so a lost notification costs nothing but latency.
 *
 * A lost connection is reported in the log and retried with backoff (0.5 s doubling to 30 s); it never throws into
 * the server. A quiet connection is checked every 30 s (`SELECT 1`), so a dead network path is noticed too. After every (re)connection the feed is woken once, for what was committed while nobody listened.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Client as PgClient, ClientConfig } from 'pg';
import { withPassword } from '../../db/sql/postgres';

/**
 * node-postgres, loaded only when a server runs on PostgreSQL (a SQLite board never needs it). It stays outside the
 * bundle (scripts/build-node.mjs), like db/sql/postgres.ts, which resolves it the same way.
 */
function loadPgClient(): typeof PgClient {
  // The bundled CLI is CommonJS (__filename is set); tests load this module as ESM: resolve from the repository then.
  const from = typeof __filename === 'string' && __filename !== '' ? __filename : path.join(process.cwd(), 'package.json');
  return (createRequire(from)('pg') as { Client: typeof PgClient }).Client;
}

export const AUDIT_CHANNEL = 'tb_audit';

/** The slice of `pg.Client` the listener uses (tests may inject a fake). */
export interface ListenClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: { channel: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  removeAllListeners(): unknown;
}

export interface PgListenerOptions {
  /** The PostgreSQL URL the server runs on. */
  url: string;
  /** A password from the environment or a file, when the URL carries none. */
  password?: string;
  /** Called when something was committed (and once after each (re)connection). Errors it throws are logged. */
  onChange: () => void;
  log: (line: string) => void;
  /** Backoff bounds in ms (tests shorten them). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often a quiet connection is checked (ms). */
  heartbeatMs?: number;
  /** For tests: makes the client. */
  makeClient?: (config: ClientConfig) => ListenClient;
}

export interface PgListener {
  /** True while LISTEN is in place. */
  readonly listening: boolean;
  /** Resolves when the first connection attempt has finished (listening or not). */
  readonly firstAttempt: Promise<void>;
  /** How many times the connection was lost (for the log and tests). */
  readonly losses: number;
  /** Stops listening and retrying. */
  close(): Promise<void>;
}

/** The URL without its password, for log lines. */
export function redactPostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL server';
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function startPgListener(options: PgListenerOptions): PgListener {
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const where = redactPostgresUrl(options.url);
  const makeClient = options.makeClient ?? ((config: ClientConfig) => new (loadPgClient())(config));
  let client: ListenClient | null = null;
  let listening = false;
  let closed = false;
  let delay = minDelay;
  let losses = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  const heartbeat = setInterval(() => {
    const current = client;
    if (listening && current) current.query('SELECT 1').catch((error: unknown) => lost(current, message(error)));
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();
  let wakeQueued = false;
  let firstDone: () => void = () => undefined;
  const firstAttempt = new Promise<void>((resolve) => { firstDone = resolve; });

  // Many commits in a burst wake the feed once per turn of the event loop (the feed reads everything new anyway).
  const wake = () => {
    if (wakeQueued || closed) return;
    wakeQueued = true;
    setImmediate(() => {
      wakeQueued = false;
      if (closed) return;
      try {
        options.onChange();
      } catch (error) {
        options.log(`live events: reading the change feed failed: ${message(error)}`);
      }
    });
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    const wait = delay;
    delay = Math.min(delay * 2, maxDelay);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, wait);
    retryTimer.unref();
  };

  const lost = (current: ListenClient, why: string) => {
    if (client !== current) return; // an old client's late event
    client = null;
    current.removeAllListeners();
    current.on('error', () => undefined); // a late socket error of a dead client must not become an uncaught one
    void current.end().catch(() => undefined);
    if (closed) return;
    if (listening) {
      losses++;
      options.log(`live events: lost the PostgreSQL connection (${why}); other servers' changes arrive by polling until it is back; retrying in ${delay / 1000} s`);
    }
    listening = false;
    scheduleRetry();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    const config: ClientConfig = { connectionString: withPassword(options.url, options.password), application_name: 'tumour-board live events', keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 10_000 };
    const current = makeClient(config);
    client = current;
    current.on('error', (error: Error) => lost(current, message(error)));
    current.on('end', () => lost(current, 'the server closed it'));
    current.on('notification', (n: { channel: string }) => {
      if (n.channel === AUDIT_CHANNEL) wake();
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${AUDIT_CHANNEL}`);
      if (client !== current || closed) {
        void current.end().catch(() => undefined);
        return;
      }
      const again = losses > 0;
      listening = true;
      delay = minDelay;
      options.log(again ? `live events: reconnected to ${where}` : `live events: listening on ${where} (channel ${AUDIT_CHANNEL})`);
      wake();
    } catch (error) {
      if (client === current) {
        options.log(`live events: cannot listen on ${where}: ${message(error)}; retrying in ${delay / 1000} s`);
        lost(current, message(error));
      }
    } finally {
      firstDone();
    }
  };

  void connect();

  return {
    get listening() { return listening; },
    get losses() { return losses; },
    firstAttempt,
    close: async () => {
      closed = true;
      clearInterval(heartbeat);
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      listening = false;
      const current = client;
      client = null;
      firstDone();
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
