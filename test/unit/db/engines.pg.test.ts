/**
 * The same repositories, services and checks on both engines (SQLite always; PostgreSQL from the test cluster),
 * through the app context as every transport uses it.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppContext, type AppContext } from '../../../electron/app/context';
import { openPostgres } from '../../../db/sql/postgres';
import { stmt } from '../../../db/statements';
import { resetProcessKey, setProcessKey } from '../../../db/keys';
import { SqlError, sqlDb } from '../../../db/sql/port';
import { DEMO_MEETINGS_MIN_CASES } from '../../../electron/services/demoMeetings';
import { caseInput, patient, seatCtx, useTempDir } from '../helpers/fixtures';
import { freshPostgresUrl, testPostgresUrl } from '../helpers/engines';

const tmp = useTempDir();
const ctx = seatCtx('tester');
const engines: ('sqlite' | 'postgres')[] = testPostgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];

const open: AppContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** A board on PostgreSQL is opened with its passphrase (its audit key is kept in the database wrapped under it). */
function withPassphrase<T>(work: () => T): T {
  setProcessKey('the engines test board passphrase');
  try {
    return work();
  } finally {
    resetProcessKey();
  }
}

function opener(engine: 'sqlite' | 'postgres') {
  return (opts: { demo?: number } = {}): { app: AppContext; url: string | null } => {
    const url = engine === 'postgres' ? freshPostgresUrl('engines') : null;
    const demo = opts.demo === undefined ? {} : { demoIfMissing: true, demoCases: opts.demo };
    const app = url
      ? withPassphrase(() => openAppContext({ postgres: { url, poolSize: 2 }, transport: 'cli', ...demo }))
      : openAppContext({ dbPath: path.join(tmp(), 'engines.db'), transport: 'cli', ...demo });
    open.push(app);
    return { app, url };
  };
}

async function call(app: AppContext, name: string, input: unknown): Promise<unknown> {
  const r = await app.dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe.each(engines)('one data layer on %s', (engine) => {
  const fresh = opener(engine);

  it('creates, finds without accents, and refuses a stale version', async () => {
    const { app } = fresh();
    expect(sqlDb(app.db).dialect).toBe(engine);
    const people = [
      { identifier: 'MRN1', family_name: 'Ødegård', given_name: 'Zoë' },
      { identifier: 'MRN2', family_name: 'Wróbel', given_name: 'Łukasz' },
      { identifier: 'MRN3', family_name: 'Núñez', given_name: 'José' },
    ];
    const ids: number[] = [];
    for (const p of people) ids.push((await call(app, 'cases.create', { patient: patient(p), case: caseInput() }) as { id: number }).id);
    expect(ids).toEqual([1, 2, 3]);
    expect(await call(app, 'cases.list', { search: 'odegard' })).toMatchObject({ total: 1, rows: [{ family_name: 'Ødegård', given_name: 'Zoë' }] });
    expect(await call(app, 'cases.list', { search: 'wrobel luk' })).toMatchObject({ total: 1, rows: [{ family_name: 'Wróbel' }] });
    expect(await call(app, 'cases.list', { search: 'NUNEZ' })).toMatchObject({ total: 1, rows: [{ identifier: 'MRN3' }] });
    expect(await call(app, 'cases.list', { search: 'nobody' })).toEqual({ total: 0, offset: 0, rows: [] });
    expect(await call(app, 'cases.list', { sort: 'name', direction: 'asc' })).toMatchObject({ total: 3, rows: [{ identifier: 'MRN3' }, { identifier: 'MRN1' }, { identifier: 'MRN2' }] });

    const got = await call(app, 'cases.get', { id: 2 }) as { version: number; patient: object; facts: object };
    const update = { id: 2, version: got.version, patient: patient(people[1]), case: caseInput({ question: 'Resection after downsizing?' }) };
    expect(await call(app, 'cases.update', update)).toMatchObject({ id: 2, version: 2, question: 'Resection after downsizing?' });
    const stale = await app.dispatch('cases.update', update, ctx);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(app, 'db.check', {})).toEqual({ ok: true, problems: [], audit_rows: 7, cases: 3 });
  });

  it('runs the demo board (meetings, decisions, sign-off, outcomes) and checks clean', async () => {
    const { app } = fresh({ demo: DEMO_MEETINGS_MIN_CASES });
    expect(app.createdDemo).toBe(true);
    expect(stmt(app.db, 'SELECT count(*) FROM cases').pluck().get()).toBe(DEMO_MEETINGS_MIN_CASES);
    expect(stmt(app.db, "SELECT count(*) FROM meetings WHERE status = 'signed'").pluck().get()).toBeGreaterThanOrEqual(1);
    const check = await call(app, 'db.check', {}) as { ok: boolean; problems: string[] };
    expect(check.problems).toEqual([]);
    expect(await call(app, 'audit.verify', {})).toMatchObject({ ok: true, problems: [] });
  });

});

describe.runIf(engines.includes('postgres'))('PostgreSQL protections', () => {
  const fresh = opener('postgres');
  it('refuses in the database what the app never does, and names what was altered with triggers disabled', async () => {
    const { app, url } = fresh({ demo: DEMO_MEETINGS_MIN_CASES });
    if (!url) throw new Error('postgres only');
    const admin = openPostgres(url);
    try {
      const refused = (sql: string) => {
        try {
          admin.run(sql);
        } catch (e) {
          return e instanceof SqlError ? e.message : String(e);
        }
        return 'accepted';
      };
      expect(refused("UPDATE audit_log SET actor = 'Mallory' WHERE id = 3")).toBe('audit_log is append-only');
      expect(refused('DELETE FROM audit_log WHERE id = 3')).toBe('audit_log is append-only');
      expect(refused('TRUNCATE audit_log')).toBe('audit_log is append-only');
      const signedDecision = admin.pluck<number>("SELECT d.id FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE m.status = 'signed' ORDER BY d.id LIMIT 1");
      expect(refused(`UPDATE decisions SET plan_detail = 'changed' WHERE id = ${signedDecision}`)).toBe('read-only: this decision belongs to a signed meeting; record an amendment instead');
      const amendment = admin.pluck<number>('SELECT id FROM decision_amendments ORDER BY id LIMIT 1');
      if (amendment !== undefined) expect(refused(`DELETE FROM decision_amendments WHERE id = ${amendment}`)).toBe('read-only: amendments are append-only');

      // Someone with table rights disables the triggers and edits an audit row: check names it.
      admin.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET actor = 'Mallory' WHERE id = 7; ALTER TABLE audit_log ENABLE TRIGGER USER");
      const check = await call(app, 'db.check', {}) as { ok: boolean; problems: string[] };
      expect(check.ok).toBe(false);
      expect(check.problems).toContain('audit row 7: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
      expect(await call(app, 'audit.verify', {})).toMatchObject({ ok: false, problems: ['first broken link: audit row 7: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)'] });

      // A decision of a signed meeting edited with its triggers disabled: the seal names the row; the disabled trigger is named too.
      admin.exec(`ALTER TABLE decisions DISABLE TRIGGER decisions_signed_no_update; UPDATE decisions SET plan_detail = 'quietly changed' WHERE id = ${signedDecision}`);
      const again = await call(app, 'db.check', {}) as { problems: string[] };
      expect(again.problems).toContain(`decisions row ${signedDecision}: altered outside the app (does not match its state in audit row ${admin.pluck<number>(`SELECT max(id) FROM audit_log WHERE after LIKE '%"decisions:${signedDecision}"%'`)})`);
      expect(again.problems).toContain('meetings: protection trigger decisions_signed_no_update is disabled (signed records can be altered)');
    } finally {
      admin.close();
    }
  });
});
