/** The rule data: complete against EVIDENCE.md section 2, and reading only facts the contract defines. */
import { describe, expect, it } from 'vitest';
import { CASE_FACT_KEYS } from '../../../shared/facts/facts';
import { DISEASE_RULES, FLAG_RULES, FLAG_WORDS, GATES, RULE_READS, describe as describeCond, readsOf, stepsOf } from '../../../shared/engine';
import { readShared } from './paths';

const evidenceMd = readShared('clinical/EVIDENCE.md');
const section2 = evidenceMd.slice(evidenceMd.indexOf('## 2. Decision-rule draft'), evidenceMd.indexOf('### 2.7'));
const rowIds = (re: RegExp) => [...new Set([...section2.matchAll(re)].map((m) => m[1] as string))];

describe('rule data', () => {
  it('encodes every safety gate of 2.2', () => {
    const gates = rowIds(/^\| (S-[A-Z0-9-]+) \|/gm);
    expect(gates.length).toBe(25);
    expect(GATES.map((g) => g.id).sort()).toEqual([...gates].sort());
  });

  it('encodes every disease row of 2.3–2.6', () => {
    const rows = rowIds(/^\| (R-[A-Z]+-\d+) \|/gm);
    expect(rows.length).toBe(44);
    expect([...new Set(DISEASE_RULES.map((r) => r.id))].sort()).toEqual([...rows].sort());
  });

  it('raises every flag of the CONTRACT table, once', () => {
    expect(FLAG_RULES.map((f) => f.flag)).toEqual([...FLAG_WORDS]);
  });

  it('conditions read only contract facts or derived values', () => {
    const allowed = new Set<string>([
      ...CASE_FACT_KEYS, 'child_pugh_score', 'child_pugh_class', 'lung_dose_gy', 'lung_dose_cumulative_gy', 'bclc_stage_effective', 'bclc_stage_mismatch',
      'vascular_invasion', 'milan', 'ucsf', 'up_to_seven', 'resectable_effective', 'ablatable_effective', 'resectable_or_ablatable_effective',
    ]);
    const conds = [...DISEASE_RULES.map((r) => r.when), ...GATES.flatMap((g) => g.parts.map((p) => p.when)), ...FLAG_RULES.map((f) => f.when)];
    for (const c of conds) for (const f of readsOf(c)) expect(allowed.has(f), f).toBe(true);
  });

  it('lists the facts each row, gate and flag reads', () => {
    expect(RULE_READS.get('R-CRC-03')).toEqual(['primary_tumor', 'line_of_therapy', 'first_line_backbone', 'liver_dominant', 'ecog', 'albumin_g_dl', 'bilirubin_mg_dl', 'kras_status', 'primary_sidedness', 'liver_replacement_pct', 'lesion_count', 'primary_resected']);
    expect(RULE_READS.get('S-Y90-LSF-RESIN')).toEqual(['planned_device', 'lung_shunt_fraction_pct']);
    expect(RULE_READS.get('CHILD_PUGH_C')).toEqual(['child_pugh_score']);
    expect(RULE_READS.size).toBe(44 + 25 + 23);
  });

  it('renders conditions for a reader', () => {
    const crc01 = DISEASE_RULES.find((r) => r.id === 'R-CRC-01')!;
    expect(describeCond(crc01.when)).toBe('primary_tumor is colorectal and line_of_therapy is chemo_naive and resectable_or_ablatable_effective is false and (liver_dominant is true or extrahepatic_disease is none)');
    const bili = GATES.find((g) => g.id === 'S-Y90-BILI')!;
    expect(describeCond(bili.parts[0]!.when)).toBe('bilirubin_mg_dl > 2 and bilirubin_reversible_cause not true');
  });

  it('every row option and gate carries a one-line rationale', () => {
    for (const r of DISEASE_RULES) for (const o of r.options) for (const st of stepsOf(o)) if (st.strength !== null) expect(st.rationale.length, `${r.id} ${o.option}`).toBeGreaterThan(5);
    for (const g of GATES) expect(g.rationale.length, g.id).toBeGreaterThan(5);
  });
});
