/**
 * `missing` is systematic (CONTRACT "missing": the unknown facts that would change an option or a flag): for random
 * facts, setting any unknown fact that the engine did NOT list as missing, to any valid value, changes no option's
 * strength (and shows or hides no option) and raises or lowers no flag. Also: the fast path of evaluate() rejects
 * exactly what caseFactsSchema rejects, including the one rule across fields (resectable_or_ablatable false
 * while resectable or ablatable is true).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINES_OF_THERAPY, PRIMARY_TUMORS, caseFactsSchema } from '../../../shared/facts/facts';
import { EngineInputError, evaluate } from '../../../shared/engine';
import type { EngineOutput } from '../../../shared/engine';

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const int = (min: number, max: number) => fc.integer({ min, max });
const bool = () => fc.boolean();
const pick = <T extends string>(...v: T[]) => fc.constantFrom(...v);

/** A valid value for every fact the rules, gates, flags or calculators read. */
const VALUE: Record<string, fc.Arbitrary<unknown>> = {
  primary_tumor: pick(...PRIMARY_TUMORS), line_of_therapy: pick(...LINES_OF_THERAPY), prior_systemic_lines: int(0, 4),
  first_line_backbone: pick('oxaliplatin', 'irinotecan', 'other'), liver_dominant: bool(), extrahepatic_disease: pick('none', 'limited', 'dominant'),
  extrahepatic_progression: bool(), resectable_or_ablatable: bool(), bilobar: bool(), liver_replacement_pct: num(0, 100),
  lesion_count: int(0, 14), nodules: int(0, 9), largest_nodule_cm: num(0.5, 12), well_defined_nodules: bool(), selective_access: bool(),
  ecog: int(0, 4), age: int(18, 95), frail: bool(), expected_survival_months: num(0, 200),
  bilirubin_mg_dl: num(0.1, 6), bilirubin_reversible_cause: bool(), albumin_g_dl: num(1.5, 5.5), inr: num(0.8, 3.5),
  creatinine_mg_dl: num(0.4, 4), sodium_mmol_l: num(120, 145), granulocytes_10e9_l: num(0.5, 8), coagulopathy_uncorrectable: bool(),
  recent_chemo_not_safe_with_y90: bool(), ascites: pick('none', 'mild', 'moderate_severe'), encephalopathy: pick('none', 'grade1_2', 'grade3_4'),
  cirrhosis: bool(), bclc_stage: pick('0', 'A', 'B', 'C', 'D'),
  portal_vein: pick('patent', 'branch_thrombus', 'tumoral_thrombus_main', 'bland_occlusion_main', 'hepatofugal_flow'),
  biliary: pick('normal', 'stent', 'bilioenteric_anastomosis', 'sphincterotomy', 'obstruction'), varices_untreated_high_risk: bool(),
  lung_shunt_fraction_pct: num(0, 40), hepatoenteric_shunt_uncorrectable: bool(), planned_device: pick('resin', 'glass'),
  planned_activity_gbq: num(0.5, 8), prior_lung_dose_gy: num(0, 40), prior_liver_ebrt: bool(), prior_y90: bool(), prior_hepatotoxic_chemo: bool(),
  kras_status: pick('wild_type', 'mutant', 'unknown'), primary_sidedness: pick('left', 'right'), primary_resected: bool(),
  net_primary_site: pick('midgut_ileum', 'pancreas', 'lung', 'other', 'unknown'), net_grade: pick('G1', 'G2', 'G3'), net_ki67_pct: num(0, 60),
  hormone_symptoms: bool(), bulk_symptoms: bool(), on_ssa: bool(), progressing_on_ssa: bool(), sstr_positive: bool(), lu177_candidate: bool(),
  prior_prrt: bool(), height_cm: num(140, 200), weight_kg: num(40, 140),
  // Added 2026-12.
  resectable: bool(), ablatable: bool(), potentially_resectable: bool(), future_liver_remnant_pct: num(5, 80),
  clinically_significant_portal_hypertension: bool(), macrovascular_invasion: bool(), total_tumour_diameter_cm: num(0.5, 20), afp_ng_ml: num(0, 2000),
  prior_liver_transplant: bool(), transplant_ineligible: bool(), autoimmune_disease: bool(), recent_gi_bleeding: bool(), largest_lesion_cm: num(0.5, 10),
  node_positive_primary: bool(), disease_free_interval_months: num(0, 60), cea_ng_ml: num(0, 500), hai_program_available: bool(), hla_a0201_positive: bool(),
};
const KEYS = Object.keys(VALUE);

/** Random facts: each fact known with probability ~0.6, so plenty stay unknown. */
const factsArb = fc.record(Object.fromEntries(KEYS.map((k) => [k, fc.option(VALUE[k] as fc.Arbitrary<unknown>, { nil: null, freq: 2 })])), { requiredKeys: [] })
  .map((f) => {
    // Keep the one cross-field rule satisfied, so the case is valid.
    const r = f as Record<string, unknown>;
    if (r.resectable_or_ablatable === false && (r.resectable === true || r.ablatable === true)) r.resectable_or_ablatable = null;
    return r;
  });
/** One fact set to a value, chosen among all fact keys. */
const setArb = fc.oneof(...KEYS.map((k) => fc.record({ k: fc.constant(k), v: VALUE[k] as fc.Arbitrary<unknown> })));

const view = (out: EngineOutput): string => JSON.stringify({ options: out.options.map((o) => [o.option, o.strength]), flags: [...out.flags].sort() });

/** A sum of the nodules' diameters is at least the largest and at most nodules × largest (3.13 uses that bound). */
function possibleTotal(f: Record<string, unknown>, total: number): boolean {
  const n = f.nodules, s = f.largest_nodule_cm;
  if (typeof n !== 'number' || typeof s !== 'number') return true;
  return total >= s && total <= n * s;
}

function tryEvaluate(facts: Record<string, unknown>): EngineOutput | null {
  try { return evaluate(facts); } catch (e) { if (e instanceof EngineInputError) return null; throw e; }
}

describe('missing is systematic', () => {
  it('setting an unknown fact that `missing` does not list never changes an option, a strength or a flag', () => {
    fc.assert(fc.property(factsArb, fc.array(setArb, { minLength: 1, maxLength: 4 }), (facts, sets) => {
      const before = evaluate(facts);
      const listed = new Set(before.missing.map((m) => m.field));
      for (const { k, v } of sets) {
        if (facts[k] != null || listed.has(k)) continue; // only unknown facts the engine did not ask for
        if (k === 'total_tumour_diameter_cm' && !possibleTotal(facts, v as number)) continue;
        const after = tryEvaluate({ ...facts, [k]: v });
        if (after === null) continue; // the combination is an input error (resectable_or_ablatable false vs resectable true)
        if (view(after) !== view(before)) {
          throw new Error(`setting ${k} = ${JSON.stringify(v)} changed the answer although missing did not list it:\n${view(before)}\n${view(after)}`);
        }
      }
      return true;
    }), { numRuns: 4000 });
  });

  it('the examples of issue 14: unknown extrahepatic progression in consolidation and unknown prior PRRT in NET are listed', () => {
    const crc = evaluate({ primary_tumor: 'colorectal', line_of_therapy: 'consolidation_after_first_line', liver_dominant: true, extrahepatic_disease: 'limited', ecog: 0 });
    expect(crc.options.find((o) => o.option === 'Y90_TARE')?.strength).toBe('consider');
    expect(crc.missing.map((m) => m.field)).toContain('extrahepatic_progression');
    const net = evaluate({ primary_tumor: 'neuroendocrine', net_grade: 'G2', net_primary_site: 'pancreas', sstr_positive: true, net_ki67_pct: 5 });
    expect(net.options.find((o) => o.option === 'LU177_PRRT')?.strength).toBe('consider');
    expect(net.missing.find((m) => m.field === 'prior_prrt')?.why).toContain('R-NET-10');
  });
});

describe('input validation on the fast path', () => {
  it('evaluate() rejects exactly what caseFactsSchema rejects, naming the same field', () => {
    const wild = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 300 }), fc.double(), fc.constantFrom('hcc', 'G2', 'none', ''));
    const keys = fc.constantFrom('resectable', 'ablatable', 'resectable_or_ablatable', 'afp_ng_ml', 'future_liver_remnant_pct', 'ecog', 'cea_ng_ml', 'unknown_key');
    fc.assert(fc.property(fc.dictionary(keys, wild, { maxKeys: 5 }), (input) => {
      const zr = caseFactsSchema.safeParse(input);
      let err: unknown;
      try { evaluate(input); } catch (e) { err = e; }
      if (zr.success) return err === undefined;
      return err instanceof EngineInputError && err.field === zr.error.issues[0]?.path.map(String).join('.');
    }), { numRuns: 3000 });
  });
  it('resectable_or_ablatable false with resectable true is an error naming resectable_or_ablatable', () => {
    expect(() => evaluate({ resectable_or_ablatable: false, resectable: true })).toThrow(/^resectable_or_ablatable: /);
    expect(() => evaluate({ resectable_or_ablatable: false, ablatable: true })).toThrow(/^resectable_or_ablatable: /);
    expect(() => evaluate({ resectable_or_ablatable: true, resectable: false, ablatable: false })).not.toThrow();
  });
});
