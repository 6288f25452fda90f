/** Test helpers for the data-in/out tests: a database with the imports schema, a table hash, CSV building. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '../../../db/open';
import { MIGRATIONS, type Migration } from '../../../db/migrations/index';
import m003 from '../../../db/migrations/003-imports';
import type { Db } from '../../../db/connection';
import { sqlDb, type DbLike } from '../../../db/sql/port';

/** The app's migrations, plus v3 (imports) while it is not registered yet. */
export const MIGRATIONS_WITH_IMPORTS: readonly Migration[] = MIGRATIONS.some((m) => m.name === 'imports')
  ? MIGRATIONS
  : [...MIGRATIONS, { version: Math.max(...MIGRATIONS.map((m) => m.version)) + 1, name: 'imports', sql: m003 }];

export function openTestDb(dir: string, name = 'board.sqlite'): Db {
  return openDatabase(path.join(dir, name), { migrations: MIGRATIONS_WITH_IMPORTS }).db;
}

/**
 * sha256 over every row of every table, on either engine (rows as JSON, sorted: an order both engines give alike):
 * equal hashes = the data did not change.
 */
export function hashTables(db: DbLike): string {
  const port = sqlDb(db);
  const h = createHash('sha256');
  const tables = port.dialect === 'postgres'
    ? port.pluckAll<string>('SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename')
    : port.pluckAll<string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search_%' ORDER BY name");
  for (const t of tables) {
    h.update(`#${t}\n`);
    for (const row of port.all(`SELECT * FROM "${t}"`).map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort()) h.update(row);
  }
  return h.digest('hex');
}

export const FHIR_EXAMPLES = path.resolve(__dirname, '../../../../shared/clinical/fhir-examples');
export const FIXTURES = path.resolve(__dirname, '../../fixtures');

export function csvRow(cells: (string | number)[], sep = ','): string {
  return cells.map((c) => {
    const s = String(c);
    return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(sep);
}

/** n synthetic rows with recognised headers (no real data). */
export function syntheticCsv(n: number, options: { sep?: string; badRow?: number; prefix?: string } = {}): string {
  const sep = options.sep ?? ',';
  const lines = [csvRow(['mrn', 'family_name', 'given_name', 'birth_date', 'sex', 'question', 'primary_tumor', 'ecog', 'Bilirubin (µmol/L)'], sep)];
  for (let i = 1; i <= n; i++) {
    const ecog = options.badRow === i ? 'seven' : String(i % 3);
    lines.push(csvRow([`${options.prefix ?? 'CSV'}${String(i).padStart(6, '0')}`, `Family${i}`, `Given${i}`, '1960-02-03', i % 2 ? 'F' : 'M', `Y-90 after FOLFOX? (row ${i})`, 'colorectal', ecog, '17.1'], sep));
  }
  return `${lines.join('\r\n')}\r\n`;
}
