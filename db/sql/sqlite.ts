/**
 * The SQLite side of the port: better-sqlite3 with a prepared-statement cache per connection (preparing is the
 * main cost of a small query), so the port adds a map lookup and nothing else.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../connection';
import type { Row, RunResult, SqlDb, SqlParams } from './port';

type Bind = unknown[] | [Record<string, unknown>];

function bind(params: SqlParams | undefined): Bind {
  if (params === undefined) return [];
  if (Array.isArray(params)) return params as unknown[];
  // better-sqlite3 refuses undefined values: a missing optional value is NULL.
  const named: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) named[k] = v ?? null;
  return [named];
}

export class SqliteSqlDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private readonly cache = new Map<string, Database.Statement>();
  private readonly plucked = new Map<string, Database.Statement>();

  constructor(readonly raw: Db) {}

  get name(): string {
    return this.raw.name;
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  /** The cached statement for `sql` (also used by db/statements.ts). */
  statement(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private pluckStatement(sql: string): Database.Statement {
    let s = this.plucked.get(sql);
    if (!s) {
      s = this.raw.prepare(sql).pluck();
      this.plucked.set(sql, s);
    }
    return s;
  }

  get<T = Row>(sql: string, params?: SqlParams): T | undefined {
    return this.statement(sql).get(...bind(params)) as T | undefined;
  }

  all<T = Row>(sql: string, params?: SqlParams): T[] {
    return this.statement(sql).all(...bind(params)) as T[];
  }

  pluck<T = unknown>(sql: string, params?: SqlParams): T | undefined {
    return this.pluckStatement(sql).get(...bind(params)) as T | undefined;
  }

  pluckAll<T = unknown>(sql: string, params?: SqlParams): T[] {
    return this.pluckStatement(sql).all(...bind(params)) as T[];
  }

  iterate<T = Row>(sql: string, params?: SqlParams): IterableIterator<T> {
    // Not cached: a statement being iterated is busy until the loop ends, and loops may nest.
    return this.raw.prepare(sql).iterate(...bind(params)) as IterableIterator<T>;
  }

  run(sql: string, params?: SqlParams): RunResult {
    const info = this.statement(sql).run(...bind(params));
    return { changes: info.changes };
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  transaction<T>(fn: () => T): T {
    // Joining the caller's transaction: a nested better-sqlite3 transaction would add a SAVEPOINT per call,
    // which dominates bulk inserts (demo data, imports).
    return this.raw.inTransaction ? fn() : this.raw.transaction(fn)();
  }

  close(): void {
    this.raw.close();
  }
}

const wrappers = new WeakMap<Db, SqliteSqlDb>();

/** The port over a better-sqlite3 connection, made once per connection (it holds the statement cache). */
export function sqliteSqlDb(raw: Db): SqliteSqlDb {
  let w = wrappers.get(raw);
  if (!w) {
    w = new SqliteSqlDb(raw);
    wrappers.set(raw, w);
  }
  return w;
}
