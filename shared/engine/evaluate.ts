/**
 * evaluate(facts) → EngineOutput, exactly to CONTRACT.md. Pure and deterministic: the same facts give the
 * same output, byte for byte. Facts are validated with the domain's `caseFactsSchema` (unknown keys ignored,
 * a wrong type or range throws `EngineInputError` naming the field).
 */
import type { CaseFacts } from '../facts/facts';
import { CATALOGUE_VERSION } from './catalogue';
import { albiGradeOf, albiUnrounded } from './calculators/albi';
import { bsaMostellerUnchecked } from './calculators/bsa';
import { childPughClassOf, childPughScoreUnchecked } from './calculators/childPugh';
import { meldNaUnchecked, meldUnchecked } from './calculators/meld';
import { lungDoseGyUnchecked } from './calculators/y90';
import { deriveBclcStage, vascularInvasion } from './calculators/bclc';
import { milanCriteria, ucsfCriteria, upToSevenCriteria } from './calculators/transplantCriteria';
import { fongScoreOrNull } from './calculators/fong';
import { flrThresholdPct } from './calculators/flr';
import { roundTo } from './errors';
import { parseFacts, validateFactsInto } from './factsParser';
import { applyRules, factSlots } from './interpreter';
import type { DerivedFacts } from './rules/dsl';
import type { EngineDerived, EngineOutput } from './schema';
import { DISCLAIMER, ENGINE_VERSION } from './vocabulary';

/** The calculators of EVIDENCE.md 3, null where an input is missing. */
export function deriveScores(f: CaseFacts): { out: EngineDerived; internal: DerivedFacts } {
  const internal = emptyDerived();
  return { out: deriveInto(f, internal), internal };
}

const emptyDerived = (): DerivedFacts => ({
  child_pugh_score: null, child_pugh_class: null, lung_dose_gy: null, lung_dose_cumulative_gy: null, bclc_stage_derived: null,
  bclc_stage_effective: null, bclc_stage_mismatch: null, vascular_invasion: null, milan: null, ucsf: null, up_to_seven: null,
  fong_score: null, resectable_effective: null, ablatable_effective: null, resectable_or_ablatable_effective: null,
});

/** Fills `d` (the values conditions read) and returns the contract's `derived` object. */
function deriveInto(f: CaseFacts, d: DerivedFacts): EngineDerived {
  const bili = f.bilirubin_mg_dl, alb = f.albumin_g_dl, inr = f.inr;
  let cpScore: number | null = null;
  if (bili != null && alb != null && inr != null && f.ascites != null && f.encephalopathy != null) {
    cpScore = childPughScoreUnchecked({ bilirubin_mg_dl: bili, albumin_g_dl: alb, inr, ascites: f.ascites, encephalopathy: f.encephalopathy });
  }
  const cpClass = cpScore === null ? null : childPughClassOf(cpScore);
  let albiScore: number | null = null, albiGrade: 1 | 2 | 3 | null = null;
  if (bili != null && alb != null && bili > 0) { // log10 needs bilirubin > 0
    const raw = albiUnrounded(bili, alb);
    albiScore = roundTo(raw, 2);
    albiGrade = albiGradeOf(raw);
  }
  const meld = bili != null && inr != null && f.creatinine_mg_dl != null ? meldUnchecked(f.creatinine_mg_dl, bili, inr) : null;
  const meldNa = meld !== null && f.sodium_mmol_l != null ? meldNaUnchecked(meld, f.sodium_mmol_l) : null;
  const bsa = f.height_cm != null && f.weight_kg != null ? roundTo(bsaMostellerUnchecked(f.height_cm, f.weight_kg), 2) : null;
  const lung = f.planned_activity_gbq != null && f.lung_shunt_fraction_pct != null ? lungDoseGyUnchecked(f.planned_activity_gbq, f.lung_shunt_fraction_pct) : null;
  // Earlier lung dose counts 0 when the patient has had no Y-90 before (prior_y90 false).
  const prior = f.prior_lung_dose_gy ?? (f.prior_y90 === false ? 0 : null);
  // 3.12–3.15 (added 2026-12): HCC staging and transplant criteria, Fong (colorectal), FLR threshold (any primary).
  const hcc = f.primary_tumor === 'hcc';
  const bclcDerived = hcc ? deriveBclcStage(f, cpClass) : null;
  const entered = f.bclc_stage ?? null;
  const milan = hcc ? milanCriteria(f) : null;
  const ucsf = hcc ? ucsfCriteria(f) : null;
  const upToSeven = hcc ? upToSevenCriteria(f) : null;
  const fong = f.primary_tumor === 'colorectal' ? fongScoreOrNull(f) : null;
  const flr = f.future_liver_remnant_pct != null ? flrThresholdPct(f) : null;
  const eff = effectiveResectability(f);
  d.child_pugh_score = cpScore; d.child_pugh_class = cpClass;
  d.lung_dose_gy = lung; d.lung_dose_cumulative_gy = lung !== null && prior !== null ? lung + prior : null;
  d.bclc_stage_derived = bclcDerived;
  d.bclc_stage_effective = entered ?? bclcDerived;
  d.bclc_stage_mismatch = !hcc || entered === null ? false : bclcDerived === null ? null : bclcDerived !== entered;
  d.vascular_invasion = hcc ? vascularInvasion(f) : null;
  d.milan = milan; d.ucsf = ucsf; d.up_to_seven = upToSeven; d.fong_score = fong;
  d.resectable_effective = eff.resectable; d.ablatable_effective = eff.ablatable; d.resectable_or_ablatable_effective = eff.either;
  return {
    child_pugh_score: cpScore, child_pugh_class: cpClass, albi_score: albiScore, albi_grade: albiGrade, meld, meld_na: meldNa, bsa_m2: bsa,
    bclc_stage_derived: bclcDerived, milan, ucsf, up_to_seven: upToSeven, fong_score: fong, flr_threshold_pct: flr,
  };
}

/**
 * EVIDENCE.md 2.1 point 8: `resectable` and `ablatable` refine `resectable_or_ablatable`. Effective `resectable` =
 * entered when known, else false when `resectable_or_ablatable` is false, else unknown (`ablatable` likewise);
 * effective `resectable_or_ablatable` = true when either effective value is true, false when it is entered false or
 * both effective values are false, otherwise as entered.
 */
export function effectiveResectability(f: Pick<CaseFacts, 'resectable' | 'ablatable' | 'resectable_or_ablatable'>): { resectable: boolean | null; ablatable: boolean | null; either: boolean | null } {
  const roa = f.resectable_or_ablatable ?? null;
  const resectable = f.resectable ?? (roa === false ? false : null);
  const ablatable = f.ablatable ?? (roa === false ? false : null);
  const either = resectable === true || ablatable === true ? true : roa === false || (resectable === false && ablatable === false) ? false : roa;
  return { resectable, ablatable, either };
}

export { parseFacts };

/** Scratch derived values, reused by every call (evaluation is synchronous; nothing here escapes). */
const DERIVED = emptyDerived();

export function evaluate(facts: unknown): EngineOutput {
  // Facts go straight into the interpreter's slots (by CASE_FACT_KEYS index): no copy of the input is made.
  const slots = factSlots();
  slots.fill(undefined);
  const f = validateFactsInto(facts, slots);
  const derived = deriveInto(f, DERIVED);
  const { options, flags, missing } = applyRules(f, DERIVED, slots);
  return {
    engine_version: ENGINE_VERSION,
    catalogue_version: CATALOGUE_VERSION,
    derived,
    options,
    flags,
    missing,
    disclaimer: DISCLAIMER,
  };
}
