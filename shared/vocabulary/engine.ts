/**
 * Words a clinician reads for the evidence engine's vocabulary (CONTRACT.md "Words"): options, strengths, flags,
 * derived scores and the catalogue's evidence kinds. The screen, the presentation, the minutes, the letters and the
 * CLI all print these, so one option never carries two names. Records are typed over the engine's unions: a word
 * added to the engine without a label fails the type check.
 */
import type { EngineDerived, EvidenceKind, FlagWord, OptionWord, ProvenanceTag, Strength } from '../engine';
import { humanise } from './humanise';

export const OPTION_LABELS: Record<OptionWord, string> = {
  SYSTEMIC_STANDARD: 'Guideline systemic therapy for the current line',
  SYSTEMIC_MAINTENANCE: 'Maintenance systemic therapy',
  Y90_TARE: 'Y-90 radioembolization (resin or glass)',
  Y90_WITH_FIRST_LINE_CHEMO: 'Y-90 added to first-line chemotherapy',
  Y90_WITH_SECOND_LINE_CHEMO: 'Y-90 added to second-line chemotherapy',
  CTACE_LIPIODOL: 'Conventional chemoembolization (Lipiodol)',
  DEB_TACE: 'Drug-eluting bead chemoembolization',
  TACE_ANY: 'Chemoembolization (conventional or drug-eluting beads)',
  BLAND_TAE: 'Bland transarterial embolization',
  LU177_PRRT: '177Lu-dotatate PRRT',
  LIVER_DIRECTED_ANY: 'Any transarterial liver-directed therapy',
  TRIAL_OR_REGISTRY: 'Clinical trial or registry enrolment',
  BEST_SUPPORTIVE_CARE: 'Best supportive / palliative care',
  // Added 2026-12 (CONTRACT.md "Words").
  RESECTION: 'Surgical resection (curative intent)',
  ABLATION: 'Thermal ablation (RFA / MWA, curative intent)',
  SBRT: 'Stereotactic body radiotherapy (SBRT) to the liver',
  LIVER_TRANSPLANT_EVALUATION: 'Refer for liver-transplant assessment',
  PERIOPERATIVE_CHEMO: 'Perioperative chemotherapy (before and after resection)',
  CONVERSION_SYSTEMIC: 'Conversion systemic therapy (restage for resection)',
  HAI_PUMP: 'Hepatic arterial infusion pump chemotherapy',
  ATEZOLIZUMAB_BEVACIZUMAB: 'Atezolizumab + bevacizumab (first line)',
  DURVALUMAB_TREMELIMUMAB: 'Durvalumab + tremelimumab, STRIDE (first line)',
  LENVATINIB_OR_SORAFENIB: 'Lenvatinib or sorafenib (first-line TKI)',
  SECOND_LINE_HCC_SYSTEMIC: 'Second- or later-line HCC systemic therapy',
  TACE_PLUS_SYSTEMIC: 'Chemoembolization combined with systemic therapy',
  HEPATIC_PERFUSION: 'Hepatic perfusion with melphalan',
  TEBENTAFUSP: 'Tebentafusp (HLA-A*02:01 positive)',
};

export interface StrengthInfo { label: string; mark: string; description: string }

/** Text and a shape mark, so the strength never depends on colour alone. */
export const STRENGTH_INFO: Record<Strength, StrengthInfo> = {
  recommended: { label: 'Recommended', mark: '✓', description: 'the evidence supports this option' },
  consider: { label: 'Consider', mark: '○', description: 'a reasonable option for discussion' },
  not_recommended: { label: 'Not recommended', mark: '▽', description: 'the evidence speaks against this option' },
  contraindicated: { label: 'Contraindicated', mark: '✕', description: 'a safety gate rules this option out' },
};

export interface FlagInfo {
  title: string;
  /** The CONTRACT.md flag table's "raised when", as a sentence. */
  explanation: string;
  /** The safety gate (EVIDENCE.md 2.2) or rule row whose evidence backs the warning; null when the contract alone defines it. */
  source: string | null;
  severity: 'danger' | 'caution' | 'info';
}

export const FLAG_INFO: Record<FlagWord, FlagInfo> = {
  POOR_PERFORMANCE_STATUS: { title: 'Poor performance status', explanation: 'ECOG ≥ 3, or expected survival < 3 months.', source: 'S-PS', severity: 'danger' },
  Y90_BILIRUBIN_GT_2: { title: 'Bilirubin above 2 mg/dL', explanation: 'Bilirubin > 2 mg/dL and no reversible cause recorded (unknown counts as no reversible cause).', source: 'S-Y90-BILI', severity: 'danger' },
  Y90_LSF_GT_20: { title: 'Lung shunt above 20 %', explanation: 'Lung shunt fraction > 20 % (resin, or the device not yet chosen).', source: 'S-Y90-LSF-RESIN', severity: 'danger' },
  Y90_LSF_REDUCE_ACTIVITY: { title: 'Reduce the resin activity', explanation: 'Lung shunt fraction 10–20 % inclusive (resin, or the device not yet chosen): activity reduction applies.', source: 'S-Y90-LSF-RESIN', severity: 'caution' },
  Y90_LUNG_DOSE_GT_30: { title: 'Projected lung dose over the limit', explanation: 'Projected lung dose > 30 Gy (glass): 50 × planned activity (GBq) × LSF / 100 per 1 kg lung; or > 50 Gy with the prior lung dose added.', source: 'S-Y90-LUNGDOSE-GLASS', severity: 'danger' },
  Y90_GI_SHUNT: { title: 'Uncorrectable hepatoenteric flow', explanation: 'Uncorrectable hepatoenteric flow on mapping angiography.', source: 'S-Y90-GI', severity: 'danger' },
  Y90_TUMOUR_BURDEN_GT_70: { title: 'Tumour burden above 70 %', explanation: '> 70 % liver replacement with synthetic function not maintained (albumin < 3.0 g/dL or INR > 1.2; unknown counts as not maintained).', source: 'S-Y90-BURDEN', severity: 'danger' },
  Y90_PRIOR_LIVER_RT: { title: 'Prior liver radiotherapy', explanation: 'Prior radiotherapy to a significant liver volume.', source: 'S-Y90-PRIOR-RT', severity: 'danger' },
  CHILD_PUGH_B8_PLUS: { title: 'Child-Pugh B8 or worse', explanation: 'Child-Pugh score ≥ 8 (class C included).', source: 'S-TACE-LIVER', severity: 'danger' },
  CHILD_PUGH_C: { title: 'Child-Pugh C', explanation: 'Child-Pugh score ≥ 10.', source: 'S-CHILD-C', severity: 'danger' },
  ASCITES: { title: 'Ascites', explanation: 'Clinically evident ascites: mild or moderate to severe.', source: 'S-ASCITES', severity: 'caution' },
  TACE_PORTAL_VEIN: { title: 'Main portal vein compromised', explanation: 'Main portal vein occlusion, tumoural thrombus of the main trunk, or hepatofugal flow.', source: 'S-TACE-PORTAL', severity: 'danger' },
  TACE_BILIARY_RISK: { title: 'Biliary risk for embolization', explanation: 'Biliary stent, bilio-enteric anastomosis, sphincterotomy or obstruction.', source: 'S-TACE-BILIARY', severity: 'caution' },
  TACE_RENAL: { title: 'Renal function', explanation: 'Creatinine ≥ 2 mg/dL.', source: 'S-TACE-RENAL', severity: 'caution' },
  UNTREATED_VARICES: { title: 'Untreated high-risk varices', explanation: 'Untreated high-risk varices.', source: 'S-TACE-VARICES', severity: 'caution' },
  HIGH_RISK_HEPATOTOXICITY: { title: 'High risk of hepatotoxicity', explanation: 'NET with > 50 % liver replacement and/or prior hepatotoxic chemotherapy, bilobar.', source: 'R-NET-04', severity: 'caution' },
  REFER_SURGICAL_EVALUATION: { title: 'Refer for surgical evaluation', explanation: 'The disease is marked resectable or ablatable.', source: null, severity: 'info' },
  LIMITED_EVIDENCE: { title: 'Limited evidence', explanation: 'Primary tumour outside colorectal, neuroendocrine and hepatocellular carcinoma: the evidence for liver-directed therapy is limited.', source: 'R-OTH-01', severity: 'info' },
  // Added 2026-12.
  PRIOR_LIVER_TRANSPLANT: { title: 'Earlier liver transplant', explanation: 'The patient has had a liver transplant: checkpoint inhibitors risk graft rejection.', source: 'S-ICI-TRANSPLANT', severity: 'danger' },
  AUTOIMMUNE_DISEASE: { title: 'Autoimmune disease', explanation: 'Active or previously documented autoimmune disease: immune-related flare risk with checkpoint inhibitors.', source: 'S-ICI-AUTOIMMUNE', severity: 'caution' },
  RECENT_GI_BLEEDING: { title: 'Recent gastrointestinal bleeding', explanation: 'Variceal or other gastrointestinal bleeding within the last 6 months: bleeding risk with bevacizumab.', source: 'S-BEV-BLEED', severity: 'danger' },
  FLR_INSUFFICIENT: { title: 'Future liver remnant too small', explanation: 'Planned future liver remnant below 20 % (30 % after hepatotoxic chemotherapy, 40 % with cirrhosis; unknown cirrhosis or chemotherapy counts as present).', source: 'S-RESECT-FLR', severity: 'danger' },
  BCLC_STAGE_MISMATCH: { title: 'BCLC stage differs from the inputs', explanation: 'The entered BCLC stage differs from the stage derived from liver function, performance status, vascular invasion, spread and nodules; the entered stage is used.', source: null, severity: 'caution' },
};

export interface DerivedInfo { key: keyof EngineDerived; label: string; unit: string; /** The published source of the score. */ source: string }

/** Where each derived score comes from (EVIDENCE.md 3.1–3.4, 3.12–3.15), as a reader cites it. */
export const DERIVED_SOURCES = {
  child_pugh: 'Pugh RNH et al. Br J Surg 1973',
  albi: 'Johnson PJ et al. J Clin Oncol 2015',
  meld: 'Kamath PS et al. Hepatology 2001',
  meld_na: 'Kim WR et al. N Engl J Med 2008',
  bsa: 'Mosteller RD. N Engl J Med 1987',
  bclc: 'BCLC 2022, Reig M et al. J Hepatol 2022 (stage rules encoded by the product)',
  milan: 'Mazzaferro V et al. N Engl J Med 1996',
  ucsf: 'Yao FY et al. Hepatology 2001',
  up_to_seven: 'Mazzaferro V et al. Lancet Oncol 2009',
  fong: 'Fong Y et al. Ann Surg 1999',
  flr: 'thresholds 20/30/40 %, see Li D, Madoff DC. Cancer Biol Med 2016',
} as const;

/** The engine's derived scores, in the order a clinician reads them. */
export const DERIVED_ROWS: readonly DerivedInfo[] = [
  { key: 'child_pugh_score', label: 'Child-Pugh score', unit: 'points (5–15)', source: DERIVED_SOURCES.child_pugh },
  { key: 'child_pugh_class', label: 'Child-Pugh class', unit: '', source: DERIVED_SOURCES.child_pugh },
  { key: 'albi_score', label: 'ALBI score', unit: '', source: DERIVED_SOURCES.albi },
  { key: 'albi_grade', label: 'ALBI grade', unit: '', source: DERIVED_SOURCES.albi },
  { key: 'meld', label: 'MELD', unit: 'points (6–40)', source: DERIVED_SOURCES.meld },
  { key: 'meld_na', label: 'MELD-Na', unit: 'points (6–40)', source: DERIVED_SOURCES.meld_na },
  { key: 'bsa_m2', label: 'Body surface area (Mosteller)', unit: 'm²', source: DERIVED_SOURCES.bsa },
  // Added 2026-12 (EVIDENCE.md 3.12–3.15).
  { key: 'bclc_stage_derived', label: 'BCLC stage (derived)', unit: '', source: DERIVED_SOURCES.bclc },
  { key: 'milan', label: 'Milan criteria', unit: '', source: DERIVED_SOURCES.milan },
  { key: 'ucsf', label: 'UCSF criteria', unit: '', source: DERIVED_SOURCES.ucsf },
  { key: 'up_to_seven', label: 'Up-to-seven criteria', unit: '', source: DERIVED_SOURCES.up_to_seven },
  { key: 'fong_score', label: 'Fong clinical risk score', unit: 'points (0–5)', source: DERIVED_SOURCES.fong },
  { key: 'flr_threshold_pct', label: 'Future-liver-remnant threshold', unit: '%', source: DERIVED_SOURCES.flr },
];

export const PROVENANCE_INFO: Record<ProvenanceTag, string> = {
  V: 'verified against a primary source',
  V2: 'from a secondary source only',
  K: 'background knowledge, not verified',
  S: 'as stated in the source review article',
  NF: 'searched for and not found',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  review: 'Review', rct: 'Randomised trial', meta_analysis: 'Meta-analysis', cohort: 'Cohort', registry: 'Registry',
  guideline: 'Guideline', standard: 'Standard', device: 'Device', opinion: 'Opinion',
};

const has = <T extends object>(record: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(record, key);

/**
 * Label of a word that may come from stored data (an engine snapshot written by another engine version): the
 * vocabulary's label when it knows the word, otherwise the word made readable, never the raw code.
 */
export const optionLabel = (word: string): string => (has(OPTION_LABELS, word) ? OPTION_LABELS[word] : humanise(word));
export const strengthLabel = (word: string): string => (has(STRENGTH_INFO, word) ? STRENGTH_INFO[word].label : humanise(word));
export const flagLabel = (word: string): string => (has(FLAG_INFO, word) ? FLAG_INFO[word].title : humanise(word));
