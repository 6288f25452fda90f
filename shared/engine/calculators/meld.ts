/**
 * MELD and MELD-Na, OPTN 2016 rule (EVIDENCE.md 3.3).
 * MELD(i) = 0.957 ln(creatinine) + 0.378 ln(bilirubin) + 1.120 ln(INR) + 0.643, all in mg/dL.
 * Conventions: each lab value < 1.0 is set to 1.0; creatinine capped at 4.0 mg/dL, and set to 4.0 when dialysed
 * ≥ 2 times in the past week; MELD(i) is rounded to one decimal before × 10 (OPTN), giving an integer;
 * MELD is bounded 6–40. MELD-Na: if MELD > 11, MELD + 1.32 × (137 − Na) − 0.033 × MELD × (137 − Na) with Na
 * bounded to 125–137 mmol/L, rounded to an integer; otherwise MELD-Na = MELD; final score bounded 6–40.
 */
import { requireNumber } from '../errors';

export interface MeldInput {
  creatinine_mg_dl: number;
  bilirubin_mg_dl: number;
  inr: number;
  /** Dialysis at least twice in the past week (or CVVHD ≥ 24 h): creatinine counts as 4.0 mg/dL. */
  dialysis_twice_past_week?: boolean;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Unchecked core for the engine's hot path. */
export function meldUnchecked(creatinine_mg_dl: number, bilirubin_mg_dl: number, inr: number, dialysis = false): number {
  const cr = dialysis ? 4 : clamp(creatinine_mg_dl, 1, 4);
  const bili = Math.max(1, bilirubin_mg_dl);
  const i = Math.max(1, inr);
  const meldI = 0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.12 * Math.log(i) + 0.643;
  // Rounding MELD(i) to one decimal and multiplying by 10 is rounding 10 × MELD(i) to an integer.
  const meld = Math.round(meldI * 10 + 1e-9);
  return clamp(meld, 6, 40);
}

export function meldNaUnchecked(meld: number, sodium_mmol_l: number): number {
  if (meld <= 11) return meld;
  const na = clamp(sodium_mmol_l, 125, 137);
  const v = meld + 1.32 * (137 - na) - 0.033 * meld * (137 - na);
  return clamp(Math.round(v), 6, 40);
}

export function meld(input: MeldInput): number {
  requireNumber('creatinine_mg_dl', input.creatinine_mg_dl, 0);
  requireNumber('bilirubin_mg_dl', input.bilirubin_mg_dl, 0);
  requireNumber('inr', input.inr, 0);
  return meldUnchecked(input.creatinine_mg_dl, input.bilirubin_mg_dl, input.inr, input.dialysis_twice_past_week === true);
}

export function meldNa(input: MeldInput & { sodium_mmol_l: number }): { meld: number; meld_na: number } {
  const m = meld(input);
  requireNumber('sodium_mmol_l', input.sodium_mmol_l, 0);
  return { meld: m, meld_na: meldNaUnchecked(m, input.sodium_mmol_l) };
}
