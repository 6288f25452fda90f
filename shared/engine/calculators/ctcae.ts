/**
 * CTCAE v5.0 laboratory grades for post-embolisation toxicity (EVIDENCE.md 3.11). `value`, `uln` and
 * `baseline` are in one and the same unit (ratios only). Baseline is "abnormal" when it is above the ULN;
 * then grades are multiples of baseline, otherwise multiples of the ULN. Grade 0 = not increased.
 * Boundaries follow the table: a range written ">a–b" includes b; bilirubin with abnormal baseline starts at
 * 1.0× baseline inclusive, ALT/AST at 1.5×, ALP at 2.0×.
 */
import { requireNumber, requirePositive } from '../errors';

export type CtcaeGrade = 0 | 1 | 2 | 3 | 4;
export const CTCAE_VERSION = '5.0';

export interface LabGradeInput { value: number; uln: number; baseline?: number | null }

/** thresholds: [g1 lower bound, g2, g3, g4] as multiples; g1 bound inclusive when `g1Inclusive`. */
function grade(input: LabGradeInput, normal: readonly [number, number, number, number], abnormal: readonly [number, number, number, number], abnormalG1Inclusive: boolean): CtcaeGrade {
  const value = requireNumber('value', input.value, 0);
  const uln = requirePositive('uln', input.uln);
  const base = input.baseline === undefined || input.baseline === null ? null : requireNumber('baseline', input.baseline, 0);
  const abnormalBaseline = base !== null && base > uln;
  const ratio = abnormalBaseline ? value / base : value / uln;
  const t = abnormalBaseline ? abnormal : normal;
  if (ratio > t[3]) return 4;
  if (ratio > t[2]) return 3;
  if (ratio > t[1]) return 2;
  if (abnormalBaseline ? (abnormalG1Inclusive ? ratio >= t[0] : ratio > t[0]) : ratio > t[0]) return 1;
  return 0;
}

/** Blood bilirubin increased: >ULN–1.5 / >1.5–3 / >3–10 / >10 × ULN; abnormal baseline 1.0–1.5 / >1.5–3 / >3–10 / >10 × baseline. */
export const ctcaeBilirubinGrade = (i: LabGradeInput): CtcaeGrade => grade(i, [1, 1.5, 3, 10], [1, 1.5, 3, 10], true);
/** ALT or AST increased: >ULN–3 / >3–5 / >5–20 / >20 × ULN; abnormal baseline 1.5–3 / >3–5 / >5–20 / >20 × baseline. */
export const ctcaeAminotransferaseGrade = (i: LabGradeInput): CtcaeGrade => grade(i, [1, 3, 5, 20], [1.5, 3, 5, 20], true);
/** Alkaline phosphatase increased: >ULN–2.5 / >2.5–5 / >5–20 / >20 × ULN; abnormal baseline 2.0–2.5 / >2.5–5 / >5–20 / >20 × baseline. */
export const ctcaeAlkalinePhosphataseGrade = (i: LabGradeInput): CtcaeGrade => grade(i, [1, 2.5, 5, 20], [2, 2.5, 5, 20], true);

/**
 * Hypoalbuminemia, albumin in g/dL: <LLN–3 → 1; <3–2 → 2; <2 → 3; grade 4 (life-threatening, urgent
 * intervention) is a clinical judgement, passed as `life_threatening`.
 */
export function ctcaeHypoalbuminemiaGrade(input: { albumin_g_dl: number; lln_g_dl: number; life_threatening?: boolean }): CtcaeGrade {
  const alb = requireNumber('albumin_g_dl', input.albumin_g_dl, 0, 20);
  const lln = requirePositive('lln_g_dl', input.lln_g_dl, 20);
  if (input.life_threatening === true) return 4;
  if (alb >= lln) return 0;
  if (alb >= 3) return 1;
  if (alb >= 2) return 2;
  return 3;
}
