/**
 * `tumour-board check`: everything that says the file can be trusted. SQLite's own integrity and
 * foreign-key checks, the audit chain, the append-only triggers still in place, the search index in step.
 */
import type { Db } from './connection';
import { verifyAuditChain } from './audit';
import { expectedSearchBodies } from './repositories/cases';
import { MEETING_TRIGGERS } from './migrations/002-meetings';
import { verifySeals } from './seals';
import { anchorProblem } from './anchor';
import { schemaDifferences } from './restore';
import { MIGRATIONS, type Migration } from './migrations/index';

export interface CheckReport {
  ok: boolean;
  problems: string[];
  auditRows: number;
  cases: number;
}

const REQUIRED_TRIGGERS = ['audit_log_no_update', 'audit_log_no_delete'];
/** Outcomes (migration 4) are append-only: entries can only be retracted, never edited or deleted. */
const OUTCOME_TRIGGERS = [
  'response_assessments_no_delete', 'response_assessments_retract_only', 'toxicities_no_delete', 'toxicities_retract_only',
  'outcome_events_no_delete', 'outcome_events_retract_only',
];

export function checkDatabase(db: Db, migrations: readonly Migration[] = MIGRATIONS): CheckReport {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    problems.push(...integrity.slice(0, 20).map((r) => `integrity: ${r.integrity_check}`));
  }
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const r of fk.slice(0, 20)) problems.push(`foreign key: ${r.table} row ${r.rowid} points to a missing ${r.parent} row`);

  const triggers = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]));
  for (const t of REQUIRED_TRIGGERS) if (!triggers.has(t)) problems.push(`audit: protection trigger ${t} is missing (audit log can be altered)`);
  // Each migration's protections are required once the file has reached that schema version.
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= 2) for (const t of MEETING_TRIGGERS) if (!triggers.has(t)) problems.push(`meetings: protection trigger ${t} is missing (signed records can be altered)`);
  if (version >= 4) for (const t of OUTCOME_TRIGGERS) if (!triggers.has(t)) problems.push(`outcomes: protection trigger ${t} is missing (recorded outcomes can be altered)`);

  // Anything added to or altered in the schema behind the app's back (a trigger that rewrites facts...);
  // missing protections are named by the checks above.
  for (const d of schemaDifferences(db, version, migrations)) if (!d.endsWith(' is missing')) problems.push(`schema: ${d}`);

  const audit = verifyAuditChain(db);
  if (!audit.ok) problems.push(audit.reason);
  const anchor = anchorProblem(db);
  if (anchor) problems.push(anchor);
  // Meeting records (decisions, agenda, amendments...) must match their last audited state.
  const seals = verifySeals(db);
  if (!seals.ok) problems.push(...seals.problems);

  const expected = expectedSearchBodies(db);
  const indexed = new Map(
    (db.prepare('SELECT rowid AS id, body FROM case_search').all() as { id: number; body: string }[]).map((r) => [r.id, r.body]),
  );
  let drift = 0;
  for (const [id, body] of expected) if (indexed.get(id) !== body) drift++;
  for (const id of indexed.keys()) if (!expected.has(id)) drift++;
  if (drift > 0) problems.push(`search index: ${drift} case(s) out of step with the tables`);

  return { ok: problems.length === 0, problems, auditRows: audit.rows, cases: expected.size };
}
