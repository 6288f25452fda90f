/**
 * The case form's model, free of React: the typed text of every field (so a half-typed number is never
 * lost), conversion to the API input, and validation messages keyed by the same dotted paths the API uses
 * in `VALIDATION` errors (`patient.family_name`, `case.facts.ecog`).
 */
import type { z } from 'zod';
import { caseInputSchema, patientInputSchema, SEXES, type CaseRecord, type CaseStatus, type PatientInput, type Patient } from '../../shared/domain/case';
import { CASE_FACT_KEYS, type CaseFactKey, type CaseFacts } from '../../shared/facts/facts';
import { LAB_ANALYTES, LAB_UNITS, convertLab, fromContractUnit, toContractUnit, unitLabel, type LabAnalyte } from '../../shared/domain/units';
import { FACT_FIELDS } from './fields';

export const PATIENT_KEYS = ['identifier', 'family_name', 'given_name', 'birth_date', 'sex'] as const;
export const REFERRAL_KEYS = ['referring_clinician', 'diagnosis', 'question', 'status', 'last_imaging_date', 'last_labs_date'] as const;
type PatientKey = (typeof PATIENT_KEYS)[number];
type ReferralKey = (typeof REFERRAL_KEYS)[number];

export type FieldPath = `patient.${PatientKey}` | `case.${ReferralKey}` | `case.facts.${CaseFactKey}`;
export type FormValues = Record<FieldPath, string>;
export type LabUnits = Record<LabAnalyte, string>;
export type FieldErrors = Partial<Record<FieldPath, string>>;

export const factPath = (key: CaseFactKey): FieldPath => `case.facts.${key}`;
export const labPath = (analyte: LabAnalyte): FieldPath => factPath(LAB_UNITS[analyte].fact);

/**
 * A stored lab value as it was first shown. While the field still shows exactly that text in that unit,
 * the stored value is sent back untouched, so opening and saving a case never shifts a lab by rounding.
 */
export interface LabOrigin { text: string; unit: string; value: number }
export type LabOrigins = Partial<Record<LabAnalyte, LabOrigin>>;

export function labOriginsFromRecord(record: CaseRecord, values: FormValues, units: LabUnits): LabOrigins {
  const origins: LabOrigins = {};
  for (const analyte of LAB_ANALYTES) {
    const value = record.facts[LAB_UNITS[analyte].fact];
    if (typeof value === 'number') origins[analyte] = { text: values[labPath(analyte)], unit: units[analyte], value };
  }
  return origins;
}

/** The text of a lab field after its unit is switched: the same quantity in the new unit. */
export function convertLabText(analyte: LabAnalyte, text: string, from: string, to: string): string {
  const n = parseNumber(text);
  if (n === null || Number.isNaN(n)) return text;
  return String(convertLab(analyte, n, from, to));
}

export const ALL_PATHS: readonly FieldPath[] = [
  ...PATIENT_KEYS.map((k) => `patient.${k}` as const),
  ...REFERRAL_KEYS.map((k) => `case.${k}` as const),
  ...CASE_FACT_KEYS.map(factPath),
];
const PATH_SET: ReadonlySet<string> = new Set(ALL_PATHS);

export const FIELD_LABELS: Record<FieldPath, string> = {
  'patient.identifier': 'Identifier (MRN)',
  'patient.family_name': 'Family name',
  'patient.given_name': 'Given name',
  'patient.birth_date': 'Date of birth',
  'patient.sex': 'Sex',
  'case.referring_clinician': 'Referring clinician',
  'case.diagnosis': 'Diagnosis',
  'case.question': 'Question for the board',
  'case.status': 'Status',
  'case.last_imaging_date': 'Date of latest imaging',
  'case.last_labs_date': 'Date of latest labs',
  ...(Object.fromEntries(CASE_FACT_KEYS.map((k) => [factPath(k), FACT_FIELDS[k].label])) as Record<`case.facts.${CaseFactKey}`, string>),
};

export function emptyValues(): FormValues {
  const values = Object.fromEntries(ALL_PATHS.map((p) => [p, ''])) as FormValues;
  values['patient.sex'] = 'unknown';
  values['case.status'] = 'draft';
  return values;
}

/** Shows a stored fact as the text of its input (labs in the unit the user works in). */
function factToText(key: CaseFactKey, value: unknown, units: LabUnits): string {
  if (value === null || value === undefined) return '';
  const field = FACT_FIELDS[key];
  switch (field.kind) {
    case 'bool': return value === true ? 'yes' : value === false ? 'no' : '';
    case 'list': return Array.isArray(value) ? value.join(', ') : '';
    case 'lab': return typeof value === 'number' ? String(fromContractUnit(field.analyte, value, units[field.analyte])) : '';
    default: return String(value);
  }
}

export function valuesFromRecord(record: CaseRecord, units: LabUnits): FormValues {
  const values = emptyValues();
  patientIntoValues(values, record.patient);
  values['case.referring_clinician'] = record.referring_clinician;
  values['case.diagnosis'] = record.diagnosis;
  values['case.question'] = record.question;
  values['case.status'] = record.status;
  values['case.last_imaging_date'] = record.last_imaging_date ?? '';
  values['case.last_labs_date'] = record.last_labs_date ?? '';
  for (const key of CASE_FACT_KEYS) values[factPath(key)] = factToText(key, record.facts[key], units);
  return values;
}

export function patientIntoValues(values: FormValues, patient: PatientInput | Patient): void {
  values['patient.identifier'] = patient.identifier;
  values['patient.family_name'] = patient.family_name;
  values['patient.given_name'] = patient.given_name;
  values['patient.birth_date'] = patient.birth_date ?? '';
  values['patient.sex'] = patient.sex;
}

/** Accepts a decimal comma as typed in much of Europe ("1,5"). */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

interface FactsResult { facts: CaseFacts; errors: FieldErrors }

/** Typed text → contract facts. Unknown (empty) facts are omitted; text that is not a number is an error. */
export function factsFromValues(values: FormValues, units: LabUnits, origins: LabOrigins = {}): FactsResult {
  const facts: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const key of CASE_FACT_KEYS) {
    const path = factPath(key);
    const text = values[path].trim();
    if (text === '') continue;
    const field = FACT_FIELDS[key];
    switch (field.kind) {
      case 'bool':
        if (text === 'yes' || text === 'no') facts[key] = text === 'yes';
        break;
      case 'list':
        facts[key] = text.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s.length > 0);
        break;
      case 'int':
      case 'num':
      case 'lab': {
        const n = parseNumber(text);
        if (n === null) break;
        if (Number.isNaN(n)) { errors[path] = `${field.label} must be a number`; break; }
        if (field.kind === 'int' && !Number.isInteger(n)) { errors[path] = `${field.label} must be a whole number`; break; }
        if (field.kind === 'lab') {
          const origin = origins[field.analyte];
          facts[key] = origin && origin.text === text && origin.unit === units[field.analyte]
            ? origin.value
            : toContractUnit(field.analyte, n, units[field.analyte]);
        } else {
          facts[key] = n;
        }
        break;
      }
      default:
        facts[key] = text;
    }
  }
  return { facts: facts as CaseFacts, errors };
}

/** The facts that are valid right now: what a live panel (the evidence options) may look at while typing. */
export function validFacts(values: FormValues, units: LabUnits, origins: LabOrigins = {}): CaseFacts {
  const { facts } = factsFromValues(values, units, origins);
  const result = caseInputSchema.shape.facts.safeParse(facts);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((i) => String(i.path[0])));
  return Object.fromEntries(Object.entries(facts).filter(([k]) => !bad.has(k))) as CaseFacts;
}

/** The nearest form field for a dotted API/zod path (`case.facts.prior_chemo_agents.2` → the agents field). */
export function pathToField(path: string | undefined): FieldPath | undefined {
  if (!path) return undefined;
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (PATH_SET.has(candidate)) return candidate as FieldPath;
  }
  return undefined;
}

function labOf(path: FieldPath): LabAnalyte | undefined {
  if (!path.startsWith('case.facts.')) return undefined;
  const field = FACT_FIELDS[path.slice('case.facts.'.length) as CaseFactKey];
  return field.kind === 'lab' ? field.analyte : undefined;
}

/** A sentence next to the field, in the unit the user typed. */
export function issueMessage(path: FieldPath, issue: z.core.$ZodIssue, units: LabUnits): string {
  const label = FIELD_LABELS[path];
  const lab = labOf(path);
  const limit = (value: number | bigint): string => {
    if (!lab) return String(value);
    return `${fromContractUnit(lab, Number(value), units[lab])} ${unitLabel(lab, units[lab])}`;
  };
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${label} must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `${label} may list at most ${issue.maximum} entries`;
      return `${label} must be at most ${limit(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${label} is required` : `${label} must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `${label} needs at least ${issue.minimum} entries`;
      return `${label} must be at least ${limit(issue.minimum)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? `${label} must be a whole number` : `${label} has a value of the wrong kind`;
    case 'invalid_value':
      return `${label} has a value that is not one of the choices`;
    case 'unrecognized_keys':
      return `${label}: unknown field(s) ${issue.keys.join(', ')}`;
    default:
      // Our own schema messages are written to follow the label ("is required", "cannot be in the future").
      return /^[a-z]/.test(issue.message) ? `${label} ${issue.message}` : `${label}: ${issue.message}`;
  }
}

export interface BuiltInput {
  patient: PatientInput | null;
  case: z.output<typeof caseInputSchema> | null;
  errors: FieldErrors;
}

/** Validates everything the user typed; `errors` is empty exactly when both parts are valid. */
export function buildInput(values: FormValues, units: LabUnits, origins: LabOrigins = {}): BuiltInput {
  const { facts, errors } = factsFromValues(values, units, origins);
  const patientRaw = {
    identifier: values['patient.identifier'],
    family_name: values['patient.family_name'],
    given_name: values['patient.given_name'],
    birth_date: values['patient.birth_date'].trim() === '' ? null : values['patient.birth_date'].trim(),
    sex: (SEXES as readonly string[]).includes(values['patient.sex']) ? values['patient.sex'] : 'unknown',
  };
  const caseRaw = {
    referring_clinician: values['case.referring_clinician'],
    diagnosis: values['case.diagnosis'],
    question: values['case.question'],
    status: values['case.status'] as CaseStatus,
    // The agenda's completeness gate checks these are recent enough for the meeting.
    last_imaging_date: values['case.last_imaging_date'].trim() || null,
    last_labs_date: values['case.last_labs_date'].trim() || null,
    facts,
  };
  const addIssues = (prefix: 'patient' | 'case', issues: readonly z.core.$ZodIssue[]): void => {
    for (const issue of issues) {
      const path = pathToField([prefix, ...issue.path.map(String)].join('.'));
      if (path && !errors[path]) errors[path] = issueMessage(path, issue, units);
    }
  };
  const patient = patientInputSchema.safeParse(patientRaw);
  if (!patient.success) addIssues('patient', patient.error.issues);
  const kase = caseInputSchema.safeParse(caseRaw);
  if (!kase.success) addIssues('case', kase.error.issues);
  return {
    patient: patient.success ? patient.data : null,
    case: kase.success ? kase.data : null,
    errors,
  };
}

/**
 * What the form means, for "has anything changed?": the text of every field, except that lab fields count
 * by the quantity they hold, so switching a unit (which converts the number) is not an edit.
 */
export function meaningOf(values: FormValues, units: LabUnits, origins: LabOrigins): string {
  const { facts } = factsFromValues(values, units, origins);
  const normalized: Record<string, string> = { ...values };
  for (const analyte of LAB_ANALYTES) {
    const path = labPath(analyte);
    const value = facts[LAB_UNITS[analyte].fact];
    normalized[path] = typeof value === 'number' ? `=${value}` : values[path].trim();
  }
  return JSON.stringify(normalized);
}

/** Facts that hold a value but are hidden for the chosen primary must still be saved: list them. */
export function filledPaths(values: FormValues): Set<FieldPath> {
  return new Set(ALL_PATHS.filter((p) => values[p].trim() !== ''));
}

export { LAB_ANALYTES };
