/** FHIR import into a board, on either engine (fhir.test.ts: SQLite; fhir.pg.test.ts: PostgreSQL): the real example files, labs and units, re-import, malformed files refused whole. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCase } from '../../../db/repositories/cases';
import { verifyAuditChain } from '../../../db/audit';
import { importFhir, previewFhir } from '../../../electron/imports/fhir/import';
import { stmt } from '../../../db/statements';
import { useEngine, type Engine } from '../helpers/engines';
import { FHIR_EXAMPLES, FIXTURES, hashTables } from './helpers';

const read = (dir: string, file: string) => ({ source: file, content: readFileSync(path.join(dir, file), 'utf8') });
const NOW = new Date('2026-11-27T10:00:00Z');
const PATIENT01 = 'mcode-ctma_TrialMatching_Patient01_breast_liver-mets_ECOG1.json';

/** Every real example file, with what the import must do with it. */
const EXPECTED: Record<string, { imports: boolean; error?: RegExp }> = {
  [PATIENT01]: { imports: true },
  'mcode-mef_csv-staging-bundle_TNM.json': { imports: false, error: /Observation\/626b61fd[0-9a-f]+: subject reference "urn:uuid:mrn-1" does not resolve/ },
  'mcode-mef_csv-ctc-adverse-event-bundle_CTCAE.json': { imports: false, error: /AdverseEvent\/adverseEventId-1: subject reference "urn:uuid:mrn-1" does not resolve/ },
  'hl7-mcode-ig_tumor-size-observation_STU4_valid-specimen-only.json': { imports: false, error: /resourceType is "Observation"; expected "Bundle"/ },
  'synthea_sample-bulk-10-patients_Condition_patient-129c6ac7-8d06-89de-ad63-0204a93e76c3.ndjson': {
    imports: false, error: /Condition\/0023b3a7-2ded-840c-ee5b-6b123fdcfb0b: subject reference "Patient\/129c6ac7-8d06-89de-ad63-0204a93e76c3" does not resolve/,
  },
};

export function fhirImportSuite(engine: Engine): void {
  const fresh = useEngine(engine).open;

  describe(`FHIR import of the real example files on ${engine}`, () => {
    it('covers every file in ../shared/clinical/fhir-examples', () => {
      const files = readdirSync(FHIR_EXAMPLES).filter((f) => f.endsWith('.json') || f.endsWith('.ndjson')).sort();
      expect(files).toEqual(Object.keys(EXPECTED).sort());
    });

    for (const [file, expected] of Object.entries(EXPECTED)) {
      it(`${file}: ${expected.imports ? 'imports' : 'is refused whole, naming the file and resource'}`, () => {
        const db = fresh();
        const before = hashTables(db);
        const result = importFhir(db, { ...read(FHIR_EXAMPLES, file), actor: 'tester' }, NOW);
        expect(result.imported).toBe(expected.imports);
        if (expected.error) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors[0]?.startsWith(`${file}: `)).toBe(true);
          expect(result.errors.some((e) => expected.error?.test(e))).toBe(true);
          expect(hashTables(db)).toBe(before);
        }
        db.close();
      });
    }

    it('Patient01: one case with primary breast, liver metastases, ECOG 1, agents and the missing facts; twice = no duplicate', () => {
      const db = fresh();
      const input = { ...read(FHIR_EXAMPLES, PATIENT01), actor: 'tester' };
      const preview = previewFhir(db, input, NOW);
      expect(preview.errors).toEqual([]);
      expect(preview.action).toBe('create');
      const first = importFhir(db, input, NOW);
      expect(first.imported).toBe(true);
      const rec = getCase(db, first.case_id ?? 0);
      expect(rec?.patient).toMatchObject({ identifier: 'a123', family_name: 'TrialMatching', given_name: 'Patient B', birth_date: '1959-01-01', sex: 'female' });
      expect(rec?.facts).toEqual({
        age: 67,
        primary_tumor: 'breast',
        ecog: 1,
        extrahepatic_sites: ['axillary lymph nodes', 'bone'],
        prior_chemo_agents: ['leuprolide', 'fulvestrant', 'abemaciclib', 'ribociclib'],
        prior_systemic_lines: 2,
      });
      expect(rec?.diagnosis).toBe('Infiltrating duct carcinoma of breast; stage IV; metastases: axillary lymph nodes, liver, bone; ER positive, PR positive, HER2 negative, MSI positive');
      expect(first.mapped).toContainEqual({ resource: 'Condition/mCODETrialMatchingSecondaryCancerCondition02PatientExample01', target: 'liver metastases', value: 'present', note: 'SNOMED 94381002 (diagnosis text)' });
      expect(first.mapped).toContainEqual({ resource: 'Observation/mCODETrialMatchingECOGPerformanceStatusPatientExample01', target: 'ecog', value: '1', note: 'effective 2019-04-01' });
      expect(first.not_mapped).toContainEqual({ resource: 'Observation/mCODETrialMatchingCancerGeneticVariantPatientExample01', reason: 'genomic variant (estrogen receptor 1): no CONTRACT fact' });
      expect(first.missing_facts).toContain('liver_replacement_pct');
      expect(first.missing_facts).toContain('bilirubin_mg_dl');
      expect(first.missing_facts).not.toContain('ecog');
      const second = importFhir(db, input, NOW);
      expect(second).toMatchObject({ imported: true, action: 'unchanged', case_id: first.case_id, patient_id: first.patient_id });
      expect(stmt(db, 'SELECT count(*) FROM patients').pluck().get()).toBe(1);
      expect(stmt(db, 'SELECT count(*) FROM cases').pluck().get()).toBe(1);
      expect(verifyAuditChain(db).ok).toBe(true);
      db.close();
    });
  });

  describe(`FHIR import: labs, units, NDJSON, re-import on ${engine}`, () => {
    it('maps labs by LOINC with unit conversion (latest value wins), ECOG by LA code, ICD-10 primary, medications into lines', () => {
      const db = fresh();
      const json = importFhir(db, { ...read(path.join(FIXTURES, 'fhir'), 'synthetic-crc-labs.json'), actor: 't' }, NOW);
      expect(json.errors).toEqual([]);
      const rec = getCase(db, json.case_id ?? 0);
      expect(rec?.facts).toEqual({
        age: 65, primary_tumor: 'colorectal', ecog: 2, bilirubin_mg_dl: 2, albumin_g_dl: 3.5, inr: 1.1, creatinine_mg_dl: 1, sodium_mmol_l: 138,
        prior_chemo_agents: ['oxaliplatin', 'capecitabine', 'irinotecan'], prior_systemic_lines: 2, prior_hepatotoxic_chemo: true,
      });
      expect(rec?.diagnosis).toBe('Malignant neoplasm of sigmoid colon; metastases: liver; CEA 42 ng/mL');
      expect(json.not_mapped).toContainEqual({ resource: 'Observation/crc-ast', reason: 'observation not used for case facts: http://loinc.org|1920-8 (LOINC 1920-8)' });
      // The same resources as NDJSON: the same patient, nothing changed.
      const nd = importFhir(db, { ...read(path.join(FIXTURES, 'fhir'), 'synthetic-crc-labs.ndjson'), actor: 't' }, NOW);
      expect(nd).toMatchObject({ imported: true, action: 'unchanged', case_id: json.case_id });
      expect(stmt(db, 'SELECT count(*) FROM patients').pluck().get()).toBe(1);
      db.close();
    });

    it('a changed lab on re-import updates the same case (version 2) and keeps facts the file does not carry', () => {
      const db = fresh();
      const src = read(path.join(FIXTURES, 'fhir'), 'synthetic-crc-labs.json');
      const first = importFhir(db, { ...src, actor: 't' }, NOW);
      const rec = getCase(db, first.case_id ?? 0);
      if (!rec) throw new Error('no case');
      stmt(db, 'SELECT 1').get();
      const changed = src.content.replace('"value": 138', '"value": 131');
      const again = importFhir(db, { source: src.source, content: changed, actor: 't' }, NOW);
      expect(again).toMatchObject({ imported: true, action: 'update', case_id: first.case_id });
      const after = getCase(db, first.case_id ?? 0);
      expect(after?.facts.sodium_mmol_l).toBe(131);
      expect(after?.version).toBe(2);
      db.close();
    });
  });

  describe(`FHIR import: malformed files fail cleanly, nothing written on ${engine}`, () => {
    const cases: [string, RegExp][] = [
      ['not-json.json', /^not-json\.json: not JSON \(/],
      ['wrong-resource-type.json', /^wrong-resource-type\.json: resourceType is "Patient"; expected "Bundle"/],
      ['dstu2-condition.json', /^dstu2-condition\.json: Condition\/c-dstu2: field "patient" is DSTU2; FHIR R4 uses "subject" \(this file is not FHIR R4\)$/],
      ['unresolved-reference.json', /^unresolved-reference\.json: Observation\/o-ref: subject reference "Patient\/somebody-else" does not resolve to a resource in this file$/],
    ];
    for (const [file, message] of cases) {
      it(file, () => {
        const db = fresh();
        const before = hashTables(db);
        const result = importFhir(db, { ...read(path.join(FIXTURES, 'fhir'), file), actor: 't' }, NOW);
        expect(result.imported).toBe(false);
        expect(result.errors[0]).toMatch(message);
        expect(result.case_id).toBeNull();
        expect(hashTables(db)).toBe(before);
        db.close();
      });
    }

    it('a resource that breaks the R4 structure names the field', () => {
      const db = fresh();
      const bad = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
        { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p', identifier: [{ value: 'B1' }], name: [{ family: 'X' }], gender: 'woman' } },
      ] });
      const result = importFhir(db, { source: 'bad.json', content: bad, actor: 't' }, NOW);
      expect(result.errors).toEqual(['bad.json: Patient/p: field gender: Invalid option: expected one of "male"|"female"|"other"|"unknown"']);
      db.close();
    });
  });
}
