/**
 * A board server on one database: the app context, its TLS certificate, the HTTPS host and automatic backups,
 * wired once for `serve --network` and for tests. The actor of every call is the signed-in account.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openAppContext, startAutoBackups, type AppContext } from '../app/context';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../db/repositories/users';
import { startNetworkHost, type NetworkHost } from './network';
import { loadOrCreateTls, type TlsMaterial } from './tls';
import { stmt } from '../../db/statements';

export interface BoardServerOptions {
  dbPath: string;
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
}

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
  mkdirSync(path.dirname(path.resolve(options.dbPath)), { recursive: true });
  const tls = await loadOrCreateTls({
    dbPath: options.dbPath, names: [options.host, ...(options.names ?? [])],
    ...(options.tlsCert !== undefined ? { certPath: options.tlsCert } : {}), ...(options.tlsKey !== undefined ? { keyPath: options.tlsKey } : {}),
  });
  const context = openAppContext({ dbPath: options.dbPath, transport: 'network' });
  const log = options.log ?? (() => undefined);
  const backups = options.autoBackups
    ? startAutoBackups(context, options.dbPath, { onError: (error) => log(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`) })
    : null;
  let host: NetworkHost;
  try {
    host = await startNetworkHost({
      dispatch: context.dispatch, db: () => context.db, staticDir: options.staticDir, tls, host: options.host, port: options.port,
      ...(options.names ? { names: options.names } : {}), policy: { ...DEFAULT_SESSION_POLICY, ...options.policy },
      ...(options.loginRatePerMinute !== undefined ? { loginRatePerMinute: options.loginRatePerMinute } : {}),
      // The signed-in account is who acts: its name in every audit row, its role checked by the dispatcher; each
      // session is its own (several screens of one account stay apart).
      contextFor: ({ account, sessionId }) => ({
        transport: 'network', session: `network:${sessionId}`,
        actor: { label: account.name, profileId: account.profile_id, role: account.role },
      }),
      log, ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    backups?.stop();
    context.close();
    throw error;
  }
  return {
    host, tls, context,
    accountCount: () => stmt(context.db, 'SELECT count(*) FROM users WHERE disabled = 0').pluck().get() as number,
    close: async () => {
      backups?.stop();
      await host.close();
      context.close();
    },
  };
}
