/** The schema version of an open database on either engine: PRAGMA user_version, or schema_migrations. */
import { sqlDb, sqliteOf, type DbLike } from './sql/port';

export function schemaVersion(db: DbLike): number {
  const raw = sqliteOf(db);
  if (raw) return raw.pragma('user_version', { simple: true }) as number;
  const port = sqlDb(db);
  const exists = port.pluck<number>("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'");
  return exists ? (port.pluck<number>('SELECT coalesce(max(version), 0) FROM schema_migrations') ?? 0) : 0;
}
