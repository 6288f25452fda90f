/**
 * `tumour-board encrypt` and `rekey`: change how a board file is keyed, all or nothing. The work happens on a
 * private copy beside the file (VACUUM INTO reads through any -wal without touching the original); the copy is
 * re-keyed, reopened with the new key, checked and compared table by table with the original, and only then
 * renamed over it. The replaced file (and its -wal) is overwritten with zeros before it is let go, so no
 * plaintext copy is left in the folder. Run it with the app closed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { hasPlainHeader, openRaw, type Db } from './connection';
import { checkDatabase } from './check';
import { bindAuditKey, readAuditKey, writeAuditKey } from './auditKey';
import { DatabaseOpenError } from './errors';
import { keyLiteral } from './keys';

/** sha256 over every row of every table in rowid order: equal = the same content. */
export function contentDigest(db: Db): string {
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    h.update(`#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().iterate() as IterableIterator<unknown[]>) {
      h.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return h.digest('hex');
}

/** Overwrites a file's bytes with zeros through an already-open descriptor, then flushes and closes it. */
function scrub(fd: number): void {
  try {
    const size = fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface RekeyResult {
  cases: number;
  auditRows: number;
}

/**
 * Re-keys `file` from `oldKey` (null: plaintext) to `newKey`. Throws (file unchanged) when the old key does
 * not open it, the copy does not verify, or the content differs.
 */
export function rekeyFile(file: string, oldKey: string | null, newKey: string): RekeyResult {
  const name = path.basename(file);
  if (!existsSync(file)) throw new DatabaseOpenError(`${name} does not exist`, 'not_a_database');
  if (oldKey === null && !hasPlainHeader(file)) {
    throw new DatabaseOpenError(`${name} is already encrypted (or not a SQLite database); use "tumour-board rekey" to change its passphrase`, 'not_a_database');
  }
  if (newKey.length < 8) throw new Error('the new passphrase must be at least 8 characters');
  const dir = path.dirname(path.resolve(file));
  const work = mkdtempSync(path.join(dir, '.rekey-'));
  const copy = path.join(work, 'copy.sqlite');
  try {
    // The board's audit key, unwrapped with the old passphrase: re-wrapped under the new one around the swap.
    const auditKey = readAuditKey(file, oldKey);
    // 1. A consistent private copy (through the -wal), and the content it must keep.
    const source = openRaw(file, { readonly: true, fileMustExist: true, key: oldKey });
    let digest: string;
    try {
      const tables = source.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'").pluck().get() as number;
      if (tables !== 1) throw new DatabaseOpenError(`${name} is not a Tumour Board database; it was not changed`, 'not_ours');
      digest = contentDigest(source);
      source.prepare('VACUUM INTO ?').run(copy);
    } finally {
      source.close();
    }
    // 2. Re-key the copy in place (rollback journal: re-keying a WAL database is not supported).
    const db = openRaw(copy, { fileMustExist: true, key: oldKey });
    try {
      db.pragma('journal_mode = DELETE');
      if (oldKey === null) {
        db.pragma("cipher = 'sqlcipher'");
        db.pragma('legacy = 4');
      }
      db.pragma(`rekey = ${keyLiteral(newKey)}`);
    } finally {
      db.close();
    }
    // 3. It must open with the new key only, pass the full check and hold the same content.
    if (hasPlainHeader(copy)) throw new Error('the copy is still plain SQLite after re-keying; nothing was changed');
    const verify = openRaw(copy, { fileMustExist: true, key: newKey });
    // The copy sits in a private folder: its log verifies with the board's audit key, beside the original.
    bindAuditKey(verify, auditKey);
    let result: RekeyResult;
    try {
      const check = checkDatabase(verify);
      if (!check.ok) throw new Error(`the re-keyed copy fails its check (${check.problems.join('; ')}); nothing was changed`);
      if (contentDigest(verify) !== digest) throw new Error('the re-keyed copy differs from the original; nothing was changed');
      verify.pragma('journal_mode = WAL');
      result = { cases: check.cases, auditRows: check.auditRows };
    } finally {
      verify.close();
    }
    // 4. Swap atomically; then zero the replaced file and its -wal before letting them go. During the swap the
    // audit key file opens with both passphrases (a crash leaves it openable by whichever key the file has); an
    // unwrapped key (a plaintext board) stays unwrapped until the file is encrypted.
    if (auditKey && oldKey !== null) writeAuditKey(file, auditKey, [oldKey, newKey]);
    const oldFds = ['', '-wal'].filter((s) => existsSync(`${file}${s}`)).map((s) => openSync(`${file}${s}`, 'r+'));
    try {
      renameSync(copy, file);
      for (const s of ['-wal', '-shm', '-journal']) rmSync(`${file}${s}`, { force: true });
      const dirFd = openSync(dir, 'r');
      try { fsyncSync(dirFd); } catch { /* some file systems cannot fsync a folder */ } finally { closeSync(dirFd); }
    } catch (error) {
      for (const fd of oldFds) closeSync(fd);
      if (auditKey && oldKey !== null) writeAuditKey(file, auditKey, [oldKey]);
      throw error;
    }
    for (const fd of oldFds) scrub(fd);
    // The audit key now opens with the new passphrase only (an unwrapped one is wrapped, its bytes zeroed).
    if (auditKey) writeAuditKey(file, auditKey, [newKey]);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
