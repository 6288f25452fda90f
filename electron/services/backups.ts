/**
 * Backups: automatic ones on a schedule with rotation (keep the last N), manual ones, and restore.
 * Restore never trusts the file it is given: a private copy (with its -wal) is inspected read-only (SQLite
 * header, schema version not newer than this app, integrity_check, schema object by object against our
 * migrations, audit chain, seals), copied consistently with VACUUM INTO, migrated and fully checked before
 * anything is replaced; the current database is then backed up ("pre-restore"), closed, swapped atomically,
 * reopened and checked. A refused file leaves the current database byte-identical.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { NeedsSqliteError, sqliteOf, type DbLike } from '../../db/sql/port';
import { writeManifest, writeVerifiedBackup } from '../../db/backup';
import { applyMigrations, openDatabase } from '../../db/open';
import { openRaw } from '../../db/connection';
import { MIGRATIONS, type Migration } from '../../db/migrations/index';
import { inspectCandidate, privateCopy, swapDatabaseFile } from '../../db/restore';
import { checkDatabase } from '../../db/check';
import { bindAuditKey, readAuditKey } from '../../db/auditKey';
import { writeAnchor } from '../../db/anchor';
import { readAutoBackupAttempt } from '../../db/repositories/backup-status';
import type { AutoBackupAttempt, BackupInfo, BackupProblem, BackupStatus, RestoreResult } from '../../shared/domain/imports';
import { BACKUP_PROBLEM_WORDS } from '../../shared/vocabulary/backups';
import { DomainError } from '../../shared/errors';
import type { Handlers } from '../../shared/api';

export type BackupKind = BackupInfo['kind'];
const NAME = /^board-(auto|manual|pre-restore)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.sqlite$/;
/** A copy being written carries this prefix until it is complete and checked (then it is renamed). */
const PARTIAL_PREFIX = '.partial-';

export const backupsDirFor = (dbPath: string): string => path.join(path.dirname(path.resolve(dbPath)), 'backups');

const stampOf = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const dateOfStamp = (s: string) => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const file of readdirSync(dir)) {
    // Only complete backups carry the final name: an interrupted copy still has its `.partial-` name.
    const m = NAME.exec(file);
    if (!m) continue;
    out.push({ file, bytes: statSync(path.join(dir, file)).size, created_at: dateOfStamp(m[2] ?? ''), kind: m[1] as BackupKind });
  }
  return out.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.file.localeCompare(a.file));
}

/** Removes copies a crash left half-written (run at start, before the schedule's first backup). */
export function removeIncompleteBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const removed = readdirSync(dir).filter((f) => f.startsWith(PARTIAL_PREFIX));
  for (const f of removed) rmSync(path.join(dir, f), { force: true });
  return removed;
}

export const manifestPathFor = (backupPath: string): string => `${backupPath}.manifest.json`;

export function createBackup(db: Db, dir: string, kind: BackupKind, now = new Date()): BackupInfo {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let at = now;
  let file = `board-${kind}-${stampOf(at)}.sqlite`;
  while (existsSync(path.join(dir, file))) {
    at = new Date(at.getTime() + 1);
    file = `board-${kind}-${stampOf(at)}.sqlite`;
  }
  const { bytes, manifest } = writeVerifiedBackup(db, path.join(dir, file), { kind, created_at: at.toISOString() });
  writeManifest(path.join(dir, file), manifest);
  return { file, bytes, created_at: at.toISOString(), kind };
}

// ---- rotation (pure) -----------------------------------------------------------------------------------

/** How many backups of each kind to keep, and the most all of them may take together. */
export interface Retention {
  /** Automatic backups: the newest of each of the last N days that have one. */
  daily: number;
  /** Automatic backups: the newest of each of the last N ISO weeks that have one. */
  weekly: number;
  preRestore: number;
  manual: number;
  /** Size budget for the whole folder in bytes (null: no budget); the newest backup is always kept. */
  maxBytes: number | null;
}

export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, preRestore: 3, manual: 3, maxBytes: 5 * 1024 ** 3 };

/** `daily=7,weekly=4,pre-restore=3,manual=3,budget-mb=5120` (any subset) → a retention; names the bad part. */
export function parseRetention(text: string | undefined, base: Retention = DEFAULT_RETENTION): Retention {
  const out = { ...base };
  if (!text) return out;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(daily|weekly|pre-restore|manual|budget-mb)=(\d{1,7})$/.exec(part);
    if (!m) throw new Error(`backup retention: "${part}" is not one of daily=N, weekly=N, pre-restore=N, manual=N, budget-mb=N`);
    const n = Number(m[2]);
    if (m[1] === 'daily') out.daily = n;
    else if (m[1] === 'weekly') out.weekly = n;
    else if (m[1] === 'pre-restore') out.preRestore = n;
    else if (m[1] === 'manual') out.manual = n;
    else out.maxBytes = n === 0 ? null : n * 1024 * 1024;
  }
  return out;
}

/** Monday of the ISO week of an ISO timestamp (UTC), as YYYY-MM-DD. */
function weekOf(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** Which backups to delete under `retention` (every kind rotates; then the size budget, oldest first). */
export function backupsToRotate(backups: readonly BackupInfo[], retention: Retention = DEFAULT_RETENTION): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.file.localeCompare(a.file));
  const keep = new Set<BackupInfo>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of newestFirst.filter((x) => x.kind === 'auto')) {
    const day = b.created_at.slice(0, 10);
    const week = weekOf(b.created_at);
    if (!days.has(day) && days.size < retention.daily) { days.add(day); keep.add(b); }
    if (!weeks.has(week) && weeks.size < retention.weekly) { weeks.add(week); keep.add(b); }
  }
  for (const b of newestFirst.filter((x) => x.kind === 'pre-restore').slice(0, retention.preRestore)) keep.add(b);
  for (const b of newestFirst.filter((x) => x.kind === 'manual').slice(0, retention.manual)) keep.add(b);
  if (retention.maxBytes !== null) {
    let total = [...keep].reduce((sum, b) => sum + b.bytes, 0);
    const newest = newestFirst[0];
    // Over budget: drop the oldest kept ones (automatic first), never the newest backup of all.
    const order = [...newestFirst].reverse().sort((a, b) => Number(a.kind !== 'auto') - Number(b.kind !== 'auto'));
    for (const b of order) {
      if (total <= retention.maxBytes) break;
      if (b === newest || !keep.has(b)) continue;
      keep.delete(b);
      total -= b.bytes;
    }
  }
  return newestFirst.filter((b) => !keep.has(b));
}

/** Deletes what `retention` does not keep (with manifests); returns the file names removed. */
export function rotateBackups(dir: string, retention: Retention = DEFAULT_RETENTION): string[] {
  const removed = backupsToRotate(listBackups(dir), retention).map((b) => b.file);
  for (const f of removed) {
    rmSync(path.join(dir, f), { force: true });
    rmSync(manifestPathFor(path.join(dir, f)), { force: true });
  }
  return removed;
}

// ---- scheduling (pure) + timer -------------------------------------------------------------------------

/** Milliseconds until the next automatic backup is due (0 = now). */
export function msUntilNextBackup(lastAutoAt: Date | null, now: Date, intervalMs: number): number {
  if (!lastAutoAt) return 0;
  return Math.max(0, lastAutoAt.getTime() + intervalMs - now.getTime());
}

export interface ScheduleOptions {
  db: () => Db;
  dir: string;
  intervalMs: number;
  retention?: Retention;
  now?: () => Date;
  onBackup?: (info: BackupInfo, removed: string[]) => void;
  onError?: (error: unknown) => void;
  /** Each automatic attempt, made or failed (not the ticks when none was due). */
  onAttempt?: (attempt: AutoBackupAttempt) => void;
  /** After a failed attempt, the next one is tried this much later (AUTO_BACKUP_RETRY_MS), not at once. */
  retryMs?: number;
  setTimer?: (fn: () => void, ms: number) => { cancel(): void };
}

/**
 * Why a backup failed, from the error's code (Node's errno codes, SQLite's result codes) or, failing that, its
 * message: never the message itself, which may name the file.
 */
export function backupProblemOf(error: unknown): BackupProblem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (/^(ENOSPC|EDQUOT|SQLITE_FULL)/.test(code) || /disk is full|no space left/i.test(message)) return 'disk_full';
  if (/^(EACCES|EPERM|EROFS|ENOTDIR|EEXIST|SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM)/.test(code) || /permission denied|read-only/i.test(message)) return 'no_access';
  if (/^(EIO|SQLITE_IOERR|SQLITE_CORRUPT)/.test(code) || /disk I\/O error/i.test(message)) return 'disk_error';
  if (/^(SQLITE_BUSY|SQLITE_LOCKED)/.test(code) || /database is locked/i.test(message)) return 'busy';
  return 'other';
}

/** What `backups.status` answers: the last automatic attempt, and whether it failed with no backup made since. */
export function backupStatusOf(store: DbLike): BackupStatus {
  const raw = sqliteOf(store);
  if (!raw) return { automatic: false, last: null, newest_backup_at: null, failing: false };
  const attempt = readAutoBackupAttempt(store);
  let newest: string | null = null;
  try {
    newest = listBackups(backupsDirFor(raw.name))[0]?.created_at ?? null;
  } catch {
    // A folder that cannot be read holds no backup this app can restore.
  }
  const last = attempt ? { ...attempt, reason: attempt.ok ? null : BACKUP_PROBLEM_WORDS[attempt.problem ?? 'other'] } : null;
  const failing = last !== null && !last.ok && (newest === null || newest < last.at);
  return { automatic: true, last, newest_backup_at: newest, failing };
}

/** One automatic backup now if due, then rotation. Returns the backup taken, if any. */
export function runScheduledBackup(options: Omit<ScheduleOptions, 'setTimer' | 'onError' | 'onAttempt' | 'retryMs'>): BackupInfo | null {
  const now = options.now?.() ?? new Date();
  const last = listBackups(options.dir).find((b) => b.kind === 'auto');
  if (msUntilNextBackup(last ? new Date(last.created_at) : null, now, options.intervalMs) > 0) return null;
  const info = createBackup(options.db(), options.dir, 'auto', now);
  const removed = rotateBackups(options.dir, options.retention);
  options.onBackup?.(info, removed);
  return info;
}

/** Automatic backups by default every 6 hours; what is kept follows the retention (DEFAULT_RETENTION). */
export const AUTO_BACKUP_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** A failed automatic backup is tried again after 10 minutes (not every second: a full disk stays full a while). */
export const AUTO_BACKUP_RETRY_MS = 10 * 60 * 1000;

/** Starts the timer (the shell or host calls this once); `stop()` cancels it. */
export function startBackupSchedule(options: ScheduleOptions): { stop(): void } {
  const setTimer = options.setTimer ?? ((fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return { cancel: () => clearTimeout(t) };
  });
  let timer: { cancel(): void } | null = null;
  let stopped = false;
  try {
    removeIncompleteBackups(options.dir);
  } catch (error) {
    options.onError?.(error);
  }
  const tick = () => {
    if (stopped) return;
    let failed = false;
    try {
      const made = runScheduledBackup(options);
      if (made) options.onAttempt?.({ at: made.created_at, ok: true, problem: null });
    } catch (error) {
      failed = true;
      options.onError?.(error);
      options.onAttempt?.({ at: (options.now?.() ?? new Date()).toISOString(), ok: false, problem: backupProblemOf(error) });
    }
    const retry = Math.min(options.retryMs ?? AUTO_BACKUP_RETRY_MS, options.intervalMs);
    let wait = retry;
    if (!failed) {
      try {
        const last = listBackups(options.dir).find((b) => b.kind === 'auto');
        wait = msUntilNextBackup(last ? new Date(last.created_at) : null, options.now?.() ?? new Date(), options.intervalMs);
      } catch (error) {
        options.onError?.(error);
      }
    }
    timer = setTimer(tick, Math.max(1000, wait));
  };
  tick();
  return { stop: () => { stopped = true; timer?.cancel(); } };
}

// ---- restore -------------------------------------------------------------------------------------------

export interface RestoreParams {
  dbPath: string;
  /** The candidate file (never modified). */
  from: string;
  /** The open connection to `dbPath`, if any: used for the pre-restore backup, then closed. */
  current?: Db | undefined;
  migrations?: readonly Migration[];
  now?: Date;
  retention?: Retention;
}

export class RestoreRefused extends DomainError {
  constructor(message: string) {
    super('VALIDATION', message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Restores `from` over `dbPath`. Refuses (throws RestoreRefused, nothing touched) unless the candidate passes
 * inspection. On success the caller's `current` connection is closed: reopen the database afterwards.
 */
export function restoreDatabase(params: RestoreParams): RestoreResult {
  const migrations = params.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  const dir = backupsDirFor(params.dbPath);
  mkdirSync(dir, { recursive: true });
  const now = params.now ?? new Date();
  if (!existsSync(params.from)) throw new RestoreRefused(`${path.basename(params.from)} does not exist`);
  if (path.resolve(params.from) === path.resolve(params.dbPath)) throw new RestoreRefused('that file is the current database');
  const shown = path.basename(params.from);
  // Everything happens in a private folder beside the database (same file system: the final rename is atomic).
  const work = mkdtempSync(path.join(path.dirname(path.resolve(params.dbPath)), '.restore-'));
  const candidate = path.join(path.dirname(path.resolve(params.dbPath)), `.restore-candidate-${stampOf(now)}.sqlite`);
  let swapped = false;
  try {
    // 1. A private copy of the file and its -wal (commits still in the WAL belong to the backup).
    const raw = path.join(work, 'raw.sqlite');
    privateCopy(params.from, raw);
    if (existsSync(`${params.from}-wal`)) privateCopy(`${params.from}-wal`, `${raw}-wal`);
    // 2. Inspect it read-only: header, version, integrity, schema object by object, audit chain, seals.
    // The board's audit key (beside the current database) must verify the candidate's keyed rows: a file of
    // another board, or one whose log was recomputed without the key, is refused here.
    const auditKey = readAuditKey(params.dbPath);
    const report = inspectCandidate(raw, latest, shown, migrations, auditKey);
    if (!report.ok) throw new RestoreRefused(`restore refused; the current database was not changed: ${report.problems.join('; ')}`);
    // 3. One consistent, checkpointed file (VACUUM INTO reads through the WAL).
    const source = openRaw(raw, { readonly: true, fileMustExist: true });
    try {
      source.pragma('trusted_schema = OFF');
      source.prepare('VACUUM INTO ?').run(candidate);
    } finally {
      source.close();
    }
    // 4. Migrate the copy to this version and run the full check on it, before anything is replaced.
    const copy = openRaw(candidate, { fileMustExist: true });
    bindAuditKey(copy, auditKey);
    try {
      copy.pragma('trusted_schema = OFF');
      copy.pragma('foreign_keys = ON');
      applyMigrations(copy, migrations);
      const check = checkDatabase(copy);
      if (!check.ok) throw new RestoreRefused(`restore refused; the current database was not changed: ${shown} fails the check: ${check.problems.join('; ')}`);
    } finally {
      copy.close();
    }
    // 5. Keep what we have, then swap.
    let safety: BackupInfo;
    if (params.current?.open) safety = createBackup(params.current, dir, 'pre-restore', now);
    else {
      const { db } = openDatabase(params.dbPath, { migrations });
      try {
        safety = createBackup(db, dir, 'pre-restore', now);
      } finally {
        db.close();
      }
    }
    rotateBackups(dir, params.retention);
    if (params.current?.open) params.current.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${candidate}${suffix}`, { force: true });
    swapDatabaseFile(params.dbPath, candidate);
    swapped = true;
    const { db } = openDatabase(params.dbPath, { migrations });
    try {
      // The restored file's head is the board's head from now on.
      writeAnchor(db, params.dbPath);
      const check = checkDatabase(db);
      if (!check.ok) throw new Error(`restored database failed its check: ${check.problems.join('; ')}`);
      return {
        restored_from: shown,
        safety_backup: safety.file,
        schema_version: db.pragma('user_version', { simple: true }) as number,
        cases: check.cases,
        audit_rows: check.auditRows,
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (!swapped) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${candidate}${suffix}`, { force: true });
  }
}

// ---- API handlers --------------------------------------------------------------------------------------

export interface BackupHost {
  /**
   * Closes the app's connection, restores, and reopens (rebuilding the handlers on the new connection).
   * Provided by the app context; without it `backups.restore` explains that restore runs from the CLI.
   */
  restore?: (fromPath: string) => RestoreResult | Promise<RestoreResult>;
  /** What rotation keeps (manual backups rotate too); DEFAULT_RETENTION when absent. */
  retention?: Retention;
}

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.status' | 'backups.restore'>;

export function backupHandlers(store: DbLike, host: BackupHost = {}): BackupHandlers {
  const onSqlite = (): Db => {
    const raw = sqliteOf(store);
    if (!raw) throw new DomainError('READ_ONLY', new NeedsSqliteError('Backups from the app').message);
    return raw;
  };
  const dir = () => backupsDirFor(onSqlite().name);
  return {
    // A board on PostgreSQL has no backups folder: its backups are the database administrators'.
    'backups.list': () => (sqliteOf(store) ? listBackups(dir()) : []),
    'backups.create': () => {
      const info = createBackup(onSqlite(), dir(), 'manual');
      rotateBackups(dir(), host.retention);
      return info;
    },
    'backups.status': () => backupStatusOf(store),
    'backups.restore': ({ file }) => {
      const known = listBackups(dir()).find((b) => b.file === file);
      if (!known) throw new DomainError('NOT_FOUND', `${file} is not one of this database's backups`, 'file');
      if (!host.restore) throw new DomainError('READ_ONLY', 'restore is not available in this window yet: use `tumour-board restore --db FILE --from FILE`');
      return host.restore(path.join(dir(), known.file));
    },
  };
}
