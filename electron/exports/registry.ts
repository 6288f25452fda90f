/**
 * De-identified registry export (issue 6; the fields of EVIDENCE.md 2.7) as CSV and as a FHIR R4 Bundle, with a
 * manifest of what was removed and why.
 *
 * Selection: TREATED cases only, one record per decision whose latest follow-up says the plan was carried out,
 * or that has outcomes recorded (response, toxicity, progression, death).
 *
 * De-identification:
 * - no name, identifier, birth date, referring clinician, board, meeting or database id; each patient gets a
 *   random pseudonym drawn fresh for every export (two exports cannot be linked through it);
 * - age as a 5-year band at day 0 (90 and over as "90+", as HIPAA Safe Harbor does);
 * - every date becomes an interval from day 0, rounded to whole weeks (in days) = the treatment date (the implemented follow-up), or the
 *   meeting date when only outcomes were recorded (the record says which). We chose intervals over a random
 *   date shift: the registry questions (response at ~3 months, toxicity at 30 days / 6 months, time to
 *   progression, survival) are all relative to treatment, and a shifted calendar date still leaks season and
 *   spacing and is undone for everyone by one known date; intervals carry no calendar information at all;
 * - free text that could hold identifiers is excluded: question, diagnosis, rationale, plan detail, dissent,
 *   actions, discordance reason, notes, aetiology, agent and site lists;
 * - records are ordered by pseudonym, so the file order says nothing about the database order;
 * - disclosure control (./disclosure.ts): baseline labs and counts coarsened, then k-anonymity (k = 5 by
 *   default) over age band, sex, primary tumour and the baseline facts by cell and record suppression; the
 *   manifest gives the counts and states the residual risk.
 */
import { randomBytes } from 'node:crypto';
import type {
  AdverseEvent, Bundle, BundleEntry, CodeableConcept, Condition, Extension, Observation, Patient, Resource,
} from '@medplum/fhirtypes';
import type { DbLike as Db } from '../../db/sql/port';
import { stmt } from '../../db/statements';
import { getDecision } from '../../db/repositories/decisions';
import { getDecisionOutcomes } from '../../db/repositories/outcomes';
import { albi } from '../../shared/engine/calculators/albi';
import { childPugh, type AscitesGrade, type EncephalopathyGrade } from '../../shared/engine/calculators/childPugh';
import { lungDoseGy } from '../../shared/engine/calculators/y90';
import type { CaseFacts } from '../../shared/facts/facts';
import { daysBetween } from '../../shared/domain/meetingRules';
import type { Assessment, RegistryExport, RegistryManifest } from '../../shared/domain/outcomes';
import type { Plan } from '../../shared/domain/meeting';
import { intentLabel } from '../../shared/vocabulary';
import { planResource } from './plan-resource';
import { ageBand, COARSENING, kAnonymise, QUASI_IDENTIFIERS, toWeeks, type Cell } from './disclosure';

/** Baseline facts exported as they are (numbers and coded words only; no free text). */
const BASELINE_FACTS = [
  'primary_tumor', 'line_of_therapy', 'prior_systemic_lines', 'ecog', 'bilirubin_mg_dl', 'albumin_g_dl', 'inr', 'creatinine_mg_dl', 'sodium_mmol_l',
  'ascites', 'encephalopathy', 'cirrhosis', 'bclc_stage', 'portal_vein', 'liver_replacement_pct', 'lesion_count', 'bilobar', 'extrahepatic_disease',
  'kras_status', 'net_grade', 'prior_y90', 'planned_device', 'planned_activity_gbq', 'lung_shunt_fraction_pct',
] as const satisfies readonly (keyof CaseFacts)[];

export const REGISTRY_FIELDS = [
  'record', 'patient', 'treatment_number', 'day0', 'age_band', 'sex', ...BASELINE_FACTS, 'child_pugh_class', 'albi_grade',
  'projected_lung_dose_gy', 'plan', 'intent', 'engine_concordance', 'meeting_day', 'referral_day', 'response_method', 'first_response',
  'first_response_day', 'response_3_months', 'response_3_months_day', 'best_response', 'ctcae_version', 'max_toxicity_grade_30_day',
  'max_toxicity_grade_6_month', 'toxicities', 'hepatic_progression_day', 'overall_progression_day', 'death_day',
] as const;
type Field = (typeof REGISTRY_FIELDS)[number];
type Value = string | number | boolean | null;
export type RegistryRecord = Record<Field, Value>;

const REMOVED: RegistryManifest['removed'] = [
  { field: 'patients.identifier', why: 'direct identifier (replaced by a random per-export pseudonym)' },
  { field: 'patients.family_name, patients.given_name', why: 'direct identifiers' },
  { field: 'patients.birth_date', why: 'replaced by a 5-year age band at day 0 (90 and over as "90+")' },
  { field: 'all calendar dates (referral, meeting, treatment, imaging, toxicity, progression, death, record times)', why: 'replaced by days from day 0, rounded to whole weeks' },
  { field: 'Child-Pugh score', why: 'computed from the exact labs; the Child-Pugh class is exported' },
  { field: 'case, decision, meeting and patient ids', why: 'database keys could link back to the source record' },
  { field: 'case_details.question, case_details.diagnosis, case_details.referring_clinician', why: 'free text that may contain identifiers' },
  { field: 'decisions.rationale, plan_detail, dissent, actions, discordance_reason', why: 'free text that may contain identifiers or names of staff' },
  { field: 'follow-up and outcome notes, retraction reasons', why: 'free text that may contain identifiers' },
  { field: 'facts.etiology, facts.prior_chemo_agents, facts.extrahepatic_sites', why: 'free text in the facts' },
  { field: 'boards, meetings, attendees, profiles, recorded_by / signed_by', why: 'names the treating team and centre' },
  { field: 'lesion ids and organs of response assessments', why: 'free text; the sums and the category are exported' },
];

const NOT_RECORDED = [
  'treatment target (lobar / segmental / whole liver)', 'dosimetry method (BSA / MIRD / partition)', 'cTACE drug and dose, DEB size',
  'baseline AST / ALT', 'administered (as opposed to planned) activity',
];

const RESPONSE_RANK: Record<Assessment['response'], number> = { CR: 0, PR: 1, SD: 2, PD: 3 };

interface TreatedRow {
  decision_id: number; case_id: number; patient_id: number; sex: string; birth_date: string | null; meeting_day: string; referral_day: string;
}

/** Decisions that were carried out, or that have outcomes (retracted entries do not count). */
function treatedDecisions(db: Db): TreatedRow[] {
  return stmt(db, `SELECT d.id AS decision_id, d.case_id, c.patient_id, p.sex, p.birth_date, substr(m.scheduled_at, 1, 10) AS meeting_day,
      substr(c.created_at, 1, 10) AS referral_day
    FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN cases c ON c.id = d.case_id JOIN patients p ON p.id = c.patient_id
    WHERE (SELECT f.outcome FROM followups f WHERE f.decision_id = d.id ORDER BY f.id DESC LIMIT 1) = 'implemented'
       OR EXISTS (SELECT 1 FROM response_assessments x WHERE x.decision_id = d.id AND x.retracted_at IS NULL)
       OR EXISTS (SELECT 1 FROM toxicities x WHERE x.decision_id = d.id AND x.retracted_at IS NULL)
       OR EXISTS (SELECT 1 FROM outcome_events x WHERE x.decision_id = d.id AND x.retracted_at IS NULL)
    ORDER BY d.id`).all() as TreatedRow[];
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageInYears(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const safely = <T>(fn: () => T): T | null => {
  try {
    return fn();
  } catch {
    return null;
  }
};

export type QuasiIdentifierCells = Pick<RegistryRecord, 'age_band' | 'sex' | (typeof BASELINE_FACTS)[number] | 'child_pugh_class' | 'albi_grade' | 'projected_lung_dose_gy'>;

/**
 * A patient's quasi-identifiers as the export publishes them before suppression: age band, sex, the baseline
 * facts coarsened (./disclosure.ts COARSENING) and the classes derived from the exact values. The
 * re-identification test applies the same function to what an attacker knows exactly.
 */
export function quasiIdentifierCells(f: CaseFacts, sex: string, age: number | null): QuasiIdentifierCells {
  const cp = f.bilirubin_mg_dl != null && f.albumin_g_dl != null && f.inr != null && f.ascites && f.encephalopathy
    ? safely(() => childPugh({ bilirubin_mg_dl: f.bilirubin_mg_dl as number, albumin_g_dl: f.albumin_g_dl as number, inr: f.inr as number,
      ascites: f.ascites as AscitesGrade, encephalopathy: f.encephalopathy as EncephalopathyGrade }))
    : null;
  const albiResult = f.bilirubin_mg_dl != null && f.albumin_g_dl != null ? safely(() => albi({ bilirubin_mg_dl: f.bilirubin_mg_dl as number, albumin_g_dl: f.albumin_g_dl as number })) : null;
  const lung = f.planned_activity_gbq != null && f.lung_shunt_fraction_pct != null
    ? safely(() => Math.round(lungDoseGy({ activity_gbq: f.planned_activity_gbq as number, lung_shunt_fraction_pct: f.lung_shunt_fraction_pct as number }) * 100) / 100)
    : null;
  const coarse = (k: string, v: Value): Value => (COARSENING[k] ? COARSENING[k].apply(v) : v);
  const baseline = Object.fromEntries(BASELINE_FACTS.map((k) => [k, coarse(k, (f[k] ?? null) as Value)])) as Record<(typeof BASELINE_FACTS)[number], Value>;
  return {
    age_band: ageBand(age),
    sex,
    ...baseline,
    child_pugh_class: cp?.class ?? null,
    albi_grade: albiResult?.grade ?? null,
    projected_lung_dose_gy: coarse('projected_lung_dose_gy', lung),
  };
}

export interface RegistryOptions {
  now?: Date;
  /** Every published combination of quasi-identifiers is shared by at least k patients (default 5; 1 = no suppression). */
  k?: number;
  /** Pseudonym source (tests may pin it); default 48 random bits per patient. */
  pseudonym?: () => string;
}

export interface RegistryData { records: RegistryRecord[]; details: Map<string, RecordDetail>; manifest: RegistryManifest }
interface RecordDetail { assessments: Assessment[]; toxicities: { term: string; grade: number; version: string; day: number | null; timepoint: string }[] }

export function collectRegistry(db: Db, options: RegistryOptions = {}): RegistryData {
  const now = options.now ?? new Date();
  const draw = options.pseudonym ?? (() => `P-${randomBytes(6).toString('hex')}`);
  const pseudonyms = new Map<number, string>();
  const used = new Set<string>();
  const pseudonymOf = (patientId: number): string => {
    let p = pseudonyms.get(patientId);
    if (!p) {
      do p = draw(); while (used.has(p));
      used.add(p);
      pseudonyms.set(patientId, p);
    }
    return p;
  };
  const drafts: { patient: string; day0date: string; record: Omit<RegistryRecord, 'record' | 'treatment_number'>; detail: RecordDetail }[] = [];
  for (const t of treatedDecisions(db)) {
    const decision = getDecision(db, t.decision_id);
    if (!decision) continue;
    const outcomes = getDecisionOutcomes(db, t.decision_id);
    const day0date = outcomes.treatment_date ?? t.meeting_day;
    // Coarse dates: whole weeks from day 0.
    const day = (date: string | null | undefined): number | null => (date ? toWeeks(daysBetween(day0date, date)) : null);
    const f = decision.facts_snapshot;
    const age = t.birth_date ? ageInYears(t.birth_date, day0date) : (f.age ?? null);
    const assessments = outcomes.assessments.filter((a) => !a.retracted_at).map((a) => ({ ...a, days_after_treatment: day(a.date) }));
    const toxicities = outcomes.toxicities.filter((x) => !x.retracted_at);
    const events = outcomes.events.filter((x) => !x.retracted_at);
    const first = assessments[0];
    // ~3 months: the assessment nearest day 90 within days 60–120.
    const around3m = assessments.filter((a) => (a.days_after_treatment ?? -1) >= 60 && (a.days_after_treatment ?? 999) <= 120)
      .sort((a, b) => Math.abs((a.days_after_treatment ?? 0) - 90) - Math.abs((b.days_after_treatment ?? 0) - 90))[0];
    const best = [...assessments].sort((a, b) => RESPONSE_RANK[a.response] - RESPONSE_RANK[b.response])[0];
    const maxGrade = (tp: string) => {
      const g = toxicities.filter((x) => x.timepoint === tp).map((x) => x.grade);
      return g.length ? Math.max(...g) : null;
    };
    const event = (kind: string) => day(events.find((e) => e.kind === kind)?.date);
    const detail: RecordDetail = {
      assessments,
      toxicities: toxicities.map((x) => ({ term: x.term, grade: x.grade, version: x.ctcae_version, day: day(x.date), timepoint: x.timepoint })),
    };
    drafts.push({
      patient: pseudonymOf(t.patient_id),
      day0date,
      detail,
      record: {
        patient: pseudonymOf(t.patient_id),
        day0: outcomes.treatment_date ? 'treatment' : 'meeting',
        ...quasiIdentifierCells(f, t.sex, age),
        plan: decision.current.plan,
        intent: decision.current.intent,
        engine_concordance: decision.current.concordance,
        meeting_day: day(t.meeting_day),
        referral_day: day(t.referral_day),
        response_method: first?.method ?? outcomes.method,
        first_response: first?.response ?? null,
        first_response_day: first?.days_after_treatment ?? null,
        response_3_months: around3m?.response ?? null,
        response_3_months_day: around3m?.days_after_treatment ?? null,
        best_response: best?.response ?? null,
        ctcae_version: toxicities.length ? [...new Set(toxicities.map((x) => x.ctcae_version))].join(' ') : null,
        max_toxicity_grade_30_day: maxGrade('30_day'),
        max_toxicity_grade_6_month: maxGrade('6_month'),
        toxicities: detail.toxicities.map((x) => `${x.term}|${x.grade}|${x.day ?? ''}|${x.timepoint}`).join('; ') || null,
        hepatic_progression_day: event('hepatic_progression'),
        overall_progression_day: event('overall_progression'),
        death_day: event('death'),
      },
    });
  }
  // Order by pseudonym (random), then treatment order within a patient.
  drafts.sort((a, b) => a.patient.localeCompare(b.patient) || a.day0date.localeCompare(b.day0date));
  // Treatment numbers count every treatment of the patient, published or not.
  const counted = new Map<string, number>();
  const numbered = drafts.map((d) => {
    const n = (counted.get(d.patient) ?? 0) + 1;
    counted.set(d.patient, n);
    return { ...d, n, cells: d.record as Record<string, Cell> };
  });
  const k = options.k ?? 5;
  const { records: published, report } = kAnonymise(numbered, k);
  const records: RegistryRecord[] = [];
  const details = new Map<string, RecordDetail>();
  published.forEach((d, i) => {
    const record = `R${String(i + 1).padStart(4, '0')}`;
    records.push({ record, treatment_number: d.n, ...(d.cells as Omit<RegistryRecord, 'record' | 'treatment_number'>) });
    details.set(record, d.detail);
  });
  const manifest: RegistryManifest = {
    generated_at: now.toISOString(),
    records: records.length,
    patients: new Set(records.map((r) => r.patient)).size,
    selection: 'treated cases: decisions whose latest follow-up is "implemented", or with outcomes recorded (retracted entries excluded); one record per decision',
    date_handling: 'every date is given as days from day 0 (the treatment date, or the meeting date when day0 = "meeting"), rounded to whole weeks; no calendar date is exported. '
      + 'Intervals were chosen over a random date shift because all registry endpoints are relative to treatment, and a shifted date still leaks season and spacing',
    pseudonyms: 'random per export (48 bits); the same patient has the same pseudonym within this export only',
    removed: REMOVED,
    not_recorded: NOT_RECORDED,
    fields: [...REGISTRY_FIELDS],
    disclosure: {
      k,
      quasi_identifiers: ['age_band', 'sex', 'primary_tumor', 'centre (one per export)', ...QUASI_IDENTIFIERS.slice(3)],
      generalisation: [report.generalisation, 'dates: days from day 0 rounded to whole weeks',
        ...Object.entries(COARSENING).map(([field, c]) => `${field}: ${c.rule}`)],
      records_considered: drafts.length,
      records_suppressed: report.suppressedRecords,
      cells_suppressed: report.suppressedCells,
      smallest_group: report.smallestGroup,
      residual_risk: residualRisk(k),
    },
  };
  return { records, details, manifest };
}

function residualRisk(k: number): string {
  return `Every combination of the quasi-identifiers listed (age band, sex, primary tumour, centre and the baseline facts as published) `
    + `is shared by at least ${k} patients, so matching on them alone points to no fewer than ${k} patients (a re-identification chance `
    + `of at most 1 in ${k} per record for someone who knows all of them). What remains: treatment, intent and the outcomes (response, `
    + 'toxicity, weeks to progression or death) are not treated as quasi-identifiers; someone who already knows a listed patient was treated '
    + 'here AND knows such an outcome may narrow the group further; a patient treated more than once has linked records (one pseudonym) whose '
    + 'combination is rarer than each record; an empty cell may be missing or suppressed. Share this file only under a data-use agreement '
    + 'that forbids re-identification and linkage.';
}

// ---- CSV -----------------------------------------------------------------------------------------------

/** RFC 4180 field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvField(value: Value): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registryCsv(records: readonly RegistryRecord[]): string {
  const lines = [REGISTRY_FIELDS.join(',')];
  for (const r of records) lines.push(REGISTRY_FIELDS.map((f) => csvField(r[f])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// ---- FHIR ----------------------------------------------------------------------------------------------

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const DAY_URL = 'urn:tumour-board:fhir:registry:days-from-day0';
const GRADE_URL = 'urn:tumour-board:fhir:registry:ctcae-grade';
const dayExt = (n: number | null): Extension[] => (n === null ? [] : [{ url: DAY_URL, valueInteger: n }]);
const text = (t: string): CodeableConcept => ({ text: t });
const LAB_LOINC: { fact: 'bilirubin_mg_dl' | 'albumin_g_dl' | 'inr' | 'creatinine_mg_dl' | 'sodium_mmol_l'; loinc: string; unit: string; code: string }[] = [
  { fact: 'bilirubin_mg_dl', loinc: '1975-2', unit: 'mg/dL', code: 'mg/dL' },
  { fact: 'albumin_g_dl', loinc: '1751-7', unit: 'g/dL', code: 'g/dL' },
  { fact: 'inr', loinc: '6301-6', unit: 'INR', code: '{INR}' },
  { fact: 'creatinine_mg_dl', loinc: '2160-0', unit: 'mg/dL', code: 'mg/dL' },
  { fact: 'sodium_mmol_l', loinc: '2951-2', unit: 'mmol/L', code: 'mmol/L' },
];

export function registryBundle(data: RegistryData): Bundle {
  const resources: Resource[] = [];
  const seenPatients = new Set<string>();
  for (const r of data.records) {
    const pid = String(r.patient);
    const subject = { reference: `Patient/${pid}` };
    if (!seenPatients.has(pid)) {
      seenPatients.add(pid);
      const patient: Patient = { resourceType: 'Patient', id: pid, gender: r.sex as Patient['gender'] };
      resources.push(patient);
    }
    const rid = `${r.record as string}`;
    if (r.age_band !== null) {
      const [low, high] = String(r.age_band).replace('+', '').split('-').map(Number);
      const years = (value: number | undefined) => (value === undefined ? undefined : { value, unit: 'a', system: UCUM, code: 'a' });
      const age: Observation = {
        resourceType: 'Observation', id: `${rid}-age`, status: 'final', code: { coding: [{ system: LOINC, code: '30525-0', display: 'Age' }] }, subject,
        extension: dayExt(0),
        valueRange: { ...(low === undefined ? {} : { low: years(low) }), ...(high === undefined ? {} : { high: years(high) }) },
      };
      resources.push(age);
    }
    if (r.primary_tumor !== null) {
      const condition: Condition = { resourceType: 'Condition', id: `${rid}-primary`, code: text(`primary tumour: ${String(r.primary_tumor)}`), subject };
      resources.push(condition);
    }
    if (r.ecog !== null) {
      resources.push({ resourceType: 'Observation', id: `${rid}-ecog`, status: 'final', code: { coding: [{ system: LOINC, code: '89247-1', display: 'ECOG Performance Status score' }] },
        subject, extension: dayExt(r.meeting_day as number | null), valueInteger: Number(r.ecog) } satisfies Observation);
    }
    for (const lab of LAB_LOINC) {
      const v = r[lab.fact];
      if (typeof v !== 'number') continue;
      resources.push({ resourceType: 'Observation', id: `${rid}-${lab.loinc}`, status: 'final', code: { coding: [{ system: LOINC, code: lab.loinc }] }, subject,
        extension: dayExt(r.meeting_day as number | null), valueQuantity: { value: v, unit: lab.unit, system: UCUM, code: lab.code } } satisfies Observation);
    }
    const notes = [r.planned_device !== null ? `device ${String(r.planned_device)}` : '', r.planned_activity_gbq !== null ? `planned activity ${String(r.planned_activity_gbq)} GBq` : '',
      r.lung_shunt_fraction_pct !== null ? `LSF ${String(r.lung_shunt_fraction_pct)} %` : '', r.projected_lung_dose_gy !== null ? `projected lung dose ${String(r.projected_lung_dose_gy)} Gy` : '']
      .filter(Boolean);
    const treatment = planResource({
      id: `${rid}-treatment`, plan: r.plan as Plan, subject, state: r.day0 === 'treatment' ? 'completed' : 'unknown',
      extension: dayExt(r.day0 === 'treatment' ? 0 : null), reasonText: `Intent: ${intentLabel(String(r.intent))}`, notes,
    });
    resources.push(treatment);
    const detail = data.details.get(rid);
    for (const a of detail?.assessments ?? []) {
      resources.push({
        resourceType: 'Observation', id: `${rid}-response-${a.id}`, status: 'final', code: text(`tumour response (${a.method === 'mrecist' ? 'mRECIST' : 'RECIST 1.1'})`), subject,
        extension: dayExt(a.days_after_treatment), valueCodeableConcept: text(a.response),
        component: [
          { code: text('baseline sum of diameters'), valueQuantity: { value: a.result.baseline_sum_mm, unit: 'mm', system: UCUM, code: 'mm' } },
          { code: text('nadir sum of diameters'), valueQuantity: { value: a.result.nadir_sum_mm, unit: 'mm', system: UCUM, code: 'mm' } },
          { code: text('current sum of diameters'), valueQuantity: { value: a.result.current_sum_mm, unit: 'mm', system: UCUM, code: 'mm' } },
        ],
      } satisfies Observation);
    }
    (detail?.toxicities ?? []).forEach((x, i) => {
      const ae: AdverseEvent = {
        resourceType: 'AdverseEvent', id: `${rid}-toxicity-${i + 1}`, actuality: 'actual', subject, event: text(`${x.term} (CTCAE v${x.version})`),
        extension: [...dayExt(x.day), { url: GRADE_URL, valueInteger: x.grade }],
        suspectEntity: [{ instance: { reference: `${treatment.resourceType}/${treatment.id ?? ''}` } }],
      };
      resources.push(ae);
    });
    for (const kind of ['hepatic_progression', 'overall_progression'] as const) {
      const d = r[`${kind}_day`];
      if (d === null) continue;
      resources.push({ resourceType: 'Observation', id: `${rid}-${kind.replace('_', '-')}`, status: 'final', code: text(kind.replace('_', ' ')), subject,
        extension: dayExt(d as number), valueBoolean: true } satisfies Observation);
    }
    if (r.death_day !== null) {
      resources.push({ resourceType: 'Observation', id: `${rid}-death`, status: 'final', code: text('death'), subject, extension: dayExt(r.death_day as number), valueBoolean: true } satisfies Observation);
    }
  }
  const entry: BundleEntry[] = resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.resourceType}-${resource.id ?? ''}`, resource }));
  return { resourceType: 'Bundle', type: 'collection', timestamp: data.manifest.generated_at, entry };
}

/** The whole export: CSV text, FHIR Bundle JSON and the manifest. */
export function buildRegistryExport(db: Db, options: RegistryOptions = {}): RegistryExport {
  const data = collectRegistry(db, options);
  return { csv: registryCsv(data.records), fhir: JSON.stringify(registryBundle(data), null, 2), manifest: data.manifest };
}
