/**
 * Child-Pugh score and class (EVIDENCE.md 3.1; Pugh 1973 cut-offs with the conventional INR adaptation).
 * Boundary convention (3.1): bilirubin exactly 2.0 mg/dL → 2 points (3.0 → 2; >3 → 3); albumin exactly
 * 3.5 g/dL → 2 points (2.8 → 2; <2.8 → 3); INR exactly 1.7 → 2 points (2.3 → 2; >2.3 → 3).
 * Class A = 5–6, B = 7–9, C = 10–15.
 */
import { requireNumber, EngineInputError } from '../errors';

export type AscitesGrade = 'none' | 'mild' | 'moderate_severe';
export type EncephalopathyGrade = 'none' | 'grade1_2' | 'grade3_4';
export type ChildPughClass = 'A' | 'B' | 'C';

export interface ChildPughInput {
  bilirubin_mg_dl: number;
  albumin_g_dl: number;
  inr: number;
  ascites: AscitesGrade;
  encephalopathy: EncephalopathyGrade;
}

export interface ChildPughResult {
  score: number;
  class: ChildPughClass;
  points: { bilirubin: number; albumin: number; inr: number; ascites: number; encephalopathy: number };
}

export const bilirubinPoints = (bilirubin_mg_dl: number): number => (bilirubin_mg_dl < 2 ? 1 : bilirubin_mg_dl <= 3 ? 2 : 3);
export const albuminPoints = (albumin_g_dl: number): number => (albumin_g_dl > 3.5 ? 1 : albumin_g_dl >= 2.8 ? 2 : 3);
export const inrPoints = (inr: number): number => (inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3);
const ASCITES_POINTS: Record<AscitesGrade, number> = { none: 1, mild: 2, moderate_severe: 3 };
const HE_POINTS: Record<EncephalopathyGrade, number> = { none: 1, grade1_2: 2, grade3_4: 3 };

export const childPughClassOf = (score: number): ChildPughClass => (score <= 6 ? 'A' : score <= 9 ? 'B' : 'C');

/** Score without validation, for the engine's hot path (inputs already validated by the facts schema). */
export function childPughScoreUnchecked(i: ChildPughInput): number {
  return bilirubinPoints(i.bilirubin_mg_dl) + albuminPoints(i.albumin_g_dl) + inrPoints(i.inr)
    + ASCITES_POINTS[i.ascites] + HE_POINTS[i.encephalopathy];
}

export function childPugh(input: ChildPughInput): ChildPughResult {
  requireNumber('bilirubin_mg_dl', input.bilirubin_mg_dl, 0);
  requireNumber('albumin_g_dl', input.albumin_g_dl, 0);
  requireNumber('inr', input.inr, 0);
  if (!Object.hasOwn(ASCITES_POINTS, input.ascites)) throw new EngineInputError('ascites', 'must be none, mild or moderate_severe');
  if (!Object.hasOwn(HE_POINTS, input.encephalopathy)) throw new EngineInputError('encephalopathy', 'must be none, grade1_2 or grade3_4');
  const points = {
    bilirubin: bilirubinPoints(input.bilirubin_mg_dl),
    albumin: albuminPoints(input.albumin_g_dl),
    inr: inrPoints(input.inr),
    ascites: ASCITES_POINTS[input.ascites],
    encephalopathy: HE_POINTS[input.encephalopathy],
  };
  const score = points.bilirubin + points.albumin + points.inr + points.ascites + points.encephalopathy;
  return { score, class: childPughClassOf(score), points };
}
