/**
 * What imports need from the database besides the case repository: saved CSV column mappings per source
 * (audited like every other change) and the lookups that decide create / update / unchanged.
 */
import type { DbLike as Db } from '../sql/port';
import { sqlDb } from '../sql/port';
import { appendAudit } from '../audit';
import { inTransaction, stmt } from '../statements';
import type { CsvMapping, SavedMapping } from '../../shared/domain/imports';
import { DomainError } from '../../shared/errors';

interface MappingRow {
  source: string;
  mapping: string;
  updated_at: string;
}

/** False on a database whose schema predates migration 003 (imports); reads then find nothing. */
function hasMappings(db: Db): boolean {
  const sql = sqlDb(db).dialect === 'postgres'
    ? "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'import_mappings'"
    : "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'import_mappings'";
  return stmt(db, sql).pluck().get() === 1;
}

export function getSavedMapping(db: Db, source: string): SavedMapping | undefined {
  if (!hasMappings(db)) return undefined;
  const row = stmt(db, "SELECT source, mapping, updated_at FROM import_mappings WHERE source = ? AND kind = 'csv'").get(source) as MappingRow | undefined;
  return row ? { source: row.source, mapping: JSON.parse(row.mapping) as CsvMapping, updated_at: row.updated_at } : undefined;
}

export function listSavedMappings(db: Db): SavedMapping[] {
  if (!hasMappings(db)) return [];
  const rows = stmt(db, "SELECT source, mapping, updated_at FROM import_mappings WHERE kind = 'csv' ORDER BY source").all() as MappingRow[];
  return rows.map((row) => ({ source: row.source, mapping: JSON.parse(row.mapping) as CsvMapping, updated_at: row.updated_at }));
}

/** Saves (or replaces) the mapping for a source, with an audit row; a mapping equal to the saved one is a no-op. */
export function saveMapping(db: Db, source: string, mapping: CsvMapping, actor: string, now = new Date().toISOString()): SavedMapping {
  if (!hasMappings(db)) throw new DomainError('READ_ONLY', 'this database cannot store import mappings yet (schema without migration 003)');
  return inTransaction(db, () => {
    const before = getSavedMapping(db, source);
    if (before && JSON.stringify(before.mapping) === JSON.stringify(mapping)) return before;
    stmt(
      db,
      `INSERT INTO import_mappings (source, kind, mapping, updated_at) VALUES (@source, 'csv', @mapping, @now)
       ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    ).run({ source, mapping: JSON.stringify(mapping), now });
    appendAudit(db, { actor, action: 'import_mapping.save', entity: 'import_mapping', entityId: source, before: before?.mapping ?? null, after: mapping }, now);
    return { source, mapping, updated_at: now };
  });
}

/** The patient's most recent case (highest id), the one a re-import updates. */
export function latestCaseIdOfPatient(db: Db, patientId: number): number | undefined {
  return stmt(db, 'SELECT max(id) FROM cases WHERE patient_id = ?').pluck().get(patientId) as number | null ?? undefined;
}
