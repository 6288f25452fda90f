/**
 * Other primaries, EVIDENCE.md 2.6. "Systemic-refractory or progressing" = prior_systemic_lines ≥ 1 (2.1);
 * waived for liver-only disease (extrahepatic_disease none).
 */
import type { Rule } from './dsl';
import { all, any, eq, gte, isTrue, lte, oneOf } from './dsl';

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
];
