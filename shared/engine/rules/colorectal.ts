/**
 * Metastatic colorectal cancer, EVIDENCE.md 2.3. Read with the conventions of 2.1. Resectability is read through
 * the effective values of 2.1 point 8 ("unresectable" = effective `resectable_or_ablatable` false).
 * Product thresholds added 2026-12: ablation "recommended" = largest ≤ 3 cm, ≤ 10 lesions, no extrahepatic disease
 * (COLLISION eligibility), "consider" up to 5 cm, "not recommended" above; SBRT = ≤ 3 lesions ≤ 5 cm, liver-only.
 */
import { TRANSARTERIAL_FAMILY } from '../vocabulary';
import type { Rule, RuleOption } from './dsl';
import { all, any, eq, gt, gte, isFalse, isTrue, lte, notTrue, oneOf } from './dsl';

const RESECTABLE = eq('resectable_effective', true);
const ABLATABLE = eq('ablatable_effective', true);
const LIVER_ONLY = eq('extrahepatic_disease', 'none');
const CHEMO_NAIVE = eq('line_of_therapy', 'chemo_naive');
/** Both R-CRC-08 and R-CRC-09 give `recommended` (C-CRC-ABLATE-VS-RESECT is shown then). */
const SMALL_FOR_ABLATION = all(lte('largest_lesion_cm', 3), lte('lesion_count', 10));
import { POOR_PS } from './gates';

const CRC = eq('primary_tumor', 'colorectal');
/** Extrahepatic disease "controlled" (2.1): none or limited, and extrahepatic_progression not true. */
const EHD_CONTROLLED = all(oneOf('extrahepatic_disease', ['none', 'limited']), notTrue('extrahepatic_progression'));
/** R-CRC-02 consolidation premise: liver-dominant, extrahepatic disease controlled, ECOG 0–1. */
const CONSOLIDATION_PREMISE = all(isTrue('liver_dominant'), EHD_CONTROLLED, lte('ecog', 1));
/** R-CRC-03 EPOCH eligibility; governs only Y90_WITH_SECOND_LINE_CHEMO. "Bilirubin normal" = ≤ 1.2 mg/dL (2.1). */
const EPOCH_ELIGIBLE = all(
  oneOf('first_line_backbone', ['oxaliplatin', 'irinotecan']), isTrue('liver_dominant'), lte('ecog', 1),
  gt('albumin_g_dl', 3), lte('bilirubin_mg_dl', 1.2),
);

const notRecLiverDirected: RuleOption[] = TRANSARTERIAL_FAMILY.map((option) => ({
  option, strength: 'not_recommended' as const,
  rationale: 'extrahepatic disease dominant or liver not dominant: the liver-PFS gain from SIRT was seen in liver-only disease (12.4 vs 21.1 mo, p = 0.003), not with extrahepatic disease (12.6 vs 16.7 mo, p = 0.147)',
}));

export const COLORECTAL_RULES: readonly Rule[] = [
  {
    id: 'R-CRC-01', section: 'colorectal', situation: 'chemo-naive, unresectable, liver-only or liver-dominant mCRC',
    when: all(CRC, eq('line_of_therapy', 'chemo_naive'), eq('resectable_or_ablatable_effective', false), any(isTrue('liver_dominant'), eq('extrahepatic_disease', 'none'))),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'first-line systemic therapy is standard' },
      { option: 'Y90_WITH_FIRST_LINE_CHEMO', strength: 'not_recommended', rationale: 'SIRFLOX: no PFS gain (10.2 vs 10.7 mo); FOXFIRE combined: no OS gain (22.6 vs 23.3 mo, P = .61); more grade ≥ 3 AEs' },
      { option: 'Y90_TARE', strength: 'not_recommended', rationale: 'no role for Y-90 in first-line therapy of mCRC (narrative review 2018/19); no OS gain when added to first-line chemotherapy (FOXFIRE combined)' },
    ],
    evidence: ['EV-SIRFLOX-2016', 'EV-FOXFIRE-COMB-2017', 'EV-SEED-2018', 'GL-ASCO-MCRC-2023', 'GL-NICE-IPG672'],
  },
  {
    id: 'R-CRC-02', section: 'colorectal',
    situation: 'consolidation after ~6 months / 12 doses of first-line induction; the consolidation options need a dominant liver, controlled extrahepatic disease and ECOG 0–1',
    when: all(CRC, eq('line_of_therapy', 'consolidation_after_first_line')),
    options: [
      { option: 'SYSTEMIC_MAINTENANCE', strength: 'recommended', if: CONSOLIDATION_PREMISE, rationale: 'plateau of induction benefit after 12 doses; switch to 5-FU/LV ± bevacizumab maintenance is common' },
      {
        option: 'Y90_TARE', strength: 'consider', if: CONSOLIDATION_PREMISE, else: 'not_recommended',
        rationale: 'hypothesis; no RCT: consolidation Y-90 in liver-dominant disease with controlled extrahepatic disease (better selected than the FOXFIRE population)',
        elseRationale: 'the consolidation premise needs a dominant liver, controlled extrahepatic disease and ECOG 0–1',
      },
      { option: 'TRIAL_OR_REGISTRY', strength: 'consider', if: CONSOLIDATION_PREMISE, rationale: 'evidence gap: enrol in a trial or a registry (RESIN-type)' },
      {
        option: 'SYSTEMIC_STANDARD', strength: null, if: CONSOLIDATION_PREMISE, else: 'recommended', rationale: '',
        elseRationale: 'liver not dominant, extrahepatic disease not controlled or ECOG > 1: next-line systemic therapy',
      },
    ],
    evidence: ['EV-SEED-2018', 'EV-FOXFIRE-COMB-2017', 'EV-RESIN-REGISTRY', 'GL-ASCO-MCRC-2023'],
  },
  {
    id: 'R-CRC-03', section: 'colorectal', situation: 'second line after progression on first-line oxaliplatin or irinotecan',
    when: all(CRC, eq('line_of_therapy', 'second_line')),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'second-line chemotherapy on the alternate backbone ± targeted agent' },
      {
        option: 'Y90_WITH_SECOND_LINE_CHEMO', strength: 'consider', if: EPOCH_ELIGIBLE, else: 'not_recommended',
        rationale: 'EPOCH: PFS HR 0.69, hPFS HR 0.59, no OS gain (HR 1.07); grade ≥ 3 AEs 68.4% vs 49.3%; ASCO 2023: SIRT not routinely recommended',
        elseRationale: 'outside EPOCH eligibility (first-line oxaliplatin/irinotecan, liver-dominant, ECOG 0–1, albumin > 3 g/dL, bilirubin ≤ 1.2 mg/dL)',
        conflicts: ['C-CRC-EPOCH-ASCO'],
      },
    ],
    notes: [
      { if: eq('kras_status', 'mutant'), text: 'KRAS-mutant: larger PFS effect in EPOCH (HR 0.57)', options: ['Y90_WITH_SECOND_LINE_CHEMO'] },
      { if: eq('primary_sidedness', 'left'), text: 'left-sided primary: PFS HR 0.65 in EPOCH', options: ['Y90_WITH_SECOND_LINE_CHEMO'] },
      { if: all(gte('liver_replacement_pct', 10), lte('liver_replacement_pct', 25)), text: 'hepatic burden 10–25 %: PFS HR 0.43 in EPOCH', options: ['Y90_WITH_SECOND_LINE_CHEMO'] },
      { if: lte('lesion_count', 3), text: '≤ 3 lesions: PFS HR 0.33 in EPOCH', options: ['Y90_WITH_SECOND_LINE_CHEMO'] },
      { if: isTrue('primary_resected'), text: 'resected primary: PFS HR 0.63 in EPOCH', options: ['Y90_WITH_SECOND_LINE_CHEMO'] },
    ],
    evidence: ['EV-EPOCH-2021', 'GL-ASCO-MCRC-2023'],
  },
  {
    id: 'R-CRC-04', section: 'colorectal',
    situation: 'salvage after oxaliplatin and irinotecan, liver-dominant, ECOG 0–2 (2 = case by case); liver function judged by the gates',
    when: all(CRC, eq('line_of_therapy', 'salvage_after_2_lines'), isTrue('liver_dominant'), lte('ecog', 2)),
    options: [
      { option: 'Y90_TARE', strength: 'consider', rationale: 'salvage Y-90: median OS ≈ 10–12 months in series; Hendlisz RCT TTLP 5.5 vs 2.1 mo (HR 0.38), OS 10.0 vs 7.3 mo (NS, crossover); NICE: audit and registry', conflicts: ['C-CRC-SALVAGE'] },
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'later-line systemic agents remain standard' },
      { option: 'TRIAL_OR_REGISTRY', strength: 'consider', rationale: 'trial or registry enrolment (combinations under study; NICE asks for a register)' },
    ],
    notes: [{ if: eq('ecog', 2), text: 'ECOG 2: case by case', options: ['Y90_TARE'] }],
    evidence: ['EV-SEED-2018', 'EV-HENDLISZ-2010', 'EV-COSIMELLI-2010', 'EV-MORE-2015', 'EV-IJSO-2011', 'EV-RESIN-REGISTRY', 'GL-NICE-IPG672', 'GL-NCCN-COLON', 'GL-ASCO-MCRC-2023'],
  },
  {
    id: 'R-CRC-05', section: 'colorectal', situation: 'any line with ECOG ≥ 3 or expected survival < 3 months',
    when: all(CRC, POOR_PS),
    options: [
      { option: 'BEST_SUPPORTIVE_CARE', strength: 'recommended', rationale: 'declining performance status predicts short survival' },
      { option: 'Y90_TARE', strength: 'not_recommended', rationale: 'poor performance status or short expected survival; trials required ECOG/WHO 0–1' },
    ],
    evidence: ['EV-SEED-2018', 'EV-MORE-2015'],
  },
  {
    id: 'R-CRC-06', section: 'colorectal', situation: 'extrahepatic disease dominant, or liver not dominant',
    when: all(CRC, any(eq('extrahepatic_disease', 'dominant'), isFalse('liver_dominant'))),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'systemic disease drives prognosis: systemic therapy for the current line' },
      ...notRecLiverDirected,
    ],
    evidence: ['EV-SIRFLOX-2016', 'EV-IJSO-2011', 'EV-SEED-2018', 'EV-FOXFIRE-COMB-2017', 'GL-ASCO-MCRC-2023'],
  },
  {
    id: 'R-CRC-07', section: 'colorectal', situation: 'resectable or ablatable disease: flag REFER_SURGICAL_EVALUATION (outside the scope of the narrative review; no strength)',
    when: all(CRC, eq('resectable_or_ablatable_effective', true)),
    options: [],
    evidence: [],
  },
  {
    id: 'R-CRC-08', section: 'colorectal', situation: 'resectable liver metastases (effective); the strength follows the extrahepatic disease',
    when: all(CRC, RESECTABLE),
    options: [
      {
        option: 'RESECTION',
        steps: [
          {
            if: LIVER_ONLY, strength: 'recommended', conflicts: ['C-CRC-ABLATE-VS-RESECT'], conflictsIf: all(ABLATABLE, SMALL_FOR_ABLATION),
            rationale: 'resection is the curative standard: 5-year survival 37 %, 10-year 22 % after resection (Fong, n = 1,001)',
          },
          { if: eq('extrahepatic_disease', 'limited'), strength: 'consider', rationale: 'limited extrahepatic disease: only when the extrahepatic sites are themselves treatable (board decides)' },
          { if: eq('extrahepatic_disease', 'dominant'), strength: 'not_recommended', rationale: 'extrahepatic disease dominant: liver resection does not address what drives prognosis' },
        ],
      },
      {
        option: 'PERIOPERATIVE_CHEMO', strength: 'consider', if: all(CHEMO_NAIVE, LIVER_ONLY),
        rationale: 'EPOC perioperative FOLFOX: 3-year PFS 35.4 % vs 28.1 % (HR 0.79, p = .058); no OS gain at 8.5 years',
      },
    ],
    evidence: ['EV-FONG-1999', 'EV-EPOC-2008', 'GL-ESMO-MCRC-2023', 'GL-COLLISION-CRITERIA-2020'],
  },
  {
    id: 'R-CRC-09', section: 'colorectal', situation: 'ablatable liver metastases (effective), extrahepatic disease none or limited; shown whether or not also resectable',
    when: all(CRC, ABLATABLE, oneOf('extrahepatic_disease', ['none', 'limited'])),
    options: [{
      option: 'ABLATION',
      steps: [
        {
          if: all(SMALL_FOR_ABLATION, LIVER_ONLY), strength: 'recommended', conflicts: ['C-CRC-ABLATE-VS-RESECT'], conflictsIf: RESECTABLE,
          rationale: 'COLLISION (≤ 10 lesions ≤ 3 cm): OS non-inferior to resection (HR 1.05), local control HR 0.13, serious AEs 7 % vs 20 %; CLOCC: ablation + systemic therapy OS HR 0.58',
        },
        { if: lte('largest_lesion_cm', 5), strength: 'consider', rationale: 'outside COLLISION eligibility (lesion 3–5 cm, > 10 lesions or limited extrahepatic disease): larger lesions recur locally more often [K]' },
        { if: gt('largest_lesion_cm', 5), strength: 'not_recommended', rationale: 'lesion > 5 cm: local recurrence after ablation too likely [K]' },
      ],
    }],
    evidence: ['EV-COLLISION-2025', 'EV-CLOCC-2017', 'GL-COLLISION-CRITERIA-2020'],
  },
  {
    id: 'R-CRC-10', section: 'colorectal', situation: 'not resectable but ablatable, chemo-naive',
    when: all(CRC, eq('resectable_effective', false), ABLATABLE, CHEMO_NAIVE),
    options: [{ option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'ablation is added to first-line systemic therapy, not substituted for it (CLOCC: OS HR 0.58, 0.38–0.88)' }],
    evidence: ['EV-CLOCC-2017', 'GL-ASCO-MCRC-2023'],
  },
  {
    id: 'R-CRC-11', section: 'colorectal', situation: 'neither resectable nor ablatable, liver-only, ≤ 3 lesions, largest ≤ 5 cm',
    when: all(CRC, eq('resectable_effective', false), eq('ablatable_effective', false), LIVER_ONLY, lte('lesion_count', 3), lte('largest_lesion_cm', 5)),
    options: [{ option: 'SBRT', strength: 'consider', rationale: 'ASCO 2023: SBRT may be recommended after systemic therapy for liver oligometastases not suitable for resection; phase 2: local control 94 % / 78 % at 1 / 3 years, no radiation-induced liver disease' }],
    evidence: ['GL-ASCO-MCRC-2023', 'EV-SBRT-LIVERMETS-2018'],
  },
  {
    id: 'R-CRC-12', section: 'colorectal', situation: 'potentially resectable (conversion intent), not resectable now, liver-only, chemo-naive',
    when: all(CRC, isTrue('potentially_resectable'), eq('resectable_effective', false), LIVER_ONLY, CHEMO_NAIVE),
    options: [{ option: 'CONVERSION_SYSTEMIC', strength: 'recommended', rationale: 'most active regimen, restage for resection about every 2 months [K]: 10–30 % of initially unresectable liver-limited disease becomes resectable' }],
    evidence: ['EV-CONVERSION-CRC', 'GL-ESMO-MCRC-2023'],
  },
  {
    id: 'R-CRC-13', section: 'colorectal', situation: 'hepatic-arterial-infusion programme available, liver-only disease',
    when: all(CRC, isTrue('hai_program_available'), LIVER_ONLY),
    options: [{ option: 'HAI_PUMP', strength: 'consider', rationale: 'expert centres only; adjuvant after resection or for unresectable liver-only disease: MSKCC propensity analysis OS 67 vs 44 months (HR 0.67); no modern randomised OS evidence [K]' }],
    evidence: ['EV-HAI-2017'],
  },
];

