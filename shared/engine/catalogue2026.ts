/**
 * Catalogue records added 2026-12 (EVIDENCE.md 1.10–1.13): curative-intent treatment, transplant criteria, named
 * HCC systemic therapy, colorectal resection/ablation/SBRT/HAI, and other primaries. Same format and tags as
 * catalogue.ts; where only a secondary summary could be read the tag is V2.
 */
import type { Citation, EvidenceRecord } from './catalogue';

const cite = (c: Partial<Citation>): Citation => ({
  authors: null, title: null, journal: null, year: null, volume_pages: null, pmid: null, doi: null, url: null, ...c,
});

export const RECORDS_2026_12: readonly EvidenceRecord[] = [
  // 1.10 HCC — staging, curative treatment and transplant criteria
  {
    id: 'GL-AASLD-HCC-2023', short_name: 'AASLD HCC practice guidance 2023', kind: 'guideline', year: 2023,
    design: 'practice guidance', population: 'hepatocellular carcinoma, all stages', comparison: null,
    key_numbers: [
      'Staging by BCLC 2022; every patient reviewed by a multidisciplinary board [V2]',
      'Resection for Child-Pugh A, a single tumour, no clinically significant portal hypertension and an adequate future liver remnant; minimally invasive surgery extends minor resection to mild portal hypertension [V2]',
      'Atezolizumab-bevacizumab and durvalumab-tremelimumab preferred first-line systemic therapy [V2]',
      'Expanded transplant criteria: UCSF 81 % and up-to-seven 71 % 5-year survival; every expanded criterion assumes no vascular invasion and no metastatic spread [V]',
    ],
    citation: cite({ authors: 'Singal AG, Llovet JM, Yarchoan M, Mehta N, Heimbach JK, Dawson LA, et al.', title: 'AASLD Practice Guidance on prevention, diagnosis, and treatment of hepatocellular carcinoma', journal: 'Hepatology', year: 2023, volume_pages: '78(6):1922-1965', doi: '10.1097/HEP.0000000000000466', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10663390' }),
    provenance: ['V', 'V2', 'NF'], provenance_note: 'citation and Table 3 [V]; recommendations from a guideline digest [V2]; evidence levels of single statements [NF]',
  },
  {
    id: 'GL-ASCO-HCC-2024', short_name: 'ASCO guideline: systemic therapy for advanced HCC (2024)', kind: 'guideline', year: 2024,
    design: 'guideline on a systematic review of RCTs to October 2023 (10 new RCTs)', population: 'advanced hepatocellular carcinoma', comparison: null,
    key_numbers: [
      'First line with Child-Pugh A and ECOG 0–1: atezolizumab + bevacizumab or durvalumab + tremelimumab; where contraindicated, sorafenib, lenvatinib or durvalumab [V]',
      'After atezo + bev: a TKI, ramucirumab (AFP ≥ 400 ng/mL), durva + treme or nivolumab + ipilimumab; after durva + treme: a TKI [V]',
      'After sorafenib or lenvatinib: cabozantinib, regorafenib (if sorafenib was tolerated), ramucirumab (AFP ≥ 400 ng/mL), nivo + ipi or durvalumab [V]',
      'Screen for and manage oesophageal varices before atezo + bev; weigh bevacizumab bleeding/thrombosis risk and immune-related risk in autoimmune disease [V2]',
    ],
    citation: cite({ authors: 'Gordan JD, Kennedy EB, Abou-Alfa GK, et al.', title: 'Systemic therapy for advanced hepatocellular carcinoma: ASCO guideline update', journal: 'J Clin Oncol', year: 2024, doi: '10.1200/JCO.23.02745', url: 'https://ace.asco.org/guidelines/149889' }),
    provenance: ['V', 'V2'], provenance_note: 'recommendations [V]; qualifying statements [V2]',
  },
  {
    id: 'EV-SURF-2022', short_name: 'SURF-RCT: surgery vs radiofrequency ablation (2022)', kind: 'rct', year: 2022,
    design: 'RCT, 49 Japanese centres', population: 'HCC ≤ 3 cm and ≤ 3 nodules, Child-Pugh score ≤ 7; 301 eligible, 90 % solitary, median 1.8 cm',
    comparison: 'hepatic resection (n = 150) vs radiofrequency ablation (n = 151)',
    key_numbers: [
      'Median RFS 3.5 years (2.6–5.1) vs 3.0 years (2.4–5.6), HR 0.92 (0.67–1.25), P = .58 [V]',
      'Procedure 274 vs 40 min; hospital stay 17 vs 10 days (both P < .01) [V]',
      'Final OS: 5-year OS 74.6 % vs 70.4 % (HR 0.96, adjusted P = .84); 5-year RFS 42.9 % vs 42.7 % [V2]',
    ],
    citation: cite({ authors: 'Takayama T, Hasegawa K, Izumi N, Kudo M, Shimada M, Yamanaka N, et al.', title: 'Surgery versus radiofrequency ablation for small hepatocellular carcinoma: a randomized controlled trial (SURF trial)', journal: 'Liver Cancer', year: 2022, volume_pages: '11(3):209-218', pmid: '35949295', doi: '10.1159/000521665', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9218617' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'RFS and citation [V]; final OS from a summary [V2]; journal of the final OS report [K]',
  },
  {
    id: 'EV-MILAN-1996', short_name: 'Milan criteria (1996)', kind: 'cohort', year: 1996,
    design: 'prospective cohort [K]', population: '48 patients transplanted for HCC in cirrhosis [K]', comparison: null,
    key_numbers: [
      'Criteria: one tumour ≤ 5 cm, or 2–3 tumours each ≤ 3 cm; no macrovascular invasion, no extrahepatic spread [V2]',
      '4-year survival 85 % within the criteria [V2]',
      'Overall 4-year survival 75 %, recurrence-free survival 83 % [K]',
    ],
    citation: cite({ authors: 'Mazzaferro V, Regalia E, Doci R, et al.', title: 'Liver transplantation for the treatment of small hepatocellular carcinomas in patients with cirrhosis', journal: 'N Engl J Med', year: 1996, volume_pages: '334:693-699' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'citation from a reference list [V]; criteria and survival from review tables [V2]; cohort details [K]',
  },
  {
    id: 'EV-UCSF-2001', short_name: 'UCSF criteria (2001)', kind: 'cohort', year: 2001,
    design: 'transplant cohort [K]', population: 'patients transplanted for HCC', comparison: null,
    key_numbers: [
      'Criteria: one tumour ≤ 6.5 cm, or ≤ 3 nodules with the largest ≤ 4.5 cm and a total diameter ≤ 8 cm; no gross vascular invasion [V2]',
      '5-year survival 81 % (quoted in AASLD 2023 Table 3) [V2]',
    ],
    citation: cite({ authors: 'Yao FY, Ferrell L, Bass NM, et al.', title: 'Liver transplantation for hepatocellular carcinoma: expansion of the tumor size limits does not adversely impact survival', journal: 'Hepatology', year: 2001, volume_pages: '33(6):1394-1403' }),
    provenance: ['V2', 'K'], provenance_note: 'criteria and survival from review and guidance tables [V2]; citation [K]',
  },
  {
    id: 'EV-UPTO7-2009', short_name: 'Up-to-seven ("Metroticket", 2009)', kind: 'cohort', year: 2009,
    design: 'retrospective multicentre series', population: 'patients transplanted for HCC beyond Milan', comparison: null,
    key_numbers: [
      'Criterion: number of tumours + diameter of the largest (cm) ≤ 7, no vascular invasion [V2]',
      'Beyond Milan but within up-to-seven and without microvascular invasion: 5-year OS 71.2 % [V2]',
      'Microvascular invasion is a pathological finding: the pre-operative calculator ignores it [K: product choice]',
    ],
    citation: cite({ authors: 'Mazzaferro V, Llovet JM, Miceli R, et al.', title: 'Predicting survival after liver transplantation in patients with hepatocellular carcinoma beyond the Milan criteria: a retrospective, exploratory analysis', journal: 'Lancet Oncol', year: 2009, volume_pages: '10(1):35-43' }),
    provenance: ['V2', 'K'], provenance_note: 'criterion and survival from review tables [V2]; citation [K]',
  },
  {
    id: 'EV-LEGACY-2021', short_name: 'LEGACY: glass Y-90 for solitary HCC ≤ 8 cm (2021)', kind: 'cohort', year: 2021,
    design: 'single-arm multicentre retrospective study, 3 US sites, 2014–2017', population: '162 patients with solitary unresectable HCC ≤ 8 cm, Child-Pugh A, ECOG 0–1; median 2.7 cm',
    comparison: 'glass-microsphere radioembolisation with ablative-intent segmental dosimetry',
    key_numbers: [
      'Best ORR (localised mRECIST, blinded central review) 88.3 % (82.4–92.4); duration of response ≥ 6 months in 62.2 % [V]',
      '3-year OS 86.6 % overall, 92.8 % in those later resected or transplanted [V]',
      'Neoadjuvant to transplantation in 21.0 % and to resection in 6.8 % [V]',
    ],
    citation: cite({ authors: 'Salem R, Johnson GE, Kim E, Riaz A, Bishay V, Boucher E, Fowers K, Lewandowski R, Padia SA', title: 'Yttrium-90 radioembolization for the treatment of solitary, unresectable HCC: the LEGACY study', journal: 'Hepatology', year: 2021, volume_pages: '74(5):2342-2352', doi: '10.1002/hep.31819' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'results, authors, DOI [V]; median DoR [V2]; pages [K]',
  },
  {
    id: 'EV-RTOG1112-2025', short_name: 'NRG/RTOG 1112: SBRT + sorafenib vs sorafenib (2024/25)', kind: 'rct', year: 2025,
    design: 'phase 3 RCT, accrual stopped early when the systemic standard changed', population: '177 eligible of 193 randomised; HCC unsuitable for or refractory to local-regional therapy; macrovascular invasion 74 %',
    comparison: 'SBRT 27.5–50 Gy in 5 fractions then sorafenib (n = 85) vs sorafenib (n = 92)',
    key_numbers: [
      'Median OS 15.8 (90 % CI 11.4–19.2) vs 12.3 (10.6–14.3) months, HR 0.77 [V/V2]',
      'PFS and time to progression improved; PFS 9.2 vs 5.5 months (HR 0.55) [V2/K]',
      'No concerning increase in adverse events; control arm sorafenib, not today\'s first-line standard [V2]',
    ],
    citation: cite({ authors: 'Dawson LA, Winter KA, Knox JJ, Zhu AX, Krishnan S, Guha C, et al.', title: 'Stereotactic body radiotherapy vs sorafenib alone in hepatocellular carcinoma: the NRG Oncology/RTOG 1112 phase 3 randomized clinical trial', journal: 'JAMA Oncol', year: 2025, doi: '10.1001/jamaoncol.2024.5403' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'sorafenib-arm OS and citation [V]; SBRT-arm OS and HR [V2]; PFS HR and adjusted OS [K]; volume/pages [K]',
  },
  {
    id: 'EV-ICI-LT-2023', short_name: 'Checkpoint inhibitors around liver transplantation (review, 2023)', kind: 'review', year: 2023,
    design: 'narrative review of case reports and series', population: 'HCC patients before or after liver transplantation', comparison: 'ICI vs none',
    key_numbers: [
      'Acute graft rejection has followed ICI therapy in reported cases [V]',
      'About three months between the last ICI dose and transplantation; avoid ICIs after transplantation where an alternative exists, above all early [V]',
      'Transplant recipients were excluded from IMbrave150 and HIMALAYA [K]',
    ],
    citation: cite({ authors: 'Wassmer C-H, El Hajji S, Papazarkadas X, Compagnon P, Tabrizian P, Lacotte S, Toso C', title: 'Immunotherapy and liver transplantation: a narrative review of basic and clinical data', journal: 'Cancers', year: 2023, volume_pages: '15(18):4574', doi: '10.3390/cancers15184574' }),
    provenance: ['V', 'K'], provenance_note: 'review content and citation [V]; trial exclusions [K]',
  },
  // 1.11 HCC — systemic therapy
  {
    id: 'EV-IMBRAVE150-2020', short_name: 'IMbrave150: atezolizumab + bevacizumab vs sorafenib (2020)', kind: 'rct', year: 2020,
    design: 'open-label phase 3 RCT, 2:1', population: '501 patients with unresectable HCC, no previous systemic therapy, Child-Pugh A, ECOG 0–1',
    comparison: 'atezolizumab 1200 mg + bevacizumab 15 mg/kg every 3 weeks (n = 336) vs sorafenib 400 mg twice daily (n = 165)',
    key_numbers: [
      'OS HR 0.58 (0.42–0.79), P < .001; 12-month OS 67.2 % vs 54.6 % [V2]',
      'Median PFS 6.8 vs 4.3 months, HR 0.59 (0.47–0.76); ORR 27.3 % vs 11.9 % [V2]',
      'Updated analysis: median OS 19.2 vs 13.4 months, HR 0.66 (0.52–0.85) [V2]',
      'Excluded untreated or incompletely treated high-risk varices (endoscopy within 6 months), autoimmune disease, previous transplantation [K]',
    ],
    citation: cite({ authors: 'Finn RS, Qin S, Ikeda M, Galle PR, Ducreux M, Kim T-Y, Kudo M, et al.', title: 'Atezolizumab plus bevacizumab in unresectable hepatocellular carcinoma', journal: 'N Engl J Med', year: 2020, volume_pages: '382(20):1894-1905' }),
    provenance: ['V2', 'K'], provenance_note: 'results from summaries and a systematic review [V2]; grade 3–4 AE rates and eligibility [K]; volume/pages [K]',
  },
  {
    id: 'EV-HIMALAYA-2022', short_name: 'HIMALAYA: STRIDE (durvalumab + tremelimumab) vs sorafenib (2022)', kind: 'rct', year: 2022,
    design: 'open-label phase 3 RCT', population: '1,171 patients with unresectable HCC and no previous systemic therapy',
    comparison: 'tremelimumab 300 mg once + durvalumab 1500 mg every 4 weeks (n = 393) vs durvalumab (n = 389) vs sorafenib (n = 389)',
    key_numbers: [
      'Median OS 16.4 vs 13.8 months, HR 0.78 (96.02 % CI 0.65–0.92), P = .0035 [V2]',
      'Durvalumab alone non-inferior, HR 0.86; median PFS 3.8 vs 4.1 months; ORR 20.1 % vs 5.1 % [V2]',
      '4-year update OS HR 0.78 (0.67–0.92); 5-year update 60-month OS 19.6 % vs 9.4 % [V]',
      'Main portal-vein tumour thrombosis (Vp4) excluded [V2]',
    ],
    citation: cite({ authors: 'Abou-Alfa GK, Lau G, Kudo M, et al.', title: 'Tremelimumab plus durvalumab in unresectable hepatocellular carcinoma', journal: 'NEJM Evid', year: 2022, volume_pages: '1(8):EVIDoa2100070' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'long-term updates [V]; primary results from reviews [V2]; citation [K]',
  },
  {
    id: 'EV-REFLECT-2018', short_name: 'REFLECT: lenvatinib vs sorafenib (2018)', kind: 'rct', year: 2018,
    design: 'open-label phase 3 non-inferiority RCT', population: '954 patients with unresectable HCC, BCLC B or C, Child-Pugh A, ECOG ≤ 1, no previous systemic therapy',
    comparison: 'lenvatinib 12 mg (≥ 60 kg) or 8 mg daily vs sorafenib 400 mg twice daily',
    key_numbers: [
      'Median OS 13.6 vs 12.3 months, HR 0.92 (0.79–1.06): non-inferiority met [V2]',
      'PFS 7.4 vs 3.7 months; ORR 24 % vs 9 % [V2]',
      'Post-hoc covariate-adjusted OS HR 0.814 (0.699–0.948) [V]',
    ],
    citation: cite({ authors: 'Kudo M, Finn RS, Qin S, et al.', title: 'Lenvatinib versus sorafenib in first-line treatment of patients with unresectable hepatocellular carcinoma: a randomised phase 3 non-inferiority trial', journal: 'Lancet', year: 2018, volume_pages: '391(10126):1163-1173' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'adjusted analysis [V]; primary results [V2]; exclusions and citation [K]',
  },
  {
    id: 'EV-SHARP-2008', short_name: 'SHARP: sorafenib vs placebo (2008)', kind: 'rct', year: 2008,
    design: 'double-blind placebo-controlled phase 3 RCT', population: '602 patients with advanced HCC, Child-Pugh A, no previous systemic therapy',
    comparison: 'sorafenib 400 mg twice daily vs placebo',
    key_numbers: [
      'Median OS 10.7 vs 7.9 months, HR 0.69 (0.55–0.87), p < .001 [V2]',
      'Time to radiological progression 5.5 vs 2.8 months; no difference in time to symptomatic progression [V2]',
    ],
    citation: cite({ authors: 'Llovet JM et al.', title: 'Sorafenib in advanced hepatocellular carcinoma', journal: 'N Engl J Med', year: 2008, volume_pages: '359(4):378-390', pmid: '18650514', doi: '10.1056/NEJMoa0708857' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'citation [V]; results from a review [V2]; co-authors [K]',
  },
  {
    id: 'EV-RESORCE-2017', short_name: 'RESORCE: regorafenib after sorafenib (2017)', kind: 'rct', year: 2017,
    design: 'double-blind placebo-controlled phase 3 RCT, 2:1, 152 sites', population: '573 patients with HCC who progressed on and tolerated sorafenib, Child-Pugh A',
    comparison: 'regorafenib 160 mg days 1–21 of 28 (n = 379) vs placebo (n = 194)',
    key_numbers: [
      'OS HR 0.63 (0.50–0.79), one-sided p < .0001; median OS 10.6 vs 7.8 months [V]',
      'PFS 3.1 vs 1.5 months; disease control 65.2 % vs 36.1 % [V2]',
    ],
    citation: cite({ authors: 'Bruix J, Qin S, Merle P, Granito A, Huang Y-H, Bodoky G, et al.', title: 'Regorafenib for patients with hepatocellular carcinoma who progressed on sorafenib treatment (RESORCE)', journal: 'Lancet', year: 2017, volume_pages: '389(10064):56-66', doi: '10.1016/S0140-6736(16)32453-9' }),
    provenance: ['V', 'V2'], provenance_note: 'OS and citation [V]; PFS and disease control [V2]',
  },
  {
    id: 'EV-CELESTIAL-2018', short_name: 'CELESTIAL: cabozantinib after sorafenib (2018)', kind: 'rct', year: 2018,
    design: 'double-blind placebo-controlled phase 3 RCT, 2:1', population: 'advanced HCC, Child-Pugh A, ECOG 0–1, previous sorafenib, up to 2 previous regimens',
    comparison: 'cabozantinib 60 mg daily vs placebo',
    key_numbers: [
      'Median OS 10.2 vs 8.0 months, HR 0.76 (0.63–0.92), P = .005 [V2]',
      'Median PFS 5.2 vs 1.9 months, HR 0.44; grade 3–4 adverse events 68 % vs 36 % [V2]',
      'Sorafenib-only second-line subgroup: OS 11.3 vs 7.2 months, HR 0.70 [V]',
    ],
    citation: cite({ authors: 'Abou-Alfa GK, Meyer T, Cheng A-L, et al.', title: 'Cabozantinib in patients with advanced and progressing hepatocellular carcinoma', journal: 'N Engl J Med', year: 2018, volume_pages: '379(1):54-63', pmid: '29972759', doi: '10.1056/NEJMoa1717002' }),
    provenance: ['V', 'V2'], provenance_note: 'citation and subgroup [V]; main results from a page reproducing the abstract [V2]',
  },
  {
    id: 'EV-REACH2-2019', short_name: 'REACH-2: ramucirumab for AFP ≥ 400 ng/mL (2019)', kind: 'rct', year: 2019,
    design: 'double-blind placebo-controlled phase 3 RCT, 2:1, 92 centres', population: 'advanced HCC, BCLC B or C, Child-Pugh A, ECOG 0–1, AFP ≥ 400 ng/mL, previous sorafenib',
    comparison: 'ramucirumab 8 mg/kg every 2 weeks vs placebo',
    key_numbers: [
      'Median OS 8.5 vs 7.3 months, HR 0.71 (0.53–0.95), P = .020 [V2]',
      'The earlier REACH trial (all AFP levels) missed its OS endpoint, HR 0.87 [V2]',
    ],
    citation: cite({ authors: 'Zhu AX, Kang Y-K, Yen C-J, Finn RS, Galle PR, Llovet JM, et al.', title: 'Ramucirumab after sorafenib in patients with advanced hepatocellular carcinoma and increased α-fetoprotein concentrations (REACH-2)', journal: 'Lancet Oncol', year: 2019, volume_pages: '20(2):282-296' }),
    provenance: ['V', 'V2'], provenance_note: 'population and journal [V]; results from the manufacturer page [V2]; authors [V2]',
  },
  {
    id: 'EV-EMERALD1-2025', short_name: 'EMERALD-1: TACE + durvalumab ± bevacizumab (2025)', kind: 'rct', year: 2025,
    design: 'double-blind placebo-controlled phase 3 RCT, 1:1:1, 157 sites', population: '616 patients with unresectable HCC amenable to embolisation, ECOG 0–1, Child-Pugh A–B7, no extrahepatic disease',
    comparison: 'TACE + durvalumab then durvalumab + bevacizumab vs TACE + durvalumab vs TACE + placebo',
    key_numbers: [
      'Median PFS 15.0 vs 8.2 months, HR 0.77 (0.61–0.98), P = .032 [V2]',
      'Durvalumab without bevacizumab: PFS 10.0 months, HR 0.94 (not significant) [V2]',
      'Grade 3–4 adverse events 45 % vs 28 % vs 23 %; OS immature [V2/K]',
    ],
    citation: cite({ authors: 'Sangro B, Kudo M, Erinjeri JP, et al.', title: 'Durvalumab with or without bevacizumab with transarterial chemoembolisation in hepatocellular carcinoma (EMERALD-1)', journal: 'Lancet', year: 2025, volume_pages: '405(10474):216-232', doi: '10.1016/S0140-6736(24)02551-0' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'citation and design [V]; results from a news summary [V2]; OS status [K]',
  },
  {
    id: 'EV-LEAP012-2025', short_name: 'LEAP-012: TACE + lenvatinib + pembrolizumab (2025)', kind: 'rct', year: 2025,
    design: 'double-blind phase 3 RCT, 137 sites in 33 countries', population: '480 patients with unresectable non-metastatic HCC amenable to TACE, Child-Pugh A, ECOG 0–1, no portal-vein invasion',
    comparison: 'TACE + lenvatinib + pembrolizumab vs TACE + dual placebo',
    key_numbers: [
      'Median PFS 14.6 vs 10.0 months, HR 0.66 (0.51–0.84) [V2]',
      'OS immature, HR 0.80 (0.57–1.11), P = .087; 24-month OS 75 % vs 69 % [V2]',
      'Grade ≥ 3 treatment-related adverse events 71 % vs 32 % [V2]',
    ],
    citation: cite({ authors: 'Kudo M, Ren Z, Guo Y, et al.', title: 'Transarterial chemoembolisation combined with lenvatinib plus pembrolizumab versus dual placebo for unresectable, non-metastatic hepatocellular carcinoma (LEAP-012)', journal: 'Lancet', year: 2025, volume_pages: '405(10474):203-215' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'journal and population [V]; results [V2]; authors [K]',
  },
  // 1.12 Colorectal liver metastases — resection, ablation, SBRT, HAI
  {
    id: 'EV-FONG-1999', short_name: 'Fong clinical risk score (1999)', kind: 'cohort', year: 1999,
    design: 'retrospective single-centre series (MSKCC), 1985–1998', population: '1,001 consecutive liver resections for colorectal metastases', comparison: null,
    key_numbers: [
      'Operative mortality 2.8 %; 5-year survival 37 %, 10-year 22 % [V]',
      'Score (one point each): node-positive primary, disease-free interval < 12 months, > 1 tumour, largest > 5 cm, CEA > 200 ng/mL; no patient with score 5 was a long-term survivor [V]',
      '5-year survival by score 0/1/2/3/4/5 ≈ 60/44/40/20/25/14 % [K]',
    ],
    citation: cite({ authors: 'Fong Y, Fortner J, Sun RL, Brennan MF, Blumgart LH', title: 'Clinical score for predicting recurrence after hepatic resection for metastatic colorectal cancer', journal: 'Ann Surg', year: 1999, volume_pages: '230(3):309-318', pmid: '10493478', doi: '10.1097/00000658-199909000-00004' }),
    provenance: ['V', 'K'], provenance_note: 'criteria, survival and citation [V]; survival by score and co-authors [K]',
  },
  {
    id: 'EV-EPOC-2008', short_name: 'EORTC 40983 EPOC: perioperative FOLFOX4 (2008; 2013)', kind: 'rct', year: 2008,
    design: 'open-label RCT, 78 hospitals', population: '364 patients with up to four resectable colorectal liver metastases',
    comparison: 'six cycles of FOLFOX4 before and six after surgery vs surgery alone',
    key_numbers: [
      '3-year PFS 28.1 % → 35.4 %, HR 0.79 (0.62–1.02), p = .058 in all randomised patients [V]',
      'Resected patients: 33.2 % → 42.4 %, HR 0.73, p = .025 [K]',
      'Long-term (8.5 years): no OS difference, HR 0.88 (0.68–1.14), p = .34 [V]',
    ],
    citation: cite({ authors: 'Nordlinger B, Sorbye H, Glimelius B, Poston GJ, Schlag PM, Rougier P, et al.', title: 'Perioperative chemotherapy with FOLFOX4 and surgery versus surgery alone for resectable liver metastases from colorectal cancer (EORTC 40983)', journal: 'Lancet', year: 2008, volume_pages: '371(9617):1007-1016', doi: '10.1016/S0140-6736(08)60455-9' }),
    provenance: ['V', 'K'], provenance_note: 'PFS, long-term OS HR and citations [V]; resected-patient PFS and complications [K]',
  },
  {
    id: 'EV-CLOCC-2017', short_name: 'EORTC 40004 CLOCC: ablation + systemic therapy (2017)', kind: 'rct', year: 2017,
    design: 'randomised phase 2 trial', population: '119 patients with unresectable colorectal liver metastases (< 10 lesions, no extrahepatic disease [K])',
    comparison: 'systemic therapy + radiofrequency ablation (± resection) vs systemic therapy alone',
    key_numbers: [
      'After a median 9.7 years: OS HR 0.58 (0.38–0.88), P = .01 in favour of ablation [V2]',
      '8-year OS 35.9 % vs 8.9 %; median OS 45.6 vs 40.5 months [K]',
    ],
    citation: cite({ authors: 'Ruers T, Van Coevorden F, Punt CJA, et al.', title: 'Local treatment of unresectable colorectal liver metastases: results of a randomized phase II trial', journal: 'J Natl Cancer Inst', year: 2017, volume_pages: '109(9):djx015', doi: '10.1093/jnci/djx015' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'DOI and authors [V]; OS HR [V2]; 8-year figures and issue [K]',
  },
  {
    id: 'EV-COLLISION-2025', short_name: 'COLLISION: thermal ablation vs resection (2025)', kind: 'rct', year: 2025,
    design: 'international phase 3 non-inferiority RCT, stopped early under predefined rules', population: '300 randomised with resectable colorectal liver metastases, ≤ 10 lesions each ≤ 3 cm, no extrahepatic disease, ECOG 0–2',
    comparison: 'thermal ablation (percutaneous or open) vs surgical resection',
    key_numbers: [
      'OS HR 1.05 (ASCO 2024: 1.042, 95 % CI 0.689–1.576, P = .846); non-inferiority > 90 % conditional probability [V2]',
      'Local control HR 0.13 in favour of ablation; serious adverse events 7 % vs 20 %; three treatment-related deaths, all after resection [V2]',
    ],
    citation: cite({ authors: 'van der Lei S, Puijk RS, Dijkstra M, Schulz HH, Vos DJW, De Vries JJJ, et al.', title: 'Thermal ablation versus surgical resection of small-size colorectal liver metastases (COLLISION)', journal: 'Lancet Oncol', year: 2025, volume_pages: '26(2):187-199', doi: '10.1016/S1470-2045(24)00660-0' }),
    provenance: ['V', 'V2'], provenance_note: 'citation [V]; results from summaries [V2]',
  },
  {
    id: 'GL-COLLISION-CRITERIA-2020', short_name: 'Resectability and ablatability criteria (COLLISION consensus, 2020)', kind: 'guideline', year: 2020,
    design: 'multidisciplinary consensus document', population: 'liver-only colorectal metastases', comparison: null,
    key_numbers: [
      'Criteria for resectability and ablatability agreed by the COLLISION trial group [V citation; criteria text NF]',
      'The engine does not judge resectability: the board enters resectable, ablatable and potentially resectable [K: product choice]',
    ],
    citation: cite({ authors: 'Nieuwenhuizen S, Puijk RS, van den Bemd B, et al.', title: 'Resectability and ablatability criteria for the treatment of liver only colorectal metastases: multidisciplinary consensus document from the COLLISION trial group', journal: 'Cancers', year: 2020, volume_pages: '12(7):1779' }),
    provenance: ['V', 'NF'], provenance_note: 'citation [V]; criteria text [NF]',
  },
  {
    id: 'EV-SBRT-LIVERMETS-2018', short_name: 'SBRT for unresectable liver metastases: phase 2, 5-year results (2018)', kind: 'cohort', year: 2018,
    design: 'prospective phase 2', population: '61 patients, 76 lesions (colorectal, breast, gynaecological and others)', comparison: '75 Gy in 3 fractions',
    key_numbers: [
      'Local control 94 % / 78 % / 78 % at 1 / 3 / 5 years [V]',
      'Median OS 27.6 months; OS 85 % / 31 % / 18 % at 1 / 3 / 5 years; no radiation-induced liver disease [V]',
    ],
    citation: cite({ authors: 'Scorsetti M, Comito T, Clerici E, et al.', title: 'Phase II trial on SBRT for unresectable liver metastases: long-term outcome and prognostic factors of survival after 5 years of follow-up', journal: 'Radiat Oncol', year: 2018, volume_pages: '13:234' }),
    provenance: ['V', 'K'], provenance_note: 'results, title, authors, journal [V]; article number [K]',
  },
  {
    id: 'EV-HAI-2017', short_name: 'Perioperative hepatic arterial infusion pump (MSKCC, 2017)', kind: 'cohort', year: 2017,
    design: 'single-centre retrospective propensity-score analysis, 1992–2012', population: '2,368 patients after complete resection of colorectal liver metastases',
    comparison: 'HAI floxuridine + systemic chemotherapy (n = 785) vs systemic only',
    key_numbers: [
      'Median OS 67 vs 44 months; 10-year OS 38.0 % vs 23.8 %; propensity-adjusted HR 0.67 (0.59–0.76) [V]',
      'Largest difference with node-negative primary and clinical risk score 0–2 [V]',
      'Randomised OS evidence in the modern era lacking; expert-centre technique [K]',
    ],
    citation: cite({ authors: 'Groot Koerkamp B, Sadot E, Kemeny NE, et al.', title: 'Perioperative hepatic arterial infusion pump chemotherapy is associated with longer survival after resection of colorectal liver metastases: a propensity score analysis', journal: 'J Clin Oncol', year: 2017, volume_pages: '35(17):1938-1944', doi: '10.1200/JCO.2016.71.8346' }),
    provenance: ['V', 'K'], provenance_note: 'results and citation [V]; context [K]',
  },
  {
    id: 'EV-CONVERSION-CRC', short_name: 'Conversion therapy for initially unresectable colorectal liver metastases', kind: 'cohort', year: null,
    design: 'cohort and phase 2 evidence', population: 'initially unresectable liver-limited colorectal metastases', comparison: 'induction chemotherapy (doublet/triplet ± biologic) with restaging for resection',
    key_numbers: [
      '10–30 % become resectable with induction chemotherapy [K; V2 review 2022]',
      'Long-term survival after conversion approaches that after primary resection (Adam 2004; CELIM 2010) [K]',
      'Restage about every 2 months; resect early once resectable [K]',
    ],
    citation: cite({ title: 'Conversion chemotherapy for colorectal liver metastases (review)', journal: 'Curr Oncol Rep', year: 2022, doi: '10.1007/s11912-022-01248-6' }),
    provenance: ['V2', 'K'], provenance_note: 'downstaging rate from a 2022 review [V2]; everything else from knowledge [K]',
  },
  {
    id: 'EV-FLR-PVE-2016', short_name: 'Future liver remnant and portal vein embolisation (review, 2016)', kind: 'review', year: 2016,
    design: 'review', population: 'candidates for major hepatectomy', comparison: null,
    key_numbers: [
      'Portal vein embolisation induces hypertrophy of the future liver remnant and extends candidacy for major hepatectomy [V]',
      'Thresholds used by the engine: FLR ≥ 20 % in a normal liver, ≥ 30 % after extensive chemotherapy, ≥ 40 % in cirrhosis [K]',
    ],
    citation: cite({ authors: 'Li D, Madoff DC', title: 'Portal vein embolization for induction of selective hepatic hypertrophy prior to major hepatectomy: rationale, techniques, outcomes and future directions', journal: 'Cancer Biol Med', year: 2016, volume_pages: '13(4):426-442', doi: '10.20892/j.issn.2095-3941.2016.0083', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5250600' }),
    provenance: ['V', 'K'], provenance_note: 'review content and citation [V]; threshold values widely quoted [K]',
  },
  // 1.13 Other primaries
  {
    id: 'EV-NET-LT-2022', short_name: 'NET liver metastases: transplantation vs resection (2022)', kind: 'cohort', year: 2022,
    design: 'single-centre cohort, 1984–2019', population: 'NET liver metastases within the Milan-NET criteria', comparison: 'transplantation (n = 48) vs resection (n = 56)',
    key_numbers: [
      '10-year OS 93 % vs 75 % (p = .007); 10-year DFS 52 % vs 18 % [V]',
      'Selected transplanted series report 69–97.2 % 5-year OS [V]',
      'Milan-NET: low grade, portal-drained primary removed, ≤ 50 % liver involvement, stable ≥ 6 months, age ≤ 60 [K]',
    ],
    citation: cite({ authors: 'Maspero M et al.', journal: 'Am J Transplant', year: 2022, volume_pages: '22(11):2598-2607', url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9805141' }),
    provenance: ['V', 'K'], provenance_note: 'results and citation [V]; Milan-NET criteria [K]',
  },
  {
    id: 'EV-NET-DEBULK', short_name: 'NET liver debulking (≥ 70 % threshold)', kind: 'cohort', year: 2016,
    design: 'surgical series [K]', population: 'selected G1–G2 NET liver metastases', comparison: 'cytoreduction to ≥ 70 % vs the historical 90 %',
    key_numbers: [
      'Cytoreduction to a ≥ 70 % threshold gives similar survival and symptom control in selected G1–G2 NET [K]',
      'Resection with curative intent is the first option for resectable liver-only well-differentiated NET [K]',
    ],
    citation: cite({ authors: 'Maxwell JE et al.', journal: 'Surgery', year: 2016, volume_pages: '159(1):320-335' }),
    provenance: ['K'], provenance_note: 'not verified here [K]',
  },
  {
    id: 'EV-TEBENTAFUSP-2021', short_name: 'IMCgp100-202: tebentafusp in uveal melanoma (2021)', kind: 'rct', year: 2021,
    design: 'open-label phase 3 RCT', population: '378 untreated HLA-A*02:01-positive patients with metastatic uveal melanoma',
    comparison: 'tebentafusp (n = 252) vs investigator\'s choice (pembrolizumab, ipilimumab or dacarbazine; n = 126)',
    key_numbers: [
      '1-year OS 73 % vs 59 %, HR 0.51 (0.37–0.71), P < .001 [V]',
      '6-month PFS 31 % vs 19 %, HR 0.73; rash 83 %, pyrexia 76 %, pruritus 69 % [V]',
      'Median OS 21.7 vs 16.0 months [V2]',
    ],
    citation: cite({ authors: 'Nathan P, Hassel JC, Rutkowski P, et al.', title: 'Overall survival benefit with tebentafusp in metastatic uveal melanoma', journal: 'N Engl J Med', year: 2021, volume_pages: '385(13):1196-1206', doi: '10.1056/NEJMoa2103485' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'results, DOI, authors [V]; median OS [V2]; volume/pages [K]',
  },
  {
    id: 'EV-FOCUS-PHP-2025', short_name: 'FOCUS: percutaneous hepatic perfusion with melphalan (2025)', kind: 'cohort', year: 2025,
    design: 'single-arm analysis after abandoned randomisation (comparisons exploratory)', population: 'unresectable uveal-melanoma liver metastases; > 50 % liver involvement excluded',
    comparison: 'melphalan/HDS vs best alternative care (exploratory)',
    key_numbers: [
      'Treated population (n = 91): ORR 35.2 % vs 12.5 %; median OS 20.5 vs 14.1 months [V/V2]',
      '> 50 % liver involvement and significant extrahepatic disease excluded [V2]',
    ],
    citation: cite({ authors: 'Zager JS et al.', journal: 'Ann Surg Oncol', year: 2025, volume_pages: '32(7):4976-4988', doi: '10.1245/s10434-025-17231-x' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'abstract and citation [V]; exclusions [V2]; primary 2024 report [K]',
  },
  {
    id: 'EV-SCANDIUM-2025', short_name: 'SCANDIUM: isolated hepatic perfusion (2025)', kind: 'rct', year: 2025,
    design: 'phase 3 RCT', population: '87 patients with isolated uveal-melanoma liver metastases', comparison: 'one-time isolated hepatic perfusion with melphalan vs best alternative care',
    key_numbers: [
      'ORR 40 % vs 4.5 % (P < .0001) [V]',
      'Median PFS 7.4 vs 3.3 months, HR 0.21 (0.12–0.36) [V]',
      '24-month OS 46.5 % vs 29.5 % (P = .12, primary endpoint not met) [V]',
    ],
    citation: cite({ authors: 'Olofsson Bagge R et al.', journal: 'Ann Surg', year: 2025, volume_pages: '282(1):100-107', pmid: '38420778' }),
    provenance: ['V', 'K'], provenance_note: 'results and citation [V]; journal/year of the secondary report [K]',
  },
  {
    id: 'EV-TOPAZ1-2022', short_name: 'TOPAZ-1: durvalumab + gemcitabine-cisplatin (2022)', kind: 'rct', year: 2022,
    design: 'double-blind phase 3 RCT', population: '685 patients with untreated advanced biliary tract cancer',
    comparison: 'durvalumab + gemcitabine-cisplatin vs placebo + gemcitabine-cisplatin',
    key_numbers: [
      'OS HR 0.80 (0.66–0.97), P = .021; 24-month OS 24.9 % vs 10.4 % [V]',
      'PFS HR 0.75; ORR 26.7 % vs 18.7 %; grade 3–4 treatment-related AEs 62.7 % vs 64.9 % [V]',
      'Median OS 12.8 vs 11.5 months [V2]',
    ],
    citation: cite({ authors: 'Oh D-Y, He AR, Qin S, et al.', title: 'Durvalumab plus gemcitabine and cisplatin in advanced biliary tract cancer', journal: 'NEJM Evid', year: 2022, volume_pages: '1(8)' }),
    provenance: ['V', 'V2', 'K'], provenance_note: 'results and journal [V]; authors and median OS [V2]; issue [K]',
  },
];
