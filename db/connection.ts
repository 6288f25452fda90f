/**
 * Opens the SQLite file with the pragmas a clinical record needs. Callers go through `openDatabase`, which
 * also migrates (db/migrate.ts); this module only knows how to configure a connection.
 */
import Database from 'better-sqlite3';

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

export function openRaw(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
}
