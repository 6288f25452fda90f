/** Prepared-statement cache per connection: preparing is the main cost of a small query. */
import type Database from 'better-sqlite3';
import type { Db } from './connection';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Runs `fn` in a transaction, or inside the caller's when one is open: a nested better-sqlite3
 * transaction would add a SAVEPOINT per call, which dominates bulk inserts (demo data, imports).
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn)();
}
