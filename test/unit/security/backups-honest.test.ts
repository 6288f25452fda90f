import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { sha256File } from '../../../db/backup';
import { LATEST_VERSION } from '../../../db/migrations/index';
import { createCase } from '../../../db/repositories/cases';
import {
  backupsDirFor, createBackup, listBackups, manifestPathFor, restoreDatabase, rotateBackups, runScheduledBackup, startBackupSchedule,
} from '../../../electron/services/backups';
import { cli } from '../helpers/cli';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';

const temp = useTempDir();

function board(dir: string) {
  const { db } = openDatabase(path.join(dir, 'board.sqlite'));
  createCase(db, { patient: patient(), case: caseInput() }, 'tester');
  return db;
}

describe('backups are what they claim', () => {
  it('a half-written copy (crash mid VACUUM INTO) is never listed, counted as the latest automatic one, or kept', () => {
    const dir = temp();
    const db = board(dir);
    const backups = backupsDirFor(db.name);
    createBackup(db, backups, 'auto', new Date('2026-01-01T00:00:00Z'));
    // What a kill during VACUUM INTO leaves: a partial file with a newer stamp.
    const partial = path.join(backups, '.partial-board-auto-2026-01-02T00-00-00-000Z.sqlite');
    writeFileSync(partial, Buffer.alloc(8192, 7));
    expect(listBackups(backups).map((b) => b.created_at)).toEqual(['2026-01-01T00:00:00.000Z']);
    // The schedule still sees the last complete automatic one as the latest (so a backup is due now) and cleans up.
    const timers: number[] = [];
    const schedule = startBackupSchedule({ db: () => db, dir: backups, intervalMs: 86_400_000, now: () => new Date('2026-01-02T00:00:00.500Z'), setTimer: (_f, ms) => { timers.push(ms); return { cancel: () => {} }; } });
    schedule.stop();
    expect(existsSync(partial)).toBe(false);
    expect(listBackups(backups).map((b) => b.created_at)).toEqual(['2026-01-02T00:00:00.500Z', '2026-01-01T00:00:00.000Z']);
    db.close();
  });

  it('writes a manifest beside each backup: size, SHA-256 and audit head of the copy; files are 0600, the folder 0700', () => {
    const dir = temp();
    const db = board(dir);
    const backups = backupsDirFor(db.name);
    const info = createBackup(db, backups, 'manual');
    const file = path.join(backups, info.file);
    const manifest = JSON.parse(readFileSync(manifestPathFor(file), 'utf8')) as Record<string, unknown>;
    const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(manifest).toEqual({
      file: info.file, kind: 'manual', created_at: info.created_at, bytes: statSync(file).size, sha256: sha256File(file), schema_version: LATEST_VERSION, audit_head: head,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(manifestPathFor(file)).mode & 0o777).toBe(0o600);
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    db.close();
  });

  it('rotates manual and pre-restore backups too (defaults: 3 each), removing their manifests', () => {
    const dir = temp();
    const db = board(dir);
    const backups = backupsDirFor(db.name);
    for (let i = 0; i < 5; i++) createBackup(db, backups, 'manual', new Date(Date.UTC(2026, 0, 1 + i)));
    const removed = rotateBackups(backups);
    expect(removed).toEqual(['board-manual-2026-01-02T00-00-00-000Z.sqlite', 'board-manual-2026-01-01T00-00-00-000Z.sqlite']);
    expect(existsSync(manifestPathFor(path.join(backups, removed[0] ?? '')))).toBe(false);
    const dbPath = db.name;
    const from = path.join(backups, listBackups(backups)[0]?.file ?? '');
    db.close();
    for (let i = 0; i < 4; i++) restoreDatabase({ dbPath, from, now: new Date(Date.UTC(2026, 1, 1 + i)) });
    expect(listBackups(backups).filter((b) => b.kind === 'pre-restore').map((b) => b.created_at.slice(0, 10))).toEqual(['2026-02-04', '2026-02-03', '2026-02-02']);
  });

  it('the automatic schedule rotates by day', () => {
    const dir = temp();
    const db = board(dir);
    const backups = backupsDirFor(db.name);
    for (let h = 0; h < 12; h += 6) runScheduledBackup({ db: () => db, dir: backups, intervalMs: 6 * 3_600_000, now: () => new Date(Date.UTC(2026, 0, 1, h)) });
    expect(listBackups(backups).map((b) => b.created_at)).toEqual(['2026-01-01T06:00:00.000Z']);
    db.close();
  });

  it('tumour-board backup prints size, SHA-256 and audit head, and writes the manifest', async () => {
    const dir = temp();
    const db = board(dir);
    const dbPath = db.name;
    db.close();
    const out = path.join(dir, 'copy.sqlite');
    const r = await cli('backup', '--db', dbPath, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`backed up ${dbPath} to ${out} (${statSync(out).size} bytes, SHA-256 ${sha256File(out)}, audit head 2:${(JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as { audit_head: { hash: string } }).audit_head.hash.slice(0, 16)}); manifest ${out}.manifest.json`);
  });
});
