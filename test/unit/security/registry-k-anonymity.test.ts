/**
 * Disclosure control of the registry export, attacked. The attacker knows, for every patient, the sex, the
 * birth date (so the age band), the primary tumour and every baseline fact exactly (as a member of the treating
 * team would), and the export's published generalisation; an empty cell matches anything. At k = 5 every
 * patient the attacker looks for matches no record or records of at least 5 different patients; without
 * protection (k = 1) the same attack singles patients out, so the attack has teeth.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stmt } from '../../../db/statements';
import type { SqlDb } from '../../../db/sql/port';
import { useEngine } from '../helpers/engines';
import { ageInYears, buildRegistryExport, collectRegistry, quasiIdentifierCells } from '../../../electron/exports/registry';
import { kAnonymise, QUASI_IDENTIFIERS, type Cell } from '../../../electron/exports/disclosure';
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
    const counts = attackers.map((a) => candidates(a, published));
    expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);
    if (published.length > 0) {
      expect(smallestGroup(published)).toBeGreaterThanOrEqual(5);
      expect(d.smallest_group).toBe(smallestGroup(published));
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
