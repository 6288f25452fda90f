import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations/index';
import { createCase, expectedSearchBodies, getCase } from '../../../db/repositories/cases';
import { checkDatabase } from '../../../db/check';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';

const tmp = useTempDir();

describe('migration 002 (meetings)', () => {
  it('migrates a version-1 database with a case: data kept, new columns null, new tables and triggers present', () => {
    const file = path.join(tmp(), 'v1.db');
    const v1 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    expect(v1.db.pragma('user_version', { simple: true })).toBe(1);
    // A v1 case row, written with v1's columns only.
    v1.db.transaction(() => {
      v1.db.prepare("INSERT INTO patients (id, identifier, family_name, given_name, birth_date, sex, created_at, updated_at) VALUES (1, 'MRN1', 'Ødegård', 'Zoë', '1961-04-12', 'female', 't', 't')").run();
      v1.db.prepare("INSERT INTO cases (id, patient_id, status, primary_tumor, sort_name, created_at, updated_at) VALUES (1, 1, 'ready', 'hcc', 'odegard zoe', 't', 't')").run();
      v1.db.prepare(`INSERT INTO case_details (case_id, referring_clinician, diagnosis, question, facts) VALUES (1, 'Dr. A', 'HCC', 'TACE?', '{"primary_tumor":"hcc","ecog":0}')`).run();
      v1.db.prepare('INSERT INTO case_search (rowid, body) VALUES (1, ?)').run(expectedSearchBodies(v1.db).get(1));
    })();
    v1.db.close();

    const v2 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    expect(v2.fromVersion).toBe(1);
    expect(v2.backupPath).toMatch(/\.pre-v2-.*\.bak$/);
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(getCase(v2.db, 1)).toMatchObject({
      status: 'ready', diagnosis: 'HCC', question: 'TACE?', facts: { primary_tumor: 'hcc', ecog: 0 }, last_imaging_date: null, last_labs_date: null,
      patient: { identifier: 'MRN1', family_name: 'Ødegård' },
    });
    const tables = v2.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['profiles', 'boards', 'meetings', 'attendees', 'agenda_items', 'decisions', 'decision_amendments', 'followups']));
    const created = createCase(v2.db, { patient: patient({ identifier: 'MRN2' }), case: { ...caseInput(), last_imaging_date: '2026-02-01', last_labs_date: '2026-02-10' } }, 'test');
    expect(getCase(v2.db, created.id)).toMatchObject({ last_imaging_date: '2026-02-01', last_labs_date: '2026-02-10' });
    expect(() => v2.db.prepare("UPDATE case_details SET last_labs_date = 'yesterday' WHERE case_id = 1").run()).toThrow(/CHECK constraint/);
    expect(checkDatabase(v2.db).problems).toEqual([]);
    v2.db.close();
  });
});
