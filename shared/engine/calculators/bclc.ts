/**
 * BCLC stage derived from the inputs (EVIDENCE.md 3.12, added 2026-12): a product encoding of the BCLC 2022 stage
 * definitions (Reig M et al. J Hepatol 2022, GL-BCLC-2022 [K: figure not retrievable as text]). HCC only.
 *
 * Three-valued: the first step that decides wins; a step that needs an unknown input stops the derivation, the
 * stage is null and that input is pushed into `missing` (Child-Pugh inputs are named one by one).
 * Conventions of 3.12: Child-Pugh B is allowed in stages A–C; a listed portal-vein state without tumour counts as
 * no macrovascular invasion when `macrovascular_invasion` is unknown; ECOG 1–2 counts as cancer-related.
 * Choices where 3.12 is silent (recorded in the issue note): one nodule with Child-Pugh B is stage A whatever its
 * size, so the size is not needed then; `nodules` 0 gives no stage (no measurable tumour) and lists nothing.
 */
import type { CaseFacts } from '../../facts/facts';
import type { ChildPughClass } from './childPugh';

export type BclcStage = '0' | 'A' | 'B' | 'C' | 'D';

/** The facts the derivation reads (a subset of the case facts), plus the Child-Pugh class of 3.1. */
export type BclcFacts = Pick<CaseFacts, 'ecog' | 'portal_vein' | 'macrovascular_invasion' | 'extrahepatic_disease' | 'nodules' | 'largest_nodule_cm'
  | 'bilirubin_mg_dl' | 'albumin_g_dl' | 'inr' | 'ascites' | 'encephalopathy'>;

const CHILD_PUGH_INPUTS = ['bilirubin_mg_dl', 'albumin_g_dl', 'inr', 'ascites', 'encephalopathy'] as const;

/** Input V of 3.12: vascular invasion, or null when it cannot be known. */
export function vascularInvasion(f: Pick<CaseFacts, 'portal_vein' | 'macrovascular_invasion'>): boolean | null {
  if (f.portal_vein === 'tumoral_thrombus_main') return true;
  if (f.macrovascular_invasion != null) return f.macrovascular_invasion;
  if (f.portal_vein === 'patent' || f.portal_vein === 'bland_occlusion_main' || f.portal_vein === 'hepatofugal_flow') return false;
  return null; // branch_thrombus or unknown portal vein
}
/** The facts that would decide V when it is unknown. */
export function pushVascularInvasionInputs(f: Pick<CaseFacts, 'portal_vein'>, missing: string[]): void {
  missing.push('macrovascular_invasion');
  if (f.portal_vein == null) missing.push('portal_vein');
}
/** Input X of 3.12: extrahepatic spread. */
export const extrahepaticSpread = (f: Pick<CaseFacts, 'extrahepatic_disease'>): boolean | null =>
  f.extrahepatic_disease == null ? null : f.extrahepatic_disease !== 'none';

/**
 * The stage, or null; when null and `missing` is given, the inputs the derivation lacked are pushed into it.
 * `cp` is the Child-Pugh class (null when an input is unknown).
 */
export function deriveBclcStage(f: BclcFacts, cp: ChildPughClass | null, missing?: string[]): BclcStage | null {
  const p = f.ecog;
  // 1. D if L = C or P ≥ 3 (either alone suffices); otherwise L and P are needed.
  if (cp === 'C' || (p != null && p >= 3)) return 'D';
  if (cp === null || p == null) {
    if (missing) {
      if (cp === null) for (const k of CHILD_PUGH_INPUTS) if (f[k] == null) missing.push(k);
      if (p == null) missing.push('ecog');
    }
    return null;
  }
  // 2. C if V true, X true or P = 1–2 (any one suffices); otherwise V false, X false and P = 0 are needed.
  const v = vascularInvasion(f), x = extrahepaticSpread(f);
  if (v === true || x === true || p >= 1) return 'C';
  if (v === null || x === null) {
    if (missing) {
      if (v === null) pushVascularInvasionInputs(f, missing);
      if (x === null) missing.push('extrahepatic_disease');
    }
    return null;
  }
  // 3. N is needed; B if N ≥ 4.
  const n = f.nodules;
  if (n == null) { missing?.push('nodules'); return null; }
  if (n >= 4) return 'B';
  if (n === 0) return null;
  // 4. One nodule: 0 if S ≤ 2 cm with Child-Pugh A, else A (Child-Pugh B: A whatever the size).
  const s = f.largest_nodule_cm;
  if (n === 1 && cp !== 'A') return 'A';
  if (s == null) { missing?.push('largest_nodule_cm'); return null; }
  if (n === 1) return s <= 2 ? '0' : 'A';
  // 5. Two or three nodules: A if S ≤ 3 cm, else B.
  return s <= 3 ? 'A' : 'B';
}
