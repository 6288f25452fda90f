/**
 * Statement-style access to the data port (db/sql/port.ts), the form every repository is written in:
 * `stmt(db, sql).get(…)`, `.all`, `.run`, `.pluck().get`, `.iterate`. On SQLite it is better-sqlite3's own
 * prepared statement from a cache per connection (preparing is the main cost of a small query), so the port costs
 * a map lookup; on PostgreSQL a small facade sends the same SQL through the port.
 * Values: `?` positional arguments, or one object for `@name` parameters.
 */
import type { DbLike, SqlDb, SqlParams, SqlValue } from './sql/port';
import { sqlDb } from './sql/port';
import { SqliteSqlDb } from './sql/sqlite';

/** The subset of a better-sqlite3 statement the repositories use; a PostgreSQL facade has the same shape. */
export interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Rows reduced to their first column (for this statement from now on, as in better-sqlite3). */
  pluck(): Statement;
}

function toParams(args: unknown[]): SqlParams {
  const first = args[0];
  if (args.length === 1 && first !== null && typeof first === 'object' && !Buffer.isBuffer(first) && !Array.isArray(first)) {
    return first as Record<string, SqlValue>;
  }
  return args as SqlValue[];
}

class PortStatement implements Statement {
  private plucked = false;
  constructor(private readonly db: SqlDb, private readonly sql: string) {}
  get(...params: unknown[]): unknown {
    return this.plucked ? this.db.pluck(this.sql, toParams(params)) : this.db.get(this.sql, toParams(params));
  }
  all(...params: unknown[]): unknown[] {
    return this.plucked ? this.db.pluckAll(this.sql, toParams(params)) : this.db.all(this.sql, toParams(params));
  }
  run(...params: unknown[]): { changes: number } {
    return this.db.run(this.sql, toParams(params));
  }
  iterate(...params: unknown[]): IterableIterator<unknown> {
    const rows = this.db.iterate<Record<string, unknown>>(this.sql, toParams(params));
    return this.plucked ? firstColumns(rows) : rows;
  }
  pluck(): Statement {
    this.plucked = true;
    return this;
  }
}

function* firstColumns(rows: IterableIterator<Record<string, unknown>>): IterableIterator<unknown> {
  for (const row of rows) yield Object.values(row)[0];
}

const facades = new WeakMap<SqlDb, Map<string, PortStatement>>();

export function stmt(db: DbLike, sql: string): Statement {
  const port = sqlDb(db);
  if (port instanceof SqliteSqlDb) return port.statement(sql);
  let cache = facades.get(port);
  if (!cache) {
    cache = new Map();
    facades.set(port, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = new PortStatement(port, sql);
    cache.set(sql, s);
  }
  return s;
}

/**
 * Runs `fn` in a transaction, or inside the caller's when one is open: a nested better-sqlite3
 * transaction would add a SAVEPOINT per call, which dominates bulk inserts (demo data, imports).
 */
export function inTransaction<T>(db: DbLike, fn: () => T): T {
  return sqlDb(db).transaction(fn);
}

/** True inside a transaction of `db`. */
export function isInTransaction(db: DbLike): boolean {
  return sqlDb(db).inTransaction;
}

/** Runs an INSERT and returns the new row's id (`RETURNING id`, on both engines). */
export function insertId(db: DbLike, sql: string, ...params: unknown[]): number {
  return Number(stmt(db, `${sql} RETURNING id`).pluck().get(...params));
}

/** `fn` as a function that runs it in one transaction (the shape of better-sqlite3's `db.transaction(fn)`). */
export function transactionFn<T>(db: DbLike, fn: () => T): () => T {
  return () => inTransaction(db, fn);
}
