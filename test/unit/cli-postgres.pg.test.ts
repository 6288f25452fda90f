/** The command line on a board kept in PostgreSQL: demo, cases --search, check and audit with --postgres URL. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../db/sql/postgres';
import { runCli } from '../../electron/cli/main';
import { cli } from './helpers/cli';
import { freshPostgresUrl, testPostgresUrl } from './helpers/engines';

describe.runIf(testPostgresUrl() !== null)('tumour-board --postgres', () => {
  let saved: string | undefined;
  let url = '';
  beforeEach(() => {
    // The password travels as PGPASSWORD, never in the URL on the command line.
    const full = new URL(freshPostgresUrl('cli'));
    saved = process.env.PGPASSWORD;
    process.env.PGPASSWORD = decodeURIComponent(full.password);
    full.password = '';
    url = full.toString();
  });
  afterEach(() => {
    delete process.env.TUMOUR_BOARD_PASSPHRASE;
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
  });

  it('makes a demo board, searches it without accents, checks it, and names an audit row altered with triggers disabled', async () => {
    // The board's passphrase keeps its audit key (wrapped in the database): a board on PostgreSQL is always keyed.
    process.env.TUMOUR_BOARD_PASSPHRASE = 'the board passphrase';
    const demo = await cli('demo', '--postgres', url, '--cases', '30');
    expect(demo.err).toBe('');
    expect(demo.out).toMatch(/^created postgres:\/\/.* with 30 demo cases in /);
    const check = await cli('check', '--postgres', url);
    expect(check).toMatchObject({ code: 0, err: '' });
    expect(check.out).toContain('search index in step (30 cases)');
    const audit = await cli('audit', '--postgres', url);
    expect(audit.code).toBe(0);

    const admin = openPostgres(url, { password: process.env.PGPASSWORD });
    try {
      const name = admin.get<{ family_name: string; identifier: string }>("SELECT family_name, identifier FROM patients WHERE family_name ~ '[^a-zA-Z]' ORDER BY id LIMIT 1");
      if (!name) throw new Error('the demo has no accented name');
      const plain = name.family_name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/ł/g, 'l').replace(/Ł/g, 'L');
      const found = await cli('cases', '--postgres', url, '--search', plain.toLowerCase(), '--json');
      expect(found.code).toBe(0);
      expect((JSON.parse(found.out) as { patient: { identifier: string } }[]).map((c) => c.patient.identifier)).toContain(name.identifier);

      admin.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET actor = 'Mallory' WHERE id = 4; ALTER TABLE audit_log ENABLE TRIGGER USER");
    } finally {
      admin.close();
    }
    const broken = await cli('check', '--postgres', url);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('FAILED: audit row 4: content does not match its keyed hash (row altered, or its hash recomputed without the audit key)');
  });

  it('adds, lists, disables, enables and resets accounts on a board in PostgreSQL, never keeping or printing a password', async () => {
    process.env.TUMOUR_BOARD_PASSPHRASE = 'the board passphrase';
    const users = async (stdin: string, ...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['users', ...argv, '--postgres', url], { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const password = 'a long enough passphrase';
    expect((await cli('demo', '--postgres', url, '--cases', '3')).code).toBe(0);
    const added = await users(`${password}\n`, 'add', '--name', 'Dr Chair', '--role', 'chair', '--password-stdin');
    expect(added).toMatchObject({ code: 0, out: 'added Dr Chair (Chair)' });
    expect(added.err).not.toContain(password);
    expect((await users('', 'list')).out).toMatch(/^Dr Chair\tChair\tactive\tsince \d{4}-\d\d-\d\d$/);
    expect((await users('', 'disable', '--name', 'dr chair')).out).toBe('disabled Dr Chair; their sessions have ended');
    expect((await users('', 'list')).out).toContain('\tdisabled\t');
    expect((await users('', 'enable', '--name', 'Dr Chair')).out).toBe('enabled Dr Chair');
    expect((await users('another long passphrase\n', 'reset-password', '--name', 'Dr Chair', '--password-stdin')).out)
      .toBe('set a new password for Dr Chair; their sessions have ended');
    expect(await users('', 'disable', '--name', 'Nobody')).toMatchObject({ code: 1, err: 'tumour-board users disable: --name: there is no account named "Nobody"' });
    const admin = openPostgres(url, { password: process.env.PGPASSWORD });
    try {
      const everything = JSON.stringify([admin.all('SELECT * FROM audit_log'), admin.all('SELECT * FROM users')]);
      expect(everything).not.toContain(password);
      expect(everything).not.toContain('another long passphrase');
      // Every change audited, by the CLI's actor, in the keyed chain `audit` verifies.
      expect(admin.all<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'user' ORDER BY id").map((r) => r.action))
        .toEqual(['user.add', 'user.disable', 'user.enable', 'user.resetPassword']);
    } finally {
      admin.close();
    }
    expect((await cli('audit', '--postgres', url)).code).toBe(0);
  });

  it('refuses --db with --postgres, and a password in the URL', async () => {
    expect((await cli('check', '--db', 'x.db', '--postgres', url)).err).toContain('--db and --postgres: give one of them, not both');
    const withPassword = url.replace('@', ':secret@');
    expect((await cli('check', '--postgres', withPassword)).err).toContain('--postgres: holds a password');
  });
});
