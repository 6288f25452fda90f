/** Every worked example of EVIDENCE.md section 3, plus boundary conventions and invalid input. */
import { describe, expect, it } from 'vitest';
import { EngineInputError } from '../../../shared/engine';
import {
  albi, bsaDuBois, bsaM2, bsaMosteller, childPugh, ctcaeAlkalinePhosphataseGrade, ctcaeAminotransferaseGrade,
  ctcaeBilirubinGrade, ctcaeHypoalbuminemiaGrade, glassActivityGbq, glassActivityIfuShortGbq, glassLungDoseCheck,
  glassTargetDoseGy, lungDoseGy, massKgFromVolumeMl, meld, meldNa, mrecist, mrecistFromSums, partitionModel,
  recist11, recist11FromSums, resinActivityBsa, resinLsfBracket,
} from '../../../shared/engine/calculators';

const throwsField = (fn: () => unknown, field: string): void => {
  let err: unknown;
  try { fn(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(EngineInputError);
  expect((err as EngineInputError).field).toBe(field);
  expect((err as EngineInputError).message).toContain(field);
};

describe('3.1 Child-Pugh', () => {
  it('example 1: 5 → A', () => {
    const r = childPugh({ bilirubin_mg_dl: 1.2, albumin_g_dl: 3.8, inr: 1.1, ascites: 'none', encephalopathy: 'none' });
    expect(r.score).toBe(5);
    expect(r.class).toBe('A');
  });
  it('example 2: 9 → B', () => {
    const r = childPugh({ bilirubin_mg_dl: 2.5, albumin_g_dl: 3.0, inr: 1.8, ascites: 'mild', encephalopathy: 'none' });
    expect(r.score).toBe(9);
    expect(r.class).toBe('B');
    expect(r.points).toEqual({ bilirubin: 2, albumin: 2, inr: 2, ascites: 2, encephalopathy: 1 });
  });
  it('example 3: 14 → C', () => {
    const r = childPugh({ bilirubin_mg_dl: 3.5, albumin_g_dl: 2.6, inr: 2.4, ascites: 'moderate_severe', encephalopathy: 'grade1_2' });
    expect(r.score).toBe(14);
    expect(r.class).toBe('C');
  });
  it('boundary convention: bilirubin 2.0 → 2, albumin 3.5 → 2, INR 1.7 → 2 points; 3.0/2.8/2.3 stay at 2', () => {
    const at = childPugh({ bilirubin_mg_dl: 2.0, albumin_g_dl: 3.5, inr: 1.7, ascites: 'none', encephalopathy: 'none' });
    expect(at.points).toEqual({ bilirubin: 2, albumin: 2, inr: 2, ascites: 1, encephalopathy: 1 });
    expect(at.score).toBe(8);
    const upper = childPugh({ bilirubin_mg_dl: 3.0, albumin_g_dl: 2.8, inr: 2.3, ascites: 'none', encephalopathy: 'none' });
    expect(upper.points).toEqual({ bilirubin: 2, albumin: 2, inr: 2, ascites: 1, encephalopathy: 1 });
    const below = childPugh({ bilirubin_mg_dl: 1.99, albumin_g_dl: 3.51, inr: 1.69, ascites: 'none', encephalopathy: 'none' });
    expect(below.score).toBe(5);
    expect(childPugh({ bilirubin_mg_dl: 3.01, albumin_g_dl: 2.79, inr: 2.31, ascites: 'none', encephalopathy: 'grade3_4' }).score).toBe(13);
  });
  it('class limits 6/7 and 9/10', () => {
    expect(childPugh({ bilirubin_mg_dl: 1, albumin_g_dl: 3.0, inr: 1, ascites: 'none', encephalopathy: 'none' }).class).toBe('A'); // 6
    expect(childPugh({ bilirubin_mg_dl: 2, albumin_g_dl: 3.0, inr: 1, ascites: 'none', encephalopathy: 'none' }).class).toBe('B'); // 7
    expect(childPugh({ bilirubin_mg_dl: 2, albumin_g_dl: 3.0, inr: 1.8, ascites: 'mild', encephalopathy: 'none' }).class).toBe('B'); // 9
    expect(childPugh({ bilirubin_mg_dl: 2, albumin_g_dl: 3.0, inr: 1.8, ascites: 'mild', encephalopathy: 'grade1_2' }).class).toBe('C'); // 10
  });
  it('rejects invalid input naming the field', () => {
    throwsField(() => childPugh({ bilirubin_mg_dl: -1, albumin_g_dl: 3, inr: 1, ascites: 'none', encephalopathy: 'none' }), 'bilirubin_mg_dl');
    throwsField(() => childPugh({ bilirubin_mg_dl: 1, albumin_g_dl: Number.NaN, inr: 1, ascites: 'none', encephalopathy: 'none' }), 'albumin_g_dl');
    throwsField(() => childPugh({ bilirubin_mg_dl: 1, albumin_g_dl: 3, inr: 1, ascites: 'severe' as never, encephalopathy: 'none' }), 'ascites');
  });
});

describe('3.2 ALBI', () => {
  it('bili 0.8, alb 4.2 → −2.82, grade 1', () => expect(albi({ bilirubin_mg_dl: 0.8, albumin_g_dl: 4.2 })).toMatchObject({ score: -2.82, grade: 1 }));
  it('bili 1.5, alb 3.2 → −1.79, grade 2', () => expect(albi({ bilirubin_mg_dl: 1.5, albumin_g_dl: 3.2 })).toMatchObject({ score: -1.79, grade: 2 }));
  it('bili 3.0, alb 2.5 → −1.00, grade 3', () => expect(albi({ bilirubin_mg_dl: 3.0, albumin_g_dl: 2.5 })).toMatchObject({ score: -1, grade: 3 }));
  it('keeps the unrounded score', () => expect(albi({ bilirubin_mg_dl: 0.8, albumin_g_dl: 4.2 }).score_unrounded).toBeCloseTo(-2.8202, 4));
  it('rejects zero or negative bilirubin naming the field', () => {
    throwsField(() => albi({ bilirubin_mg_dl: 0, albumin_g_dl: 4 }), 'bilirubin_mg_dl');
    throwsField(() => albi({ bilirubin_mg_dl: -0.5, albumin_g_dl: 4 }), 'bilirubin_mg_dl');
  });
});

describe('3.3 MELD and MELD-Na (OPTN 2016)', () => {
  it('published example 1: MELD 15, MELD-Na 17', () => {
    expect(meldNa({ bilirubin_mg_dl: 2, inr: 1.5, creatinine_mg_dl: 1.2, sodium_mmol_l: 135 })).toEqual({ meld: 15, meld_na: 17 });
  });
  it('published example 2: MELD 13, MELD-Na 15', () => {
    expect(meldNa({ creatinine_mg_dl: 1.0, bilirubin_mg_dl: 1.5, inr: 1.5, sodium_mmol_l: 135 })).toEqual({ meld: 13, meld_na: 15 });
  });
  it('computed example 3: MELD 19, MELD-Na 20', () => {
    expect(meldNa({ inr: 1.1, bilirubin_mg_dl: 1.5, creatinine_mg_dl: 2.7, sodium_mmol_l: 135 })).toEqual({ meld: 19, meld_na: 20 });
  });
  it('values < 1 count as 1; creatinine capped at 4; dialysis → 4; bounded 6–40; MELD ≤ 11 keeps MELD-Na = MELD', () => {
    expect(meld({ creatinine_mg_dl: 0.5, bilirubin_mg_dl: 0.3, inr: 0.9 })).toBe(6);
    expect(meld({ creatinine_mg_dl: 9, bilirubin_mg_dl: 1, inr: 1 })).toBe(meld({ creatinine_mg_dl: 4, bilirubin_mg_dl: 1, inr: 1 }));
    expect(meld({ creatinine_mg_dl: 1, bilirubin_mg_dl: 1, inr: 1, dialysis_twice_past_week: true })).toBe(meld({ creatinine_mg_dl: 4, bilirubin_mg_dl: 1, inr: 1 }));
    expect(meld({ creatinine_mg_dl: 4, bilirubin_mg_dl: 40, inr: 8 })).toBe(40);
    expect(meldNa({ creatinine_mg_dl: 1, bilirubin_mg_dl: 1, inr: 1.2, sodium_mmol_l: 120 })).toEqual({ meld: 8, meld_na: 8 });
    // Na bounded to 125: 115 gives the same as 125.
    expect(meldNa({ creatinine_mg_dl: 1.2, bilirubin_mg_dl: 2, inr: 1.5, sodium_mmol_l: 115 }).meld_na)
      .toBe(meldNa({ creatinine_mg_dl: 1.2, bilirubin_mg_dl: 2, inr: 1.5, sodium_mmol_l: 125 }).meld_na);
  });
  it('rejects a negative creatinine naming the field', () => throwsField(() => meld({ creatinine_mg_dl: -1, bilirubin_mg_dl: 1, inr: 1 }), 'creatinine_mg_dl'));
});

describe('3.4 BSA', () => {
  it.each([
    [170, 70, 1.818, 1.810],
    [160, 55, 1.564, 1.563],
    [183, 95, 2.198, 2.174],
  ])('%i cm, %i kg → Mosteller %f, DuBois %f', (h, w, m, d) => {
    // EVIDENCE.md prints 3 decimals; 160 cm/55 kg Mosteller is 1.56347 (printed 1.564), so allow 0.0006.
    expect(Math.abs(bsaMosteller(h, w) - m)).toBeLessThanOrEqual(0.0006);
    expect(Math.abs(bsaDuBois(h, w) - d)).toBeLessThanOrEqual(0.0006);
    expect(bsaM2({ height_cm: h, weight_kg: w, formula: 'dubois' })).toBeCloseTo(d, 3);
  });
  it('rejects a zero height naming the field', () => throwsField(() => bsaMosteller(0, 70), 'height_cm'));
});

describe('3.5 resin BSA method with lung-shunt reduction', () => {
  const base = { bsa_m2: 1.818, tumour_involvement_pct: 30 };
  it('base activity 1.918 GBq; LSF 5 % → 1.918 GBq', () => {
    const r = resinActivityBsa({ ...base, lung_shunt_fraction_pct: 5 });
    expect(r.base_activity_gbq).toBeCloseTo(1.918, 3);
    expect(r.prescribed_activity_gbq).toBeCloseTo(1.918, 3);
    expect(r.reduction_pct).toBe(0);
  });
  it('LSF 12 % → × 0.8 = 1.534 GBq', () => {
    const r = resinActivityBsa({ ...base, lung_shunt_fraction_pct: 12 });
    expect(r.prescribed_activity_gbq).toBeCloseTo(1.534, 3);
    expect(r.bracket).toBe('reduce_20');
  });
  it('LSF 17 % → × 0.6 = 1.151 GBq', () => {
    const r = resinActivityBsa({ ...base, lung_shunt_fraction_pct: 17 });
    expect(r.prescribed_activity_gbq).toBeCloseTo(1.151, 3);
    expect(r.bracket).toBe('reduce_40');
  });
  it('LSF 22 % → contraindicated', () => {
    const r = resinActivityBsa({ ...base, lung_shunt_fraction_pct: 22 });
    expect(r.bracket).toBe('contraindicated');
    expect(r.prescribed_activity_gbq).toBeNull();
  });
  it('BSA 1.6 m², 60 % involvement, LSF 8 % → 2.000 GBq', () => {
    expect(resinActivityBsa({ bsa_m2: 1.6, tumour_involvement_pct: 60, lung_shunt_fraction_pct: 8 }).prescribed_activity_gbq).toBeCloseTo(2.0, 3);
  });
  it('bracket boundaries: 10 → 20 %, 15 → 40 %, 20 → 40 %, 20.01 → contraindicated, 9.99 → none', () => {
    expect(resinLsfBracket(9.99)).toBe('no_reduction');
    expect(resinLsfBracket(10)).toBe('reduce_20');
    expect(resinLsfBracket(14.99)).toBe('reduce_20');
    expect(resinLsfBracket(15)).toBe('reduce_40');
    expect(resinLsfBracket(20)).toBe('reduce_40');
    expect(resinLsfBracket(20.01)).toBe('contraindicated');
  });
  it('lobar scaling scales the whole BSA activity (3.5): BSA 1.8, 30 % involvement, 60 % treated → 1.14 GBq', () => {
    expect(resinActivityBsa({ bsa_m2: 1.8, tumour_involvement_pct: 30, lung_shunt_fraction_pct: 0, treated_liver_pct: 60 }).base_activity_gbq).toBeCloseTo(1.14, 3);
    expect(resinActivityBsa({ bsa_m2: 1.818, tumour_involvement_pct: 10, lung_shunt_fraction_pct: 0, treated_liver_pct: 50 }).base_activity_gbq).toBeCloseTo(0.859, 3);
  });
  it('rejects LSF above 100 naming the field', () => throwsField(() => resinActivityBsa({ ...base, lung_shunt_fraction_pct: 120 }), 'lung_shunt_fraction_pct'));
});

describe('3.6 glass MIRD single compartment and lung dose', () => {
  it('example 1: 120 Gy to 1.2 kg, F 6 % → 3.064 GBq; dose check 120.0 Gy; lung 9.19 Gy', () => {
    const a = glassActivityGbq({ target_dose_gy: 120, target_mass_kg: 1.2, lung_shunt_fraction_pct: 6 });
    expect(a).toBeCloseTo(3.064, 3);
    expect(glassTargetDoseGy({ activity_gbq: a, target_mass_kg: 1.2, lung_shunt_fraction_pct: 6 })).toBeCloseTo(120.0, 6);
    expect(lungDoseGy({ activity_gbq: a, lung_shunt_fraction_pct: 6 })).toBeCloseTo(9.19, 2);
  });
  it('example 2: 120 Gy to 1.5 kg, F 5 % → 3.789 GBq; lung 9.47 Gy', () => {
    const a = glassActivityGbq({ target_dose_gy: 120, target_mass_kg: 1.5, lung_shunt_fraction_pct: 5 });
    expect(a).toBeCloseTo(3.789, 3);
    expect(lungDoseGy({ activity_gbq: a, lung_shunt_fraction_pct: 5 })).toBeCloseTo(9.47, 2);
  });
  it('example 3: 5 GBq with F 15 % → lung 37.5 Gy > 30 Gy; maximum 4.0 GBq', () => {
    const c = glassLungDoseCheck({ activity_gbq: 5, lung_shunt_fraction_pct: 15 });
    expect(c.lung_dose_gy).toBeCloseTo(37.5, 6);
    expect(c.exceeds_single_limit).toBe(true);
    expect(c.max_activity_gbq).toBeCloseTo(4.0, 6);
  });
  it('cumulative limit 50 Gy with earlier lung dose', () => {
    const c = glassLungDoseCheck({ activity_gbq: 3, lung_shunt_fraction_pct: 10, prior_lung_dose_gy: 40 });
    expect(c.lung_dose_gy).toBeCloseTo(15, 6);
    expect(c.exceeds_single_limit).toBe(false);
    expect(c.exceeds_cumulative_limit).toBe(true);
    expect(c.max_activity_gbq).toBeCloseTo(2.0, 6);
  });
  it('IFU short form for example 1: 2.88 GBq', () => expect(glassActivityIfuShortGbq({ target_dose_gy: 120, target_mass_kg: 1.2 })).toBeCloseTo(2.88, 6));
  it('residual fraction and mass from volume', () => {
    expect(glassActivityGbq({ target_dose_gy: 120, target_mass_kg: 1.2, lung_shunt_fraction_pct: 0, residual_pct: 10 })).toBeCloseTo(3.2, 6);
    expect(massKgFromVolumeMl(1000)).toBeCloseTo(1.03, 6);
  });
  it('rejects a zero target mass naming the field', () => throwsField(() => glassActivityGbq({ target_dose_gy: 120, target_mass_kg: 0, lung_shunt_fraction_pct: 5 }), 'target_mass_kg'));
});

describe('3.7 partition model', () => {
  it('A 2.0 GBq, F 5 %, TNR 3, M_T 0.3 kg, M_NL 1.2 kg → 135.7 / 45.2 / 5.0 Gy', () => {
    const r = partitionModel({ activity_gbq: 2, lung_shunt_fraction_pct: 5, tumour_to_normal_ratio: 3, tumour_mass_kg: 0.3, normal_liver_mass_kg: 1.2 });
    expect(r.tumour_dose_gy).toBeCloseTo(135.7, 1);
    expect(r.normal_liver_dose_gy).toBeCloseTo(45.2, 1);
    expect(r.lung_dose_gy).toBeCloseTo(5.0, 6);
  });
  it('rejects a zero TNR naming the field', () => throwsField(() => partitionModel({ activity_gbq: 2, lung_shunt_fraction_pct: 5, tumour_to_normal_ratio: 0, tumour_mass_kg: 0.3, normal_liver_mass_kg: 1.2 }), 'tumour_to_normal_ratio'));
});

describe('3.9 RECIST 1.1', () => {
  it('baseline sum 100 mm → PR at 70 mm, SD at 71 mm', () => {
    expect(recist11FromSums({ baseline_sum_mm: 100, current_sum_mm: 70 }).response).toBe('PR');
    expect(recist11FromSums({ baseline_sum_mm: 100, current_sum_mm: 71 }).response).toBe('SD');
  });
  it('nadir 70 mm → PD at 84 mm (+14 mm), SD at 83 mm', () => {
    expect(recist11FromSums({ baseline_sum_mm: 100, nadir_sum_mm: 70, current_sum_mm: 84 }).response).toBe('PD');
    expect(recist11FromSums({ baseline_sum_mm: 100, nadir_sum_mm: 70, current_sum_mm: 83 }).response).toBe('SD');
  });
  it('nadir 20 mm → 24 mm is SD (needs +5 mm), 25 mm is PD', () => {
    expect(recist11FromSums({ baseline_sum_mm: 20, nadir_sum_mm: 20, current_sum_mm: 24 }).response).toBe('SD');
    expect(recist11FromSums({ baseline_sum_mm: 20, nadir_sum_mm: 20, current_sum_mm: 25 }).response).toBe('PD');
    // PD is judged against the nadir even when the sum is still a PR against baseline.
    expect(recist11FromSums({ baseline_sum_mm: 100, nadir_sum_mm: 40, current_sum_mm: 50 }).response).toBe('PD');
  });
  it('new lesion → PD whatever the sum', () => expect(recist11FromSums({ baseline_sum_mm: 100, current_sum_mm: 10, new_lesions: true }).response).toBe('PD'));
  it('a lesion reappearing after a complete response is PD (baseline 30, nadir 0, current 4 mm), not PR', () => {
    expect(recist11FromSums({ baseline_sum_mm: 30, nadir_sum_mm: 0, current_sum_mm: 4 }).response).toBe('PD');
    expect(mrecistFromSums({ baseline_sum_mm: 30, nadir_sum_mm: 0, current_sum_mm: 4 }).response).toBe('PD');
    expect(recist11FromSums({ baseline_sum_mm: 30, nadir_sum_mm: 0, current_sum_mm: 0, complete_disappearance: true }).response).toBe('CR');
    // Nodes may keep a sum above 0 at CR: the previous CR is then said explicitly.
    const baseline = [{ id: 'N1', organ: 'node', node: true, diameter_mm: 20 }, { id: 'L1', organ: 'liver', node: false, diameter_mm: 30 }];
    const back = recist11({ baseline, current: [{ ...baseline[0]!, diameter_mm: 8 }, { ...baseline[1]!, diameter_mm: 5 }], nadir_sum_mm: 8, new_lesions: false, after_complete_response: true });
    expect(back.response).toBe('PD');
    const stillCr = recist11({ baseline, current: [{ ...baseline[0]!, diameter_mm: 9 }, { ...baseline[1]!, diameter_mm: 0 }], nadir_sum_mm: 8, new_lesions: false, after_complete_response: true });
    expect(stillCr.response).toBe('CR');
  });
  it('mRECIST refuses a current lesion id that is not a baseline target, naming the field', () => {
    throwsField(() => mrecist({ baseline: [{ id: 'A', viable_diameter_mm: 30 }], current: [{ id: 'Z', viable_diameter_mm: 10 }], new_lesions: false }), 'current[0].id');
  });
  it('from lesions: CR when non-nodal targets vanish and nodes are < 10 mm', () => {
    const baseline = [
      { id: 'L1', organ: 'liver', node: false, diameter_mm: 40 },
      { id: 'L2', organ: 'liver', node: false, diameter_mm: 25 },
      { id: 'N1', organ: 'node', node: true, diameter_mm: 18 },
    ];
    const cr = recist11({ baseline, current: [{ ...baseline[0]!, diameter_mm: 0 }, { ...baseline[1]!, diameter_mm: 0 }, { ...baseline[2]!, diameter_mm: 8 }], new_lesions: false });
    expect(cr.response).toBe('CR');
    expect(cr.baseline_sum_mm).toBe(83);
    const pr = recist11({ baseline, current: [{ ...baseline[0]!, diameter_mm: 25 }, { ...baseline[1]!, diameter_mm: 15 }, { ...baseline[2]!, diameter_mm: 12 }], new_lesions: false });
    expect(pr.response).toBe('PR');
    expect(pr.change_from_baseline_pct).toBeCloseTo(-37.35, 2);
  });
  it('rejects a third target in one organ and a non-measurable baseline lesion, naming the field', () => {
    const three = [1, 2, 3].map((i) => ({ id: `L${i}`, organ: 'liver', node: false, diameter_mm: 20 }));
    throwsField(() => recist11({ baseline: three, current: three, new_lesions: false }), 'baseline[2].organ');
    const small = [{ id: 'L1', organ: 'liver', node: false, diameter_mm: 8 }];
    throwsField(() => recist11({ baseline: small, current: small, new_lesions: false }), 'baseline[0].diameter_mm');
  });
});

describe('3.10 mRECIST', () => {
  it('viable sum 50 → 35 mm is PR; all enhancement gone is CR', () => {
    expect(mrecist({ baseline: [{ id: 'A', viable_diameter_mm: 30 }, { id: 'B', viable_diameter_mm: 20 }], current: [{ id: 'A', viable_diameter_mm: 20 }, { id: 'B', viable_diameter_mm: 15 }], new_lesions: false }).response).toBe('PR');
    expect(mrecist({ baseline: [{ id: 'A', viable_diameter_mm: 30 }], current: [{ id: 'A', viable_diameter_mm: 0 }], new_lesions: false }).response).toBe('CR');
  });
  it('PD at +20 % over the nadir without the 5 mm rule (20 → 24 mm)', () => {
    expect(mrecistFromSums({ baseline_sum_mm: 20, nadir_sum_mm: 20, current_sum_mm: 24 }).response).toBe('PD');
    expect(mrecistFromSums({ baseline_sum_mm: 20, nadir_sum_mm: 20, current_sum_mm: 23 }).response).toBe('SD');
  });
});

describe('3.11 CTCAE v5 laboratory grades', () => {
  it('bilirubin 4.0 mg/dL, ULN 1.2, normal baseline → 3.33 × ULN → grade 3', () => expect(ctcaeBilirubinGrade({ value: 4.0, uln: 1.2 })).toBe(3));
  it('AST 150 U/L, ULN 40, normal baseline → 3.75 × ULN → grade 2', () => expect(ctcaeAminotransferaseGrade({ value: 150, uln: 40, baseline: 30 })).toBe(2));
  it('bilirubin 1.9 mg/dL with abnormal baseline 1.5 (ULN 1.2) → 1.27 × baseline → grade 1', () => expect(ctcaeBilirubinGrade({ value: 1.9, uln: 1.2, baseline: 1.5 })).toBe(1));
  it('grade boundaries for bilirubin (normal baseline)', () => {
    expect(ctcaeBilirubinGrade({ value: 1.2, uln: 1.2 })).toBe(0);
    expect(ctcaeBilirubinGrade({ value: 1.8, uln: 1.2 })).toBe(1); // 1.5 × ULN
    expect(ctcaeBilirubinGrade({ value: 3.6, uln: 1.2 })).toBe(2); // 3.0 × ULN
    expect(ctcaeBilirubinGrade({ value: 12.1, uln: 1.2 })).toBe(4);
  });
  it('ALT with abnormal baseline starts at 1.5 × baseline', () => {
    expect(ctcaeAminotransferaseGrade({ value: 80, uln: 40, baseline: 60 })).toBe(0);
    expect(ctcaeAminotransferaseGrade({ value: 90, uln: 40, baseline: 60 })).toBe(1);
    expect(ctcaeAminotransferaseGrade({ value: 1300, uln: 40, baseline: 60 })).toBe(4);
  });
  it('alkaline phosphatase: normal and abnormal baseline', () => {
    expect(ctcaeAlkalinePhosphataseGrade({ value: 250, uln: 120 })).toBe(1); // 2.08 × ULN
    expect(ctcaeAlkalinePhosphataseGrade({ value: 700, uln: 120 })).toBe(3); // 5.8 × ULN
    expect(ctcaeAlkalinePhosphataseGrade({ value: 350, uln: 120, baseline: 200 })).toBe(0); // 1.75 × baseline
    expect(ctcaeAlkalinePhosphataseGrade({ value: 420, uln: 120, baseline: 200 })).toBe(1); // 2.1 × baseline
  });
  it('hypoalbuminemia: <LLN–3 / <3–2 / <2 g/dL; grade 4 only as a clinical judgement', () => {
    expect(ctcaeHypoalbuminemiaGrade({ albumin_g_dl: 3.6, lln_g_dl: 3.5 })).toBe(0);
    expect(ctcaeHypoalbuminemiaGrade({ albumin_g_dl: 3.0, lln_g_dl: 3.5 })).toBe(1);
    expect(ctcaeHypoalbuminemiaGrade({ albumin_g_dl: 2.9, lln_g_dl: 3.5 })).toBe(2);
    expect(ctcaeHypoalbuminemiaGrade({ albumin_g_dl: 1.9, lln_g_dl: 3.5 })).toBe(3);
    expect(ctcaeHypoalbuminemiaGrade({ albumin_g_dl: 1.9, lln_g_dl: 3.5, life_threatening: true })).toBe(4);
  });
  it('rejects a zero ULN naming the field', () => throwsField(() => ctcaeBilirubinGrade({ value: 1, uln: 0 }), 'uln'));
});
