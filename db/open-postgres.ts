/**
 * Opening a PostgreSQL database as a board's store: refuse a schema newer than this build and a database that
 * holds other tables, then apply the pending migrations (db/migrations/pg) in one transaction. Several server
 * processes may start at once: an advisory lock makes one of them migrate while the others wait.
 */
import { DatabaseOpenError } from './errors';
import {
  AuditKeyError, bindAuditKey, bindMissingAuditKey, ephemeralAuditKey, parseAuditKeyText, processAuditKeyFile, readAuditKeyFile, unwrapAuditKey, wrapAuditKey,
  type AuditKey,
} from './auditKey';
import { keyIdOfHash } from './audit';
import { currentKey, PASSPHRASE_ENV } from './keys';
import { PG_LATEST_VERSION, PG_MIGRATIONS, type PgMigration } from './migrations/pg/index';
import { openPostgres, type PostgresOptions, type PostgresSqlDb } from './sql/postgres';
import { SqlError } from './sql/port';

export interface PostgresOpenResult {
  db: PostgresSqlDb;
  created: boolean;
  fromVersion: number;
}

/** Advisory lock key (pg_advisory_xact_lock) of migrations; audit appends use db/audit.ts AUDIT_LOCK. */
export const MIGRATION_LOCK = 7410;


/** The schema version recorded in `schema_migrations` (0 when the table does not exist). */
export function postgresSchemaVersion(db: PostgresSqlDb): number {
  const exists = db.pluck<number>("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'");
  if (!exists) return 0;
  return db.pluck<number>('SELECT coalesce(max(version), 0) FROM schema_migrations') ?? 0;
}

export function applyPostgresMigrations(db: PostgresSqlDb, migrations: readonly PgMigration[] = PG_MIGRATIONS): { created: boolean; fromVersion: number } {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0) || PG_LATEST_VERSION;
  return db.transaction(() => {
    db.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    const current = postgresSchemaVersion(db);
    if (current > latest) {
      throw new DatabaseOpenError(
        `${db.name} was written by a newer version of Tumour Board (schema ${current}; this version knows up to ${latest}). ` +
          'It was not changed. Install the newer version to open it.',
        'too_new',
      );
    }
    if (current === 0) {
      const tables = db.pluck<number>('SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()') ?? 0;
      if (tables > 0) throw new DatabaseOpenError(`${db.name} holds tables but is not a Tumour Board database; it was not changed`, 'not_ours');
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    }
    const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    for (const m of pending) {
      try {
        db.exec(m.sql);
        m.after?.(db);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new DatabaseOpenError(`migration ${m.version} (${m.name}) failed on PostgreSQL: ${reason}; nothing was changed`, 'migration_failed');
      }
      db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    }
    return { created: current === 0, fromVersion: current };
  });
}

/** The `meta` row that holds a PostgreSQL board's audit key, wrapped under the board's passphrase (db/auditKey.ts). */
export const AUDIT_KEY_META = 'audit_key';

const PASSPHRASE_SOURCES = `${PASSPHRASE_ENV} or --passphrase-file FILE`;

/**
 * Where a PostgreSQL board's audit key lives. There is no folder beside a PostgreSQL database, and several server
 * processes on several machines serve one database, so the key is kept IN the database, in `meta`, wrapped
 * (AES-256-GCM) under a key stretched from the board's passphrase (scrypt, per-board salt), exactly as a SQLite
 * board's key file: whoever can edit the rows (a database administrator, a dump) but lacks the passphrase cannot
 * unwrap it, nor put a key of their own in its place (a wrap the passphrase does not open is refused). One secret
 * to give every server (the passphrase, TUMOUR_BOARD_PASSPHRASE or --passphrase-file), carried by pg_dump and by
 * migrate-to-postgres/export-sqlite with the rows it signs. `--audit-key FILE` (a key file, wrapped or not) still
 * overrides it, to check a copy; given together with the passphrase to a board that has no wrapped key yet, it is
 * stored wrapped (the way to move a board migrated before this existed).
 * Returns the key, or why there is none (then the board reads but every audit append is refused).
 */
export function resolvePostgresAuditKey(db: PostgresSqlDb, passphrase: string | null = currentKey()): { key: AuditKey } | { missing: string } {
  const keyFile = processAuditKeyFile();
  const fromFile = keyFile ? readAuditKeyFile(keyFile, passphrase) : null;
  if (keyFile && !fromFile) throw new DatabaseOpenError(`the audit key file ${keyFile} does not exist; nothing was opened`, 'not_a_database');
  const lastHash = db.pluck<string>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const logKeyId = lastHash === undefined ? null : keyIdOfHash(lastHash);
  const stored = db.pluck<string>('SELECT value FROM meta WHERE key = ?', [AUDIT_KEY_META]);
  if (fromFile) {
    if (passphrase !== null && stored === undefined && (logKeyId === null || logKeyId === fromFile.id)) storeWrapped(db, fromFile, passphrase);
    return { key: fromFile };
  }
  if (stored !== undefined) {
    const content = parseAuditKeyText(stored, 'kept in the database');
    if (content.kind !== 'wrapped') throw new AuditKeyError('the audit key kept in the database is not wrapped (it was put there outside the app); nothing was opened');
    if (passphrase === null) {
      return { missing: `this board's audit key is kept in the database wrapped under the board's passphrase: give it (${PASSPHRASE_SOURCES}); nothing was written` };
    }
    const key = unwrapAuditKey(content.wrapped, passphrase);
    if (!key) throw new DatabaseOpenError(`the passphrase given does not unwrap this board's audit key (kept wrapped in the database): give the board's passphrase (${PASSPHRASE_SOURCES}); nothing was opened`, 'wrong_key');
    return { key };
  }
  if (logKeyId !== null) {
    return { missing: `the audit log is keyed (audit key ${logKeyId}) but its key is not in the database: give the board's key file once with --audit-key FILE and the board's passphrase (${PASSPHRASE_SOURCES}) to keep it there; nothing was written` };
  }
  if (passphrase === null) {
    return { missing: `a board on PostgreSQL keeps a keyed audit log: give the board's passphrase (${PASSPHRASE_SOURCES}; its audit key is kept in the database wrapped under it) or --audit-key FILE; nothing was written` };
  }
  return { key: storeWrapped(db, ephemeralAuditKey(), passphrase) };
}

/** Stores `key` wrapped under `passphrase` unless another process stored one first; returns the key now stored. */
function storeWrapped(db: PostgresSqlDb, key: AuditKey, passphrase: string): AuditKey {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [AUDIT_KEY_META, JSON.stringify(wrapAuditKey(key, [passphrase]))]);
  const now = db.pluck<string>('SELECT value FROM meta WHERE key = ?', [AUDIT_KEY_META]) ?? '';
  const content = parseAuditKeyText(now, 'kept in the database');
  const stored = content.kind === 'wrapped' ? unwrapAuditKey(content.wrapped, passphrase) : null;
  if (!stored) throw new AuditKeyError('the audit key kept in the database does not open with the board\'s passphrase; nothing was opened');
  return stored;
}

/** Binds the board's audit key to `db`, or marks it missing (reads work; audit appends are refused naming why). */
export function bindPostgresAuditKey(db: PostgresSqlDb, passphrase: string | null = currentKey()): { key: AuditKey } | { missing: string } {
  const resolved = resolvePostgresAuditKey(db, passphrase);
  if ('key' in resolved) bindAuditKey(db, resolved.key);
  else bindMissingAuditKey(db, resolved.missing);
  return resolved;
}

export function openPostgresDatabase(url: string, options: PostgresOptions & { migrations?: readonly PgMigration[]; requireAuditKey?: boolean } = {}): PostgresOpenResult {
  const db = openPostgres(url, options);
  try {
    // The board's audit key: wrapped in its own `meta` under the passphrase, or a key file (resolvePostgresAuditKey);
    // bound before migrating an existing board (a migration may append audit rows), after creating a new one.
    const existing = postgresSchemaVersion(db) > 0;
    let resolved = existing ? bindPostgresAuditKey(db) : null;
    const { created, fromVersion } = applyPostgresMigrations(db, options.migrations);
    resolved ??= bindPostgresAuditKey(db);
    if (options.requireAuditKey && 'missing' in resolved) throw new DatabaseOpenError(resolved.missing.replace('nothing was written', 'nothing was opened'), 'wrong_key');
    return { db, created, fromVersion };
  } catch (error) {
    db.close();
    if (error instanceof SqlError) throw new DatabaseOpenError(`PostgreSQL at ${db.name}: ${connectionProblem(error, url)}`, 'not_a_database');
    throw error;
  }
}

/**
 * Why a connection could not be made, in words: the network layer's codes (ECONNREFUSED …) become what to check;
 * PostgreSQL's own messages (wrong password, no such database, SSL refused) already read as words and are kept.
 */
export function connectionProblem(error: SqlError, url: string): string {
  let where = 'the server';
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}`;
  } catch {
    // An unreadable URL was refused before any connection; keep the general words.
  }
  switch (error.code) {
    case 'ECONNREFUSED': return `nothing answers at ${where} (is PostgreSQL running there, and are the host and port in the URL right?)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `the host in the URL (${where}) is not known: check the URL`;
    case 'ETIMEDOUT': case 'EHOSTUNREACH': case 'ENETUNREACH': return `no answer from ${where} (the server cannot be reached from here)`;
    case 'ECONNRESET': case 'EPIPE': return `${where} closed the connection (the server may be restarting or refusing this machine)`;
    default: return /^timeout expired|Connection terminated due to connection timeout/i.test(error.message)
      ? `no answer from ${where} in time (the server cannot be reached from here, or is overloaded)`
      : error.message;
  }
}
