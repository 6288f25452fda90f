import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/api/dispatcher';
import { buildHandlers } from '../../electron/app/context';
import { openDatabase } from '../../db/open';
import { caseInput, patient, useTempDir } from './helpers/fixtures';

const tmp = useTempDir();
const ctx = { actor: 'tester', transport: 'cli' as const };

function setup() {
  const { db } = openDatabase(path.join(tmp(), 'd.db'));
  const log = vi.fn();
  const handlers = buildHandlers(db, 'cli');
  return { db, log, handlers, dispatch: createDispatcher(handlers, { log }) };
}

const counts = (db: ReturnType<typeof setup>['db']) =>
  db.prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_log) AS audit').get();

describe('dispatcher', () => {
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

describe('dispatcher with hostile names', () => {
  it('answers UNKNOWN_OPERATION for a name that is not a string, without calling its toString', async () => {
    const { dispatch } = setup();
    const hostile = { toString: 'not a function' };
    expect(await dispatch(hostile, {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: object' } });
    expect(await dispatch(undefined, {}, ctx)).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: undefined' } });
  });
});

describe('who is acting', () => {
  it('names the selected profile in the audit rows of every area, and the caller before one is selected', async () => {
    const { dispatch, db } = setup();
    await dispatch('cases.create', { patient: patient({ identifier: 'MRN-A' }), case: caseInput() }, ctx);
    const created = await dispatch('profiles.create', { name: 'Dr. Ines Kowalczyk', specialty: 'interventional_radiology', role: 'member' }, ctx);
    if (!created.ok) throw new Error(created.error.message);
    const selected = await dispatch('profiles.select', { id: (created.value as { id: number }).id }, ctx);
    expect(selected.ok).toBe(true);
    await dispatch('cases.create', { patient: patient({ identifier: 'MRN-B' }), case: caseInput() }, ctx);
    const actors = db.prepare("SELECT entity_id, actor FROM audit_log WHERE action = 'case.create' ORDER BY id").all() as { actor: string }[];
    expect(actors[0]?.actor).toBe('tester');
    expect(actors[1]?.actor).toMatch(/^Dr\. Ines Kowalczyk/);
  });
});
