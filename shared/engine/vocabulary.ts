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
] as const;
export type OptionWord = (typeof OPTION_WORDS)[number];
export const optionWordSchema = z.enum(OPTION_WORDS);

export const FLAG_WORDS = [
  'POOR_PERFORMANCE_STATUS', 'Y90_BILIRUBIN_GT_2', 'Y90_LSF_GT_20', 'Y90_LSF_REDUCE_ACTIVITY', 'Y90_LUNG_DOSE_GT_30',
  'Y90_GI_SHUNT', 'Y90_TUMOUR_BURDEN_GT_70', 'Y90_PRIOR_LIVER_RT', 'CHILD_PUGH_B8_PLUS', 'CHILD_PUGH_C', 'ASCITES',
  'TACE_PORTAL_VEIN', 'TACE_BILIARY_RISK', 'TACE_RENAL', 'UNTREATED_VARICES', 'HIGH_RISK_HEPATOTOXICITY',
  'REFER_SURGICAL_EVALUATION', 'LIMITED_EVIDENCE',
] as const;
export type FlagWord = (typeof FLAG_WORDS)[number];
export const flagWordSchema = z.enum(FLAG_WORDS);

/** Option families of EVIDENCE.md 2.1 "Precedence and defaults" point 4. */
export const Y90_FAMILY = ['Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO', 'Y90_WITH_SECOND_LINE_CHEMO'] as const satisfies readonly OptionWord[];
export const TACE_FAMILY = ['TACE_ANY', 'CTACE_LIPIODOL', 'DEB_TACE'] as const satisfies readonly OptionWord[];
export const TAE_FAMILY = ['BLAND_TAE'] as const satisfies readonly OptionWord[];
/** "transarterial" = "liver-directed" = Y-90 + TACE + TAE + LIVER_DIRECTED_ANY. */
export const TRANSARTERIAL_FAMILY = [...Y90_FAMILY, ...TACE_FAMILY, ...TAE_FAMILY, 'LIVER_DIRECTED_ANY'] as const satisfies readonly OptionWord[];

export const ENGINE_VERSION = '1.0.0';
export const DISCLAIMER = "Decision support from published evidence; not a substitute for the board's judgement.";
