// Automatic-backup failures reach the UI: each attempt of the schedule is recorded, `backups.status` says when the
// last one failed and why in plain words (never a path), and a later backup clears it.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SqliteError } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAppContext, startAutoBackups } from '../../../electron/app/context';
import { AUTO_BACKUP_RETRY_MS, backupProblemOf, backupsDirFor, listBackups } from '../../../electron/services/backups';
import type { BackupStatus } from '../../../shared/domain/imports';
import { BACKUP_PROBLEM_WORDS } from '../../../shared/vocabulary';
import { useTempDir } from '../helpers/fixtures';

const temp = useTempDir();
const member = { transport: 'cli' as const, session: 'status', actor: { label: 'Mo Member', profileId: 3, role: 'member' as const } };

async function statusOf(app: ReturnType<typeof openAppContext>): Promise<BackupStatus> {
  const r = await app.dispatch('backups.status', {}, member);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as BackupStatus;
}

describe('why a backup failed, in plain words', () => {
  it('reads the error code, never the message', () => {
    expect(backupProblemOf(new SqliteError('database or disk is full', 'SQLITE_FULL'))).toBe('disk_full');
    expect(backupProblemOf(Object.assign(new Error("ENOSPC: no space left on device, write '/home/x/board.sqlite'"), { code: 'ENOSPC' }))).toBe('disk_full');
    expect(backupProblemOf(Object.assign(new Error("EACCES: permission denied, mkdir '/srv/backups'"), { code: 'EACCES' }))).toBe('no_access');
    expect(backupProblemOf(new SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'))).toBe('disk_error');
    expect(backupProblemOf(new SqliteError('database is locked', 'SQLITE_BUSY'))).toBe('busy');
    expect(backupProblemOf(new Error('something else'))).toBe('other');
  });
});

describe('backups.status', () => {
  it('says nothing is wrong before any automatic backup, to any signed-in role', async () => {
    const app = openAppContext({ dbPath: path.join(temp(), 'board.sqlite'), transport: 'cli' });
    try {
      expect(await statusOf(app)).toEqual({ automatic: true, last: null, newest_backup_at: null, failing: false });
    } finally {
      app.close();
    }
  });

  it('reports a failed automatic backup with when and why, retries later, and clears when a later one succeeds', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'board.sqlite');
    const app = openAppContext({ dbPath, transport: 'cli' });
    // The backups folder's name is taken by a file: the copy cannot be written.
    const backups = backupsDirFor(dbPath);
    writeFileSync(backups, 'not a folder');
    const timers: { fn: () => void; ms: number }[] = [];
    let clock = Date.parse('2026-03-01T02:00:00Z');
    const logged: unknown[] = [];
    const schedule = startAutoBackups(app, dbPath, {
      intervalMs: 6 * 3_600_000, now: () => new Date(clock), onError: (error) => logged.push(error),
      setTimer: (fn, ms) => { timers.push({ fn, ms }); return { cancel: () => {} }; },
    });
    try {
      const failed = await statusOf(app);
      expect(failed).toEqual({
        automatic: true, newest_backup_at: null, failing: true,
        last: { at: '2026-03-01T02:00:00.000Z', ok: false, problem: 'no_access', reason: BACKUP_PROBLEM_WORDS.no_access },
      });
      expect(failed.last?.reason).toBe('the backups folder could not be written (no permission, or the disk is read-only)');
      expect(JSON.stringify(failed)).not.toContain(dir);
      // The log still gets the errors themselves (the clean-up of unfinished copies at start, then the backup); the
      // next attempt waits for the retry delay, not one second.
      expect(logged.map((e) => (e as { code?: string }).code)).toEqual(['ENOTDIR', 'ENOTDIR']);
      expect(timers.map((t) => t.ms)).toEqual([AUTO_BACKUP_RETRY_MS]);

      // Still failing ten minutes later: the status moves on to that attempt.
      clock += AUTO_BACKUP_RETRY_MS;
      timers.shift()?.fn();
      expect((await statusOf(app)).last).toMatchObject({ at: '2026-03-01T02:10:00.000Z', ok: false });

      // The folder is put right: the next attempt succeeds and the warning goes.
      rmSync(backups);
      clock += AUTO_BACKUP_RETRY_MS;
      timers.shift()?.fn();
      const made = listBackups(backups);
      expect(made.map((b) => b.kind)).toEqual(['auto']);
      expect(await statusOf(app)).toEqual({
        automatic: true, failing: false, newest_backup_at: '2026-03-01T02:20:00.000Z',
        last: { at: '2026-03-01T02:20:00.000Z', ok: true, problem: null, reason: null },
      });
      expect(timers.map((t) => t.ms)).toEqual([6 * 3_600_000]);
    } finally {
      schedule.stop();
      app.close();
    }
  });

  it('a manual backup made after the failure also clears the warning (there is a fresh copy)', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'board.sqlite');
    const app = openAppContext({ dbPath, transport: 'cli' });
    writeFileSync(backupsDirFor(dbPath), 'not a folder');
    const schedule = startAutoBackups(app, dbPath, { now: () => new Date('2026-03-01T02:00:00Z'), setTimer: () => ({ cancel: () => {} }) });
    try {
      expect((await statusOf(app)).failing).toBe(true);
      rmSync(backupsDirFor(dbPath));
      const admin = { ...member, actor: { label: 'seat', profileId: null, role: 'admin' as const } };
      const made = await app.dispatch('backups.create', {}, admin);
      expect(made.ok).toBe(true);
      const status = await statusOf(app);
      expect(status.failing).toBe(false);
      expect(status.last).toMatchObject({ ok: false, problem: 'no_access' });
      expect(status.newest_backup_at).not.toBeNull();
    } finally {
      schedule.stop();
      app.close();
    }
  });
});
