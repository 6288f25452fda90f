/**
 * Property tests (fast-check): safety-gate facts never raise a strength; evaluation is deterministic, also
 * across calls (the interpreter reuses scratch state); every output is contract-valid and cites only catalogue
 * ids; the fast fact check agrees with caseFactsSchema on valid and invalid input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFactsSchema, PRIMARY_TUMORS, LINES_OF_THERAPY } from '../../../shared/facts/facts';
import { CATALOGUE, EngineInputError, STRENGTHS, engineOutputSchema, evaluate, parseFacts } from '../../../shared/engine';
import type { EngineOutput } from '../../../shared/engine';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
const num = (min: number, max: number) => maybe(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
const int = (min: number, max: number) => maybe(fc.integer({ min, max }));
const bool = () => maybe(fc.boolean());
const pick = <T extends string>(...v: T[]) => maybe(fc.constantFrom(...v));

/** Random, valid case facts across every field the rules read (null = unknown). */
const factsArb = fc.record({
  primary_tumor: pick(...PRIMARY_TUMORS),
  line_of_therapy: pick(...LINES_OF_THERAPY),
  prior_systemic_lines: int(0, 4),
  first_line_backbone: pick('oxaliplatin', 'irinotecan', 'other'),
  liver_dominant: bool(), extrahepatic_disease: pick('none', 'limited', 'dominant'), extrahepatic_progression: bool(),
  resectable_or_ablatable: bool(), bilobar: bool(), liver_replacement_pct: num(0, 100), lesion_count: int(0, 12),
  nodules: int(0, 8), well_defined_nodules: bool(), selective_access: bool(),
  ecog: int(0, 4), age: int(18, 95), frail: bool(), expected_survival_months: num(0, 200),
  bilirubin_mg_dl: num(0.1, 6), bilirubin_reversible_cause: bool(), albumin_g_dl: num(1.5, 5.5), inr: num(0.8, 3.5),
  creatinine_mg_dl: num(0.4, 4), sodium_mmol_l: num(120, 145), granulocytes_10e9_l: num(0.5, 8),
  coagulopathy_uncorrectable: bool(), recent_chemo_not_safe_with_y90: bool(),
  ascites: pick('none', 'mild', 'moderate_severe'), encephalopathy: pick('none', 'grade1_2', 'grade3_4'),
  bclc_stage: pick('0', 'A', 'B', 'C', 'D'),
  portal_vein: pick('patent', 'branch_thrombus', 'tumoral_thrombus_main', 'bland_occlusion_main', 'hepatofugal_flow'),
  biliary: pick('normal', 'stent', 'bilioenteric_anastomosis', 'sphincterotomy', 'obstruction'),
  varices_untreated_high_risk: bool(), lung_shunt_fraction_pct: num(0, 40), hepatoenteric_shunt_uncorrectable: bool(),
  planned_device: pick('resin', 'glass'), planned_activity_gbq: num(0.5, 8), prior_lung_dose_gy: num(0, 40), prior_liver_ebrt: bool(), prior_y90: bool(),
  kras_status: pick('wild_type', 'mutant', 'unknown'), primary_sidedness: pick('left', 'right'), primary_resected: bool(),
  net_primary_site: pick('midgut_ileum', 'pancreas', 'lung', 'other', 'unknown'), net_grade: pick('G1', 'G2', 'G3'), net_ki67_pct: num(0, 60),
  hormone_symptoms: bool(), bulk_symptoms: bool(), on_ssa: bool(), progressing_on_ssa: bool(), sstr_positive: bool(),
  lu177_candidate: bool(), prior_prrt: bool(), height_cm: num(140, 200), weight_kg: num(40, 140),
}, { requiredKeys: [] });

/** One fact (or fact pair) that makes a safety gate of EVIDENCE.md 2.2 fire. */
const gateFactArb = fc.constantFrom<Record<string, unknown>>(
  { ecog: 3 }, { ecog: 4 }, { expected_survival_months: 2 },
  { bilirubin_mg_dl: 2.6, bilirubin_reversible_cause: false }, { bilirubin_mg_dl: 3.5 },
  { lung_shunt_fraction_pct: 25, planned_device: 'resin' }, { lung_shunt_fraction_pct: 22, planned_device: null },
  { lung_shunt_fraction_pct: 17 }, { lung_shunt_fraction_pct: 12 },
  { planned_device: 'glass', planned_activity_gbq: 5, lung_shunt_fraction_pct: 15 },
  { planned_device: 'glass', planned_activity_gbq: 2, lung_shunt_fraction_pct: 10, prior_lung_dose_gy: 45 },
  { hepatoenteric_shunt_uncorrectable: true }, { liver_replacement_pct: 80, albumin_g_dl: 2.7 }, { liver_replacement_pct: 75, inr: 1.5 },
  { prior_liver_ebrt: true }, { granulocytes_10e9_l: 1.2 }, { coagulopathy_uncorrectable: true }, { recent_chemo_not_safe_with_y90: true },
  { encephalopathy: 'grade1_2' }, { encephalopathy: 'grade3_4' }, { ascites: 'moderate_severe' }, { ascites: 'mild' },
  { portal_vein: 'tumoral_thrombus_main' }, { portal_vein: 'bland_occlusion_main' }, { portal_vein: 'hepatofugal_flow' },
  { bilobar: true, liver_replacement_pct: 85 }, { creatinine_mg_dl: 2.4 }, { biliary: 'stent' }, { biliary: 'obstruction' },
  { varices_untreated_high_risk: true },
  { bilirubin_mg_dl: 3.5, albumin_g_dl: 2.5, inr: 2.5, ascites: 'moderate_severe', encephalopathy: 'grade1_2' }, // Child-Pugh C
);

const rankOf = (out: EngineOutput): Map<string, number> => new Map(out.options.map((o) => [o.option, STRENGTHS.indexOf(o.strength)]));

describe('properties', () => {
  it('adding any safety-gate fact never raises any option (BEST_SUPPORTIVE_CARE excepted, as the contract says)', () => {
    fc.assert(fc.property(factsArb, fc.array(gateFactArb, { minLength: 1, maxLength: 3 }), (facts, gateFacts) => {
      // "Adding" a fact: before, the gate's facts are unknown; after, they hold. (Overwriting a riskier known
      // value with a milder one, e.g. LSF 25 → 12, is not adding a gate fact and may rightly lift a cap.)
      const added: Record<string, unknown> = Object.assign({}, ...gateFacts);
      const unknown = Object.fromEntries(Object.keys(added).map((k) => [k, null]));
      const before = rankOf(evaluate({ ...facts, ...unknown }));
      const after = rankOf(evaluate({ ...facts, ...added }));
      for (const [option, r] of after) {
        if (option === 'BEST_SUPPORTIVE_CARE') continue;
        const b = before.get(option);
        if (b !== undefined && r < b) return false;
      }
      return true;
    }), { numRuns: 3000 });
  });

  it('evaluation is deterministic, also with other cases evaluated in between', () => {
    fc.assert(fc.property(factsArb, factsArb, (a, b) => {
      const first = JSON.stringify(evaluate(a));
      evaluate(b);
      return JSON.stringify(evaluate(structuredClone(a))) === first;
    }), { numRuns: 1000 });
  });

  it('every output is contract-valid: schema, unique options, sorted, catalogue ids only', () => {
    fc.assert(fc.property(factsArb, (facts) => {
      const out = evaluate(facts);
      engineOutputSchema.parse(out);
      const opts = out.options.map((o) => o.option);
      expect(new Set(opts).size).toBe(opts.length);
      const ranks = out.options.map((o) => STRENGTHS.indexOf(o.strength));
      expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
      for (const o of out.options) {
        for (const id of o.evidence) expect(CATALOGUE.has(id), id).toBe(true);
        for (const c of o.conflicts) for (const s of c.sides) for (const id of s.evidence) expect(CATALOGUE.has(id), id).toBe(true);
        expect(o.rules.length).toBeGreaterThan(0);
        expect(o.evidence.length).toBeGreaterThan(0);
      }
      expect(new Set(out.flags).size).toBe(out.flags.length);
      expect(new Set(out.missing.map((m) => m.field)).size).toBe(out.missing.length);
    }), { numRuns: 1500 });
  });

  it('the fast fact check agrees with caseFactsSchema on valid and invalid input', () => {
    const wild = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer({ min: -5, max: 300 }), fc.double(),
      fc.constantFrom('colorectal', 'hcc', 'G2', 'none', 'mild', ' x ', '', 'glass'), fc.array(fc.constantFrom('oxaliplatin', ' ', ' 5-FU '), { maxLength: 3 }));
    const keys = fc.constantFrom('primary_tumor', 'ecog', 'bilirubin_mg_dl', 'inr', 'ascites', 'net_grade', 'bilobar', 'prior_chemo_agents', 'etiology', 'planned_device', 'age', 'unknown_key');
    fc.assert(fc.property(fc.dictionary(keys, wild, { maxKeys: 6 }), factsArb, (noise, facts) => {
      const input = { ...facts, ...noise };
      const zr = caseFactsSchema.safeParse(input);
      let fast: unknown, err: unknown;
      try { fast = parseFacts(input); } catch (e) { err = e; }
      if (zr.success) {
        expect(err).toBeUndefined();
        expect(fast).toEqual(zr.data);
        expect(Object.keys(fast as object).sort()).toEqual(Object.keys(zr.data).sort());
        return true;
      }
      return err instanceof EngineInputError && err.field === zr.error.issues[0]?.path.map(String).join('.');
    }), { numRuns: 3000 });
  });
});
