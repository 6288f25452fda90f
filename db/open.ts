/**
 * The one way to open the app's database: refuse what we must not touch (a newer schema, a file that is not
 * SQLite or not ours) before writing a single byte, back up an existing file before migrating it, then
 * apply all pending migrations in one transaction.
 */
import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { configureConnection, hasPlainHeader, KEY_SOURCES, openRaw, type Db } from './connection';
import { currentKey } from './keys';
import { writeAnchor } from './anchor';
import { AuditKeyError, bindAuditKey, createAuditKey, ephemeralAuditKey, processAuditKeyFile, readAuditKey, readAuditKeyFile, sealAuditKeyFile, type AuditKey } from './auditKey';
import { keyIdOfHash } from './audit';
import { DatabaseOpenError } from './errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface OpenResult {
  db: Db;
  /** True when the file did not exist (or was empty) and the schema was created now. */
  created: boolean;
  /** The backup taken before migrating, if any. */
  backupPath: string | null;
  fromVersion: number;
}

/**
 * Reads user_version from the file header (bytes 60–63) without opening a connection, so a file we refuse
 * stays byte-identical: opening would switch it to WAL. A non-empty -wal file may hold a newer header,
 * so then we ask SQLite through a read-only connection.
 */
export function peekUserVersion(file: string, key: string | null = currentKey()): number {
  // An encrypted file's header is ciphertext: ask SQLite through a read-only keyed connection (a wrong key
  // fails there, before anything is written).
  if (key !== null && !hasPlainHeader(file)) {
    const ro = openRaw(file, { readonly: true, fileMustExist: true, key });
    try {
      return ro.pragma('user_version', { simple: true }) as number;
    } finally {
      ro.close();
    }
  }
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(100);
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new DatabaseOpenError(`${path.basename(file)} is not a SQLite database${key === null && read >= 16 ? `, or it is encrypted: give its passphrase (${KEY_SOURCES})` : ''}`, 'not_a_database');
  }
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    const ro = openRaw(file, { readonly: true, fileMustExist: true, key });
    try {
      return ro.pragma('user_version', { simple: true }) as number;
    } finally {
      ro.close();
    }
  }
  return header.readUInt32BE(60);
}

function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function applyMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return current;
  const run = db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql);
        m.after?.(db);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseOpenError(`migration ${m.version} (${m.name}) failed: ${reason}; nothing was changed`, 'migration_failed');
      }
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run();
  return pending.at(-1)?.version ?? current;
}

/** Closing a connection opened here records its audit head beside the file first (db/anchor.ts). */
function keepAnchorOnClose(db: Db, file: string): void {
  const close = db.close.bind(db);
  db.close = () => {
    try {
      if (db.open && !db.inTransaction) writeAnchor(db, file);
    } catch {
      // A read-only folder: the database still closes; `check` then compares with the last anchor written.
    }
    return close();
  };
}

/**
 * The audit key for a file being opened read-write (db/auditKey.ts): the one beside it (unwrapped with the
 * board's passphrase; an old unwrapped key file is wrapped now when there is one), else a new one when the log is
 * not keyed yet (a new board, or one written before keys: its next write records the switch). A keyed log whose
 * key is missing gets none: it still opens and reads, `check` names the missing key and writes are refused (a new
 * key would leave every keyed row unverifiable).
 */
function auditKeyForOpen(db: Db, file: string): AuditKey | null {
  if (file === ':memory:' || file === '') return ephemeralAuditKey();
  const given = processAuditKeyFile();
  if (given !== null) {
    const key = readAuditKeyFile(given);
    if (!key) throw new DatabaseOpenError(`the audit key file ${path.basename(given)} does not exist; nothing was opened`, 'not_a_database');
    return key;
  }
  const passphrase = currentKey();
  const existing = passphrase === null ? readAuditKey(file, null) : sealedOrRead(file, passphrase);
  if (existing) return existing;
  const hasLog = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").pluck().get() === 1;
  const head = hasLog ? (db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) : undefined;
  if (head !== undefined && keyIdOfHash(head) !== null) return null;
  return createAuditKey(file, passphrase);
}

/** The key beside an encrypted board, wrapping an unwrapped key file first; a folder we cannot write keeps it as it is. */
function sealedOrRead(file: string, passphrase: string): AuditKey | null {
  try {
    return sealAuditKeyFile(file, passphrase);
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    return readAuditKey(file, passphrase);
  }
}

export function openDatabase(file: string, options: { migrations?: readonly Migration[] } = {}): OpenResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0) || LATEST_VERSION;
  const exists = existsSync(file) && statSync(file).size > 0;
  let fromVersion = 0;
  if (exists) {
    fromVersion = peekUserVersion(file);
    if (fromVersion > latest) {
      throw new DatabaseOpenError(
        `${path.basename(file)} was written by a newer version of Tumour Board (schema ${fromVersion}; this version knows up to ${latest}). ` +
          'It was not opened or changed. Install the newer version to open it.',
        'too_new',
      );
    }
  }
  const db = openRaw(file);
  // A clinical record is readable by its owner only (SQLite gives -wal and -shm the same mode).
  if (!exists) chmodSync(file, 0o600);
  try {
    if (exists && fromVersion === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) {
        throw new DatabaseOpenError(`${path.basename(file)} is a SQLite database but not a Tumour Board database; it was not changed`, 'not_ours');
      }
    }
    configureConnection(db);
    bindAuditKey(db, auditKeyForOpen(db, file));
    let backupPath: string | null = null;
    if (exists && fromVersion > 0 && fromVersion < latest) {
      backupPath = `${file}.pre-v${latest}-${timestampForFile()}.bak`;
      db.prepare('VACUUM INTO ?').run(backupPath);
    }
    applyMigrations(db, migrations);
    keepAnchorOnClose(db, file);
    return { db, created: !exists, backupPath, fromVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}
