/**
 * The worker-thread half of the PostgreSQL port (db/sql/postgres.ts): node-postgres is asynchronous, so this
 * worker runs the queries and signals each answer through a shared flag the caller waits on.
 *
 * `pgWorkerMain` is started from its source text (`eval`), so it must not use anything from this module's
 * scope: its dependencies arrive through `require` and `workerData`.
 */
import type * as WorkerThreads from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

export interface PgWorkerData {
  pgPath: string;
  config: {
    connectionString: string;
    password?: string | undefined;
    max: number;
    statement_timeout: number;
    connectionTimeoutMillis: number;
    application_name: string;
  };
  flag: SharedArrayBuffer;
  port: MessagePort;
  /** PLAN_EACH_CALL of ./port.ts: statements carrying it run unnamed. */
  planEachCall: string;
}

/**
 * `begin`: open the transaction (a pooled connection, BEGIN) before running this one: the caller defers BEGIN to
 * its transaction's first statement, saving a round trip per transaction.
 */
export type PgRequest =
  | { id: number; op: 'query'; text: string; values: unknown[]; begin?: boolean }
  | { id: number; op: 'exec'; text: string; begin?: boolean }
  | { id: number; op: 'commit' | 'rollback' | 'close' }
  /**
   * A cursor over `text` and its first `batch` rows: inside the caller's transaction on its connection, else on a
   * connection of its own (one snapshot, read only) that ends with it.
   */
  | { id: number; op: 'cursor'; text: string; values: unknown[]; batch: number; inTransaction: boolean; begin?: boolean }
  | { id: number; op: 'fetch'; cursor: number; batch: number }
  | { id: number; op: 'uncursor'; cursor: number };

export interface PgErrorInfo {
  message: string;
  code: string;
  detail?: string | undefined;
}

export type PgResponse =
  | { id: number; ok: true; fields: string[]; rows: unknown[][]; rowCount: number; cursor?: number; done?: boolean }
  | { id: number; ok: false; error: PgErrorInfo };

/** Runs inside the worker. */
export function pgWorkerMain(req: NodeJS.Require): void {
  interface PgField { name: string }
  interface PgResult { fields?: PgField[]; rows?: unknown[][]; rowCount: number | null }
  interface PgQueryable { query(q: { text: string; name?: string; values?: unknown[]; rowMode?: 'array' }): Promise<PgResult | PgResult[]> }
  interface PgClient extends PgQueryable { release(destroy?: boolean): void }
  interface PgPool extends PgQueryable { connect(): Promise<PgClient>; end(): Promise<void>; on(event: 'error', fn: (e: Error) => void): void }
  interface PgOwnClient extends PgQueryable { connect(): Promise<void>; end(): Promise<void>; on(event: 'error', fn: (e: Error) => void): void }
  interface PgModule {
    Pool: new (config: PgWorkerData['config']) => PgPool;
    Client: new (config: PgWorkerData['config']) => PgOwnClient;
    types: { setTypeParser(oid: number, fn: (value: string) => unknown): void };
  }
  const threads = req('node:worker_threads') as typeof WorkerThreads;
  const data = threads.workerData as PgWorkerData;
  const pg = req(data.pgPath) as PgModule;
  // Values as SQLite gives them: bigint counts and ids as numbers, booleans as 1/0, JSON as its text.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  pg.types.setTypeParser(16, (v) => (v === 't' ? 1 : 0));
  pg.types.setTypeParser(114, (v) => v);
  pg.types.setTypeParser(3802, (v) => v);
  const flag = new Int32Array(data.flag);
  const port = data.port;
  const pool = new pg.Pool(data.config);
  // An idle connection that drops is replaced on the next query; it must not end the worker.
  pool.on('error', () => undefined);
  let client: PgClient | null = null;
  /**
   * Statements with parameters run as named prepared statements, so PostgreSQL parses and analyses each one once per
   * connection instead of on every call (node-postgres prepares a name on first use per connection). Bounded: SQL
   * built per call (long IN lists, bulk inserts) beyond the cap runs unnamed, as before.
   */
  const names = new Map<string, string>();
  const MAX_NAMED = 1000;
  const MAX_NAMED_LENGTH = 4000;
  const nameOf = (text: string): string | undefined => {
    // A statement whose best plan depends on its values (how many cases a search matches) asks to be planned on
    // every call: a named statement would settle on a generic plan made for a guessed, usually wrong, row count.
    if (text.includes(data.planEachCall)) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED && text.length <= MAX_NAMED_LENGTH) {
      name = `tb_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  /** Several statements in one string (no parameters) answer with one result each: the last is the answer. */
  const last = (r: PgResult | PgResult[]): PgResult => (Array.isArray(r) ? (r.at(-1) ?? { rowCount: 0 }) : r);

  const CONNECTION_LOST = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006']);
  const info = (e: unknown): PgErrorInfo => {
    if (e instanceof Error) {
      const x = e as Error & { code?: unknown; detail?: unknown };
      return { message: e.message, code: typeof x.code === 'string' ? x.code : 'ERROR', detail: typeof x.detail === 'string' ? x.detail : undefined };
    }
    return { message: String(e), code: 'ERROR' };
  };
  const reply = (r: PgResponse) => {
    port.postMessage(r);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  const query = async (text: string, values: unknown[] | undefined): Promise<PgResult> => {
    const target: PgQueryable = client ?? pool;
    const name = values !== undefined && values.length > 0 ? nameOf(text) : undefined;
    try {
      return last(await target.query({ text, ...(name !== undefined ? { name } : {}), values, rowMode: 'array' }));
    } catch (e) {
      // A read outside a transaction is tried once more on a fresh connection when the old one was lost, and
      // unnamed when a schema change made a prepared statement's result type stale.
      const code = info(e).code;
      const stale = code === '0A000' && name !== undefined;
      if (client === null && (stale || CONNECTION_LOST.has(code)) && /^\s*(SELECT|WITH)\b/i.test(text)) {
        return last(await pool.query({ text, values, rowMode: 'array' }));
      }
      throw e;
    }
  };
  /** Open cursors: the connection each lives on, and whether it is the cursor's own (ended with it). */
  const cursors = new Map<number, { on: PgQueryable; own: PgOwnClient | null }>();
  let nextCursor = 1;
  const fetch = async (n: number, batch: number) => {
    const c = cursors.get(n);
    if (!c) throw new Error(`cursor ${n} is closed`);
    const res = last(await c.on.query({ text: `FETCH FORWARD ${batch} FROM tb_cursor_${n}`, rowMode: 'array' }));
    const rows = res.rows ?? [];
    return { fields: (res.fields ?? []).map((f) => f.name), rows, rowCount: rows.length, cursor: n, done: rows.length < batch };
  };
  const uncursor = async (n: number) => {
    const c = cursors.get(n);
    cursors.delete(n);
    if (!c) return;
    if (c.own) {
      // Its own read-only transaction: ending the connection ends it.
      await c.own.end().catch(() => undefined);
      return;
    }
    // In the caller's transaction, unless that has ended already (which closed the cursor).
    if (client === c.on) await c.on.query({ text: `CLOSE tb_cursor_${n}` }).catch(() => undefined);
  };
  const begin = async (): Promise<void> => {
    if (client) return;
    const c = await pool.connect();
    try {
      await c.query({ text: 'BEGIN' });
    } catch (e) {
      c.release(true);
      throw e;
    }
    client = c;
  };
  const handle = async (r: PgRequest): Promise<PgResponse> => {
    switch (r.op) {
      case 'query': {
        if (r.begin) await begin();
        const res = await query(r.text, r.values);
        return { id: r.id, ok: true, fields: (res.fields ?? []).map((f) => f.name), rows: res.rows ?? [], rowCount: res.rowCount ?? 0 };
      }
      case 'cursor': {
        if (r.begin) await begin();
        let own: PgOwnClient | null = null;
        let on: PgQueryable;
        if (r.inTransaction && client) on = client;
        else {
          own = new pg.Client(data.config);
          own.on('error', () => undefined);
          await own.connect();
          on = own;
        }
        const n = nextCursor++;
        try {
          if (own) await own.query({ text: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' });
          await on.query({ text: `DECLARE tb_cursor_${n} NO SCROLL CURSOR FOR ${r.text}`, values: r.values });
        } catch (e) {
          await own?.end().catch(() => undefined);
          throw e;
        }
        cursors.set(n, { on, own });
        try {
          return { id: r.id, ok: true, ...(await fetch(n, r.batch)) };
        } catch (e) {
          await uncursor(n);
          throw e;
        }
      }
      case 'fetch':
        return { id: r.id, ok: true, ...(await fetch(r.cursor, r.batch)) };
      case 'uncursor':
        await uncursor(r.cursor);
        return { id: r.id, ok: true, fields: [], rows: [], rowCount: 0 };
      case 'exec':
        if (r.begin) await begin();
        await query(r.text, undefined);
        return { id: r.id, ok: true, fields: [], rows: [], rowCount: 0 };
      case 'commit':
      case 'rollback': {
        const c = client;
        client = null;
        if (c) {
          try {
            await c.query({ text: r.op === 'commit' ? 'COMMIT' : 'ROLLBACK' });
            c.release();
          } catch (e) {
            c.release(true);
            throw e;
          }
        }
        return { id: r.id, ok: true, fields: [], rows: [], rowCount: 0 };
      }
      case 'close':
        for (const n of [...cursors.keys()]) await uncursor(n);
        if (client) client.release(true);
        client = null;
        await pool.end();
        return { id: r.id, ok: true, fields: [], rows: [], rowCount: 0 };
    }
  };
  port.on('message', (r: PgRequest) => {
    handle(r).then(reply, (e: unknown) => reply({ id: r.id, ok: false, error: info(e) }));
  });
}
