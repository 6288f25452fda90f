/**
 * Other primaries, EVIDENCE.md 2.6. "Systemic-refractory or progressing" = prior_systemic_lines ≥ 1 (2.1);
 * waived for liver-only disease (extrahepatic_disease none).
 */
import type { Rule } from './dsl';
import { all, any, eq, gt, gte, isTrue, lte, oneOf } from './dsl';

export const OTHER_RULES: readonly Rule[] = [
  {
    id: 'R-OTH-01', section: 'other',
    situation: 'breast, melanoma (incl. uveal), sarcoma, lung, cholangiocarcinoma or other: liver-dominant, ECOG 0–1, systemic-refractory or progressing (waived for liver-only disease)',
    when: all(
      oneOf('primary_tumor', ['breast', 'melanoma', 'uveal_melanoma', 'sarcoma', 'lung', 'cholangiocarcinoma', 'other']),
      isTrue('liver_dominant'), lte('ecog', 1), any(gte('prior_systemic_lines', 1), eq('extrahepatic_disease', 'none')),
    ),
    options: [
      { option: 'LIVER_DIRECTED_ANY', strength: 'consider', rationale: 'limited evidence: small series only; Y-90 or TACE case by case' },
      { option: 'TRIAL_OR_REGISTRY', strength: 'recommended', rationale: 'registry or trial data are needed for this tumour type' },
      {
        option: 'SYSTEMIC_STANDARD', strength: 'recommended', if: eq('prior_systemic_lines', 0), else: 'consider',
        rationale: 'no systemic line yet: systemic therapy per the oncologist',
        elseRationale: 'after one or more systemic lines: per the oncologist (no tumour-specific systemic evidence in this catalogue)',
      },
    ],
    evidence: ['EV-SEED-2018', 'EV-RESIN-REGISTRY'],
  },
  {
    id: 'R-OTH-02', section: 'other', situation: 'pancreatic adenocarcinoma liver metastases',
    when: eq('primary_tumor', 'pancreatic_adenocarcinoma'),
    options: [
      { option: 'Y90_TARE', strength: 'not_recommended', rationale: 'outside a trial: no guideline representation; systemic disease biology' },
      { option: 'SYSTEMIC_STANDARD', strength: 'consider', rationale: 'systemic therapy per the oncologist' },
      { option: 'TRIAL_OR_REGISTRY', strength: 'consider', rationale: 'trial enrolment for liver-directed therapy' },
    ],
    evidence: ['EV-SEED-2018'],
  },
  {
    id: 'R-OTH-03', section: 'other', situation: 'uveal melanoma, liver-dominant, extrahepatic disease none or limited, ECOG ≤ 1',
    when: all(eq('primary_tumor', 'uveal_melanoma'), isTrue('liver_dominant'), oneOf('extrahepatic_disease', ['none', 'limited']), lte('ecog', 1)),
    options: [{
      option: 'HEPATIC_PERFUSION',
      steps: [
        { if: lte('liver_replacement_pct', 50), strength: 'consider', rationale: 'isolated hepatic perfusion (SCANDIUM): ORR 40 % vs 4.5 %, PFS HR 0.21, 24-month OS 46.5 % vs 29.5 % (P = .12); percutaneous perfusion (FOCUS): ORR 35.2 %' },
        { if: gt('liver_replacement_pct', 50), strength: 'not_recommended', rationale: '> 50 % liver replacement was excluded from FOCUS' },
      ],
    }],
    evidence: ['EV-SCANDIUM-2025', 'EV-FOCUS-PHP-2025'],
  },
  {
    id: 'R-OTH-04', section: 'other', situation: 'uveal melanoma, HLA-A*02:01 positive',
    when: all(eq('primary_tumor', 'uveal_melanoma'), isTrue('hla_a0201_positive')),
    options: [{
      option: 'TEBENTAFUSP',
      steps: [
        { if: eq('prior_systemic_lines', 0), strength: 'recommended', rationale: 'IMCgp100-202 (untreated, HLA-A*02:01-positive): 1-year OS 73 % vs 59 %, HR 0.51' },
        { if: gte('prior_systemic_lines', 1), strength: 'consider', rationale: 'after earlier systemic therapy: IMCgp100-202 enrolled untreated patients (1-year OS 73 % vs 59 %, HR 0.51)' },
      ],
    }],
    evidence: ['EV-TEBENTAFUSP-2021'],
  },
  {
    id: 'R-OTH-05', section: 'other', situation: 'cholangiocarcinoma, no systemic line yet',
    when: all(eq('primary_tumor', 'cholangiocarcinoma'), eq('prior_systemic_lines', 0)),
    options: [{ option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'durvalumab + gemcitabine-cisplatin (TOPAZ-1: OS HR 0.80, 24-month OS 24.9 % vs 10.4 %)' }],
    evidence: ['EV-TOPAZ1-2022'],
  },
];
