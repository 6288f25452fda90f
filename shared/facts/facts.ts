/**
 * Case facts: the evidence engine's input, exactly as ../shared/clinical/CONTRACT.md names them.
 * Every field is optional and nullable ("not known"). Unknown extra keys are ignored by the engine
 * (CONTRACT), so `caseFactsSchema` strips them; the API's stricter case-save schema rejects them.
 * Change only by adding: never rename or repurpose a word that exists.
 */
import { z } from 'zod';

export const PRIMARY_TUMORS = [
  'colorectal', 'neuroendocrine', 'hcc', 'breast', 'melanoma', 'uveal_melanoma', 'sarcoma', 'lung',
  'pancreatic_adenocarcinoma', 'cholangiocarcinoma', 'other',
] as const;
export type PrimaryTumor = (typeof PRIMARY_TUMORS)[number];

export const LINES_OF_THERAPY = [
  'chemo_naive', 'consolidation_after_first_line', 'second_line', 'salvage_after_2_lines', 'post_prrt',
  'not_applicable',
] as const;

const opt = <T extends z.ZodType>(t: T) => t.nullable().optional();
const bool = () => opt(z.boolean());
const num = (min: number, max: number) => opt(z.number().finite().min(min).max(max));
const int = (min: number, max: number) => opt(z.number().int().min(min).max(max));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => opt(z.enum(values));

/** Field shape, shared by the engine (strip unknown keys) and the API (reject unknown keys). */
export const caseFactsShape = {
  primary_tumor: oneOf(PRIMARY_TUMORS),
  line_of_therapy: oneOf(LINES_OF_THERAPY),
  prior_systemic_lines: int(0, 20),
  first_line_backbone: oneOf(['oxaliplatin', 'irinotecan', 'other']),
  best_response_first_line: oneOf(['complete_response', 'partial_response', 'stable_disease', 'progressive_disease']),
  cumulative_oxaliplatin_neuropathy_grade: int(0, 4),
  prior_chemo_agents: opt(z.array(z.string().trim().min(1).max(80)).max(40)),
  prior_hepatotoxic_chemo: bool(),
  liver_dominant: bool(),
  extrahepatic_disease: oneOf(['none', 'limited', 'dominant']),
  extrahepatic_sites: opt(z.array(z.string().trim().min(1).max(80)).max(40)),
  extrahepatic_progression: bool(),
  resectable_or_ablatable: bool(),
  bilobar: bool(),
  liver_replacement_pct: num(0, 100),
  lesion_count: int(0, 1000),
  nodules: int(0, 1000),
  largest_nodule_cm: num(0, 50),
  well_defined_nodules: bool(),
  selective_access: bool(),
  ecog: int(0, 4),
  age: int(0, 120),
  frail: bool(),
  expected_survival_months: num(0, 600),
  height_cm: num(30, 250),
  weight_kg: num(1, 400),
  bilirubin_mg_dl: num(0, 60),
  bilirubin_reversible_cause: bool(),
  albumin_g_dl: num(0, 10),
  inr: num(0.5, 15),
  creatinine_mg_dl: num(0, 30),
  sodium_mmol_l: num(90, 200),
  granulocytes_10e9_l: num(0, 200),
  coagulopathy_uncorrectable: bool(),
  recent_chemo_not_safe_with_y90: bool(),
  ascites: oneOf(['none', 'mild', 'moderate_severe']),
  encephalopathy: oneOf(['none', 'grade1_2', 'grade3_4']),
  cirrhosis: bool(),
  etiology: opt(z.string().trim().max(80)),
  bclc_stage: oneOf(['0', 'A', 'B', 'C', 'D']),
  portal_vein: oneOf(['patent', 'branch_thrombus', 'tumoral_thrombus_main', 'bland_occlusion_main', 'hepatofugal_flow']),
  biliary: oneOf(['normal', 'stent', 'bilioenteric_anastomosis', 'sphincterotomy', 'obstruction']),
  varices_untreated_high_risk: bool(),
  lung_shunt_fraction_pct: num(0, 100),
  hepatoenteric_shunt_uncorrectable: bool(),
  planned_device: oneOf(['resin', 'glass']),
  planned_activity_gbq: num(0, 30),
  prior_lung_dose_gy: num(0, 200),
  prior_liver_ebrt: bool(),
  prior_y90: bool(),
  kras_status: oneOf(['wild_type', 'mutant', 'unknown']),
  primary_sidedness: oneOf(['left', 'right']),
  primary_resected: bool(),
  net_primary_site: oneOf(['midgut_ileum', 'pancreas', 'lung', 'other', 'unknown']),
  net_grade: oneOf(['G1', 'G2', 'G3']),
  net_ki67_pct: num(0, 100),
  hormone_symptoms: bool(),
  bulk_symptoms: bool(),
  on_ssa: bool(),
  progressing_on_ssa: bool(),
  sstr_positive: bool(),
  lu177_candidate: bool(),
  prior_prrt: bool(),
  // Added 2026-12 (CONTRACT.md): curative-intent work-up, transplant criteria, named systemic therapy.
  resectable: bool(),
  ablatable: bool(),
  potentially_resectable: bool(),
  future_liver_remnant_pct: num(0, 100),
  clinically_significant_portal_hypertension: bool(),
  macrovascular_invasion: bool(),
  total_tumour_diameter_cm: num(0, 100),
  afp_ng_ml: num(0, 10_000_000),
  prior_liver_transplant: bool(),
  transplant_ineligible: bool(),
  autoimmune_disease: bool(),
  recent_gi_bleeding: bool(),
  largest_lesion_cm: num(0, 50),
  node_positive_primary: bool(),
  disease_free_interval_months: num(0, 600),
  cea_ng_ml: num(0, 1_000_000),
  hai_program_available: bool(),
  hla_a0201_positive: bool(),
} as const;

/**
 * CONTRACT.md (added 2026-12): `resectable_or_ablatable` false together with `resectable` or `ablatable` true is
 * an input error that names `resectable_or_ablatable` (the three refine one another, EVIDENCE.md 2.1 point 8).
 */
export function resectabilityConflict(f: { resectable_or_ablatable?: boolean | null; resectable?: boolean | null; ablatable?: boolean | null }): string | null {
  if (f.resectable_or_ablatable !== false) return null;
  if (f.resectable === true) return 'is false while resectable is true';
  if (f.ablatable === true) return 'is false while ablatable is true';
  return null;
}
const refineResectability = (f: Parameters<typeof resectabilityConflict>[0], ctx: z.RefinementCtx): void => {
  const message = resectabilityConflict(f);
  if (message !== null) ctx.addIssue({ code: 'custom', path: ['resectable_or_ablatable'], message });
};

/** Engine input: unknown keys ignored (CONTRACT: "Unknown extra fields are ignored, not an error"). */
export const caseFactsSchema = z.object(caseFactsShape).superRefine(refineResectability);
/** Stored/API form: unknown keys are an error (a typo must not silently vanish). */
export const caseFactsStrictSchema = z.strictObject(caseFactsShape).superRefine(refineResectability);

export type CaseFacts = z.infer<typeof caseFactsSchema>;
export type CaseFactKey = keyof typeof caseFactsShape;
export const CASE_FACT_KEYS = Object.keys(caseFactsShape) as CaseFactKey[];
