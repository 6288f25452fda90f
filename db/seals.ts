/**
 * Row seals: the audit chain proves the audit rows were not altered; seals extend that proof to the records
 * themselves. Every audit row written for a patient, case, profile, board, meeting (with its attendees),
 * agenda item, decision, amendment or follow-up
 * carries `after.seals`: for each row it touched, `"table:id"` → sha256 of the row's columns as written
 * (null when the row was removed). `verifySeals` compares every current row with its last audited seal, so a
 * row altered, inserted or deleted behind the app's back (e.g. with the sqlite3 shell after dropping the
 * triggers) is found and named.
 */
import { createHash } from 'node:crypto';
import type { DbLike as Db } from './sql/port';
import { stmt } from './statements';
import { appendAudit } from './audit';
import { sqlDb } from './sql/port';
import { jsonText } from './sql/dialect';
import { schemaVersion } from './schema-version';

/**
 * The sealed tables and the columns a seal covers (in this order). Append columns only with a new seal version.
 * Left out on purpose: derived copies kept in step by the app (cases.sort_name, the generated status_rank) and
 * PIN-attempt bookkeeping (profiles.pin_failures, pin_locked_until; a lock is audited by itself), and the save counters
 * of migration 8 (boards, agenda_items, decisions `version`: optimistic-concurrency bookkeeping, each change audited
 * with it; sealing it would need a seal version so rows sealed before v8 keep verifying).
 */
export const SEALED_TABLES = {
  patients: ['id', 'identifier', 'family_name', 'given_name', 'birth_date', 'sex', 'created_at', 'updated_at'],
  cases: ['id', 'patient_id', 'status', 'primary_tumor', 'version', 'created_at', 'updated_at'],
  case_details: ['case_id', 'referring_clinician', 'diagnosis', 'question', 'facts', 'last_imaging_date', 'last_labs_date'],
  profiles: ['id', 'name', 'specialty', 'role', 'pin_hash', 'created_at'],
  boards: ['id', 'name', 'quorum', 'imaging_max_days', 'labs_max_days', 'updated_at'],
  attendees: ['id', 'meeting_id', 'profile_id', 'name', 'specialty', 'attendance', 'position'],
  meetings: ['id', 'board_id', 'scheduled_at', 'location', 'video_link', 'chair_profile_id', 'coordinator_profile_id', 'status',
    'quorum_record', 'version', 'started_at', 'concluded_at', 'signed_at', 'signed_by', 'signed_by_profile_id', 'created_at', 'updated_at'],
  agenda_items: ['id', 'meeting_id', 'case_id', 'position', 'minutes_allotted', 'presenter', 'standard_of_care', 'override_reason',
    'ready_at_listing', 'readiness_at_listing', 'created_at'],
  decisions: ['id', 'meeting_id', 'agenda_item_id', 'case_id', 'plan', 'plan_detail', 'intent', 'rationale', 'consensus', 'dissent',
    'actions', 'follow_up_date', 'patient_preference_discussed', 'discordance_reason', 'facts_snapshot', 'engine_snapshot',
    'engine_version', 'plan_strength', 'concordance', 'recorded_by', 'recorded_by_profile_id', 'recorded_at'],
  decision_amendments: ['id', 'decision_id', 'reason', 'changed_fields', 'before', 'after', 'amended_by', 'amended_by_profile_id', 'amended_at'],
  followups: ['id', 'decision_id', 'outcome', 'date', 'reason', 'note', 'recorded_by', 'recorded_at'],
} as const;
export type SealedTable = keyof typeof SEALED_TABLES;

/** The audit entities whose rows carry seals. */
export const SEALING_ENTITIES = ['meeting', 'agenda_item', 'decision', 'amendment', 'followup', 'case', 'patient', 'profile', 'board', 'seal'] as const;

/** The row key of each table (case_details is keyed by its case). */
const KEY: Partial<Record<SealedTable, string>> = { case_details: 'case_id' };
const keyOf = (table: SealedTable) => KEY[table] ?? 'id';

/** The schema version from which a table's rows are sealed (older files are checked on the meeting tables only). */
export const SEALED_SINCE: Record<SealedTable, number> = {
  meetings: 2, agenda_items: 2, decisions: 2, decision_amendments: 2, followups: 2,
  patients: 6, cases: 6, case_details: 6, profiles: 6, boards: 6, attendees: 6,
};

export type Seals = Record<string, string | null>;

function hashRow(table: SealedTable, row: Record<string, unknown>): string {
  const values = SEALED_TABLES[table].map((c) => row[c] ?? null);
  return createHash('sha256').update(table).update(JSON.stringify(values)).digest('hex');
}

/** The seal of one row as it is now (null when the row does not exist). */
export function sealOf(db: Db, table: SealedTable, id: number): string | null {
  const row = stmt(db, `SELECT * FROM ${table} WHERE ${keyOf(table)} = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? hashRow(table, row) : null;
}

/**
 * Seals every existing row of the tables sealed from `version` on, in one audit row (entity 'seal'): what a
 * file held when it was upgraded is trusted as its starting state. Nothing is written when there is no row.
 */
export function sealBaseline(db: Db, version: number, at = new Date().toISOString()): void {
  const rows: [SealedTable, number][] = [];
  for (const table of (Object.keys(SEALED_TABLES) as SealedTable[]).filter((t) => SEALED_SINCE[t] === version)) {
    for (const id of sqlDb(db).pluckAll<number>(`SELECT ${keyOf(table)} FROM ${table} ORDER BY 1`)) rows.push([table, id]);
  }
  if (rows.length === 0) return;
  appendAudit(db, { actor: 'Tumour Board (upgrade)', action: 'seal.baseline', entity: 'seal', entityId: version, before: null, after: { seals: sealsFor(db, rows) } }, at);
}

/** An audit row's `after` with the seals of the rows the change wrote: `{ ...after, seals }`. */
export function withSeals(db: Db, after: object | null, rows: readonly [SealedTable, number][]): Record<string, unknown> {
  return { ...(after ?? {}), seals: sealsFor(db, rows) };
}

/** Seals for several rows: `{ "decisions:4": "…", "agenda_items:9": "…" }`. */
export function sealsFor(db: Db, rows: readonly [SealedTable, number][]): Seals {
  const out: Seals = {};
  for (const [table, id] of rows) out[`${table}:${id}`] = sealOf(db, table, id);
  return out;
}

export type SealVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; problems: string[]; table: SealedTable; rowId: number };

/** Compares every sealed row with its last audited seal; names the first problems (up to 20). */
export function verifySeals(db: Db, version = schemaVersion(db)): SealVerification {
  const last = new Map<string, { seal: string | null; auditId: number }>();
  const placeholders = SEALING_ENTITIES.map(() => '?').join(', ');
  const audit = sqlDb(db).iterate<{ id: number; seals: string | null }>(
    `SELECT id, ${jsonText(db, 'after', 'seals')} AS seals FROM audit_log WHERE entity IN (${placeholders}) ORDER BY id`,
    SEALING_ENTITIES,
  );
  for (const a of audit) {
    if (!a.seals) continue;
    let parsed: Seals;
    try {
      parsed = JSON.parse(a.seals) as Seals;
    } catch {
      continue;
    }
    for (const [key, seal] of Object.entries(parsed)) last.set(key, { seal, auditId: a.id });
  }
  const problems: string[] = [];
  let first: { table: SealedTable; rowId: number } | null = null;
  let rows = 0;
  const flag = (table: SealedTable, rowId: number, message: string) => {
    first ??= { table, rowId };
    if (problems.length < 20) problems.push(message);
  };
  for (const table of (Object.keys(SEALED_TABLES) as SealedTable[]).filter((t) => version >= SEALED_SINCE[t])) {
    const seen = new Set<number>();
    const key = keyOf(table);
    for (const row of sqlDb(db).iterate<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${key}`)) {
      rows++;
      const rowId = Number(row[key]);
      seen.add(rowId);
      const audited = last.get(`${table}:${rowId}`);
      if (!audited || audited.seal === null) {
        flag(table, rowId, `${table} row ${rowId}: no audit record for this row (written outside the app)`);
      } else if (audited.seal !== hashRow(table, row)) {
        flag(table, rowId, `${table} row ${rowId}: altered outside the app (does not match its state in audit row ${audited.auditId})`);
      }
    }
    for (const [key, audited] of last) {
      const [t, idText] = key.split(':');
      if (t !== table || audited.seal === null) continue;
      const rowId = Number(idText);
      if (!seen.has(rowId)) flag(table, rowId, `${table} row ${rowId}: deleted outside the app (audited in audit row ${audited.auditId})`);
    }
  }
  if (first === null) return { ok: true, rows };
  const { table, rowId } = first;
  return { ok: false, rows, problems, table, rowId };
}
