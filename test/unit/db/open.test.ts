import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, peekUserVersion } from '../../../db/open';
import { DatabaseOpenError } from '../../../db/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../db/migrations/index';
import { useTempDir } from '../helpers/fixtures';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tmp = useTempDir();

function openError(fn: () => unknown): DatabaseOpenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('expected a DatabaseOpenError');
}

describe('openDatabase', () => {
  it('creates the schema at the latest version with the clinical-record pragmas', () => {
    const file = path.join(tmp(), 'new.db');
    const { db, created, backupPath } = openDatabase(file);
    expect(created).toBe(true);
    expect(backupPath).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('refuses a database from a newer version and leaves it byte-identical', () => {
    const dir = tmp();
    const file = path.join(dir, 'newer.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE x (a)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = sha(file);
    const error = openError(() => openDatabase(file));
    expect(error.reason).toBe('too_new');
    expect(error.message).toContain(`schema ${LATEST_VERSION + 1}`);
    expect(error.message).toContain('not opened or changed');
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['newer.db']);
  });

  it('refuses a file that is not SQLite, and a SQLite file that is not ours, unchanged', () => {
    const dir = tmp();
    const text = path.join(dir, 'notes.db');
    writeFileSync(text, 'these are not the tables you are looking for '.repeat(10));
    expect(openError(() => openDatabase(text)).reason).toBe('not_a_database');

    const foreign = path.join(dir, 'foreign.db');
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE other (a)');
    raw.close();
    const before = sha(foreign);
    expect(openError(() => openDatabase(foreign)).reason).toBe('not_ours');
    expect(sha(foreign)).toBe(before);
  });

  it('rolls back every pending step when one fails, leaving the version untouched', () => {
    const file = path.join(tmp(), 'fail.db');
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds a table', sql: 'CREATE TABLE extra (a INTEGER)' },
      { version: LATEST_VERSION + 2, name: 'broken', sql: 'CREATE TABLE oops (' },
    ];
    const error = openError(() => openDatabase(file, { migrations: broken }));
    expect(error.reason).toBe('migration_failed');
    expect(error.message).toContain(`migration ${LATEST_VERSION + 2} (broken) failed`);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('patients', 'extra')").pluck().get()).toBe(0);
    raw.close();
  });

  it('backs up an existing database before migrating it, and keeps its data', () => {
    const dir = tmp();
    const file = path.join(dir, 'old.db');
    const first = openDatabase(file);
    first.db.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run();
    first.db.close();

    const next: Migration[] = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'add column', sql: 'ALTER TABLE meta ADD COLUMN note TEXT' }];
    const { db, backupPath, fromVersion } = openDatabase(file, { migrations: next });
    expect(fromVersion).toBe(LATEST_VERSION);
    expect(backupPath).not.toBeNull();
    expect(existsSync(backupPath ?? '')).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'marker'").pluck().get()).toBe('kept');
    db.close();

    const backup = new Database(backupPath ?? '', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(backup.prepare("SELECT value FROM meta WHERE key = 'marker'").pluck().get()).toBe('kept');
    backup.close();
    expect(peekUserVersion(file)).toBe(LATEST_VERSION + 1);
  });

  it('does not back up or migrate a database that is already current', () => {
    const file = path.join(tmp(), 'current.db');
    openDatabase(file).db.close();
    const again = openDatabase(file);
    expect(again.created).toBe(false);
    expect(again.backupPath).toBeNull();
    again.db.close();
  });
});
