/** The case repository, on either engine (cases-repository.test.ts: SQLite; cases-repository.pg.test.ts: PostgreSQL). */
import { ageOn, machineClock, todayIn } from '../../../shared/time/clock';
import { describe, expect, it } from 'vitest';
import { buildListSql, createCase, getCase, listCases, toMatchQuery, updateCase } from '../../../db/repositories/cases';
import { checkDatabase } from '../../../db/check';
import { caseListQuerySchema, type CaseListQuery } from '../../../shared/domain/case';
import { DomainError } from '../../../shared/errors';
import { stmt } from '../../../db/statements';
import type { SqlDb } from '../../../db/sql/port';
import { caseInput, patient } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';

/** The age the repository derives from a birth date today (issue 13). */
const ageToday = (birth: string): number => ageOn(birth, todayIn(machineClock().time_zone));

const list = (db: SqlDb, q: CaseListQuery) => listCases(db, caseListQuerySchema.parse(q));
const auditCount = (db: SqlDb) => stmt(db, 'SELECT count(*) FROM audit_log').pluck().get();

function seedNames(db: SqlDb) {
  const people = [
    { identifier: 'MRN1', family_name: 'Ødegård', given_name: 'Zoë' },
    { identifier: 'MRN2', family_name: 'Núñez', given_name: 'José' },
    { identifier: 'MRN3', family_name: 'Wróbel', given_name: 'Łukasz' },
    { identifier: 'MRN4', family_name: 'Straße', given_name: 'Jürgen' },
  ];
  return people.map((p, i) =>
    createCase(db, { patient: patient(p), case: caseInput({ status: i % 2 ? 'ready' : 'draft', facts: { primary_tumor: i < 2 ? 'colorectal' : 'hcc' } }) }, 'tester', `2026-11-0${i + 1}T10:00:00.000Z`),
  );
}

export function casesRepositorySuite(engine: Engine): void {
  const fresh = useEngine(engine).open;

  describe(`case repository on ${engine}`, () => {
    it('creates a case with its patient, search row and audit rows in one transaction', () => {
      const db = fresh();
      const created = createCase(db, { patient: patient(), case: caseInput() }, 'Dr Test');
      expect(created.version).toBe(1);
      expect(getCase(db, created.id)).toEqual(created);
      const audit = stmt(db, 'SELECT actor, action, entity, entity_id FROM audit_log ORDER BY id').all();
      expect(audit).toEqual([
        { actor: 'Dr Test', action: 'patient.create', entity: 'patient', entity_id: String(created.patient.id) },
        { actor: 'Dr Test', action: 'case.create', entity: 'case', entity_id: String(created.id) },
      ]);
      expect(checkDatabase(db).ok).toBe(true);
    });

    it('stores only known facts (nulls dropped)', () => {
      const db = fresh();
      const created = createCase(db, { patient: patient(), case: caseInput({ facts: { primary_tumor: 'hcc', ecog: null, bclc_stage: 'B' } }) }, 't');
      expect(getCase(db, created.id)?.facts).toEqual({ primary_tumor: 'hcc', bclc_stage: 'B', age: ageToday('1961-04-12') });
    });

    it('refuses a duplicate identifier and changes nothing', () => {
      const db = fresh();
      createCase(db, { patient: patient(), case: caseInput() }, 't');
      const before = auditCount(db);
      expect(() => createCase(db, { patient: patient({ family_name: 'Other' }), case: caseInput() }, 't')).toThrow(/MRN0000001 already exists/);
      expect(auditCount(db)).toBe(before);
      expect(stmt(db, 'SELECT count(*) FROM cases').pluck().get()).toBe(1);
    });

    it('updates with optimistic concurrency: a stale version is a CONFLICT that changes nothing', () => {
      const db = fresh();
      const c = createCase(db, { patient: patient(), case: caseInput() }, 't');
      const updated = updateCase(db, { id: c.id, version: 1, patient: patient(), case: caseInput({ facts: { primary_tumor: 'colorectal', bilirubin_mg_dl: 2.5 } }) }, 'editor');
      expect(updated.version).toBe(2);
      expect(getCase(db, c.id)?.facts.bilirubin_mg_dl).toBe(2.5);
      const lastAudit = stmt(db, 'SELECT action, before, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; before: string; after: string };
      expect(lastAudit.action).toBe('case.update');
      expect(JSON.parse(lastAudit.before).facts.bilirubin_mg_dl).toBe(0.8);
      expect(JSON.parse(lastAudit.after).facts.bilirubin_mg_dl).toBe(2.5);

      const auditBefore = auditCount(db);
      let error: unknown;
      try {
        updateCase(db, { id: c.id, version: 1, patient: patient(), case: caseInput({ question: 'lost?' }) }, 'late editor');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CONFLICT');
      expect(getCase(db, c.id)?.question).toBe(caseInput().question);
      expect(auditCount(db)).toBe(auditBefore);
    });

    it('search forgives accents and special letters (odegard, lukasz, nunez, strasse)', () => {
      const db = fresh();
      seedNames(db);
      const names = (search: string) => list(db, { search }).rows.map((r) => r.family_name);
      expect(names('odegard')).toEqual(['Ødegård']);
      expect(names('lukasz')).toEqual(['Wróbel']);
      expect(names('nunez')).toEqual(['Núñez']);
      expect(names('NÚÑEZ jos')).toEqual(['Núñez']);
      expect(names('strasse')).toEqual(['Straße']);
      expect(names('mrn3')).toEqual(['Wróbel']);
      expect(names('zzz')).toEqual([]);
      expect(toMatchQuery('  "ode*  (gard) ', 'sqlite')).toBe('"ode"* "gard"*');
      expect(toMatchQuery('  "ode*  (gard) ', 'postgres')).toBe('ode:* & gard:*');
      expect(toMatchQuery('   ', db.dialect)).toBeNull();
    });

    it('filters by status and primary, sorts, and pages', () => {
      const db = fresh();
      seedNames(db);
      expect(list(db, { statuses: ['ready'] }).rows.map((r) => r.family_name).sort()).toEqual(['Núñez', 'Straße']);
      expect(list(db, { primaries: ['hcc'] }).total).toBe(2);
      expect(list(db, { primaries: ['hcc'], statuses: ['ready'] }).rows.map((r) => r.family_name)).toEqual(['Straße']);
      expect(list(db, { sort: 'name', direction: 'asc' }).rows.map((r) => r.family_name)).toEqual(['Núñez', 'Ødegård', 'Straße', 'Wróbel']);
      expect(list(db, { sort: 'updated_at', direction: 'desc' }).rows.map((r) => r.identifier)).toEqual(['MRN4', 'MRN3', 'MRN2', 'MRN1']);
      expect(list(db, { sort: 'status', direction: 'asc' }).rows.map((r) => r.status)).toEqual(['draft', 'draft', 'ready', 'ready']);
      const page = list(db, { sort: 'identifier', direction: 'asc', offset: 1, limit: 2 });
      expect(page).toMatchObject({ total: 4, offset: 1 });
      expect(page.rows.map((r) => r.identifier)).toEqual(['MRN2', 'MRN3']);
      expect(list(db, { offset: 10 }).rows).toEqual([]);
    });

    it('keeps the search index in step when a patient is renamed (all their cases)', () => {
      const db = fresh();
      const first = createCase(db, { patient: patient(), case: caseInput() }, 't');
      createCase(db, { patient_id: first.patient.id, case: caseInput({ question: 'Re-listing after TACE' }) }, 't');
      updateCase(db, { id: first.id, version: 1, patient: patient({ family_name: 'Łopez' }), case: caseInput() }, 't');
      expect(list(db, { search: 'lopez' }).total).toBe(2);
      expect(list(db, { search: 'odegard' }).total).toBe(0);
      expect(list(db, { sort: 'name' }).rows.every((r) => r.family_name === 'Łopez')).toBe(true);
      expect(checkDatabase(db)).toMatchObject({ ok: true, cases: 2 });
    });

    it('gives the same page whichever search plan is chosen (narrow or broad match)', () => {
      const db = fresh();
      seedNames(db);
      for (const q of [{ search: 'mrn', sort: 'name' as const }, { search: 'mrn', statuses: ['draft' as const] }, { search: 'jur', sort: 'identifier' as const }]) {
        const parsed = caseListQuerySchema.parse(q);
        const run = (broad: boolean) => {
          const sql = buildListSql(parsed, broad, db.dialect);
          return stmt(db, sql.rowsSql).all(...sql.params, 100, 0, ...(sql.totalInRows ? sql.params : []));
        };
        expect(run(true)).toEqual(run(false));
        expect(run(true).length).toBeGreaterThan(0);
      }
    });
  });
}
