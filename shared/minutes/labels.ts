/** Display words for the engine's vocabulary, as the minutes print them (unknown words are shown as they are). */
import type { EngineDerived } from '../engine/schema';

export const OPTION_LABELS: Readonly<Record<string, string>> = {
  SYSTEMIC_STANDARD: 'Standard systemic therapy',
  SYSTEMIC_MAINTENANCE: 'Systemic maintenance therapy',
  Y90_TARE: 'Y-90 radioembolisation (TARE)',
  Y90_WITH_FIRST_LINE_CHEMO: 'Y-90 with first-line chemotherapy',
  Y90_WITH_SECOND_LINE_CHEMO: 'Y-90 with second-line chemotherapy',
  CTACE_LIPIODOL: 'Conventional TACE (Lipiodol)',
  DEB_TACE: 'Drug-eluting bead TACE',
  TACE_ANY: 'TACE (any technique)',
  BLAND_TAE: 'Bland embolisation (TAE)',
  LU177_PRRT: 'Lu-177 PRRT',
  LIVER_DIRECTED_ANY: 'Liver-directed therapy (any)',
  TRIAL_OR_REGISTRY: 'Clinical trial or registry',
  BEST_SUPPORTIVE_CARE: 'Best supportive care',
};

export const STRENGTH_LABELS: Readonly<Record<string, string>> = {
  recommended: 'Recommended',
  consider: 'Consider',
  not_recommended: 'Not recommended',
  contraindicated: 'Contraindicated',
};

export const FLAG_LABELS: Readonly<Record<string, string>> = {
  POOR_PERFORMANCE_STATUS: 'Poor performance status',
  Y90_BILIRUBIN_GT_2: 'Bilirubin > 2 mg/dL (Y-90)',
  Y90_LSF_GT_20: 'Lung shunt fraction > 20 %',
  Y90_LSF_REDUCE_ACTIVITY: 'Lung shunt: reduce Y-90 activity',
  Y90_LUNG_DOSE_GT_30: 'Lung dose > 30 Gy',
  Y90_GI_SHUNT: 'Uncorrectable hepato-enteric shunt',
  Y90_TUMOUR_BURDEN_GT_70: 'Tumour burden > 70 % of liver',
  Y90_PRIOR_LIVER_RT: 'Prior liver radiotherapy',
  CHILD_PUGH_B8_PLUS: 'Child-Pugh B8 or worse',
  CHILD_PUGH_C: 'Child-Pugh C',
  ASCITES: 'Ascites',
  TACE_PORTAL_VEIN: 'Portal vein thrombosis / occlusion (TACE)',
  TACE_BILIARY_RISK: 'Biliary risk (TACE)',
  TACE_RENAL: 'Renal impairment (TACE)',
  UNTREATED_VARICES: 'Untreated high-risk varices',
  HIGH_RISK_HEPATOTOXICITY: 'High risk of hepatotoxicity',
  REFER_SURGICAL_EVALUATION: 'Refer for surgical evaluation',
  LIMITED_EVIDENCE: 'Limited evidence',
};

export const optionLabel = (word: string): string => OPTION_LABELS[word] ?? word;
export const strengthLabel = (word: string): string => STRENGTH_LABELS[word] ?? word;
export const flagLabel = (word: string): string => FLAG_LABELS[word] ?? word;

/** The derived scores as the minutes list them; scores that could not be computed are left out. */
export function derivedRows(d: EngineDerived): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  if (d.child_pugh_class !== null && d.child_pugh_score !== null) rows.push({ label: 'Child-Pugh', value: `${d.child_pugh_class} (${d.child_pugh_score})` });
  if (d.albi_score !== null && d.albi_grade !== null) rows.push({ label: 'ALBI', value: `grade ${d.albi_grade} (${d.albi_score.toFixed(2)})` });
  if (d.meld !== null) rows.push({ label: 'MELD', value: String(d.meld) });
  if (d.meld_na !== null) rows.push({ label: 'MELD-Na', value: String(d.meld_na) });
  if (d.bsa_m2 !== null) rows.push({ label: 'BSA', value: `${d.bsa_m2.toFixed(2)} m²` });
  return rows;
}
