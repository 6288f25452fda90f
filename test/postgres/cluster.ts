/**
 * A throw-away PostgreSQL cluster for the tests: Debian's server binaries (`/usr/lib/postgresql/<major>/bin`), a
 * temporary folder owned by an unprivileged user (PostgreSQL refuses to run as root), scram-sha-256 with random
 * passwords, listening on 127.0.0.1 only (a free port) and a Unix socket inside the folder. It makes a role
 * `tb_test` (CREATEDB, not a superuser) owning a database `tb_test`; tests create their own databases beside it.
 * `stop()` shuts the cluster down (`pg_ctl -m fast stop`) and removes the folder; it also runs when the process
 * exits or is interrupted, and a cluster left behind by a killed run is cleaned up by the next one.
 * Nothing here goes to the network beyond loopback, and passwords never appear on a command line.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export const POSTGRES_URL_ENV = 'TB_TEST_POSTGRES_URL';
/** Set by the global setup (outside CI only) when PostgreSQL is missing: the reason the postgres tests skip. */
export const SKIP_ENV = 'TB_TEST_POSTGRES_SKIP';
/** Set by the global setup: the name of a database migrated to the latest schema, copied for each fresh store. */
export const TEMPLATE_ENV = 'TB_TEST_POSTGRES_TEMPLATE';
const PREFIX = 'tb-pg-';
const ROOT = '/usr/lib/postgresql';
const NEEDED = ['initdb', 'pg_ctl', 'psql'];

export interface PostgresBinaries {
  /** e.g. /usr/lib/postgresql/15/bin */
  dir: string;
  major: number;
}

/** The newest installed server under /usr/lib/postgresql/<major>/bin that has initdb, pg_ctl and psql; null if none. */
export function findPostgresBinaries(root = ROOT): PostgresBinaries | null {
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => b - a);
  for (const major of majors) {
    const dir = path.join(root, String(major), 'bin');
    if (NEEDED.every((b) => existsSync(path.join(dir, b)))) return { dir, major };
  }
  return null;
}

export const MISSING_POSTGRES = `PostgreSQL is not installed (no ${ROOT}/<major>/bin with ${NEEDED.join(', ')}): `
  + 'install Debian\'s package with `apt-get install --no-install-recommends postgresql` (bash .ci/run does), '
  + `or point ${POSTGRES_URL_ENV} at a server of your own (a role with CREATEDB)`;

interface RunAs { uid: number; gid: number }

/** Root cannot run PostgreSQL: the server runs as the `postgres` user (Debian's package makes it; created if absent). */
function serverUser(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const made = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`could not create the unprivileged user postgres to run the test cluster: ${made.stderr.trim()}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(file: string, args: string[], options: SpawnSyncOptions & { what: string }): string {
  const r = spawnSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, ...options });
  if (r.error) throw new Error(`${options.what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${options.what} failed (exit ${r.status}): ${String(r.stderr).trim() || String(r.stdout).trim()}`);
  return String(r.stdout);
}

/** Connection parameters of a postgres:// URL, for psql through the environment (never the password in argv). */
export function psqlEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password), PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
    PGCONNECT_TIMEOUT: '10', PGAPPNAME: 'tumour-board-tests',
  };
}

/** Runs SQL with psql (stop at the first error, unaligned, tuples only) and returns what it printed. */
export function psql(bin: PostgresBinaries, url: string, sql: string): string {
  return run(path.join(bin.dir, 'psql'), ['-X', '-v', 'ON_ERROR_STOP=1', '-A', '-t', '-q', '-c', sql], { what: 'psql', env: psqlEnv(url) });
}

export interface TestCluster {
  /** `postgres://tb_test:…@127.0.0.1:PORT/tb_test`: a role with CREATEDB that owns database tb_test. */
  url: string;
  /** The superuser's URL (only the harness uses it). */
  adminUrl: string;
  bin: PostgresBinaries;
  dir: string;
  port: number;
  /** Fast shutdown and removal of the folder; safe to call twice. */
  stop(): void;
}

const OWNER_FILE = 'owner.pid';
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Whether a process is running; a zombie (exited, never reaped: PID 1 in a container often reaps nobody) is not. */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
};

function stopAndRemove(bin: PostgresBinaries, dir: string, as: RunAs | null, mode: 'fast' | 'immediate'): void {
  const data = path.join(dir, 'data');
  if (existsSync(path.join(data, 'postmaster.pid'))) {
    spawnSync(path.join(bin.dir, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '30', 'stop'], {
      stdio: 'ignore', cwd: dir, timeout: 40_000, ...(as ?? {}),
    });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Clusters of earlier runs whose test process is gone (killed before its clean-up ran): stop them, remove them. */
function sweepLeftovers(bin: PostgresBinaries, as: RunAs | null): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(path.join(dir, OWNER_FILE), 'utf8'));
      if (Number.isSafeInteger(owner) && owner > 0 && !alive(owner)) stopAndRemove(bin, dir, as, 'immediate');
    } catch {
      // Not ours or being created right now: leave it.
    }
  }
}

/** Starts a cluster (initdb, pg_ctl start on a free loopback port) and makes the test role and database. */
export async function startTestCluster(bin: PostgresBinaries, log: (line: string) => void = () => undefined): Promise<TestCluster> {
  const as = serverUser();
  sweepLeftovers(bin, as);
  const dir = mkdtempSync(path.join(tmpdir(), PREFIX));
  writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const data = path.join(dir, 'data');
  const asServer: SpawnSyncOptions = { cwd: dir, ...(as ?? {}) };
  let stopped = false;
  const cleanUp = (mode: 'fast' | 'immediate') => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    stopAndRemove(bin, dir, as, mode);
  };
  const onExit = () => cleanUp('immediate');
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp('immediate');
    process.kill(process.pid, signal);
  };
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  try {
    const adminPassword = randomBytes(18).toString('base64url');
    const testPassword = randomBytes(18).toString('base64url');
    const pwfile = path.join(dir, 'pwfile');
    writeFileSync(pwfile, `${adminPassword}\n`, { mode: 0o600 });
    if (as) {
      chownSync(dir, as.uid, as.gid);
      chownSync(pwfile, as.uid, as.gid);
    }
    const started = Date.now();
    // UTF-8 and the C.UTF-8 locale whatever the machine's LANG is (CI shells often run with POSIX → SQL_ASCII).
    run(path.join(bin.dir, 'initdb'), ['-D', data, '-A', 'scram-sha-256', '-U', 'postgres', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8', '-N'], { ...asServer, what: 'initdb' });
    rmSync(pwfile);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // A throw-away cluster: durability settings off for speed (never do this to a real board's database).
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
      try {
        run(path.join(bin.dir, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start'], { ...asServer, what: 'pg_ctl start' });
        break;
      } catch (error) {
        // Another process took the port between our probe and the server's bind: try another one.
        const logged = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
        if (attempt >= 5 || !/could not bind|Address already in use/.test(logged)) throw new Error(`${(error as Error).message}\n${logged}`, { cause: error });
      }
    }
    const adminUrl = `postgres://postgres:${encodeURIComponent(adminPassword)}@127.0.0.1:${port}/postgres`;
    psql(bin, adminUrl, `CREATE ROLE tb_test LOGIN CREATEDB PASSWORD '${testPassword}'`);
    psql(bin, adminUrl, 'CREATE DATABASE tb_test OWNER tb_test');
    const url = `postgres://tb_test:${encodeURIComponent(testPassword)}@127.0.0.1:${port}/tb_test`;
    log(`PostgreSQL ${bin.major} test cluster on 127.0.0.1:${port} (${dir}, user ${as ? 'postgres' : userInfo().username}) started in ${Date.now() - started} ms`);
    return { url, adminUrl, bin, dir, port, stop: () => cleanUp('fast') };
  } catch (error) {
    cleanUp('immediate');
    throw error;
  }
}
