/**
 * How each clinical fact of shared/domain/facts.ts is entered, and how the facts are grouped the way a
 * clinician reads a case. `FACT_FIELDS` is a Record over every fact key, so a fact added to the contract
 * without a field here fails the type check; a test checks every fact sits in exactly one group.
 */
import type { CaseFactKey, PrimaryTumor } from '../../shared/domain/facts';
import { PRIMARY_TUMORS } from '../../shared/domain/facts';
import { PRIMARY_TUMOR_LABELS } from '../../shared/domain/labels';
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
export type Relevance = 'neuroendocrine' | 'hcc';

export type FactField = FactFieldKind & { label: string; hint?: string; only?: Relevance };

const choices = (pairs: Record<string, string>): Choice[] => Object.entries(pairs).map(([value, label]) => ({ value, label }));

export const FACT_FIELDS: { [K in CaseFactKey]: FactField } = {
  // Tumour
  primary_tumor: { label: 'Primary tumour', kind: 'enum', options: PRIMARY_TUMORS.map((p: PrimaryTumor) => ({ value: p, label: PRIMARY_TUMOR_LABELS[p] })) },
  net_primary_site: { label: 'NET primary site', kind: 'enum', only: 'neuroendocrine', options: choices({ midgut_ileum: 'Midgut / ileum', pancreas: 'Pancreas', lung: 'Lung', other: 'Other', unknown: 'Unknown primary site' }) },
  net_grade: { label: 'NET grade', kind: 'enum', only: 'neuroendocrine', options: choices({ G1: 'G1', G2: 'G2', G3: 'G3' }) },
  net_ki67_pct: { label: 'Ki-67', kind: 'num', unit: '%', only: 'neuroendocrine' },
  kras_status: { label: 'KRAS status', kind: 'enum', options: choices({ wild_type: 'Wild type', mutant: 'Mutant', unknown: 'Not tested / unknown' }) },
  primary_sidedness: { label: 'Primary sidedness', kind: 'enum', hint: 'colorectal', options: choices({ left: 'Left', right: 'Right' }) },
  primary_resected: { label: 'Primary resected', kind: 'bool' },
  // Disease extent
  liver_dominant: { label: 'Liver-dominant disease', kind: 'bool', hint: 'the liver drives prognosis' },
  bilobar: { label: 'Bilobar disease', kind: 'bool' },
  liver_replacement_pct: { label: 'Liver replaced by tumour', kind: 'num', unit: '%' },
  lesion_count: { label: 'Number of liver lesions', kind: 'int' },
  nodules: { label: 'Number of nodules', kind: 'int', only: 'hcc' },
  largest_nodule_cm: { label: 'Largest nodule', kind: 'num', unit: 'cm', only: 'hcc' },
  well_defined_nodules: { label: 'Well-defined nodules', kind: 'bool', only: 'hcc' },
  selective_access: { label: 'Selective arterial access', kind: 'bool', only: 'hcc', hint: 'TACE suitability' },
  extrahepatic_disease: { label: 'Extrahepatic disease', kind: 'enum', options: choices({ none: 'None', limited: 'Limited', dominant: 'Dominant' }) },
  extrahepatic_sites: { label: 'Extrahepatic sites', kind: 'list', placeholder: 'e.g. lung, peritoneum, bone' },
  extrahepatic_progression: { label: 'Extrahepatic progression', kind: 'bool', hint: 'new or growing disease outside the liver' },
  resectable_or_ablatable: { label: 'Resectable or ablatable', kind: 'bool' },
  portal_vein: { label: 'Portal vein', kind: 'enum', options: choices({ patent: 'Patent', branch_thrombus: 'Branch thrombus', tumoral_thrombus_main: 'Tumoural thrombus, main trunk', bland_occlusion_main: 'Bland occlusion, main trunk', hepatofugal_flow: 'Hepatofugal flow' }) },
  biliary: { label: 'Biliary tree', kind: 'enum', options: choices({ normal: 'Normal', stent: 'Biliary stent', bilioenteric_anastomosis: 'Bilio-enteric anastomosis', sphincterotomy: 'Sphincterotomy', obstruction: 'Obstruction' }) },
  bclc_stage: { label: 'BCLC stage', kind: 'enum', only: 'hcc', options: choices({ 0: '0 (very early)', A: 'A (early)', B: 'B (intermediate)', C: 'C (advanced)', D: 'D (terminal)' }) },
  // Treatment history
  line_of_therapy: { label: 'Line of therapy', kind: 'enum', options: choices({ chemo_naive: 'Chemo-naive', consolidation_after_first_line: 'Consolidation after first line', second_line: 'Second line', salvage_after_2_lines: 'Salvage after 2 lines', post_prrt: 'After PRRT', not_applicable: 'Not applicable' }) },
  prior_systemic_lines: { label: 'Prior systemic lines', kind: 'int' },
  first_line_backbone: { label: 'First-line backbone', kind: 'enum', options: choices({ oxaliplatin: 'Oxaliplatin', irinotecan: 'Irinotecan', other: 'Other' }) },
  best_response_first_line: { label: 'Best response to first line', kind: 'enum', options: choices({ complete_response: 'Complete response', partial_response: 'Partial response', stable_disease: 'Stable disease', progressive_disease: 'Progressive disease' }) },
  cumulative_oxaliplatin_neuropathy_grade: { label: 'Oxaliplatin neuropathy grade', kind: 'int', hint: 'CTCAE 0–4' },
  prior_chemo_agents: { label: 'Prior chemotherapy agents', kind: 'list', placeholder: 'e.g. oxaliplatin, capecitabine' },
  prior_hepatotoxic_chemo: { label: 'Prior hepatotoxic chemotherapy', kind: 'bool' },
  recent_chemo_not_safe_with_y90: { label: 'Chemo in last 4 weeks not known safe with Y-90', kind: 'bool' },
  prior_y90: { label: 'Prior Y-90', kind: 'bool' },
  prior_prrt: { label: 'Prior PRRT', kind: 'bool', only: 'neuroendocrine' },
  prior_liver_ebrt: { label: 'Prior external radiotherapy to the liver', kind: 'bool', hint: 'significant liver volume' },
  on_ssa: { label: 'On a somatostatin analogue', kind: 'bool', only: 'neuroendocrine' },
  progressing_on_ssa: { label: 'Progressing on somatostatin analogue', kind: 'bool', only: 'neuroendocrine' },
  // Performance status
  ecog: { label: 'ECOG performance status', kind: 'int', hint: '0–4' },
  age: { label: 'Age', kind: 'int', unit: 'years' },
  frail: { label: 'Frail', kind: 'bool' },
  expected_survival_months: { label: 'Expected survival', kind: 'num', unit: 'months' },
  height_cm: { label: 'Height', kind: 'num', unit: 'cm' },
  weight_kg: { label: 'Weight', kind: 'num', unit: 'kg' },
  // Liver function & labs
  bilirubin_mg_dl: { label: 'Total bilirubin', kind: 'lab', analyte: 'bilirubin' },
  bilirubin_reversible_cause: { label: 'Reversible cause of raised bilirubin', kind: 'bool', hint: 'e.g. obstruction that can be relieved' },
  albumin_g_dl: { label: 'Albumin', kind: 'lab', analyte: 'albumin' },
  inr: { label: 'INR', kind: 'num' },
  creatinine_mg_dl: { label: 'Creatinine', kind: 'lab', analyte: 'creatinine' },
  sodium_mmol_l: { label: 'Sodium', kind: 'num', unit: 'mmol/L' },
  granulocytes_10e9_l: { label: 'Granulocytes', kind: 'num', unit: '× 10⁹/L' },
  ascites: { label: 'Ascites', kind: 'enum', options: choices({ none: 'None', mild: 'Mild', moderate_severe: 'Moderate to severe' }) },
  encephalopathy: { label: 'Hepatic encephalopathy', kind: 'enum', options: choices({ none: 'None', grade1_2: 'Grade 1–2', grade3_4: 'Grade 3–4' }) },
  cirrhosis: { label: 'Cirrhosis', kind: 'bool' },
  etiology: { label: 'Liver disease aetiology', kind: 'text', only: 'hcc', hint: 'e.g. HCV, HBV, alcohol, MASLD' },
  varices_untreated_high_risk: { label: 'Untreated high-risk varices', kind: 'bool' },
  coagulopathy_uncorrectable: { label: 'Uncorrectable coagulopathy', kind: 'bool' },
  // Y-90 work-up
  lung_shunt_fraction_pct: { label: 'Lung shunt fraction', kind: 'num', unit: '%', hint: 'from 99mTc-MAA' },
  hepatoenteric_shunt_uncorrectable: { label: 'Uncorrectable hepatoenteric shunt', kind: 'bool', hint: 'from mapping angiography' },
  planned_device: { label: 'Planned device', kind: 'enum', options: choices({ resin: 'Resin microspheres', glass: 'Glass microspheres' }) },
  planned_activity_gbq: { label: 'Planned activity', kind: 'num', unit: 'GBq' },
  prior_lung_dose_gy: { label: 'Prior cumulative lung dose', kind: 'num', unit: 'Gy' },
  // NET features
  hormone_symptoms: { label: 'Hormone (functional) symptoms', kind: 'bool' },
  bulk_symptoms: { label: 'Bulk symptoms', kind: 'bool' },
  sstr_positive: { label: 'Somatostatin-receptor imaging positive', kind: 'bool' },
  lu177_candidate: { label: '177Lu-PRRT candidate (now or later)', kind: 'bool' },
};

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
      'portal_vein', 'biliary', 'bclc_stage'],
  },
  {
    id: 'treatment', title: 'Treatment history',
    keys: ['line_of_therapy', 'prior_systemic_lines', 'first_line_backbone', 'best_response_first_line',
      'cumulative_oxaliplatin_neuropathy_grade', 'prior_chemo_agents', 'prior_hepatotoxic_chemo', 'prior_y90', 'prior_prrt',
      'prior_liver_ebrt', 'on_ssa', 'progressing_on_ssa', 'recent_chemo_not_safe_with_y90'],
  },
  { id: 'performance', title: 'Performance status', keys: ['ecog', 'age', 'frail', 'expected_survival_months', 'height_cm', 'weight_kg'] },
  {
    id: 'liver', title: 'Liver function & labs',
    keys: ['bilirubin_mg_dl', 'albumin_g_dl', 'inr', 'creatinine_mg_dl', 'sodium_mmol_l', 'granulocytes_10e9_l', 'ascites',
      'encephalopathy', 'cirrhosis', 'etiology', 'varices_untreated_high_risk', 'coagulopathy_uncorrectable', 'bilirubin_reversible_cause'],
  },
  { id: 'y90', title: 'Y-90 work-up', keys: ['lung_shunt_fraction_pct', 'hepatoenteric_shunt_uncorrectable', 'planned_device', 'planned_activity_gbq', 'prior_lung_dose_gy'] },
  { id: 'net', title: 'NET features', only: 'neuroendocrine', keys: ['hormone_symptoms', 'bulk_symptoms', 'sstr_positive', 'lu177_candidate'] },
];

export const RELEVANCE_LABEL: Record<Relevance, string> = { neuroendocrine: 'neuroendocrine tumours', hcc: 'hepatocellular carcinoma' };

/** The relevance that applies to a field: its own, or its group's. */
export function relevanceOf(key: CaseFactKey): Relevance | undefined {
  const own = FACT_FIELDS[key].only;
  if (own) return own;
  return FACT_GROUPS.find((g) => g.keys.includes(key))?.only;
}
