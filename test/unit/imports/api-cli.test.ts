import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/api/dispatcher';
import { buildHandlers } from '../../../electron/app/context';
import { runCli } from '../../../electron/cli/main';
import { caseToFhirBundle } from '../../../electron/exports/fhir';
import { importFhir } from '../../../electron/imports/fhir/import';
import { getCase, createCase } from '../../../db/repositories/cases';
import { openDatabase } from '../../../db/open';
import { seatCtx, caseInput, patient, useTempDir } from '../helpers/fixtures';
import { FHIR_EXAMPLES, openTestDb, syntheticCsv } from './helpers';

const temp = useTempDir();
const PATIENT01 = path.join(FHIR_EXAMPLES, 'mcode-ctma_TrialMatching_Patient01_breast_liver-mets_ECOG1.json');

function cliIO() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), readStdin: async () => '' } };
}

describe('API operations', () => {
  it('csvPreview / csvImport / fhirImport / exports.caseFhir / backups through the dispatcher', async () => {
    const db = openTestDb(temp());
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
    expect(created).toMatchObject({ ok: true, value: { kind: 'manual' } });
    const list = await dispatch('backups.list', {}, ctx);
    expect(list.ok && (list.value as unknown[]).length).toBe(1);
    const restore = await dispatch('backups.restore', { file: 'board-manual-2000-01-01T00-00-00-000Z.sqlite' }, ctx);
    expect(restore).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    db.close();
  });
});

describe('FHIR export', () => {
  it('round-trips through the importer: same patient, primary, ECOG, labs, agents, liver metastases', () => {
    const db = openTestDb(temp());
    const rec = createCase(db, { patient: patient(), case: caseInput({
      diagnosis: 'Sigmoid adenocarcinoma; metastases: liver',
      facts: { primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 0.8, albumin_g_dl: 3.9, inr: 1.1, creatinine_mg_dl: 0.9, sodium_mmol_l: 139, prior_chemo_agents: ['oxaliplatin'], extrahepatic_sites: ['lung'] },
    }) }, 't');
    const bundle = caseToFhirBundle(rec, new Date('2026-11-27T00:00:00Z'));
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual(['Patient', 'Condition', 'Condition', 'Condition', 'Observation', 'Observation', 'Observation', 'Observation', 'Observation', 'Observation', 'MedicationStatement']);
    const other = openTestDb(temp());
    const back = importFhir(other, { source: 'export.json', content: JSON.stringify(bundle), actor: 't' }, new Date('2026-11-27T00:00:00Z'));
    expect(back.errors).toEqual([]);
    const again = getCase(other, back.case_id ?? 0);
    expect(again?.patient).toMatchObject({ identifier: 'MRN0000001', family_name: 'Ødegård', given_name: 'Zoë', birth_date: '1961-04-12', sex: 'female' });
    expect(again?.facts).toMatchObject({ primary_tumor: 'colorectal', ecog: 1, bilirubin_mg_dl: 0.8, albumin_g_dl: 3.9, inr: 1.1, creatinine_mg_dl: 0.9, sodium_mmol_l: 139, prior_chemo_agents: ['oxaliplatin'], extrahepatic_sites: ['lung'] });
    expect(back.mapped.some((m) => m.target === 'liver metastases')).toBe(true);
    db.close();
    other.close();
  });
});

describe('CLI', () => {
  it('import-fhir Patient01 twice: one case, breast, ECOG 1, missing facts listed, no duplicate patient', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'b.sqlite');
    openDatabase(dbPath).db.close();
    const a = cliIO();
    expect(await runCli(['import-fhir', '--db', dbPath, PATIENT01], a.io)).toBe(0);
    expect(a.out[0]).toMatch(/^created: case 1 for patient a123$/);
    expect(a.out).toContain('  primary_tumor = breast   (Condition/mCODETrialMatchingPrimaryCancerConditionExample01; Infiltrating duct carcinoma of breast (disorder))');
    expect(a.out.some((l) => l.startsWith('  liver metastases = present'))).toBe(true);
    expect(a.out.some((l) => l.startsWith('  ecog = 1'))).toBe(true);
    expect(a.out.at(-1)).toMatch(/^missing facts \(\d+\): .*bilirubin_mg_dl/);
    const b = cliIO();
    expect(await runCli(['import-fhir', '--db', dbPath, PATIENT01], b.io)).toBe(0);
    expect(b.out[0]).toBe('unchanged: case 1 for patient a123');
    const db = openDatabase(dbPath).db;
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
    db.close();
  });

  it('import-csv reports row and column and exits 1; --dry-run writes nothing; export-fhir and restore', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'b.sqlite');
    openDatabase(dbPath).db.close();
    const csv = path.join(dir, 'list.csv');
    writeFileSync(csv, syntheticCsv(50, { badRow: 7 }));
    const bad = cliIO();
    expect(await runCli(['import-csv', '--db', dbPath, csv], bad.io)).toBe(1);
    expect(bad.err).toContain('list.csv: row 8, column ecog: "seven" is not a number');
    writeFileSync(csv, syntheticCsv(50));
    const dry = cliIO();
    expect(await runCli(['import-csv', '--db', dbPath, csv, '--dry-run'], dry.io)).toBe(0);
    expect(dry.out).toEqual(['dry run (nothing written): would create 50, update 0, unchanged 0']);
    const real = cliIO();
    expect(await runCli(['import-csv', '--db', dbPath, csv], real.io)).toBe(0);
    expect(real.out).toEqual(['created 50, updated 0, unchanged 0']);
    expect(real.err.at(-1)).toBe('progress: 50/50');
    const out = path.join(dir, 'case.json');
    const ex = cliIO();
    expect(await runCli(['export-fhir', '--db', dbPath, '--case', '3', '--out', out], ex.io)).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const notDb = path.join(dir, 'x.sqlite');
    writeFileSync(notDb, 'garbage'.repeat(50));
    const before = readFileSync(dbPath);
    const rs = cliIO();
    expect(await runCli(['restore', '--db', dbPath, '--from', notDb], rs.io)).toBe(1);
    expect(rs.err[0]).toMatch(/restore refused; the current database was not changed: x\.sqlite is not a SQLite database/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});
