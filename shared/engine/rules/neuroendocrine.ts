/**
 * Neuroendocrine tumours (well-differentiated unless stated), EVIDENCE.md 2.4.
 * Product thresholds (2.1): older = age ≥ 75; multi-year survival = expected_survival_months ≥ 60, limited = < 60;
 * significant burden = bilobar or liver_replacement_pct ≥ 25; G3 = net_grade G3 or Ki-67 > 20 %;
 * midgut/intestinal = net_primary_site midgut_ileum; non-intestinal = pancreas or lung.
 */
import type { Rule } from './dsl';
import { all, any, eq, gt, gte, isFalse, isTrue, lt, notHolds, notTrue, oneOf, proposed } from './dsl';

const NET = eq('primary_tumor', 'neuroendocrine');
const MIDGUT = eq('net_primary_site', 'midgut_ileum');
const G3 = any(eq('net_grade', 'G3'), gt('net_ki67_pct', 20));
/** G1–G2 by net_grade, and not G3 by Ki-67 (an unknown Ki-67 does not make it G3). */
const G1_G2 = all(oneOf('net_grade', ['G1', 'G2']), notHolds(G3));
const SSTR = isTrue('sstr_positive');
/** R-NET-08's situation; R-NET-10 applies only where it does not. */
const NET08_WHEN = all(NET, SSTR, MIDGUT, isTrue('progressing_on_ssa'));

const EMBO = ['C-NET-EMBO-MODALITY'] as const;
const Y90C = ['C-NET-Y90'] as const;

export const NEUROENDOCRINE_RULES: readonly Rule[] = [
  {
    id: 'R-NET-01', section: 'neuroendocrine',
    situation: 'liver-dominant NET with hormonal symptoms despite SSA, bulk symptoms, or progression: liver-directed embolotherapy as a class; no option word of its own (modality from R-NET-02…07)',
    when: all(NET, isTrue('liver_dominant'), any(isTrue('hormone_symptoms'), isTrue('bulk_symptoms'), isTrue('progressing_on_ssa'))),
    options: [],
    evidence: ['EV-SEED-2018', 'GL-ENETS-2022-CS', 'GL-ENETS-2016', 'GL-NET-LIVER-2015'],
  },
  {
    id: 'R-NET-02', section: 'neuroendocrine',
    situation: 'midgut G1–G2, SSTR-positive, Lu-177 candidate now or later, multi-year expected survival (≥ 60 months), not frail',
    when: all(NET, MIDGUT, G1_G2, SSTR, isTrue('lu177_candidate'), gte('expected_survival_months', 60), isFalse('frail')),
    options: [
      { option: 'CTACE_LIPIODOL', strength: 'recommended', rationale: 'narrative review (2018/19) practice: Lipiodol cTACE avoids Y-90 long-term toxicity and bland-embolisation pain and keeps the liver radiation-naive for Lu-177', conflicts: EMBO },
      { option: 'BLAND_TAE', strength: 'consider', rationale: 'ENETS 2022 prefers bland embolisation for carcinoid syndrome with G1 intestinal NET (conflicts with the preference of the narrative review)', conflicts: EMBO },
      { option: 'Y90_TARE', strength: 'not_recommended', rationale: 'multi-year expected survival: keep the liver radiation-naive; cirrhosis-like change and portal hypertension after whole-liver Y-90 (decompensation 20.5%)', conflicts: Y90C },
      { option: 'LU177_PRRT', strength: 'consider', rationale: 'now, or recommended once progressive on SSA (NETTER-1: PFS HR 0.21)' },
    ],
    evidence: ['EV-SEED-2018', 'GL-ENETS-2022-CS', 'EV-SU-2017', 'EV-TOMOZAWA-2018', 'EV-NETTER1-2017', 'EV-NET-EMBO-COMP'],
  },
  {
    id: 'R-NET-03', section: 'neuroendocrine',
    situation: 'older (≥ 75) or frail, significant liver burden (bilobar or ≥ 25 %), limited expected survival (< 60 months)',
    when: all(NET, any(gte('age', 75), isTrue('frail')), any(isTrue('bilobar'), gte('liver_replacement_pct', 25)), lt('expected_survival_months', 60)),
    options: [
      { option: 'Y90_TARE', strength: 'consider', rationale: 'narrative review (2018/19): in older or frail patients with significant burden Y-90 is still considered (easier recovery than TACE/TAE; long-term toxicity less relevant)', conflicts: Y90C },
      { option: 'CTACE_LIPIODOL', strength: 'consider', rationale: 'no proven efficacy difference between embolotherapy modalities', conflicts: EMBO },
      { option: 'LU177_PRRT', strength: 'consider', rationale: 'systemic radionuclide option (SSTR-positive disease; NETTER-1)' },
    ],
    evidence: ['EV-SEED-2018', 'EV-NET-EMBO-COMP', 'EV-NETTER1-2017'],
  },
  {
    id: 'R-NET-04', section: 'neuroendocrine',
    situation: 'bilobar disease with liver replacement > 50 % and/or prior hepatotoxic chemotherapy',
    when: all(NET, any(gt('liver_replacement_pct', 50), isTrue('prior_hepatotoxic_chemo')), isTrue('bilobar')),
    options: [
      { option: 'Y90_TARE', strength: 'not_recommended', rationale: 'whole-liver Y-90: 6 of 8 decompensations after bilobar Y-90 had > 50 % replacement and/or hepatotoxic chemotherapy; > 50 % burden shortens HPFS by 5.5 and OS by 26.8 months', conflicts: Y90C },
      { option: 'CTACE_LIPIODOL', strength: 'consider', rationale: 'staged lobar cTACE with caution (high risk of hepatotoxicity)', conflicts: EMBO },
      { option: 'BLAND_TAE', strength: 'consider', rationale: 'staged lobar TAE with caution (high risk of hepatotoxicity)', conflicts: EMBO },
      { option: 'LU177_PRRT', strength: 'consider', if: SSTR, rationale: 'PRRT is the systemic radionuclide alternative for SSTR-positive disease' },
    ],
    evidence: ['EV-SU-2017', 'EV-SEED-2018', 'EV-NET-EMBO-COMP', 'EV-NETTER1-2017'],
  },
  {
    id: 'R-NET-05', section: 'neuroendocrine', situation: 'liver-dominant progression after PRRT',
    when: all(NET, eq('line_of_therapy', 'post_prrt'), isTrue('liver_dominant')),
    options: [
      { option: 'Y90_TARE', strength: 'consider', rationale: 'after PRRT: ORR 16 %, DCR 91 %, fatal REILD 2 %, median OS 3.5 years', conflicts: Y90C },
      { option: 'CTACE_LIPIODOL', strength: 'consider', rationale: 'embolotherapy remains a mainstay; no modality superior', conflicts: EMBO },
      { option: 'BLAND_TAE', strength: 'consider', rationale: 'embolotherapy remains a mainstay; no modality superior', conflicts: EMBO },
    ],
    evidence: ['EV-BRAAT-2020', 'GL-ENETS-2022-CS', 'EV-NET-EMBO-COMP', 'EV-SEED-2018'],
  },
  {
    id: 'R-NET-06', section: 'neuroendocrine', situation: 'G3 (net_grade G3 or Ki-67 > 20 %)',
    when: all(NET, G3),
    options: [
      { option: 'SYSTEMIC_STANDARD', strength: 'recommended', rationale: 'G3 disease: systemic therapy first (after embolotherapy HPFS 4.9, OS 9.3 months)' },
      { option: 'LIVER_DIRECTED_ANY', strength: 'consider', rationale: 'for symptom or bulk control only' },
    ],
    evidence: ['EV-NET-EMBO-COMP'],
  },
  {
    id: 'R-NET-07', section: 'neuroendocrine', situation: 'G2 of any site, or G1 non-intestinal (pancreas, lung); not G3',
    when: all(NET, notHolds(G3), any(eq('net_grade', 'G2'), all(eq('net_grade', 'G1'), oneOf('net_primary_site', ['pancreas', 'lung'])))),
    options: [
      { option: 'CTACE_LIPIODOL', strength: 'consider', rationale: 'ENETS 2022: TACE or SIRT may be reserved for G2 intestinal or non-intestinal NET', conflicts: EMBO },
      { option: 'Y90_TARE', strength: 'consider', rationale: 'ENETS 2022 allows SIRT here; weigh long-term hepatotoxicity (R-NET-02/04 factors)', conflicts: Y90C },
      { option: 'BLAND_TAE', strength: 'consider', rationale: 'all modalities in use; no head-to-head trial', conflicts: EMBO },
    ],
    evidence: ['GL-ENETS-2022-CS', 'EV-NET-EMBO-COMP', 'EV-SEED-2018'],
  },
  {
    id: 'R-NET-08', section: 'neuroendocrine', situation: 'SSTR-positive midgut NET progressing on a somatostatin analogue',
    when: NET08_WHEN,
    options: [{ option: 'LU177_PRRT', strength: 'recommended', prevailsOverConsider: true, rationale: 'NETTER-1 population: 7.4 GBq every 8 weeks × 4; PFS at 20 months 65.2 % vs 10.8 %, HR 0.21' }],
    evidence: ['EV-NETTER1-2017'],
  },
  {
    id: 'R-NET-10', section: 'neuroendocrine', situation: 'SSTR-positive G1–G2 NET without prior PRRT, where R-NET-08 does not apply',
    when: all(NET, SSTR, G1_G2, notTrue('prior_prrt'), notHolds(NET08_WHEN)),
    options: [{ option: 'LU177_PRRT', strength: 'consider', rationale: 'NETTER-1 enrolled midgut NET only; non-midgut use rests on the SSTR-positive GEP-NET label [K]' }],
    evidence: ['EV-NETTER1-2017'],
  },
  {
    id: 'R-NET-11', section: 'neuroendocrine', situation: 'resectable (effective) liver-only G1–G2 NET, Ki-67 not > 20 % (unknown Ki-67 holds)',
    when: all(NET, eq('resectable_effective', true), eq('extrahepatic_disease', 'none'), oneOf('net_grade', ['G1', 'G2']), notHolds(gt('net_ki67_pct', 20))),
    options: [{ option: 'RESECTION', strength: 'recommended', rationale: 'curative-intent resection of liver-only well-differentiated NET metastases; transplantation (Milan-NET) only for selected unresectable disease; debulking ≥ 70 % in selected cases [K]' }],
    evidence: ['EV-NET-DEBULK', 'EV-NET-LT-2022'],
  },
  // R-NET-09 reads what the rows above show, so it stays last.
  {
    id: 'R-NET-09', section: 'neuroendocrine', situation: 'any NET case in which a row shows CTACE_LIPIODOL',
    when: all(NET, proposed('CTACE_LIPIODOL')),
    options: [{ option: 'DEB_TACE', strength: 'consider', rationale: 'never better than consider in NET: biliary toxicity warning (DEB-TACE more biliary toxicity than cTACE, expert opinion)' }],
    evidence: ['EV-CTOO-2020-NET-LDT'],
  },
];
