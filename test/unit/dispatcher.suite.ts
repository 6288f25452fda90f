/** The dispatcher over the real handlers, on either engine (dispatcher.test.ts: SQLite; dispatcher.pg.test.ts: PostgreSQL): validation, domain errors, redaction of unexpected ones, who acts. */
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { buildHandlers, callLocal } from '../../electron/app/context';
import { OPERATION_NAMES } from '../../shared/api';
import { seatCtx, caseInput, patient } from './helpers/fixtures';
import { stmt } from '../../db/statements';
import type { SqlDb } from '../../db/sql/port';
import { useEngine, type Engine } from './helpers/engines';

const ctx = seatCtx('tester');

const counts = (db: SqlDb) =>
  stmt(db, 'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_log) AS audit').get();

export function dispatcherSuite(engine: Engine): void {
  const fixture = useEngine(engine);

  function setup() {
    const db = fixture.open();
    const log = vi.fn();
    const handlers = buildHandlers(db, { transport: 'cli' });
    return { db, log, handlers, dispatch: createDispatcher(handlers, { log }) };
  }

  describe(`dispatcher on ${engine}`, () => {
    it('runs a valid call and returns the validated output', async () => {
      const { dispatch } = setup();
      const created = await dispatch('cases.create', { patient: patient(), case: caseInput() }, ctx);
      expect(created.ok).toBe(true);
      const page = await dispatch('cases.list', { search: 'odegard' }, ctx);
      expect(page).toMatchObject({ ok: true, value: { total: 1, rows: [{ family_name: 'Ødegård', given_name: 'Zoë' }] } });
    });

    it('rejects an unknown operation, a wrong type and an extra key, changing nothing', async () => {
      const { dispatch, db } = setup();
      const before = counts(db);
      expect(await dispatch('cases.drop', {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: cases.drop' } });
      expect(await dispatch('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      const wrongType = await dispatch('cases.create', { patient: patient(), case: caseInput({ facts: { ecog: '1' as unknown as number } }) }, ctx);
      expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'case.facts.ecog' } });
      const outOfRange = await dispatch('cases.create', { patient: patient(), case: caseInput({ facts: { ecog: 7 } }) }, ctx);
      expect(outOfRange).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'case.facts.ecog' } });
      const extra = await dispatch('cases.create', { patient: patient(), case: caseInput(), sql: 'DROP TABLE cases' }, ctx);
      expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'unknown field(s): sql' } });
      const extraFact = await dispatch('cases.create', { patient: patient(), case: caseInput({ facts: { ecgo: 1 } as never }) }, ctx);
      expect(extraFact).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'case.facts', message: 'case.facts: unknown field(s): ecgo' } });
      expect(counts(db)).toEqual(before);
    });

    it('returns domain errors with their code and redacts unexpected ones', async () => {
      const { dispatch, db, log } = setup();
      expect(await dispatch('cases.get', { id: 999 }, ctx)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'case 999 does not exist' } });
      db.exec('DROP TABLE case_search'); // provoke an SQL error inside the service
      const result = await dispatch('cases.list', { search: 'x' }, ctx);
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error in cases.list' } });
      expect(JSON.stringify(result)).not.toMatch(/case_search|SELECT|\/tmp|at /);
      expect(log).toHaveBeenCalledOnce();
    });

    it('checks its own output against the contract', async () => {
      const { handlers, log } = setup();
      const dispatch = createDispatcher({ ...handlers, 'app.info': () => ({ version: 1 }) as never }, { log });
      expect(await dispatch('app.info', {}, ctx)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error in app.info' } });
      expect(log).toHaveBeenCalledWith('output of app.info failed its schema', expect.anything());
    });
  });

  describe(`dispatcher with hostile names on ${engine}`, () => {
    it('answers UNKNOWN_OPERATION for a name that is not a string, without calling its toString', async () => {
      const { dispatch } = setup();
      const hostile = { toString: 'not a function' };
      expect(await dispatch(hostile, {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: object' } });
      expect(await dispatch(undefined, {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: undefined' } });
    });
  });

  describe(`who is acting on ${engine}`, () => {
    function local() {
      const app = fixture.app({ transport: 'cli' });
      return { app, call: callLocal(app, 'cli', 'tester') };
    }

    it('names the chosen profile in the audit rows of every area, and the seat before one is chosen', async () => {
      const { app, call } = local();
      try {
        await call('cases.create', { patient: patient({ identifier: 'MRN-A' }), case: caseInput() });
        const created = await call('profiles.create', { name: 'Priya Natarajan', specialty: 'coordinator', role: 'coordinator' });
        if (!created.ok) throw new Error(created.error.message);
        expect((await call('profiles.select', { id: (created.value as { id: number }).id })).ok).toBe(true);
        await call('cases.create', { patient: patient({ identifier: 'MRN-B' }), case: caseInput() });
        const actors = stmt(app.db, "SELECT entity_id, actor FROM audit_log WHERE action = 'case.create' ORDER BY id").all() as { actor: string }[];
        expect(actors[0]?.actor).toBe('tester');
        expect(actors[1]?.actor).toBe('Priya Natarajan (coordinator, profile 1)');
      } finally {
        app.close();
      }
    });

    it('checks the role before the input or any business rule: FORBIDDEN in words, nothing written', async () => {
      const { app, call } = local();
      try {
        const member = await call('profiles.create', { name: 'Dr. Ines Kowalczyk', specialty: 'interventional_radiology', role: 'member' });
        if (!member.ok) throw new Error(member.error.message);
        await call('profiles.select', { id: (member.value as { id: number }).id });
        const before = stmt(app.db, 'SELECT count(*) FROM audit_log').pluck().get();
        // Invalid input and a case that does not exist: the role is still what is answered.
        expect(await call('cases.update', { id: 999, version: 1, bogus: true })).toEqual({
          ok: false, error: { code: 'FORBIDDEN', message: 'only the coordinator or administrator can do this; Dr. Ines Kowalczyk (member, profile 1) acts as member' },
        });
        expect(await call('meetings.sign', { id: 999, version: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^only the chair can do this/) } });
        expect(stmt(app.db, 'SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
        // Reads stay open to every signed-in role.
        expect(await call('cases.list', {})).toMatchObject({ ok: true });
        // The seat without a profile is told to choose one for the board's work.
        await call('session.clear', {});
        const seat = await app.dispatch('decisions.record', {}, { transport: 'electron', session: 'electron', actor: app.localActor('electron', 'me') });
        expect(seat).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'only the chair or coordinator can do this: choose who is acting (select your profile) first' } });
      } finally {
        app.close();
      }
    });

    it('answers UNAUTHENTICATED to a call without an actor, whatever the operation', async () => {
      const { dispatch } = setup();
      for (const name of OPERATION_NAMES) {
        expect(await dispatch(name, {}, { transport: 'browser-host', session: 's', actor: null })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in first' } });
      }
    });
  });
}
