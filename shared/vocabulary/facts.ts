/**
 * Every clinical fact of the contract (shared/facts/facts.ts) as the case form labels it: the label, its unit, a
 * hint, and the words for its values. The form, the evidence panel's to-do list, the minutes ("facts the engine
 * lacked"), the CSV mapping and error messages name a fact this way, never by its key.
 */
import type { CaseFactKey } from '../facts/facts';
import { PRIMARY_TUMOR_LABELS } from './case';
import { humanise } from './humanise';

export interface FactWords {
  label: string;
  unit?: string;
  hint?: string;
  /** Labels of the values of an enumerated fact, in the order the form offers them. */
  values?: Readonly<Record<string, string>>;
}

export const FACT_VOCABULARY: { readonly [K in CaseFactKey]: FactWords } = {
  // Tumour
  primary_tumor: { label: 'Primary tumour', values: PRIMARY_TUMOR_LABELS },
  net_primary_site: { label: 'NET primary site', values: { midgut_ileum: 'Midgut / ileum', pancreas: 'Pancreas', lung: 'Lung', other: 'Other', unknown: 'Unknown primary site' } },
  net_grade: { label: 'NET grade', values: { G1: 'G1', G2: 'G2', G3: 'G3' } },
  net_ki67_pct: { label: 'Ki-67', unit: '%' },
  kras_status: { label: 'KRAS status', values: { wild_type: 'Wild type', mutant: 'Mutant', unknown: 'Not tested / unknown' } },
  primary_sidedness: { label: 'Primary sidedness', hint: 'colorectal', values: { left: 'Left', right: 'Right' } },
  primary_resected: { label: 'Primary resected' },
  // Disease extent
  liver_dominant: { label: 'Liver-dominant disease', hint: 'the liver drives prognosis' },
  bilobar: { label: 'Bilobar disease' },
  liver_replacement_pct: { label: 'Liver replaced by tumour', unit: '%' },
  lesion_count: { label: 'Number of liver lesions' },
  nodules: { label: 'Number of nodules' },
  largest_nodule_cm: { label: 'Largest nodule', unit: 'cm' },
  well_defined_nodules: { label: 'Well-defined nodules' },
  selective_access: { label: 'Selective arterial access', hint: 'TACE suitability' },
  extrahepatic_disease: { label: 'Extrahepatic disease', values: { none: 'None', limited: 'Limited', dominant: 'Dominant' } },
  extrahepatic_sites: { label: 'Extrahepatic sites' },
  extrahepatic_progression: { label: 'Extrahepatic progression', hint: 'new or growing disease outside the liver' },
  resectable_or_ablatable: { label: 'Resectable or ablatable' },
  portal_vein: { label: 'Portal vein', values: { patent: 'Patent', branch_thrombus: 'Branch thrombus', tumoral_thrombus_main: 'Tumoural thrombus, main trunk', bland_occlusion_main: 'Bland occlusion, main trunk', hepatofugal_flow: 'Hepatofugal flow' } },
  biliary: { label: 'Biliary tree', values: { normal: 'Normal', stent: 'Biliary stent', bilioenteric_anastomosis: 'Bilio-enteric anastomosis', sphincterotomy: 'Sphincterotomy', obstruction: 'Obstruction' } },
  bclc_stage: { label: 'BCLC stage', values: { 0: '0 (very early)', A: 'A (early)', B: 'B (intermediate)', C: 'C (advanced)', D: 'D (terminal)' } },
  // Treatment history
  line_of_therapy: { label: 'Line of therapy', values: { chemo_naive: 'Chemo-naive', consolidation_after_first_line: 'Consolidation after first line', second_line: 'Second line', salvage_after_2_lines: 'Salvage after 2 lines', post_prrt: 'After PRRT', not_applicable: 'Not applicable' } },
  prior_systemic_lines: { label: 'Prior systemic lines' },
  first_line_backbone: { label: 'First-line backbone', values: { oxaliplatin: 'Oxaliplatin', irinotecan: 'Irinotecan', other: 'Other' } },
  best_response_first_line: { label: 'Best response to first line', values: { complete_response: 'Complete response', partial_response: 'Partial response', stable_disease: 'Stable disease', progressive_disease: 'Progressive disease' } },
  cumulative_oxaliplatin_neuropathy_grade: { label: 'Oxaliplatin neuropathy grade', hint: 'CTCAE 0–4' },
  prior_chemo_agents: { label: 'Prior chemotherapy agents' },
  prior_hepatotoxic_chemo: { label: 'Prior hepatotoxic chemotherapy' },
  recent_chemo_not_safe_with_y90: { label: 'Chemo in last 4 weeks not known safe with Y-90' },
  prior_y90: { label: 'Prior Y-90' },
  prior_prrt: { label: 'Prior PRRT' },
  prior_liver_ebrt: { label: 'Prior external radiotherapy to the liver', hint: 'significant liver volume' },
  on_ssa: { label: 'On a somatostatin analogue' },
  progressing_on_ssa: { label: 'Progressing on somatostatin analogue' },
  // Performance status
  ecog: { label: 'ECOG performance status', hint: '0–4' },
  age: { label: 'Age', unit: 'years' },
  frail: { label: 'Frail' },
  expected_survival_months: { label: 'Expected survival', unit: 'months' },
  height_cm: { label: 'Height', unit: 'cm' },
  weight_kg: { label: 'Weight', unit: 'kg' },
  // Liver function & labs
  bilirubin_mg_dl: { label: 'Total bilirubin' },
  bilirubin_reversible_cause: { label: 'Reversible cause of raised bilirubin', hint: 'e.g. obstruction that can be relieved' },
  albumin_g_dl: { label: 'Albumin' },
  inr: { label: 'INR' },
  creatinine_mg_dl: { label: 'Creatinine' },
  sodium_mmol_l: { label: 'Sodium', unit: 'mmol/L' },
  granulocytes_10e9_l: { label: 'Granulocytes', unit: '× 10⁹/L' },
  ascites: { label: 'Ascites', values: { none: 'None', mild: 'Mild', moderate_severe: 'Moderate to severe' } },
  encephalopathy: { label: 'Hepatic encephalopathy', values: { none: 'None', grade1_2: 'Grade 1–2', grade3_4: 'Grade 3–4' } },
  cirrhosis: { label: 'Cirrhosis' },
  etiology: { label: 'Liver disease aetiology', hint: 'e.g. HCV, HBV, alcohol, MASLD' },
  varices_untreated_high_risk: { label: 'Untreated high-risk varices' },
  coagulopathy_uncorrectable: { label: 'Uncorrectable coagulopathy' },
  // Y-90 work-up
  lung_shunt_fraction_pct: { label: 'Lung shunt fraction', unit: '%', hint: 'from 99mTc-MAA' },
  hepatoenteric_shunt_uncorrectable: { label: 'Uncorrectable hepatoenteric shunt', hint: 'from mapping angiography' },
  planned_device: { label: 'Planned device', values: { resin: 'Resin microspheres', glass: 'Glass microspheres' } },
  planned_activity_gbq: { label: 'Planned activity', unit: 'GBq' },
  prior_lung_dose_gy: { label: 'Prior cumulative lung dose', unit: 'Gy' },
  // NET features
  hormone_symptoms: { label: 'Hormone (functional) symptoms' },
  bulk_symptoms: { label: 'Bulk symptoms' },
  sstr_positive: { label: 'Somatostatin-receptor imaging positive' },
  lu177_candidate: { label: '177Lu-PRRT candidate (now or later)' },
  // Added 2026-12. Surgical work-up
  resectable: { label: 'Resectable (R0 of all liver disease)', hint: 'board judgement; the remnant is judged separately' },
  ablatable: { label: 'Ablatable (all lesions, with margin)', hint: 'board judgement' },
  potentially_resectable: { label: 'Potentially resectable after response', hint: 'conversion intent' },
  future_liver_remnant_pct: { label: 'Future liver remnant', unit: '%', hint: 'of total functional liver volume' },
  largest_lesion_cm: { label: 'Largest liver lesion', unit: 'cm', hint: 'liver metastases' },
  node_positive_primary: { label: 'Node-positive primary', hint: 'colorectal' },
  disease_free_interval_months: { label: 'Disease-free interval', unit: 'months', hint: 'primary to liver metastases; 0 = synchronous' },
  hai_program_available: { label: 'Hepatic arterial infusion programme available' },
  // HCC staging
  clinically_significant_portal_hypertension: { label: 'Clinically significant portal hypertension', hint: 'HVPG ≥ 10 mmHg, varices, or splenomegaly with platelets < 100 × 10⁹/L' },
  macrovascular_invasion: { label: 'Macrovascular invasion', hint: 'tumour in portal or hepatic vein branches on imaging' },
  total_tumour_diameter_cm: { label: 'Total tumour diameter', unit: 'cm', hint: 'sum of the nodules\' largest diameters' },
  prior_liver_transplant: { label: 'Earlier liver transplant' },
  transplant_ineligible: { label: 'Known contraindication to liver transplant', hint: 'medical, psychosocial or age' },
  // Biomarkers
  afp_ng_ml: { label: 'Alpha-fetoprotein (AFP)', unit: 'ng/mL' },
  cea_ng_ml: { label: 'CEA', unit: 'ng/mL' },
  hla_a0201_positive: { label: 'HLA-A*02:01 positive', hint: 'uveal melanoma' },
  // Comorbidity relevant to systemic therapy
  autoimmune_disease: { label: 'Autoimmune disease', hint: 'active or previously documented' },
  recent_gi_bleeding: { label: 'Gastrointestinal bleeding in the last 6 months', hint: 'variceal or other' },
};

/** A fact key as its form label (`ecog` → "ECOG performance status"); an unknown word made readable. */
export function factLabel(key: string): string {
  return Object.hasOwn(FACT_VOCABULARY, key) ? FACT_VOCABULARY[key as CaseFactKey].label : humanise(key);
}

/** A fact's value as a clinician reads it: the value's label, yes/no, the number with its unit. */
export function factValueLabel(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const words = Object.hasOwn(FACT_VOCABULARY, key) ? FACT_VOCABULARY[key as CaseFactKey] : undefined;
  if (typeof value === 'number') return words?.unit ? `${value} ${words.unit}` : String(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  const text = String(value);
  return words?.values && Object.hasOwn(words.values, text) ? (words.values[text] ?? text) : text;
}
