/**
 * Global safety gates, EVIDENCE.md 2.2 (apply to every tumour type). A gate only ever lowers (caps) the
 * strength of options some disease row shows; S-PS, S-CHILD-C and S-LIVER-IMPAIRED also add
 * BEST_SUPPORTIVE_CARE. Order matters only for S-LIVER-IMPAIRED, which reads other gates and comes last.
 * Product thresholds (2.1): jaundice = bilirubin > 3 mg/dL; refractory ascites = moderate_severe; clinical
 * encephalopathy = any grade; massive replacement of both lobes = bilobar and > 70 %. Hepatorenal syndrome,
 * CrCl and comorbidity have no input field and are left to the board.
 */
import { BEV_FAMILY, ICI_FAMILY, LOCAL_PS_FAMILY, TACE_GATE_FAMILY, TAE_FAMILY, TRANSARTERIAL_GATE_FAMILY, Y90_FAMILY } from '../vocabulary';
import type { OptionWord } from '../vocabulary';
import type { Cond, Gate } from './dsl';
import { all, any, eq, gateFired, gt, gte, isTrue, lt, lte, notHolds, notTrue, oneOf, unknownOr } from './dsl';

const Y90 = Y90_FAMILY;
/** TACE as gates read it: TACE_PLUS_SYSTEMIC included (2.1 point 10). */
const TACE = TACE_GATE_FAMILY;
const TACE_TAE = [...TACE_GATE_FAMILY, ...TAE_FAMILY] as const;
const ALL_TA = TRANSARTERIAL_GATE_FAMILY;
/** 2.1 point 11: the ICI and bevacizumab gates never lower these; their rationale names the agents instead. */
const GENERIC_SYSTEMIC: readonly OptionWord[] = ['SYSTEMIC_STANDARD', 'SECOND_LINE_HCC_SYSTEMIC'];

/**
 * FLR below the threshold of 3.15 (40 % with cirrhosis, else 30 % after hepatotoxic chemotherapy, else 20 %), with
 * an unknown cirrhosis or chemotherapy counted as present (the assumed facts go into `missing`).
 */
export const FLR_INSUFFICIENT: Cond = any(
  lt('future_liver_remnant_pct', 20),
  all(lt('future_liver_remnant_pct', 30), any(unknownOr(isTrue('cirrhosis')), unknownOr(isTrue('prior_hepatotoxic_chemo')))),
  all(lt('future_liver_remnant_pct', 40), unknownOr(isTrue('cirrhosis'))),
);
/** Resin brackets apply for resin or when the device is not yet chosen (2.1: unknown device → resin). */
const RESIN_OR_UNKNOWN = notHolds(eq('planned_device', 'glass'));

export const POOR_PS = any(gte('ecog', 3), lt('expected_survival_months', 3));

export const GATES: readonly Gate[] = [
  {
    id: 'S-PS', situation: 'ECOG ≥ 3, or expected survival < 3 months',
    parts: [{ when: POOR_PS, targets: ALL_TA, cap: 'not_recommended', addsSupportiveCare: 'recommended', text: 'ECOG ≥ 3 or expected survival < 3 months' }],
    rationale: 'declining PS predicts short survival; SIRFLOX/FOXFIRE required WHO PS 0–1 and life expectancy ≥ 3 months; EPOCH required good ECOG; MORE: ECOG 0 lived longer than ≥ 1',
    evidence: ['EV-SEED-2018', 'EV-SIRFLOX-2016', 'EV-FOXFIRE-COMB-2017', 'EV-MORE-2015', 'GL-BCLC-2022'],
  },
  {
    id: 'S-Y90-BILI', situation: 'total bilirubin > 2 mg/dL without a reversible (e.g. obstructive) cause',
    parts: [{ when: all(gt('bilirubin_mg_dl', 2), notTrue('bilirubin_reversible_cause')), targets: Y90, cap: 'contraindicated', text: 'bilirubin > 2 mg/dL without a reversible cause' }],
    rationale: 'high risk of radioembolisation-induced liver disease',
    evidence: ['GL-Y90-CONTRA', 'GL-SIR-QI-RE-2017'],
  },
  {
    id: 'S-Y90-BILI-HCC', situation: 'HCC, glass planning, bilirubin > 1.1 mg/dL',
    parts: [{ when: all(eq('primary_tumor', 'hcc'), eq('planned_device', 'glass'), gt('bilirubin_mg_dl', 1.1)), targets: Y90, cap: null, text: 'dosimetry: keep the whole normal-liver dose < 50 Gy (bilirubin > 1.1 mg/dL; otherwise < 90 Gy)' }],
    rationale: 'EANM 2022 normal-liver dose limits for HCC',
    evidence: ['GL-EANM-2022'],
  },
  {
    id: 'S-Y90-LSF-RESIN', situation: 'resin device (or device not chosen) and lung shunt fraction from 99mTc-MAA',
    parts: [
      { when: all(RESIN_OR_UNKNOWN, gt('lung_shunt_fraction_pct', 20)), targets: Y90, cap: 'contraindicated', text: 'lung shunt fraction > 20 % (resin: do not treat)' },
      { when: all(RESIN_OR_UNKNOWN, gte('lung_shunt_fraction_pct', 15), lte('lung_shunt_fraction_pct', 20)), targets: Y90, cap: null, text: 'lung shunt fraction 15–20 %: reduce resin activity by 40 %' },
      { when: all(RESIN_OR_UNKNOWN, gte('lung_shunt_fraction_pct', 10), lt('lung_shunt_fraction_pct', 15)), targets: Y90, cap: null, text: 'lung shunt fraction 10–15 %: reduce resin activity by 20 %' },
    ],
    rationale: 'radiation pneumonitis risk; uncorrectable lung shunting is a listed contraindication',
    evidence: ['DEV-SIRSPHERES-IFU', 'GL-Y90-CONTRA'],
  },
  {
    id: 'S-Y90-LUNGDOSE-GLASS', situation: 'glass device: projected lung dose = 50 × planned activity (GBq) × LSF / 1 kg',
    parts: [{
      when: all(eq('planned_device', 'glass'), any(gt('lung_dose_gy', 30), gt('lung_dose_cumulative_gy', 50))), targets: Y90, cap: 'contraindicated',
      text: 'projected lung dose > 30 Gy in one session or > 50 Gy cumulative at the planned activity (offer a reduced activity if the target dose stays adequate)',
    }],
    rationale: 'lung dose limits of the TheraSphere IFU',
    evidence: ['DEV-THERASPHERE-IFU', 'DEV-AAPM-MPPG14A'],
  },
  {
    id: 'S-Y90-GI', situation: 'non-correctable hepatoenteric flow or shunting on mapping angiography / MAA',
    parts: [{ when: isTrue('hepatoenteric_shunt_uncorrectable'), targets: Y90, cap: 'contraindicated', text: 'uncorrectable hepatoenteric shunting' }],
    rationale: 'GI ulceration (SIRFLOX: ulcers more frequent with Y-90)',
    evidence: ['GL-Y90-CONTRA', 'EV-SIRFLOX-2016'],
  },
  {
    id: 'S-Y90-BURDEN', situation: 'liver replacement > 70 % and synthetic function not maintained (albumin < 3.0 g/dL or INR > 1.2; unknown counts as not maintained)',
    parts: [{ when: all(gt('liver_replacement_pct', 70), unknownOr(any(lt('albumin_g_dl', 3), gt('inr', 1.2)))), targets: Y90, cap: 'contraindicated', text: '> 70 % liver replacement without maintained synthetic function' }],
    rationale: 'liver failure risk',
    evidence: ['GL-Y90-CONTRA'],
  },
  {
    id: 'S-Y90-PRIOR-RT', situation: 'prior radiotherapy including a significant liver volume',
    parts: [{ when: isTrue('prior_liver_ebrt'), targets: Y90, cap: 'contraindicated', text: 'prior external radiotherapy to a significant liver volume' }],
    rationale: 'cumulative radiation',
    evidence: ['GL-Y90-CONTRA'],
  },
  {
    id: 'S-Y90-HEME', situation: 'granulocytes < 1.5 × 10⁹/L; uncorrectable coagulopathy; chemotherapy in the last 4 weeks not known safe with Y-90',
    parts: [
      { when: any(lt('granulocytes_10e9_l', 1.5), isTrue('recent_chemo_not_safe_with_y90')), targets: Y90, cap: 'contraindicated', text: 'granulocytes < 1.5 × 10⁹/L or recent chemotherapy not known safe with Y-90' },
      { when: isTrue('coagulopathy_uncorrectable'), targets: ALL_TA, cap: 'contraindicated', text: 'uncorrectable coagulopathy (all transarterial procedures)' },
    ],
    rationale: 'procedure and marrow safety',
    evidence: ['GL-Y90-CONTRA'],
  },
  {
    id: 'S-TACE-LIVER', situation: 'Child-Pugh ≥ B8, jaundice (bilirubin > 3 mg/dL), clinical encephalopathy or refractory ascites',
    parts: [{
      when: any(gte('child_pugh_score', 8), gt('bilirubin_mg_dl', 3), oneOf('encephalopathy', ['grade1_2', 'grade3_4']), eq('ascites', 'moderate_severe')),
      targets: TACE_TAE, cap: 'contraindicated', text: 'decompensated liver (Child-Pugh ≥ B8, jaundice, encephalopathy or refractory ascites)',
    }],
    rationale: 'decompensation after ischaemic / chemotherapeutic injury',
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA', 'GL-BCLC-2022'],
  },
  {
    id: 'S-TACE-PORTAL', situation: 'non-tumoural main portal-vein occlusion, hepatofugal flow, or tumoural thrombus of the main portal vein',
    parts: [{ when: oneOf('portal_vein', ['bland_occlusion_main', 'hepatofugal_flow', 'tumoral_thrombus_main']), targets: TACE, cap: 'contraindicated', text: 'main portal-vein occlusion, main-trunk tumour thrombus or hepatofugal flow' }],
    rationale: 'severely reduced portal flow: infarction and liver failure',
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'S-TACE-BURDEN', situation: 'massive replacement of both entire lobes (bilobar and > 70 %)',
    parts: [{ when: all(isTrue('bilobar'), gt('liver_replacement_pct', 70)), targets: TACE, cap: 'contraindicated', text: 'massive replacement of both lobes' }],
    rationale: 'liver failure risk after chemoembolisation',
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'S-TACE-RENAL', situation: 'creatinine ≥ 2 mg/dL',
    parts: [{ when: gte('creatinine_mg_dl', 2), targets: TACE, cap: 'not_recommended', text: 'creatinine ≥ 2 mg/dL' }],
    rationale: 'contrast nephropathy (absolute in the EASL-style list, relative in the WJH table)',
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'S-TACE-BILIARY', situation: 'biliary stent, bilio-enteric anastomosis, sphincterotomy, or bile-duct obstruction',
    parts: [{ when: oneOf('biliary', ['stent', 'bilioenteric_anastomosis', 'sphincterotomy', 'obstruction']), targets: TACE_TAE, cap: 'not_recommended', text: 'incompetent papilla or bile-duct obstruction (if done: abscess prophylaxis per local protocol)' }],
    rationale: 'liver abscess / biloma risk (relative contraindication)',
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'S-TACE-VARICES', situation: 'untreated varices at high bleeding risk',
    parts: [{ when: isTrue('varices_untreated_high_risk'), targets: TACE, cap: 'not_recommended', text: 'untreated high-risk varices (treat first)' }],
    rationale: 'relative contraindication',
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'S-CHILD-C', situation: 'Child-Pugh C (any tumour)',
    parts: [{ when: eq('child_pugh_class', 'C'), targets: ALL_TA, cap: 'contraindicated', addsSupportiveCare: 'recommended', text: 'Child-Pugh C' }],
    rationale: 'end-stage liver function (severe liver dysfunction is also a listed Y-90 contraindication)',
    evidence: ['GL-BCLC-2022', 'GL-EASL-RAOUL-TACE-CONTRA', 'GL-Y90-CONTRA'],
  },
  {
    id: 'S-ASCITES', situation: 'clinically evident ascites (mild or moderate–severe)',
    parts: [{ when: oneOf('ascites', ['mild', 'moderate_severe']), targets: Y90, cap: 'consider', text: 'clinically evident ascites: Y-90 at most consider' }],
    rationale: 'baseline ascites predicted poor survival after Y-90 in NET (P = .002); abnormal baseline labs predict grade 3 toxicity (RESIN)',
    evidence: ['EV-TOMOZAWA-2018', 'EV-RESIN-REGISTRY'],
  },
  // ---- added 2026-12 ----
  {
    id: 'S-ICI-TRANSPLANT', situation: 'earlier liver transplantation',
    parts: [
      { when: isTrue('prior_liver_transplant'), targets: ICI_FAMILY, cap: 'contraindicated', text: 'earlier liver transplantation: checkpoint inhibitors risk graft rejection' },
      { when: isTrue('prior_liver_transplant'), targets: GENERIC_SYSTEMIC, cap: null, text: 'earlier liver transplantation: avoid checkpoint inhibitors (atezolizumab, durvalumab, tremelimumab, nivolumab, pembrolizumab)' },
    ],
    rationale: 'acute graft rejection after checkpoint inhibition; reviews advise against ICIs after transplantation where an alternative exists; transplant recipients were not studied in the pivotal trials [K]',
    evidence: ['EV-ICI-LT-2023', 'EV-IMBRAVE150-2020', 'EV-HIMALAYA-2022'],
  },
  {
    id: 'S-ICI-AUTOIMMUNE', situation: 'active or previously documented autoimmune disease',
    parts: [
      { when: isTrue('autoimmune_disease'), targets: ICI_FAMILY, cap: 'not_recommended', text: 'autoimmune disease: immune-related flare risk with checkpoint inhibitors' },
      { when: isTrue('autoimmune_disease'), targets: GENERIC_SYSTEMIC, cap: null, text: 'autoimmune disease: weigh immune-related risk before a checkpoint inhibitor (atezolizumab, durvalumab, tremelimumab)' },
    ],
    rationale: 'immune-related flare risk; ASCO 2024 asks to weigh it; the pivotal trials excluded autoimmune disease [K]',
    evidence: ['GL-ASCO-HCC-2024', 'EV-IMBRAVE150-2020', 'EV-HIMALAYA-2022'],
  },
  {
    id: 'S-BEV-BLEED', situation: 'gastrointestinal bleeding within 6 months, or untreated high-risk varices',
    parts: [
      { when: isTrue('recent_gi_bleeding'), targets: BEV_FAMILY, cap: 'contraindicated', text: 'gastrointestinal bleeding within 6 months: no bevacizumab / VEGF inhibition' },
      { when: isTrue('varices_untreated_high_risk'), targets: BEV_FAMILY, cap: 'not_recommended', text: 'untreated high-risk varices: endoscopic screening and management before bevacizumab' },
      { when: any(isTrue('recent_gi_bleeding'), isTrue('varices_untreated_high_risk')), targets: GENERIC_SYSTEMIC, cap: null, text: 'bleeding risk: avoid or defer bevacizumab (treat varices first)' },
    ],
    rationale: 'bleeding risk with VEGF inhibition; ASCO 2024: screen and manage varices before atezolizumab + bevacizumab; IMbrave150 required treated varices [K]',
    evidence: ['GL-ASCO-HCC-2024', 'EV-IMBRAVE150-2020'],
  },
  {
    id: 'S-RESECT-FLR', situation: 'future liver remnant below the threshold of 3.15 (unknown cirrhosis or chemotherapy counts as present)',
    parts: [{ when: FLR_INSUFFICIENT, targets: ['RESECTION'], cap: 'not_recommended', text: 'future liver remnant below the threshold: portal vein embolisation or two-stage hepatectomy, then reassess' }],
    rationale: 'post-hepatectomy liver failure',
    evidence: ['EV-FLR-PVE-2016', 'GL-AASLD-HCC-2023'],
  },
  {
    id: 'S-LOCAL-LIVER', situation: 'Child-Pugh score ≥ 8 (resection, perfusion, SBRT), ≥ 10 (also ablation)',
    parts: [
      { when: gte('child_pugh_score', 8), targets: ['RESECTION', 'HEPATIC_PERFUSION'], cap: 'contraindicated', text: 'Child-Pugh ≥ 8: resection and hepatic perfusion need preserved liver function' },
      { when: gte('child_pugh_score', 8), targets: ['SBRT'], cap: 'not_recommended', text: 'Child-Pugh ≥ 8: SBRT trials enrolled Child-Pugh A' },
      { when: gte('child_pugh_score', 10), targets: ['ABLATION', 'SBRT'], cap: 'contraindicated', text: 'Child-Pugh ≥ 10: end-stage liver function' },
    ],
    rationale: 'decompensated liver function: resection and perfusion need preserved function; RTOG 1112 enrolled Child-Pugh A only',
    evidence: ['GL-BCLC-2022', 'GL-AASLD-HCC-2023'],
  },
  {
    id: 'S-LOCAL-PS', situation: 'ECOG ≥ 3 or expected survival < 3 months',
    parts: [{ when: POOR_PS, targets: LOCAL_PS_FAMILY, cap: 'not_recommended', text: 'ECOG ≥ 3 or expected survival < 3 months' }],
    rationale: 'the cited trials enrolled ECOG 0–1 (COLLISION 0–2); ECOG > 2 is BCLC-D',
    evidence: ['EV-SEED-2018', 'GL-BCLC-2022'],
  },
  {
    id: 'S-SBRT-PRIOR-RT', situation: 'prior radiotherapy to a significant liver volume',
    parts: [{ when: isTrue('prior_liver_ebrt'), targets: ['SBRT'], cap: 'not_recommended', text: 'prior external radiotherapy to the liver: cumulative liver dose' }],
    rationale: 'cumulative liver radiation dose; liver SBRT series exclude earlier liver irradiation [K]',
    evidence: ['EV-RTOG1112-2025', 'EV-SBRT-LIVERMETS-2018'],
  },
  {
    id: 'S-LIVER-IMPAIRED', situation: 'Child-Pugh B (7–9), or S-Y90-BILI, S-Y90-BURDEN or S-TACE-LIVER fires',
    parts: [{
      when: any(all(gte('child_pugh_score', 7), lte('child_pugh_score', 9)), gateFired('S-Y90-BILI'), gateFired('S-Y90-BURDEN'), gateFired('S-TACE-LIVER')),
      targets: [], cap: null, addsSupportiveCare: 'consider', text: 'Child-Pugh B, or a bilirubin, tumour-burden or TACE liver-function gate fires',
    }],
    rationale: 'impaired liver function narrows the liver-directed options and shortens survival; palliative care belongs in the discussion',
    evidence: ['EV-SEED-2018', 'GL-BCLC-2022', 'EV-RESIN-REGISTRY'],
  },
];
