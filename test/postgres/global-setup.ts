/**
 * Vitest globalSetup of the `postgres` project (files `*.pg.test.ts`): starts one throw-away PostgreSQL cluster for
 * the run and hands its URL to every test process through TB_TEST_POSTGRES_URL; each test file makes its own
 * database in it (test/postgres/database.ts), so files run in parallel. When TB_TEST_POSTGRES_URL is already set,
 * that server is used and nothing is started. Without PostgreSQL: with CI set the run FAILS here; on a developer's
 * machine it says why and the postgres tests skip (TB_TEST_POSTGRES_SKIP carries the reason to them).
 */
import { randomBytes } from 'node:crypto';
import { openPostgresDatabase } from '../../db/open-postgres';
import { findPostgresBinaries, MISSING_POSTGRES, POSTGRES_URL_ENV, psql, SKIP_ENV, startTestCluster, TEMPLATE_ENV, type PostgresBinaries } from './cluster';

export interface SetupOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the server binaries are looked for (/usr/lib/postgresql). */
  root?: string;
  out?: (line: string) => void;
  /** Make the migrated template database (default true; the setup's own tests skip it). */
  template?: boolean;
}

export async function setupPostgres(options: SetupOptions = {}): Promise<(() => void) | undefined> {
  const env = options.env ?? process.env;
  const out = options.out ?? ((line: string) => process.stderr.write(`${line}\n`));
  const bin = findPostgresBinaries(options.root);
  const given = env[POSTGRES_URL_ENV];
  if (given) {
    out(`postgres tests: using the server in ${POSTGRES_URL_ENV} (no test cluster started)`);
    if (!bin || options.template === false) return undefined;
    const dropTemplate = makeTemplate(bin, given, env);
    return () => dropTemplate();
  }
  if (!bin) {
    if (env.CI) throw new Error(`${MISSING_POSTGRES}. CI is set: the PostgreSQL tests must run, so this fails the run.`);
    out(`\npostgres tests SKIPPED: ${MISSING_POSTGRES}.\n`);
    env[SKIP_ENV] = MISSING_POSTGRES;
    return undefined;
  }
  const cluster = await startTestCluster(bin, out);
  env[POSTGRES_URL_ENV] = cluster.url;
  if (options.template !== false) {
    try {
      const started = Date.now();
      makeTemplate(bin, cluster.url, env);
      out(`migrated template database ${env[TEMPLATE_ENV] ?? ''} made in ${Date.now() - started} ms`);
    } catch (error) {
      cluster.stop();
      throw error;
    }
  }
  return () => cluster.stop();
}

/**
 * A database migrated to the latest schema, from which the stores of the repository and service suites are copied
 * (`CREATE DATABASE … TEMPLATE`, test/unit/helpers/engines.ts): a copy takes a fraction of the time the migrations
 * take. Nobody connects to it after this (a template must have no sessions while it is copied). Returns its drop.
 */
function makeTemplate(bin: PostgresBinaries, url: string, env: NodeJS.ProcessEnv): () => void {
  const name = `t_template_${randomBytes(4).toString('hex')}`;
  psql(bin, url, `CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  openPostgresDatabase(u.toString(), { poolSize: 1 }).db.close();
  env[TEMPLATE_ENV] = name;
  return () => {
    try {
      psql(bin, url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch {
      // The server is gone already: nothing to drop.
    }
  };
}

export default function setup(): Promise<(() => void) | undefined> {
  return setupPostgres();
}
