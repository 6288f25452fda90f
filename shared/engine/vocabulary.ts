/**
 * The engine's fixed words (../shared/clinical/CONTRACT.md "Words"). Add only; never rename or repurpose.
 */
import { z } from 'zod';

/** Most to least favourable. The index is the rank used to combine strengths (higher = less favourable). */
export const STRENGTHS = ['recommended', 'consider', 'not_recommended', 'contraindicated'] as const;
export type Strength = (typeof STRENGTHS)[number];
export const strengthSchema = z.enum(STRENGTHS);

/** Contract order; also the tie-break order when two options have the same strength. */
export const OPTION_WORDS = [
  'SYSTEMIC_STANDARD', 'SYSTEMIC_MAINTENANCE', 'Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO', 'Y90_WITH_SECOND_LINE_CHEMO',
  'CTACE_LIPIODOL', 'DEB_TACE', 'TACE_ANY', 'BLAND_TAE', 'LU177_PRRT', 'LIVER_DIRECTED_ANY', 'TRIAL_OR_REGISTRY',
  'BEST_SUPPORTIVE_CARE',
  // Added 2026-12.
  'RESECTION', 'ABLATION', 'SBRT', 'LIVER_TRANSPLANT_EVALUATION', 'PERIOPERATIVE_CHEMO', 'CONVERSION_SYSTEMIC', 'HAI_PUMP',
  'ATEZOLIZUMAB_BEVACIZUMAB', 'DURVALUMAB_TREMELIMUMAB', 'LENVATINIB_OR_SORAFENIB', 'SECOND_LINE_HCC_SYSTEMIC',
  'TACE_PLUS_SYSTEMIC', 'HEPATIC_PERFUSION', 'TEBENTAFUSP',
] as const;
export type OptionWord = (typeof OPTION_WORDS)[number];
export const optionWordSchema = z.enum(OPTION_WORDS);

export const FLAG_WORDS = [
  'POOR_PERFORMANCE_STATUS', 'Y90_BILIRUBIN_GT_2', 'Y90_LSF_GT_20', 'Y90_LSF_REDUCE_ACTIVITY', 'Y90_LUNG_DOSE_GT_30',
  'Y90_GI_SHUNT', 'Y90_TUMOUR_BURDEN_GT_70', 'Y90_PRIOR_LIVER_RT', 'CHILD_PUGH_B8_PLUS', 'CHILD_PUGH_C', 'ASCITES',
  'TACE_PORTAL_VEIN', 'TACE_BILIARY_RISK', 'TACE_RENAL', 'UNTREATED_VARICES', 'HIGH_RISK_HEPATOTOXICITY',
  'REFER_SURGICAL_EVALUATION', 'LIMITED_EVIDENCE',
  // Added 2026-12.
  'PRIOR_LIVER_TRANSPLANT', 'AUTOIMMUNE_DISEASE', 'RECENT_GI_BLEEDING', 'FLR_INSUFFICIENT', 'BCLC_STAGE_MISMATCH',
] as const;
export type FlagWord = (typeof FLAG_WORDS)[number];
export const flagWordSchema = z.enum(FLAG_WORDS);

/** Option families of EVIDENCE.md 2.1 "Precedence and defaults" point 4. */
export const Y90_FAMILY = ['Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO', 'Y90_WITH_SECOND_LINE_CHEMO'] as const satisfies readonly OptionWord[];
export const TACE_FAMILY = ['TACE_ANY', 'CTACE_LIPIODOL', 'DEB_TACE'] as const satisfies readonly OptionWord[];
export const TAE_FAMILY = ['BLAND_TAE'] as const satisfies readonly OptionWord[];
/** "transarterial" = "liver-directed" = Y-90 + TACE + TAE + LIVER_DIRECTED_ANY, as a row lists it (R-CRC-06). */
export const TRANSARTERIAL_FAMILY = [...Y90_FAMILY, ...TACE_FAMILY, ...TAE_FAMILY, 'LIVER_DIRECTED_ANY'] as const satisfies readonly OptionWord[];

/**
 * Families as GATES read them (2.1 point 10, added 2026-12): TACE_PLUS_SYSTEMIC belongs to the TACE family, hence
 * to "transarterial", for every gate; a row that lists a whole family does not add it (so the row lists above
 * stay without it).
 */
export const TACE_GATE_FAMILY = [...TACE_FAMILY, 'TACE_PLUS_SYSTEMIC'] as const satisfies readonly OptionWord[];
export const TRANSARTERIAL_GATE_FAMILY = [...TRANSARTERIAL_FAMILY, 'TACE_PLUS_SYSTEMIC'] as const satisfies readonly OptionWord[];
/** "ICI" (2.1 point 10). */
export const ICI_FAMILY = ['ATEZOLIZUMAB_BEVACIZUMAB', 'DURVALUMAB_TREMELIMUMAB', 'TACE_PLUS_SYSTEMIC'] as const satisfies readonly OptionWord[];
/** "Bevacizumab/VEGF-containing" (2.1 point 10; the product gates LEAP-012's lenvatinib design too). */
export const BEV_FAMILY = ['ATEZOLIZUMAB_BEVACIZUMAB', 'TACE_PLUS_SYSTEMIC'] as const satisfies readonly OptionWord[];
/** Options S-LOCAL-PS lowers (2.2, added 2026-12). */
export const LOCAL_PS_FAMILY = [
  'RESECTION', 'ABLATION', 'SBRT', 'LIVER_TRANSPLANT_EVALUATION', 'PERIOPERATIVE_CHEMO', 'CONVERSION_SYSTEMIC', 'HAI_PUMP',
  'HEPATIC_PERFUSION', 'ATEZOLIZUMAB_BEVACIZUMAB', 'DURVALUMAB_TREMELIMUMAB', 'LENVATINIB_OR_SORAFENIB',
  'SECOND_LINE_HCC_SYSTEMIC', 'TEBENTAFUSP', 'TACE_PLUS_SYSTEMIC',
] as const satisfies readonly OptionWord[];

export const ENGINE_VERSION = '1.1.0';
export const DISCLAIMER = "Decision support from published evidence; not a substitute for the board's judgement.";
/**
 * EVIDENCE.md preamble: every strength is a software test oracle derived from the cited sources, not validated
 * clinical advice, "and the app must say so where it shows options" (screen, presentation, minutes, letters).
 */
export const STRENGTH_NOTICE = "Strengths are derived by software from the cited evidence; they are not validated clinical advice. The app supports and does not replace the board's judgement.";
