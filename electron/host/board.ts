/**
 * A board server on one database: the app context, its TLS certificate, the HTTPS host and automatic backups,
 * wired once for `serve --network` and for tests. The actor of every call is the signed-in account.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openAppContext, startAutoBackups, type AppContext, type PostgresConnection } from '../app/context';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../db/repositories/users';
import { startNetworkHost, type NetworkHost } from './network';
import { BoardCores, DEFAULT_BOARD_CORES, networkCallContext } from './board-cores';
import { loadOrCreateTls, type TlsMaterial } from './tls';
import { stmt } from '../../db/statements';

/**
 * Where the board is kept: a SQLite file (`dbPath`), or a PostgreSQL database (`postgres`; several server processes
 * may share it). On PostgreSQL the TLS certificate must be given (there is no file to keep a self-signed one beside)
 * and backups are PostgreSQL's (README, PostgreSQL).
 */
export type BoardStore = { dbPath: string; postgres?: undefined } | { postgres: PostgresConnection; dbPath?: undefined };

export type BoardServerOptions = BoardStore & {
  staticDir: string;
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  names?: readonly string[];
  policy?: Partial<SessionPolicy>;
  loginRatePerMinute?: number;
  /** Automatic backups beside the database (the CLI turns them on; tests leave them off). */
  autoBackups?: boolean;
  log?: (line: string) => void;
  now?: () => Date;
  /**
   * On PostgreSQL: serve sessions and operations from `count` core threads started from `script` (a bundle that
   * calls runBoardCore(), e.g. dist/cli.cjs), so the synchronous connections' waits overlap (./board-cores.ts).
   * Without it (tests from source) every request is served on this thread.
   */
  cores?: { script: string; count?: number };
};

export interface BoardServer {
  host: NetworkHost;
  tls: TlsMaterial;
  context: AppContext;
  /** Active accounts, so the CLI can say how to add the first one. */
  accountCount(): number;
  /** Finishes requests in flight, then closes the host, the backups and the database. */
  close(): Promise<void>;
}

export async function startBoardServer(options: BoardServerOptions): Promise<BoardServer> {
  const dbPath = options.dbPath;
  if (dbPath === undefined && (options.tlsCert === undefined || options.tlsKey === undefined)) {
    throw new Error('a board server on PostgreSQL needs --tls-cert and --tls-key (every server process presents the same certificate; there is no file to keep a self-signed one beside)');
  }
  if (dbPath !== undefined) mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const tls = await loadOrCreateTls({
    dbPath: dbPath ?? '', names: [options.host, ...(options.names ?? [])],
    ...(options.tlsCert !== undefined ? { certPath: options.tlsCert } : {}), ...(options.tlsKey !== undefined ? { keyPath: options.tlsKey } : {}),
  });
  const context = options.postgres
    ? openAppContext({ postgres: options.postgres, transport: 'network' })
    : openAppContext({ dbPath: dbPath ?? '', transport: 'network' });
  const log = options.log ?? (() => undefined);
  const policy = { ...DEFAULT_SESSION_POLICY, ...options.policy };
  let cores: BoardCores | null = null;
  if (options.postgres && options.cores) {
    cores = new BoardCores({ script: options.cores.script, count: options.cores.count ?? DEFAULT_BOARD_CORES, postgres: options.postgres, policy, log });
    try {
      await cores.started();
    } catch (error) {
      await cores.close();
      context.close();
      throw error;
    }
  }
  const remote = cores;
  // Automatic backups copy the SQLite file; on PostgreSQL they are the DBA's (pg_dump, continuous archiving).
  const backups = options.autoBackups && dbPath !== undefined
    ? startAutoBackups(context, dbPath, { onError: (error) => log(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`) })
    : null;
  let host: NetworkHost;
  try {
    host = await startNetworkHost({
      dispatch: remote ? (name, input, ctx) => remote.dispatch(name, input, ctx) : context.dispatch,
      ...(remote ? { sessions: {
        resolve: (t) => remote.session(t), login: (n, p) => remote.login(n, p), logout: (t) => remote.logout(t),
        callAs: (t, name, input) => remote.callAs(t, name, input),
      } } : {}),
      ...(remote ? { changes: (after: number) => remote.changes(after) } : {}),
      db: () => context.db, staticDir: options.staticDir, tls, host: options.host, port: options.port,
      ...(options.names ? { names: options.names } : {}), policy,
      ...(options.loginRatePerMinute !== undefined ? { loginRatePerMinute: options.loginRatePerMinute } : {}),
      contextFor: networkCallContext,
      log, ...(options.now ? { now: options.now } : {}),
      // Other server processes' changes arrive through LISTEN/NOTIFY on PostgreSQL.
      ...(options.postgres ? { postgres: { url: options.postgres.url, password: options.postgres.password } } : {}),
    });
  } catch (error) {
    backups?.stop();
    await cores?.close();
    context.close();
    throw error;
  }
  return {
    host, tls, context,
    accountCount: () => stmt(context.db, 'SELECT count(*) FROM users WHERE disabled = 0').pluck().get() as number,
    close: async () => {
      backups?.stop();
      await host.close();
      await cores?.close();
      context.close();
    },
  };
}
