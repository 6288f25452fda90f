/** The registry export of a demo board with outcomes, on either engine (registry.test.ts: SQLite; registry.pg.test.ts: PostgreSQL). */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stmt } from '../../../db/statements';
import type { SqlDb } from '../../../db/sql/port';
import type { BoardStore } from '../../../electron/host/board';
import { recordAssessment, recordEvent, recordToxicity } from '../../../db/repositories/outcomes';
import { runCli } from '../../../electron/cli/main';
import { ageInYears, buildRegistryExport, REGISTRY_FIELDS } from '../../../electron/exports/registry';
import { ACTOR, addDays, implement, openDemo, type DemoDecision } from './helpers';
import { seatCtx } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';

export function registrySuite(engine: Engine): void {
  const fixture = useEngine(engine);
  let dir: string;
  let db: SqlDb;
  let store: BoardStore;
  let treated: DemoDecision[];
  let outcomesOnly: DemoDecision;
  beforeAll(() => {
    dir = fixture.tmp('file');
    const demo = openDemo(fixture);
    ({ db, store } = demo);
    // Five decisions carried out with outcomes, one with outcomes but no follow-up; the other decisions stay untreated.
    treated = demo.decisions.slice(0, 5);
    const d6 = demo.decisions[5];
    if (!d6) throw new Error('demo too small');
    outcomesOnly = d6;
    treated.forEach((d, i) => {
      const day0 = implement(db, d, 2 + i);
      const now = `${addDays(day0, 400)}T00:00:00.000Z`;
      recordAssessment(db, { decision_id: d.id, date: addDays(day0, 85 + i), baseline: [{ id: 'A', diameter_mm: 50 }], current: [{ id: 'A', diameter_mm: 30 - i }], new_lesions: false }, ACTOR, now);
      recordToxicity(db, { decision_id: d.id, term: 'Fatigue', grade: 1 + (i % 3), date: addDays(day0, 10), timepoint: '30_day' }, ACTOR, now);
      if (i === 0) {
        recordToxicity(db, { decision_id: d.id, term: 'Blood bilirubin increased', grade: 3, date: addDays(day0, 180), timepoint: '6_month' }, ACTOR, now);
        recordEvent(db, { decision_id: d.id, kind: 'hepatic_progression', date: addDays(day0, 200) }, ACTOR, now);
        recordEvent(db, { decision_id: d.id, kind: 'death', date: addDays(day0, 350) }, ACTOR, now);
      }
    });
    recordToxicity(db, { decision_id: outcomesOnly.id, term: 'Nausea', grade: 2, date: addDays(outcomesOnly.meeting_day, 4), timepoint: '30_day' }, ACTOR, `${addDays(outcomesOnly.meeting_day, 30)}T00:00:00.000Z`);
  });

  /** Every patients row's direct identifiers that must not appear anywhere in an export. */
  function identifiers(): string[] {
    const rows = stmt(db, 'SELECT identifier, family_name, given_name, birth_date FROM patients').all() as Record<string, string | null>[];
    const out = new Set<string>();
    for (const r of rows) for (const v of Object.values(r)) if (v && v.trim()) out.add(v.trim());
    return [...out];
  }

  function assertNoIdentifiers(text: string, where: string): void {
    const found = identifiers().filter((v) => text.includes(v));
    expect({ where, found }).toEqual({ where, found: [] });
  }

  describe(`ageInYears on ${engine}`, () => {
    it('counts whole years, birthday included', () => {
      expect(ageInYears('1960-05-10', '2026-05-09')).toBe(65);
      expect(ageInYears('1960-05-10', '2026-05-10')).toBe(66);
    });
  });

  describe(`registry export of the demo database on ${engine}`, () => {
    it('holds the treated cases only, with baseline, treatment, response, toxicities as intervals from day 0 in whole weeks (k = 1: nothing suppressed)', () => {
      const r = buildRegistryExport(db, { now: new Date('2030-01-01T00:00:00Z'), k: 1 });
      expect(r.manifest.disclosure).toMatchObject({ k: 1, records_considered: 6, records_suppressed: 0, cells_suppressed: {}, smallest_group: 1 });
      expect(r.manifest.records).toBe(6);
      const [header, ...rows] = r.csv.trim().split('\r\n');
      expect(header).toBe(REGISTRY_FIELDS.join(','));
      expect(rows).toHaveLength(6);
      const col = (name: (typeof REGISTRY_FIELDS)[number]) => REGISTRY_FIELDS.indexOf(name);
      const cells = rows.map((line) => line.split(','));
      expect(cells.filter((c) => c[col('day0')] === 'treatment')).toHaveLength(5);
      expect(cells.filter((c) => c[col('day0')] === 'meeting')).toHaveLength(1);
      const dead = cells.find((c) => c[col('death_day')] !== '');
      expect(dead?.[col('death_day')]).toBe('350');
      expect(dead?.[col('hepatic_progression_day')]).toBe('203'); // day 200 = 28.6 weeks → 29 weeks
      expect(dead?.[col('max_toxicity_grade_6_month')]).toBe('3');
      expect(dead?.[col('response_3_months')]).toBe('PR');
      expect(dead?.[col('response_3_months_day')]).toBe('84'); // day 85 → 12 weeks
      expect(dead?.[col('ctcae_version')]).toBe('5.0');
      for (const c of cells) {
        expect(c[col('patient')]).toMatch(/^P-[0-9a-f]{12}$/);
        expect(c[col('age_band')]).toMatch(/^(\d{1,2}-\d{1,2}|90\+)?$/);
        if (c[col('age_band')] && c[col('age_band')] !== '90+') {
          const [low, high] = (c[col('age_band')] ?? '').split('-').map(Number);
          expect([(low ?? -1) % 5, (high ?? 0) - (low ?? 0)]).toEqual([0, 4]);
        }
      }
      // The FHIR Bundle: a Patient per pseudonym without name, identifier or birth date; days as extensions.
      const bundle = JSON.parse(r.fhir) as { resourceType: string; entry: { resource: Record<string, unknown> }[] };
      expect(bundle.resourceType).toBe('Bundle');
      const patients = bundle.entry.map((e) => e.resource).filter((x) => x.resourceType === 'Patient');
      expect(patients.length).toBe(r.manifest.patients);
      for (const p of patients) expect(Object.keys(p).sort()).toEqual(['gender', 'id', 'resourceType']);
      expect(bundle.entry.filter((e) => e.resource.resourceType === 'AdverseEvent')).toHaveLength(7);
      expect(r.fhir).not.toMatch(/"(birthDate|name|identifier|effectiveDateTime|performedDateTime|date)"\s*:/);
      // The manifest says what was removed.
      expect(r.manifest.removed.map((x) => x.field).join(' ')).toMatch(/identifier.*family_name.*birth_date.*question.*rationale/s);
    });

    it('contains no patient name, identifier or birth date anywhere (CSV, FHIR, manifest); pseudonyms change per export', () => {
      const a = buildRegistryExport(db);
      const b = buildRegistryExport(db);
      expect(identifiers().length).toBeGreaterThan(300);
      assertNoIdentifiers(a.csv, 'csv');
      assertNoIdentifiers(a.fhir, 'fhir');
      assertNoIdentifiers(JSON.stringify(a.manifest), 'manifest');
      // No calendar date at all except the export's own timestamp.
      expect(a.csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect([...a.fhir.matchAll(/\d{4}-\d{2}-\d{2}/g)].every((m) => a.fhir.slice(m.index - 14, m.index).includes('timestamp'))).toBe(true);
      // Free text of the cases and decisions is excluded.
      const rationale = stmt(db, "SELECT rationale FROM decisions WHERE rationale <> '' LIMIT 1").pluck().get() as string;
      expect(a.csv.includes(rationale) || a.fhir.includes(rationale)).toBe(false);
      const pseudo = (csv: string) => new Set(csv.trim().split('\r\n').slice(1).map((l) => l.split(',')[1]));
      expect([...pseudo(a.csv)].some((p) => pseudo(b.csv).has(p))).toBe(false);
    });

    it('at the default k = 5 every published combination of quasi-identifiers is shared by 5 patients or the record is withheld', () => {
      const r = buildRegistryExport(db);
      const m = r.manifest.disclosure;
      expect(m.k).toBe(5);
      expect(m.records_considered).toBe(6);
      expect(m.records_suppressed + r.manifest.records).toBe(6);
      expect(m.smallest_group === null || m.smallest_group >= 5).toBe(true);
      expect(m.residual_risk).toContain('at least 5 patients');
    });

    it('is the same through the API and the CLI (csv and fhir files + manifest), without identifiers', async () => {
      const expectedRecords = buildRegistryExport(db).manifest.records;
      const app = fixture.app({ store, transport: 'cli' });
      try {
        const r = await app.dispatch('exports.registry', {}, seatCtx('tester'));
        expect(r).toMatchObject({ ok: true, value: { manifest: { records: expectedRecords, disclosure: { k: 5, records_considered: 6 } } } });
      } finally {
        app.close();
      }
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), readStdin: async () => '' };
      const csvFile = path.join(dir, 'registry.csv');
      const fhirFile = path.join(dir, 'registry.fhir.json');
      expect(await runCli(['export-registry', ...fixture.cliArgs(store), '--out', csvFile], io)).toBe(0);
      expect(await runCli(['export-registry', ...fixture.cliArgs(store), '--out', fhirFile, '--format', 'fhir'], io)).toBe(0);
      expect(out.join('\n')).toMatch(new RegExp(`wrote ${expectedRecords} record\\(s\\)`));
      expect(await runCli(['export-registry', ...fixture.cliArgs(store), '--out', csvFile], io)).toBe(2);
      expect(await runCli(['export-registry', ...fixture.cliArgs(store), '--out', path.join(dir, 'x'), '--format', 'xml'], io)).toBe(2);
      for (const f of [csvFile, fhirFile, `${csvFile}.manifest.json`, `${fhirFile}.manifest.json`]) assertNoIdentifiers(readFileSync(f, 'utf8'), path.basename(f));
      expect((JSON.parse(readFileSync(fhirFile, 'utf8')) as { resourceType: string }).resourceType).toBe('Bundle');
    });
  });
}
