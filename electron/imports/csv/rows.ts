/**
 * One CSV row → a partial patient, case and facts, each cell converted and checked against the CONTRACT
 * schema of its target, so a problem names the row and the column. An empty cell means "not in this file":
 * on re-import it leaves the stored value as it is.
 */
import { z } from 'zod';
import { caseFactsShape, type CaseFactKey, type CaseFacts } from '../../../shared/facts/facts';
import { CASE_STATUSES, SEXES, patientInputSchema, type CaseInput, type PatientInput } from '../../../shared/domain/case';
import type { CsvMapping, ImportProblem } from '../../../shared/domain/imports';
import { toContractUnit } from '../../../shared/domain/units';
import { labAnalyteOf } from './mapping';
import { readableProblem } from '../../../shared/vocabulary/errors';

export interface RowData {
  row: number;
  patient: Partial<PatientInput> & { identifier: string };
  case: Partial<Omit<CaseInput, 'facts'>>;
  facts: CaseFacts;
  problems: ImportProblem[];
}

type FactKind = { kind: 'number' } | { kind: 'boolean' } | { kind: 'enum'; options: readonly string[] } | { kind: 'array' } | { kind: 'string' };

function factKind(key: CaseFactKey): FactKind {
  const inner = caseFactsShape[key].unwrap().unwrap();
  if (inner instanceof z.ZodNumber) return { kind: 'number' };
  if (inner instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (inner instanceof z.ZodEnum) return { kind: 'enum', options: inner.options as readonly string[] };
  if (inner instanceof z.ZodArray) return { kind: 'array' };
  return { kind: 'string' };
}
const FACT_KINDS = new Map<CaseFactKey, FactKind>((Object.keys(caseFactsShape) as CaseFactKey[]).map((k) => [k, factKind(k)]));

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'ja', 'oui', 'si', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'nein', 'non']);

/** "1,2" (decimal comma) and "1.2" both read as 1.2; anything else that is not a plain number is refused. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  const normalised = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(normalised)) return undefined;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}

const wordOf = (text: string) => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** ISO dates as they are; dd.mm.yyyy and dd/mm/yyyy (European order) converted; anything else refused. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const eu = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (iso) [, y, m, d] = iso;
  else if (eu) [, d, m, y] = eu;
  if (!y || !m || !d) return undefined;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === out ? out : undefined;
}

const SEX_WORDS: Record<string, (typeof SEXES)[number]> = {
  f: 'female', female: 'female', w: 'female', woman: 'female', weiblich: 'female', femme: 'female',
  m: 'male', male: 'male', man: 'male', mannlich: 'male', 'männlich': 'male', homme: 'male',
  o: 'other', other: 'other', divers: 'other', d: 'other', x: 'other',
  u: 'unknown', unknown: 'unknown', unk: 'unknown',
};

function convertFact(key: CaseFactKey, raw: string, unit: string | undefined): { value?: unknown; error?: string } {
  const kind = FACT_KINDS.get(key) ?? { kind: 'string' };
  let value: unknown;
  switch (kind.kind) {
    case 'number': {
      const n = parseNumber(raw);
      if (n === undefined) return { error: `"${raw}" is not a number` };
      const analyte = labAnalyteOf(`fact.${key}`);
      value = analyte && unit ? toContractUnit(analyte, n, unit) : n;
      break;
    }
    case 'boolean': {
      const w = wordOf(raw);
      if (TRUE_WORDS.has(w)) value = true;
      else if (FALSE_WORDS.has(w)) value = false;
      else return { error: `"${raw}" is not yes/no (true/false, 1/0)` };
      break;
    }
    case 'enum': {
      const w = wordOf(raw);
      const match = kind.options.find((o) => o.toLowerCase() === w);
      if (!match) return { error: `"${raw}" is not one of ${kind.options.join(', ')}` };
      value = match;
      break;
    }
    case 'array':
      value = raw.split(/[|;,]/).map((s) => s.trim()).filter((s) => s !== '');
      break;
    case 'string':
      value = raw.trim();
  }
  const checked = caseFactsShape[key].safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const shown = typeof value === 'number' && unit ? `${raw} ${unit} = ${String(value)} in the CONTRACT unit` : raw;
    return { error: `${shown}: ${readableProblem(issue?.message ?? 'invalid')}` };
  }
  return { value: checked.data };
}

const PATIENT_FIELD_SCHEMAS = patientInputSchema.shape;

/** Converts one row. `cells` are in header order; the mapping names columns by header text. */
export function convertRow(row: number, headers: readonly string[], cells: readonly string[], mapping: CsvMapping): RowData {
  const problems: ImportProblem[] = [];
  const patient: Partial<PatientInput> = {};
  const caseFields: Partial<Omit<CaseInput, 'facts'>> = {};
  const facts: Record<string, unknown> = {};
  for (const col of mapping.columns) {
    if (col.target === 'ignore') continue;
    const index = headers.indexOf(col.column);
    const raw = index >= 0 ? (cells[index] ?? '') : '';
    if (raw.trim() === '') continue;
    const problem = (message: string) => problems.push({ row, column: col.column, message });
    const [area, field = ''] = col.target.split('.') as [string, string];
    if (area === 'fact') {
      const r = convertFact(field as CaseFactKey, raw, col.unit);
      if (r.error) problem(r.error);
      else facts[field] = r.value;
    } else if (area === 'patient') {
      let value: string | undefined = raw.trim();
      if (field === 'birth_date') {
        value = parseDate(raw);
        if (!value) { problem(`"${raw}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`); continue; }
      } else if (field === 'sex') {
        value = SEX_WORDS[wordOf(raw)];
        if (!value) { problem(`"${raw}" is not one of ${SEXES.join(', ')}`); continue; }
      }
      const schema = PATIENT_FIELD_SCHEMAS[field as keyof typeof PATIENT_FIELD_SCHEMAS];
      const checked = schema.safeParse(value);
      if (!checked.success) problem(readableProblem(checked.error.issues[0]?.message ?? 'invalid'));
      else (patient as Record<string, unknown>)[field] = checked.data;
    } else if (area === 'case') {
      if (field === 'status') {
        const w = wordOf(raw);
        const status = CASE_STATUSES.find((s) => s === w);
        if (!status) problem(`"${raw}" is not one of ${CASE_STATUSES.join(', ')}`);
        else caseFields.status = status;
      } else {
        const max = field === 'question' ? 2000 : field === 'diagnosis' ? 300 : 120;
        const text = raw.trim();
        if (text.length > max) problem(`is longer than ${max} characters`);
        else (caseFields as Record<string, unknown>)[field] = text;
      }
    }
  }
  const identifierColumn = mapping.columns.find((c) => c.target === 'patient.identifier')?.column ?? 'identifier';
  if (patient.identifier === undefined && !problems.some((p) => p.column === identifierColumn)) {
    problems.push({ row, column: identifierColumn, message: 'is required (the patient identifier matches re-imports)' });
  }
  return { row, patient: { ...patient, identifier: patient.identifier ?? '' }, case: caseFields, facts: facts as CaseFacts, problems };
}
