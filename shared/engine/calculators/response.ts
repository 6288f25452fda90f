/**
 * Tumour response from lesion measurements: RECIST 1.1 (EVIDENCE.md 3.9) and mRECIST for HCC (3.10).
 * Diameters in mm. Comparisons use a 1e-9 tolerance so that exact thresholds (e.g. 70 mm from 100 mm) count.
 */
import { EngineInputError, requireNumber } from '../errors';

export type ResponseCategory = 'CR' | 'PR' | 'SD' | 'PD';
const EPS = 1e-9;

export interface RecistTargetLesion {
  id: string;
  organ: string;
  /** Lymph node target: measured on its short axis. */
  node: boolean;
  /** Longest diameter (short axis for nodes), mm. 0 when the lesion has disappeared. */
  diameter_mm: number;
}

export interface SumResponseInput {
  baseline_sum_mm: number;
  /** Smallest sum on study, baseline included (defaults to the baseline sum). */
  nadir_sum_mm?: number;
  current_sum_mm: number;
  new_lesions?: boolean;
  non_target_progression?: boolean;
  /** CR criterion met on the lesions (RECIST: all non-nodal gone, nodes < 10 mm; mRECIST: no viable enhancement). */
  complete_disappearance?: boolean;
  /**
   * The previous assessment was a complete response. A lesion that reappears after a CR is progressive disease
   * (RECIST 1.1, Eisenhauer 2009; mRECIST likewise for returning viable tumour), whatever the size. Without it, a
   * nadir sum of 0 with a current sum above 0 is read as the same reappearance.
   */
  after_complete_response?: boolean;
}

export interface ResponseResult {
  response: ResponseCategory;
  baseline_sum_mm: number;
  nadir_sum_mm: number;
  current_sum_mm: number;
  change_from_baseline_pct: number;
  change_from_nadir_pct: number;
  change_from_nadir_mm: number;
}

function fromSums(input: SumResponseInput, needAbsolute5mm: boolean): ResponseResult {
  const baseline = requireNumber('baseline_sum_mm', input.baseline_sum_mm, 0);
  const current = requireNumber('current_sum_mm', input.current_sum_mm, 0);
  const nadir = requireNumber('nadir_sum_mm', input.nadir_sum_mm ?? baseline, 0);
  if (nadir > baseline + EPS) throw new EngineInputError('nadir_sum_mm', 'cannot exceed the baseline sum (the nadir includes baseline)');
  if (baseline === 0) throw new EngineInputError('baseline_sum_mm', 'must be > 0 (no measurable target disease)');
  const fromNadirMm = current - nadir;
  const result = (response: ResponseCategory): ResponseResult => ({
    response, baseline_sum_mm: baseline, nadir_sum_mm: nadir, current_sum_mm: current,
    change_from_baseline_pct: ((current - baseline) / baseline) * 100,
    change_from_nadir_pct: nadir > 0 ? (fromNadirMm / nadir) * 100 : (current > 0 ? Infinity : 0),
    change_from_nadir_mm: fromNadirMm,
  });
  // PD: ≥ 20 % above the nadir (RECIST 1.1 also needs ≥ 5 mm absolute), new lesions, or non-target progression.
  const sumPd = current + EPS >= nadir * 1.2 && (!needAbsolute5mm || fromNadirMm + EPS >= 5) && fromNadirMm > 0;
  // Reappearance after a complete response: the 20 % / 5 mm rule cannot apply to a nadir of 0 (3.9; e.g. baseline
  // 30 mm, nadir 0, current 4 mm is PD, not PR).
  const reappeared = (input.after_complete_response === true || nadir <= EPS) && input.complete_disappearance !== true && current > EPS;
  if (input.new_lesions === true || input.non_target_progression === true || sumPd || reappeared) return result('PD');
  if (input.complete_disappearance === true) return result('CR');
  if (current <= baseline * 0.7 + EPS) return result('PR');
  return result('SD');
}

/** RECIST 1.1 from sums of diameters. */
export const recist11FromSums = (input: SumResponseInput): ResponseResult => fromSums(input, true);
/** mRECIST from sums of viable (arterially enhancing) diameters: no 5 mm absolute rule. */
export const mrecistFromSums = (input: SumResponseInput): ResponseResult => fromSums(input, false);

function checkTargets(field: string, lesions: readonly RecistTargetLesion[], baseline: boolean): number {
  if (lesions.length === 0) throw new EngineInputError(field, 'needs at least one target lesion');
  if (lesions.length > 5) throw new EngineInputError(field, 'RECIST 1.1 allows at most 5 target lesions');
  const perOrgan = new Map<string, number>();
  let sum = 0;
  lesions.forEach((l, i) => {
    const d = requireNumber(`${field}[${i}].diameter_mm`, l.diameter_mm, 0, 1000);
    const n = (perOrgan.get(l.organ) ?? 0) + 1;
    if (n > 2) throw new EngineInputError(`${field}[${i}].organ`, `at most 2 target lesions per organ (${l.organ})`);
    perOrgan.set(l.organ, n);
    if (baseline && d < (l.node ? 15 : 10)) {
      throw new EngineInputError(`${field}[${i}].diameter_mm`, l.node ? 'a target node needs a short axis ≥ 15 mm' : 'a measurable lesion needs a longest diameter ≥ 10 mm');
    }
    sum += d;
  });
  return sum;
}

export interface RecistLesionInput {
  baseline: readonly RecistTargetLesion[];
  /** The same target lesions (matched by id) at this assessment. */
  current: readonly RecistTargetLesion[];
  /** Smallest sum on study before this assessment, mm (defaults to the baseline sum). */
  nadir_sum_mm?: number;
  new_lesions: boolean;
  non_target_progression?: boolean;
  /** The previous assessment was a complete response (target nodes may then still sum above 0). */
  after_complete_response?: boolean;
}

/** RECIST 1.1 from target-lesion measurements (≤ 5 targets, ≤ 2 per organ; nodes by short axis). */
export function recist11(input: RecistLesionInput): ResponseResult {
  const baselineSum = checkTargets('baseline', input.baseline, true);
  const ids = new Set(input.baseline.map((l) => l.id));
  input.current.forEach((l, i) => {
    if (!ids.has(l.id)) throw new EngineInputError(`current[${i}].id`, `"${l.id}" is not a baseline target lesion`);
  });
  if (input.current.length !== input.baseline.length) throw new EngineInputError('current', 'must measure every baseline target lesion');
  const currentSum = checkTargets('current', input.current, false);
  // CR: every non-nodal target gone and every target node < 10 mm short axis (nodes may keep a sum > 0).
  const cr = input.current.every((l) => (l.node ? l.diameter_mm < 10 : l.diameter_mm === 0));
  return recist11FromSums({
    baseline_sum_mm: baselineSum, current_sum_mm: currentSum, complete_disappearance: cr,
    new_lesions: input.new_lesions, ...(input.nadir_sum_mm !== undefined ? { nadir_sum_mm: input.nadir_sum_mm } : {}),
    ...(input.non_target_progression !== undefined ? { non_target_progression: input.non_target_progression } : {}),
    ...(input.after_complete_response !== undefined ? { after_complete_response: input.after_complete_response } : {}),
  });
}

export interface MrecistLesion { id: string; /** Viable (arterially enhancing) diameter, mm; 0 = no enhancement. */ viable_diameter_mm: number }

/** mRECIST (HCC): sums of viable-tumour diameters; targets must be ≥ 10 mm at baseline. */
export function mrecist(input: {
  baseline: readonly MrecistLesion[]; current: readonly MrecistLesion[]; nadir_sum_mm?: number;
  /** New lesion ≥ 10 mm with the typical vascular pattern. */
  new_lesions: boolean; non_target_progression?: boolean; after_complete_response?: boolean;
}): ResponseResult {
  if (input.baseline.length === 0) throw new EngineInputError('baseline', 'needs at least one target lesion');
  let b = 0;
  input.baseline.forEach((l, i) => {
    const d = requireNumber(`baseline[${i}].viable_diameter_mm`, l.viable_diameter_mm, 0, 1000);
    if (d < 10) throw new EngineInputError(`baseline[${i}].viable_diameter_mm`, 'a target needs a viable diameter ≥ 10 mm');
    b += d;
  });
  // As recist11: the current lesions are the baseline targets, matched by id (a new lesion is reported as new_lesions).
  const ids = new Set(input.baseline.map((l) => l.id));
  input.current.forEach((l, i) => {
    if (!ids.has(l.id)) throw new EngineInputError(`current[${i}].id`, `"${l.id}" is not a baseline target lesion`);
  });
  if (input.current.length !== input.baseline.length) throw new EngineInputError('current', 'must measure every baseline target lesion');
  let c = 0;
  input.current.forEach((l, i) => { c += requireNumber(`current[${i}].viable_diameter_mm`, l.viable_diameter_mm, 0, 1000); });
  return mrecistFromSums({
    baseline_sum_mm: b, current_sum_mm: c, complete_disappearance: c === 0, new_lesions: input.new_lesions,
    ...(input.nadir_sum_mm !== undefined ? { nadir_sum_mm: input.nadir_sum_mm } : {}),
    ...(input.non_target_progression !== undefined ? { non_target_progression: input.non_target_progression } : {}),
    ...(input.after_complete_response !== undefined ? { after_complete_response: input.after_complete_response } : {}),
  });
}
