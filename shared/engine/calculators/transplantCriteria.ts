/**
 * Transplant criteria from pre-operative imaging (EVIDENCE.md 3.13, added 2026-12): Milan (Mazzaferro 1996,
 * EV-MILAN-1996), UCSF (Yao 2001, EV-UCSF-2001), up-to-seven (Mazzaferro 2009, EV-UPTO7-2009). HCC only.
 * "beyond" as soon as any beyond-condition is known true; "within" when every within-condition is known true;
 * otherwise null and the inputs that would decide it are pushed into `missing`. Microvascular invasion is a
 * pathological finding and is ignored [product choice].
 */
import type { CaseFacts } from '../../facts/facts';
import { extrahepaticSpread, pushVascularInvasionInputs, vascularInvasion } from './bclc';

export type CriterionResult = 'within' | 'beyond';
export type CriteriaFacts = Pick<CaseFacts, 'portal_vein' | 'macrovascular_invasion' | 'extrahepatic_disease' | 'nodules' | 'largest_nodule_cm' | 'total_tumour_diameter_cm'>;

/** Shared frame: V or X true → beyond; V/X unknown → listed; then the size rule decides. */
function judge(f: CriteriaFacts, size: (n: number | null, s: number | null, missing: string[] | undefined) => CriterionResult | null, missing?: string[]): CriterionResult | null {
  const v = vascularInvasion(f), x = extrahepaticSpread(f);
  if (v === true || x === true) return 'beyond';
  const bySize = size(f.nodules ?? null, f.largest_nodule_cm ?? null, missing);
  if (bySize === 'beyond') return 'beyond';
  if (bySize === null || v === null || x === null) {
    if (missing) {
      if (v === null) pushVascularInvasionInputs(f, missing);
      if (x === null) missing.push('extrahepatic_disease');
    }
    return null;
  }
  return 'within';
}

const needNS = (n: number | null, s: number | null, missing: string[] | undefined): void => {
  if (!missing) return;
  if (n === null) missing.push('nodules');
  if (s === null) missing.push('largest_nodule_cm');
};

/** Milan: one tumour ≤ 5 cm, or 2–3 tumours each ≤ 3 cm; no vascular invasion, no extrahepatic spread. */
export function milanCriteria(f: CriteriaFacts, missing?: string[]): CriterionResult | null {
  return judge(f, (n, s, m) => {
    if (n !== null && n >= 4) return 'beyond';
    if (n === 0) return null;
    if (n === null || s === null) { needNS(n, s, m); return null; }
    return s <= (n === 1 ? 5 : 3) ? 'within' : 'beyond';
  }, missing);
}

/**
 * UCSF: one tumour ≤ 6.5 cm, or ≤ 3 nodules with the largest ≤ 4.5 cm and a total diameter ≤ 8 cm; when the total
 * is unknown its upper bound N × S is used (within only if N × S ≤ 8).
 */
export function ucsfCriteria(f: CriteriaFacts, missing?: string[]): CriterionResult | null {
  const t = f.total_tumour_diameter_cm ?? null;
  return judge(f, (n, s, m) => {
    if (n !== null && n >= 4) return 'beyond';
    if (n === 0) return null;
    if (n !== null && n >= 2 && t !== null && t > 8) return 'beyond';
    if (n === null || s === null) { needNS(n, s, m); return null; }
    if (n === 1) return s <= 6.5 ? 'within' : 'beyond';
    if (s > 4.5) return 'beyond';
    const total = t ?? n * s;
    if (total <= 8) return 'within';
    m?.push('total_tumour_diameter_cm'); // only an unknown total can be > 8 here
    return null;
  }, missing);
}

/** Up-to-seven: number of tumours + diameter of the largest (cm) ≤ 7. */
export function upToSevenCriteria(f: CriteriaFacts, missing?: string[]): CriterionResult | null {
  return judge(f, (n, s, m) => {
    if (n !== null && n > 7) return 'beyond'; // any size ≥ 0 takes the sum over 7
    if (n === 0) return null;
    if (n === null || s === null) { needNS(n, s, m); return null; }
    return n + s <= 7 ? 'within' : 'beyond';
  }, missing);
}
