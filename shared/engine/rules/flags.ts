/**
 * Flags exactly as the CONTRACT.md flag table defines them. Raised from inputs and derived scores alone,
 * whichever options are shown. An unknown input leaves the flag down and goes into `missing`, except where
 * the table says unknown counts as the risky value (`notTrue`, `notHolds`, `unknownOr` below).
 */
import type { FlagRule } from './dsl';
import { all, any, eq, gt, gte, isTrue, lt, lte, notHolds, notTrue, oneOf, unknownOr } from './dsl';
import { FLR_INSUFFICIENT, POOR_PS } from './gates';

const RESIN_OR_UNKNOWN = notHolds(eq('planned_device', 'glass'));

export const FLAG_RULES: readonly FlagRule[] = [
  { flag: 'POOR_PERFORMANCE_STATUS', when: POOR_PS, text: 'ECOG ≥ 3, or expected survival < 3 months' },
  { flag: 'Y90_BILIRUBIN_GT_2', when: all(gt('bilirubin_mg_dl', 2), notTrue('bilirubin_reversible_cause')), text: 'bilirubin > 2 mg/dL without a reversible cause (unknown counts as none)' },
  { flag: 'Y90_LSF_GT_20', when: all(gt('lung_shunt_fraction_pct', 20), RESIN_OR_UNKNOWN), text: 'lung shunt fraction > 20 % (resin or device not chosen)' },
  { flag: 'Y90_LSF_REDUCE_ACTIVITY', when: all(gte('lung_shunt_fraction_pct', 10), lte('lung_shunt_fraction_pct', 20), RESIN_OR_UNKNOWN), text: 'lung shunt fraction 10–20 %: resin activity reduction applies' },
  { flag: 'Y90_LUNG_DOSE_GT_30', when: all(eq('planned_device', 'glass'), any(gt('lung_dose_gy', 30), gt('lung_dose_cumulative_gy', 50))), text: 'glass: projected lung dose > 30 Gy, or > 50 Gy with earlier lung dose' },
  { flag: 'Y90_GI_SHUNT', when: isTrue('hepatoenteric_shunt_uncorrectable'), text: 'uncorrectable hepatoenteric flow' },
  { flag: 'Y90_TUMOUR_BURDEN_GT_70', when: all(gt('liver_replacement_pct', 70), unknownOr(any(lt('albumin_g_dl', 3), gt('inr', 1.2)))), text: '> 70 % liver replacement with synthetic function not maintained (unknown counts as not maintained)' },
  { flag: 'Y90_PRIOR_LIVER_RT', when: isTrue('prior_liver_ebrt'), text: 'prior radiotherapy to a significant liver volume' },
  { flag: 'CHILD_PUGH_B8_PLUS', when: gte('child_pugh_score', 8), text: 'Child-Pugh score ≥ 8' },
  { flag: 'CHILD_PUGH_C', when: gte('child_pugh_score', 10), text: 'Child-Pugh score ≥ 10' },
  { flag: 'ASCITES', when: oneOf('ascites', ['mild', 'moderate_severe']), text: 'clinically evident ascites' },
  { flag: 'TACE_PORTAL_VEIN', when: oneOf('portal_vein', ['bland_occlusion_main', 'tumoral_thrombus_main', 'hepatofugal_flow']), text: 'main portal-vein occlusion, main-trunk tumour thrombus or hepatofugal flow' },
  { flag: 'TACE_BILIARY_RISK', when: oneOf('biliary', ['stent', 'bilioenteric_anastomosis', 'sphincterotomy', 'obstruction']), text: 'biliary stent, bilio-enteric anastomosis, sphincterotomy or obstruction' },
  { flag: 'TACE_RENAL', when: gte('creatinine_mg_dl', 2), text: 'creatinine ≥ 2 mg/dL' },
  { flag: 'UNTREATED_VARICES', when: isTrue('varices_untreated_high_risk'), text: 'untreated high-risk varices' },
  { flag: 'HIGH_RISK_HEPATOTOXICITY', when: all(eq('primary_tumor', 'neuroendocrine'), any(gt('liver_replacement_pct', 50), isTrue('prior_hepatotoxic_chemo')), isTrue('bilobar')), text: 'NET, bilobar, with > 50 % replacement and/or prior hepatotoxic chemotherapy' },
  // Reads the effective value (EVIDENCE.md 2.1 point 8): also raised when `resectable` or `ablatable` is true.
  { flag: 'REFER_SURGICAL_EVALUATION', when: eq('resectable_or_ablatable_effective', true), text: 'disease marked resectable or ablatable' },
  {
    flag: 'LIMITED_EVIDENCE',
    when: oneOf('primary_tumor', ['breast', 'melanoma', 'uveal_melanoma', 'sarcoma', 'lung', 'pancreatic_adenocarcinoma', 'cholangiocarcinoma', 'other']),
    text: 'primary tumour outside CRC, NET and HCC',
  },
  // Added 2026-12.
  { flag: 'PRIOR_LIVER_TRANSPLANT', when: isTrue('prior_liver_transplant'), text: 'earlier liver transplantation' },
  { flag: 'AUTOIMMUNE_DISEASE', when: isTrue('autoimmune_disease'), text: 'active or previously documented autoimmune disease' },
  { flag: 'RECENT_GI_BLEEDING', when: isTrue('recent_gi_bleeding'), text: 'gastrointestinal bleeding within the last 6 months' },
  { flag: 'FLR_INSUFFICIENT', when: FLR_INSUFFICIENT, text: 'future liver remnant below the threshold of EVIDENCE.md 3.15 (unknown cirrhosis or chemotherapy counts as present)' },
  { flag: 'BCLC_STAGE_MISMATCH', when: all(eq('primary_tumor', 'hcc'), eq('bclc_stage_mismatch', true)), text: 'entered BCLC stage differs from the stage derived from the inputs' },
];
