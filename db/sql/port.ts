/**
 * The one data port every repository, db/ module and service uses: a narrow, synchronous SQL interface with two
 * implementations, SQLite (better-sqlite3, db/sql/sqlite.ts) and PostgreSQL (node-postgres in a worker thread,
 * made synchronous with Atomics.wait, db/sql/postgres.ts).
 *
 * Why synchronous: services keep one copy of each business rule with its all-or-nothing transaction and no
 * interleaving between an awaited read and the write it guards; SQLite keeps its speed; the core runs off the
 * window's thread (issue 9); a board server on PostgreSQL serves its requests from several core threads, each with
 * its own synchronous connection, so their waits overlap (electron/host/board-cores.ts), and scales out as several
 * processes on one PostgreSQL database.
 *
 * SQL written for the port: `?` positional or `@name` named parameters; both engines accept the same statement
 * unless a repository keys a variant by `db.dialect` (full-text search, catalog queries, JSON paths).
 * `INSERT … RETURNING id` gives a new row's id on both engines.
 */
import type { Db } from '../connection';
import { SqliteSqlDb, sqliteSqlDb } from './sqlite';

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | bigint | null | Buffer;
/** Positional (`?`) values, or named (`@name`) values. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue | undefined>>;
export type Row = Record<string, unknown>;

export interface RunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

export interface SqlDb {
  readonly dialect: Dialect;
  /** What the connection is, for messages: the file path, or the PostgreSQL URL without its password. */
  readonly name: string;
  /** The first row, or undefined. */
  get<T = Row>(sql: string, params?: SqlParams): T | undefined;
  all<T = Row>(sql: string, params?: SqlParams): T[];
  /** The first column of the first row, or undefined when there is no row. */
  pluck<T = unknown>(sql: string, params?: SqlParams): T | undefined;
  /** The first column of every row. */
  pluckAll<T = unknown>(sql: string, params?: SqlParams): T[];
  /** Rows one by one, never the whole result at once (SQLite steps the statement; PostgreSQL fetches from a cursor in batches). */
  iterate<T = Row>(sql: string, params?: SqlParams): IterableIterator<T>;
  run(sql: string, params?: SqlParams): RunResult;
  /** Several statements without parameters (migrations). */
  exec(sql: string): void;
  /**
   * Runs `fn` in one transaction: all or nothing. Called inside another transaction it joins it (no savepoint),
   * so a service's transaction covers the repository calls it makes.
   */
  transaction<T>(fn: () => T): T;
  readonly inTransaction: boolean;
  close(): void;
}

/** An error raised by the database, with the engine's own message and code (SQLSTATE on PostgreSQL, SQLITE_… on SQLite). */
export class SqlError extends Error {
  constructor(message: string, readonly code: string, readonly detail?: string) {
    super(message);
    this.name = 'SqlError';
  }
}

/**
 * Socket errors and SQLSTATEs that mean the database could not be reached or the connection went (a restart, a
 * failover, a network cut, no free connection, no answer in time): not a fault of the request or of our code.
 */
const UNREACHABLE = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300', 'TIMEOUT',
]);

/** True for a database that could not be reached, or a connection lost, during a call (see UNREACHABLE). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof SqlError)) return false;
  // node-postgres reports a connection closed under a query without a code.
  return UNREACHABLE.has(error.code) || /connection terminated|terminating connection|connection to the server was lost|not queryable/i.test(error.message);
}

/** What repositories accept: the port, or a better-sqlite3 connection (wrapped once, with its statement cache). */
export type DbLike = SqlDb | Db;

const isPort = (db: DbLike): db is SqlDb => 'dialect' in db && (db.dialect === 'sqlite' || db.dialect === 'postgres');

/** The port for `db` (a better-sqlite3 connection is wrapped once and the wrapper kept with it). */
export function sqlDb(db: DbLike): SqlDb {
  return isPort(db) ? db : sqliteSqlDb(db);
}

/** The better-sqlite3 connection under `db`, or null on PostgreSQL (for what only SQLite has: VACUUM INTO, keys, restore). */
export function sqliteOf(db: DbLike): Db | null {
  if (!isPort(db)) return db;
  return db instanceof SqliteSqlDb ? db.raw : null;
}

/** Raised where a SQLite file is inherent (backups, restore, encryption); the caller turns it into words. */
export class NeedsSqliteError extends Error {
  constructor(what: string) {
    // `what` may be singular or plural ("Restoring a backup", "Backups from the app"): no verb agrees with it.
    super(`${what}: only for a board kept in a SQLite file; a board on PostgreSQL is backed up and restored by its database administrators (pg_dump, pg_restore)`);
    this.name = 'NeedsSqliteError';
  }
}

/** The better-sqlite3 connection under `db`, or NeedsSqliteError naming `what`. */
export function requireSqlite(db: DbLike, what: string): Db {
  const raw = sqliteOf(db);
  if (!raw) throw new NeedsSqliteError(what);
  return raw;
}

/**
 * Put in a statement's text to have PostgreSQL plan it for the values of each call (it runs unnamed, not as a prepared
 * statement that would settle on one generic plan): for a statement whose best plan depends on them, such as a search
 * that may match ten cases or ten thousand. A comment, so SQLite ignores it.
 */
export const PLAN_EACH_CALL = '/* plan each call */';
