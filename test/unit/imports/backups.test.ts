import { readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../db/repositories/cases';
import { openDatabase } from '../../../db/open';
import {
  backupsDirFor, backupsToRotate, createBackup, listBackups, msUntilNextBackup, parseRetention, restoreDatabase, runScheduledBackup, startBackupSchedule,
} from '../../../electron/services/backups';
import type { BackupInfo } from '../../../shared/domain/imports';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';
import { MIGRATIONS_WITH_IMPORTS, openTestDb } from './helpers';

const temp = useTempDir();

function seeded(dir: string, n: number, name = 'board.sqlite') {
  const db = openTestDb(dir, name);
  for (let i = 0; i < n; i++) createCase(db, { patient: patient({ identifier: `B${i}` }), case: caseInput() }, 'tester');
  return db;
}

describe('backup schedule and rotation (pure)', () => {
  it('is due at once without a previous backup, then after the interval', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(msUntilNextBackup(null, now, 3_600_000)).toBe(0);
    expect(msUntilNextBackup(new Date('2026-11-27T11:30:00Z'), now, 3_600_000)).toBe(1_800_000);
    expect(msUntilNextBackup(new Date('2026-11-27T10:00:00Z'), now, 3_600_000)).toBe(0);
  });
  it('rotates every kind: the newest automatic one per day and per week, the newest pre-restore and manual ones', () => {
    const b = (file: string, kind: BackupInfo['kind'], created_at: string, bytes = 1): BackupInfo => ({ file, kind, created_at, bytes });
    const list = [
      b('a1', 'auto', '2026-01-01T06:00:00.000Z'), b('a1b', 'auto', '2026-01-01T12:00:00.000Z'), b('a2', 'auto', '2026-01-02T06:00:00.000Z'),
      b('a3', 'auto', '2026-01-03T06:00:00.000Z'), b('old-week', 'auto', '2025-12-20T06:00:00.000Z'),
      b('m1', 'manual', '2025-01-01'), b('m2', 'manual', '2025-01-02'), b('p1', 'pre-restore', '2024-01-01'), b('p2', 'pre-restore', '2024-01-02'),
    ];
    const retention = { daily: 2, weekly: 2, preRestore: 1, manual: 1, maxBytes: null };
    // Days kept: 01-03, 01-02; weeks kept: the week of 12-29 (a3) and the week of 12-15 (old-week).
    expect(backupsToRotate(list, retention).map((x) => x.file).sort()).toEqual(['a1', 'a1b', 'm1', 'p1']);
    expect(backupsToRotate(list, { ...retention, daily: 0, weekly: 0, preRestore: 0, manual: 0 }).map((x) => x.file)).toHaveLength(list.length);
  });
  it('keeps within the size budget, automatic ones first, never the newest backup', () => {
    const b = (file: string, kind: BackupInfo['kind'], created_at: string, bytes: number): BackupInfo => ({ file, kind, created_at, bytes });
    const list = [b('a1', 'auto', '2026-01-01', 100), b('a2', 'auto', '2026-01-02', 100), b('m1', 'manual', '2025-06-01', 100), b('p1', 'pre-restore', '2026-01-03', 100)];
    const retention = { daily: 7, weekly: 0, preRestore: 3, manual: 3, maxBytes: 250 };
    expect(backupsToRotate(list, retention).map((x) => x.file).sort()).toEqual(['a1', 'a2']);
    expect(backupsToRotate(list, { ...retention, maxBytes: 50 }).map((x) => x.file).sort()).toEqual(['a1', 'a2', 'm1']);
  });
  it('reads the retention from text and names a bad part', () => {
    expect(parseRetention('daily=2, manual=9,budget-mb=1')).toMatchObject({ daily: 2, weekly: 4, manual: 9, preRestore: 3, maxBytes: 1024 * 1024 });
    expect(() => parseRetention('hourly=3')).toThrow('"hourly=3" is not one of daily=N');
  });
});

describe('automatic backups', () => {
  it('take a backup when due, keep the newest per day, and the timer can be stopped', () => {
    const dir = temp();
    const db = seeded(dir, 2);
    const backups = backupsDirFor(db.name);
    const day = 86_400_000;
    const retention = { daily: 3, weekly: 0, preRestore: 3, manual: 3, maxBytes: null };
    let t = new Date('2026-11-27T00:00:00Z');
    for (let i = 0; i < 5; i++) {
      runScheduledBackup({ db: () => db, dir: backups, intervalMs: day, retention, now: () => t });
      expect(runScheduledBackup({ db: () => db, dir: backups, intervalMs: day, retention, now: () => t })).toBeNull();
      t = new Date(t.getTime() + day);
    }
    createBackup(db, backups, 'manual', new Date('2020-01-01T00:00:00Z'));
    const list = listBackups(backups);
    expect(list.filter((b) => b.kind === 'auto').map((b) => b.created_at)).toEqual(['2026-12-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-11-29T00:00:00.000Z']);
    expect(list.filter((b) => b.kind === 'manual')).toHaveLength(1);
    const timers: number[] = [];
    const schedule = startBackupSchedule({ db: () => db, dir: backups, intervalMs: day, retention, now: () => new Date('2026-12-01T12:00:00Z'), setTimer: (_fn, ms) => { timers.push(ms); return { cancel: () => timers.push(-1) }; } });
    expect(timers).toEqual([day / 2]);
    schedule.stop();
    expect(timers).toEqual([day / 2, -1]);
    db.close();
  });
});

describe('restore', () => {
  it('restores a valid backup, keeping the current database as a pre-restore backup', () => {
    const dir = temp();
    const db = seeded(dir, 3);
    const backup = createBackup(db, backupsDirFor(db.name), 'manual');
    createCase(db, { patient: patient({ identifier: 'LATER' }), case: caseInput() }, 'tester');
    const dbPath = db.name;
    const r = restoreDatabase({ dbPath, from: path.join(backupsDirFor(dbPath), backup.file), current: db, migrations: MIGRATIONS_WITH_IMPORTS });
    expect(db.open).toBe(false);
    expect(r).toMatchObject({ restored_from: backup.file, cases: 3, audit_rows: 6 });
    expect(r.safety_backup).toMatch(/^board-pre-restore-/);
    const reopened = openDatabase(dbPath, { migrations: MIGRATIONS_WITH_IMPORTS }).db;
    expect(reopened.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(3);
    reopened.close();
    const safety = openDatabase(path.join(backupsDirFor(dbPath), r.safety_backup), { migrations: MIGRATIONS_WITH_IMPORTS }).db;
    expect(safety.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(4);
    safety.close();
  });

  const refusals: [string, (file: string, good: string) => void, RegExp][] = [
    ['a corrupted file', (file, good) => {
      const bytes = readFileSync(good);
      for (let i = 4096; i < bytes.length; i += 97) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
      writeFileSync(file, bytes);
    }, /restore refused; the current database was not changed: .*(integrity|cannot be read|malformed)/],
    ['a newer-version file', (file, good) => {
      const bytes = readFileSync(good);
      bytes.writeUInt32BE(999, 60);
      writeFileSync(file, bytes);
    }, /newer version of Tumour Board \(schema 999/],
    ['not SQLite', (file) => writeFileSync(file, 'hello, this is not a database at all'.repeat(10)), /is not a SQLite database/],
    ['a foreign SQLite file', (file) => {
      const other = openDatabase(`${file}.tmp`, { migrations: [{ version: 1, name: 'x', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY)' }] }).db;
      other.prepare('VACUUM INTO ?').run(file);
      other.close();
    }, /is not a Tumour Board database \(missing meta, patients/],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what}; the current database stays byte-identical`, () => {
      const dir = temp();
      const db = seeded(dir, 2);
      const good = createBackup(db, backupsDirFor(db.name), 'manual');
      const dbPath = db.name;
      db.close();
      const before = readFileSync(dbPath);
      const bad = path.join(dir, 'candidate.sqlite');
      make(bad, path.join(backupsDirFor(dbPath), good.file));
      const candidateBefore = readFileSync(bad);
      expect(() => restoreDatabase({ dbPath, from: bad, migrations: MIGRATIONS_WITH_IMPORTS })).toThrow(message);
      expect(readFileSync(dbPath).equals(before)).toBe(true);
      expect(readFileSync(bad).equals(candidateBefore)).toBe(true);
      expect(listBackups(backupsDirFor(dbPath)).map((b) => b.kind)).toEqual(['manual']);
      expect(existsSync(`${dbPath}-wal`)).toBe(false);
    });
  }

  it('refuses a backup whose audit chain was tampered with', () => {
    const dir = temp();
    const db = seeded(dir, 2);
    const dbPath = db.name;
    db.close();
    const tampered = path.join(dir, 'tampered.sqlite');
    copyFileSync(dbPath, tampered);
    const t = openDatabase(tampered, { migrations: MIGRATIONS_WITH_IMPORTS }).db;
    t.exec('DROP TRIGGER audit_log_no_update');
    t.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 2").run();
    t.pragma('wal_checkpoint(TRUNCATE)');
    t.close();
    const before = readFileSync(dbPath);
    expect(() => restoreDatabase({ dbPath, from: tampered, migrations: MIGRATIONS_WITH_IMPORTS })).toThrow(/audit chain does not verify \(audit row 2/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});
