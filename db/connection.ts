/**
 * Opens the SQLite file with the pragmas a clinical record needs. Callers go through `openDatabase`, which
 * also migrates (db/migrate.ts); this module only knows how to configure a connection and apply its key.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import { currentKey, keyLiteral, notePlaintext, PASSPHRASE_ENV } from './keys';

export type Db = Database.Database;

/** Pragmas for every read-write connection (DESIGN.md "Data"). */
export function configureConnection(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a committed decision must survive a power cut, WAL or not.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted patient data is overwritten, not left in free pages.
  db.pragma('secure_delete = ON');
  // Schema objects (triggers, views) may not call functions with side effects.
  db.pragma('trusted_schema = OFF');
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** True when the file starts with SQLite's plain header (an encrypted file starts with random bytes). */
export function hasPlainHeader(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < 16) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** SQLCipher 4 compatible settings, then the key; must run before anything reads the file. */
export function applyKey(db: Db, key: string): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = ${keyLiteral(key)}`);
}

export const KEY_SOURCES = `${PASSPHRASE_ENV} or --passphrase-file`;

/**
 * Opens a connection. `key`: undefined = the process key (db/keys.ts), null = none. An existing file is
 * read once at once so a wrong key fails here, before any write, with a message naming the passphrase.
 */
export function openRaw(file: string, options: { readonly?: boolean; fileMustExist?: boolean; key?: string | null } = {}): Db {
  const key = options.key === undefined ? currentKey() : options.key;
  const existing = file !== ':memory:' && existsSync(file) && statSync(file).size > 0;
  const name = path.basename(file);
  if (existing && key !== null && hasPlainHeader(file)) {
    throw new DatabaseOpenError(
      `${name} is not encrypted, but a passphrase was given: encrypt it with "tumour-board encrypt --db ${name}", or open it without ${PASSPHRASE_ENV}; it was not changed`,
      'not_encrypted',
    );
  }
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
  try {
    if (key !== null && file !== ':memory:') applyKey(db, key);
    if (existing) db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    db.close();
    const notADatabase = error instanceof Error && /file is not a database|not a database/i.test(error.message);
    if (notADatabase && key !== null) {
      throw new DatabaseOpenError(`the passphrase (${KEY_SOURCES}) does not open ${name}: wrong passphrase or key; the file was not changed`, 'wrong_key');
    }
    if (notADatabase) {
      throw new DatabaseOpenError(`${name} is not a SQLite database, or it is encrypted: give its passphrase (${KEY_SOURCES})`, 'not_a_database');
    }
    throw error;
  }
  if (key === null && file !== ':memory:' && !(options.readonly ?? false)) notePlaintext(file);
  return db;
}
