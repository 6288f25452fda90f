/**
 * The calculators added 2026-12 against the worked examples of EVIDENCE.md 3.12–3.15 (inputs and outputs as
 * printed there), through the calculators and through evaluate() (derived output and `missing`).
 */
import { describe, expect, it } from 'vitest';
import { calculators, evaluate } from '../../../shared/engine';

const { deriveBclcStage, milanCriteria, ucsfCriteria, upToSevenCriteria, fongScore, fongScoreOrNull, flrThresholdPct, assessFlr, childPughScoreUnchecked, childPughClassOf } = calculators;

/** Child-Pugh A5 labs; B7 and C overrides below. */
const A5 = { bilirubin_mg_dl: 0.8, albumin_g_dl: 4.0, inr: 1.0, ascites: 'none', encephalopathy: 'none' } as const;
const B7 = { ...A5, bilirubin_mg_dl: 2.2, albumin_g_dl: 3.2 } as const;
const C12 = { bilirubin_mg_dl: 3.4, albumin_g_dl: 2.5, inr: 2.0, ascites: 'moderate_severe', encephalopathy: 'none' } as const;
const cp = (l: { bilirubin_mg_dl: number; albumin_g_dl: number; inr: number; ascites: 'none' | 'mild' | 'moderate_severe'; encephalopathy: 'none' | 'grade1_2' | 'grade3_4' }) => childPughClassOf(childPughScoreUnchecked(l));
const ex1 = { ...A5, nodules: 1, largest_nodule_cm: 1.8, ecog: 0, portal_vein: 'patent', extrahepatic_disease: 'none' } as const;
const stage = (f: Parameters<typeof deriveBclcStage>[0], missing?: string[]) => deriveBclcStage(f, f.bilirubin_mg_dl != null && f.albumin_g_dl != null ? cp(f as typeof A5) : null, missing);

describe('3.12 BCLC stage derived from the inputs', () => {
  it('1. one nodule 1.8 cm, Child-Pugh A5, ECOG 0, patent, no spread → 0', () => expect(stage(ex1)).toBe('0'));
  it('2. boundary: 2.0 cm → 0; 2.1 cm → A', () => {
    expect(stage({ ...ex1, largest_nodule_cm: 2.0 })).toBe('0');
    expect(stage({ ...ex1, largest_nodule_cm: 2.1 })).toBe('A');
  });
  it('3. three nodules, largest 3.0 cm → A; 3.1 cm → B', () => {
    expect(stage({ ...ex1, nodules: 3, largest_nodule_cm: 3.0 })).toBe('A');
    expect(stage({ ...ex1, nodules: 3, largest_nodule_cm: 3.1 })).toBe('B');
  });
  it('4. one nodule 1.5 cm with Child-Pugh B7 → A', () => expect(stage({ ...ex1, ...B7, largest_nodule_cm: 1.5 })).toBe('A'));
  it('5. ECOG 1 → C; extrahepatic limited → C; Child-Pugh C or ECOG 3 → D', () => {
    expect(stage({ ...ex1, ecog: 1 })).toBe('C');
    expect(stage({ ...ex1, extrahepatic_disease: 'limited' })).toBe('C');
    expect(stage({ ...ex1, ...C12 })).toBe('D');
    expect(stage({ ...ex1, ecog: 3 })).toBe('D');
  });
  it('6. albumin unknown, ECOG 0 → null, missing lists albumin_g_dl', () => {
    const missing: string[] = [];
    expect(deriveBclcStage({ ...ex1, albumin_g_dl: null }, null, missing)).toBeNull();
    expect(missing).toEqual(['albumin_g_dl']);
  });
  it('7. branch thrombus with macrovascular invasion unknown → null (macrovascular_invasion); with limited spread → C', () => {
    const f = { ...ex1, nodules: 2, largest_nodule_cm: 2, portal_vein: 'branch_thrombus' } as const;
    const missing: string[] = [];
    expect(stage(f, missing)).toBeNull();
    expect(missing).toEqual(['macrovascular_invasion']);
    expect(stage({ ...f, extrahepatic_disease: 'limited' })).toBe('C');
  });
  it('8. two nodules, size unknown → null (largest_nodule_cm); five nodules, size unknown → B', () => {
    const missing: string[] = [];
    expect(stage({ ...ex1, nodules: 2, largest_nodule_cm: null }, missing)).toBeNull();
    expect(missing).toEqual(['largest_nodule_cm']);
    expect(stage({ ...ex1, nodules: 5, largest_nodule_cm: null })).toBe('B');
  });
  it('ECOG 3 decides D even with liver function unknown; a known invasion decides C before the nodules', () => {
    expect(deriveBclcStage({ ecog: 3 }, null)).toBe('D');
    expect(stage({ ...ex1, macrovascular_invasion: true, nodules: null })).toBe('C');
  });
  it('through evaluate(): derived for HCC only, missing names the lacking input when a row needs the stage', () => {
    const hcc = { primary_tumor: 'hcc', prior_systemic_lines: 0, ...ex1 } as const;
    expect(evaluate(hcc).derived.bclc_stage_derived).toBe('0');
    expect(evaluate({ ...hcc, primary_tumor: 'colorectal' }).derived.bclc_stage_derived).toBeNull();
    const noAlb = evaluate({ ...hcc, albumin_g_dl: null });
    expect(noAlb.derived.bclc_stage_derived).toBeNull();
    expect(noAlb.missing.map((m) => m.field)).toEqual(expect.arrayContaining(['albumin_g_dl', 'bclc_stage']));
  });
});

const vx = { portal_vein: 'patent', extrahepatic_disease: 'none' } as const;
describe('3.13 Milan, UCSF, up-to-seven', () => {
  it('1. one nodule 5.0 cm → Milan within (boundary), UCSF within, up-to-seven within; 5.1 cm → Milan beyond', () => {
    const f = { ...vx, nodules: 1, largest_nodule_cm: 5.0 };
    expect([milanCriteria(f), ucsfCriteria(f), upToSevenCriteria(f)]).toEqual(['within', 'within', 'within']);
    expect(milanCriteria({ ...f, largest_nodule_cm: 5.1 })).toBe('beyond');
  });
  it('2. three nodules, largest 3.0 cm → Milan within; 3.1 cm → beyond', () => {
    expect(milanCriteria({ ...vx, nodules: 3, largest_nodule_cm: 3.0 })).toBe('within');
    expect(milanCriteria({ ...vx, nodules: 3, largest_nodule_cm: 3.1 })).toBe('beyond');
  });
  it('3. one nodule 6.5 cm → Milan beyond, UCSF within, up-to-seven beyond; 6.6 → UCSF beyond; two of 5.0 → up-to-seven within, 5.1 beyond', () => {
    const f = { ...vx, nodules: 1, largest_nodule_cm: 6.5 };
    expect([milanCriteria(f), ucsfCriteria(f), upToSevenCriteria(f)]).toEqual(['beyond', 'within', 'beyond']);
    expect(ucsfCriteria({ ...f, largest_nodule_cm: 6.6 })).toBe('beyond');
    const two = { ...vx, nodules: 2, largest_nodule_cm: 5.0 };
    expect([milanCriteria(two), ucsfCriteria(two), upToSevenCriteria(two)]).toEqual(['beyond', 'beyond', 'within']);
    expect(upToSevenCriteria({ ...two, largest_nodule_cm: 5.1 })).toBe('beyond');
  });
  it('4. three nodules, largest 4.5 cm: total 8.0 → UCSF within; 8.1 → beyond; unknown → null (total_tumour_diameter_cm)', () => {
    const f = { ...vx, nodules: 3, largest_nodule_cm: 4.5 };
    expect(ucsfCriteria({ ...f, total_tumour_diameter_cm: 8.0 })).toBe('within');
    expect(ucsfCriteria({ ...f, total_tumour_diameter_cm: 8.1 })).toBe('beyond');
    const missing: string[] = [];
    expect(ucsfCriteria(f, missing)).toBeNull();
    expect(missing).toEqual(['total_tumour_diameter_cm']);
  });
  it('5. total unknown: 3 × 2.5 cm → within (bound 7.5); 3 × 2.7 → null (bound 8.1); 3 nodules 4.2 cm with total 7.9 → UCSF within, Milan beyond', () => {
    expect(ucsfCriteria({ ...vx, nodules: 3, largest_nodule_cm: 2.5 })).toBe('within');
    expect(ucsfCriteria({ ...vx, nodules: 3, largest_nodule_cm: 2.7 })).toBeNull();
    const f = { ...vx, nodules: 3, largest_nodule_cm: 4.2, total_tumour_diameter_cm: 7.9 };
    expect([ucsfCriteria(f), milanCriteria(f)]).toEqual(['within', 'beyond']);
  });
  it('6. four nodules of 3.0 → up-to-seven within, Milan and UCSF beyond; six of 1.2 → up-to-seven beyond', () => {
    const f = { ...vx, nodules: 4, largest_nodule_cm: 3.0 };
    expect([upToSevenCriteria(f), milanCriteria(f), ucsfCriteria(f)]).toEqual(['within', 'beyond', 'beyond']);
    expect(upToSevenCriteria({ ...vx, nodules: 6, largest_nodule_cm: 1.2 })).toBe('beyond');
  });
  it('7. main-trunk tumour thrombus or limited extrahepatic disease → all three beyond, whatever the size', () => {
    for (const f of [{ ...vx, portal_vein: 'tumoral_thrombus_main' as const }, { ...vx, extrahepatic_disease: 'limited' as const }]) {
      expect([milanCriteria(f), ucsfCriteria(f), upToSevenCriteria(f)]).toEqual(['beyond', 'beyond', 'beyond']);
    }
  });
  it('vascular invasion unknown (branch thrombus) keeps "within" from being decided, and says so', () => {
    const missing: string[] = [];
    expect(milanCriteria({ portal_vein: 'branch_thrombus', extrahepatic_disease: 'none', nodules: 1, largest_nodule_cm: 2 }, missing)).toBeNull();
    expect(missing).toEqual(['macrovascular_invasion']);
  });
});

describe('3.14 Fong clinical risk score', () => {
  const f1 = { node_positive_primary: true, disease_free_interval_months: 0, lesion_count: 2, cea_ng_ml: 12, largest_lesion_cm: 4.0 };
  it('1. node-positive, synchronous, 2 lesions, CEA 12, 4.0 cm → 3', () => expect(fongScore(f1)).toBe(3));
  it('2. boundaries score 0 (12 months, CEA 200, 5.0 cm, node-negative, 1 lesion); 11.9 months, CEA 201, 5.1 cm → 3', () => {
    const b = { node_positive_primary: false, disease_free_interval_months: 12, lesion_count: 1, cea_ng_ml: 200, largest_lesion_cm: 5.0 };
    expect(fongScore(b)).toBe(0);
    expect(fongScore({ ...b, disease_free_interval_months: 11.9, cea_ng_ml: 201, largest_lesion_cm: 5.1 })).toBe(3);
  });
  it('3. node-positive, synchronous, 4 lesions, CEA 350, 6.5 cm → 5', () => expect(fongScore({ ...f1, lesion_count: 4, cea_ng_ml: 350, largest_lesion_cm: 6.5 })).toBe(5));
  it('4. node-negative, 30 months, 2 lesions, CEA 8, 2.8 cm → 1; CEA unknown → null', () => {
    const f = { node_positive_primary: false, disease_free_interval_months: 30, lesion_count: 2, cea_ng_ml: 8, largest_lesion_cm: 2.8 };
    expect(fongScore(f)).toBe(1);
    expect(fongScoreOrNull({ ...f, cea_ng_ml: null })).toBeNull();
  });
  it('colorectal only, and no rule reads it (nothing in missing for its inputs)', () => {
    const crc = { primary_tumor: 'colorectal', ...f1 } as const;
    expect(evaluate(crc).derived.fong_score).toBe(3);
    expect(evaluate({ ...crc, primary_tumor: 'neuroendocrine' }).derived.fong_score).toBeNull();
    expect(evaluate({ ...crc, cea_ng_ml: null }).missing.map((m) => m.field)).not.toContain('cea_ng_ml');
  });
  it('rejects a negative CEA naming the field', () => {
    expect(() => fongScore({ ...f1, cea_ng_ml: -1 })).toThrow(/^cea_ng_ml: /);
  });
});

describe('3.15 future-liver-remnant threshold', () => {
  it('no cirrhosis, no chemotherapy: threshold 20; FLR 20 sufficient (boundary), 18 insufficient', () => {
    const f = { cirrhosis: false, prior_hepatotoxic_chemo: false };
    expect(flrThresholdPct(f)).toBe(20);
    expect(assessFlr(f, 20).sufficient).toBe(true);
    expect(assessFlr(f, 18).sufficient).toBe(false);
  });
  it('earlier oxaliplatin: threshold 30; FLR 30 sufficient, 25 insufficient', () => {
    const f = { cirrhosis: false, prior_hepatotoxic_chemo: true };
    expect(assessFlr(f, 30)).toEqual({ threshold_pct: 30, sufficient: true, assumed: [] });
    expect(assessFlr(f, 25).sufficient).toBe(false);
  });
  it('cirrhosis: threshold 40; FLR 40 sufficient (boundary), 39 insufficient', () => {
    expect(assessFlr({ cirrhosis: true, prior_hepatotoxic_chemo: false }, 40).sufficient).toBe(true);
    expect(assessFlr({ cirrhosis: true, prior_hepatotoxic_chemo: false }, 39).sufficient).toBe(false);
  });
  it('cirrhosis unknown, FLR 38: threshold 40, insufficient, missing lists cirrhosis (calculator and engine)', () => {
    expect(assessFlr({ prior_hepatotoxic_chemo: false }, 38)).toEqual({ threshold_pct: 40, sufficient: false, assumed: ['cirrhosis'] });
    const out = evaluate({ primary_tumor: 'colorectal', prior_hepatotoxic_chemo: false, future_liver_remnant_pct: 38 });
    expect(out.derived.flr_threshold_pct).toBe(40);
    expect(out.flags).toContain('FLR_INSUFFICIENT');
    expect(out.missing.find((m) => m.field === 'cirrhosis')?.why).toContain('FLR_INSUFFICIENT');
  });
  it('output only when the remnant is known', () => {
    expect(evaluate({ primary_tumor: 'hcc', cirrhosis: true }).derived.flr_threshold_pct).toBeNull();
  });
});
