/**
 * ALBI score and grade (EVIDENCE.md 3.2; Johnson 2015): ALBI = log10(bilirubin µmol/L) × 0.66 + albumin g/L × −0.085.
 * Units in: bilirubin mg/dL (× 17.1 → µmol/L), albumin g/dL (× 10 → g/L).
 * Grade 1 ≤ −2.60; grade 2 > −2.60 and ≤ −1.39; grade 3 > −1.39. The grade is taken from the unrounded
 * score; `score` is rounded to 2 decimals (half away from zero) for display and the engine output.
 */
import { requireNumber, requirePositive, roundTo } from '../errors';

export const BILIRUBIN_MG_DL_TO_UMOL_L = 17.1;
export const ALBI_ALBUMIN_COEFFICIENT = -0.085;

export type AlbiGrade = 1 | 2 | 3;
export interface AlbiResult { score: number; score_unrounded: number; grade: AlbiGrade }

export const albiGradeOf = (score: number): AlbiGrade => (score <= -2.6 ? 1 : score <= -1.39 ? 2 : 3);

export function albiUnrounded(bilirubin_mg_dl: number, albumin_g_dl: number): number {
  return Math.log10(bilirubin_mg_dl * BILIRUBIN_MG_DL_TO_UMOL_L) * 0.66 + albumin_g_dl * 10 * ALBI_ALBUMIN_COEFFICIENT;
}

export function albi(input: { bilirubin_mg_dl: number; albumin_g_dl: number }): AlbiResult {
  const bili = requirePositive('bilirubin_mg_dl', input.bilirubin_mg_dl); // log10 needs > 0
  const alb = requireNumber('albumin_g_dl', input.albumin_g_dl, 0);
  const raw = albiUnrounded(bili, alb);
  return { score: roundTo(raw, 2), score_unrounded: raw, grade: albiGradeOf(raw) };
}
