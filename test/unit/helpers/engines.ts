/**
 * Both engines for the repository and service suites: SQLite always, PostgreSQL when the test cluster's URL is
 * set (TB_TEST_POSTGRES_URL, by the `postgres` Vitest project's global setup or by hand). In CI a missing URL is
 * an error, never a silent skip.
 */
import { randomBytes } from 'node:crypto';
import { openPostgres } from '../../../db/sql/postgres';
import { sqliteOf, type DbLike } from '../../../db/sql/port';
import type { Db } from '../../../db/connection';

export const PG_URL_ENV = 'TB_TEST_POSTGRES_URL';

/** The test cluster's URL, or null outside CI when none is running. */
export function testPostgresUrl(): string | null {
  const url = process.env[PG_URL_ENV];
  if (url) return url;
  if (process.env.CI) throw new Error(`${PG_URL_ENV} is not set: the PostgreSQL tests must run in CI (the postgres project's global setup starts the cluster)`);
  return null;
}

/** A new empty database on the test cluster (thrown away with the cluster); its URL. */
export function freshPostgresUrl(label: string): string {
  const base = testPostgresUrl();
  if (!base) throw new Error(`${PG_URL_ENV} is not set`);
  const name = `tb_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(base);
  try {
    admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    admin.close();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}


/** The better-sqlite3 connection of a context kept in a file (tests of SQLite-only features: backups, restore). */
export function fileDb(db: DbLike): Db {
  const raw = sqliteOf(db);
  if (!raw) throw new Error('this test needs a board kept in a SQLite file');
  return raw;
}
