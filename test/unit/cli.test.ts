import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { LATEST_VERSION } from '../../db/migrations/index';
import { useTempDir } from './helpers/fixtures';

const tmp = useTempDir();


describe('tumour-board CLI', () => {
  it('creates a demo database that passes check', async () => {
    const db = path.join(tmp(), 'demo.db');
    const demo = await cli('demo', '--db', db, '--cases', '60');
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toMatch(/with 60 demo cases/);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(0);
    expect(check.out).toContain('audit chain ok (120 rows)');
    expect(check.out).toContain('search index in step (60 cases)');
  });

  it('check exits 1 and names the audit row that was altered', async () => {
    const db = path.join(tmp(), 'tamper.db');
    await cli('demo', '--db', db, '--cases', '10');
    const raw = new Database(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET after = json_set(after, '$.status', 'closed') WHERE id = 7").run();
    raw.close();
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(1);
    expect(check.err).toContain('FAILED: audit row 7: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
  });

  it('lists cases with their facts, as text and as JSON, with forgiving search', async () => {
    const db = path.join(tmp(), 'list.db');
    await cli('demo', '--db', db, '--cases', '30');
    const text = await cli('cases', '--db', db, '--search', 'odegard');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Ødegård, Zoë');
    expect(text.out).toMatch(/facts: {5}primary_tumor=/);
    const json = await cli('cases', '--db', db, '--search', 'nunez', '--json');
    const records = JSON.parse(json.out) as { patient: { family_name: string }; facts: Record<string, unknown> }[];
    expect(records.map((r) => r.patient.family_name)).toContain('Núñez');
    expect(Object.keys(records[0]?.facts ?? {}).length).toBeGreaterThan(3);
  });

  it('backs up to a new file that opens and checks clean, and never overwrites', async () => {
    const dir = tmp();
    const db = path.join(dir, 'src.db');
    const out = path.join(dir, 'copy.db');
    await cli('demo', '--db', db, '--cases', '5');
    expect((await cli('backup', '--db', db, '--out', out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    // A copy away from its board verifies with the board's audit key, given by name (it is not copied beside it).
    const alone = await cli('check', '--db', out);
    expect(alone.code).toBe(1);
    expect(alone.err).toMatch(/^FAILED: audit row 1: keyed with audit key [0-9a-f]{12}, which is not available here/);
    expect(await cli('check', '--db', out, '--audit-key', `${db}.audit-key`)).toMatchObject({ code: 0, err: '' });
    const again = await cli('backup', '--db', db, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain('copy.db already exists');
  });

  it('refuses a database from a newer version with a clear message', async () => {
    const db = path.join(tmp(), 'newer.db');
    const raw = new Database(db);
    raw.exec('CREATE TABLE t (a)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = readFileSync(db);
    const check = await cli('check', '--db', db);
    expect(check.code).toBe(1);
    expect(check.err).toContain('written by a newer version of Tumour Board');
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('evaluates the public vignettes: 10 passed, 0 failed, exit 0', async () => {
    const vignettes = path.resolve(__dirname, '../../../shared/clinical/vignettes/public.json');
    const run = await cli('evaluate', '--vignettes', vignettes);
    expect(run.out.split('\n').at(-1)).toBe('10 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('evaluates one facts file and names a bad field', async () => {
    const dir = tmp();
    const good = path.join(dir, 'good.json');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ primary_tumor: 'colorectal', bilirubin_mg_dl: 2.5, ecog: 1, unknown_extra: 'ignored' }));
    writeFileSync(bad, JSON.stringify({ primary_tumor: 'colorectal', ecog: 7 }));
    const ok = await cli('evaluate', good);
    expect(ok.code).toBe(0);
    const output = JSON.parse(ok.out) as { flags: string[]; engine_version: string };
    expect(output.flags).toContain('Y90_BILIRUBIN_GT_2');
    const rejected = await cli('evaluate', bad);
    expect(rejected.code).toBe(1);
    expect(rejected.err).toContain('invalid case facts: ecog');
    expect((await cli('evaluate', path.join(dir, 'nope.json'))).err).toContain('cannot read');
  });

  it('gives every command --help and rejects wrong arguments with a named message and exit 2', async () => {
    for (const command of ['demo', 'serve', 'check', 'backup', 'cases', 'evaluate']) {
      const help = await cli(command, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`tumour-board ${command}`);
    }
    expect(await cli('demo', '--db', path.join(tmp(), 'x.db'), '--cases', 'many')).toMatchObject({ code: 2, err: expect.stringContaining('--cases: must be a whole number') });
    expect(await cli('check')).toMatchObject({ code: 2, err: expect.stringContaining('--db: is required') });
    expect(await cli('cases', '--db', 'x.db', '--colour', 'red')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--colour'") });
    expect(await cli('cases', '--db', path.join(tmp(), 'missing.db'))).toMatchObject({ code: 2, err: expect.stringContaining('does not exist') });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frobnicate"') });
    expect((await cli('--help')).out).toContain('Usage: tumour-board <command>');
  });
});
