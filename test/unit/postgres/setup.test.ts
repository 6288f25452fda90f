/** The postgres test project's global setup: where it finds the server, and what it does when there is none. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPostgresBinaries, SKIP_ENV } from '../../postgres/cluster';
import { setupPostgres } from '../../postgres/global-setup';

const dirs: string[] = [];
function fakeRoot(versions: Record<string, string[]>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tb-pgroot-'));
  dirs.push(root);
  for (const [major, files] of Object.entries(versions)) {
    mkdirSync(path.join(root, major, 'bin'), { recursive: true });
    for (const f of files) writeFileSync(path.join(root, major, 'bin', f), '');
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('finding PostgreSQL', () => {
  it('takes the newest major version under /usr/lib/postgresql that has initdb, pg_ctl and psql', () => {
    const root = fakeRoot({ '13': ['initdb', 'pg_ctl', 'psql'], '16': ['initdb', 'pg_ctl'], '15': ['initdb', 'pg_ctl', 'psql'], common: ['psql'] });
    expect(findPostgresBinaries(root)).toEqual({ dir: path.join(root, '15', 'bin'), major: 15 });
  });

  it('finds nothing when the folder is missing or holds only a client', () => {
    expect(findPostgresBinaries(path.join(tmpdir(), 'no-such-postgresql-root'))).toBeNull();
    expect(findPostgresBinaries(fakeRoot({ '15': ['psql'] }))).toBeNull();
  });
});

describe('the postgres tests without PostgreSQL', () => {
  it('fail the run in CI, naming the package to install', async () => {
    const env: NodeJS.ProcessEnv = { CI: 'true' };
    await expect(setupPostgres({ env, root: fakeRoot({}), out: () => undefined })).rejects.toThrow(/PostgreSQL is not installed .*apt-get install --no-install-recommends postgresql.*CI is set/);
    expect(env[SKIP_ENV]).toBeUndefined();
  });

  it('skip outside CI and say why', async () => {
    const env: NodeJS.ProcessEnv = {};
    const lines: string[] = [];
    expect(await setupPostgres({ env, root: fakeRoot({}), out: (l) => lines.push(l) })).toBeUndefined();
    expect(env[SKIP_ENV]).toMatch(/^PostgreSQL is not installed/);
    expect(lines.join('\n')).toContain('postgres tests SKIPPED: PostgreSQL is not installed');
  });

  it('use a server given in TB_TEST_POSTGRES_URL instead of starting one', async () => {
    const env: NodeJS.ProcessEnv = { TB_TEST_POSTGRES_URL: 'postgres://me:pw@db.example:5432/tb', CI: 'true' };
    const lines: string[] = [];
    expect(await setupPostgres({ env, root: fakeRoot({}), out: (l) => lines.push(l) })).toBeUndefined();
    expect(lines).toEqual(['postgres tests: using the server in TB_TEST_POSTGRES_URL (no test cluster started)']);
  });
});
