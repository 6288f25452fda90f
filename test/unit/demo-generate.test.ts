import { describe, expect, it } from 'vitest';
import { caseInputSchema, patientInputSchema } from '../../shared/domain/case';
import { PRIMARY_TUMORS, type CaseFacts } from '../../shared/facts/facts';
import { DEMO_REFERENCE_DATE, generateDemoCases, type DemoCase } from '../../shared/demo/generate';

const childPugh = (f: CaseFacts): number | null => {
  const { bilirubin_mg_dl: b, albumin_g_dl: a, inr: i, ascites, encephalopathy: he } = f;
  if (b == null || a == null || i == null || ascites == null || he == null) return null;
  return (b < 2 ? 1 : b <= 3 ? 2 : 3) + (a > 3.5 ? 1 : a >= 2.8 ? 2 : 3) + (i < 1.7 ? 1 : i <= 2.3 ? 2 : 3)
    + (ascites === 'none' ? 1 : ascites === 'mild' ? 2 : 3) + (he === 'none' ? 1 : he === 'grade1_2' ? 2 : 3);
};

/** Collects out-of-range values (one expect per case would make 20,000-case loops slow). */
const inRange = (bad: string[], what: string, v: number | null | undefined, lo: number, hi: number): void => {
  if (v != null && !(v >= lo && v <= hi)) bad.push(`${what}=${v}`);
};

const ageAt = (birth: string, ref: string): number => {
  const years = Number(ref.slice(0, 4)) - Number(birth.slice(0, 4));
  return ref.slice(5) >= birth.slice(5) ? years : years - 1;
};

describe('generateDemoCases', () => {
  // 20,000 cases: enough for every branch (rare primaries, Child-Pugh C, NET G3 after PRRT...) to occur.
  const sample: DemoCase[] = generateDemoCases(20_000, 7);

  it('is deterministic for a seed, differs between seeds, and a shorter run is a prefix', { timeout: 60_000 }, () => {
    expect(generateDemoCases(500, 7)).toEqual(sample.slice(0, 500));
    expect(generateDemoCases(300)).toEqual(generateDemoCases(300));
    expect(generateDemoCases(300, 8)).not.toEqual(generateDemoCases(300, 7));
    expect(generateDemoCases(0)).toEqual([]);
    expect(() => generateDemoCases(-1)).toThrow(RangeError);
    expect(() => generateDemoCases(1.5)).toThrow(RangeError);
  });

  it('starts with the featured patients whatever the seed, names split correctly', () => {
    for (const seed of [1, 2, 12345]) {
      const first = generateDemoCases(20, seed).map((c) => [c.patient.given_name, c.patient.family_name]);
      expect(first.slice(0, 3)).toEqual([['Zoë', 'Ødegård'], ['José', 'Núñez'], ['Łukasz', 'Wróbel']]);
      const names = first.map((n) => n.join(' ')).join(' | ');
      for (const ch of ['ß', 'ç', 'ñ', 'é', 'ü', 'ø', 'å', 'ł', 'ő', 'ș', "'", '-']) expect(names).toContain(ch);
      expect(names).toContain("O'Brien");
    }
  });

  it('has every primary in 200 cases, with colorectal, then HCC, then NET most common', () => {
    for (const seed of [1, 7, 99]) {
      const seen = new Set(generateDemoCases(200, seed).map((c) => c.case.facts.primary_tumor));
      for (const p of PRIMARY_TUMORS) expect(seen, p).toContain(p);
    }
    const counts = new Map<string, number>();
    for (const c of sample) counts.set(c.case.facts.primary_tumor ?? '', (counts.get(c.case.facts.primary_tumor ?? '') ?? 0) + 1);
    const n = (p: string) => counts.get(p) ?? 0;
    expect(n('colorectal')).toBeGreaterThan(n('hcc'));
    expect(n('hcc')).toBeGreaterThan(n('neuroendocrine'));
    expect(n('neuroendocrine')).toBeGreaterThan(n('breast'));
    expect(n('breast')).toBeGreaterThan(n('melanoma'));
  });

  it('parses every case with the strict patient and case schemas', { timeout: 60_000 }, () => {
    for (const c of sample) {
      const p = patientInputSchema.safeParse(c.patient);
      if (!p.success) throw new Error(`${c.patient.identifier}: ${p.error.message}`);
      const k = caseInputSchema.safeParse(c.case);
      if (!k.success) throw new Error(`${c.patient.identifier}: ${k.error.message}`);
    }
  });

  it('gives plausible patients and referrals', { timeout: 60_000 }, () => {
    const statuses = new Map<string, number>();
    const bad: string[] = [];
    for (const { patient, case: k } of sample) {
      const id = patient.identifier;
      if (!/^MRN\d{7}$/.test(id)) bad.push(`identifier ${id}`);
      if (patient.birth_date === null) { bad.push(`${id} no birth date`); continue; }
      const age = ageAt(patient.birth_date, DEMO_REFERENCE_DATE);
      if (age < 30 || age > 89) bad.push(`${id} age ${age}`);
      if (k.facts.age != null && k.facts.age !== age) bad.push(`${id} facts.age ${k.facts.age} vs ${age}`);
      if (!patient.family_name.trim() || !patient.given_name.trim()) bad.push(`${id} name`);
      if (!/^(Dr\.|Prof\.|Mr\.|Ms\.) .+, .+/.test(k.referring_clinician)) bad.push(`${id} clinician ${k.referring_clinician}`);
      if (k.diagnosis.length < 10) bad.push(`${id} diagnosis ${k.diagnosis}`);
      if (!/\?|please\.$/i.test(k.question)) bad.push(`${id} question ${k.question}`);
      if (/\b1 lines\b|undefined|null|NaN|\{/.test(k.question + k.diagnosis)) bad.push(`${id} text ${k.diagnosis} / ${k.question}`);
      statuses.set(k.status, (statuses.get(k.status) ?? 0) + 1);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    const share = (s: string) => (statuses.get(s) ?? 0) / sample.length;
    expect(share('draft') + share('ready') + share('listed')).toBeGreaterThan(0.6);
    expect(share('discussed')).toBeGreaterThan(0.05);
    expect(share('closed')).toBeGreaterThan(0.03);
  });

  it('keeps labs, ECOG and Y-90 work-up in realistic ranges, with some facts unknown', () => {
    let unknown = 0;
    let lsf = 0;
    let ecog01 = 0;
    let ecogKnown = 0;
    const bad: string[] = [];
    for (const { case: { facts: f } } of sample) {
      inRange(bad, 'bilirubin_mg_dl', f.bilirubin_mg_dl, 0.3, 4);
      inRange(bad, 'albumin_g_dl', f.albumin_g_dl, 2.5, 4.8);
      inRange(bad, 'inr', f.inr, 0.9, 1.8);
      inRange(bad, 'creatinine_mg_dl', f.creatinine_mg_dl, 0.6, 2.2);
      inRange(bad, 'sodium_mmol_l', f.sodium_mmol_l, 128, 145);
      inRange(bad, 'granulocytes_10e9_l', f.granulocytes_10e9_l, 0.5, 10);
      inRange(bad, 'height_cm', f.height_cm, 140, 205);
      inRange(bad, 'weight_kg', f.weight_kg, 35, 160);
      inRange(bad, 'planned_activity_gbq', f.planned_activity_gbq, 0.5, 8);
      inRange(bad, 'lung_shunt_fraction_pct', f.lung_shunt_fraction_pct, 2, 25);
      if (f.lung_shunt_fraction_pct != null) lsf++;
      if (f.ecog != null) { ecogKnown++; if (f.ecog <= 1) ecog01++; }
      if (f.bilirubin_mg_dl == null || f.ecog == null) unknown++;
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(ecog01 / ecogKnown).toBeGreaterThan(0.7);
    expect(lsf / sample.length).toBeGreaterThan(0.05);
    expect(lsf / sample.length).toBeLessThan(0.5);
    expect(unknown / sample.length).toBeGreaterThan(0.03);
    expect(unknown / sample.length).toBeLessThan(0.4);
  });

  it('keeps facts clinically coherent per primary', { timeout: 60_000 }, () => {
    const bad: string[] = [];
    for (const { patient: { identifier: id }, case: { facts: f } } of sample) {
      const no = (why: string) => bad.push(`${id} ${f.primary_tumor}: ${why}`);
      const primary = f.primary_tumor;
      if (primary !== 'colorectal' && (f.kras_status != null || f.first_line_backbone != null || f.primary_sidedness != null)) no('CRC facts');
      if (primary !== 'neuroendocrine' && (f.net_grade != null || f.net_ki67_pct != null || f.sstr_positive != null)) no('NET facts');
      if (primary !== 'hcc' && (f.bclc_stage != null || f.nodules != null)) no('HCC facts');
      if (primary === 'colorectal') {
        if (f.line_of_therapy === 'post_prrt' || f.line_of_therapy == null) no(`line ${f.line_of_therapy}`);
        if (f.line_of_therapy === 'chemo_naive' && (f.first_line_backbone != null || (f.prior_systemic_lines ?? 0) !== 0)) no('chemo-naive yet treated');
        if (f.line_of_therapy === 'salvage_after_2_lines' && f.prior_systemic_lines != null && f.prior_systemic_lines < 2) no('salvage with < 2 lines');
        if (f.cumulative_oxaliplatin_neuropathy_grade != null && f.prior_chemo_agents != null && !f.prior_chemo_agents.includes('oxaliplatin')) no('neuropathy without oxaliplatin');
      }
      if (primary === 'neuroendocrine') {
        const k = f.net_ki67_pct;
        if (k != null && f.net_grade != null && f.net_grade !== (k < 3 ? 'G1' : k <= 20 ? 'G2' : 'G3')) no(`grade ${f.net_grade} with Ki-67 ${k}`);
        if (f.progressing_on_ssa != null && f.on_ssa === false) no('progressing on SSA but not on SSA');
        if (f.prior_prrt === true && f.line_of_therapy !== 'post_prrt') no('prior PRRT but line not post_prrt');
      }
      if (primary === 'hcc') {
        const cp = childPugh(f);
        const stage = f.bclc_stage;
        if (stage == null) no('no BCLC stage');
        if (cp !== null && cp >= 10 && stage !== 'D') no(`Child-Pugh ${cp} but BCLC ${stage}`);
        if (f.ecog != null && f.ecog >= 3 && stage !== 'D') no(`ECOG ${f.ecog} but BCLC ${stage}`);
        if (stage === '0' || stage === 'A') {
          if (f.ecog != null && f.ecog !== 0) no(`BCLC ${stage} with ECOG ${f.ecog}`);
          if (f.nodules != null && f.nodules > 3) no(`BCLC ${stage} with ${f.nodules} nodules`);
          if (f.portal_vein === 'branch_thrombus' || f.portal_vein === 'tumoral_thrombus_main') no(`BCLC ${stage} with portal invasion`);
          if (f.extrahepatic_disease != null && f.extrahepatic_disease !== 'none') no(`BCLC ${stage} with extrahepatic disease`);
        }
        if (stage === 'B' && f.nodules != null && f.nodules < 2) no('BCLC B with a single nodule');
        if (f.cirrhosis === false && f.varices_untreated_high_risk === true) no('varices without cirrhosis');
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('gives unique identifiers across 100,000 cases (note: prints the generation time)', { timeout: 60_000 }, () => {
    const t0 = performance.now();
    const big = generateDemoCases(100_000, 42);
    const ms = performance.now() - t0;
    // A note, not an assertion: the bench feeds on this, so the time is worth seeing.
    console.log(`generateDemoCases(100000): ${ms.toFixed(0)} ms`);
    expect(big).toHaveLength(100_000);
    expect(new Set(big.map((c) => c.patient.identifier)).size).toBe(100_000);
    const seen = new Set(big.map((c) => c.case.facts.primary_tumor));
    expect(seen.size).toBe(PRIMARY_TUMORS.length);
  });
});
