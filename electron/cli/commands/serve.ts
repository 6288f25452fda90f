import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { userInfo } from 'node:os';
import { callLocal, openAppContext, startAutoBackups } from '../../app/context';
import { osUserName } from '../../app/seats';
import { defaultDbPath } from '../../app/paths';
import { startBrowserHost } from '../../host/server';
import { startBoardServer } from '../../host/board';
import { intArg, parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { postgresPassword, postgresUrlArg } from './postgres-options';
import { redactUrl } from '../../../db/sql/postgres';

/** dist/cli.cjs sits beside dist/renderer/. */
export const rendererDir = (): string => path.join(__dirname, 'renderer');

/** HOST:PORT, [IPv6]:PORT; port 0 picks a free one. */
const listenArg = z.string().transform((text, ctx) => {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text);
  const port = Number(m?.[3]);
  if (!m || port > 65535) {
    ctx.addIssue({ code: 'custom', message: 'must be HOST:PORT, e.g. 0.0.0.0:8443 (port 0 picks a free one)' });
    return z.NEVER;
  }
  return { host: m[1] ?? m[2] ?? '', port };
});

/** A whole number from the environment (pool size, timeout), or undefined; a malformed one is named. */
function envInt(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name}: must be a whole number`);
  return Number(text);
}

function waitForSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

const argsSchema = z.object({
  db: z.string().min(1).optional(),
  postgres: postgresUrlArg.optional(),
  'pg-pool': intArg(1, 200).optional(),
  'pg-statement-timeout-ms': intArg(100, 3_600_000).optional(),
  cores: intArg(1, 64).optional(),
  port: intArg(0, 65535).default(0),
  network: z.boolean().default(false),
  listen: listenArg.optional(),
  'tls-cert': z.string().min(1).optional(),
  'tls-key': z.string().min(1).optional(),
  'host-name': z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'must be a host name or address')).default([]),
  'session-idle-minutes': intArg(1, 24 * 60).default(30),
  'session-max-hours': intArg(1, 7 * 24).default(12),
});
type ServeArgs = z.output<typeof argsSchema>;

async function serveNetwork(values: ServeArgs, staticDir: string, io: CliIO): Promise<number> {
  if (!values.listen) throw new UsageError('--listen: is required with --network (e.g. --listen 0.0.0.0:8443)');
  if (!values.db && !values.postgres) throw new UsageError('--db: is required with --network (the board\'s database file), or --postgres URL');
  if (values.db && values.postgres) throw new UsageError('--postgres: give either --db FILE or --postgres URL, not both');
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) throw new UsageError('give both --tls-cert and --tls-key, or neither (a self-signed certificate is made then)');
  if (values.postgres && !values['tls-cert']) throw new UsageError('--tls-cert: is required with --postgres (every server process of the board presents the same certificate)');
  if (values.cores !== undefined && !values.postgres) throw new UsageError('--cores: only with --postgres (a board in a SQLite file is served by one thread)');
  const pool = values['pg-pool'] ?? envInt('TUMOUR_BOARD_PG_POOL');
  const timeout = values['pg-statement-timeout-ms'] ?? envInt('TUMOUR_BOARD_PG_STATEMENT_TIMEOUT_MS');
  const store = values.postgres
    ? { postgres: { url: values.postgres, password: postgresPassword(), requireAuditKey: true, ...(pool !== undefined ? { poolSize: pool } : {}), ...(timeout !== undefined ? { statementTimeoutMs: timeout } : {}) } }
    : { dbPath: values.db ?? '' };
  // On PostgreSQL the requests are served by core threads started from this bundle (dist/cli.cjs); run from source
  // (no bundle) everything stays on this thread.
  const bundled = __filename.endsWith('.cjs');
  const cores = values.postgres && bundled ? { cores: { script: __filename, ...(values.cores !== undefined ? { count: values.cores } : {}) } } : {};
  const board = await startBoardServer({
    ...store, ...cores, staticDir, host: values.listen.host, port: values.listen.port, names: values['host-name'], autoBackups: true,
    ...(values['tls-cert'] ? { tlsCert: values['tls-cert'] } : {}), ...(values['tls-key'] ? { tlsKey: values['tls-key'] } : {}),
    policy: { idleMs: values['session-idle-minutes'] * 60_000, absoluteMs: values['session-max-hours'] * 3_600_000 },
    log: (line) => io.err(line),
  });
  const { tls, host } = board;
  if (tls.created) io.out(`made a self-signed certificate: ${tls.certPath} (key ${tls.keyPath}, readable by this user only)`);
  io.out(`Tumour Board board server: ${host.url}`);
  io.out(`Certificate SHA-256 fingerprint: ${tls.fingerprint}`);
  if (values.postgres) io.out(`Board kept in PostgreSQL: ${redactUrl(values.postgres)}`);
  if (board.accountCount() === 0) io.out(`no accounts yet: add one with tumour-board users add ${values.postgres ? `--postgres ${values.postgres}` : `--db ${values.db ?? ''}`} --name NAME --role admin`);
  await waitForSignal();
  io.out('shutting down: finishing requests in flight');
  await board.close();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the browser host on 127.0.0.1, or a board server over HTTPS (--network)',
  usage: `tumour-board serve [--db FILE] [--port P]
tumour-board serve --network --listen HOST:PORT --db FILE [--tls-cert FILE --tls-key FILE] [--host-name NAME]…
tumour-board serve --network --listen HOST:PORT --postgres URL --tls-cert FILE --tls-key FILE [--cores N] [--pg-pool N] [--pg-statement-timeout-ms MS]

Without --network: serves the app on 127.0.0.1 only, with a fresh access token each run, and prints the URL to open.
With --network: a board server for several people over HTTPS only (TLS 1.2 or later); everyone signs in with an
account (tumour-board users add). Without --tls-cert/--tls-key a self-signed certificate is made on first run and
kept beside the database; the URL and the certificate's SHA-256 fingerprint are printed for users to check.
Backs the database up automatically (backups/ beside it: every 6 hours, the last 28 kept).
--db        the database (default without --network: the app's user-data folder; a demo database is created if none exists)
--port      the loopback port (default: any free port)
--listen    with --network: address and port, e.g. 0.0.0.0:8443 (port 0 picks a free one)
--tls-cert, --tls-key   PEM certificate and key to use instead of the self-signed one
--host-name the name clients use to reach the server (repeatable; requests naming another host are refused)
--session-idle-minutes  sign out after this long unused (default 30)
--session-max-hours     sign out this long after signing in (default 12)
--postgres  with --network: keep the board in PostgreSQL (postgres://USER@HOST:PORT/DATABASE?sslmode=verify-full…);
            several server processes may serve one database; the password comes from PGPASSWORD or
            TUMOUR_BOARD_PG_PASSWORD_FILE, never the URL; backups are PostgreSQL's (README); the board's passphrase
            (TUMOUR_BOARD_PASSPHRASE or --passphrase-file) unwraps its audit key, kept in the database: without it
            (or --audit-key FILE) the server does not start
--cores     with --postgres: threads serving the requests, each with its own connections (default 4), so one
            request's wait for PostgreSQL does not hold up the others
--pg-pool   connections per thread: the front (change feed, default 4) and each core (default 2); TUMOUR_BOARD_PG_POOL
--pg-statement-timeout-ms  longest a statement may run (default 30000; TUMOUR_BOARD_PG_STATEMENT_TIMEOUT_MS)`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      {
        db: { type: 'string' }, port: { type: 'string' }, network: { type: 'boolean' }, listen: { type: 'string' },
        postgres: { type: 'string' }, 'pg-pool': { type: 'string' }, 'pg-statement-timeout-ms': { type: 'string' }, cores: { type: 'string' },
        'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'host-name': { type: 'string', multiple: true },
        'session-idle-minutes': { type: 'string' }, 'session-max-hours': { type: 'string' },
      },
      argsSchema,
    );
    const staticDir = rendererDir();
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      throw new UsageError(`the user interface is not built (${path.relative(process.cwd(), staticDir) || staticDir} is missing): run "npm run build" first`);
    }
    if (values.network) return serveNetwork(values, staticDir, io);
    if (values.listen || values['tls-cert'] || values['tls-key']) throw new UsageError('--listen, --tls-cert and --tls-key need --network');
    if (values.postgres) throw new UsageError('--postgres: needs --network (the browser host on 127.0.0.1 serves a local file)');
    const dbPath = values.db ?? defaultDbPath();
    mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
    const ctx = openAppContext({ dbPath, transport: 'browser-host', demoIfMissing: true });
    if (ctx.createdDemo) io.out(`no database at ${dbPath}: created one with synthetic demo cases`);
    const backups = startAutoBackups(ctx, dbPath, { onError: (error) => io.err(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`) });
    const host = await startBrowserHost({ call: callLocal(ctx, 'browser-host', `${osUserName(() => userInfo(), process.env)} (browser host)`), staticDir, port: values.port });
    io.out(`Tumour Board browser host: ${host.openUrl}`);
    await waitForSignal();
    backups.stop();
    await host.close();
    ctx.close();
    return 0;
  },
};
