/**
 * What `check` and `audit` print, and the errors a user reads, on either engine (messages.test.ts: SQLite;
 * messages.pg.test.ts: PostgreSQL): the same scenario gives the same words; only the label (file or URL) and the
 * name of the engine's own checks differ. No SQLSTATE, SQL or driver code reaches the user.
 */
import { describe, expect, it } from 'vitest';
import { createCase } from '../../db/repositories/cases';
import { stmt } from '../../db/statements';
import { seedDemo } from '../../electron/services/demo';
import { DEMO_MEETINGS_MIN_CASES } from '../../electron/services/demoMeetings';
import { cli } from './helpers/cli';
import { caseInput, patient, seatCtx } from './helpers/fixtures';
import { dropTrigger, useEngine, type Engine } from './helpers/engines';

/** What each engine's `check` names as its own checks (the rest of the line is the same on both). */
export const ENGINE_CHECKS: Record<Engine, string> = {
  sqlite: 'integrity ok, foreign keys ok',
  postgres: 'protection triggers in place and enabled',
};

export function messagesSuite(engine: Engine): void {
  const fixture = useEngine(engine);

  /** A board with 3 cases (6 audit rows) the CLI can open; its label as the CLI names it. */
  function board() {
    const store = fixture.place();
    const db = fixture.reopen(store);
    for (let i = 1; i <= 3; i++) createCase(db, { patient: patient({ identifier: `MRN${i}` }), case: caseInput() }, `user${i}`);
    const args = fixture.cliArgs(store);
    // The CLI names a file by its path and a PostgreSQL database by its URL (given here without a password).
    const label = store.dbPath ?? args[1] ?? '';
    return { store, db, args, label };
  }

  describe(`what check and audit print on ${engine}`, () => {
    it('a sound board: the same ok lines', async () => {
      const { args, label } = board();
      expect(await cli('check', ...args)).toMatchObject({
        code: 0, err: '', out: `ok: ${label}: ${ENGINE_CHECKS[engine]}, audit chain ok (6 rows), search index in step (3 cases)`,
      });
      const audit = await cli('audit', ...args);
      expect(audit).toMatchObject({ code: 0, err: '' });
      expect(audit.out).toMatch(new RegExp(`^ok: ${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: audit chain intact \\(6 rows, keyed\\); 9 meeting record rows match their audited state\nhead: row 6, fingerprint [0-9a-f]{12}$`));
    });

    it('an audit row altered with its trigger dropped: the same FAILED lines, naming the trigger and the row', async () => {
      const { db, args } = board();
      dropTrigger(db, 'audit_log_no_update', 'audit_log');
      stmt(db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3").run();
      expect(await cli('check', ...args)).toMatchObject({
        code: 1, out: '',
        err: ['FAILED: audit: protection trigger audit_log_no_update is missing (audit log can be altered)', 'FAILED: audit row 3: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)'].join('\n'),
      });
      expect(await cli('audit', ...args)).toMatchObject({ code: 1, out: '', err: 'FAILED: first broken link: audit row 3: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)' });
    });

    it('a decision of a signed meeting altered with its trigger dropped: the same words naming the row', async () => {
      const store = fixture.place();
      const db = fixture.reopen(store);
      seedDemo(db, DEMO_MEETINGS_MIN_CASES);
      const id = stmt(db, "SELECT d.id FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE m.status = 'signed' ORDER BY d.id LIMIT 1").pluck().get() as number;
      dropTrigger(db, 'decisions_signed_no_update', 'decisions');
      stmt(db, "UPDATE decisions SET plan_detail = 'quietly changed' WHERE id = ?").run(id);
      const check = await cli('check', ...fixture.cliArgs(store));
      expect(check.code).toBe(1);
      const lines = check.err.split('\n');
      expect(lines).toContain('FAILED: meetings: protection trigger decisions_signed_no_update is missing (signed records can be altered)');
      expect(lines.some((l) => new RegExp(`^FAILED: decisions row ${id}: altered outside the app \\(does not match its state in audit row \\d+\\)$`).test(l))).toBe(true);
      expect(check.err).not.toMatch(/SQLSTATE|ERROR:|\b[0-9A-Z]{5}\b:|pg_|sqlite_/);
    });

    it('errors of the business rules read the same (conflict, not found) and an SQL failure is never shown', async () => {
      const app = fixture.app({ transport: 'cli' });
      const ctx = seatCtx('tester');
      const created = await app.dispatch('cases.create', { patient: patient(), case: caseInput() }, ctx);
      expect(created.ok).toBe(true);
      expect(await app.dispatch('cases.create', { patient: patient(), case: caseInput() }, ctx)).toEqual({
        ok: false, error: { code: 'CONFLICT', message: 'a patient with identifier MRN0000001 already exists: choose that patient', field: 'patient.identifier' },
      });
      expect(await app.dispatch('cases.get', { id: 404 }, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'case 404 does not exist' } });
      stmt(app.db, 'DROP TABLE case_search').run();
      expect(await app.dispatch('cases.list', { search: 'x' }, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error in cases.list' } });
    });
  });
}
