/**
 * The evidence catalogue: every id of EVIDENCE.md section 1 with its citation, design, population, key numbers
 * as published (published values win over the 2018/19 narrative review: EVIDENCE.md 0.3), and provenance tags (0.1):
 *   V = verified against a primary-ish source; V2 = secondary source only; K = background knowledge, unverified;
 *   S = stated in the 2018/19 narrative review of interventional oncology; NF = searched for and not found.
 * Plain data, written for a clinician to read; the UI's evidence cards and the minutes show it as is.
 */

import { RECORDS_2026_12 } from './catalogue2026';

export const CATALOGUE_VERSION = '2026-12-01';

export type ProvenanceTag = 'V' | 'V2' | 'K' | 'S' | 'NF';
export type EvidenceKind = 'review' | 'rct' | 'meta_analysis' | 'cohort' | 'registry' | 'guideline' | 'standard' | 'device' | 'opinion';

export interface Citation {
  authors: string | null;
  title: string | null;
  journal: string | null;
  year: number | null;
  /** Volume(issue):pages, as known. */
  volume_pages: string | null;
  pmid: string | null;
  doi: string | null;
  url: string | null;
}

export interface EvidenceRecord {
  id: string;
  short_name: string;
  kind: EvidenceKind;
  year: number | null;
  design: string;
  population: string;
  /** Intervention vs comparator, where there is one. */
  comparison: string | null;
  /** Results as published, one readable line each, each ending with its provenance tag. */
  key_numbers: readonly string[];
  citation: Citation;
  /** Tags that occur in this record, most trustworthy first. */
  provenance: readonly ProvenanceTag[];
  /** How the tags apply (which parts are verified, which are not). */
  provenance_note: string;
  /** Where the narrative review's figures differ from the published ones (EVIDENCE.md 0.3); the published values are used. */
  seed_discrepancies?: readonly string[];
  seed_reference?: string;
}

const cite = (c: Partial<Citation>): Citation => ({
  authors: null, title: null, journal: null, year: null, volume_pages: null, pmid: null, doi: null, url: null, ...c,
});

const RECORDS_2026_11: readonly EvidenceRecord[] = [
  // 1.1 The narrative review of interventional oncology for liver metastases (2018/19)
  {
    id: 'EV-SEED-2018', short_name: 'Narrative review: interventional oncology for liver metastases (2018/19)', kind: 'review', year: 2018,
    design: 'narrative review / expert practice statement (c. 2018/19)',
    population: 'patients with HCC and liver metastases', comparison: null,
    key_numbers: [
      'Y-90 "should not be used as part of first-line therapy for colorectal cancer" [S]',
      'mCRC Y-90 roles: consolidation after 12 doses / 6 months of first line; second line (EPOCH); salvage, where OS after second line is usually < 1 year and Y-90 salvage series report OS 10–12 months [S]',
      'NET: embolisation is a mainstay for liver-dominant disease with hormonal or bulk symptoms; Y-90, Lipiodol cTACE, DEB-TACE and bland embolisation all used; no prospective head-to-head comparison [S]',
      'Low-grade midgut NET: survival > 10 years after first locoregional therapy; cirrhosis-like change years after Y-90 questions its use with multi-year expected survival [S]',
      'Future Lu-177 candidates with midgut NET treated with Lipiodol cTACE to keep the liver radiation-naive; Y-90 still considered in older or frail patients with significant burden [S]',
      'Other metastases (breast, melanoma, sarcoma, pancreatic, lung): IR treatment not in NCCN guidelines; evidence anecdotal [S]',
      'Declining performance status in end-stage salvage predicts short survival [S]',
      'HCC: > 50 % of patients undergo TACE during their course; TACE is in NCCN and AASLD guidelines [S]',
    ],
    citation: cite({ title: 'Interventional oncology for liver metastases: a narrative review (2018/19; journal and authors not identified)', year: 2018 }),
    provenance: ['S', 'NF'], provenance_note: 'practice statements as stated in the review [S]; bibliographic identity not found [NF]',
    seed_discrepancies: [
      'SIRFLOX liver PFS control arm is 12.6 months (review: 12.5)',
      'SIRFLOX overall PFS is control 10.2 vs SIRT 10.7 months (the review reversed the arms)',
      'NETTER-1 Lu-177 schedule is 7.4 GBq every 8 weeks × 4 (review: monthly)',
      'Lu-177 dotatate label covers SSTR-positive GEP-NETs, not midgut only [K]',
      'Chen 2017 NET embolotherapy: OS unadjusted TARE worse than TACE (HR 2.1, p = 0.02), not significant after propensity adjustment',
      'FOXFIRE combined secondary outcomes quoted by the review could not be verified',
      'EPOCH reported in 2021 (review: ongoing)',
      'RESIN: 42 centres, enrolment to August 2020 in later publications (review: 40 sites, > 1,100 patients by August 2018)',
    ],
  },
  // 1.2 HCC — TACE
  {
    id: 'EV-TACE-LLOVET-2002', short_name: 'Barcelona TACE RCT', kind: 'rct', year: 2002,
    design: 'RCT, stopped early at the 9th sequential inspection',
    population: 'unresectable HCC, Child-Pugh A/B, Okuda I/II; 903 assessed, 112 randomised',
    comparison: 'gelatin-sponge embolisation (n=37) vs chemoembolisation with doxorubicin (n=40) vs conservative (n=35)',
    key_numbers: [
      'Chemoembolisation vs conservative: HR for death 0.47 (95% CI 0.25–0.91), p = 0.025 [V]',
      '1- and 2-year survival: embolisation 75% / 50%; chemoembolisation 82% / 63%; control 63% / 27% (chemoembolisation vs control p = 0.009) [V]',
      'Deaths 25/37, 21/40, 25/35 [V]',
      'Objective responses sustained ≥ 6 months: 35% (14) with chemoembolisation; lower portal-vein invasion rate [V]',
      'Treatment allocation the only independent predictor of survival: OR 0.45 (95% CI 0.25–0.81), p = 0.02 [V]',
    ],
    citation: cite({ authors: 'Llovet JM et al.', journal: 'Lancet', year: 2002, volume_pages: '359(9319):1734-9', pmid: '12049862', doi: '10.1016/S0140-6736(02)08649-X', url: 'https://www.ncbi.nlm.nih.gov/pubmed/12049862' }),
    provenance: ['V', 'K'], provenance_note: 'results and PMID verified [V]; DOI from background knowledge [K]', seed_reference: 'seed ref 1',
  },
  {
    id: 'EV-TACE-LO-2002', short_name: 'Hong Kong TACE RCT', kind: 'rct', year: 2002,
    design: 'RCT (randomised controlled trial)', population: '80 of 279 Asian patients with newly diagnosed unresectable HCC',
    comparison: 'cisplatin-in-Lipiodol + gelatin-sponge chemoembolisation every 2–3 months (n=40; 192 courses, median 4.5) vs symptomatic treatment (n=40; 1 excluded)',
    key_numbers: [
      'Actuarial survival 57% / 31% / 26% at 1/2/3 years vs 32% / 11% / 3% (P = .002) [V]',
      'Multivariate relative risk of death 0.49 (95% CI 0.29–0.81; P = .006) [V]',
      'Death from liver failure more frequent with chemoembolisation; survivors\' liver function not significantly different [V]',
    ],
    citation: cite({ authors: 'Lo CM et al.', journal: 'Hepatology', year: 2002, volume_pages: '35(5):1164-71', pmid: '11981766', url: 'https://www.scribd.com/document/76122167/Chemoembo' }),
    provenance: ['V', 'K'], provenance_note: 'abstract verified from a copy of the paper [V]; volume, pages and PMID [K]', seed_reference: 'seed ref 2',
  },
  {
    id: 'EV-TACE-META', short_name: 'TACE meta-analyses (Cammà 2002; Llovet & Bruix 2003)', kind: 'meta_analysis', year: 2002,
    design: 'meta-analyses of RCTs', population: 'unresectable HCC', comparison: 'TACE/TAE vs non-active treatment',
    key_numbers: [
      'Cammà 2002, 5 RCTs vs non-active treatment: 2-year mortality OR 0.54 (95% CI 0.33–0.89; P = .015) [V]',
      'Cammà 2002 meta-regression over 18 RCTs: TAE vs transarterial chemotherapy OR 0.72 (0.53–0.98; P = .039); TACE vs TAE OR 1.007 (0.79–1.27; P = .95), "no evidence that TACE is more effective than TAE" [V]',
      'Llovet & Bruix 2003: chemoembolisation improves survival; 2-year survival OR 0.53 (95% CI 0.32–0.89, P = .017) commonly quoted [K]',
    ],
    citation: cite({ authors: 'Cammà C et al.; Llovet JM, Bruix J', title: 'Cammà: TACE meta-analysis; Llovet & Bruix: "Systematic review of randomized trials for unresectable hepatocellular carcinoma: chemoembolization improves survival"', journal: 'Radiology; Hepatology', year: 2002, volume_pages: 'Radiology 2002;224(1):47-54; Hepatology 2003;37:429-42', pmid: '12091661', doi: '10.1148/radiol.2241011262' }),
    provenance: ['V', 'K'], provenance_note: 'Cammà citation and results [V]; Llovet & Bruix citation [V], numbers [K]',
  },
  {
    id: 'EV-SIRVENIB-2018', short_name: 'SIRveNIB', kind: 'rct', year: 2018,
    design: 'RCT, open-label, phase 3', population: 'locally advanced HCC, Asia-Pacific, 360 patients',
    comparison: 'Y-90 resin radioembolisation (n=182) vs sorafenib 800 mg/day (n=178)',
    key_numbers: [
      'Median OS 8.8 vs 10.0 months (HR 1.1; 95% CI 0.9–1.4; P = .36) [V]',
      '28.6% vs 9.0% did not receive assigned therapy [V]',
      'Grade ≥ 3 AEs 27.7% (36/130) vs 50.6% (82/162), P < .001; serious AEs 20.8% vs 35.2% [V]',
    ],
    citation: cite({ authors: 'Chow PKH et al.', journal: 'J Clin Oncol', year: 2018, volume_pages: '36(19):1913-1921', url: 'https://pesquisa.bvsalud.org' }),
    provenance: ['V', 'K'], provenance_note: 'abstract results [V]; citation details [K]',
  },
  // 1.3 mCRC first line
  {
    id: 'EV-SIRFLOX-2016', short_name: 'SIRFLOX', kind: 'rct', year: 2016,
    design: 'RCT, open-label, multicentre, phase 3',
    population: 'chemotherapy-naive mCRC with liver metastases ± limited extrahepatic disease, WHO PS 0–1, life expectancy ≥ 3 months',
    comparison: 'mFOLFOX6 ± bevacizumab (n=263) vs the same + single resin SIRT at cycle 1 (n=267)',
    key_numbers: [
      'PFS at any site (blinded central review): control 10.2 vs SIRT 10.7 months, HR 0.93 (95% CI 0.77–1.12), P = .43 [V]',
      'Liver PFS (competing risk): 12.6 vs 20.5 months, HR 0.69 (0.55–0.90), P = .002 [V]',
      'ORR any site 68.1% vs 76.4% (P = .113); liver ORR 68.8% vs 78.7% (P = .042) [V]',
      'Grade ≥ 3 AEs 73.4% vs 85.4% [V]',
      'Liver-only disease: liver PFS 12.4 vs 21.1 months (p = 0.003); with extrahepatic disease 12.6 vs 16.7 months (p = 0.147) [V]',
      'First progression in the liver 92.1% vs 72.3%, p < 0.001 [V]',
      'Gastric/duodenal ulcer and ascites more common with Y-90 (P < .05) [S]',
    ],
    citation: cite({ authors: 'van Hazel GA et al.', journal: 'J Clin Oncol', year: 2016, volume_pages: '34(15):1723-1731', pmid: '26903575', doi: '10.1200/JCO.2015.66.1181', url: 'https://paperexplained.cn/articles/paper/detail/f5f38571a27a025264a36eadc7e5412d228e8131' }),
    provenance: ['V', 'K', 'S'], provenance_note: 'results and journal/volume/pages [V]; issue, PMID, DOI [K]; toxicity detail [S]',
    seed_discrepancies: ['seed: liver PFS control 12.5 months; published 12.6', 'seed reversed the overall PFS arms; published control 10.2 vs SIRT 10.7 months'],
    seed_reference: 'seed ref 3',
  },
  {
    id: 'EV-FOXFIRE-COMB-2017', short_name: 'FOXFIRE + SIRFLOX + FOXFIRE-Global combined', kind: 'meta_analysis', year: 2017,
    design: 'prospectively planned combined analysis (individual-patient meta-analysis) of 3 RCTs',
    population: 'chemo-naive mCRC, liver metastases not suitable for resection/ablation, WHO PS 0–1, limited extrahepatic disease allowed; 14 countries',
    comparison: 'oxaliplatin-based chemotherapy ± biologic (n=549) vs the same + single resin SIRT (n=554)',
    key_numbers: [
      'Median OS 22.6 (SIRT) vs 23.3 months; OS HR 1.04, P = .61 [V]',
      'Median PFS 11.0 vs 10.3 months (HR 0.90, P = .11) [V]',
      'Median follow-up 43.3 months; 844 deaths (78% vs 75%) [V]',
      'Narrative review only: ORR 72% vs 63%; first intrahepatic progression 31% vs 49%; grade ≥ 3 toxicity 74% vs 67% — not verified [S, NF]',
    ],
    citation: cite({ authors: 'Wasan HS et al.', journal: 'Lancet Oncol', year: 2017, volume_pages: '18(9):1159-1171', pmid: '28781171', doi: '10.1016/S1470-2045(17)30457-6', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5593813' }),
    provenance: ['V', 'V2', 'S', 'NF'], provenance_note: 'citation and OS/PFS [V]; results also via ASCO Post [V2]; secondary outcomes from the narrative review only [S, NF]',
    seed_discrepancies: ['secondary outcomes quoted by the narrative review (ORR, site of first progression, grade ≥ 3 toxicity) could not be verified'],
    seed_reference: 'seed ref 4',
  },
  // 1.4 mCRC second line
  {
    id: 'EV-EPOCH-2021', short_name: 'EPOCH', kind: 'rct', year: 2021,
    design: 'RCT, open-label, international, phase 3 (NCT01483027)',
    population: 'liver-dominant CRC liver metastases progressing on first-line oxaliplatin- or irinotecan-based therapy; ~81% bilobar; albumin > 3 g/dL and good ECOG required',
    comparison: 'second-line chemotherapy ± targeted agent with glass TARE (120 Gy ±10% single compartment) (n=215) vs chemotherapy alone (n=213)',
    key_numbers: [
      'PFS HR 0.69 (95% CI 0.54–0.88; 1-sided P = .0013); median 8.0 vs 7.2 months [V]',
      'Hepatic PFS HR 0.59 (0.46–0.77; 1-sided P < .0001); median 9.1 vs 7.2 months [V]',
      'OS 14.0 vs 14.4 months, HR 1.07 (0.86–1.32), 1-sided p = 0.7229 [V]',
      'ORR 34.0% vs 21.1%, 1-sided p = 0.0019 [V]',
      'Grade ≥ 3 AEs 68.4% vs 49.3% [V]',
      'PFS subgroups (HR): KRAS-mutant 0.57; left-sided 0.65; hepatic burden 10–25% 0.43; ≤ 3 lesions 0.33; biologic added 0.58; resected primary 0.63 [V]',
      'Time to subsequent therapy 21.0 vs 10.1 months (HR 0.49); time to QoL deterioration 3.8 vs 3.8 months [V]',
    ],
    citation: cite({ authors: 'Mulcahy MF et al.', title: 'Radioembolization With Chemotherapy for Colorectal Liver Metastases: A Randomized, Open-Label, International, Multicenter, Phase III Trial', journal: 'J Clin Oncol', year: 2021, volume_pages: '39(35):3897-3907', pmid: '34541864', doi: '10.1200/JCO.21.01839', url: 'https://synapse.mskcc.org/synapse/works/191864' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'title, authors, journal and results [V]; volume, PMID, DOI [K]',
    seed_discrepancies: ['the narrative review describes EPOCH as ongoing; it reported in 2021'],
  },
  // 1.5 mCRC salvage
  {
    id: 'EV-HENDLISZ-2010', short_name: 'Hendlisz phase 3 (salvage)', kind: 'rct', year: 2010,
    design: 'RCT (randomised controlled trial)', population: 'unresectable chemotherapy-refractory liver-limited mCRC; 46 randomised, 44 eligible',
    comparison: 'protracted IV 5-FU (n=23) vs resin radioembolisation + 5-FU (n=21); crossover allowed',
    key_numbers: [
      'Time to liver progression 2.1 vs 5.5 months (HR 0.38; 95% CI 0.20–0.72; P = .003) [V]',
      'Time to progression 2.1 vs 4.5 months (HR 0.51; 0.28–0.94; P = .03) [V]',
      'Median OS 7.3 vs 10.0 months (HR 0.92; 0.47–1.78; P = .80); 10 control patients crossed over [V]',
      'Grade 3–4 toxicity 6 vs 1 patient (P = .10) [V]',
    ],
    citation: cite({ authors: 'Hendlisz A et al.', journal: 'J Clin Oncol', year: 2010, volume_pages: '28(23):3687-94', url: 'https://repository.uantwerpen.be/link/irua/124951' }),
    provenance: ['V', 'K'], provenance_note: 'abstract [V]; citation details [K]',
  },
  {
    id: 'EV-COSIMELLI-2010', short_name: 'Italian phase 2 (salvage)', kind: 'cohort', year: 2010,
    design: 'single-arm phase 2', population: '50 chemorefractory mCRC (76% ≥ 4 prior lines; 58% > 4 liver metastases; 60% 25–50% replacement)',
    comparison: 'resin Y-90 alone (median 1.7 GBq)',
    key_numbers: [
      'CR 1 (2%), PR 11 (22%), SD 12 (24%), PD 22 (44%) [V]',
      'Median OS 12.6 months (95% CI 7.0–18.3); 2-year OS 19.6% [V]',
      '2 deaths (renal failure day 40, liver failure day 60) [V]',
    ],
    citation: cite({ authors: 'Cosimelli M et al.', journal: 'Br J Cancer', year: 2010, volume_pages: '103(3):324-31', pmid: '20628388', doi: '10.1038/sj.bjc.6605770' }),
    provenance: ['V', 'K'], provenance_note: 'citation and results [V]; first author [K]',
  },
  {
    id: 'EV-MORE-2015', short_name: 'MORE', kind: 'cohort', year: 2015,
    design: 'retrospective multicentre (11 US centres)',
    population: '606 consecutive liver-dominant mCRC patients 2002–2011; median 2 prior lines; 35.1% limited extrahepatic disease',
    comparison: 'resin Y-90 (median 1.17 GBq)',
    key_numbers: [
      'Median OS after Y-90: 2nd line 13.0, 3rd line 9.0, ≥ 4th line 8.1 months [V]',
      'ECOG 0 vs ≥ 1: significantly longer survival (P = 0.009) [V]',
      'Grade ≥ 3 AEs: abdominal pain 6.1%, fatigue 5.5%, hyperbilirubinaemia 5.4%, ascites 3.6%, GI ulceration 1.7% [V]',
      'Hospital stay < 24 h in 97.8% [V]',
    ],
    citation: cite({ authors: 'Kennedy AS et al.', journal: 'J Gastrointest Oncol', year: 2015, volume_pages: '6(2):134-142', url: 'https://jgo.amegroups.org/article/view/3706' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'results [V]; year [V2]; volume and pages [K]',
  },
  {
    id: 'EV-IJSO-2011', short_name: 'Single-centre salvage series', kind: 'cohort', year: 2011,
    design: 'retrospective single centre', population: '51 mCRC after failure of first and second line', comparison: 'resin Y-90',
    key_numbers: [
      'SD or PR 77% (RECIST) [V]',
      'Median OS 10.2 months (95% CI 7.5–13.0) [V]',
      'Without extrahepatic disease 17.0 (6.4–27.6) vs with 6.7 (2.7–10.6) months [V]',
    ],
    citation: cite({ journal: 'Int J Surg Oncol', year: 2011, volume_pages: 'article ID 571261', url: 'https://www.hindawi.com/journals/ijso/2011/571261/abs/' }),
    provenance: ['V', 'NF'], provenance_note: 'abstract [V]; authors not found [NF]',
  },
  // 1.6 Registry
  {
    id: 'EV-RESIN-REGISTRY', short_name: 'RESIN registry', kind: 'registry', year: 2015,
    design: 'prospective multicentre observational registry (NCT02685631), 2015–',
    population: 'resin Y-90, all tumour types; 42 centres', comparison: null,
    key_numbers: [
      'Brown 2021 (614 patients, CTCAE v5): at 6 months grade 3 bilirubin 13.8%, albumin 4.6%, ALT 4.2%, AST 6.0%; 1.1% died of liver decompensation; abnormal baseline labs predicted grade 3 toxicity (P < 0.001); whole-liver treatment predicted bilirubin toxicity (P = 0.046) [V]',
      'Emmons 2022 (498 mCRC): median OS 15.0 months (95% CI 13.3–16.9); by line 13.9 / 17.4 / 12.5 months (first / second / ≥ third; P = .002); PFS 7.4 months [V]',
      'TARE-attributable grade 3–4 bilirubin 8.4%, albumin 3.7% (Emmons 2022) [V]',
    ],
    citation: cite({ authors: 'Brown D et al.; Emmons EC et al.', title: 'RESIN registry analyses (hepatic toxicity at 6 months; survival in mCRC)', journal: 'J Gastrointest Oncol 2021;12(2):639-657; Radiology 2022;305(1):228-236', year: 2021, volume_pages: 'JGO 12(2):639-657; Radiology 305(1):228-236', pmid: '35762890', url: 'https://stanfordhealthcare.org/publications/815/815308.html' }),
    provenance: ['V', 'S'], provenance_note: 'NCT number and publications [V]; figures of the narrative review on sites and enrolment [S]',
    seed_discrepancies: ['seed: 40 sites, > 1,100 patients (Aug 2018); later publications: 42 centres, enrolment to August 2020'],
  },
  // 1.7 NET
  {
    id: 'EV-NET-EMBO-COMP', short_name: 'NET embolotherapy comparison (Chen 2017)', kind: 'cohort', year: 2017,
    design: 'retrospective multicentre', population: '155 NET liver-metastasis patients (pancreas 71, gut 68, lung 8, other 8), 2004–2015',
    comparison: 'cTACE (n=50) vs TARE (n=64) vs TAE (n=41)',
    key_numbers: [
      'Median hepatic PFS / OS by grade: G1 18.5 / 125.1 months; G2 12.2 / 33.9; G3 4.9 / 9.3 (p < 0.05) [V]',
      'Burden > 50% of liver: hepatic PFS 5.5 and OS 26.8 months shorter than ≤ 50% [V]',
      'Hepatic PFS: no difference between modalities [V]',
      'OS: TARE vs TACE HR 2.1 (p = 0.02) unadjusted; HR 1.8 (p = 0.11) propensity-adjusted; TAE not different from TACE [V]',
    ],
    citation: cite({ authors: 'Chen JX, Rose S, White SB, … Metz DC, Soulen MC', journal: 'Cardiovasc Intervent Radiol', year: 2017, volume_pages: '40(1):69-80', url: 'https://stanfordhealthcare.org/publications/438/438161.html' }),
    provenance: ['V', 'NF'], provenance_note: 'citation and results [V]; toxicity statements of the narrative review not verified [NF]',
    seed_discrepancies: ['the narrative review\'s "no significant difference in OS" holds only for the propensity-adjusted analysis'],
    seed_reference: 'probable seed ref 5 (identity not confirmed)',
  },
  {
    id: 'EV-SU-2017', short_name: 'Long-term hepatotoxicity after Y-90 for NET (Su 2017)', kind: 'cohort', year: 2017,
    design: 'retrospective single centre', population: '54 metastatic NET patients with > 2 years follow-up after glass Y-90 (unilobar 15, whole liver 39)',
    comparison: 'unilobar vs whole-liver treatment',
    key_numbers: [
      'Cirrhosis-like morphology: unilobar 26.7% (4/15) vs whole liver 56.4% (22/39) [V]',
      'Ascites 13.3% vs 41.0%; varices 6.7% vs 15.4% [V]',
      '8 (20.5%) whole-liver patients with cirrhosis-like morphology had clinical hepatic decompensation [V]',
      'Narrative review: 6 of the 8 decompensated patients had > 50% volume replacement and/or hepatotoxic chemotherapy [S]',
    ],
    citation: cite({ authors: 'Su YK, Mackey RV, Riaz A, … Salem R, Lewandowski RJ', journal: 'J Vasc Interv Radiol', year: 2017, volume_pages: '28(11):1520-1526' }),
    provenance: ['V', 'S', 'K'], provenance_note: 'authors, date and abstract results [V]; pages [K]; 6 of 8 detail [S]', seed_reference: 'seed ref 6',
  },
  {
    id: 'EV-TOMOZAWA-2018', short_name: 'Long-term toxicity after resin Y-90 for NET (Tomozawa 2018)', kind: 'cohort', year: 2018,
    design: 'retrospective', population: '93 NET patients (unilobar 48, staged bilobar 45)', comparison: 'unilobar vs staged bilobar',
    key_numbers: [
      'Baseline ascites (P = .002) and extrahepatic metastases (P = .038) associated with poor survival [V]',
      'Imaging signs of cirrhosis-like morphology / portal hypertension in 15/52 with > 1 year follow-up, more frequent after bilobar treatment [V]',
      'Only 4 grade 3 serologic toxicities; no RE-related liver failure or grade 4 toxicity [V]',
    ],
    citation: cite({ authors: 'Tomozawa Y, Jahangiri Y, Pathak P, Kolbeck KJ, Schenning RC, Kaufman JA, Farsad K', journal: 'J Vasc Interv Radiol', year: 2018, volume_pages: '29(6):858-865' }),
    provenance: ['V', 'K', 'S'], provenance_note: 'authors and results [V]; volume/pages [K]; per-finding counts [S]', seed_reference: 'seed ref 7',
  },
  {
    id: 'EV-NETTER1-2017', short_name: 'NETTER-1', kind: 'rct', year: 2017,
    design: 'RCT, open-label, phase 3',
    population: '229 patients with well-differentiated, metastatic, SSTR-positive midgut NET progressing on fixed-dose octreotide LAR',
    comparison: '177Lu-Dotatate 7.4 GBq every 8 weeks × 4 + octreotide LAR 30 mg (n=116) vs octreotide LAR 60 mg every 4 weeks (n=113)',
    key_numbers: [
      'PFS at month 20: 65.2% (95% CI 50.0–76.8) vs 10.8% (3.5–23.0) [V]',
      'HR for progression or death 0.21 (p < 0.0001) [V]; 95% CI 0.13–0.33 [K]',
      'Objective response 18% vs 3% (P < 0.001); interim OS 14 vs 26 deaths (P = 0.004) [V]',
      'Grade 3/4 neutropenia 1%, thrombocytopenia 2%, lymphopenia 9% [V]',
      'Final OS report exists: median OS 48.0 vs 36.3 months, HR 0.84 [K, NF]',
    ],
    citation: cite({ authors: 'Strosberg J et al.', journal: 'N Engl J Med', year: 2017, volume_pages: '376(2):125-135', pmid: '28076709', doi: '10.1056/NEJMoa1607427' }),
    provenance: ['V', 'K', 'NF'], provenance_note: 'citation and primary results [V]; CI of the HR and final OS figures [K, NF]',
    seed_discrepancies: ['schedule is 7.4 GBq every 8 weeks × 4 (review: monthly)', 'FDA label: SSTR-positive GEP-NETs, not midgut only [K]'],
    seed_reference: 'seed ref 8',
  },
  {
    id: 'EV-BRAAT-2020', short_name: 'Y-90 after PRRT (Braat 2020)', kind: 'cohort', year: 2020,
    design: 'retrospective multicentre sub-analysis', population: '44 NET patients, 58 resin RE procedures (55% whole liver) a median 353 days after PRRT',
    comparison: null,
    key_numbers: [
      'RECIST 1.1 ORR 16%, DCR 91% at 3 months; clinical response 65% (15/23) [V]',
      'Clinical toxicity within 3 months 26%; grade 3–4 lab toxicity ≤ 10% except lymphocytopenia 42% [V]',
      'Fatal REILD 2% (1 patient); median OS 3.5 years (1.8–5.1) [V]',
    ],
    citation: cite({ authors: 'Braat AJAT et al.', journal: 'Cardiovasc Intervent Radiol', year: 2020, volume_pages: '43(2):246-253', pmid: '31646375', doi: '10.1007/s00270-019-02350-2' }),
    provenance: ['V'], provenance_note: 'citation and results [V]',
  },
  {
    id: 'EV-ZUCKERMAN-2019', short_name: 'Single-institution Y-90 for NET (context)', kind: 'cohort', year: 2019,
    design: 'retrospective single institution', population: '59 NET patients treated with Y-90', comparison: null,
    key_numbers: [
      'Median OS 31 months; 1-/2-year OS 80.4% / 65.6% [V]',
      'Median hepatic PFS 18 and PFS 13 months [V]',
      '3 deaths from possibly therapy-related hepatic failure [V]',
    ],
    citation: cite({ journal: 'J Gastrointest Oncol', year: 2019, volume_pages: '10(1):118-127', pmid: '30788167' }),
    provenance: ['V'], provenance_note: 'citation and results [V]; context record',
  },
  // 1.8 Guidelines and standards
  {
    id: 'GL-NCCN-COLON', short_name: 'NCCN Guidelines: Colon Cancer', kind: 'guideline', year: null,
    design: 'guideline', population: 'metastatic colorectal cancer', comparison: null,
    key_numbers: [
      'Interventional therapy appears only as a footnote in mCRC; IR not mentioned for breast, melanoma, sarcoma, pancreatic or lung cancer [S]',
      'Commonly quoted: arterially directed catheter therapy, in particular Y-90, is an option in highly selected patients with chemotherapy-resistant/-refractory disease and predominant hepatic metastases [K]',
    ],
    citation: cite({ authors: 'National Comprehensive Cancer Network', title: 'NCCN Clinical Practice Guidelines in Oncology: Colon Cancer' }),
    provenance: ['S', 'K', 'NF'], provenance_note: 'current wording and category not retrievable [NF]; quoted wording [K]',
  },
  {
    id: 'GL-ESMO-MCRC-2023', short_name: 'ESMO mCRC guideline 2023', kind: 'guideline', year: 2023,
    design: 'ESMO Clinical Practice Guideline', population: 'metastatic colorectal cancer', comparison: null,
    key_numbers: ['SIRT/TACE recommendation wording and ESMO grades not retrieved; read before shipping [NF]'],
    citation: cite({ authors: 'Cervantes A, Adam R, Roselló S, et al.', journal: 'Ann Oncol', year: 2023, volume_pages: '34(1):10-32', pmid: '36307056', doi: '10.1016/j.annonc.2022.10.003' }),
    provenance: ['K', 'NF'], provenance_note: 'citation [K]; content [NF]',
  },
  {
    id: 'GL-ASCO-MCRC-2023', short_name: 'ASCO mCRC guideline 2023', kind: 'guideline', year: 2023,
    design: 'guideline based on a systematic review', population: 'metastatic colorectal cancer', comparison: null,
    key_numbers: [
      '"Selective internal radiation therapy is not routinely recommended for patients with unilobar or bilobar metastases of the liver" [V]',
      'SIRT vs chemotherapy after first-line progression (EPOCH): PFS HR 0.69, hPFS HR 0.59 (moderate quality); OS HR 1.07 ("probably has little or no effect on OS"); ORR RR 1.61 (1.17–2.21); grade 3/4 AEs RR 1.39 (1.17–1.64) (high quality) [V]',
      'SBRT may be recommended after systemic therapy for liver oligometastases not suitable for resection [V]',
    ],
    citation: cite({ authors: 'Morris VK et al.', title: 'Treatment of Metastatic Colorectal Cancer: ASCO Guideline', journal: 'J Clin Oncol', year: 2023, volume_pages: '41(3):678-700', pmid: '36252154', doi: '10.1200/JCO.22.01690' }),
    provenance: ['V'], provenance_note: 'citation and content [V] (abstract sentence truncated in the retrieved text)',
  },
  {
    id: 'GL-NICE-IPG672', short_name: 'NICE IPG672: SIRT for colorectal liver metastases', kind: 'guideline', year: 2020,
    design: 'interventional procedure guidance', population: 'unresectable colorectal metastases in the liver', comparison: null,
    key_numbers: [
      'Serious complications are well recognised and infrequent [V]',
      'For people who cannot have chemotherapy or whose metastases are chemotherapy-refractory: inform clinical governance, written information, audit outcomes, enter patients on a register [V]',
      'Selection by a specialist hepatobiliary MDT; research should report sidedness, extrahepatic disease and tumour-to-liver volume [V]',
      'Older IPG401 (2011): efficacy in chemo-naive patients inadequate; offer trial entry [V]',
    ],
    citation: cite({ authors: 'National Institute for Health and Care Excellence', title: 'Selective internal radiation therapy for unresectable colorectal metastases in the liver (IPG672)', year: 2020, url: 'https://www.nice.org.uk/guidance/ipg672' }),
    provenance: ['V', 'K'], provenance_note: 'text [V]; year [K]',
  },
  {
    id: 'GL-BCLC-2022', short_name: 'BCLC 2022 update', kind: 'guideline', year: 2022,
    design: 'staging and treatment strategy', population: 'hepatocellular carcinoma', comparison: null,
    key_numbers: [
      'BCLC 0 → ablation (or resection); A → resection / transplantation / ablation [K]',
      'BCLC B → transplant within extended criteria; TACE if well-defined nodules, preserved portal flow and selective access; systemic therapy if diffuse/infiltrative/extensive bilobar [K]',
      'BCLC C (portal invasion and/or extrahepatic spread, preserved liver function, ECOG 1–2) → systemic therapy [K]',
      'BCLC D (end-stage liver function, ECOG > 2) → best supportive care [K]',
      'TARE mentioned for selected single tumours ≤ 8 cm [K]',
      '2022 update splits BCLC-B: transplant candidates within extended criteria; TACE with preserved portal flow, well-defined nodules and selective access; systemic therapy for diffuse, infiltrative or extensive bilobar disease; downstaging to transplantation possible [V2]',
      'Resection for solitary tumours without portal hypertension and with normal bilirubin; otherwise transplantation, or ablation when early (solitary ≤ 5 cm or up to 3 nodules ≤ 3 cm); 5-year survival 50–75 % [V: BCLC group 2004]',
    ],
    citation: cite({ authors: 'Reig M et al.', title: 'BCLC strategy for prognosis prediction and treatment recommendation: the 2022 update', journal: 'J Hepatol', year: 2022, volume_pages: '76(3):681-693', doi: '10.1016/j.jhep.2021.11.018', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8866082' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'citation [V]; stage/treatment mapping from knowledge, figure not retrievable as text [K]; 2022 split of BCLC-B from a commentary [V2]',
  },
  {
    id: 'GL-EASL-RAOUL-TACE-CONTRA', short_name: 'TACE contraindications (EASL / Raoul)', kind: 'standard', year: 2015,
    design: 'contraindication table (review)', population: 'HCC candidates for TACE', comparison: null,
    key_numbers: [
      'Absolute: decompensated cirrhosis (Child-Pugh ≥ B8); extensive tumour replacing both entire lobes; severely reduced portal-vein flow; technical impediments [V]',
      'Relative: kidney failure; severe cardiopulmonary comorbidity; tumour ≥ 10 cm; untreated high-risk varices; bile-duct occlusion [V]',
      'EASL-style table: jaundice, clinical encephalopathy, refractory ascites, hepatorenal syndrome; tumoural PVT; creatinine ≥ 2 mg/dL or CrCl < 30 mL/min as absolute; biliary stent/surgery (incompetent papilla) as relative [V2]',
    ],
    citation: cite({ journal: 'World J Hepatol', year: 2015, volume_pages: '7(16):2009-2019, Table 1', url: 'https://www.wjgnet.com/1948-5182/full/v7/i16/2009-T1.htm' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'WJH table [V]; EASL-style list [V2]; original Raoul 2011 / EASL 2018 sources [K]',
  },
  {
    id: 'GL-CIRSE-TACE-2021', short_name: 'CIRSE Standards of Practice: TACE', kind: 'standard', year: 2021,
    design: 'standards of practice (not a clinical practice guideline)', population: 'hepatic TACE', comparison: null,
    key_numbers: ['Indications include HCC, ICC, mCRC and NET metastases [V]', 'Detailed contraindication list not retrieved [NF]'],
    citation: cite({ authors: 'Lucatelli P et al.', journal: 'Cardiovasc Intervent Radiol', year: 2021, volume_pages: '44:1851-1867', doi: '10.1007/s00270-021-02968-1' }),
    provenance: ['V', 'K', 'NF'], provenance_note: 'citation and indications [V]; pages [K]; contraindications [NF]',
  },
  {
    id: 'GL-CIRSE-TARE-2021', short_name: 'CIRSE Standards of Practice: TARE', kind: 'standard', year: 2021,
    design: 'standards of practice', population: 'hepatic radioembolisation', comparison: null,
    key_numbers: ['Content not retrieved [NF]'],
    citation: cite({ authors: 'Helmberger T et al.', journal: 'Cardiovasc Intervent Radiol', year: 2021, volume_pages: '44:21-35' }),
    provenance: ['K', 'NF'], provenance_note: 'citation [K]; content [NF]',
  },
  {
    id: 'GL-SIR-QI-RE-2017', short_name: 'SIR radioembolisation quality-improvement guidelines', kind: 'standard', year: 2017,
    design: 'quality-improvement guideline', population: 'radioembolisation of hepatic malignancies', comparison: null,
    key_numbers: ['Content not retrieved [NF]; companion SIR TACE/TAE QI guidelines (Gaba RC et al.) [V title]'],
    citation: cite({ authors: 'Padia SA, Lewandowski RJ, … Brown DB, … Salem R', title: 'Radioembolization of Hepatic Malignancies: Background, Quality Improvement Guidelines, and Future Directions', journal: 'J Vasc Interv Radiol', year: 2017, volume_pages: '28(1):1-15' }),
    provenance: ['V', 'K', 'NF'], provenance_note: 'title and authors [V]; journal details [K]; content [NF]',
  },
  {
    id: 'GL-Y90-CONTRA', short_name: 'Y-90 radioembolisation contraindications', kind: 'standard', year: null,
    design: 'contraindication list (textbook-derived)', population: 'Y-90 candidates', comparison: null,
    key_numbers: [
      'Uncorrectable coagulopathy; severe contrast reaction; severe liver or renal dysfunction; uncorrectable lung or GI shunting; untreated high-risk varices [V2]',
      'Bilirubin > 2 mg/dL without a reversible cause; > 70% tumour replacement unless synthetic function is maintained [V2]',
      'Prior radiotherapy including a significant liver volume; systemic chemotherapy in the preceding 4 weeks not known to be safe concurrently; granulocytes < 1.5 × 10⁹/L [V2]',
    ],
    citation: cite({ url: 'https://www.seekhealthz.com/health/contraindications-of-90-y-radioembolization/', title: 'Contraindications of 90Y radioembolization (consistent with REBOC consensus, Kennedy A et al. Int J Radiat Oncol Biol Phys 2007;68:13-23 [K])' }),
    provenance: ['V2', 'K', 'NF'], provenance_note: 'secondary source [V2]; primary source not identified [NF]; REBOC citation [K]',
  },
  {
    id: 'GL-ENETS-2016', short_name: 'ENETS 2016 distant-metastases update', kind: 'guideline', year: 2016,
    design: 'consensus guideline', population: 'unresectable NET liver metastases', comparison: null,
    key_numbers: [
      'Locoregional therapies (TAE, TACE, SIRT, ablation) should be considered to control symptoms and growth [V]',
      '"SIRT is investigational" pending comparative trials vs TAE and long-term safety data [V]',
    ],
    citation: cite({ authors: 'Pavel M et al.', journal: 'Neuroendocrinology', year: 2016, volume_pages: '103:172-185', url: 'https://nice.org.uk/consultations/2132/2/existing-assessments-of-this-procedure' }),
    provenance: ['V', 'K'], provenance_note: 'content via NICE consultation page [V]; citation [K]',
  },
  {
    id: 'GL-ENETS-2022-CS', short_name: 'ENETS 2022 carcinoid syndrome consensus', kind: 'guideline', year: 2022,
    design: 'consensus guidance', population: 'carcinoid syndrome and carcinoid heart disease', comparison: null,
    key_numbers: [
      'Loco-regional therapy may be considered for predominant inoperable liver metastases needing symptom control; TAE, TACE or SIRT control carcinoid symptoms in up to 75% [V]',
      'Carcinoid syndrome with G1 intestinal NET: "bland hepatic embolisation is preferred"; TACE or SIRT "may be reserved for grade 2 intestinal or non-intestinal NET" [V]',
    ],
    citation: cite({ authors: 'Grozinsky-Glasberg S et al.', journal: 'J Neuroendocrinol', year: 2022, volume_pages: '34(7):e13146', url: 'https://nice.org.uk/consultations/2132/2/existing-assessments-of-this-procedure' }),
    provenance: ['V', 'K'], provenance_note: 'content via NICE consultation page [V]; citation [K]',
  },
  {
    id: 'GL-ESMO-GEPNEN-2020', short_name: 'ESMO GEP-NEN guideline 2020', kind: 'guideline', year: 2020,
    design: 'ESMO Clinical Practice Guideline', population: 'gastroenteropancreatic neuroendocrine neoplasms', comparison: null,
    key_numbers: ['Liver-directed therapy wording not retrieved [NF]'],
    citation: cite({ authors: 'Pavel M et al.', journal: 'Ann Oncol', year: 2020, volume_pages: '31(7):844-860' }),
    provenance: ['K', 'NF'], provenance_note: 'citation [K]; wording [NF]',
  },
  {
    id: 'GL-NET-LIVER-2015', short_name: 'NET-Liver-Metastases Consensus Conference 2015', kind: 'guideline', year: 2015,
    design: 'consensus on hepatic intra-arterial therapies (18 publications: 11 TAE/TACE, 7 RE)', population: 'NET liver metastases', comparison: null,
    key_numbers: [
      'Moderate-quality studies support TAE, TACE and RE; no modality superior for response or survival [V]',
      'RE may cause fewer side effects and need fewer treatments; RE "can be substituted for TAE or TACE" with liver-only or limited extrahepatic disease [V]',
    ],
    citation: cite({ journal: 'HPB', year: 2015, volume_pages: '17(1):29-37', doi: '10.1111/hpb.12326' }),
    provenance: ['V'], provenance_note: 'citation and content [V]',
  },
  {
    id: 'GL-NICE-IPG786', short_name: 'NICE IPG786: SIRT for NET liver metastases', kind: 'guideline', year: null,
    design: 'interventional procedure guidance', population: 'neuroendocrine tumours metastatic to the liver', comparison: null,
    key_numbers: [
      'SIRT controls growth and reduces symptoms; serious complications well recognised and infrequent; may be better tolerated than alternatives for some [V]',
      'MDT selection, specialist centres, registry entry [V]',
    ],
    citation: cite({ authors: 'National Institute for Health and Care Excellence', title: 'SIRT for neuroendocrine tumours metastatic to the liver (IPG786)', url: 'https://www.nice.org.uk/guidance/ipg786' }),
    provenance: ['V', 'K'], provenance_note: 'text [V]; year [K]',
  },
  {
    id: 'GL-EANM-2022', short_name: 'EANM procedure guideline for intra-arterial radioactive compounds', kind: 'guideline', year: 2022,
    design: 'procedure guideline (glass dosimetry table)', population: 'Y-90 radioembolisation', comparison: null,
    key_numbers: [
      'mCRC glass single-compartment perfused-volume dose: segmentectomy > 400 Gy; lobectomy 140–150 Gy; uni/bilobar 80–150 Gy; tumour ≥ 189 Gy; whole normal liver < 75 Gy [V]',
      'HCC: tumour ≥ 205 Gy (≥ 250–300 Gy); whole normal-liver dose < 50 Gy if bilirubin > 1.1 mg/dL, < 90 Gy if < 1.1 mg/dL (unilobar, no prior RE) [V]',
    ],
    citation: cite({ authors: 'Weber M et al.', journal: 'Eur J Nucl Med Mol Imaging', year: 2022, volume_pages: '49(5):1682-1699', doi: '10.1007/s00259-021-05600-z', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8940802/table/Tab2' }),
    provenance: ['V'], provenance_note: 'citation and Table 2 [V]',
  },
  {
    id: 'GL-LEVILLAIN-2021', short_name: 'International recommendations for personalised resin SIRT', kind: 'guideline', year: 2021,
    design: 'international recommendations (consensus)', population: 'resin Y-90 SIRT', comparison: null,
    key_numbers: [
      'Personalised dosimetry (partition model and/or voxel-based) recommended for activity prescription (R21–22, strong consensus) [V]',
      'Post-SIRT dosimetry recommended (R46) [V]',
    ],
    citation: cite({ authors: 'Levillain H et al.', journal: 'Eur J Nucl Med Mol Imaging', year: 2021, volume_pages: '48(5):1570-1584' }),
    provenance: ['V', 'K'], provenance_note: 'content via Sirtex page [V]; first author [K]',
  },
  {
    id: 'DEV-SIRSPHERES-IFU', short_name: 'SIR-Spheres (resin) instructions for use', kind: 'device', year: null,
    design: 'device instructions for use', population: 'resin Y-90 microspheres', comparison: null,
    key_numbers: [
      'US indication: unresectable colorectal liver metastases with adjuvant intrahepatic FUDR [V]',
      '"1 GBq (27 mCi) of yttrium-90/kg of tissue provides the equivalent of 50 Gy" [V]',
      'Lung-shunt activity reductions of 20% and 40% applied in practice (Grosser 2015: 283 patients, activity 1.01–2.71 GBq; 20% reduction in 12.4%, 40% in 3.5%) [V]',
      'BSA formula and LSF brackets (< 10 / 10–15 / 15–20 / > 20%) [V2]',
    ],
    citation: cite({ authors: 'Sirtex Medical', title: 'SIR-Spheres Y-90 resin microspheres: instructions for use' }),
    provenance: ['V', 'V2', 'NF'], provenance_note: 'IFU text itself not found [NF]; pieces verified [V]; formula and brackets [V2]',
  },
  {
    id: 'DEV-THERASPHERE-IFU', short_name: 'TheraSphere (glass) package insert', kind: 'device', year: null,
    design: 'device package insert (US, v12)', population: 'glass Y-90 microspheres', comparison: null,
    key_numbers: [
      'Humanitarian device for unresectable HCC (also with partial/branch PVT); dose vials 3, 5, 7, 10, 15, 20 GBq; spheres 20–30 µm [V]',
      'Y-90 half-life 64.1 h (2.67 d); mean β energy 0.9367 MeV [V]',
      'Dose D (Gy) = 50 × A (GBq) × (1 − F) / M (kg); lung dose ≤ 30 Gy per administration, ≤ 50 Gy cumulative [V2]',
    ],
    citation: cite({ authors: 'Boston Scientific (BTG)', title: 'TheraSphere Y-90 glass microspheres: package insert (US, v12)', url: 'https://ja.scribd.com/document/317860231/TS-PackageInsert-USA-v12' }),
    provenance: ['V', 'V2'], provenance_note: 'package insert facts [V]; dose formula and lung limits [V2]',
  },
  {
    id: 'DEV-AAPM-MPPG14A', short_name: 'AAPM MPPG 14.a: Y-90 microsphere radioembolization', kind: 'standard', year: 2024,
    design: 'medical physics practice guideline', population: 'Y-90 radioembolisation', comparison: null,
    key_numbers: ['Practice guideline for Y-90 microsphere dosimetry and safety (details not abstracted here) [V citation]'],
    citation: cite({ authors: 'Busse NC et al.', journal: 'J Appl Clin Med Phys', year: 2024, volume_pages: '25(2):e14157', pmid: '37820316', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10860558' }),
    provenance: ['V'], provenance_note: 'citation [V]',
  },
  // 1.9 Additional context record
  {
    id: 'EV-CTOO-2020-NET-LDT', short_name: 'Liver-directed therapy for NET metastases: opinion (2020)', kind: 'opinion', year: 2020,
    design: 'expert opinion statement', population: 'NET liver metastases', comparison: null,
    key_numbers: [
      'Bland, chemo- and radioembolisation similar in efficacy and radiologic response [V]',
      'Increased biliary toxicity with drug-eluting-bead chemoembolisation over conventional TACE; long-term hepatotoxicity risk with radioembolisation [V]',
      'Authors use bland embolisation first line, radioembolisation for high-grade tumours or after failure of other embolotherapy; "no one-size-fits-all" [V]',
    ],
    citation: cite({ title: 'Interventional Liver-Directed Therapy for Neuroendocrine Metastases: Current Status and Future Directions', journal: 'Curr Treat Options Oncol', year: 2020, url: 'https://link.springer.com/10.1007/s11864-020-00751-x' }),
    provenance: ['V', 'V2', 'NF'], provenance_note: 'opinion statement text [V]; authors [NF]; cited for DEB-TACE biliary toxicity [V2]',
  },
];

/** Catalogue 2026-12: the records of EVIDENCE.md 1.1–1.9, then those added in 1.10–1.13. */
const RECORDS: readonly EvidenceRecord[] = [...RECORDS_2026_11, ...RECORDS_2026_12];

export const CATALOGUE: ReadonlyMap<string, EvidenceRecord> = new Map(RECORDS.map((r) => [r.id, r]));
export const EVIDENCE_IDS: readonly string[] = RECORDS.map((r) => r.id);

export const listEvidence = (): readonly EvidenceRecord[] => RECORDS;
export const getEvidence = (id: string): EvidenceRecord | undefined => CATALOGUE.get(id);
export const hasEvidence = (id: string): boolean => CATALOGUE.has(id);

/** Case-insensitive search over id, name, citation and key numbers (for the evidence library view). */
export function searchEvidence(query: string): readonly EvidenceRecord[] {
  const q = query.trim().toLowerCase();
  if (q === '') return RECORDS;
  return RECORDS.filter((r) =>
    [r.id, r.short_name, r.design, r.population, r.citation.authors ?? '', r.citation.journal ?? '', r.citation.title ?? '', ...r.key_numbers]
      .some((s) => s.toLowerCase().includes(q)));
}

/** One-line citation: "Llovet JM et al. Lancet 2002;359(9319):1734-9. PMID 12049862." */
export function formatCitation(r: EvidenceRecord): string {
  const c = r.citation;
  const parts: string[] = [];
  const sentence = (x: string): string => (x.endsWith('.') ? x : `${x}.`);
  if (c.authors) parts.push(sentence(c.authors));
  if (c.title && !c.journal) parts.push(sentence(c.title));
  const src = [c.journal, c.year !== null ? String(c.year) : null].filter((s): s is string => s !== null).join(' ');
  if (src) parts.push(c.volume_pages ? `${src};${c.volume_pages}.` : `${src}.`);
  if (c.pmid) parts.push(`PMID ${c.pmid}.`);
  if (c.doi) parts.push(`doi ${c.doi}.`);
  if (parts.length === 0) parts.push(r.short_name);
  return parts.join(' ');
}
