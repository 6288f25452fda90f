/** Imports and exports through the dispatcher and the CLI, on either engine (api-cli.test.ts: SQLite; api-cli.pg.test.ts: PostgreSQL); backups and restore are SQLite files (refused in words on PostgreSQL). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/dispatcher';
import { buildHandlers } from '../../../electron/app/context';
import { runCli } from '../../../electron/cli/main';
import { caseToFhirBundle } from '../../../electron/exports/fhir';
import { importFhir } from '../../../electron/imports/fhir/import';
import { getCase, createCase } from '../../../db/repositories/cases';
import { stmt } from '../../../db/statements';
import { seatCtx, caseInput, patient } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';
import { FHIR_EXAMPLES, syntheticCsv } from './helpers';

const PATIENT01 = path.join(FHIR_EXAMPLES, 'mcode-ctma_TrialMatching_Patient01_breast_liver-mets_ECOG1.json');

function cliIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), readStdin: async () => '' } };
}

export function importsApiSuite(engine: Engine): void {
  const fixture = useEngine(engine);
  const temp = () => fixture.tmp();

  describe(`API operations on ${engine}`, () => {
    it('csvPreview / csvImport / fhirImport / exports.caseFhir / backups through the dispatcher', async () => {
      const db = fixture.open();
      const dispatch = createDispatcher(buildHandlers(db, { transport: 'cli' }));
      const ctx = seatCtx('api-test');
      const preview = await dispatch('imports.csvPreview', { source: 'a.csv', content: syntheticCsv(2) }, ctx);
      expect(preview).toMatchObject({ ok: true, value: { valid_rows: 2, counts: { create: 2 } } });
      const imported = await dispatch('imports.csvImport', { source: 'a.csv', content: syntheticCsv(2) }, ctx);
      expect(imported).toMatchObject({ ok: true, value: { imported: true, dry_run: false, counts: { create: 2 } } });
      const badInput = await dispatch('imports.csvImport', { source: 'a.csv', content: 'x', path: '/etc/passwd' }, ctx);
      expect(badInput).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      const fhir = await dispatch('imports.fhirImport', { source: 'p01.json', content: readFileSync(PATIENT01, 'utf8') }, ctx);
      expect(fhir).toMatchObject({ ok: true, value: { imported: true, action: 'create' } });
      const caseId = fhir.ok ? (fhir.value as { case_id: number }).case_id : 0;
      const exported = await dispatch('exports.caseFhir', { id: caseId }, ctx);
      expect(exported).toMatchObject({ ok: true, value: { file_name: `case-${caseId}.fhir.json` } });
      const created = await dispatch('backups.create', {}, ctx);
      if (engine === 'postgres') {
        // A board on PostgreSQL is backed up by its database administrators: refused in words, nothing written.
        expect(created).toEqual({ ok: false, error: { code: 'READ_ONLY', message: 'Backups from the app: only for a board kept in a SQLite file; a board on PostgreSQL is backed up and restored by its database administrators (pg_dump, pg_restore)' } });
        return;
      }
      expect(created).toMatchObject({ ok: true, value: { kind: 'manual' } });
      const list = await dispatch('backups.list', {}, ctx);
      expect(list.ok && (list.value as unknown[]).length).toBe(1);
      const restore = await dispatch('backups.restore', { file: 'board-manual-2000-01-01T00-00-00-000Z.sqlite' }, ctx);
      expect(restore).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  describe(`FHIR export on ${engine}`, () => {
    it('round-trips through the importer: same patient, primary, ECOG, labs, agents, liver metastases', () => {
      const db = fixture.open();
      const rec = createCase(db, { patient: patient(), case: caseInput({
        diagnosis: 'Sigmoid adenocarcinoma; metastases: liver',
        facts: { primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 0.8, albumin_g_dl: 3.9, inr: 1.1, creatinine_mg_dl: 0.9, sodium_mmol_l: 139, prior_chemo_agents: ['oxaliplatin'], extrahepatic_sites: ['lung'] },
      }) }, 't');
      const bundle = caseToFhirBundle(rec, new Date('2026-11-27T00:00:00Z'));
      expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['Patient', 'Condition', 'Condition', 'Condition', 'Observation', 'Observation', 'Observation', 'Observation', 'Observation', 'Observation', 'MedicationStatement']);
      const other = fixture.open();
      const back = importFhir(other, { source: 'export.json', content: JSON.stringify(bundle), actor: 't' }, new Date('2026-11-27T00:00:00Z'));
      expect(back.errors).toEqual([]);
      const again = getCase(other, back.case_id ?? 0);
      expect(again?.patient).toMatchObject({ identifier: 'MRN0000001', family_name: 'Ødegård', given_name: 'Zoë', birth_date: '1961-04-12', sex: 'female' });
      expect(again?.facts).toMatchObject({ primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 0.8, albumin_g_dl: 3.9, inr: 1.1, creatinine_mg_dl: 0.9, sodium_mmol_l: 139, prior_chemo_agents: ['oxaliplatin'], extrahepatic_sites: ['lung'] });
      expect(back.mapped.some((m) => m.target === 'liver metastases')).toBe(true);
    });
  });

  describe(`CLI on ${engine}`, () => {
    it('import-fhir Patient01 twice: one case, breast, ECOG 1, missing facts listed, no duplicate patient', async () => {
      const store = fixture.place();
      fixture.reopen(store).close();
      const board = fixture.cliArgs(store);
      const a = cliIO();
      expect(await runCli(['import-fhir', ...board, PATIENT01], a.io)).toBe(0);
      expect(a.out[0]).toMatch(/^created: case 1 for patient a123$/);
      expect(a.out).toContain('  primary_tumor = breast   (Condition/mCODETrialMatchingPrimaryCancerConditionExample01; Infiltrating duct carcinoma of breast (disorder))');
      expect(a.out.some((l) => l.startsWith('  liver metastases = present'))).toBe(true);
      expect(a.out.some((l) => l.startsWith('  ecog = 1'))).toBe(true);
      expect(a.out.at(-1)).toMatch(/^missing facts \(\d+\): .*bilirubin_mg_dl/);
      const b = cliIO();
      expect(await runCli(['import-fhir', ...board, PATIENT01], b.io)).toBe(0);
      expect(b.out[0]).toBe('unchanged: case 1 for patient a123');
      expect(stmt(fixture.reopen(store), 'SELECT count(*) FROM patients').pluck().get()).toBe(1);
    });

    it('import-csv reports row and column and exits 1; --dry-run writes nothing; export-fhir; restore refuses a file that is no board', async () => {
      const dir = temp();
      const store = fixture.place();
      fixture.reopen(store).close();
      const board = fixture.cliArgs(store);
      const csv = path.join(dir, 'list.csv');
      writeFileSync(csv, syntheticCsv(50, { badRow: 7 }));
      const bad = cliIO();
      expect(await runCli(['import-csv', ...board, csv], bad.io)).toBe(1);
      expect(bad.err).toContain('list.csv: row 8, column ecog: "seven" is not a number');
      writeFileSync(csv, syntheticCsv(50));
      const dry = cliIO();
      expect(await runCli(['import-csv', ...board, csv, '--dry-run'], dry.io)).toBe(0);
      expect(dry.out).toEqual(['dry run (nothing written): would create 50, update 0, unchanged 0']);
      const real = cliIO();
      expect(await runCli(['import-csv', ...board, csv], real.io)).toBe(0);
      expect(real.out).toEqual(['created 50, updated 0, unchanged 0']);
      expect(real.err.at(-1)).toBe('progress: 50/50');
      const out = path.join(dir, 'case.json');
      // The third row's case (on PostgreSQL the failed import above used up sequence numbers: ids are unique, not gapless).
      const third = stmt(fixture.reopen(store), "SELECT c.id FROM cases c JOIN patients p ON p.id = c.patient_id WHERE p.identifier = 'CSV000003'").pluck().get() as number;
      const ex = cliIO();
      expect(await runCli(['export-fhir', ...board, '--case', String(third), '--out', out], ex.io), ex.err.join('\n')).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      // Restore replaces a SQLite file: the rest is SQLite-only.
      const dbPath = store.dbPath;
      if (dbPath === undefined) return;
      const notDb = path.join(dir, 'x.sqlite');
      writeFileSync(notDb, 'garbage'.repeat(50));
      const before = readFileSync(dbPath);
      const rs = cliIO();
      expect(await runCli(['restore', '--db', dbPath, '--from', notDb], rs.io)).toBe(1);
      expect(rs.err[0]).toMatch(/restore refused; the current database was not changed: x\.sqlite is not a SQLite database/);
      expect(readFileSync(dbPath).equals(before)).toBe(true);
    });
  });
}
