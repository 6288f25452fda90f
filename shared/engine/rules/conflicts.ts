/** Where sources disagree (EVIDENCE.md 1.8, 1.9 and 6): carried on the options, never resolved silently. */
import type { Conflict } from './dsl';

export const CONFLICTS: readonly Conflict[] = [
  {
    id: 'C-NET-EMBO-MODALITY',
    summary: 'NET embolisation modality: the 2018/19 narrative review prefers Lipiodol cTACE for future Lu-177 candidates; ENETS 2022 prefers bland TAE for G1 intestinal NET with carcinoid syndrome; a 2020 opinion uses bland embolisation first line',
    sides: [
      { position: 'founding IO review (2018): Lipiodol cTACE for midgut NET that may later receive Lu-177 (keeps the liver radiation-naive, avoids bland-embolisation pain); Y-90 in older or frail patients', evidence: ['EV-SEED-2018'] },
      { position: 'ENETS 2022: bland hepatic embolisation preferred for carcinoid syndrome with G1 intestinal NET; TACE or SIRT reserved for G2 intestinal or non-intestinal NET', evidence: ['GL-ENETS-2022-CS'] },
      { position: 'Curr Treat Options Oncol 2020 opinion: bland embolisation first line; DEB-TACE more biliary toxicity; radioembolisation for high-grade tumours or after other embolotherapy fails', evidence: ['EV-CTOO-2020-NET-LDT'] },
      { position: 'no modality difference in hepatic PFS in the multicentre comparison', evidence: ['EV-NET-EMBO-COMP', 'GL-NET-LIVER-2015'] },
    ],
  },
  {
    id: 'C-NET-Y90',
    summary: 'Y-90 for NET liver metastases: ENETS 2016 calls SIRT investigational and long-term series show cirrhosis-like change, while the NET-Liver consensus lets RE substitute for TAE/TACE and NICE IPG786 supports SIRT with MDT selection',
    sides: [
      { position: 'caution: "SIRT is investigational"; cirrhosis-like morphology and decompensation years after whole-liver Y-90', evidence: ['GL-ENETS-2016', 'EV-SU-2017', 'EV-TOMOZAWA-2018', 'EV-SEED-2018'] },
      { position: 'support: RE can be substituted for TAE or TACE; SIRT controls growth and symptoms, may be better tolerated', evidence: ['GL-NET-LIVER-2015', 'GL-NICE-IPG786'] },
    ],
  },
  {
    id: 'C-CRC-EPOCH-ASCO',
    summary: 'Second-line mCRC: EPOCH met its PFS and hepatic-PFS endpoints (HR 0.69 / 0.59) but showed no OS gain (HR 1.07) and more grade ≥ 3 AEs; ASCO 2023 says SIRT is not routinely recommended',
    sides: [
      { position: 'EPOCH: PFS HR 0.69, hPFS HR 0.59, ORR 34.0% vs 21.1%', evidence: ['EV-EPOCH-2021'] },
      { position: 'ASCO 2023: SIRT not routinely recommended; little or no effect on OS; grade 3/4 AEs RR 1.39', evidence: ['GL-ASCO-MCRC-2023'] },
    ],
  },
  {
    id: 'C-CRC-SALVAGE',
    summary: 'Salvage mCRC: the 2018/19 narrative review of interventional oncology frames Y-90 as a principal use after first- and second-line failure; guidelines frame it as an option for highly selected patients with audit and registry entry',
    sides: [
      { position: 'founding IO review (2018): a principal use of Y-90 for mCRC is after failure of first- and second-line therapy; OS 10–12 months in salvage series', evidence: ['EV-SEED-2018', 'EV-COSIMELLI-2010', 'EV-MORE-2015'] },
      { position: 'guidelines: highly selected patients only (NCCN footnote [K]); audit outcomes and register patients (NICE); not routinely recommended (ASCO)', evidence: ['GL-NCCN-COLON', 'GL-NICE-IPG672', 'GL-ASCO-MCRC-2023'] },
    ],
  },
  // Added 2026-12 (EVIDENCE.md 6).
  {
    id: 'C-HCC-RESECT-PH',
    summary: 'Resection of HCC with clinically significant portal hypertension or raised bilirubin: BCLC sends these patients to transplantation (or ablation when early); AASLD 2023 accepts minimally invasive minor resection with mild portal hypertension',
    sides: [
      { position: 'BCLC: resection only for a solitary tumour without portal hypertension and with normal bilirubin; otherwise transplantation, or ablation when early', evidence: ['GL-BCLC-2022'] },
      { position: 'AASLD 2023: minimally invasive surgery extends minor resection to mild portal hypertension', evidence: ['GL-AASLD-HCC-2023'] },
    ],
  },
  {
    id: 'C-CRC-ABLATE-VS-RESECT',
    summary: 'Small colorectal liver metastases: COLLISION found thermal ablation non-inferior for OS with fewer serious adverse events (≤ 3 cm); resection is the historical curative standard',
    sides: [
      { position: 'COLLISION: OS HR 1.05 (non-inferior), local control HR 0.13, serious adverse events 7 % vs 20 %', evidence: ['EV-COLLISION-2025'] },
      { position: 'resection as the curative standard: 5-year survival 37 %, 10-year 22 % (Fong); guideline standard', evidence: ['EV-FONG-1999', 'GL-ESMO-MCRC-2023'] },
    ],
  },
];

export const CONFLICTS_BY_ID: ReadonlyMap<string, Conflict> = new Map(CONFLICTS.map((c) => [c.id, c]));
