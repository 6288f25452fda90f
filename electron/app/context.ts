/**
 * Opens the application core on one database file: connection + migrations, services, dispatcher, with the host's
 * capabilities injected (electron/app/host.ts). Every transport (Electron, browser host, CLI) starts here; none of
 * this imports 'electron'.
 */
import { createDispatcher } from '../api/dispatcher';
import type { Actor, ApiResult, CallContext, Dispatch, Handlers, Transport } from '../../shared/api';
import { openDatabase } from '../../db/open';
import { writeAnchor } from '../../db/anchor';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { countCases } from '../../db/repositories/cases';
import { caseHandlers } from '../services/cases';
import { importHandlers } from '../services/imports';
import { engineHandlers } from '../services/engine';
import { meetingHandlers } from '../services/meetings';
import { LocalSeats } from './seats';
import { minutesHandlers } from '../minutes/service';
import { outcomeHandlers } from '../services/outcomes';
import { userHandlers } from '../services/users';
import { maintenanceHandlers } from '../services/maintenance';
import { headlessHost, type HostCapabilities } from './host';
import {
  AUTO_BACKUP_INTERVAL_MS, backupsDirFor, parseRetention, restoreDatabase, startBackupSchedule, type BackupHost, type ScheduleOptions,
} from '../services/backups';
import type { RestoreResult } from '../../shared/domain/imports';
import { isDemoDatabase, seedDemo } from '../services/demo';
import { DomainError } from '../../shared/errors';
import { settingsHandlers } from '../services/settings';
import { clockOf } from '../../db/repositories/settings';
import { APP_VERSION } from './version';

export interface OpenOptions {
  dbPath: string;
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
  /** The current connection (a new one after a restore). */
  readonly db: Db;
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

export function buildHandlers(db: Db, options: HandlerOptions): Handlers {
  const seats = options.seats ?? new LocalSeats(() => db);
  const host = options.host ?? headlessHost(db.name);
  const backups = options.backups ?? {};
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
    ...minutesHandlers(db, host),
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

export function openAppContext(options: OpenOptions): AppContext {
  const opened = openDatabase(options.dbPath);
  let db = opened.db;
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
      try {
        return restoreDatabase({ dbPath: options.dbPath, from, current: db, retention });
      } finally {
        // Refused: the connection was never closed and nothing changes. Restored: reopen and rebuild the handlers.
        if (!db.open) {
          db = openDatabase(options.dbPath).db;
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
  const host: HostCapabilities = { ...headlessHost(options.dbPath), ...options.host };
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
      if (!db.open) return;
      const head = stmt(db, 'SELECT max(id) FROM audit_log').pluck().get() as number | null;
      if ((head ?? 0) === anchored) return;
      anchored = writeAnchor(db, options.dbPath)?.id ?? 0;
      anchoredAt = Date.now();
    } catch {
      // Not fatal: `check` compares with the last anchor written, which may only lag.
    }
  };
  const anchorIfMoved = () => {
    if (anchorTimer) return;
    try {
      if (!db.open) return;
      const head = stmt(db, 'SELECT max(id) FROM audit_log').pluck().get() as number | null;
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
    dispatch,
    localActor: (session, seatLabel) => seats.actor(session, seatLabel),
    restore: (from) => restore(from, 0),
    createdDemo,
    close: () => {
      if (anchorTimer) clearTimeout(anchorTimer);
      anchorTimer = null;
      if (db.open) db.close();
    },
  };
}

/**
 * Starts automatic backups of this context's database (beside it in backups/, rotated by `retention`, by
 * default configuredRetention()). The browser host (`serve`) and the Electron shell call it once; `stop()` on quit.
 */
export function startAutoBackups(
  context: AppContext, dbPath: string, options: Partial<Pick<ScheduleOptions, 'intervalMs' | 'retention' | 'onBackup' | 'onError' | 'now' | 'setTimer'>> = {},
): { stop(): void } {
  return startBackupSchedule({
    db: () => context.db, dir: backupsDirFor(dbPath), intervalMs: options.intervalMs ?? AUTO_BACKUP_INTERVAL_MS, retention: options.retention ?? configuredRetention(),
    ...(options.onBackup ? { onBackup: options.onBackup } : {}), ...(options.onError ? { onError: options.onError } : {}),
    ...(options.now ? { now: options.now } : {}), ...(options.setTimer ? { setTimer: options.setTimer } : {}),
  });
}
