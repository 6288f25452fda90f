/**
 * Both engines for the repository and service suites. A suite module (`*.suite.ts`) takes an `Engine` and is run by
 * two thin files: `foo.test.ts` (SQLite, in the fast `unit` project) and `foo.pg.test.ts` (PostgreSQL, in the
 * `postgres` project, whose global setup starts the throw-away cluster and makes a migrated template database).
 *
 * `useEngine(engine)` gives each test fresh stores of that engine: a SQLite file in a temporary folder, or a new
 * database on the test cluster copied from the template (`CREATE DATABASE … TEMPLATE`, much faster than migrating).
 * Everything opened through it is closed, and its databases dropped, after each test. On PostgreSQL the stores are
 * opened with an audit key file (as `serve --postgres … --audit-key FILE` does), so the chain is keyed on both engines.
 * In CI a missing PostgreSQL is an error, never a silent skip.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { auditKeyFrom, setProcessAuditKeyFile, writeAuditKey } from '../../../db/auditKey';
import { openDatabase } from '../../../db/open';
import { openPostgresDatabase } from '../../../db/open-postgres';
import { openPostgres, type PostgresSqlDb } from '../../../db/sql/postgres';
import { sqliteOf, sqlDb, type DbLike, type SqlDb } from '../../../db/sql/port';
import type { Db } from '../../../db/connection';
import { openAppContext, type AppContext, type OpenOptions } from '../../../electron/app/context';
import type { BoardStore } from '../../../electron/host/board';
import { findPostgresBinaries, psqlEnv } from '../../postgres/cluster';

export const PG_URL_ENV = 'TB_TEST_POSTGRES_URL';
const TEMPLATE_ENV = 'TB_TEST_POSTGRES_TEMPLATE';

export type Engine = 'sqlite' | 'postgres';

/** The test cluster's URL, or null outside CI when none is running. */
export function testPostgresUrl(): string | null {
  const url = process.env[PG_URL_ENV];
  if (url) return url;
  if (process.env.CI) throw new Error(`${PG_URL_ENV} is not set: the PostgreSQL tests must run in CI (the postgres project's global setup starts the cluster)`);
  return null;
}

let admin: PostgresSqlDb | null = null;
/** One connection per test process to the test role's own database, for CREATE/DROP DATABASE. */
function adminDb(): PostgresSqlDb {
  const base = testPostgresUrl();
  if (!base) throw new Error(`${PG_URL_ENV} is not set: run this file through the Vitest project "postgres" (npx vitest run --project postgres FILE)`);
  admin ??= openPostgres(base, { poolSize: 1 });
  return admin;
}

function databaseUrl(name: string): string {
  const u = new URL(testPostgresUrl() ?? '');
  u.pathname = `/${name}`;
  return u.toString();
}

const databaseName = (label: string): string => `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;

/** psql run in the background (a child process: it goes on while a test holds this thread in a synchronous call). */
interface Background { done: Promise<boolean>; finished: boolean; ok: boolean }
const psqlBinaries = findPostgresBinaries();
function inBackground(sql: string): Background | null {
  const base = testPostgresUrl();
  if (!base || !psqlBinaries) return null;
  const child = spawn(path.join(psqlBinaries.dir, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { env: psqlEnv(base), stdio: 'ignore' });
  const job: Background = { done: Promise.resolve(false), finished: false, ok: false };
  job.done = new Promise<boolean>((resolve) => {
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  }).then((ok) => {
    job.finished = true;
    job.ok = ok;
    return ok;
  });
  return job;
}

/**
 * The next template copy, made while the current test runs (CREATE DATABASE … TEMPLATE takes a few hundred ms of
 * the server's time, not this process's); taken by the next test if it is ready by then, else made on the spot.
 */
let prefetched: { name: string; job: Background } | null = null;
const background: Promise<boolean>[] = [];

function prefetch(template: string): void {
  const name = databaseName('board');
  const job = inBackground(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  prefetched = job ? { name, job } : null;
}

/** Waits for the background work of this process (the file's last prefetched copy is dropped). */
export async function settlePostgresBackground(): Promise<void> {
  const left = prefetched;
  prefetched = null;
  if (left && (await left.job.done)) background.push(inBackground(`DROP DATABASE IF EXISTS ${left.name}`)?.done ?? Promise.resolve(true));
  await Promise.all(background.splice(0));
}

/**
 * A new database on the test cluster; its URL. `migrated`: a copy of the global setup's template (the latest
 * schema, no rows) when there is one; otherwise empty (opening it migrates it).
 */
export function freshPostgresUrl(label: string, options: { migrated?: boolean } = {}): string {
  const template = options.migrated ? process.env[TEMPLATE_ENV] : undefined;
  if (!template) {
    const name = databaseName(label);
    adminDb().exec(`CREATE DATABASE ${name}`);
    return databaseUrl(name);
  }
  const ready = prefetched?.job.finished && prefetched.job.ok ? prefetched.name : null;
  if (prefetched && !ready) {
    // Still being made (or failed): leave it to finish, drop it later, make one here.
    const late = prefetched;
    background.push(late.job.done.then((ok) => (ok ? (inBackground(`DROP DATABASE IF EXISTS ${late.name}`)?.done ?? true) : true)));
  }
  const name = ready ?? databaseName(label);
  if (!ready) adminDb().exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  prefetch(template);
  return databaseUrl(name);
}

/** Drops a database made by freshPostgresUrl (its connections closed first), in the background when it can. */
export function dropPostgresDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^t_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a database made by freshPostgresUrl`);
  const sql = `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`;
  const job = inBackground(sql);
  if (job) background.push(job.done);
  else adminDb().exec(sql);
}

/** Someone with rights on the table drops a protection trigger (PostgreSQL names the table too). */
export function dropTrigger(db: SqlDb, trigger: string, table: string): void {
  db.exec(db.dialect === 'postgres' ? `DROP TRIGGER ${trigger} ON ${table}` : `DROP TRIGGER ${trigger}`);
}

/**
 * A trigger `name` that makes every INSERT into `table` matching `when` (SQL over NEW) fail with `message`: a write
 * failing half-way through a service's transaction. `removeFailingTrigger` takes it away again.
 */
export function addFailingTrigger(db: SqlDb, name: string, table: string, when: string, message: string): void {
  db.exec(db.dialect === 'postgres'
    ? `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$;
       CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`
    : `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
}

export function removeFailingTrigger(db: SqlDb, name: string, table: string): void {
  dropTrigger(db, name, table);
  if (db.dialect === 'postgres') db.exec(`DROP FUNCTION ${name}()`);
}

/** The better-sqlite3 connection of a context kept in a file (tests of SQLite-only features: backups, restore). */
export function fileDb(db: DbLike): Db {
  const raw = sqliteOf(db);
  if (!raw) throw new Error('this test needs a board kept in a SQLite file');
  return raw;
}

/** `test`: closed and dropped after each test (the default); `file`: after the file's last test (a store set up in beforeAll). */
export type StoreScope = 'test' | 'file';

export interface EngineFixture {
  readonly engine: Engine;
  /**
   * Where a fresh board is kept: `{ dbPath }` (a new file in a temporary folder) or `{ postgres: { url } }` (a new
   * database, migrated unless `empty`: an empty one is "created" on open, as a new file is, e.g. for demoIfMissing).
   */
  place(options?: { empty?: boolean; label?: string; scope?: StoreScope }): BoardStore;
  /** A fresh store, migrated, through the data port. */
  open(options?: { empty?: boolean; scope?: StoreScope }): SqlDb;
  /** Opens a store at a place given by `place` again (a second connection, or after a close). */
  reopen(store: BoardStore, scope?: StoreScope): SqlDb;
  /** An app context on a fresh store (or on `store`). */
  app(options: Omit<OpenOptions, 'dbPath' | 'postgres'> & { store?: BoardStore; empty?: boolean; scope?: StoreScope }): AppContext;
  /**
   * The CLI's arguments that name a store: `--db FILE`, or `--postgres URL --audit-key FILE` (the URL without its
   * password: the fixture sets PGPASSWORD, as the README tells an operator to).
   */
  cliArgs(store: BoardStore): string[];
  /** A temporary folder removed after the test (or the file: scope `file`). */
  tmp(scope?: StoreScope): string;
  /** Closes `c` after the test (or the file), before its database is dropped. */
  track<T extends { close(): unknown }>(c: T, scope?: StoreScope): T;
  /** Runs `open` with the fixture's audit key in force, until its promise settles if it returns one (startBoardServer). */
  opening<T>(open: () => T): T;
}

interface Held {
  opened: { close(): unknown }[];
  databases: string[];
  dirs: string[];
}

async function release(held: Held): Promise<void> {
  for (const c of held.opened.splice(0).reverse()) {
    try {
      await c.close();
    } catch {
      // Closed by the test already.
    }
  }
  for (const url of held.databases.splice(0)) dropPostgresDatabase(url);
  for (const d of held.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Fresh stores of `engine` for each test of the calling file (see the module comment). */
export function useEngine(engine: Engine): EngineFixture {
  const held: Record<StoreScope, Held> = { test: { opened: [], databases: [], dirs: [] }, file: { opened: [], databases: [], dirs: [] } };
  const tmp = (scope: StoreScope = 'test'): string => {
    const d = mkdtempSync(path.join(tmpdir(), 'tb-test-'));
    held[scope].dirs.push(d);
    return d;
  };
  // PostgreSQL: one audit key file for the file's stores, bound as each one is opened (the in-process CLI resets
  // the process's key file when a command ends, so it is set again before every open).
  let keyFile = '';
  const withKey = <T>(open: () => T): T => {
    if (engine === 'sqlite') return open();
    if (!keyFile) {
      const board = path.join(tmp('file'), 'board');
      writeAuditKey(board, auditKeyFrom(randomBytes(32)));
      keyFile = `${board}.audit-key`;
    }
    setProcessAuditKeyFile(keyFile);
    let result: T;
    try {
      result = open();
    } catch (error) {
      setProcessAuditKeyFile(null);
      throw error;
    }
    // An opening that awaits (startBoardServer) keeps the key in force until it has opened.
    if (result instanceof Promise) return result.finally(() => setProcessAuditKeyFile(null)) as T;
    setProcessAuditKeyFile(null);
    return result;
  };
  let savedPassword: string | undefined;
  beforeAll(() => {
    if (engine !== 'postgres') return;
    savedPassword = process.env.PGPASSWORD;
    process.env.PGPASSWORD = decodeURIComponent(new URL(testPostgresUrl() ?? '').password);
  });
  afterEach(() => release(held.test));
  afterAll(async () => {
    await release(held.file);
    await settlePostgresBackground();
    keyFile = '';
    if (engine !== 'postgres') return;
    if (savedPassword === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = savedPassword;
  });
  const track = <T extends { close(): unknown }>(c: T, scope: StoreScope = 'test'): T => {
    held[scope].opened.push(c);
    return c;
  };
  const place = (options: { empty?: boolean; label?: string; scope?: StoreScope } = {}): BoardStore => {
    const scope = options.scope ?? 'test';
    if (engine === 'sqlite') return { dbPath: path.join(tmp(scope), `${options.label ?? 'board'}.db`) };
    const url = freshPostgresUrl(options.label ?? 'board', { migrated: !options.empty });
    held[scope].databases.push(url);
    return { postgres: { url, poolSize: 2 } };
  };
  const reopen = (store: BoardStore, scope: StoreScope = 'test'): SqlDb => {
    const pg = store.postgres;
    if (pg) return track(withKey(() => openPostgresDatabase(pg.url, { poolSize: 2 }).db), scope);
    return track(sqlDb(openDatabase(store.dbPath).db), scope);
  };
  return {
    engine,
    place,
    open: (options = {}) => reopen(place(options), options.scope),
    reopen,
    app: ({ store, empty, scope, ...options }) => {
      const where = store ?? place({ empty: empty ?? options.demoIfMissing === true, scope });
      return track(withKey(() => openAppContext(where.postgres ? { ...options, postgres: where.postgres } : { ...options, dbPath: where.dbPath })), scope);
    },
    cliArgs: (store) => {
      if (!store.postgres) return ['--db', store.dbPath];
      const u = new URL(store.postgres.url);
      u.password = '';
      return ['--postgres', u.toString(), '--audit-key', withKey(() => keyFile)];
    },
    tmp,
    track,
    opening: withKey,
  };
}
