import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPlainHeader } from '../../db/connection';
import { resetProcessKey, setProcessKey } from '../../db/keys';
import { openDatabase } from '../../db/open';
import { createCase } from '../../db/repositories/cases';
import { KeychainError, unlockDatabaseKey, WRAPPED_KEY_FILE, type SafeStorageLike } from '../../electron/app/keychain';
import { caseInput, patient, useTempDir } from './helpers/fixtures';

const temp = useTempDir();
afterEach(() => resetProcessKey());

/** A stand-in for Electron's safeStorage: reversible, but never the key in clear on disk. */
const fakeSafe = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`wrapped:${Buffer.from(s).toString('base64').split('').reverse().join('')}`),
  decryptString: (b) => {
    const t = b.toString();
    if (!t.startsWith('wrapped:')) throw new Error('not ours');
    return Buffer.from(t.slice(8).split('').reverse().join(''), 'base64').toString();
  },
});

describe('desktop database key (OS keychain)', () => {
  it('first run: a random 256-bit key, wrapped (0600), shown once as the recovery key; the new database is encrypted', () => {
    const dir = temp();
    const dbPath = path.join(dir, 'tumour-board.db');
    const first = unlockDatabaseKey(dbPath, fakeSafe());
    expect(first.key).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{8}){7}$/);
    expect(first.recoveryKey).toBe(first.key);
    const wrapped = path.join(dir, WRAPPED_KEY_FILE);
    expect(readFileSync(wrapped).toString()).not.toContain(first.key);
    expect(statSync(wrapped).mode & 0o777).toBe(0o600);
    setProcessKey(first.key);
    const { db } = openDatabase(dbPath);
    createCase(db, { patient: patient(), case: caseInput() }, 'tester');
    db.close();
    expect(hasPlainHeader(dbPath)).toBe(false);
    const again = unlockDatabaseKey(dbPath, fakeSafe());
    expect(again).toEqual({ key: first.key, recoveryKey: null, encryptedExisting: false });
  });

  it('an existing plaintext database is encrypted with the new key on first run', () => {
    const dir = temp();
    const dbPath = path.join(dir, 'tumour-board.db');
    setProcessKey(null);
    const { db } = openDatabase(dbPath);
    createCase(db, { patient: patient({ family_name: 'Plaintextson' }), case: caseInput() }, 'tester');
    db.close();
    expect(readFileSync(dbPath).includes('Plaintextson')).toBe(true);
    const k = unlockDatabaseKey(dbPath, fakeSafe());
    expect(k.encryptedExisting).toBe(true);
    expect(readFileSync(dbPath).includes('Plaintextson')).toBe(false);
    setProcessKey(k.key);
    const reopened = openDatabase(dbPath).db;
    expect(reopened.prepare('SELECT family_name FROM patients').pluck().get()).toBe('Plaintextson');
    reopened.close();
  });

  it('refuses, changing nothing, without a keychain or when an encrypted database lost its key', () => {
    const dir = temp();
    const dbPath = path.join(dir, 'tumour-board.db');
    expect(() => unlockDatabaseKey(dbPath, fakeSafe(false))).toThrow(KeychainError);
    expect(existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);
    const k = unlockDatabaseKey(dbPath, fakeSafe());
    setProcessKey(k.key);
    openDatabase(dbPath).db.close();
    const before = readFileSync(dbPath);
    // The wrapped key is gone (a new machine, a wiped keychain): the recovery key is the way back.
    const other = path.join(temp(), 'tumour-board.db');
    copyFileSync(dbPath, other);
    expect(() => unlockDatabaseKey(other, fakeSafe())).toThrow(/is encrypted but its key \(db-key\.wrapped\) is missing: open it with its recovery key/);
    expect(readFileSync(other).equals(before)).toBe(true);
  });
});
