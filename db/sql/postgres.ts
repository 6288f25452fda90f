/**
 * The PostgreSQL side of the port. node-postgres runs in a worker thread; each call posts one request and
 * waits on a shared flag (Atomics.wait) until the worker answers, then takes the answer with
 * receiveMessageOnPort: the call is synchronous like better-sqlite3's. A transaction holds one pooled
 * connection in the worker from BEGIN to COMMIT (or ROLLBACK when `fn` throws, including a failed statement); BEGIN
 * travels with the transaction's first statement (one round trip less per transaction), and a transaction that
 * ran no statement never reaches the server. Statements with parameters are prepared once per connection
 * (pg-worker.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { toPostgres } from './placeholders';
import { pgWorkerMain, type PgRequest, type PgResponse, type PgWorkerData } from './pg-worker';

import { PLAN_EACH_CALL, SqlError, type Row, type RunResult, type SqlDb, type SqlParams } from './port';

export interface PostgresOptions {
  /** Connections in the worker's pool (default 4; a transaction holds one). */
  poolSize?: number | undefined;
  /** Longest a statement may run before PostgreSQL cancels it (default 30 000 ms). */
  statementTimeoutMs?: number | undefined;
  /** Overrides the URL's password (from PGPASSWORD or a password file; never the command line). */
  password?: string | undefined;
}

export const DEFAULT_PG_POOL = 4;
export const DEFAULT_PG_STATEMENT_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;
/** Rows fetched per round trip by `iterate`. */
const ITERATE_BATCH = 500;

/** A request without its id (the id is added per call). */
type PgRequestBody = PgRequest extends infer R ? (R extends PgRequest ? Omit<R, 'id'> : never) : never;

/**
 * `url` carrying `password` (when given): node-postgres parses the connection string over its other settings, so a
 * URL without a password would silently drop a `password` given beside it. The result is never shown or logged.
 */
export function withPassword(url: string, password: string | undefined): string {
  if (password === undefined) return url;
  try {
    const u = new URL(url);
    u.password = password;
    return u.toString();
  } catch {
    return url;
  }
}

/** The URL as it may be shown: no password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://(unreadable URL)';
  }
}

function resolvePg(): string {
  // The bundled CLI is CommonJS (dist/cli.cjs); tests load this module as ESM: resolve from whichever is there.
  const from = typeof __filename === 'string' && __filename !== '' ? __filename : path.join(process.cwd(), 'package.json');
  return createRequire(from).resolve('pg');
}

const WORKER_SOURCE = `(${pgWorkerMain.toString()})(require);`;

export class PostgresSqlDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  readonly name: string;
  private readonly worker: Worker;
  private readonly port;
  private readonly flag: Int32Array;
  private readonly waitMs: number;
  private nextId = 1;
  private depth = 0;
  /** A transaction was opened and BEGIN not yet sent: it goes with the next statement. */
  private beginPending = false;
  private closed = false;

  constructor(url: string, options: PostgresOptions = {}) {
    this.name = redactUrl(url);
    const statementTimeout = options.statementTimeoutMs ?? DEFAULT_PG_STATEMENT_TIMEOUT_MS;
    // The caller gives up only well after PostgreSQL would have cancelled the statement itself.
    this.waitMs = statementTimeout + CONNECT_TIMEOUT_MS + 5_000;
    const shared = new SharedArrayBuffer(4);
    this.flag = new Int32Array(shared);
    const channel = new MessageChannel();
    this.port = channel.port1;
    const data: PgWorkerData = {
      pgPath: resolvePg(),
      config: {
        // node-postgres lets the URL's (empty) password override a separate `password`: put it in the URL (in memory only).
        connectionString: withPassword(url, options.password),
        max: options.poolSize ?? DEFAULT_PG_POOL,
        statement_timeout: statementTimeout,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        application_name: 'tumour-board',
      },
      flag: shared,
      planEachCall: PLAN_EACH_CALL,
      port: channel.port2,
    };
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data, transferList: [channel.port2] });
    this.worker.unref();
    this.port.unref();
  }

  private call(request: PgRequestBody): Extract<PgResponse, { ok: true }> {
    if (this.closed) throw new SqlError(`the connection to ${this.name} is closed`, 'CLOSED');
    const id = this.nextId++;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ ...request, id } as PgRequest);
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      if (Atomics.load(this.flag, 0) === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new SqlError(`PostgreSQL at ${this.name} did not answer within ${Math.round(this.waitMs / 1000)} s`, 'TIMEOUT');
        Atomics.wait(this.flag, 0, 0, Math.min(left, 1000));
        continue;
      }
      const message = receiveMessageOnPort(this.port);
      if (!message) {
        Atomics.store(this.flag, 0, 0);
        continue;
      }
      const response = message.message as PgResponse;
      // An answer to a request given up on (timeout) is dropped.
      if (response.id !== id) {
        Atomics.store(this.flag, 0, 0);
        continue;
      }
      if (!response.ok) throw new SqlError(response.error.message, response.error.code, response.error.detail);
      return response;
    }
  }

  /** Whether this statement opens the transaction (BEGIN deferred to it); once asked, it is sent. */
  private takeBegin(): { begin?: true } {
    if (!this.beginPending) return {};
    this.beginPending = false;
    return { begin: true };
  }

  private query(sql: string, params: SqlParams | undefined) {
    const q = toPostgres(sql, params);
    return this.call({ op: 'query', text: q.text, values: q.values.map((v) => (typeof v === 'bigint' ? v.toString() : v)), ...this.takeBegin() });
  }

  private static toRow<T>(fields: string[], values: unknown[]): T {
    const row: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      row[f] = values[i];
    });
    return row as T;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  get<T = Row>(sql: string, params?: SqlParams): T | undefined {
    const r = this.query(sql, params);
    const first = r.rows[0];
    return first ? PostgresSqlDb.toRow<T>(r.fields, first) : undefined;
  }

  all<T = Row>(sql: string, params?: SqlParams): T[] {
    const r = this.query(sql, params);
    return r.rows.map((v) => PostgresSqlDb.toRow<T>(r.fields, v));
  }

  pluck<T = unknown>(sql: string, params?: SqlParams): T | undefined {
    const first = this.query(sql, params).rows[0];
    return first ? (first[0] as T) : undefined;
  }

  pluckAll<T = unknown>(sql: string, params?: SqlParams): T[] {
    return this.query(sql, params).rows.map((v) => v[0] as T);
  }

  /**
   * Rows through a cursor, ITERATE_BATCH at a time, so a large result (an export, `check` over a long audit log) is
   * never held whole. Inside a transaction it reads there; outside, on a connection of its own in one read-only
   * snapshot, so statements run while iterating go on as usual. Stopping early (break) closes the cursor.
   */
  *iterate<T = Row>(sql: string, params?: SqlParams): IterableIterator<T> {
    const q = toPostgres(sql, params);
    const values = q.values.map((v) => (typeof v === 'bigint' ? v.toString() : v));
    const inTransaction = this.depth > 0;
    let page = this.call({ op: 'cursor', text: q.text, values, batch: ITERATE_BATCH, inTransaction, ...(inTransaction ? this.takeBegin() : {}) });
    const cursor = page.cursor ?? 0;
    try {
      for (;;) {
        for (const values of page.rows) yield PostgresSqlDb.toRow<T>(page.fields, values);
        if (page.done) return;
        page = this.call({ op: 'fetch', cursor, batch: ITERATE_BATCH });
      }
    } finally {
      if (!this.closed) {
        try {
          this.call({ op: 'uncursor', cursor });
        } catch {
          // Its connection is gone, and the cursor with it.
        }
      }
    }
  }

  run(sql: string, params?: SqlParams): RunResult {
    return { changes: this.query(sql, params).rowCount };
  }

  exec(sql: string): void {
    this.call({ op: 'exec', text: sql, ...this.takeBegin() });
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    if (this.closed) throw new SqlError(`the connection to ${this.name} is closed`, 'CLOSED');
    this.depth = 1;
    this.beginPending = true;
    try {
      const result = fn();
      this.depth = 0;
      // Nothing was sent (no statement ran): there is nothing to commit.
      if (!this.beginPending) this.call({ op: 'commit' });
      this.beginPending = false;
      return result;
    } catch (error) {
      this.depth = 0;
      const sent = !this.beginPending;
      this.beginPending = false;
      if (sent) {
        try {
          this.call({ op: 'rollback' });
        } catch {
          // The connection is gone: PostgreSQL rolls back an open transaction itself.
        }
      }
      throw error;
    }
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call({ op: 'close' });
    } finally {
      this.closed = true;
      void this.worker.terminate();
    }
  }
}

export function openPostgres(url: string, options: PostgresOptions = {}): PostgresSqlDb {
  return new PostgresSqlDb(url, options);
}
