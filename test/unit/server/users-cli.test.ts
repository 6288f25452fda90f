import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { openDatabase } from '../../../db/open';
import { useTempDir } from '../helpers/fixtures';

const tmp = useTempDir();

async function users(stdin: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['users', ...argv], { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tumour-board users', () => {
  it('adds, lists, disables, enables and resets accounts without ever printing a password', async () => {
    const db = path.join(tmp(), 'board.db');
    const password = 'a long enough passphrase';
    const added = await users(`${password}\n`, 'add', '--db', db, '--name', 'Dr Chair', '--role', 'chair', '--password-stdin');
    expect(added).toMatchObject({ code: 0, out: 'added Dr Chair (Chair)' });
    expect(added.err).not.toContain(password);
    expect((await users('', 'add', '--db', db, '--name', 'Admin', '--role', 'admin', '--password-stdin')).code).toBe(2);
    const short = await users('too short\n', 'add', '--db', db, '--name', 'Admin', '--role', 'admin', '--password-stdin');
    expect(short.code).toBe(2);
    expect(short.err).toContain('password: must have at least 12 characters');
    expect((await users('', 'add', '--db', db, '--name', 'X', '--role', 'owner', '--password-stdin')).err).toContain('--role: must be one of admin, coordinator, chair, member');
    expect((await users('', 'list', '--db', db)).out).toMatch(/^Dr Chair\tChair\tactive\tsince \d{4}-\d\d-\d\d$/);
    expect((await users('', 'disable', '--db', db, '--name', 'dr chair')).out).toBe('disabled Dr Chair; their sessions have ended');
    expect((await users('', 'list', '--db', db)).out).toContain('\tdisabled\t');
    expect((await users('', 'enable', '--db', db, '--name', 'Dr Chair')).out).toBe('enabled Dr Chair');
    expect((await users('another long passphrase\n', 'reset-password', '--db', db, '--name', 'Dr Chair', '--password-stdin')).out)
      .toBe('set a new password for Dr Chair; their sessions have ended');
    const missing = await users('', 'disable', '--db', db, '--name', 'Nobody');
    expect(missing).toMatchObject({ code: 1, err: 'tumour-board users disable: --name: there is no account named "Nobody"' });
    const { db: conn } = openDatabase(db);
    const everything = JSON.stringify([conn.prepare('SELECT * FROM audit_log').all(), conn.prepare('SELECT * FROM users').all()]);
    conn.close();
    expect(everything).not.toContain(password);
    expect(everything).not.toContain('another long passphrase');
  });

  it('refuses to run without an action or a database', async () => {
    expect((await users('', 'remove', '--db', 'x.db')).err).toContain('say what to do: add, list, disable, enable, reset-password');
    expect((await users('', 'list', '--db', path.join(tmp(), 'none.db'))).err).toContain('does not exist');
  });
});
