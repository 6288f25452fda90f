/**
 * Vitest globalSetup of the `postgres` project (files `*.pg.test.ts`): starts one throw-away PostgreSQL cluster for
 * the run and hands its URL to every test process through TB_TEST_POSTGRES_URL; each test file makes its own
 * database in it (test/postgres/database.ts), so files run in parallel. When TB_TEST_POSTGRES_URL is already set,
 * that server is used and nothing is started. Without PostgreSQL: with CI set the run FAILS here; on a developer's
 * machine it says why and the postgres tests skip (TB_TEST_POSTGRES_SKIP carries the reason to them).
 */
import { findPostgresBinaries, MISSING_POSTGRES, POSTGRES_URL_ENV, SKIP_ENV, startTestCluster } from './cluster';

export interface SetupOptions {
  env?: NodeJS.ProcessEnv;
  /** Where the server binaries are looked for (/usr/lib/postgresql). */
  root?: string;
  out?: (line: string) => void;
}

export async function setupPostgres(options: SetupOptions = {}): Promise<(() => void) | undefined> {
  const env = options.env ?? process.env;
  const out = options.out ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (env[POSTGRES_URL_ENV]) {
    out(`postgres tests: using the server in ${POSTGRES_URL_ENV} (no test cluster started)`);
    return undefined;
  }
  const bin = findPostgresBinaries(options.root);
  if (!bin) {
    if (env.CI) throw new Error(`${MISSING_POSTGRES}. CI is set: the PostgreSQL tests must run, so this fails the run.`);
    out(`\npostgres tests SKIPPED: ${MISSING_POSTGRES}.\n`);
    env[SKIP_ENV] = MISSING_POSTGRES;
    return undefined;
  }
  const cluster = await startTestCluster(bin, out);
  env[POSTGRES_URL_ENV] = cluster.url;
  return () => cluster.stop();
}

export default function setup(): Promise<(() => void) | undefined> {
  return setupPostgres();
}
