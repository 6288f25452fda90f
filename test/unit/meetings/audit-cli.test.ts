import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { useTempDir } from '../helpers/fixtures';

const tmp = useTempDir();


describe('tumour-board demo + audit', () => {
  it('demo creates a signed meeting with ≥ 20 decided cases (a dissent, an amendment) and a planned meeting; audit and check pass', async () => {
    const db = path.join(tmp(), 'demo.db');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const raw = new Database(db, { readonly: true });
    const meetings = raw.prepare('SELECT id, status FROM meetings ORDER BY id').all();
    expect(meetings).toEqual([{ id: 1, status: 'signed' }, { id: 2, status: 'planned' }]);
    expect(raw.prepare('SELECT count(*) FROM decisions WHERE meeting_id = 1').pluck().get()).toBe(22);
    expect(raw.prepare("SELECT count(*) FROM decisions WHERE json_array_length(dissent) > 0 AND consensus = 'majority'").pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM decision_amendments').pluck().get()).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM decisions WHERE concordance = 'discordant' AND discordance_reason IS NOT NULL").pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = 2').pluck().get()).toBe(9);
    expect(raw.prepare('SELECT count(*) FROM profiles').pluck().get()).toBe(7);
    raw.close();
    const audit = await cli('audit', '--db', db);
    expect(audit).toMatchObject({ code: 0, err: '' });
    const rows = new Database(db, { readonly: true }).prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    expect(audit.out).toMatch(/^ok: .*demo\.db: audit chain intact \(\d+ rows, keyed\); \d+ meeting record rows match their audited state\n/);
    expect(audit.out.split('\n')[1]).toBe(`head: row ${rows.id}, fingerprint ${rows.hash.slice(-64, -52)}`);
    expect((await cli('check', '--db', db)).code).toBe(0);
  }, 60_000);

  it('fails naming the audit row after an audit row is altered', async () => {
    const db = path.join(tmp(), 'a.db');
    await cli('demo', '--db', db);
    const raw = new Database(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = 500").run();
    raw.close();
    const audit = await cli('audit', '--db', db);
    expect(audit.code).toBe(1);
    expect(audit.err).toBe('FAILED: first broken link: audit row 500: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
  }, 60_000);

  it('fails naming the decision row after a signed decision is altered with the triggers dropped', async () => {
    const db = path.join(tmp(), 'd.db');
    await cli('demo', '--db', db);
    const raw = new Database(db);
    raw.exec('DROP TRIGGER decisions_signed_no_update');
    raw.prepare("UPDATE decisions SET rationale = 'rewritten later' WHERE id = 7").run();
    raw.close();
    const audit = await cli('audit', '--db', db);
    expect(audit.code).toBe(1);
    expect(audit.err).toMatch(/^FAILED: first broken link: decisions row 7: altered outside the app \(does not match its state in audit row \d+\)$/);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(1);
    expect(check.err).toContain('FAILED: meetings: protection trigger decisions_signed_no_update is missing');
    expect(check.err).toContain('FAILED: decisions row 7: altered outside the app');
  }, 60_000);

  it('fails naming a decision row deleted outside the app', async () => {
    const db = path.join(tmp(), 'x.db');
    await cli('demo', '--db', db);
    const raw = new Database(db);
    raw.exec('DROP TRIGGER decisions_signed_no_delete');
    raw.pragma('foreign_keys = OFF');
    raw.prepare('DELETE FROM decisions WHERE id = 3').run();
    raw.close();
    const audit = await cli('audit', '--db', db);
    expect(audit.code).toBe(1);
    expect(audit.err).toMatch(/decisions row 3: deleted outside the app \(audited in audit row \d+\)/);
  }, 60_000);
});
