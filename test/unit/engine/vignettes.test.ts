/** The public vignettes pass under the CONTRACT rule, and the vignette file is validated. */
import { describe, expect, it } from 'vitest';
import { EngineInputError, checkVignette, evaluate, parseVignettes, runVignettes } from '../../../shared/engine';
import { publicCurativeVignettes, publicVignettes } from './paths';

interface RawFile {
  cases: {
    id: string; inputs: Record<string, unknown>; derived_expected: Record<string, unknown>;
    expected: { option: string; strength: string }[]; forbidden: { option: string }[]; expected_flags: string[];
  }[];
}
const file = publicVignettes() as RawFile;
const curative = publicCurativeVignettes() as RawFile;

/** Every key of `derived_expected` (a null there means the calculator must output null). */
const derivedCases = [...file.cases, ...curative.cases].map((c) => [c.id, c] as const);
describe('derived_expected, every key present (public.json and public-curative.json)', () => {
  it.each(derivedCases)('%s reproduces derived_expected', (_id, c) => {
    const d = evaluate(c.inputs).derived as Record<string, unknown>;
    const got = Object.fromEntries(Object.keys(c.derived_expected).map((k) => [k, d[k]]));
    expect(got).toEqual(c.derived_expected);
  });
  it('the curative file checks the new calculators', () => {
    const keys = new Set(curative.cases.flatMap((c) => Object.keys(c.derived_expected)));
    for (const k of ['bclc_stage_derived', 'milan', 'ucsf', 'up_to_seven', 'fong_score', 'flr_threshold_pct']) expect(keys.has(k), k).toBe(true);
  });
});

describe('public curative vignettes (../shared/clinical/vignettes/public-curative.json)', () => {
  it('all 10 pass', () => {
    const run = runVignettes(curative);
    expect(run.results.map((r) => r.id)).toEqual(['VP11', 'VP12', 'VP13', 'VP14', 'VP15', 'VP16', 'VP17', 'VP18', 'VP19', 'VP20']);
    expect(run.results.filter((r) => !r.passed)).toEqual([]);
    expect(run).toMatchObject({ passed: 10, failed: 0 });
  });
});

describe('public vignettes (../shared/clinical/vignettes/public.json)', () => {
  it('all 10 pass', () => {
    const run = runVignettes(file);
    expect(run.results.map((r) => r.id)).toEqual(['VP01', 'VP02', 'VP03', 'VP04', 'VP05', 'VP06', 'VP07', 'VP08', 'VP09', 'VP10']);
    expect(run.results.filter((r) => !r.passed)).toEqual([]);
    expect(run).toMatchObject({ passed: 10, failed: 0 });
  });

  it('VP10 in full: Y-90 contraindicated by S-Y90-BILI, BSC considered by S-LIVER-IMPAIRED', () => {
    const out = evaluate(file.cases[9]!.inputs);
    expect(out.options.map((o) => [o.option, o.strength, o.rules.join(',')])).toEqual([
      ['SYSTEMIC_STANDARD', 'recommended', 'R-CRC-04'],
      ['TRIAL_OR_REGISTRY', 'consider', 'R-CRC-04'],
      ['BEST_SUPPORTIVE_CARE', 'consider', 'S-LIVER-IMPAIRED'],
      ['Y90_TARE', 'contraindicated', 'R-CRC-04,S-Y90-BILI'],
    ]);
    expect(out.flags).toEqual(['Y90_BILIRUBIN_GT_2']);
  });
});

describe('the pass rule', () => {
  const vp01 = parseVignettes(file)[0]!;
  const out = evaluate(vp01.inputs);
  it('fails on a wrong strength, a missing citation, a forbidden pair and an unraised flag', () => {
    const problems = checkVignette({
      ...vp01,
      expected: [{ option: 'SYSTEMIC_STANDARD', strength: 'consider', must_cite: ['EV-EPOCH-2021'] }],
      forbidden: [{ option: 'Y90_TARE', strengths: ['not_recommended'] }],
      expected_flags: ['ASCITES'],
    }, out);
    expect(problems).toEqual([
      'SYSTEMIC_STANDARD: expected consider, got recommended',
      'SYSTEMIC_STANDARD: does not cite EV-EPOCH-2021',
      'Y90_TARE: forbidden strength not_recommended output',
      'flag ASCITES not raised',
    ]);
  });
  it('reports an expected option that is not output', () => {
    expect(checkVignette({ ...vp01, expected: [{ option: 'LU177_PRRT', strength: 'consider', must_cite: [] }], forbidden: [], expected_flags: [] }, out))
      .toEqual(['LU177_PRRT: expected consider, not output']);
  });
  it('a case whose inputs are invalid fails with the field named', () => {
    const run = runVignettes({ cases: [{ ...file.cases[0], inputs: { ...file.cases[0]!.inputs, ecog: 7 } }] });
    expect(run.failed).toBe(1);
    expect(run.results[0]!.problems[0]).toMatch(/^inputs rejected: ecog: /);
  });
});

describe('vignette file validation', () => {
  const rejects = (json: unknown, field: string): void => {
    let err: unknown;
    try { runVignettes(json); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(EngineInputError);
    expect((err as EngineInputError).field).toBe(field);
  };
  it('rejects an unknown option word in an expected list, naming the field', () => {
    const bad = structuredClone(file);
    bad.cases[2]!.expected[1]!.option = 'Y90_SECOND_LINE';
    rejects(bad, 'cases.2.expected.1.option');
  });
  it('rejects an unknown strength, forbidden option and flag word', () => {
    const s = structuredClone(file);
    s.cases[0]!.expected[0]!.strength = 'strongly_recommended';
    rejects(s, 'cases.0.expected.0.strength');
    const f = structuredClone(file);
    f.cases[4]!.forbidden[0]!.option = 'SIRT';
    rejects(f, 'cases.4.forbidden.0.option');
    const g = structuredClone(file);
    g.cases[4]!.expected_flags = ['POOR_PS'];
    rejects(g, 'cases.4.expected_flags.0');
  });
  it('rejects a file without cases', () => rejects({ schema_version: '0.1' }, 'cases'));
});
