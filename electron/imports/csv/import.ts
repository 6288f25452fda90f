/**
 * CSV case-list import: parse → map (given, saved for this source, or recognised) → validate every row →
 * plan (create / update / unchanged, patients matched by identifier) → write in ONE transaction through the
 * case repository (audit rows included). Any problem in any row and nothing is written.
 */
import type { DbLike as Db } from '../../../db/sql/port';
import { createCase, getCase, updateCase } from '../../../db/repositories/cases';
import { findPatientByIdentifier, updatePatient } from '../../../db/repositories/patients';
import { getSavedMapping, latestCaseIdOfPatient, saveMapping } from '../../../db/repositories/imports';
import { caseInputSchema, patientInputSchema, type CaseInput, type CaseRecord, type Patient, type PatientInput } from '../../../shared/domain/case';
import {
  csvMappingSchema, type CsvImportResult, type CsvMapping, type CsvPreview, type CsvRowResult, type ImportAction, type ImportProblem,
} from '../../../shared/domain/imports';
import { DomainError } from '../../../shared/errors';
import { recogniseMapping } from './mapping';
import { parseCsv } from './parse';
import { convertRow } from './rows';
import { transactionFn } from '../../../db/statements';

export interface CsvInput {
  /** The source name (usually the file name): saved mappings are kept per source. */
  source: string;
  content: string;
  mapping?: CsvMapping | undefined;
}

interface PlannedRow {
  row: number;
  identifier: string;
  action: ImportAction;
  patient: PatientInput;
  case: CaseInput;
  existingPatient: Patient | undefined;
  existingCase: CaseRecord | undefined;
}

interface Plan {
  preview: CsvPreview;
  planned: PlannedRow[];
}

/** Stable text of a value with sorted keys, to tell "unchanged" from "update". */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const patientOf = (p: Patient): PatientInput => ({ identifier: p.identifier, family_name: p.family_name, given_name: p.given_name, birth_date: p.birth_date, sex: p.sex });
const caseOf = (c: CaseRecord): CaseInput => ({ referring_clinician: c.referring_clinician, question: c.question, diagnosis: c.diagnosis, status: c.status, facts: c.facts });

function columnFor(mapping: CsvMapping, target: string, fallback: string): string {
  return mapping.columns.find((c) => c.target === target)?.column ?? fallback;
}

function chooseMapping(db: Db, input: CsvInput, headers: string[]): { mapping: CsvMapping; origin: CsvPreview['mapping_origin'] } {
  if (input.mapping) return { mapping: csvMappingSchema.parse(input.mapping), origin: 'given' };
  const saved = getSavedMapping(db, input.source);
  if (saved) return { mapping: saved.mapping, origin: 'saved' };
  return { mapping: recogniseMapping(headers), origin: 'recognised' };
}

function plan(db: Db, input: CsvInput): Plan {
  const parsed = parseCsv(input.content);
  const { mapping, origin } = chooseMapping(db, input, parsed.headers);
  const problems: ImportProblem[] = [...parsed.problems];
  for (const c of mapping.columns) {
    if (c.target !== 'ignore' && !parsed.headers.includes(c.column)) {
      problems.push({ row: 1, column: c.column, message: `the mapping names this column (${c.target}) but the file has no such column` });
    }
  }
  if (!mapping.columns.some((c) => c.target === 'patient.identifier')) {
    problems.push({ row: 1, column: '', message: 'no column is mapped to the patient identifier (e.g. a column named mrn or identifier)' });
  }
  const mappedColumns = new Set(mapping.columns.filter((c) => c.target !== 'ignore').map((c) => c.column));
  const unmapped = parsed.headers.filter((h) => h !== '' && !mappedColumns.has(h));
  const rows: CsvRowResult[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  const familyColumn = columnFor(mapping, 'patient.family_name', 'family_name');
  const fileBroken = problems.length > 0;
  for (const { row, cells } of parsed.rows) {
    const data = convertRow(row, parsed.headers, cells, mapping);
    const rowProblems = [...data.problems, ...parsed.problems.filter((p) => p.row === row)];
    const identifier = data.patient.identifier;
    if (identifier) {
      const first = seen.get(identifier);
      if (first !== undefined) rowProblems.push({ row, column: columnFor(mapping, 'patient.identifier', 'identifier'), message: `identifier ${identifier} is also in row ${first}` });
      else seen.set(identifier, row);
    }
    let action: ImportAction | undefined;
    if (rowProblems.length === 0 && !fileBroken) {
      const existingPatient = findPatientByIdentifier(db, identifier);
      const caseId = existingPatient ? latestCaseIdOfPatient(db, existingPatient.id) : undefined;
      const existingCase = caseId !== undefined ? getCase(db, caseId) : undefined;
      const base: PatientInput = existingPatient ? patientOf(existingPatient) : { identifier, family_name: '', given_name: '', birth_date: null, sex: 'unknown' };
      const patient = { ...base, ...data.patient };
      const baseCase: CaseInput = existingCase ? caseOf(existingCase) : { referring_clinician: '', question: '', diagnosis: '', status: 'draft', facts: {} };
      const kase: CaseInput = { ...baseCase, ...data.case, facts: { ...baseCase.facts, ...data.facts } };
      const p = patientInputSchema.safeParse(patient);
      if (!p.success) {
        for (const issue of p.error.issues) {
          const field = String(issue.path[0] ?? '');
          rowProblems.push({ row, column: field === 'family_name' ? familyColumn : columnFor(mapping, `patient.${field}`, field), message: issue.message });
        }
      }
      const c = caseInputSchema.safeParse(kase);
      if (!c.success) {
        for (const issue of c.error.issues) rowProblems.push({ row, column: issue.path.join('.'), message: issue.message });
      }
      if (p.success && c.success) {
        if (!existingCase) action = 'create';
        else action = canonical([patient, kase]) === canonical([base, baseCase]) ? 'unchanged' : 'update';
        planned.push({ row, identifier, action, patient: p.data, case: c.data, existingPatient, existingCase });
      }
    }
    problems.push(...rowProblems.filter((p) => !parsed.problems.includes(p)));
    rows.push({ row, identifier, ok: rowProblems.length === 0 && !fileBroken, ...(action ? { action } : {}), problems: rowProblems });
  }
  if (parsed.rows.length === 0 && parsed.headers.length > 0) problems.push({ row: 2, column: '', message: 'the file has a header but no rows' });
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const p of planned) counts[p.action]++;
  return {
    preview: {
      source: input.source,
      delimiter: parsed.delimiter === '\t' ? 'tab' : parsed.delimiter,
      headers: parsed.headers,
      mapping,
      mapping_origin: origin,
      unmapped_columns: unmapped,
      total_rows: parsed.rows.length,
      valid_rows: rows.filter((r) => r.ok).length,
      problems,
      rows,
      counts,
    },
    planned,
  };
}

/** Every row's validation result and what importing would do, without writing anything. */
export function previewCsv(db: Db, input: CsvInput): CsvPreview {
  return plan(db, input).preview;
}

export interface CsvImportOptions extends CsvInput {
  actor: string;
  /** Run every write, then roll back: proves the file would import. */
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Remember the mapping used for this source (default: when one was given). */
  saveMapping?: boolean;
}

class RollbackDryRun extends Error {}

/** Imports all rows in one transaction, or none: the result lists each problem by row and column. */
export function importCsv(db: Db, options: CsvImportOptions): CsvImportResult {
  const { preview, planned } = plan(db, options);
  const dryRun = options.dryRun ?? false;
  const result: CsvImportResult = {
    source: options.source, dry_run: dryRun, imported: false, problems: preview.problems, counts: preview.counts, created_case_ids: [], updated_case_ids: [],
  };
  if (preview.problems.length > 0) return result;
  const actor = `${options.actor} (CSV import: ${options.source})`.slice(0, 200);
  const now = new Date().toISOString();
  const total = planned.length;
  const report = options.onProgress;
  const step = Math.max(1, Math.floor(total / 100));
  const created: number[] = [];
  const updated: number[] = [];
  let current: PlannedRow | undefined;
  const write = transactionFn(db, () => {
    report?.(0, total);
    planned.forEach((p, i) => {
      current = p;
      if (p.action === 'create') {
        if (p.existingPatient) {
          updatePatient(db, p.existingPatient, p.patient, actor, now);
          created.push(createCase(db, { patient_id: p.existingPatient.id, case: p.case }, actor, now).id);
        } else {
          created.push(createCase(db, { patient: p.patient, case: p.case }, actor, now).id);
        }
      } else if (p.action === 'update' && p.existingCase) {
        updated.push(updateCase(db, { id: p.existingCase.id, version: p.existingCase.version, patient: p.patient, case: p.case }, actor, now).id);
      }
      if (report && ((i + 1) % step === 0 || i + 1 === total)) report(i + 1, total);
    });
    if ((options.saveMapping ?? options.mapping !== undefined) && !dryRun) saveMapping(db, options.source, preview.mapping, options.actor, now);
    if (dryRun) throw new RollbackDryRun();
  });
  try {
    write();
  } catch (error) {
    if (!(error instanceof RollbackDryRun)) {
      if (error instanceof DomainError && current) {
        return { ...result, problems: [{ row: current.row, column: error.field ?? '', message: error.message }] };
      }
      throw error;
    }
  }
  return { ...result, imported: !dryRun, created_case_ids: created, updated_case_ids: updated };
}
