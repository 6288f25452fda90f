/**
 * PostgreSQL migrations: one per SQLite migration with the same version number (db/migrations/index.ts), so
 * "schema N" means the same tables on both engines. Append only; tracked in `schema_migrations`.
 */
import p001 from './001-initial';
import p002 from './002-meetings';
import p003 from './003-imports';
import p004 from './004-outcomes';
import p005 from './005-pin-lockout';
import p006 from './006-seal-everything';
import p007 from './007-accounts';
import p008 from './008-record-versions';
import type { SqlDb } from '../../sql/port';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do, run after `sql` in the same transaction. */
  after?: (db: SqlDb) => void;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  { version: 1, name: 'initial', sql: p001 },
  { version: 2, name: 'meetings', sql: p002 },
  { version: 3, name: 'imports', sql: p003 },
  { version: 4, name: 'outcomes', sql: p004 },
  { version: 5, name: 'pin-lockout', sql: p005 },
  { version: 6, name: 'seal-everything', sql: p006 },
  { version: 7, name: 'accounts', sql: p007 },
  { version: 8, name: 'record-versions', sql: p008 },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
