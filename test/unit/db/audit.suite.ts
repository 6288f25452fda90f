/** The audit log and the protection triggers, on either engine (audit.test.ts: SQLite; audit.pg.test.ts: PostgreSQL). */
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../db/audit';
import { checkDatabase } from '../../../db/check';
import { createCase } from '../../../db/repositories/cases';
import { stmt } from '../../../db/statements';
import type { SqlDb } from '../../../db/sql/port';
import { caseInput, patient } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';

/** Someone with rights on the table drops a protection trigger (PostgreSQL names the table too). */
export function dropTrigger(db: SqlDb, trigger: string, table: string): void {
    db.exec(db.dialect === 'postgres' ? `DROP TRIGGER ${trigger} ON ${table}` : `DROP TRIGGER ${trigger}`);
  }

  export function auditSuite(engine: Engine): void {
  const fresh = useEngine(engine).open;

  function dbWithHistory() {
    const db = fresh();
    for (let i = 0; i < 4; i++) createCase(db, { patient: patient({ identifier: `MRN${i}` }), case: caseInput() }, `user${i}`);
    return db; // 8 audit rows: patient.create + case.create per case
  }

  describe(`audit log on ${engine}`, () => {
    it('chains every row and verifies', () => {
      const db = dbWithHistory();
      expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 8, keyedFrom: 1 });
    });

    it('is append-only: UPDATE and DELETE are refused by triggers', () => {
      const db = dbWithHistory();
      expect(() => stmt(db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3").run()).toThrow(/append-only/);
      expect(() => stmt(db, 'DELETE FROM audit_log WHERE id = 8').run()).toThrow(/append-only/);
    });

    it('names the altered row when the triggers are bypassed', () => {
      const db = dbWithHistory();
      dropTrigger(db, 'audit_log_no_update', 'audit_log');
      stmt(db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3").run();
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, rowId: 3, reason: expect.stringContaining('audit row 3') });
      const report = checkDatabase(db);
      expect(report.ok).toBe(false);
      expect(report.problems).toContain('audit: protection trigger audit_log_no_update is missing (audit log can be altered)');
      expect(report.problems.some((p) => p.startsWith('audit row 3:'))).toBe(true);
    });

    it('detects a deleted row by the broken sequence', () => {
      const db = dbWithHistory();
      dropTrigger(db, 'audit_log_no_delete', 'audit_log');
      stmt(db, 'DELETE FROM audit_log WHERE id = 5').run();
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, rowId: 6 });
    });

    it('refuses to write outside a transaction', () => {
      const db = dbWithHistory();
      expect(() => appendAudit(db, { actor: 'x', action: 'y', entity: 'z', entityId: 1, before: null, after: null })).toThrow(/inside the transaction/);
    });
  });

  describe(`check and the protection triggers on ${engine}`, () => {
    it('reports a dropped outcomes trigger', () => {
      const db = dbWithHistory();
      expect(checkDatabase(db).ok).toBe(true);
      dropTrigger(db, 'toxicities_retract_only', 'toxicities');
      expect(checkDatabase(db).problems).toEqual(['outcomes: protection trigger toxicities_retract_only is missing (recorded outcomes can be altered)']);
    });
  });
}
