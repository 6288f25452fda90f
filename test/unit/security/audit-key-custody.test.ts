/**
 * Custody of the audit key (db/auditKey.ts): on an encrypted board it is kept only wrapped under a key stretched
 * from the board's passphrase (on the desktop: the database key the OS keychain holds, whose text is the recovery
 * key), so a copy of the folder without the passphrase gives no key to recompute the chain with; `rekey` re-wraps
 * it; an old unwrapped key file is wrapped on the first open with a passphrase and its bytes are zeroed.
 */
import { copyFileSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRaw, type Db } from '../../../db/connection';
import { resetProcessKey, setProcessKey } from '../../../db/keys';
import { openDatabase } from '../../../db/open';
import { auditKeyFrom, auditKeyPathFor, readAuditKey, readAuditKeyFile, wrappedKeySchema, writeAuditKey, WRAPPED_FORMAT, type AuditKey } from '../../../db/auditKey';
import { anchorPathFor } from '../../../db/anchor';
import { keyedAuditHash, verifyAuditChain, type AuditRow } from '../../../db/audit';
import { createCase } from '../../../db/repositories/cases';
import { unlockDatabaseKey, WRAPPED_KEY_FILE, type SafeStorageLike } from '../../../electron/app/keychain';
import { cli } from '../helpers/cli';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';

const temp = useTempDir();
const PASS = 'correct horse battery staple';
afterEach(() => {
  resetProcessKey();
  delete process.env.TUMOUR_BOARD_PASSPHRASE;
  delete process.env.TUMOUR_BOARD_NEW_PASSPHRASE;
});

/** A board file with `n` cases written under the process key set now (null: plaintext). */
function board(dir: string, key: string | null, n = 4): string {
  const file = path.join(dir, 'board.sqlite');
  setProcessKey(key);
  const { db } = openDatabase(file);
  for (let i = 0; i < n; i++) createCase(db, { patient: patient({ identifier: `MRN${i}` }), case: caseInput() }, `user${i}`);
  db.close();
  resetProcessKey();
  return file;
}

const keyText = (file: string): string => readFileSync(auditKeyPathFor(file), 'utf8');

/** Every run of 64 hex digits in a text: what someone holding the file could try as the key. */
const hexCandidates = (text: string): Buffer[] => [...text.matchAll(/[0-9a-f]{64}/g)].map((m) => Buffer.from(m[0], 'hex'));

/** Alters audit row `from` and recomputes every hash after it under `key` (the protection trigger set aside). */
function recomputeFrom(db: Db, from: number, key: AuditKey): void {
  const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'audit_log_no_update'").pluck().get() as string;
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = ?").run(from);
  let prev = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(from - 1) as string;
  for (const row of db.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(from) as AuditRow[]) {
    const next = keyedAuditHash({ ...row, prev_hash: prev }, key);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, next, row.id);
    prev = next;
  }
  db.exec(trigger);
}

/** A copy of the board's folder (file, key file, anchor) in a new folder. */
function copyFolder(file: string): string {
  const copy = path.join(temp(), 'board.sqlite');
  copyFileSync(file, copy);
  copyFileSync(auditKeyPathFor(file), auditKeyPathFor(copy));
  copyFileSync(anchorPathFor(file), anchorPathFor(copy));
  return copy;
}

describe('the audit key of an encrypted board is kept only wrapped', () => {
  it('the key file holds no key: a wrap under the passphrase (scrypt, per-board salt, AES-256-GCM), 0600', () => {
    const file = board(temp(), PASS);
    const wrapped = wrappedKeySchema.parse(JSON.parse(keyText(file)));
    expect(wrapped.format).toBe(WRAPPED_FORMAT);
    expect(wrapped.wraps).toHaveLength(1);
    expect(wrapped.wraps[0]).toMatchObject({ kdf: 'scrypt', n: 32768, r: 8, p: 1 });
    expect(statSync(auditKeyPathFor(file)).mode & 0o777).toBe(0o600);
    const key = readAuditKey(file, PASS);
    expect(key?.id).toBe(wrapped.key_id);
    expect(keyText(file)).not.toContain(key?.secret.toString('hex'));
    // Two boards with the same passphrase: different keys, different salts.
    const other = board(temp(), PASS);
    const otherWrap = wrappedKeySchema.parse(JSON.parse(keyText(other)));
    expect(otherWrap.key_id).not.toBe(wrapped.key_id);
    expect(otherWrap.wraps[0]?.salt).not.toBe(wrapped.wraps[0]?.salt);
  });

  it('a copy of the folder without the passphrase gives no key: an edit recomputed with what it holds is named by check', async () => {
    const file = board(temp(), PASS, 6);
    const copy = copyFolder(file);
    expect(() => readAuditKey(copy, null)).toThrow("the audit key beside the database (board.sqlite.audit-key) is wrapped by the board's passphrase: give the passphrase");
    expect(() => readAuditKey(copy, 'a guess at the passphrase')).toThrow('the passphrase given does not unwrap the audit key beside the database (board.sqlite.audit-key)');
    // Whoever rewrites the rows (here with the database key, standing in for any writer of the file) tries every
    // 256-bit value the key file holds, under the key id it names, and writes the anchor to match.
    const wrapped = wrappedKeySchema.parse(JSON.parse(keyText(copy)));
    const candidates = hexCandidates(keyText(copy));
    expect(candidates.length).toBeGreaterThan(0);
    for (const secret of candidates) {
      const attempt = copyFolder(file);
      const db = openRaw(attempt, { key: PASS });
      recomputeFrom(db, 3, { ...auditKeyFrom(secret), id: wrapped.key_id });
      expect(verifyAuditChain(db, readAuditKey(attempt, PASS))).toMatchObject({ ok: false, rowId: 3 });
      db.close();
    }
    const db = openRaw(copy, { key: PASS });
    recomputeFrom(db, 3, { ...auditKeyFrom(candidates[0] ?? Buffer.alloc(32)), id: wrapped.key_id });
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    db.close();
    writeAnchorFile(copy, last);
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    const check = await cli('check', '--db', copy);
    expect(check.code).toBe(1);
    expect(check.err).toContain('audit row 3: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
  });

  it('for contrast: a plaintext board keeps its key unwrapped, so the folder alone lets the chain be recomputed', () => {
    const file = board(temp(), null, 6);
    const plain = JSON.parse(keyText(file)) as { audit_key: string };
    const copy = copyFolder(file);
    const db = openRaw(copy);
    recomputeFrom(db, 3, auditKeyFrom(Buffer.from(plain.audit_key, 'hex')));
    expect(verifyAuditChain(db, readAuditKey(copy, null))).toEqual({ ok: true, rows: 12, keyedFrom: 1 });
    db.close();
  });

  it('a copy kept elsewhere is checked with --audit-key (the wrapped file) and the passphrase', async () => {
    const file = board(temp(), PASS);
    const away = path.join(temp(), 'copy.sqlite');
    copyFileSync(file, away);
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect(await cli('check', '--db', away, '--audit-key', auditKeyPathFor(file))).toMatchObject({ code: 0, err: '' });
    // The key file given is read, never re-written or wrapped again.
    expect(readFileSync(auditKeyPathFor(file), 'utf8')).toBe(keyText(file));
  });
});

/** Writes the anchor file as someone rewriting the folder would (the plain JSON the app writes). */
function writeAnchorFile(file: string, head: { id: number; hash: string }): void {
  writeFileSync(anchorPathFor(file), `${JSON.stringify({ audit_head: head, written_at: new Date().toISOString() })}\n`);
}

describe('rekey and encrypt re-wrap the same key', () => {
  it('rekey: the key file opens with the new passphrase only, the key is the same, audit still verifies', async () => {
    const file = board(temp(), PASS);
    const before = readAuditKey(file, PASS);
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    const auditBefore = (await cli('audit', '--db', file)).out;
    process.env.TUMOUR_BOARD_NEW_PASSPHRASE = 'a brand new passphrase';
    expect((await cli('rekey', '--db', file)).out).toMatch(/^re-keyed .*: \d+ cases, audit chain ok \(8 rows\)/);
    expect(wrappedKeySchema.parse(JSON.parse(keyText(file))).wraps).toHaveLength(1);
    expect(() => readAuditKey(file, PASS)).toThrow('the passphrase given does not unwrap the audit key');
    expect(readAuditKey(file, 'a brand new passphrase')).toEqual(before);
    process.env.TUMOUR_BOARD_PASSPHRASE = 'a brand new passphrase';
    const audit = await cli('audit', '--db', file);
    expect(audit.code).toBe(0);
    expect(audit.out).toBe(auditBefore);
    expect(await cli('check', '--db', file)).toMatchObject({ code: 0, err: '' });
  });

  it('encrypt: the plaintext board\'s unwrapped key is wrapped under the passphrase and its old bytes zeroed', async () => {
    const dir = temp();
    const file = board(dir, null);
    const plainKey = readAuditKey(file, null);
    const oldBytes = path.join(dir, 'old-key-inode');
    linkSync(auditKeyPathFor(file), oldBytes);
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect((await cli('encrypt', '--db', file)).out).toMatch(/^encrypted .*: \d+ cases, audit chain ok \(8 rows\)/);
    expect(wrappedKeySchema.parse(JSON.parse(keyText(file))).key_id).toBe(plainKey?.id);
    expect(readAuditKey(file, PASS)).toEqual(plainKey);
    const left = readFileSync(oldBytes);
    expect(left.length).toBeGreaterThan(64);
    expect(left.every((b) => b === 0)).toBe(true);
    expect(await cli('audit', '--db', file)).toMatchObject({ code: 0 });
  });
});

describe('an old unwrapped key file beside an encrypted board', () => {
  it('is wrapped on the first open with the passphrase: same key, verified, plain bytes zeroed; the chain still verifies', async () => {
    const dir = temp();
    const file = board(dir, PASS);
    const key = readAuditKey(file, PASS);
    if (!key) throw new Error('the board has no audit key');
    // The custody before wrapping existed: the key unwrapped beside the file.
    writeAuditKey(file, key, []);
    expect(JSON.parse(keyText(file))).toMatchObject({ audit_key: key.secret.toString('hex') });
    const oldBytes = path.join(dir, 'old-key-inode');
    linkSync(auditKeyPathFor(file), oldBytes);
    process.env.TUMOUR_BOARD_PASSPHRASE = PASS;
    expect(await cli('check', '--db', file)).toMatchObject({ code: 0, err: '' });
    expect(wrappedKeySchema.parse(JSON.parse(keyText(file))).key_id).toBe(key.id);
    expect(keyText(file)).not.toContain(key.secret.toString('hex'));
    expect(readAuditKey(file, PASS)).toEqual(key);
    expect(readFileSync(oldBytes).every((b) => b === 0)).toBe(true);
    // A second open finds it wrapped and leaves it as it is.
    const wrappedText = keyText(file);
    expect((await cli('audit', '--db', file)).code).toBe(0);
    expect(keyText(file)).toBe(wrappedText);
  });

  it('a damaged wrapped key file is refused by name and never replaced', () => {
    const file = board(temp(), PASS);
    const wrapped = wrappedKeySchema.parse(JSON.parse(keyText(file)));
    const damaged = JSON.stringify({ ...wrapped, wraps: [{ ...wrapped.wraps[0], tag: '0'.repeat(32) }] });
    writeFileSync(auditKeyPathFor(file), damaged);
    setProcessKey(PASS);
    expect(() => openDatabase(file)).toThrow('the passphrase given does not unwrap the audit key beside the database (board.sqlite.audit-key)');
    expect(keyText(file)).toBe(damaged);
  });
});

/** A stand-in for Electron's safeStorage, as in test/unit/electron-keychain.test.ts. */
const fakeSafe = (): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  encryptString: (s) => Buffer.from(`wrapped:${Buffer.from(s).toString('base64').split('').reverse().join('')}`),
  decryptString: (b) => {
    const t = b.toString();
    if (!t.startsWith('wrapped:')) throw new Error('not ours');
    return Buffer.from(t.slice(8).split('').reverse().join(''), 'base64').toString();
  },
});

describe('the desktop: the audit key is wrapped under the database key the keychain holds', () => {
  it('a new desktop board: wrapped key; a copy without the keychain gives none; the recovery key opens it on the command line', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'tumour-board.db');
    const unlocked = unlockDatabaseKey(dbPath, fakeSafe());
    setProcessKey(unlocked.key);
    const { db } = openDatabase(dbPath);
    createCase(db, { patient: patient(), case: caseInput() }, 'tester');
    db.close();
    resetProcessKey();
    const key = readAuditKey(dbPath, unlocked.key);
    expect(key?.id).toMatch(/^[0-9a-f]{12}$/);
    expect(keyText(dbPath)).not.toContain(key?.secret.toString('hex'));
    // The folder copied without the keychain (db-key.wrapped cannot be unwrapped elsewhere): no audit key.
    const away = temp();
    for (const f of ['tumour-board.db', 'tumour-board.db.audit-key', 'tumour-board.db.anchor.json', WRAPPED_KEY_FILE]) copyFileSync(path.join(dir, f), path.join(away, f));
    const copy = path.join(away, 'tumour-board.db');
    expect(() => readAuditKey(copy, null)).toThrow("is wrapped by the board's passphrase");
    // The recovery key (shown once) is the database key: with it the command line verifies the copy.
    process.env.TUMOUR_BOARD_PASSPHRASE = unlocked.recoveryKey ?? '';
    const audit = await cli('audit', '--db', copy);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain('audit chain intact (2 rows, keyed)');
  });

  it('an existing plaintext desktop board with an unwrapped key: encrypted on first run, its audit key wrapped under the new database key', () => {
    const dir = temp();
    const dbPath = path.join(dir, 'tumour-board.db');
    setProcessKey(null);
    const { db } = openDatabase(dbPath);
    createCase(db, { patient: patient(), case: caseInput() }, 'tester');
    db.close();
    const plainKey = readAuditKey(dbPath, null);
    const unlocked = unlockDatabaseKey(dbPath, fakeSafe());
    expect(unlocked.encryptedExisting).toBe(true);
    expect(readAuditKeyFile(auditKeyPathFor(dbPath), unlocked.key)).toEqual(plainKey);
    expect(keyText(dbPath)).not.toContain(plainKey?.secret.toString('hex'));
    setProcessKey(unlocked.key);
    const reopened = openDatabase(dbPath).db;
    expect(verifyAuditChain(reopened)).toEqual({ ok: true, rows: 2, keyedFrom: 1 });
    reopened.close();
  });
});
