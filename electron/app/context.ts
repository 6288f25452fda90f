/**
 * Opens the application core on one database file: connection + migrations, services, dispatcher, with the host's
 * capabilities injected (electron/app/host.ts). Every transport (Electron, browser host, CLI) starts here; none of
 * this imports 'electron'.
 */
import { createDispatcher } from '../api/dispatcher';
import type { Actor, ApiResult, CallContext, Dispatch, Handlers, Transport } from '../../shared/api';
import { openDatabase } from '../../db/open';
import { writeAnchor } from '../../db/anchor';
import { NeedsSqliteError, requireSqlite, sqliteOf, type DbLike } from '../../db/sql/port';
import { openPostgresDatabase } from '../../db/open-postgres';
import { redactUrl } from '../../db/sql/postgres';
import path from 'node:path';
import { stmt } from '../../db/statements';
import { countCases } from '../../db/repositories/cases';
import { caseHandlers } from '../services/cases';
import { importHandlers } from '../services/imports';
import { engineHandlers } from '../services/engine';
import { meetingHandlers } from '../services/meetings';
import { LocalSeats } from './seats';
import { minutesHandlers } from '../minutes/service';
import { ExportedFiles } from './exported';
import { outcomeHandlers } from '../services/outcomes';
import { userHandlers } from '../services/users';
import { maintenanceHandlers } from '../services/maintenance';
import { headlessHost, type HostCapabilities } from './host';
import {
  AUTO_BACKUP_INTERVAL_MS, backupsDirFor, parseRetention, restoreDatabase, startBackupSchedule, type BackupHost, type ScheduleOptions,
} from '../services/backups';
import type { AutoBackupAttempt, RestoreResult } from '../../shared/domain/imports';
import { recordAutoBackupAttempt } from '../../db/repositories/backup-status';
import { isDemoDatabase, seedDemo } from '../services/demo';
import { DomainError } from '../../shared/errors';
import { settingsHandlers } from '../services/settings';
import { clockOf } from '../../db/repositories/settings';
import { APP_VERSION } from './version';

/** A board kept on PostgreSQL (issue 11): the URL and the connection settings (electron/cli/postgres.ts reads them). */
export interface PostgresConnection {
  url: string;
  poolSize?: number | undefined;
  statementTimeoutMs?: number | undefined;
  /** From PGPASSWORD or a password file; overrides the URL's. */
  password?: string | undefined;
  /** Refuse to open without the board's audit key (a board server: it would refuse every change). */
  requireAuditKey?: boolean | undefined;
}

/** Where the board is kept: a SQLite file (`dbPath`) or a PostgreSQL database (`postgres`), never both. */
export type OpenOptions = OpenCommon & ({ dbPath: string; postgres?: undefined } | { postgres: PostgresConnection; dbPath?: undefined });

interface OpenCommon {
  transport: Transport;
  /** When the file does not exist yet, fill it with synthetic demo cases (never start on an empty screen). */
  demoIfMissing?: boolean;
  demoCases?: number;
  /** What the host offers (PDF engine, file choice, log); the headless host fills in the rest. */
  host?: Partial<HostCapabilities>;
}

export { DatabaseOpenError } from '../../db/errors';

/** What backup rotation keeps: TUMOUR_BOARD_BACKUP_RETENTION (e.g. `daily=7,weekly=4,pre-restore=3,manual=3,budget-mb=5120`) over the defaults. */
export const configuredRetention = () => parseRetention(process.env.TUMOUR_BOARD_BACKUP_RETENTION);

export interface AppContext {
  /** The current connection (a new one after a restore): SQLite or PostgreSQL behind the same port. */
  readonly db: DbLike;
  /** The PostgreSQL URL without its password when the board is kept there; null for a SQLite file. */
  readonly postgresUrl: string | null;
  dispatch: Dispatch;
  /**
   * Local single-seat mode: who acts in `session` (the chosen profile, else the seat as local administrator named
   * `seatLabel`). Local transports call it once per call to fill `ctx.actor`.
   */
  localActor(session: string, seatLabel: string): Actor;
  /** Waits for calls in flight, restores `from` over the database (validated first), reopens and rebuilds the handlers. */
  restore(from: string): Promise<RestoreResult>;
  /** True when this run created the demo database. */
  createdDemo: boolean;
  close(): void;
}

export interface HandlerOptions {
  transport: Transport;
  /** Acting profiles per session (kept across a restore). */
  seats?: LocalSeats;
  /** Restore and rotation, wired by the app context. */
  backups?: BackupHost;
  host?: HostCapabilities;
}

export function buildHandlers(db: DbLike, options: HandlerOptions): Handlers {
  const seats = options.seats ?? new LocalSeats(() => db);
  const host = options.host ?? headlessHost(db.name);
  const backups = options.backups ?? {};
  const exported = new ExportedFiles();
  const restore = async (from: string): Promise<RestoreResult> => {
    if (!backups.restore) throw new DomainError('READ_ONLY', 'restore is not available here: use `tumour-board restore --db FILE --from FILE`');
    return backups.restore(from);
  };
  return {
    'app.info': () => ({ version: APP_VERSION, transport: options.transport, demo: isDemoDatabase(db), case_count: countCases(db), ...clockOf(db) }),
    ...settingsHandlers(db),
    ...caseHandlers(db),
    ...importHandlers(db, backups, host),
    ...engineHandlers(),
    ...meetingHandlers(db, seats),
    ...minutesHandlers(db, host, exported),
    ...outcomeHandlers(db),
    ...userHandlers(db),
    ...maintenanceHandlers(db, { host, restore }),
  };
}

/** The context of one call from a local transport: its session is the transport itself (one per window/run). */
export function localCallContext(context: Pick<AppContext, 'localActor'>, transport: Transport, seatLabel: string): CallContext {
  return { transport, session: transport, actor: context.localActor(transport, seatLabel) };
}

/** A local transport's call: who acts is resolved once, then the dispatcher does the rest. */
export function callLocal(context: Pick<AppContext, 'localActor' | 'dispatch'>, transport: Transport, seatLabel: string) {
  return (name: unknown, input: unknown): Promise<ApiResult> => context.dispatch(name, input, localCallContext(context, transport, seatLabel));
}

/** The anchor beside the file is rewritten at most this often (db/anchor.ts). */
const ANCHOR_EVERY_MS = 1000;

function openStore(options: OpenOptions): { db: DbLike; created: boolean } {
  if (options.postgres) {
    const { url, poolSize, statementTimeoutMs, password, requireAuditKey } = options.postgres;
    return openPostgresDatabase(url, { poolSize, statementTimeoutMs, password, requireAuditKey });
  }
  return openDatabase(options.dbPath);
}

/** Exports of a board on PostgreSQL go to ./exports of the working folder (no database file to sit beside). */
const placeOf = (options: OpenOptions): string => options.dbPath ?? path.join(process.cwd(), 'postgres');

export function openAppContext(options: OpenOptions): AppContext {
  const opened = openStore(options);
  let db: DbLike = opened.db;
  const isOpen = (): boolean => sqliteOf(db)?.open ?? !closed;
  let closed = false;
  let createdDemo = false;
  if (opened.created && options.demoIfMissing) {
    seedDemo(db, options.demoCases);
    createdDemo = true;
  }
  // The dispatcher of the current connection; `dispatch` forwards to it so a restore can swap it.
  let current: Dispatch;
  let inFlight = 0;
  let idle: { max: number; resolve: () => void }[] = [];
  let gate: Promise<void> | null = null;
  const settle = () => {
    const ready = idle.filter((w) => inFlight <= w.max);
    idle = idle.filter((w) => inFlight > w.max);
    for (const w of ready) w.resolve();
  };
  const waitForIdle = (max: number) => (inFlight <= max ? Promise.resolve() : new Promise<void>((resolve) => idle.push({ max, resolve })));
  /** `callers` = calls in flight that belong to this restore (1 when it runs inside `backups.restore`). */
  const restore = async (from: string, callers: number): Promise<RestoreResult> => {
    if (gate) throw new DomainError('CONFLICT', 'a restore is already running; wait for it to finish');
    let release = () => {};
    gate = new Promise<void>((resolve) => { release = resolve; });
    try {
      await waitForIdle(callers);
      const file = options.dbPath;
      const raw = sqliteOf(db);
      if (file === undefined || !raw) throw new DomainError('READ_ONLY', new NeedsSqliteError('Restoring a backup').message);
      try {
        return restoreDatabase({ dbPath: file, from, current: raw, retention });
      } finally {
        // Refused: the connection was never closed and nothing changes. Restored: reopen and rebuild the handlers.
        if (!raw.open) {
          db = openDatabase(file).db;
          rebuild();
        }
      }
    } finally {
      gate = null;
      release();
    }
  };
  const retention = configuredRetention();
  const backups: BackupHost = { restore: (from) => restore(from, 1), retention };
  const host: HostCapabilities = { ...headlessHost(placeOf(options)), ...options.host };
  const seats = new LocalSeats(() => db);
  const rebuild = () => {
    current = createDispatcher(buildHandlers(db, { transport: options.transport, seats, backups, host }), { log: (message, error) => host.log(message, error) });
  };
  rebuild();
  // The audit head beside the file follows the changes (db/anchor.ts): one indexed read per call, and at most one
  // file write a second (replacing a file costs a disk flush, ~2 ms; a busy board server saves many times a
  // second). The anchor may lag a second behind after a crash, never run ahead; closing writes it (db/open.ts).
  let anchored = -1;
  let anchoredAt = 0;
  let anchorTimer: ReturnType<typeof setTimeout> | null = null;
  const writeAnchorNow = () => {
    anchorTimer = null;
    try {
      const raw = sqliteOf(db);
      if (!raw?.open || options.dbPath === undefined) return;
      const head = stmt(raw, 'SELECT max(id) FROM audit_log').pluck().get() as number | null;
      if ((head ?? 0) === anchored) return;
      anchored = writeAnchor(raw, options.dbPath)?.id ?? 0;
      anchoredAt = Date.now();
    } catch {
      // Not fatal: `check` compares with the last anchor written, which may only lag.
    }
  };
  const anchorIfMoved = () => {
    if (anchorTimer) return;
    try {
      const raw = sqliteOf(db);
      if (!raw?.open || options.dbPath === undefined) return;
      const head = stmt(raw, 'SELECT max(id) FROM audit_log').pluck().get() as number | null;
      if ((head ?? 0) === anchored) return;
    } catch {
      return;
    }
    const wait = anchoredAt + ANCHOR_EVERY_MS - Date.now();
    if (wait <= 0) writeAnchorNow();
    else {
      anchorTimer = setTimeout(writeAnchorNow, wait);
      anchorTimer.unref();
    }
  };
  const dispatch: Dispatch = async (name: unknown, input: unknown, ctx: CallContext) => {
    while (gate) await gate;
    inFlight++;
    try {
      return await current(name, input, ctx);
    } finally {
      inFlight--;
      settle();
      anchorIfMoved();
    }
  };
  return {
    get db() {
      return db;
    },
    postgresUrl: options.postgres ? redactUrl(options.postgres.url) : null,
    dispatch,
    localActor: (session, seatLabel) => seats.actor(session, seatLabel),
    restore: (from) => restore(from, 0),
    createdDemo,
    close: () => {
      if (anchorTimer) clearTimeout(anchorTimer);
      anchorTimer = null;
      if (isOpen()) db.close();
      closed = true;
    },
  };
}

/**
 * Starts automatic backups of this context's database (beside it in backups/, rotated by `retention`, by
 * default configuredRetention()). Each attempt is recorded for `backups.status`; a failed one goes to `onError`
 * (the log) and is tried again after `retryMs`. The browser host (`serve`) and the Electron shell call it once; `stop()` on quit.
 */
export function startAutoBackups(
  context: AppContext, dbPath: string, options: Partial<Pick<ScheduleOptions, 'intervalMs' | 'retryMs' | 'retention' | 'onBackup' | 'onError' | 'now' | 'setTimer'>> = {},
): { stop(): void } {
  // Each attempt is kept in the database (`backups.status`), so every window on the file can warn when one failed.
  const onAttempt = (attempt: AutoBackupAttempt) => {
    try {
      recordAutoBackupAttempt(context.db, attempt);
    } catch (error) {
      options.onError?.(error);
    }
  };
  return startBackupSchedule({
    onAttempt, ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
    // Only a board kept in a file has automatic backups (on PostgreSQL they are the database administrators').
    db: () => requireSqlite(context.db, 'Automatic backups'), dir: backupsDirFor(dbPath), intervalMs: options.intervalMs ?? AUTO_BACKUP_INTERVAL_MS, retention: options.retention ?? configuredRetention(),
    ...(options.onBackup ? { onBackup: options.onBackup } : {}), ...(options.onError ? { onError: options.onError } : {}),
    ...(options.now ? { now: options.now } : {}), ...(options.setTimer ? { setTimer: options.setTimer } : {}),
  });
}
