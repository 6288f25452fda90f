import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresDatabase, postgresSchemaVersion } from '../../../db/open-postgres';
import { PG_LATEST_VERSION } from '../../../db/migrations/pg/index';
import { LATEST_VERSION } from '../../../db/migrations/index';
import { openPostgres, type PostgresSqlDb } from '../../../db/sql/postgres';
import { freshPostgresUrl, testPostgresUrl } from '../helpers/engines';

describe.runIf(testPostgresUrl() !== null)('the PostgreSQL schema', () => {
  const open: PostgresSqlDb[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  const fresh = (label: string) => {
    const url = freshPostgresUrl(label);
    const r = openPostgresDatabase(url);
    open.push(r.db);
    return { url, ...r };
  };

  it('has a migration for every SQLite migration and records them', () => {
    expect(PG_LATEST_VERSION).toBe(LATEST_VERSION);
    const { db, created, fromVersion } = fresh('schema');
    expect(created).toBe(true);
    expect(fromVersion).toBe(0);
    expect(postgresSchemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pluckAll('SELECT version FROM schema_migrations ORDER BY version')).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it('opens again without migrating, and refuses a newer schema without changing it', () => {
    const { url, db } = fresh('newer');
    const again = openPostgresDatabase(url);
    open.push(again.db);
    expect(again.created).toBe(false);
    expect(again.fromVersion).toBe(LATEST_VERSION);
    db.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')");
    expect(() => openPostgresDatabase(url)).toThrow(`was written by a newer version of Tumour Board (schema 999; this version knows up to ${LATEST_VERSION})`);
  });

  it('refuses a database holding other tables', () => {
    const url = freshPostgresUrl('other');
    const raw = openPostgres(url);
    raw.exec('CREATE TABLE somebody_elses (id int)');
    raw.close();
    expect(() => openPostgresDatabase(url)).toThrow('holds tables but is not a Tumour Board database; it was not changed');
  });
});
