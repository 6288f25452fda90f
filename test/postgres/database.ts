/**
 * For `*.pg.test.ts` files: the test cluster started by test/postgres/global-setup.ts (or the server named by
 * TB_TEST_POSTGRES_URL). Each file makes its own empty database (`freshDatabase`), so files run in parallel and
 * never see each other's rows. Use `describe.skipIf(!postgres.available)`; `postgres.reason` says why not (only
 * outside CI: in CI a missing PostgreSQL fails the run before any test).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { findPostgresBinaries, MISSING_POSTGRES, POSTGRES_URL_ENV, psql, SKIP_ENV, type PostgresBinaries } from './cluster';
const baseUrl = process.env[POSTGRES_URL_ENV] ?? null;
const bin: PostgresBinaries | null = findPostgresBinaries();

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function need(): { url: string; bin: PostgresBinaries } {
  if (!baseUrl) {
    throw new Error(process.env[SKIP_ENV] ?? `${POSTGRES_URL_ENV} is not set: run this file through the Vitest project "postgres" (its globalSetup starts the cluster)`);
  }
  if (!bin) throw new Error(`${MISSING_POSTGRES} (psql is needed even with ${POSTGRES_URL_ENV} set)`);
  return { url: baseUrl, bin };
}

export const postgres = {
  available: baseUrl !== null && bin !== null,
  reason: baseUrl === null ? (process.env[SKIP_ENV] ?? `${POSTGRES_URL_ENV} is not set`) : bin === null ? MISSING_POSTGRES : '',
  /** The test role's own database URL (`tb_test`); prefer `freshDatabase` for anything that writes. */
  get url(): string {
    return need().url;
  },
  /** A new, empty database owned by the test role; returns its URL. `label` shows in the name (letters, digits, _). */
  freshDatabase(label = 'test'): string {
    const { url, bin: b } = need();
    const name = `t_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
    psql(b, url, `CREATE DATABASE ${name}`);
    return withDatabase(url, name);
  },
  /** Drops a database made by `freshDatabase` (connections to it are closed first). */
  dropDatabase(url: string): void {
    const { url: base, bin: b } = need();
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (!/^t_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a database made by freshDatabase`);
    psql(b, base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  },
  /** The path of a PostgreSQL client program of the installed version (pg_dump, pg_restore …). */
  binary(name: string): string {
    return path.join(need().bin.dir, name);
  },
  /** Runs SQL with psql against `url` (stops at the first error and throws its message); returns the output rows. */
  psql(url: string, sql: string): string {
    return psql(need().bin, url, sql);
  },
};

/** The URL without its password, and the password: the CLI takes a password from PGPASSWORD, never its arguments. */
export function splitPassword(url: string): { url: string; password: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), password };
}

/** For the tests of one file: PGPASSWORD holds the test role's password (as an operator would set it), restored after. */
export function usePasswordFromEnvironment(): void {
  const saved = process.env.PGPASSWORD;
  beforeAll(() => {
    process.env.PGPASSWORD = splitPassword(postgres.url).password;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
  });
}
