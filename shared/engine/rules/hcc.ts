/**
 * Hepatocellular carcinoma, EVIDENCE.md 2.5 (BCLC 2022). "Preserved liver function" = Child-Pugh A;
 * "extensive bilobar involvement" = well_defined_nodules false, or bilobar with > 50 % replacement (2.1).
 * Every row that names a BCLC stage reads the effective stage (2.1 point 7: entered, else derived by 3.12); rows
 * that read resectability read the effective values of 2.1 point 8.
 * Product thresholds added 2026-12 (2.1): ablation ladder ≤ 3 / ≤ 5 / > 5 cm; resection "recommended" = one nodule,
 * no clinically significant portal hypertension, bilirubin ≤ 1.2 mg/dL; first line = prior_systemic_lines 0.
 */
import type { Rule } from './dsl';
import { all, any, eq, gt, gte, isFalse, isTrue, lte, notHolds, notTrue, oneOf } from './dsl';

const HCC = eq('primary_tumor', 'hcc');
const BCLC = (stage: '0' | 'A' | 'B' | 'C' | 'D') => eq('bclc_stage_effective', stage);
const EARLY = oneOf('bclc_stage_effective', ['0', 'A']);
const CP_A = eq('child_pugh_class', 'A');
const RESECTABLE = eq('resectable_effective', true);
const ABLATABLE = eq('ablatable_effective', true);
const FIRST_LINE = eq('prior_systemic_lines', 0);
/** "BCLC-B not suitable for TACE" (2.1, product thresholds added 2026-12). */
const B_NOT_FOR_TACE = any(
  isFalse('well_defined_nodules'), all(isTrue('bilobar'), gt('liver_replacement_pct', 50)), isFalse('selective_access'),
  oneOf('portal_vein', ['bland_occlusion_main', 'hepatofugal_flow', 'tumoral_thrombus_main']),
);

export const HCC_RULES: readonly Rule[] = [
  {
    id: 'R-HCC-01', section: 'hcc',
    situation: 'BCLC-B, Child-Pugh A (B7 per local policy), ECOG 0, well-defined nodules, patent portal flow, selective access',
    when: all(HCC, BCLC('B'), lte('child_pugh_score', 7), eq('ecog', 0), isTrue('well_defined_nodules'), eq('portal_vein', 'patent'), isTrue('selective_access')),
    options: [{
      option: 'TACE_ANY', strength: 'recommended', if: eq('child_pugh_class', 'A'), else: 'consider',
      rationale: 'intermediate-stage HCC with preserved liver function and portal flow: TACE improves survival vs conservative care (Llovet HR 0.47; Lo RR 0.49; Cammà 2-year mortality OR 0.54)',
      elseRationale: 'Child-Pugh B7: TACE may be considered; local policy decides',
    }],
    evidence: ['GL-BCLC-2022', 'EV-TACE-LLOVET-2002', 'EV-TACE-LO-2002', 'EV-TACE-META'],
  },
  {
    id: 'R-HCC-02', section: 'hcc',
    situation: 'BCLC-B with diffuse, infiltrative or extensive bilobar involvement (nodules not well defined, or bilobar with > 50 % replacement)',
    when: all(HCC, BCLC('B'), any(isFalse('well_defined_nodules'), all(isTrue('bilobar'), gt('liver_replacement_pct', 50)))),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'BCLC 2022: systemic therapy for diffuse or extensive bilobar intermediate-stage HCC' },
      { option: 'TACE_ANY', strength: 'not_recommended', rationale: 'diffuse, infiltrative or extensive bilobar disease is not a TACE target' },
    ],
    evidence: ['GL-BCLC-2022'],
  },
  {
    id: 'R-HCC-03', section: 'hcc', situation: 'BCLC-C (portal invasion and/or extrahepatic spread), Child-Pugh A, ECOG ≤ 2',
    when: all(HCC, BCLC('C'), eq('child_pugh_class', 'A'), lte('ecog', 2)),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'BCLC-C: systemic therapy' },
      {
        option: 'TACE_ANY', strength: 'contraindicated', if: eq('portal_vein', 'tumoral_thrombus_main'), else: 'not_recommended',
        rationale: 'tumoural thrombus of the main portal trunk (S-TACE-PORTAL)', elseRationale: 'BCLC-C: TACE is not the standard',
      },
      { option: 'Y90_TARE', strength: 'not_recommended', rationale: 'TARE as a substitute for systemic therapy: SIRveNIB OS 8.8 vs 10.0 mo, HR 1.1, P = .36' },
    ],
    evidence: ['GL-BCLC-2022', 'EV-SIRVENIB-2018', 'GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'R-HCC-04', section: 'hcc', situation: 'BCLC-D, or Child-Pugh C, or ECOG 3–4',
    when: all(HCC, any(BCLC('D'), eq('child_pugh_class', 'C'), gte('ecog', 3))),
    options: [
      { option: 'BEST_SUPPORTIVE_CARE', strength: 'recommended', rationale: 'end-stage liver function or poor performance status (BCLC-D)' },
      { option: 'TACE_ANY', strength: 'contraindicated', rationale: 'end-stage liver function or poor performance status' },
      { option: 'Y90_TARE', strength: 'contraindicated', rationale: 'end-stage liver function or poor performance status' },
    ],
    evidence: ['GL-BCLC-2022', 'GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'R-HCC-05', section: 'hcc', situation: 'BCLC-A single tumour not suitable for resection or ablation',
    when: all(HCC, BCLC('A'), eq('nodules', 1), eq('resectable_or_ablatable_effective', false)),
    options: [
      { option: 'Y90_TARE', strength: 'consider', rationale: 'BCLC 2022 mentions TARE for single tumours ≤ 8 cm [K]' },
      { option: 'TACE_ANY', strength: 'consider', rationale: 'single tumour not suitable for resection or ablation' },
    ],
    evidence: ['GL-BCLC-2022'],
  },
  {
    id: 'R-HCC-06', section: 'hcc', situation: 'Child-Pugh ≥ B8 (any BCLC stage)',
    when: all(HCC, gte('child_pugh_score', 8)),
    options: [{ option: 'TACE_ANY', strength: 'contraindicated', rationale: 'decompensated cirrhosis (Child-Pugh ≥ B8)' }],
    evidence: ['GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'R-HCC-07', section: 'hcc', situation: 'effective BCLC 0 or A, resectable, Child-Pugh A',
    when: all(HCC, EARLY, RESECTABLE, CP_A),
    options: [{
      option: 'RESECTION',
      steps: [
        {
          if: all(eq('nodules', 1), isFalse('clinically_significant_portal_hypertension'), lte('bilirubin_mg_dl', 1.2)), strength: 'recommended',
          rationale: 'BCLC: resection for a solitary tumour without portal hypertension and with normal bilirubin; AASLD 2023 the same plus an adequate FLR; SURF (≤ 3 cm): RFS no different from RFA (HR 0.92)',
        },
        {
          strength: 'consider', conflicts: ['C-HCC-RESECT-PH'], conflictsIf: any(isTrue('clinically_significant_portal_hypertension'), gt('bilirubin_mg_dl', 1.2)),
          rationale: 'multinodular, portal hypertension or raised bilirubin: minor or minimally invasive resection in selected patients (AASLD 2023)',
        },
      ],
    }],
    evidence: ['GL-BCLC-2022', 'GL-AASLD-HCC-2023', 'EV-SURF-2022'],
  },
  {
    id: 'R-HCC-08', section: 'hcc', situation: 'effective BCLC 0 or A, ablatable, Child-Pugh A',
    when: all(HCC, EARLY, ABLATABLE, CP_A),
    options: [{
      option: 'ABLATION',
      steps: [
        { if: lte('largest_nodule_cm', 3), strength: 'recommended', rationale: 'SURF (≤ 3 cm, ≤ 3 nodules): RFS 3.0 vs 3.5 years with resection (HR 0.92), 5-year OS 70.4 % vs 74.6 %, shorter hospital stay' },
        { if: lte('largest_nodule_cm', 5), strength: 'consider', rationale: 'nodule 3–5 cm: ablation efficacy falls above 3 cm [K]; BCLC lists ablation for early HCC' },
        { if: gt('largest_nodule_cm', 5), strength: 'not_recommended', rationale: 'nodule > 5 cm: outside the size where ablation controls HCC reliably [K]' },
      ],
    }],
    evidence: ['GL-BCLC-2022', 'EV-SURF-2022', 'GL-AASLD-HCC-2023'],
  },
  {
    id: 'R-HCC-09', section: 'hcc',
    situation: 'first line, Child-Pugh A, ECOG ≤ 2, effective BCLC C or BCLC B not suitable for TACE',
    when: all(HCC, FIRST_LINE, CP_A, lte('ecog', 2), any(BCLC('C'), all(BCLC('B'), B_NOT_FOR_TACE))),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'first-line systemic therapy (agent chosen by the oncologist; the named options below)' },
      {
        option: 'ATEZOLIZUMAB_BEVACIZUMAB',
        steps: [
          { if: lte('ecog', 1), strength: 'recommended', rationale: 'IMbrave150: OS HR 0.58, updated median OS 19.2 vs 13.4 months vs sorafenib; ASCO 2024 and AASLD 2023 preferred first line' },
          { strength: 'consider', rationale: 'ECOG 2: the trial enrolled ECOG 0–1 (IMbrave150 OS HR 0.58)' },
        ],
      },
      {
        option: 'DURVALUMAB_TREMELIMUMAB',
        steps: [
          { if: all(lte('ecog', 1), notHolds(eq('portal_vein', 'tumoral_thrombus_main'))), strength: 'recommended', rationale: 'HIMALAYA (STRIDE): OS HR 0.78 vs sorafenib, 5-year OS 19.6 % vs 9.4 %; no bevacizumab' },
          { strength: 'consider', rationale: 'ECOG 2 or main portal-vein tumour thrombus (Vp4 was excluded from HIMALAYA)' },
        ],
      },
      {
        option: 'LENVATINIB_OR_SORAFENIB',
        steps: [
          { if: all(lte('ecog', 1), any(isTrue('prior_liver_transplant'), isTrue('autoimmune_disease'))), strength: 'recommended', rationale: 'checkpoint inhibitors unsuitable (transplant or autoimmune disease): ASCO 2024 TKI; REFLECT lenvatinib non-inferior (HR 0.92); SHARP sorafenib OS HR 0.69' },
          { strength: 'consider', rationale: 'TKI where the combinations are contraindicated or not tolerated (ASCO 2024); REFLECT HR 0.92, SHARP HR 0.69' },
        ],
      },
    ],
    evidence: ['GL-BCLC-2022', 'GL-ASCO-HCC-2024', 'EV-IMBRAVE150-2020', 'EV-HIMALAYA-2022', 'EV-REFLECT-2018', 'EV-SHARP-2008'],
  },
  {
    id: 'R-HCC-10', section: 'hcc',
    situation: 'no earlier transplant and no known contraindication; within Milan, or beyond Milan but within UCSF or up-to-seven',
    when: all(
      HCC, notTrue('prior_liver_transplant'), notTrue('transplant_ineligible'),
      any(eq('milan', 'within'), all(eq('milan', 'beyond'), any(eq('ucsf', 'within'), eq('up_to_seven', 'within')))),
    ),
    options: [{
      option: 'LIVER_TRANSPLANT_EVALUATION',
      steps: [
        { if: all(eq('milan', 'within'), notHolds(RESECTABLE)), strength: 'recommended', rationale: 'within Milan and not resectable: Milan 4-year survival 85 %; BCLC 2022 lists transplantation for early HCC unsuitable for resection' },
        { if: eq('milan', 'within'), strength: 'consider', rationale: 'within Milan but resectable: resection first; transplantation remains an option (Milan 4-year survival 85 %)' },
        { strength: 'consider', rationale: 'beyond Milan, within UCSF (5-year survival 81 %) or up-to-seven (71 %): extended criteria or downstaging, local policy' },
      ],
    }],
    evidence: ['EV-MILAN-1996', 'EV-UCSF-2001', 'EV-UPTO7-2009', 'GL-BCLC-2022', 'GL-AASLD-HCC-2023'],
  },
  {
    id: 'R-HCC-11', section: 'hcc', situation: 'second line or later, Child-Pugh A, ECOG ≤ 2, effective BCLC B or C',
    when: all(HCC, gte('prior_systemic_lines', 1), CP_A, lte('ecog', 2), oneOf('bclc_stage_effective', ['B', 'C'])),
    options: [{
      option: 'SECOND_LINE_HCC_SYSTEMIC',
      steps: [
        { if: lte('ecog', 1), strength: 'recommended', rationale: 'ASCO 2024 sequence: after atezolizumab-bevacizumab a TKI, ramucirumab (AFP ≥ 400 ng/mL) or an ICI combination; after sorafenib or lenvatinib cabozantinib (CELESTIAL OS HR 0.76), regorafenib if sorafenib was tolerated (RESORCE OS HR 0.63)' },
        { strength: 'consider', rationale: 'ECOG 2: the second-line trials enrolled ECOG 0–1; ASCO 2024 sequence as for ECOG 0–1' },
      ],
    }],
    notes: [{ if: gte('afp_ng_ml', 400), text: 'AFP ≥ 400 ng/mL: ramucirumab is an option (REACH-2: OS HR 0.71)', options: ['SECOND_LINE_HCC_SYSTEMIC'], anyStep: true }],
    evidence: ['GL-ASCO-HCC-2024', 'EV-RESORCE-2017', 'EV-CELESTIAL-2018', 'EV-REACH2-2019'],
  },
  {
    id: 'R-HCC-12', section: 'hcc',
    situation: 'the situation of R-HCC-01 with Child-Pugh A (BCLC B, ECOG 0, well-defined nodules, patent portal vein, selective access), first line',
    when: all(HCC, BCLC('B'), CP_A, eq('ecog', 0), isTrue('well_defined_nodules'), eq('portal_vein', 'patent'), isTrue('selective_access'), FIRST_LINE),
    options: [{ option: 'TACE_PLUS_SYSTEMIC', strength: 'consider', rationale: 'emerging: PFS gain, OS benefit not shown (EMERALD-1 PFS 15.0 vs 8.2 months, HR 0.77; LEAP-012 PFS 14.6 vs 10.0 months, HR 0.66, OS HR 0.80 not significant; more grade ≥ 3 adverse events)' }],
    evidence: ['EV-EMERALD1-2025', 'EV-LEAP012-2025'],
  },
  {
    id: 'R-HCC-13', section: 'hcc',
    situation: 'effective BCLC 0 or A, one nodule ≤ 8 cm, Child-Pugh A, ECOG ≤ 1, neither resectable nor ablatable',
    when: all(HCC, EARLY, eq('nodules', 1), lte('largest_nodule_cm', 8), CP_A, lte('ecog', 1), eq('resectable_effective', false), eq('ablatable_effective', false)),
    options: [{ option: 'Y90_TARE', strength: 'consider', rationale: 'ablative segmental dosimetry, also as a bridge to transplantation: LEGACY (solitary ≤ 8 cm) ORR 88.3 %, 3-year OS 86.6 %' }],
    evidence: ['EV-LEGACY-2021', 'GL-BCLC-2022'],
  },
  {
    id: 'R-HCC-14', section: 'hcc', situation: 'effective BCLC 0 or A, neither resectable nor ablatable, Child-Pugh A',
    when: all(HCC, EARLY, eq('resectable_effective', false), eq('ablatable_effective', false), CP_A),
    options: [{ option: 'SBRT', strength: 'consider', rationale: 'alternative local therapy when neither resection nor ablation is feasible; comparative evidence in early HCC is non-randomised [K]' }],
    evidence: ['GL-AASLD-HCC-2023', 'EV-RTOG1112-2025'],
  },
  {
    id: 'R-HCC-15', section: 'hcc', situation: 'effective BCLC C with vascular invasion, Child-Pugh A, ECOG ≤ 1',
    when: all(HCC, BCLC('C'), eq('vascular_invasion', true), CP_A, lte('ecog', 1)),
    options: [{ option: 'SBRT', strength: 'consider', rationale: 'in addition to first-line systemic therapy: RTOG 1112 (74 % macrovascular invasion) OS 15.8 vs 12.3 months (HR 0.77); control arm sorafenib, not today\'s standard' }],
    evidence: ['EV-RTOG1112-2025'],
  },
];
