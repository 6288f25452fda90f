/**
 * Outcomes follow-up of a decided case (issue 6; EVIDENCE.md 2.7, 3.9–3.11): imaging response assessments
 * (RECIST 1.1 for metastases, mRECIST for HCC, chosen from the case's primary and computed from the lesion
 * measurements with the shared calculators; inputs and result are stored together), CTCAE toxicities (term,
 * grade, CTCAE version, days after treatment, 30-day / 6-month time point), hepatic and overall progression
 * dates and death. Rows are append-only facts about what happened after a decision: they are allowed on a
 * signed meeting's decision (they do not edit it); a wrong entry is retracted with a reason, never deleted.
 * Also the case timeline and the de-identified registry export's result. Types + zod schemas only.
 */
import { z } from 'zod';

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const id = z.number().int().positive();
const note = z.string().trim().max(2000).default('');

export const RESPONSE_METHODS = ['recist11', 'mrecist'] as const;
export type ResponseMethod = (typeof RESPONSE_METHODS)[number];
export const RESPONSE_CATEGORIES = ['CR', 'PR', 'SD', 'PD'] as const;

/** One target lesion. For mRECIST `diameter_mm` is the viable (arterially enhancing) diameter. */
export const lesionSchema = z.strictObject({
  id: z.string().trim().min(1, 'is required').max(40),
  organ: z.string().trim().min(1).max(40).default('liver'),
  /** Lymph node target (RECIST 1.1: short axis). */
  node: z.boolean().default(false),
  diameter_mm: z.number().finite().min(0).max(1000),
});
export type Lesion = z.output<typeof lesionSchema>;

export const assessmentInputSchema = z.strictObject({
  decision_id: id,
  date: isoDate,
  /** Modality, e.g. CT or MRI (a word, not a report). */
  modality: z.enum(['CT', 'MRI', 'PET-CT', 'other']).default('CT'),
  baseline: z.array(lesionSchema).min(1, 'needs at least one target lesion').max(10),
  current: z.array(lesionSchema).min(1, 'needs at least one target lesion').max(10),
  new_lesions: z.boolean(),
  non_target_progression: z.boolean().default(false),
  /** Smallest sum on study before this assessment (mm); default: from this decision's earlier assessments. */
  nadir_sum_mm: z.number().finite().min(0).max(10000).optional(),
  note,
});
export type AssessmentInput = z.input<typeof assessmentInputSchema>;

export const responseResultSchema = z.object({
  response: z.enum(RESPONSE_CATEGORIES),
  baseline_sum_mm: z.number(),
  nadir_sum_mm: z.number(),
  current_sum_mm: z.number(),
  change_from_baseline_pct: z.number(),
  /** null when the nadir is 0 (percent undefined). */
  change_from_nadir_pct: z.number().nullable(),
  change_from_nadir_mm: z.number(),
});
export type ResponseResultRecord = z.infer<typeof responseResultSchema>;

const retraction = {
  retracted_at: z.string().nullable(),
  retracted_by: z.string().nullable(),
  retraction_reason: z.string().nullable(),
};

export const assessmentSchema = z.object({
  id,
  decision_id: id,
  case_id: id,
  date: z.string(),
  method: z.enum(RESPONSE_METHODS),
  modality: z.string(),
  /** The measurements as entered (lesions, new lesions, non-target progression, the nadir used). */
  inputs: z.object({
    baseline: z.array(z.object({ id: z.string(), organ: z.string(), node: z.boolean(), diameter_mm: z.number() })),
    current: z.array(z.object({ id: z.string(), organ: z.string(), node: z.boolean(), diameter_mm: z.number() })),
    new_lesions: z.boolean(),
    non_target_progression: z.boolean(),
    nadir_sum_mm: z.number(),
  }),
  result: responseResultSchema,
  response: z.enum(RESPONSE_CATEGORIES),
  days_after_treatment: z.number().int().nullable(),
  note: z.string(),
  recorded_by: z.string(),
  recorded_at: z.string(),
  ...retraction,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const CTCAE_TERMS = [
  'Blood bilirubin increased', 'Alanine aminotransferase increased', 'Aspartate aminotransferase increased',
  'Alkaline phosphatase increased', 'Hypoalbuminemia', 'Ascites', 'Gastric ulcer', 'Duodenal ulcer', 'Abdominal pain',
  'Nausea', 'Vomiting', 'Fever', 'Fatigue', 'Hepatic failure', 'Cholecystitis', 'Pneumonitis',
] as const;
export const TOXICITY_TIMEPOINTS = ['30_day', '6_month', 'other'] as const;
export const CTCAE_VERSIONS = ['5.0'] as const;

export const toxicityInputSchema = z.strictObject({
  decision_id: id,
  term: z.enum(CTCAE_TERMS),
  grade: z.number().int().min(1, 'CTCAE grades are 1 to 5').max(5, 'CTCAE grades are 1 to 5'),
  ctcae_version: z.enum(CTCAE_VERSIONS).default('5.0'),
  /** Onset date; days after treatment are computed from the implemented follow-up's date. */
  date: isoDate,
  timepoint: z.enum(TOXICITY_TIMEPOINTS),
  /** Local grouping such as "post-embolization syndrome" (not a CTCAE term). */
  grouping: z.string().trim().max(80).default(''),
  note,
});
export type ToxicityInput = z.input<typeof toxicityInputSchema>;

export const toxicitySchema = z.object({
  id, decision_id: id, case_id: id, term: z.enum(CTCAE_TERMS), grade: z.number().int(), ctcae_version: z.string(), date: z.string(),
  days_after_treatment: z.number().int().nullable(), timepoint: z.enum(TOXICITY_TIMEPOINTS), grouping: z.string(), note: z.string(),
  recorded_by: z.string(), recorded_at: z.string(), ...retraction,
});
export type Toxicity = z.infer<typeof toxicitySchema>;

export const OUTCOME_EVENT_KINDS = ['hepatic_progression', 'overall_progression', 'death'] as const;
export type OutcomeEventKind = (typeof OUTCOME_EVENT_KINDS)[number];

export const eventInputSchema = z.strictObject({ decision_id: id, kind: z.enum(OUTCOME_EVENT_KINDS), date: isoDate, note });
export type EventInput = z.input<typeof eventInputSchema>;

export const outcomeEventSchema = z.object({
  id, decision_id: id, case_id: id, kind: z.enum(OUTCOME_EVENT_KINDS), date: z.string(), days_after_treatment: z.number().int().nullable(),
  note: z.string(), recorded_by: z.string(), recorded_at: z.string(), ...retraction,
});
export type OutcomeEvent = z.infer<typeof outcomeEventSchema>;

export const OUTCOME_KINDS = ['assessment', 'toxicity', 'event'] as const;
export const retractInputSchema = z.strictObject({
  kind: z.enum(OUTCOME_KINDS),
  id,
  reason: z.string().trim().min(1, 'is required').max(500),
});

/** Everything recorded after one decision. */
export const decisionOutcomesSchema = z.object({
  decision_id: id,
  case_id: id,
  method: z.enum(RESPONSE_METHODS).nullable(),
  /** The implemented follow-up's date (day 0 for "days after treatment"), if recorded. */
  treatment_date: z.string().nullable(),
  assessments: z.array(assessmentSchema),
  toxicities: z.array(toxicitySchema),
  events: z.array(outcomeEventSchema),
});
export type DecisionOutcomes = z.infer<typeof decisionOutcomesSchema>;

export const TIMELINE_KINDS = [
  'referral', 'meeting', 'decision', 'amendment', 'followup', 'treatment', 'assessment', 'toxicity', 'hepatic_progression',
  'overall_progression', 'death',
] as const;
export const timelineEntrySchema = z.object({
  date: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  detail: z.string(),
  decision_id: id.nullable(),
  ref: z.object({ table: z.string(), id }).nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export const timelineSchema = z.object({ case_id: id, entries: z.array(timelineEntrySchema) });
export type Timeline = z.infer<typeof timelineSchema>;

// ---- registry export ---------------------------------------------------------------------------------

export const registryManifestSchema = z.object({
  generated_at: z.string(),
  records: z.number().int(),
  patients: z.number().int(),
  selection: z.string(),
  date_handling: z.string(),
  pseudonyms: z.string(),
  removed: z.array(z.object({ field: z.string(), why: z.string() })),
  not_recorded: z.array(z.string()),
  fields: z.array(z.string()),
  /** Disclosure control: k-anonymity over the quasi-identifiers, what was suppressed, the risk that remains. */
  disclosure: z.object({
    k: z.number().int().min(1),
    quasi_identifiers: z.array(z.string()),
    generalisation: z.array(z.string()),
    records_considered: z.number().int().min(0),
    records_suppressed: z.number().int().min(0),
    cells_suppressed: z.record(z.string(), z.number().int().min(0)),
    /** The smallest group of patients sharing one combination of quasi-identifiers in the file (null: no record). */
    smallest_group: z.number().int().nullable(),
    residual_risk: z.string(),
  }),
});
export type RegistryManifest = z.infer<typeof registryManifestSchema>;
export const registryExportSchema = z.object({ csv: z.string(), fhir: z.string(), manifest: registryManifestSchema });
export type RegistryExport = z.infer<typeof registryExportSchema>;
