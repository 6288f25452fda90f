/**
 * Cases outside the public vignettes for the rows, gates and precedence points added 2026-12, worked out by hand
 * from EVIDENCE.md 2.1–2.6: strengths, citations, forbidden pairs, flags, derived values and `missing`.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/engine';
import type { EngineOutput, OptionWord } from '../../../shared/engine';

const opt = (out: EngineOutput, o: OptionWord) => out.options.find((x) => x.option === o);
const strength = (out: EngineOutput, o: OptionWord) => opt(out, o)?.strength;
const missing = (out: EngineOutput) => out.missing.map((m) => m.field);

const LABS_A5 = { bilirubin_mg_dl: 0.8, albumin_g_dl: 4.1, inr: 1.1, ascites: 'none', encephalopathy: 'none' } as const;
const HCC = {
  primary_tumor: 'hcc', ...LABS_A5, ecog: 0, portal_vein: 'patent', macrovascular_invasion: false, extrahepatic_disease: 'none', cirrhosis: true,
  prior_systemic_lines: 0, prior_liver_transplant: false, transplant_ineligible: false, autoimmune_disease: false, recent_gi_bleeding: false,
  varices_untreated_high_risk: false,
} as const;
const CRC = {
  primary_tumor: 'colorectal', ...LABS_A5, ecog: 0, liver_dominant: true, extrahepatic_disease: 'none', line_of_therapy: 'chemo_naive',
  prior_hepatotoxic_chemo: false, cirrhosis: false,
} as const;

describe('HCC curative rows (R-HCC-07, 08, 10, 13, 14)', () => {
  it('single 4 cm nodule, ablatable only: ablation consider (3–5 cm), transplant recommended within Milan, no resection', () => {
    const out = evaluate({ ...HCC, nodules: 1, largest_nodule_cm: 4, total_tumour_diameter_cm: 4, resectable: false, ablatable: true });
    expect(out.derived).toMatchObject({ bclc_stage_derived: 'A', milan: 'within', ucsf: 'within', up_to_seven: 'within' });
    expect(strength(out, 'ABLATION')).toBe('consider');
    expect(strength(out, 'LIVER_TRANSPLANT_EVALUATION')).toBe('recommended');
    expect(opt(out, 'LIVER_TRANSPLANT_EVALUATION')?.evidence).toEqual(expect.arrayContaining(['EV-MILAN-1996', 'GL-BCLC-2022']));
    expect(opt(out, 'RESECTION')).toBeUndefined();
    expect(out.flags).toContain('REFER_SURGICAL_EVALUATION');
  });
  it('single 6 cm nodule, neither resectable nor ablatable: Y-90 (LEGACY) and SBRT consider; beyond Milan, within UCSF → transplant consider', () => {
    const out = evaluate({ ...HCC, nodules: 1, largest_nodule_cm: 6, total_tumour_diameter_cm: 6, resectable: false, ablatable: false });
    expect(out.derived).toMatchObject({ bclc_stage_derived: 'A', milan: 'beyond', ucsf: 'within', up_to_seven: 'within' });
    expect(strength(out, 'Y90_TARE')).toBe('consider');
    expect(opt(out, 'Y90_TARE')?.evidence).toContain('EV-LEGACY-2021');
    expect(strength(out, 'SBRT')).toBe('consider');
    expect(strength(out, 'LIVER_TRANSPLANT_EVALUATION')).toBe('consider');
    expect(out.flags).not.toContain('REFER_SURGICAL_EVALUATION');
  });
  it('resectable with bilirubin 1.5: resection consider with the BCLC vs AASLD conflict; size unknown leaves ablation out and asks for it', () => {
    const out = evaluate({ ...HCC, bclc_stage: 'A', bilirubin_mg_dl: 1.5, nodules: 1, resectable: true, ablatable: true, clinically_significant_portal_hypertension: false });
    expect(strength(out, 'RESECTION')).toBe('consider');
    expect(opt(out, 'RESECTION')?.conflicts.map((c) => c.id)).toEqual(['C-HCC-RESECT-PH']);
    expect(opt(out, 'ABLATION')).toBeUndefined();
    expect(missing(out)).toContain('largest_nodule_cm');
  });
  it('earlier transplant: no transplant referral, ICIs contraindicated, TKI recommended, flag raised', () => {
    const out = evaluate({ ...HCC, ecog: 1, nodules: 2, largest_nodule_cm: 3, extrahepatic_disease: 'limited', prior_liver_transplant: true });
    expect(out.derived.bclc_stage_derived).toBe('C');
    expect(opt(out, 'LIVER_TRANSPLANT_EVALUATION')).toBeUndefined();
    expect(strength(out, 'ATEZOLIZUMAB_BEVACIZUMAB')).toBe('contraindicated');
    expect(strength(out, 'LENVATINIB_OR_SORAFENIB')).toBe('recommended');
    expect(strength(out, 'SYSTEMIC_STANDARD')).toBe('recommended'); // 2.1 point 11: never lowered by the ICI gates
    expect(opt(out, 'SYSTEMIC_STANDARD')?.rationale).toContain('checkpoint inhibitors');
    expect(out.flags).toEqual(expect.arrayContaining(['PRIOR_LIVER_TRANSPLANT']));
  });
  it('recent GI bleeding: atezolizumab-bevacizumab contraindicated, STRIDE untouched; ECOG 2 gives consider for both', () => {
    const out = evaluate({ ...HCC, ecog: 2, nodules: 2, largest_nodule_cm: 3, extrahepatic_disease: 'limited', recent_gi_bleeding: true });
    expect(strength(out, 'ATEZOLIZUMAB_BEVACIZUMAB')).toBe('contraindicated');
    expect(strength(out, 'DURVALUMAB_TREMELIMUMAB')).toBe('consider');
    expect(out.flags).toContain('RECENT_GI_BLEEDING');
  });
  it('Child-Pugh B8 with a resectable early tumour: no curative row (Child-Pugh A only); TACE contraindicated gate flags raised', () => {
    const out = evaluate({ ...HCC, bilirubin_mg_dl: 2.5, albumin_g_dl: 2.7, nodules: 1, largest_nodule_cm: 2.5, resectable: true, ablatable: true, bclc_stage: 'A' });
    expect(out.derived.child_pugh_score).toBe(8);
    expect(opt(out, 'RESECTION')).toBeUndefined();
    expect(opt(out, 'ABLATION')).toBeUndefined();
    expect(out.flags).toContain('CHILD_PUGH_B8_PLUS');
  });
  it('ECOG 3 lowers a within-Milan transplant referral (S-LOCAL-PS) but liver function does not (2.1 point 12)', () => {
    const ps = evaluate({ ...HCC, ecog: 3, nodules: 1, largest_nodule_cm: 2.5, resectable: false, ablatable: false });
    expect(strength(ps, 'LIVER_TRANSPLANT_EVALUATION')).toBe('not_recommended');
    expect(opt(ps, 'LIVER_TRANSPLANT_EVALUATION')?.rules).toContain('S-LOCAL-PS');
    const cpc = evaluate({ ...HCC, bilirubin_mg_dl: 3.5, albumin_g_dl: 2.6, inr: 2.4, ascites: 'moderate_severe', nodules: 1, largest_nodule_cm: 2.5 });
    expect(cpc.derived.child_pugh_class).toBe('C');
    expect(strength(cpc, 'LIVER_TRANSPLANT_EVALUATION')).toBe('recommended');
  });
});

describe('colorectal curative rows (R-CRC-08…13) and FLR', () => {
  const CRC_SMALL = { ...CRC, lesion_count: 3, largest_lesion_cm: 2.5, node_positive_primary: false, disease_free_interval_months: 18, cea_ng_ml: 20 } as const;
  it('resectable and ablatable small lesions: both recommended, each with the COLLISION conflict; Fong 1', () => {
    const out = evaluate({ ...CRC_SMALL, resectable: true, ablatable: true, future_liver_remnant_pct: 60 });
    expect(out.derived).toMatchObject({ fong_score: 1, flr_threshold_pct: 20 });
    for (const o of ['RESECTION', 'ABLATION'] as const) {
      expect(strength(out, o)).toBe('recommended');
      expect(opt(out, o)?.conflicts.map((c) => c.id)).toEqual(['C-CRC-ABLATE-VS-RESECT']);
    }
    expect(strength(out, 'PERIOPERATIVE_CHEMO')).toBe('consider');
    expect(opt(out, 'SYSTEMIC_STANDARD')).toBeUndefined(); // R-CRC-01 needs unresectable disease
  });
  it('FLR 25 % after oxaliplatin: resection not recommended (S-RESECT-FLR), flag raised; cirrhosis unknown is asked for', () => {
    const out = evaluate({ ...CRC_SMALL, cirrhosis: null, prior_hepatotoxic_chemo: true, resectable: true, future_liver_remnant_pct: 35 });
    expect(out.derived.flr_threshold_pct).toBe(40);
    expect(strength(out, 'RESECTION')).toBe('not_recommended');
    expect(opt(out, 'RESECTION')?.evidence).toContain('EV-FLR-PVE-2016');
    expect(out.flags).toContain('FLR_INSUFFICIENT');
    expect(missing(out)).toContain('cirrhosis');
  });
  it('only resectable_or_ablatable entered: behaves as before (R-CRC-07 flag, no new option)', () => {
    const out = evaluate({ ...CRC_SMALL, resectable_or_ablatable: true });
    expect(out.flags).toContain('REFER_SURGICAL_EVALUATION');
    expect(opt(out, 'RESECTION')).toBeUndefined();
    expect(missing(out)).toEqual(expect.arrayContaining(['resectable', 'ablatable']));
  });
  it('potentially resectable, chemo-naive, liver-only: conversion recommended alongside first-line systemic therapy', () => {
    const out = evaluate({ ...CRC, lesion_count: 8, largest_lesion_cm: 7, resectable: false, ablatable: false, potentially_resectable: true });
    expect(strength(out, 'CONVERSION_SYSTEMIC')).toBe('recommended');
    expect(strength(out, 'SYSTEMIC_STANDARD')).toBe('recommended');
    expect(opt(out, 'SBRT')).toBeUndefined(); // > 3 lesions
  });
  it('prior liver radiotherapy lowers SBRT (S-SBRT-PRIOR-RT)', () => {
    const out = evaluate({ ...CRC, line_of_therapy: 'second_line', lesion_count: 2, largest_lesion_cm: 3, resectable: false, ablatable: false, prior_liver_ebrt: true });
    expect(strength(out, 'SBRT')).toBe('not_recommended');
    expect(opt(out, 'SBRT')?.rules).toEqual(['R-CRC-11', 'S-SBRT-PRIOR-RT']);
  });
});

describe('NET and other primaries (R-NET-11, R-OTH-03…05)', () => {
  it('resectable liver-only G2 NET: resection recommended; Ki-67 25 % (G3) removes it', () => {
    const net = { primary_tumor: 'neuroendocrine', net_grade: 'G2', extrahepatic_disease: 'none', resectable: true } as const;
    expect(strength(evaluate(net), 'RESECTION')).toBe('recommended');
    expect(opt(evaluate({ ...net, net_ki67_pct: 25 }), 'RESECTION')).toBeUndefined();
  });
  it('uveal melanoma, HLA-A*02:01 positive, 60 % replacement: tebentafusp recommended, hepatic perfusion not recommended', () => {
    const out = evaluate({ primary_tumor: 'uveal_melanoma', hla_a0201_positive: true, prior_systemic_lines: 0, liver_dominant: true, extrahepatic_disease: 'none', ecog: 0, liver_replacement_pct: 60 });
    expect(strength(out, 'TEBENTAFUSP')).toBe('recommended');
    expect(strength(out, 'HEPATIC_PERFUSION')).toBe('not_recommended');
    expect(opt(out, 'HEPATIC_PERFUSION')?.evidence).toEqual(['EV-SCANDIUM-2025', 'EV-FOCUS-PHP-2025']);
  });
  it('cholangiocarcinoma, first line: systemic recommended citing TOPAZ-1', () => {
    const out = evaluate({ primary_tumor: 'cholangiocarcinoma', prior_systemic_lines: 0 });
    expect(strength(out, 'SYSTEMIC_STANDARD')).toBe('recommended');
    expect(opt(out, 'SYSTEMIC_STANDARD')?.evidence).toContain('EV-TOPAZ1-2022');
  });
});
