/**
 * `tumour-board check`: everything that says the database can be trusted, on either engine. SQLite's own
 * integrity and foreign-key checks (PostgreSQL: triggers present and enabled), the audit chain, the row seals,
 * the append-only triggers still in place, the search index in step.
 */
import type { DbLike as Db } from './sql/port';
import { verifyAuditChain } from './audit';
import { expectedSearchBodies } from './repositories/cases';
import { MEETING_TRIGGERS } from './migrations/002-meetings';
import { verifySeals } from './seals';
import { anchorProblem } from './anchor';
import { schemaDifferences } from './restore';
import { MIGRATIONS, type Migration } from './migrations/index';
import { sqlDb, sqliteOf } from './sql/port';
import { schemaVersion } from './schema-version';

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

/** Triggers only PostgreSQL has (TRUNCATE skips row triggers; live events); `check` requires them there too. */
const PG_ONLY_TRIGGERS = [
  'audit_log_no_truncate', 'meetings_no_truncate', 'attendees_no_truncate', 'agenda_items_no_truncate', 'decisions_no_truncate',
  'decision_amendments_no_truncate', 'followups_no_truncate', 'response_assessments_no_truncate', 'toxicities_no_truncate',
  'outcome_events_no_truncate',
];
const PG_EVENT_TRIGGERS = ['audit_log_notify'];

/**
 * What a trigger protects and what is at stake without it, in the words `check` prints on both engines (a trigger
 * dropped on SQLite and one dropped or disabled on PostgreSQL read alike).
 */
function protectionOf(trigger: string): string {
  const table = trigger.replace(/_no_truncate$/, '');
  if (REQUIRED_TRIGGERS.includes(trigger) || table === 'audit_log') return 'audit: protection trigger %s (audit log can be altered)';
  if (PG_EVENT_TRIGGERS.includes(trigger)) return 'live events: trigger %s (other servers and screens are not told of changes)';
  if (OUTCOME_TRIGGERS.includes(trigger) || ['response_assessments', 'toxicities', 'outcome_events'].includes(table)) return 'outcomes: protection trigger %s (recorded outcomes can be altered)';
  return 'meetings: protection trigger %s (signed records can be altered)';
}
const problemOf = (trigger: string, state: 'is missing' | 'is disabled'): string => protectionOf(trigger).replace('%s', `${trigger} ${state}`);

/**
 * SQLite: integrity and foreign keys from SQLite itself, triggers from sqlite_schema, the schema compared object by
 * object. PostgreSQL: the triggers from pg_trigger, where a DISABLED trigger counts as missing and a trigger the app
 * did not create is named (the server keeps its own integrity; a DBA's pg_amcheck is the deeper tool).
 */
function engineProblems(db: Db, version: number, migrations: readonly Migration[]): { problems: string[]; triggers: Set<string> } {
  const problems: string[] = [];
  const raw = sqliteOf(db);
  if (!raw) {
    const rows = sqlDb(db).all<{ name: string; enabled: string }>(
      `SELECT t.tgname AS name, t.tgenabled AS enabled FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY t.tgname`,
    );
    const known = new Set([...REQUIRED_TRIGGERS, ...MEETING_TRIGGERS, ...OUTCOME_TRIGGERS, ...PG_ONLY_TRIGGERS, ...PG_EVENT_TRIGGERS]);
    const triggers = new Set<string>();
    for (const r of rows) {
      if (!known.has(r.name)) problems.push(`schema: extra trigger ${r.name} (not created by Tumour Board)`);
      else if (r.enabled === 'D') problems.push(problemOf(r.name, 'is disabled'));
      triggers.add(r.name);
    }
    for (const t of PG_ONLY_TRIGGERS) if (!triggers.has(t)) problems.push(problemOf(t, 'is missing'));
    return { problems, triggers };
  }
  const integrity = raw.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    problems.push(...integrity.slice(0, 20).map((r) => `integrity: ${r.integrity_check}`));
  }
  const fk = raw.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const r of fk.slice(0, 20)) problems.push(`foreign key: ${r.table} row ${r.rowid} points to a missing ${r.parent} row`);
  // Anything added to or altered in the schema behind the app's back (a trigger that rewrites facts...);
  // missing protections are named by the trigger checks.
  for (const d of schemaDifferences(raw, version, migrations)) if (!d.endsWith(' is missing')) problems.push(`schema: ${d}`);
  const triggers = new Set(raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]);
  return { problems, triggers };
}

export function checkDatabase(db: Db, migrations: readonly Migration[] = MIGRATIONS): CheckReport {
  const version = schemaVersion(db);
  const { problems, triggers } = engineProblems(db, version, migrations);
  for (const t of REQUIRED_TRIGGERS) if (!triggers.has(t)) problems.push(problemOf(t, 'is missing'));
  // Each migration's protections are required once the database has reached that schema version.
  if (version >= 2) for (const t of MEETING_TRIGGERS) if (!triggers.has(t)) problems.push(problemOf(t, 'is missing'));
  if (version >= 4) for (const t of OUTCOME_TRIGGERS) if (!triggers.has(t)) problems.push(problemOf(t, 'is missing'));

  const audit = verifyAuditChain(db);
  if (!audit.ok) problems.push(audit.reason);
  // The anchor is a file beside a SQLite database; a PostgreSQL server has no such file.
  const anchor = sqliteOf(db) ? anchorProblem(db) : null;
  if (anchor) problems.push(anchor);
  // Meeting records (decisions, agenda, amendments...) must match their last audited state.
  const seals = verifySeals(db, version);
  if (!seals.ok) problems.push(...seals.problems);

  const expected = expectedSearchBodies(db);
  const indexed = new Map(sqlDb(db).all<{ id: number; body: string }>('SELECT rowid AS id, body FROM case_search').map((r) => [r.id, r.body]));
  let drift = 0;
  for (const [id, body] of expected) if (indexed.get(id) !== body) drift++;
  for (const id of indexed.keys()) if (!expected.has(id)) drift++;
  if (drift > 0) problems.push(`search index: ${drift} case(s) out of step with the tables`);

  return { ok: problems.length === 0, problems, auditRows: audit.rows, cases: expected.size };
}
