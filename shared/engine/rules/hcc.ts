/**
 * Hepatocellular carcinoma, EVIDENCE.md 2.5 (BCLC 2022). "Preserved liver function" = Child-Pugh A;
 * "extensive bilobar involvement" = well_defined_nodules false, or bilobar with > 50 % replacement (2.1).
 */
import type { Rule } from './dsl';
import { all, any, eq, gt, gte, isFalse, isTrue, lte } from './dsl';

const HCC = eq('primary_tumor', 'hcc');

export const HCC_RULES: readonly Rule[] = [
  {
    id: 'R-HCC-01', section: 'hcc',
    situation: 'BCLC-B, Child-Pugh A (B7 per local policy), ECOG 0, well-defined nodules, patent portal flow, selective access',
    when: all(HCC, eq('bclc_stage', 'B'), lte('child_pugh_score', 7), eq('ecog', 0), isTrue('well_defined_nodules'), eq('portal_vein', 'patent'), isTrue('selective_access')),
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
    when: all(HCC, eq('bclc_stage', 'B'), any(isFalse('well_defined_nodules'), all(isTrue('bilobar'), gt('liver_replacement_pct', 50)))),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'BCLC 2022: systemic therapy for diffuse or extensive bilobar intermediate-stage HCC' },
      { option: 'TACE_ANY', strength: 'not_recommended', rationale: 'diffuse, infiltrative or extensive bilobar disease is not a TACE target' },
    ],
    evidence: ['GL-BCLC-2022'],
  },
  {
    id: 'R-HCC-03', section: 'hcc', situation: 'BCLC-C (portal invasion and/or extrahepatic spread), Child-Pugh A, ECOG ≤ 2',
    when: all(HCC, eq('bclc_stage', 'C'), eq('child_pugh_class', 'A'), lte('ecog', 2)),
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
    when: all(HCC, any(eq('bclc_stage', 'D'), eq('child_pugh_class', 'C'), gte('ecog', 3))),
    options: [
      { option: 'BEST_SUPPORTIVE_CARE', strength: 'recommended', rationale: 'end-stage liver function or poor performance status (BCLC-D)' },
      { option: 'TACE_ANY', strength: 'contraindicated', rationale: 'end-stage liver function or poor performance status' },
      { option: 'Y90_TARE', strength: 'contraindicated', rationale: 'end-stage liver function or poor performance status' },
    ],
    evidence: ['GL-BCLC-2022', 'GL-EASL-RAOUL-TACE-CONTRA'],
  },
  {
    id: 'R-HCC-05', section: 'hcc', situation: 'BCLC-A single tumour not suitable for resection or ablation',
    when: all(HCC, eq('bclc_stage', 'A'), eq('nodules', 1), isFalse('resectable_or_ablatable')),
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
];
