import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../db/repositories/cases';
import { openDatabase } from '../../../db/open';
import { openAppContext, startAutoBackups } from '../../../electron/app/context';
import { backupsDirFor, createBackup, listBackups } from '../../../electron/services/backups';
import { seatCtx, caseInput, patient, useTempDir } from '../helpers/fixtures';
import { fileDb } from '../helpers/engines';

const temp = useTempDir();
const ctx = seatCtx('restore tester');

function appWith(dir: string, n: number) {
  const dbPath = path.join(dir, 'board.sqlite');
  const app = openAppContext({ dbPath, transport: 'cli' });
  for (let i = 0; i < n; i++) createCase(app.db, { patient: patient({ identifier: `R${i}` }), case: caseInput() }, 'tester');
  return { app, dbPath };
}

const caseCount = async (app: ReturnType<typeof openAppContext>) => {
  const r = await app.dispatch('app.info', {}, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { case_count: number }).case_count;
};

describe('restore from the app (backups.restore through the dispatcher)', () => {
  it('restores a valid backup; later calls see the restored data on a new connection', async () => {
    const { app, dbPath } = appWith(temp(), 2);
    try {
      const backup = await app.dispatch('backups.create', {}, ctx);
      expect(backup.ok).toBe(true);
      const file = backup.ok ? (backup.value as { file: string }).file : '';
      createCase(app.db, { patient: patient({ identifier: 'AFTER' }), case: caseInput() }, 'tester');
      expect(await caseCount(app)).toBe(3);
      const before = app.db;
      const r = await app.dispatch('backups.restore', { file }, ctx);
      expect(r).toMatchObject({ ok: true, value: { restored_from: file, cases: 2 } });
      expect(fileDb(before).open).toBe(false);
      expect(fileDb(app.db).open).toBe(true);
      expect(app.db).not.toBe(before);
      expect(await caseCount(app)).toBe(2);
      const list = await app.dispatch('cases.list', {}, ctx);
      expect(JSON.stringify(list)).not.toContain('AFTER');
      // The database before the restore was kept as a pre-restore backup.
      expect(listBackups(backupsDirFor(dbPath)).some((b) => b.kind === 'pre-restore')).toBe(true);
      // Writes go to the restored database.
      expect((await app.dispatch('backups.create', {}, ctx)).ok).toBe(true);
    } finally {
      app.close();
    }
  });

  it('refuses a corrupted or newer-version backup and leaves the current database byte-identical and usable', async () => {
    const { app, dbPath } = appWith(temp(), 2);
    try {
      const dir = backupsDirFor(dbPath);
      const good = createBackup(fileDb(app.db), dir, 'manual', new Date('2026-01-01T00:00:00Z'));
      // Corrupt: garbage over the middle of a copy.
      const corrupt = createBackup(fileDb(app.db), dir, 'manual', new Date('2026-01-02T00:00:00Z'));
      const bytes = readFileSync(path.join(dir, corrupt.file));
      bytes.fill(0x5a, 4096, Math.min(bytes.length, 4096 * 3));
      writeFileSync(path.join(dir, corrupt.file), bytes);
      // Newer: a copy whose schema version is above this app's.
      const newer = createBackup(fileDb(app.db), dir, 'manual', new Date('2026-01-03T00:00:00Z'));
      const { db: n } = openDatabase(path.join(dir, newer.file));
      n.pragma('user_version = 999');
      n.close();
      fileDb(app.db).pragma('wal_checkpoint(TRUNCATE)');
      const snapshot = readFileSync(dbPath);
      for (const file of [corrupt.file, newer.file]) {
        const r = await app.dispatch('backups.restore', { file }, ctx);
        expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        expect(r.ok ? '' : r.error.message).toMatch(file === newer.file ? /newer version/ : /integrity|cannot|not a Tumour Board/);
        expect(readFileSync(dbPath).equals(snapshot)).toBe(true);
      }
      expect(listBackups(dir).some((b) => b.kind === 'pre-restore')).toBe(false);
      expect(await caseCount(app)).toBe(2);
      expect(good.file).toMatch(/^board-manual-/);
      expect(await app.dispatch('backups.restore', { file: 'board-manual-2000-01-01T00-00-00-000Z.sqlite' }, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      app.close();
    }
  });

  it('waits for calls in flight before swapping, and serialises restores', async () => {
    const { app, dbPath } = appWith(temp(), 1);
    try {
      const b = createBackup(fileDb(app.db), backupsDirFor(dbPath), 'manual');
      createCase(app.db, { patient: patient({ identifier: 'LATER' }), case: caseInput() }, 'tester');
      // A call in flight when the restore starts completes on the old connection, with the old data.
      const inFlight = app.dispatch('app.info', {}, ctx);
      const restored = app.restore(path.join(backupsDirFor(dbPath), b.file));
      const info = await inFlight;
      expect(info).toMatchObject({ ok: true, value: { case_count: 2 } });
      expect(await restored).toMatchObject({ cases: 1 });
      // Two restores at once run one after the other; calls made meanwhile wait and see the result.
      const [first, second, after] = await Promise.all([
        app.dispatch('backups.restore', { file: b.file }, ctx),
        app.dispatch('backups.restore', { file: b.file }, ctx),
        app.dispatch('app.info', {}, ctx),
      ]);
      expect([first.ok, second.ok]).toEqual([true, true]);
      expect(after).toMatchObject({ ok: true, value: { case_count: 1 } });
    } finally {
      app.close();
    }
  });
});

describe('automatic backups started for an app context', () => {
  it('takes one at once, keeps the last N, and follows the connection after a restore', async () => {
    const { app, dbPath } = appWith(temp(), 1);
    const timers: (() => void)[] = [];
    let clock = new Date('2026-03-01T00:00:00Z').getTime();
    const day = 86_400_000;
    try {
      const schedule = startAutoBackups(app, dbPath, {
        intervalMs: day, retention: { daily: 2, weekly: 0, preRestore: 3, manual: 3, maxBytes: null }, now: () => new Date(clock),
        setTimer: (fn) => { timers.push(fn); return { cancel: () => {} }; },
      });
      const dir = backupsDirFor(dbPath);
      expect(listBackups(dir).filter((x) => x.kind === 'auto')).toHaveLength(1);
      for (let i = 0; i < 3; i++) {
        clock += day;
        timers.shift()?.();
      }
      expect(listBackups(dir).filter((x) => x.kind === 'auto')).toHaveLength(2);
      const auto = listBackups(dir).find((x) => x.kind === 'auto');
      if (!auto) throw new Error('no automatic backup');
      expect((await app.dispatch('backups.restore', { file: auto.file }, ctx)).ok).toBe(true);
      clock += day;
      timers.shift()?.();
      expect(listBackups(dir).filter((x) => x.kind === 'auto')).toHaveLength(2);
      expect(existsSync(path.join(dir, listBackups(dir)[0]?.file ?? 'missing'))).toBe(true);
      schedule.stop();
    } finally {
      app.close();
    }
  });
});
