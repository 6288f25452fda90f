/** CSV import into a board, on either engine (csv.test.ts: SQLite; csv.pg.test.ts: PostgreSQL): preview, all or nothing, problems by row and column, re-import, dry run, saved mappings. */
import { describe, expect, it } from 'vitest';
import { ageOn, machineClock, todayIn } from '../../../shared/time/clock';
import { getCase, listCases } from '../../../db/repositories/cases';
import { findPatientByIdentifier } from '../../../db/repositories/patients';
import { getSavedMapping } from '../../../db/repositories/imports';
import { verifyAuditChain } from '../../../db/audit';
import { stmt } from '../../../db/statements';
import { importCsv, previewCsv } from '../../../electron/imports/csv/import';
import { useEngine, type Engine } from '../helpers/engines';
import { hashTables, syntheticCsv } from './helpers';

/** The age the repository derives from a birth date today (issue 13). */
const ageToday = (birth: string): number => ageOn(birth, todayIn(machineClock().time_zone));

export function csvImportSuite(engine: Engine): void {
  const fresh = useEngine(engine).open;

  describe(`CSV import on ${engine}`, () => {
    it('previews every row, converts units, then imports in one transaction with audit rows', () => {
      const db = fresh();
      const csv = syntheticCsv(3);
      const preview = previewCsv(db, { source: 'referrals.csv', content: csv });
      expect(preview.mapping_origin).toBe('recognised');
      expect(preview.total_rows).toBe(3);
      expect(preview.valid_rows).toBe(3);
      expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0 });
      expect(preview.rows.map((r) => [r.row, r.identifier, r.action])).toEqual([[2, 'CSV000001', 'create'], [3, 'CSV000002', 'create'], [4, 'CSV000003', 'create']]);
      expect(hashTables(db)).toBe(hashTables(db));
      const progress: [number, number][] = [];
      const result = importCsv(db, { source: 'referrals.csv', content: csv, actor: 'tester', onProgress: (d, t) => progress.push([d, t]) });
      expect(result.imported).toBe(true);
      expect(result.created_case_ids).toHaveLength(3);
      expect(progress.at(0)).toEqual([0, 3]);
      expect(progress.at(-1)).toEqual([3, 3]);
      const first = getCase(db, result.created_case_ids[0] ?? 0);
      expect(first?.patient).toMatchObject({ identifier: 'CSV000001', family_name: 'Family1', given_name: 'Given1', birth_date: '1960-02-03', sex: 'female' });
      expect(first?.facts).toEqual({ primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 1, age: ageToday('1960-02-03') });
      const audit = stmt(db, "SELECT actor, action FROM audit_log WHERE action = 'case.create'").all();
      expect(audit).toHaveLength(3);
      expect(audit[0]).toEqual({ actor: 'tester (CSV import: referrals.csv)', action: 'case.create' });
      expect(verifyAuditChain(db).ok).toBe(true);
      db.close();
    });

    it('a file with one bad row among 1,000 imports nothing, names row and column, and leaves the tables unchanged', () => {
      const db = fresh();
      importCsv(db, { source: 'seed.csv', content: syntheticCsv(5, { prefix: 'OLD' }), actor: 'tester' });
      const before = hashTables(db);
      const result = importCsv(db, { source: 'big.csv', content: syntheticCsv(1000, { badRow: 517 }), actor: 'tester' });
      expect(result.imported).toBe(false);
      expect(result.problems).toEqual([{ row: 518, column: 'ecog', message: '"seven" is not a number' }]);
      expect(hashTables(db)).toBe(before);
      expect(listCases(db, { sort: 'updated_at', direction: 'desc', offset: 0, limit: 10 }).total).toBe(5);
      db.close();
    });

    it('reports every problem with its row and column (missing name, bad date, out-of-range lab, duplicate identifier)', () => {
      const db = fresh();
      const csv = [
        'mrn;family_name;birth_date;sex;ecog;bilirubin_mg_dl;prior_chemo_agents;liver_dominant',
        'P1;Alpha;31.12.1960;w;1;1,2;oxaliplatin|capecitabine;ja',
        'P2;;1960-02-30;f;2;0.8;;no',
        'P3;Gamma;1960-01-01;q;9;99;;maybe',
        'P1;Again;1960-01-01;f;1;1;;yes',
      ].join('\n');
      const preview = previewCsv(db, { source: 'x.csv', content: csv });
      expect(preview.rows[0]).toMatchObject({ row: 2, ok: true, action: 'create', problems: [] });
      expect(preview.problems).toEqual([
        { row: 3, column: 'birth_date', message: '"1960-02-30" is not a date (YYYY-MM-DD or DD.MM.YYYY)' },
        { row: 4, column: 'sex', message: '"q" is not one of female, male, other, unknown' },
        { row: 4, column: 'ecog', message: '9: must be at most 4' },
        { row: 4, column: 'bilirubin_mg_dl', message: '99: must be at most 60' },
        { row: 4, column: 'liver_dominant', message: '"maybe" is not yes/no (true/false, 1/0)' },
        { row: 5, column: 'mrn', message: 'identifier P1 is also in row 2' },
      ]);
      const result = importCsv(db, { source: 'x.csv', content: csv, actor: 'tester' });
      expect(result.imported).toBe(false);
      expect(findPatientByIdentifier(db, 'P1')).toBeUndefined();
      // Row 3 has no family name: reported once the date is fixed.
      const fixed = csv.replace('1960-02-30', '1960-02-28').replace(/\nP3.*\nP1;Again.*$/s, '');
      const again = previewCsv(db, { source: 'x.csv', content: fixed });
      expect(again.problems).toEqual([{ row: 3, column: 'family_name', message: 'is required' }]);
      const okRow = previewCsv(db, { source: 'x.csv', content: csv.split('\n').slice(0, 2).join('\n') });
      expect(okRow.problems).toEqual([]);
      const imported = importCsv(db, { source: 'x.csv', content: csv.split('\n').slice(0, 2).join('\n'), actor: 'tester' });
      const rec = getCase(db, imported.created_case_ids[0] ?? 0);
      expect(rec?.patient.birth_date).toBe('1960-12-31');
      expect(rec?.patient.sex).toBe('female');
      expect(rec?.facts).toEqual({ ecog: 1, bilirubin_mg_dl: 1.2, prior_chemo_agents: ['oxaliplatin', 'capecitabine'], liver_dominant: true, age: ageToday('1960-12-31') });
      db.close();
    });

    it('re-importing does not duplicate patients and says what it updated, created and left unchanged', () => {
      const db = fresh();
      const csv = syntheticCsv(4);
      importCsv(db, { source: 'r.csv', content: csv, actor: 'tester' });
      const same = importCsv(db, { source: 'r.csv', content: csv, actor: 'tester' });
      expect(same.counts).toEqual({ create: 0, update: 0, unchanged: 4 });
      expect(same.imported).toBe(true);
      const changed = `${csv.replace('CSV000002,Family2,Given2,1960-02-03,M,Y-90 after FOLFOX? (row 2),colorectal,2', 'CSV000002,Family2,Given2,1960-02-03,M,Y-90 after FOLFOX? (row 2),colorectal,0')}CSV000099,New,Person,1970-01-01,F,?,hcc,1,20\r\n`;
      const result = importCsv(db, { source: 'r.csv', content: changed, actor: 'tester' });
      expect(result.counts).toEqual({ create: 1, update: 1, unchanged: 3 });
      expect(stmt(db, 'SELECT count(*) FROM patients').pluck().get()).toBe(5);
      expect(stmt(db, 'SELECT count(*) FROM cases').pluck().get()).toBe(5);
      const updated = getCase(db, result.updated_case_ids[0] ?? 0);
      expect(updated?.facts.ecog).toBe(0);
      expect(updated?.version).toBe(2);
      db.close();
    });

    it('an empty cell keeps the stored value on re-import', () => {
      const db = fresh();
      importCsv(db, { source: 'a.csv', content: 'mrn,family_name,ecog,inr\nK1,Keep,1,1.1\n', actor: 't' });
      const r = importCsv(db, { source: 'a.csv', content: 'mrn,family_name,ecog,inr\nK1,Keep,,1.3\n', actor: 't' });
      expect(r.counts).toEqual({ create: 0, update: 1, unchanged: 0 });
      expect(getCase(db, r.updated_case_ids[0] ?? 0)?.facts).toEqual({ ecog: 1, inr: 1.3 });
      db.close();
    });

    it('dry-run runs every write and rolls back', () => {
      const db = fresh();
      const before = hashTables(db);
      const result = importCsv(db, { source: 'd.csv', content: syntheticCsv(20), actor: 't', dryRun: true });
      expect(result).toMatchObject({ dry_run: true, imported: false, counts: { create: 20, update: 0, unchanged: 0 } });
      expect(result.created_case_ids).toHaveLength(20);
      expect(hashTables(db)).toBe(before);
      db.close();
    });

    it('a given mapping (with a lab unit) is saved per source and used next time', () => {
      const db = fresh();
      const csv = 'Patient No;Name;Bili;Alb\nH-1;Nowak;34,2;35\n';
      const mapping = { columns: [
        { column: 'Patient No', target: 'patient.identifier' as const },
        { column: 'Name', target: 'patient.family_name' as const },
        { column: 'Bili', target: 'fact.bilirubin_mg_dl' as const, unit: 'umol_l' },
        { column: 'Alb', target: 'fact.albumin_g_dl' as const, unit: 'g_l' },
      ] };
      const recognised = previewCsv(db, { source: 'hospital-b', content: csv });
      expect(recognised.problems[0]?.message).toMatch(/no column is mapped to the patient identifier/);
      const r = importCsv(db, { source: 'hospital-b', content: csv, mapping, actor: 't' });
      expect(r.imported).toBe(true);
      expect(getCase(db, r.created_case_ids[0] ?? 0)?.facts).toEqual({ bilirubin_mg_dl: 2, albumin_g_dl: 3.5 });
      expect(getSavedMapping(db, 'hospital-b')?.mapping).toEqual(mapping);
      const next = previewCsv(db, { source: 'hospital-b', content: csv });
      expect(next.mapping_origin).toBe('saved');
      expect(next.counts).toEqual({ create: 0, update: 0, unchanged: 1 });
      db.close();
    });

    it('a broken file (unclosed quote) imports nothing and names the row', () => {
      const db = fresh();
      const before = hashTables(db);
      const r = importCsv(db, { source: 'b.csv', content: 'mrn,family_name\nA1,"Open\n', actor: 't' });
      expect(r.imported).toBe(false);
      expect(r.problems.some((p) => p.row === 2 && /quote/i.test(p.message))).toBe(true);
      expect(hashTables(db)).toBe(before);
      db.close();
    });
    });
}
