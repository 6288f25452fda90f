/**
 * Cases outside the public vignettes, per primary, with expected values worked out by hand from EVIDENCE.md
 * section 2 (rows propose, gates cap, 2.1 precedence) and the CONTRACT flag table.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, CATALOGUE_VERSION, DISCLAIMER, EngineInputError, engineOutputSchema, evaluate } from '../../../shared/engine';
import type { EngineOutput, OptionWord } from '../../../shared/engine';

const opt = (out: EngineOutput, o: OptionWord) => out.options.find((x) => x.option === o);
const strengths = (out: EngineOutput) => Object.fromEntries(out.options.map((o) => [o.option, o.strength]));
const missingFields = (out: EngineOutput) => out.missing.map((m) => m.field);

/** A well-documented patient with normal liver function; cases override what matters. */
const base = {
  liver_dominant: true, extrahepatic_disease: 'none', resectable_or_ablatable: false, ecog: 0, age: 60, frail: false,
  expected_survival_months: 24, bilobar: true, liver_replacement_pct: 30, prior_hepatotoxic_chemo: false,
  bilirubin_mg_dl: 0.8, bilirubin_reversible_cause: false, albumin_g_dl: 4.0, inr: 1.0, creatinine_mg_dl: 0.9, sodium_mmol_l: 139,
  ascites: 'none', encephalopathy: 'none', cirrhosis: false, portal_vein: 'patent', biliary: 'normal', varices_untreated_high_risk: false,
  lung_shunt_fraction_pct: 5, hepatoenteric_shunt_uncorrectable: false, planned_device: 'resin', prior_liver_ebrt: false, prior_y90: false,
  granulocytes_10e9_l: 3.0, coagulopathy_uncorrectable: false, recent_chemo_not_safe_with_y90: false, height_cm: 175, weight_kg: 80,
  // Facts added 2026-12 that flags or rows read for every primary.
  prior_liver_transplant: false, autoimmune_disease: false, recent_gi_bleeding: false, hai_program_available: false, future_liver_remnant_pct: 50,
  lesion_count: 6, largest_lesion_cm: 4,
} as const;
const crcSalvage = { ...base, primary_tumor: 'colorectal', line_of_therapy: 'salvage_after_2_lines', prior_systemic_lines: 2 } as const;

describe('output shape (CONTRACT)', () => {
  const out = evaluate(crcSalvage);
  it('carries versions, derived scores and the disclaimer', () => {
    expect(out.engine_version).toBe(ENGINE_VERSION);
    expect(out.catalogue_version).toBe(CATALOGUE_VERSION);
    expect(out.disclaimer).toBe(DISCLAIMER);
    expect(out.derived).toEqual({
      child_pugh_score: 5, child_pugh_class: 'A', albi_score: -2.65, albi_grade: 1, meld: 6, meld_na: 6, bsa_m2: 1.97,
      bclc_stage_derived: null, milan: null, ucsf: null, up_to_seven: null, fong_score: null, flr_threshold_pct: 20,
    });
    expect(engineOutputSchema.parse(out)).toEqual(out);
  });
  it('sorts options most favourable first and lists each option once', () => {
    expect(out.options.map((o) => `${o.option}:${o.strength}`)).toEqual(['SYSTEMIC_STANDARD:recommended', 'Y90_TARE:consider', 'TRIAL_OR_REGISTRY:consider']);
  });
  it('a fully documented case has nothing missing', () => expect(out.missing).toEqual([]));
  it('the output schema rejects an unknown option word naming the field', () => {
    const bad = { ...out, options: [{ ...out.options[0], option: 'RADIOFREQUENCY' }] };
    const r = engineOutputSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['options', 0, 'option']);
  });
});

describe('colorectal (2.3)', () => {
  it('resectable chemo-naive disease: no R-CRC-01 options, refer for surgical evaluation', () => {
    const out = evaluate({ ...base, primary_tumor: 'colorectal', line_of_therapy: 'chemo_naive', resectable_or_ablatable: true });
    expect(out.options).toEqual([]);
    expect(out.flags).toEqual(['REFER_SURGICAL_EVALUATION']);
  });
  it('consolidation with extrahepatic progression: Y-90 not recommended, next-line systemic recommended, no maintenance', () => {
    const out = evaluate({ ...base, primary_tumor: 'colorectal', line_of_therapy: 'consolidation_after_first_line', extrahepatic_disease: 'limited', extrahepatic_progression: true });
    expect(strengths(out)).toEqual({ SYSTEMIC_STANDARD: 'recommended', Y90_TARE: 'not_recommended' });
    expect(opt(out, 'Y90_TARE')?.rules).toEqual(['R-CRC-02']);
  });
  it('second line outside EPOCH eligibility (albumin 2.8): Y-90 with chemo not recommended; conflict still shown', () => {
    const out = evaluate({ ...base, primary_tumor: 'colorectal', line_of_therapy: 'second_line', first_line_backbone: 'oxaliplatin', albumin_g_dl: 2.8, kras_status: 'mutant' });
    expect(strengths(out)).toEqual({ SYSTEMIC_STANDARD: 'recommended', Y90_WITH_SECOND_LINE_CHEMO: 'not_recommended' });
    const y = opt(out, 'Y90_WITH_SECOND_LINE_CHEMO')!;
    expect(y.rationale).toContain('outside EPOCH eligibility');
    expect(y.rationale).not.toContain('KRAS');
    expect(y.conflicts.map((c) => c.id)).toEqual(['C-CRC-EPOCH-ASCO']);
    expect(y.conflicts[0]!.sides.flatMap((s) => s.evidence)).toEqual(['EV-EPOCH-2021', 'GL-ASCO-MCRC-2023']);
  });
  it('second line, eligible, KRAS-mutant: consider, with the subgroup highlighted', () => {
    const out = evaluate({ ...base, primary_tumor: 'colorectal', line_of_therapy: 'second_line', first_line_backbone: 'irinotecan', kras_status: 'mutant' });
    expect(opt(out, 'Y90_WITH_SECOND_LINE_CHEMO')?.strength).toBe('consider');
    expect(opt(out, 'Y90_WITH_SECOND_LINE_CHEMO')?.rationale).toContain('KRAS-mutant: larger PFS effect in EPOCH (HR 0.57)');
  });
  it('second line with first-line backbone unknown: not recommended, and the backbone is missing', () => {
    const out = evaluate({ ...base, primary_tumor: 'colorectal', line_of_therapy: 'second_line' });
    expect(opt(out, 'Y90_WITH_SECOND_LINE_CHEMO')?.strength).toBe('not_recommended');
    expect(missingFields(out)).toEqual(['first_line_backbone']);
  });
  it('salvage with LSF 25 % (resin): Y-90 contraindicated by S-Y90-LSF-RESIN, flag Y90_LSF_GT_20', () => {
    const out = evaluate({ ...crcSalvage, lung_shunt_fraction_pct: 25 });
    const y = opt(out, 'Y90_TARE')!;
    expect(y.strength).toBe('contraindicated');
    expect(y.rules).toEqual(['R-CRC-04', 'S-Y90-LSF-RESIN']);
    expect(y.evidence).toEqual(expect.arrayContaining(['EV-HENDLISZ-2010', 'DEV-SIRSPHERES-IFU', 'GL-Y90-CONTRA']));
    expect(y.rationale.startsWith('S-Y90-LSF-RESIN: lung shunt fraction > 20 %')).toBe(true);
    expect(out.flags).toEqual(['Y90_LSF_GT_20']);
    expect(opt(out, 'SYSTEMIC_STANDARD')?.strength).toBe('recommended');
  });
  it('salvage with LSF 12 %: Y-90 stays consider with a 20 % activity reduction warning', () => {
    const out = evaluate({ ...crcSalvage, lung_shunt_fraction_pct: 12 });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('consider');
    expect(opt(out, 'Y90_TARE')?.rationale).toContain('reduce resin activity by 20 %');
    expect(out.flags).toEqual(['Y90_LSF_REDUCE_ACTIVITY']);
  });
  it('salvage at ECOG 2: Y-90 consider, case by case', () => {
    const out = evaluate({ ...crcSalvage, ecog: 2 });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('consider');
    expect(opt(out, 'Y90_TARE')?.rationale).toContain('ECOG 2: case by case');
  });
  it('extrahepatic disease dominant: every liver-directed option not recommended, systemic recommended', () => {
    const out = evaluate({ ...crcSalvage, extrahepatic_disease: 'dominant' });
    const s = strengths(out);
    expect(s.SYSTEMIC_STANDARD).toBe('recommended');
    for (const o of ['Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO', 'Y90_WITH_SECOND_LINE_CHEMO', 'CTACE_LIPIODOL', 'DEB_TACE', 'TACE_ANY', 'BLAND_TAE', 'LIVER_DIRECTED_ANY'] as const) expect(s[o], o).toBe('not_recommended');
    expect(opt(out, 'Y90_TARE')?.rules).toEqual(['R-CRC-04', 'R-CRC-06']);
  });
  it('Child-Pugh C: Y-90 contraindicated, best supportive care recommended, liver flags raised', () => {
    const out = evaluate({ ...crcSalvage, bilirubin_mg_dl: 3.5, albumin_g_dl: 2.6, inr: 2.4, ascites: 'moderate_severe', encephalopathy: 'grade1_2' });
    expect(out.derived.child_pugh_score).toBe(14);
    expect(opt(out, 'Y90_TARE')?.strength).toBe('contraindicated');
    expect(opt(out, 'Y90_TARE')?.rules).toEqual(expect.arrayContaining(['S-Y90-BILI', 'S-CHILD-C', 'S-ASCITES']));
    expect(opt(out, 'BEST_SUPPORTIVE_CARE')?.strength).toBe('recommended');
    expect(opt(out, 'BEST_SUPPORTIVE_CARE')?.rules).toEqual(['S-CHILD-C', 'S-LIVER-IMPAIRED']);
    expect(out.flags).toEqual(['Y90_BILIRUBIN_GT_2', 'CHILD_PUGH_B8_PLUS', 'CHILD_PUGH_C', 'ASCITES']);
  });
  it('glass, 5 GBq planned with LSF 15 %: projected lung dose 37.5 Gy → contraindicated; resin LSF flags not raised', () => {
    const out = evaluate({ ...crcSalvage, planned_device: 'glass', planned_activity_gbq: 5, lung_shunt_fraction_pct: 15, prior_lung_dose_gy: 0 });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('contraindicated');
    expect(opt(out, 'Y90_TARE')?.evidence).toEqual(expect.arrayContaining(['DEV-THERASPHERE-IFU', 'DEV-AAPM-MPPG14A']));
    expect(out.flags).toEqual(['Y90_LUNG_DOSE_GT_30']);
  });
  it('glass, 2 GBq with LSF 10 % but 45 Gy earlier: cumulative 55 Gy > 50 → contraindicated', () => {
    const out = evaluate({ ...crcSalvage, planned_device: 'glass', planned_activity_gbq: 2, lung_shunt_fraction_pct: 10, prior_y90: true, prior_lung_dose_gy: 45 });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('contraindicated');
    expect(out.flags).toEqual(['Y90_LUNG_DOSE_GT_30']);
  });
  it('bilirubin 2.5 mg/dL with a reversible cause: no bilirubin gate or flag', () => {
    const out = evaluate({ ...crcSalvage, bilirubin_mg_dl: 2.5, bilirubin_reversible_cause: true });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('consider');
    expect(out.flags).not.toContain('Y90_BILIRUBIN_GT_2');
  });
  it('bilirubin 2.5 mg/dL, reversible cause unknown: gate fires (unknown counts as none) and the cause is asked for', () => {
    const { bilirubin_reversible_cause: _omit, ...rest } = crcSalvage;
    const out = evaluate({ ...rest, bilirubin_mg_dl: 2.5 });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('contraindicated');
    expect(out.flags).toContain('Y90_BILIRUBIN_GT_2');
    expect(missingFields(out)).toContain('bilirubin_reversible_cause');
  });
  it('> 70 % replacement with albumin unknown: synthetic function counts as not maintained', () => {
    const { albumin_g_dl: _omit, ...rest } = crcSalvage;
    const out = evaluate({ ...rest, liver_replacement_pct: 75 });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('contraindicated');
    expect(out.flags).toContain('Y90_TUMOUR_BURDEN_GT_70');
    expect(missingFields(out)).toContain('albumin_g_dl');
  });
  it('Y-90 under consideration with LSF unknown: LSF is missing, "needed before Y-90 can be cleared"', () => {
    const out = evaluate({ ...crcSalvage, lung_shunt_fraction_pct: null });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('consider');
    const m = out.missing.find((x) => x.field === 'lung_shunt_fraction_pct');
    expect(m?.why).toContain('needed before Y-90 can be cleared: S-Y90-LSF-RESIN');
  });
  it('mild ascites caps Y-90 at consider and cites Tomozawa and RESIN', () => {
    const out = evaluate({ ...crcSalvage, ascites: 'mild' });
    expect(opt(out, 'Y90_TARE')?.strength).toBe('consider');
    expect(opt(out, 'Y90_TARE')?.evidence).toEqual(expect.arrayContaining(['EV-TOMOZAWA-2018', 'EV-RESIN-REGISTRY']));
    expect(out.flags).toEqual(['ASCITES']);
  });
});

const net = { ...base, primary_tumor: 'neuroendocrine', line_of_therapy: 'not_applicable', prior_systemic_lines: 0, sstr_positive: true, prior_prrt: false } as const;

describe('neuroendocrine (2.4)', () => {
  it('G3 pancreatic NET with bilirubin 2.5: systemic recommended; LIVER_DIRECTED_ANY stays consider with a Y-90 warning', () => {
    const out = evaluate({ ...net, net_primary_site: 'pancreas', net_grade: 'G3', net_ki67_pct: 35, bilirubin_mg_dl: 2.5 });
    expect(strengths(out)).toEqual({ SYSTEMIC_STANDARD: 'recommended', LIVER_DIRECTED_ANY: 'consider', BEST_SUPPORTIVE_CARE: 'consider' });
    const lda = opt(out, 'LIVER_DIRECTED_ANY')!;
    expect(lda.rationale).toContain('Caution: bilirubin > 2 mg/dL without a reversible cause, applies to the Y-90 part (S-Y90-BILI)');
    expect(lda.evidence).toEqual(['EV-NET-EMBO-COMP', 'GL-Y90-CONTRA', 'GL-SIR-QI-RE-2017']);
  });
  it('Ki-67 > 20 % makes a "G2" tumour G3: R-NET-06, not R-NET-07', () => {
    const out = evaluate({ ...net, net_primary_site: 'pancreas', net_grade: 'G2', net_ki67_pct: 25 });
    expect(strengths(out)).toEqual({ SYSTEMIC_STANDARD: 'recommended', LIVER_DIRECTED_ANY: 'consider' });
  });
  it('midgut G1 progressing on SSA, multi-year survival: Lu-177 recommended (R-NET-08 beats consider), cTACE recommended', () => {
    const out = evaluate({ ...net, net_primary_site: 'midgut_ileum', net_grade: 'G1', lu177_candidate: true, progressing_on_ssa: true, on_ssa: true, expected_survival_months: 120, hormone_symptoms: true });
    expect(strengths(out)).toEqual({
      CTACE_LIPIODOL: 'recommended', LU177_PRRT: 'recommended', DEB_TACE: 'consider', BLAND_TAE: 'consider', Y90_TARE: 'not_recommended',
    });
    expect(opt(out, 'LU177_PRRT')?.rules).toEqual(['R-NET-02', 'R-NET-08']);
    expect(opt(out, 'LU177_PRRT')?.rationale).toContain('7.4 GBq every 8 weeks × 4');
    expect(opt(out, 'BLAND_TAE')?.conflicts.map((c) => c.id)).toEqual(['C-NET-EMBO-MODALITY']);
    expect(opt(out, 'DEB_TACE')?.evidence).toEqual(['EV-CTOO-2020-NET-LDT']);
  });
  it('after PRRT: all three embolotherapies consider, no Lu-177 (prior PRRT)', () => {
    const out = evaluate({ ...net, line_of_therapy: 'post_prrt', prior_prrt: true, net_primary_site: 'midgut_ileum', net_grade: 'G2' });
    expect(strengths(out)).toEqual({ Y90_TARE: 'consider', CTACE_LIPIODOL: 'consider', DEB_TACE: 'consider', BLAND_TAE: 'consider' });
    expect(opt(out, 'Y90_TARE')?.rules).toEqual(['R-NET-05', 'R-NET-07']);
    expect(opt(out, 'Y90_TARE')?.evidence).toEqual(expect.arrayContaining(['EV-BRAAT-2020', 'GL-ENETS-2022-CS']));
  });
  it('uncorrectable coagulopathy: every transarterial option contraindicated, Lu-177 untouched', () => {
    const out = evaluate({ ...net, net_primary_site: 'pancreas', net_grade: 'G2', coagulopathy_uncorrectable: true });
    expect(strengths(out)).toEqual({ LU177_PRRT: 'consider', Y90_TARE: 'contraindicated', CTACE_LIPIODOL: 'contraindicated', DEB_TACE: 'contraindicated', BLAND_TAE: 'contraindicated' });
  });
  it('G1 midgut with unknown SSA progression asks for it (R-NET-08 could apply)', () => {
    const out = evaluate({ ...net, net_primary_site: 'midgut_ileum', net_grade: 'G1', lu177_candidate: true, expected_survival_months: 120 });
    expect(opt(out, 'LU177_PRRT')?.strength).toBe('consider');
    expect(out.missing.find((m) => m.field === 'progressing_on_ssa')?.why).toContain('R-NET-08 could apply');
  });
});

const hcc = { ...base, primary_tumor: 'hcc', line_of_therapy: 'not_applicable', prior_systemic_lines: 0, cirrhosis: true, well_defined_nodules: true, selective_access: true, nodules: 3, liver_replacement_pct: 20 } as const;

describe('hepatocellular carcinoma (2.5)', () => {
  it('BCLC-B at Child-Pugh B7: TACE consider (local policy)', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'B', bilirubin_mg_dl: 2.2, albumin_g_dl: 3.2 });
    expect(out.derived.child_pugh_score).toBe(7);
    expect(strengths(out)).toEqual({ TACE_ANY: 'consider', BEST_SUPPORTIVE_CARE: 'consider' });
    expect(opt(out, 'TACE_ANY')?.rationale).toContain('local policy');
  });
  it('BCLC-C with tumour thrombus of the main portal vein: systemic recommended, TACE contraindicated, Y-90 not recommended', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'C', ecog: 1, portal_vein: 'tumoral_thrombus_main' });
    expect(strengths(out)).toEqual({
      SYSTEMIC_STANDARD: 'recommended', ATEZOLIZUMAB_BEVACIZUMAB: 'recommended', DURVALUMAB_TREMELIMUMAB: 'consider', LENVATINIB_OR_SORAFENIB: 'consider',
      SBRT: 'consider', Y90_TARE: 'not_recommended', TACE_ANY: 'contraindicated',
    });
    expect(opt(out, 'DURVALUMAB_TREMELIMUMAB')?.rationale).toContain('Vp4');
    expect(opt(out, 'TACE_ANY')?.rules).toEqual(['R-HCC-03', 'S-TACE-PORTAL']);
    expect(opt(out, 'Y90_TARE')?.evidence).toContain('EV-SIRVENIB-2018');
    expect(out.flags).toEqual(['TACE_PORTAL_VEIN']);
  });
  it('Child-Pugh C: BCLC-D care; TACE and Y-90 contraindicated', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'D', bilirubin_mg_dl: 3.4, albumin_g_dl: 2.5, inr: 2.0, ascites: 'moderate_severe' });
    expect(out.derived).toMatchObject({ child_pugh_score: 12, child_pugh_class: 'C' });
    expect(strengths(out)).toEqual({ BEST_SUPPORTIVE_CARE: 'recommended', TACE_ANY: 'contraindicated', Y90_TARE: 'contraindicated' });
    expect(out.flags).toEqual(['Y90_BILIRUBIN_GT_2', 'CHILD_PUGH_B8_PLUS', 'CHILD_PUGH_C', 'ASCITES']);
  });
  it('BCLC-B with ill-defined nodules: systemic recommended, TACE not recommended', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'B', well_defined_nodules: false });
    expect(strengths(out)).toEqual({
      SYSTEMIC_STANDARD: 'recommended', ATEZOLIZUMAB_BEVACIZUMAB: 'recommended', DURVALUMAB_TREMELIMUMAB: 'recommended',
      LENVATINIB_OR_SORAFENIB: 'consider', TACE_ANY: 'not_recommended',
    });
    expect(opt(out, 'SYSTEMIC_STANDARD')?.rules).toEqual(['R-HCC-02', 'R-HCC-09']);
  });
  it('BCLC-A single tumour unsuitable for ablation, creatinine 2.5: Y-90 consider, TACE not recommended (S-TACE-RENAL)', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'A', nodules: 1, creatinine_mg_dl: 2.5 });
    expect(strengths(out)).toEqual({ Y90_TARE: 'consider', SBRT: 'consider', TACE_ANY: 'not_recommended' });
    expect(out.flags).toEqual(['TACE_RENAL']);
  });
  it('BCLC-B with a biliary stent: TACE not recommended, flag TACE_BILIARY_RISK', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'B', biliary: 'stent' });
    // TACE_PLUS_SYSTEMIC is a TACE-family member for every gate (2.1 point 10).
    expect(strengths(out)).toEqual({ TACE_ANY: 'not_recommended', TACE_PLUS_SYSTEMIC: 'not_recommended' });
    expect(opt(out, 'TACE_PLUS_SYSTEMIC')?.rules).toEqual(['R-HCC-12', 'S-TACE-BILIARY']);
    expect(out.flags).toEqual(['TACE_BILIARY_RISK']);
  });
  it('BCLC-B, ECOG 3: TACE not recommended under S-PS, best supportive care recommended', () => {
    const out = evaluate({ ...hcc, bclc_stage: 'B', ecog: 3 });
    expect(strengths(out)).toEqual({ BEST_SUPPORTIVE_CARE: 'recommended', TACE_ANY: 'contraindicated', Y90_TARE: 'contraindicated' });
    // Entered B, derived D (ECOG ≥ 3): the entered stage is used and the mismatch is flagged (2.1 point 7).
    expect(out.derived.bclc_stage_derived).toBe('D');
    expect(out.flags).toEqual(['POOR_PERFORMANCE_STATUS', 'BCLC_STAGE_MISMATCH']);
  });
});

describe('other primaries (2.6)', () => {
  it('breast, liver-dominant, after two systemic lines: liver-directed consider, trial recommended, systemic consider', () => {
    const out = evaluate({ ...base, primary_tumor: 'breast', prior_systemic_lines: 2 });
    expect(strengths(out)).toEqual({ TRIAL_OR_REGISTRY: 'recommended', LIVER_DIRECTED_ANY: 'consider', SYSTEMIC_STANDARD: 'consider' });
    expect(out.flags).toEqual(['LIMITED_EVIDENCE']);
  });
  it('uveal melanoma, liver-only, no systemic line yet: systemic recommended (refractory condition waived)', () => {
    const out = evaluate({ ...base, primary_tumor: 'uveal_melanoma', prior_systemic_lines: 0 });
    expect(strengths(out)).toEqual({ SYSTEMIC_STANDARD: 'recommended', TRIAL_OR_REGISTRY: 'recommended', LIVER_DIRECTED_ANY: 'consider', HEPATIC_PERFUSION: 'consider' });
    expect(missingFields(out)).toContain('hla_a0201_positive');
  });
  it('pancreatic adenocarcinoma: Y-90 not recommended outside a trial', () => {
    const out = evaluate({ ...base, primary_tumor: 'pancreatic_adenocarcinoma', prior_systemic_lines: 1 });
    expect(strengths(out)).toEqual({ SYSTEMIC_STANDARD: 'consider', TRIAL_OR_REGISTRY: 'consider', Y90_TARE: 'not_recommended' });
    expect(out.flags).toEqual(['LIMITED_EVIDENCE']);
  });
});

describe('unknown facts', () => {
  it('an empty case: no options, no flags; the primary tumour and flag inputs are missing', () => {
    const out = evaluate({});
    expect(out.options).toEqual([]);
    expect(out.flags).toEqual([]);
    expect(out.derived).toEqual({
      child_pugh_score: null, child_pugh_class: null, albi_score: null, albi_grade: null, meld: null, meld_na: null, bsa_m2: null,
      bclc_stage_derived: null, milan: null, ucsf: null, up_to_seven: null, fong_score: null, flr_threshold_pct: null,
    });
    expect(missingFields(out)).toEqual(expect.arrayContaining(['primary_tumor', 'ecog', 'bilirubin_mg_dl', 'lung_shunt_fraction_pct']));
  });
  it('null means unknown, like an absent key', () => {
    expect(evaluate({ ...crcSalvage, ecog: null })).toEqual(evaluate((({ ecog: _e, ...r }) => r)(crcSalvage)));
  });
  it('unknown extra fields are ignored', () => {
    expect(evaluate({ ...crcSalvage, favourite_colour: 'blue', mrn: 12345 })).toEqual(evaluate(crcSalvage));
  });
});

describe('invalid input is rejected, naming the field', () => {
  const rejects = (facts: unknown, field: string): void => {
    let err: unknown;
    try { evaluate(facts); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(EngineInputError);
    expect((err as EngineInputError).field).toBe(field);
    expect((err as Error).message.startsWith(`${field}: `)).toBe(true);
  };
  it('negative bilirubin', () => rejects({ ...crcSalvage, bilirubin_mg_dl: -1 }, 'bilirubin_mg_dl'));
  it('ECOG 7', () => rejects({ ...crcSalvage, ecog: 7 }, 'ecog'));
  it('ECOG 1.5', () => rejects({ ecog: 1.5 }, 'ecog'));
  it('an unknown primary tumour word', () => rejects({ primary_tumor: 'kidney' }, 'primary_tumor'));
  it('a string where a number belongs', () => rejects({ albumin_g_dl: '3.5' }, 'albumin_g_dl'));
  it('a boolean field given "yes"', () => rejects({ bilobar: 'yes' }, 'bilobar'));
  it('an empty string in prior_chemo_agents', () => rejects({ prior_chemo_agents: ['oxaliplatin', '  '] }, 'prior_chemo_agents.1'));
  it('not an object', () => { rejects(null, 'facts'); rejects([1, 2], 'facts'); rejects('{}', 'facts'); });
});
