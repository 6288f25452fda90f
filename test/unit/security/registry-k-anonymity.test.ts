/**
 * Disclosure control of the registry export, attacked. The attacker knows, for every patient, the sex, the
 * birth date (so the age band), the primary tumour and every baseline fact exactly (as a member of the treating
 * team would), and the export's published generalisation; an empty cell matches anything. At k = 5 every
 * patient the attacker looks for matches no record or records of at least 5 different patients; without
 * protection (k = 1) the same attack singles patients out, so the attack has teeth. The demo board's 22 treated
 * patients cannot keep 5-year age bands at k = 5: the export recodes age (and if need be sex) for every record
 * first, and the test checks that records ARE published, at the level the manifest names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stmt } from '../../../db/statements';
import type { SqlDb } from '../../../db/sql/port';
import { useEngine } from '../helpers/engines';
import { ageInYears, buildRegistryExport, collectRegistry, quasiIdentifierCells } from '../../../electron/exports/registry';
import { AGE_LEVELS, kAnonymise, QUASI_IDENTIFIERS, recodeAgeBand, SUPPRESSION_ORDER, type Cell } from '../../../electron/exports/disclosure';
import { generateDemoCases } from '../../../shared/demo/generate';
import type { CaseFacts } from '../../../shared/facts/facts';
import { implement, openDemo } from '../outcomes/helpers';

const fixture = useEngine('sqlite');
type Known = Record<string, Cell>;
interface Published { patient: string; cells: Record<string, Cell> }

/** The distinct patients among published records that agree with what the attacker knows (empty = any). */
function candidates(known: Known, published: readonly Published[]): number {
  const hits = new Set<string>();
  for (const r of published) {
    if (QUASI_IDENTIFIERS.every((q) => r.cells[q] === null || r.cells[q] === undefined || r.cells[q] === (known[q] ?? null))) hits.add(r.patient);
  }
  return hits.size;
}

/** Distinct patients per published combination of quasi-identifiers. */
function smallestGroup(published: readonly Published[]): number {
  const groups = new Map<string, Set<string>>();
  for (const r of published) {
    const key = JSON.stringify(QUASI_IDENTIFIERS.map((q) => r.cells[q] ?? null));
    groups.set(key, (groups.get(key) ?? new Set()).add(r.patient));
  }
  return Math.min(...[...groups.values()].map((s) => s.size));
}

/** CSV (no quoted commas in these columns) back to records. */
function parseCsv(csv: string): Published[] {
  const [header = '', ...lines] = csv.trim().split('\r\n');
  const names = header.split(',');
  return lines.map((line) => {
    const values = line.split(',');
    const cells: Record<string, Cell> = {};
    names.forEach((n, i) => {
      const v = values[i] ?? '';
      cells[n] = v === '' ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;
    });
    return { patient: String(cells.patient), cells };
  });
}

describe('registry export: k-anonymity on the demo board (the real export path)', () => {
  let db: SqlDb;
  let attackers: Known[] = [];
  beforeAll(() => {
    const demo = openDemo(fixture);
    db = demo.db;
    // Every decision of the signed meeting carried out two days after the meeting.
    const day0 = new Map(demo.decisions.map((d) => [d.id, implement(db, d, 2)]));
    const rows = stmt(db, `SELECT d.id, d.facts_snapshot, p.sex, p.birth_date FROM decisions d JOIN cases c ON c.id = d.case_id
      JOIN patients p ON p.id = c.patient_id`).all() as { id: number; facts_snapshot: string; sex: string; birth_date: string | null }[];
    attackers = rows.filter((r) => day0.has(r.id)).map((r) => {
      const facts = JSON.parse(r.facts_snapshot) as CaseFacts;
      const age = r.birth_date ? ageInYears(r.birth_date, day0.get(r.id) ?? '') : (facts.age ?? null);
      return quasiIdentifierCells(facts, r.sex, age) as Known;
    });
  });

  it('without protection (k = 1) the attack singles patients out', () => {
    const open = parseCsv(buildRegistryExport(db, { k: 1 }).csv);
    expect(open).toHaveLength(attackers.length);
    const unique = attackers.filter((a) => candidates(a, open) === 1).length;
    expect(unique).toBeGreaterThan(attackers.length / 2);
  });

  it('at k = 5 no patient matches 1 to 4 patients, every published group holds 5 or more, and the manifest counts what was withheld', () => {
    const r = buildRegistryExport(db);
    const published = parseCsv(r.csv);
    const d = r.manifest.disclosure;
    expect(d.k).toBe(5);
    expect(d.records_considered).toBe(attackers.length);
    expect(d.records_suppressed + published.length).toBe(attackers.length);
    // The attacker knows the published generalisation and recodes what they know the same way.
    const level = AGE_LEVELS.find((l) => l.rule === d.generalisation[0]);
    if (!level) throw new Error(`the manifest names no known generalisation level: ${d.generalisation[0] ?? ''}`);
    const counts = attackers.map((a) => candidates({ ...a, age_band: recodeAgeBand(a.age_band ?? null, level.width), sex: level.sex ? (a.sex ?? null) : null }, published));
    expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
    // Not vacuous: records ARE published, and every published combination is shared by 5 patients or more.
    expect(published.length).toBeGreaterThanOrEqual(5);
    expect(r.manifest.records).toBe(published.length);
    expect(smallestGroup(published)).toBeGreaterThanOrEqual(5);
    expect(d.smallest_group).toBe(smallestGroup(published));
    expect(counts.filter((n) => n >= 5).length).toBeGreaterThanOrEqual(published.length);
    // 22 treated patients cannot keep 5-year bands at k = 5: the export recodes age for every record (global
    // recoding) and says so first in its generalisation list; the published cells are what it says.
    expect(level.width).not.toBe(5);
    for (const p of published) {
      if (level.width === null) expect(p.cells.age_band).toBeNull();
      else expect(String(p.cells.age_band)).toMatch(level.width === 10 ? /^(\d0-\d9|90\+)$/ : /^([024]0-[135]9|60-79|80\+)$/);
      if (!level.sex) expect(p.cells.sex).toBeNull();
      else expect(['female', 'male', 'other', 'unknown']).toContain(p.cells.sex);
    }
  });
});

describe('registry disclosure control over every demo patient (240, as if all were treated)', () => {
  const cases = generateDemoCases(240);
  const records = cases.map((c, i) => ({
    patient: `patient-${i}`,
    cells: quasiIdentifierCells(c.case.facts as CaseFacts, c.patient.sex, c.case.facts.age ?? null) as Record<string, Cell>,
  }));

  it('without protection most patients are unique on sex, age band, primary and the baseline facts', () => {
    const unique = records.filter((r) => candidates(r.cells, records) === 1).length;
    expect(unique).toBeGreaterThan(records.length / 2);
  });

  it('at k = 5 the attack finds no group below 5; at least 40 % of records are still published, with cells and records suppressed as counted', () => {
    const { records: published, report } = kAnonymise(records, 5);
    expect(report.k).toBe(5);
    expect(published.length + report.suppressedRecords).toBe(records.length);
    expect(published.length).toBeGreaterThanOrEqual(records.length * 0.4);
    expect(smallestGroup(published)).toBeGreaterThanOrEqual(5);
    expect(report.smallestGroup).toBe(smallestGroup(published));
    const counts = records.map((r) => candidates(r.cells, published));
    expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
    // Cells are given up least-needed first: sodium goes before ECOG.
    expect(report.suppressedCells.sodium_mmol_l ?? 0).toBeGreaterThanOrEqual(report.suppressedCells.ecog ?? 0);
    // A large export keeps 5-year bands (coarser ones would lose more than the records they save).
    expect(report.generalisation).toBe(AGE_LEVELS[0].rule);
    // The counts are true: per field, the published records whose value is now empty.
    const byPatient = new Map(records.map((r) => [r.patient, r.cells]));
    const recount: Record<string, number> = {};
    for (const p of published) {
      for (const f of SUPPRESSION_ORDER) {
        const before = byPatient.get(p.patient)?.[f];
        if (before !== null && before !== undefined && p.cells[f] === null) recount[f] = (recount[f] ?? 0) + 1;
      }
    }
    expect(report.suppressedCells).toEqual(recount);
    expect(Object.keys(recount).length).toBeGreaterThan(0);
  });

  it('age bands recode along one hierarchy: 10-year, 20-year (80 and over as one), any age', () => {
    expect(['0-4', '60-64', '65-69', '85-89', '90+'].map((b) => recodeAgeBand(b, 10))).toEqual(['0-9', '60-69', '60-69', '80-89', '90+']);
    expect(['0-4', '40-44', '55-59', '75-79', '80-84', '90+'].map((b) => recodeAgeBand(b, 20))).toEqual(['0-19', '40-59', '40-59', '60-79', '80+', '80+']);
    expect(['60-64', '90+', null].map((b) => recodeAgeBand(b, null))).toEqual([null, null, null]);
    expect(recodeAgeBand('60-64', 5)).toBe('60-64');
  });

  it('collectRegistry publishes nothing below k even for a single treated patient', () => {
    const demo = openDemo(fixture);
    const [first] = demo.decisions;
    if (!first) throw new Error('the demo has no decision');
    implement(demo.db, first, 2);
    const data = collectRegistry(demo.db);
    expect(data.records).toEqual([]);
    expect(data.manifest.disclosure).toMatchObject({ k: 5, records_considered: 1, records_suppressed: 1, smallest_group: null });
  });
});
