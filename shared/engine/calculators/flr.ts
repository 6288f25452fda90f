/**
 * Future-liver-remnant threshold (EVIDENCE.md 3.15, added 2026-12; thresholds widely quoted [K], see
 * EV-FLR-PVE-2016): 40 % of the total functional liver volume with cirrhosis, else 30 % after hepatotoxic
 * chemotherapy, else 20 %. An unknown `cirrhosis` or `prior_hepatotoxic_chemo` counts as present (the risky value).
 * FLR is insufficient when below the threshold; equal is sufficient.
 */
import type { CaseFacts } from '../../facts/facts';

export type FlrThreshold = 20 | 30 | 40;

export function flrThresholdPct(f: Pick<CaseFacts, 'cirrhosis' | 'prior_hepatotoxic_chemo'>): FlrThreshold {
  if (f.cirrhosis !== false) return 40;
  if (f.prior_hepatotoxic_chemo !== false) return 30;
  return 20;
}

export interface FlrAssessment { threshold_pct: FlrThreshold; sufficient: boolean; assumed: ('cirrhosis' | 'prior_hepatotoxic_chemo')[] }

/** Threshold, verdict and the facts assumed present because they are unknown (they belong in `missing`). */
export function assessFlr(f: Pick<CaseFacts, 'cirrhosis' | 'prior_hepatotoxic_chemo'>, future_liver_remnant_pct: number): FlrAssessment {
  const threshold = flrThresholdPct(f);
  const assumed: FlrAssessment['assumed'] = [];
  if (f.cirrhosis == null) assumed.push('cirrhosis');
  else if (f.cirrhosis === false && f.prior_hepatotoxic_chemo == null) assumed.push('prior_hepatotoxic_chemo');
  return { threshold_pct: threshold, sufficient: future_liver_remnant_pct >= threshold, assumed };
}
