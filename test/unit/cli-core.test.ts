// The CLI goes through the dispatcher like every transport: `call` reaches any operation, the local operator is
// the administrator seat, and `--as NAME` acts as a profile (its role checked, its name in the audit rows).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { useTempDir } from './helpers/fixtures';

const tmp = useTempDir();

describe('tumour-board call and --as', () => {
  it('calls an operation as the local operator, or as a profile with its role', async () => {
    const db = path.join(tmp(), 'as.db');
    expect((await cli('demo', '--db', db, '--cases', '100')).code).toBe(0);
    const info = await cli('call', 'app.info', '--db', db);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({ transport: 'cli', demo: true, case_count: 100 });
    // A member may read but not record a decision; the refusal names who may.
    const member = await cli('call', 'decisions.record', '--db', db, '--as', 'dr. tomás ibarra', '--input', '{}');
    expect(member).toMatchObject({ code: 1, out: '', err: expect.stringMatching(/^FORBIDDEN: only the chair or coordinator can do this; Dr\. Tomás Ibarra \(member, profile \d+\) acts as member$/) });
    expect((await cli('call', 'cases.list', '--db', db, '--as', 'Dr. Tomás Ibarra', '--input', '{"limit":1}')).code).toBe(0);
    expect(await cli('call', 'cases.list', '--db', db, '--as', 'Nobody')).toMatchObject({ code: 2, err: expect.stringContaining('--as: no profile is named "Nobody"') });
    expect(await cli('call', 'cases.drop', '--db', db)).toMatchObject({ code: 1, out: '', err: 'UNKNOWN_OPERATION: unknown operation: cases.drop' });
    expect(await cli('call', 'cases.list', '--db', db, '--input', '{oops')).toMatchObject({ code: 2, err: expect.stringContaining('--input is not valid JSON') });
    // The coordinator's edit is audited under her name.
    const created = await cli('call', 'cases.create', '--db', db, '--as', 'Priya Natarajan', '--input', JSON.stringify({
      patient: { identifier: 'CLI-AS-1', family_name: 'Nguyễn', given_name: 'An', birth_date: '1960-01-02', sex: 'female' },
      case: { referring_clinician: 'Dr R', question: 'Q', diagnosis: 'D', status: 'draft', facts: {} },
    }));
    expect(created.code).toBe(0);
    const raw = new Database(db, { readonly: true });
    const actor = raw.prepare("SELECT actor FROM audit_log WHERE action = 'case.create' ORDER BY id DESC LIMIT 1").pluck().get();
    raw.close();
    expect(actor).toMatch(/^Priya Natarajan \(coordinator, profile \d+\)$/);
    expect((await cli('check', '--db', db)).code).toBe(0);
  }, 60_000);

  it('demo --cases N makes exactly N cases, with meetings or without', async () => {
    for (const n of [5, 100]) {
      const db = path.join(tmp(), `n${n}.db`);
      expect((await cli('demo', '--db', db, '--cases', String(n))).out).toContain(`with ${n} demo cases`);
      const raw = new Database(db, { readonly: true });
      expect(raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(n);
      raw.close();
    }
  }, 60_000);
});
