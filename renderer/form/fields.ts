/**
 * How each clinical fact of shared/facts/facts.ts is entered, and how the facts are grouped the way a
 * clinician reads a case. `FACT_FIELDS` is a Record over every fact key, so a fact added to the contract
 * without a field here fails the type check; a test checks every fact sits in exactly one group.
 */
import type { CaseFactKey, PrimaryTumor } from '../../shared/facts/facts';
import { CASE_FACT_KEYS, PRIMARY_TUMORS } from '../../shared/facts/facts';
import { FACT_VOCABULARY, PRIMARY_TUMOR_LABELS } from '../../shared/vocabulary';
import type { LabAnalyte } from '../../shared/domain/units';

export interface Choice { value: string; label: string }

export type FactFieldKind =
  | { kind: 'enum'; options: readonly Choice[] }
  | { kind: 'bool' }
  | { kind: 'int'; unit?: string }
  | { kind: 'num'; unit?: string }
  | { kind: 'lab'; analyte: LabAnalyte }
  | { kind: 'text' }
  | { kind: 'list'; placeholder: string };

/** Primaries for which a field is usually relevant; shown otherwise only if it already holds a value. */
export type Relevance = 'neuroendocrine' | 'hcc' | 'colorectal' | 'uveal_melanoma';

export type FactField = FactFieldKind & { label: string; hint?: string; only?: Relevance };

/** The value choices of an enumerated fact, labelled by the vocabulary. */
const valuesOf = (key: CaseFactKey): Choice[] => Object.entries(FACT_VOCABULARY[key].values ?? {}).map(([value, label]) => ({ value, label }));

/** How each fact is entered; its words (label, unit, hint, value labels) come from the shared vocabulary. */
const FACT_KINDS: { [K in CaseFactKey]: FactFieldKind & { only?: Relevance } } = {
  // Tumour
  primary_tumor: { kind: 'enum', options: PRIMARY_TUMORS.map((p: PrimaryTumor) => ({ value: p, label: PRIMARY_TUMOR_LABELS[p] })) },
  net_primary_site: { kind: 'enum', only: 'neuroendocrine', options: valuesOf('net_primary_site') },
  net_grade: { kind: 'enum', only: 'neuroendocrine', options: valuesOf('net_grade') },
  net_ki67_pct: { kind: 'num', only: 'neuroendocrine' },
  kras_status: { kind: 'enum', options: valuesOf('kras_status') },
  primary_sidedness: { kind: 'enum', options: valuesOf('primary_sidedness') },
  primary_resected: { kind: 'bool' },
  // Disease extent
  liver_dominant: { kind: 'bool' },
  bilobar: { kind: 'bool' },
  liver_replacement_pct: { kind: 'num' },
  lesion_count: { kind: 'int' },
  nodules: { kind: 'int', only: 'hcc' },
  largest_nodule_cm: { kind: 'num', only: 'hcc' },
  well_defined_nodules: { kind: 'bool', only: 'hcc' },
  selective_access: { kind: 'bool', only: 'hcc' },
  extrahepatic_disease: { kind: 'enum', options: valuesOf('extrahepatic_disease') },
  extrahepatic_sites: { kind: 'list', placeholder: 'e.g. lung, peritoneum, bone' },
  extrahepatic_progression: { kind: 'bool' },
  resectable_or_ablatable: { kind: 'bool' },
  portal_vein: { kind: 'enum', options: valuesOf('portal_vein') },
  biliary: { kind: 'enum', options: valuesOf('biliary') },
  bclc_stage: { kind: 'enum', only: 'hcc', options: valuesOf('bclc_stage') },
  // Treatment history
  line_of_therapy: { kind: 'enum', options: valuesOf('line_of_therapy') },
  prior_systemic_lines: { kind: 'int' },
  first_line_backbone: { kind: 'enum', options: valuesOf('first_line_backbone') },
  best_response_first_line: { kind: 'enum', options: valuesOf('best_response_first_line') },
  cumulative_oxaliplatin_neuropathy_grade: { kind: 'int' },
  prior_chemo_agents: { kind: 'list', placeholder: 'e.g. oxaliplatin, capecitabine' },
  prior_hepatotoxic_chemo: { kind: 'bool' },
  recent_chemo_not_safe_with_y90: { kind: 'bool' },
  prior_y90: { kind: 'bool' },
  prior_prrt: { kind: 'bool', only: 'neuroendocrine' },
  prior_liver_ebrt: { kind: 'bool' },
  on_ssa: { kind: 'bool', only: 'neuroendocrine' },
  progressing_on_ssa: { kind: 'bool', only: 'neuroendocrine' },
  // Performance status
  ecog: { kind: 'int' },
  age: { kind: 'int' },
  frail: { kind: 'bool' },
  expected_survival_months: { kind: 'num' },
  height_cm: { kind: 'num' },
  weight_kg: { kind: 'num' },
  // Liver function & labs
  bilirubin_mg_dl: { kind: 'lab', analyte: 'bilirubin' },
  bilirubin_reversible_cause: { kind: 'bool' },
  albumin_g_dl: { kind: 'lab', analyte: 'albumin' },
  inr: { kind: 'num' },
  creatinine_mg_dl: { kind: 'lab', analyte: 'creatinine' },
  sodium_mmol_l: { kind: 'num' },
  granulocytes_10e9_l: { kind: 'num' },
  ascites: { kind: 'enum', options: valuesOf('ascites') },
  encephalopathy: { kind: 'enum', options: valuesOf('encephalopathy') },
  cirrhosis: { kind: 'bool' },
  etiology: { kind: 'text', only: 'hcc' },
  varices_untreated_high_risk: { kind: 'bool' },
  coagulopathy_uncorrectable: { kind: 'bool' },
  // Y-90 work-up
  lung_shunt_fraction_pct: { kind: 'num' },
  hepatoenteric_shunt_uncorrectable: { kind: 'bool' },
  planned_device: { kind: 'enum', options: valuesOf('planned_device') },
  planned_activity_gbq: { kind: 'num' },
  prior_lung_dose_gy: { kind: 'num' },
  // NET features
  hormone_symptoms: { kind: 'bool' },
  bulk_symptoms: { kind: 'bool' },
  sstr_positive: { kind: 'bool' },
  lu177_candidate: { kind: 'bool' },
  // Added 2026-12. Surgical work-up
  resectable: { kind: 'bool' },
  ablatable: { kind: 'bool' },
  potentially_resectable: { kind: 'bool', only: 'colorectal' },
  future_liver_remnant_pct: { kind: 'num' },
  largest_lesion_cm: { kind: 'num' },
  node_positive_primary: { kind: 'bool', only: 'colorectal' },
  disease_free_interval_months: { kind: 'num', only: 'colorectal' },
  hai_program_available: { kind: 'bool', only: 'colorectal' },
  // HCC staging
  clinically_significant_portal_hypertension: { kind: 'bool' },
  macrovascular_invasion: { kind: 'bool' },
  total_tumour_diameter_cm: { kind: 'num' },
  prior_liver_transplant: { kind: 'bool' },
  transplant_ineligible: { kind: 'bool' },
  // Biomarkers
  afp_ng_ml: { kind: 'num', only: 'hcc' },
  cea_ng_ml: { kind: 'num', only: 'colorectal' },
  hla_a0201_positive: { kind: 'bool', only: 'uveal_melanoma' },
  autoimmune_disease: { kind: 'bool' },
  recent_gi_bleeding: { kind: 'bool' },
};

function field(key: CaseFactKey): FactField {
  const words = FACT_VOCABULARY[key];
  const kind = FACT_KINDS[key];
  const withUnit = (kind.kind === 'int' || kind.kind === 'num') && words.unit ? { ...kind, unit: words.unit } : kind;
  return { ...withUnit, label: words.label, ...(words.hint ? { hint: words.hint } : {}) };
}

export const FACT_FIELDS = Object.fromEntries(CASE_FACT_KEYS.map((k) => [k, field(k)])) as { [K in CaseFactKey]: FactField };

export interface FactGroup {
  id: string;
  title: string;
  only?: Relevance;
  keys: readonly CaseFactKey[];
}

export const FACT_GROUPS: readonly FactGroup[] = [
  { id: 'tumour', title: 'Tumour', keys: ['primary_tumor', 'net_primary_site', 'net_grade', 'net_ki67_pct', 'kras_status', 'primary_sidedness', 'primary_resected'] },
  {
    id: 'extent', title: 'Disease extent',
    keys: ['liver_dominant', 'bilobar', 'liver_replacement_pct', 'lesion_count', 'nodules', 'largest_nodule_cm', 'well_defined_nodules',
      'selective_access', 'extrahepatic_disease', 'extrahepatic_sites', 'extrahepatic_progression', 'resectable_or_ablatable',
      'portal_vein', 'biliary'],
  },
  {
    id: 'hcc-staging', title: 'HCC staging', only: 'hcc',
    keys: ['bclc_stage', 'clinically_significant_portal_hypertension', 'macrovascular_invasion', 'total_tumour_diameter_cm',
      'prior_liver_transplant', 'transplant_ineligible'],
  },
  {
    id: 'surgical', title: 'Surgical work-up',
    keys: ['resectable', 'ablatable', 'potentially_resectable', 'future_liver_remnant_pct', 'largest_lesion_cm', 'node_positive_primary',
      'disease_free_interval_months', 'hai_program_available'],
  },
  { id: 'biomarkers', title: 'Biomarkers', keys: ['afp_ng_ml', 'cea_ng_ml', 'hla_a0201_positive'] },
  {
    id: 'treatment', title: 'Treatment history',
    keys: ['line_of_therapy', 'prior_systemic_lines', 'first_line_backbone', 'best_response_first_line',
      'cumulative_oxaliplatin_neuropathy_grade', 'prior_chemo_agents', 'prior_hepatotoxic_chemo', 'prior_y90', 'prior_prrt',
      'prior_liver_ebrt', 'on_ssa', 'progressing_on_ssa', 'recent_chemo_not_safe_with_y90'],
  },
  { id: 'performance', title: 'Performance status', keys: ['ecog', 'age', 'frail', 'expected_survival_months', 'height_cm', 'weight_kg', 'autoimmune_disease'] },
  {
    id: 'liver', title: 'Liver function & labs',
    keys: ['bilirubin_mg_dl', 'albumin_g_dl', 'inr', 'creatinine_mg_dl', 'sodium_mmol_l', 'granulocytes_10e9_l', 'ascites',
      'encephalopathy', 'cirrhosis', 'etiology', 'varices_untreated_high_risk', 'recent_gi_bleeding', 'coagulopathy_uncorrectable',
      'bilirubin_reversible_cause'],
  },
  { id: 'y90', title: 'Y-90 work-up', keys: ['lung_shunt_fraction_pct', 'hepatoenteric_shunt_uncorrectable', 'planned_device', 'planned_activity_gbq', 'prior_lung_dose_gy'] },
  { id: 'net', title: 'NET features', only: 'neuroendocrine', keys: ['hormone_symptoms', 'bulk_symptoms', 'sstr_positive', 'lu177_candidate'] },
];

export const RELEVANCE_LABEL: Record<Relevance, string> = {
  neuroendocrine: 'neuroendocrine tumours', hcc: 'hepatocellular carcinoma', colorectal: 'colorectal cancer', uveal_melanoma: 'uveal melanoma',
};

/** The relevance that applies to a field: its own, or its group's. */
export function relevanceOf(key: CaseFactKey): Relevance | undefined {
  const own = FACT_FIELDS[key].only;
  if (own) return own;
  return FACT_GROUPS.find((g) => g.keys.includes(key))?.only;
}
