/**
 * Opening a PostgreSQL database as a board's store: refuse a schema newer than this build and a database that
 * holds other tables, then apply the pending migrations (db/migrations/pg) in one transaction. Several server
 * processes may start at once: an advisory lock makes one of them migrate while the others wait.
 */
import { DatabaseOpenError } from './errors';
import { bindAuditKey, processAuditKeyFile, readAuditKeyFile } from './auditKey';
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

export function openPostgresDatabase(url: string, options: PostgresOptions & { migrations?: readonly PgMigration[] } = {}): PostgresOpenResult {
  const db = openPostgres(url, options);
  try {
    // No file sits beside a PostgreSQL database: its audit key comes from `--audit-key FILE` (every server
    // process on one database is given the same file). Without one the chain is the unkeyed sha256 scheme.
    const keyFile = processAuditKeyFile();
    const key = keyFile ? readAuditKeyFile(keyFile) : null;
    if (keyFile && !key) throw new DatabaseOpenError(`the audit key file ${keyFile} does not exist; nothing was opened`, 'not_a_database');
    bindAuditKey(db, key);
    const { created, fromVersion } = applyPostgresMigrations(db, options.migrations);
    return { db, created, fromVersion };
  } catch (error) {
    db.close();
    if (error instanceof SqlError) throw new DatabaseOpenError(`PostgreSQL at ${db.name}: ${error.message}`, 'not_a_database');
    throw error;
  }
}
