/**
 * Cases (referrals to the board). Writes run in one transaction with their audit row and the search-index
 * row; reads serve the case list (paged, filtered, sorted, searched through FTS5) and the case form.
 */
import type { DbLike as Db, Dialect } from '../sql/port';
import { PLAN_EACH_CALL, sqlDb } from '../sql/port';
import { appendAudit } from '../audit';
import { withSeals } from '../seals';
import { inTransaction, insertId, stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import { derivedAge, implausibleDates } from '../../shared/domain/caseDates';
import { todayIn } from '../../shared/time/clock';
import { clockOf } from './settings';
import { foldText, searchTokens } from '../../shared/text/fold';
import { PRIMARY_TUMOR_LABELS } from '../../shared/vocabulary';
import type { CaseFacts } from '../../shared/facts/facts';
import type {
  CaseInput, CaseListPage, CaseListQueryParsed, CaseRecord, CaseSortKey, CaseSummary, Patient, PatientInput,
} from '../../shared/domain/case';
import { findPatientByIdentifier, getPatient, insertPatient, sortNameOf, updatePatient } from './patients';

interface CaseRow {
  id: number;
  patient_id: number;
  referring_clinician: string;
  diagnosis: string;
  question: string;
  status: CaseRecord['status'];
  facts: string;
  last_imaging_date: string | null;
  last_labs_date: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const CASE_SELECT = `SELECT c.id, c.patient_id, d.referring_clinician, d.diagnosis, d.question, c.status, d.facts, d.last_imaging_date, d.last_labs_date, c.version,
  c.created_at, c.updated_at FROM cases c JOIN case_details d ON d.case_id = c.id`;

/** Drops null/undefined facts so the stored JSON holds only what is known. */
function compactFacts(facts: CaseFacts): CaseFacts {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) if (v !== null && v !== undefined) out[k] = v;
  return out as CaseFacts;
}

function searchBody(patient: PatientInput, c: CaseInput): string {
  const primary = c.facts.primary_tumor ? PRIMARY_TUMOR_LABELS[c.facts.primary_tumor] : '';
  return foldText([patient.family_name, patient.given_name, patient.identifier, c.diagnosis, c.question, primary].join(' '));
}

/** The words of a search body for PostgreSQL's tsvector: the same tokens SQLite's unicode61 tokenizer sees. */
export const searchTerms = (body: string): string => searchTokens(body).join(' ');

function writeSearchRow(db: Db, caseId: number, body: string, isNew = false): void {
  if (sqlDb(db).dialect === 'postgres') {
    stmt(db, `INSERT INTO case_search (rowid, body, terms) VALUES (?, ?, to_tsvector('simple', ?))
      ON CONFLICT (rowid) DO UPDATE SET body = excluded.body, terms = excluded.terms`).run(caseId, body, searchTerms(body));
    return;
  }
  if (!isNew) stmt(db, 'DELETE FROM case_search WHERE rowid = ?').run(caseId);
  stmt(db, 'INSERT INTO case_search (rowid, body) VALUES (?, ?)').run(caseId, body);
}

function writeDetails(db: Db, caseId: number, c: CaseInput, isNew: boolean): void {
  const sql = isNew
    ? `INSERT INTO case_details (case_id, referring_clinician, diagnosis, question, facts, last_imaging_date, last_labs_date)
       VALUES (@case_id, @referring_clinician, @diagnosis, @question, @facts, @last_imaging_date, @last_labs_date)`
    : `UPDATE case_details SET referring_clinician = @referring_clinician, diagnosis = @diagnosis, question = @question,
         facts = @facts, last_imaging_date = @last_imaging_date, last_labs_date = @last_labs_date WHERE case_id = @case_id`;
  stmt(db, sql).run({
    case_id: caseId, referring_clinician: c.referring_clinician, diagnosis: c.diagnosis, question: c.question, facts: JSON.stringify(c.facts),
    last_imaging_date: c.last_imaging_date ?? null, last_labs_date: c.last_labs_date ?? null,
  });
}

function toRecord(row: CaseRow, patient: Patient): CaseRecord {
  return {
    id: row.id,
    patient,
    referring_clinician: row.referring_clinician,
    diagnosis: row.diagnosis,
    question: row.question,
    status: row.status,
    facts: JSON.parse(row.facts) as CaseFacts,
    last_imaging_date: row.last_imaging_date,
    last_labs_date: row.last_labs_date,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function getCase(db: Db, id: number): CaseRecord | undefined {
  const row = stmt(db, `${CASE_SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  if (!row) return undefined;
  const patient = getPatient(db, row.patient_id);
  if (!patient) throw new Error(`case ${id} points to a missing patient`);
  return toRecord(row, patient);
}

function requireCase(db: Db, id: number): CaseRecord {
  const found = getCase(db, id);
  if (!found) throw new DomainError('NOT_FOUND', `case ${id} does not exist`);
  return found;
}

/**
 * Refuses dates that cannot be true (VALIDATION naming the first field) and derives the age from the birth
 * date, so the engine never sees an age the birth date contradicts.
 */
function plausibleFacts(db: Db, birth: string | null, c: CaseInput, now: string): CaseInput['facts'] {
  const clock = clockOf(db);
  const today = todayIn(clock.time_zone, now);
  const problems = implausibleDates({ birth_date: birth, last_imaging_date: c.last_imaging_date, last_labs_date: c.last_labs_date, age: c.facts.age }, today, clock);
  const first = problems[0];
  if (first) throw new DomainError('VALIDATION', problems.map((p) => p.message).join(' '), first.field);
  const age = derivedAge(birth, c.facts.age, today);
  return age === undefined ? c.facts : { ...c.facts, age };
}

export interface CreateCaseInput {
  patient_id?: number | undefined;
  patient?: PatientInput | undefined;
  case: CaseInput;
}

export function createCase(db: Db, input: CreateCaseInput, actor: string, now = new Date().toISOString()): CaseRecord {
  return inTransaction(db, (): CaseRecord => {
    let patient: Patient;
    if (input.patient_id !== undefined) {
      const existing = getPatient(db, input.patient_id);
      if (!existing) throw new DomainError('NOT_FOUND', `patient ${input.patient_id} does not exist`, 'patient_id');
      patient = existing;
    } else if (input.patient) {
      if (findPatientByIdentifier(db, input.patient.identifier)) {
        throw new DomainError('CONFLICT', `a patient with identifier ${input.patient.identifier} already exists: choose that patient`, 'patient.identifier');
      }
      patient = insertPatient(db, input.patient, actor, now);
    } else {
      throw new DomainError('VALIDATION', 'give either patient_id or patient', 'patient');
    }
    const facts = plausibleFacts(db, patient.birth_date, input.case, now);
    const c = { ...input.case, facts: compactFacts(facts), last_imaging_date: input.case.last_imaging_date ?? null, last_labs_date: input.case.last_labs_date ?? null };
    const id = insertId(
      db,
      `INSERT INTO cases (patient_id, status, primary_tumor, sort_name, created_at, updated_at)
       VALUES (@patient_id, @status, @primary_tumor, @sort_name, @now, @now)`,
      { patient_id: patient.id, status: c.status, primary_tumor: c.facts.primary_tumor ?? null, sort_name: sortNameOf(patient), now },
    );
    writeDetails(db, id, c, true);
    writeSearchRow(db, id, searchBody(patient, c), true);
    const record: CaseRecord = { id, patient, ...c, version: 1, created_at: now, updated_at: now };
    appendAudit(db, { actor, action: 'case.create', entity: 'case', entityId: id, before: null, after: withSeals(db, withoutPatient(record), [['cases', id], ['case_details', id]]) }, now);
    return record;
  });
}

const withoutPatient = ({ patient, ...rest }: CaseRecord) => ({ ...rest, patient_id: patient.id });

export interface UpdateCaseInput {
  id: number;
  version: number;
  patient: PatientInput;
  case: CaseInput;
}

/** Who saved a case last and when, from the audit log: "case 4 was changed by Alice at 2026-03-02 09:40 UTC (now version 3)". */
function lastChangeOf(db: Db, id: number, version: number): string {
  const row = stmt(db, "SELECT actor, at FROM audit_log WHERE entity = 'case' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(String(id)) as { actor: string; at: string } | undefined;
  const when = row ? ` at ${row.at.slice(0, 16).replace('T', ' ')} UTC` : '';
  return `case ${id} was changed by ${row?.actor ?? 'someone else'}${when} (now version ${version})`;
}

export function updateCase(db: Db, input: UpdateCaseInput, actor: string, now = new Date().toISOString()): CaseRecord {
  return inTransaction(db, (): CaseRecord => {
    const before = requireCase(db, input.id);
    if (before.version !== input.version) {
      throw new DomainError('CONFLICT', `${lastChangeOf(db, input.id, before.version)} (you edited version ${input.version}); your edits are kept: compare and merge`);
    }
    if (input.patient.identifier !== before.patient.identifier) {
      const clash = findPatientByIdentifier(db, input.patient.identifier);
      if (clash && clash.id !== before.patient.id) {
        throw new DomainError('CONFLICT', `identifier ${input.patient.identifier} belongs to another patient`, 'patient.identifier');
      }
    }
    const facts = plausibleFacts(db, input.patient.birth_date, input.case, now);
    const { patient, changed: patientChanged } = updatePatient(db, before.patient, input.patient, actor, now);
    const c = { ...input.case, facts: compactFacts(facts), last_imaging_date: input.case.last_imaging_date ?? null, last_labs_date: input.case.last_labs_date ?? null };
    const record: CaseRecord = { id: before.id, patient, ...c, version: before.version + 1, created_at: before.created_at, updated_at: now };
    stmt(
      db,
      `UPDATE cases SET status = @status, primary_tumor = @primary_tumor, version = @version, updated_at = @now
       WHERE id = @id AND version = @expected`,
    ).run({ id: before.id, status: c.status, primary_tumor: c.facts.primary_tumor ?? null, version: record.version, now, expected: before.version });
    writeDetails(db, before.id, c, false);
    if (patientChanged) {
      // The patient's name and identifier live in every one of their cases' sort key and search row.
      stmt(db, 'UPDATE cases SET sort_name = ? WHERE patient_id = ?').run(sortNameOf(patient), patient.id);
      for (const other of stmt(db, `${CASE_SELECT} WHERE c.patient_id = ? AND c.id <> ?`).all(patient.id, before.id) as CaseRow[]) {
        const rec = toRecord(other, patient);
        writeSearchRow(db, rec.id, searchBody(patient, rec));
      }
    }
    writeSearchRow(db, before.id, searchBody(patient, c));
    appendAudit(db, { actor, action: 'case.update', entity: 'case', entityId: before.id, before: withoutPatient(before), after: withSeals(db, withoutPatient(record), [['cases', before.id], ['case_details', before.id]]) }, now);
    return record;
  });
}

// ---- the case list -------------------------------------------------------------------------------------

const SORT_SQL: Record<CaseSortKey, (dir: 'ASC' | 'DESC') => string> = {
  updated_at: (d) => `c.updated_at ${d}, c.id ${d}`,
  created_at: (d) => `c.id ${d}`,
  name: (d) => `c.sort_name ${d}, c.id ${d}`,
  identifier: (d) => `p.identifier ${d}`,
  primary_tumor: (d) => `c.primary_tumor ${d}, c.id ${d}`,
  status: (d) => `c.status_rank ${d}, c.id ${d}`,
};

/**
 * The query for what was typed: every word must match as a prefix. SQLite FTS5: "odeg"* "nun"*; PostgreSQL
 * tsquery: odeg:* & nun:* (tokens are letters and digits only, so neither needs escaping).
 */
export function toMatchQuery(search: string | undefined, dialect: Dialect = 'sqlite'): string | null {
  const tokens = searchTokens(search ?? '').slice(0, 12);
  if (!tokens.length) return null;
  return dialect === 'postgres' ? tokens.map((t) => `${t}:*`).join(' & ') : tokens.map((t) => `"${t}"*`).join(' ');
}

/** The cases whose search row matches one parameter (the match query of the dialect). */
const MATCH_SQL: Record<Dialect, string> = {
  sqlite: 'SELECT rowid FROM case_search WHERE case_search MATCH ?',
  postgres: "SELECT rowid FROM case_search WHERE terms @@ to_tsquery('simple', ?)",
};
const COUNT_MATCH_SQL: Record<Dialect, string> = {
  sqlite: 'SELECT count(*) FROM case_search WHERE case_search MATCH ?',
  postgres: "SELECT count(*) FROM case_search WHERE terms @@ to_tsquery('simple', ?)",
};

export interface ListSql {
  countSql: string;
  /** Parameters: `params`, the limit and the offset, then (when `totalInRows`) `params` again. */
  rowsSql: string;
  params: unknown[];
  /** Every row carries the total (column `total`), counted in the same statement. */
  totalInRows: boolean;
}

/** Builds the two statements of one list page; exported so the benchmark can time the same SQL raw. */
/**
 * `broadMatch`: the search matches many cases (known from the count), so walking the sort index and
 * probing the match set finds a page sooner than sorting every match; the unary + tells SQLite so.
 */
export function buildListSql(q: CaseListQueryParsed, broadMatch = false, dialect: Dialect = 'sqlite'): ListSql {
  const where: string[] = [];
  const params: unknown[] = [];
  const match = toMatchQuery(q.search, dialect);
  if (match) {
    where.push(`${broadMatch && dialect === 'sqlite' ? '+' : ''}c.id IN (${MATCH_SQL[dialect]})`);
    params.push(match);
  }
  if (q.statuses?.length) {
    where.push(`c.status IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.primaries?.length) {
    where.push(`c.primary_tumor IN (${q.primaries.map(() => '?').join(', ')})`);
    params.push(...q.primaries);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = SORT_SQL[q.sort](q.direction === 'asc' ? 'ASC' : 'DESC');
  // Deferred join: pick the page's ids from narrow rows and indexes first, then read only those rows.
  const needsPatient = q.sort === 'identifier';
  const countAll = `SELECT count(*) FROM cases c ${whereSql}`;
  const pick = `${needsPatient ? 'JOIN patients p ON p.id = c.patient_id' : ''} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const columns = `c.id, c.patient_id, p.identifier, p.family_name, p.given_name, p.birth_date, c.primary_tumor,
        d.diagnosis, substr(d.question, 1, 240) AS question, c.status, c.updated_at`;
  if (dialect === 'postgres') {
    // A search alone is counted on the search index itself (no join to cases: same number, less work).
    const countSql = match && !q.statuses?.length && !q.primaries?.length ? COUNT_MATCH_SQL.postgres : countAll;
    // Planned for the words searched: a broad search (thousands of matches) walks the sort index, a narrow one reads
    // its few matches; one generic plan would do one of them badly.
    // The page carries the case columns out of the index scan (joining cases again by id made PostgreSQL hash all
    // of them), and the total comes in the same statement: one round trip instead of two.
    return {
      countSql,
      rowsSql: `${match ? PLAN_EACH_CALL : ''} WITH page AS MATERIALIZED (
          SELECT c.id, c.patient_id, c.primary_tumor, c.status, c.status_rank, c.sort_name, c.updated_at FROM cases c ${pick})
        SELECT ${columns}, (${countSql}) AS total
        FROM page c JOIN case_details d ON d.case_id = c.id JOIN patients p ON p.id = c.patient_id
        ORDER BY ${order}`,
      params,
      totalInRows: true,
    };
  }
  return {
    countSql: countAll,
    rowsSql: `WITH page AS MATERIALIZED (SELECT c.id FROM cases c ${pick})
      SELECT ${columns}
      FROM page CROSS JOIN cases c ON c.id = page.id JOIN case_details d ON d.case_id = c.id JOIN patients p ON p.id = c.patient_id
      ORDER BY ${order}`,
    params,
    totalInRows: false,
  };
}

/** Above this many matches a search is run by walking the sort and filter indexes (see buildListSql). */
export const BROAD_MATCH = 2000;

export function listCases(db: Db, q: CaseListQueryParsed): CaseListPage {
  const { dialect } = sqlDb(db);
  if (dialect === 'postgres') return listCasesInOneTrip(db, q);
  const match = toMatchQuery(q.search, dialect);
  let broad = false;
  let total: number | undefined;
  if (match) {
    // The FTS index alone counts matches in milliseconds; that number picks the plan.
    const matches = stmt(db, COUNT_MATCH_SQL[dialect]).pluck().get(match) as number;
    broad = matches > BROAD_MATCH;
    if (matches === 0 || (!q.statuses?.length && !q.primaries?.length)) total = matches;
  }
  const sql = buildListSql(q, broad, dialect);
  total ??= stmt(db, sql.countSql).pluck().get(...sql.params) as number;
  if (total === 0 || q.offset >= total) return { total, offset: q.offset, rows: [] };
  const rows = stmt(db, sql.rowsSql).all(...sql.params, q.limit, q.offset) as CaseSummary[];
  return { total, offset: q.offset, rows };
}

/** PostgreSQL: the page and its total in one statement (every call is a round trip); counted apart only past the end. */
function listCasesInOneTrip(db: Db, q: CaseListQueryParsed): CaseListPage {
  const sql = buildListSql(q, false, 'postgres');
  const found = stmt(db, sql.rowsSql).all(...sql.params, q.limit, q.offset, ...sql.params) as (CaseSummary & { total: number })[];
  const total = found[0]?.total ?? (q.offset === 0 ? 0 : stmt(db, sql.countSql).pluck().get(...sql.params) as number);
  return { total, offset: q.offset, rows: found.map(({ total: _total, ...row }) => row) };
}

export function countCases(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM cases').pluck().get() as number;
}

/** Rebuilds the search index from the tables (repair, and the check that it is in step). */
export function expectedSearchBodies(db: Db): Map<number, string> {
  const out = new Map<number, string>();
  const rows = sqlDb(db).iterate<{ id: number; diagnosis: string; question: string; facts: string } & PatientInput>(
    `SELECT c.id, d.diagnosis, d.question, d.facts, c.status, p.identifier, p.family_name, p.given_name, p.birth_date, p.sex
     FROM cases c JOIN case_details d ON d.case_id = c.id JOIN patients p ON p.id = c.patient_id`,
  );
  for (const r of rows) {
    const facts = JSON.parse(r.facts) as CaseFacts;
    out.set(r.id, searchBody(r, { diagnosis: r.diagnosis, question: r.question, facts, referring_clinician: '', status: 'draft' }));
  }
  return out;
}
