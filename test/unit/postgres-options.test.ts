/** `--postgres URL` and where its password comes from (never the command line). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresPassword, postgresUrlArg } from '../../electron/cli/commands/postgres-options';
import { useTempDir } from './helpers/fixtures';

const issue = (text: string): string | undefined => {
  const r = postgresUrlArg.safeParse(text);
  return r.success ? undefined : r.error.issues[0]?.message;
};

describe('--postgres URL', () => {
  it('takes a postgres:// URL with a server and a database, TLS settings included', () => {
    expect(issue('postgres://board@db.hospital.local:5432/tumour_board?sslmode=verify-full&sslrootcert=/etc/ssl/hospital-ca.pem')).toBeUndefined();
    expect(issue('postgresql://board@127.0.0.1/tumour_board')).toBeUndefined();
  });

  it('refuses a password in the URL, saying where it belongs', () => {
    expect(issue('postgres://board:s3cret@db.hospital.local/tumour_board')).toBe(
      'holds a password: command lines are visible to other users and kept in shell history; remove it from the URL and set PGPASSWORD or TUMOUR_BOARD_PG_PASSWORD_FILE=FILE instead');
  });

  it('names what is wrong with anything else', () => {
    expect(issue('db.hospital.local/tumour_board')).toBe('must be a URL like postgres://USER@HOST:5432/DATABASE?sslmode=verify-full');
    expect(issue('mysql://board@db/tb')).toBe('must start with postgres:// (e.g. postgres://USER@HOST:5432/DATABASE)');
    expect(issue('postgres://board@db.hospital.local')).toBe('names no database (postgres://USER@HOST:5432/DATABASE)');
  });
});

describe('the PostgreSQL password', () => {
  const tmp = useTempDir();
  it('comes from PGPASSWORD first, then from the file in TUMOUR_BOARD_PG_PASSWORD_FILE (one trailing newline dropped)', () => {
    const file = path.join(tmp(), 'pw');
    writeFileSync(file, 'from the file\n', { mode: 0o600 });
    expect(postgresPassword({ PGPASSWORD: 'from env', TUMOUR_BOARD_PG_PASSWORD_FILE: file })).toBe('from env');
    expect(postgresPassword({ TUMOUR_BOARD_PG_PASSWORD_FILE: file })).toBe('from the file');
    expect(postgresPassword({})).toBeUndefined();
  });

  it('names a missing or empty password file', () => {
    const dir = tmp();
    expect(() => postgresPassword({ TUMOUR_BOARD_PG_PASSWORD_FILE: path.join(dir, 'none') })).toThrow(/^TUMOUR_BOARD_PG_PASSWORD_FILE: .*none does not exist$/);
    writeFileSync(path.join(dir, 'empty'), '\n');
    expect(() => postgresPassword({ TUMOUR_BOARD_PG_PASSWORD_FILE: path.join(dir, 'empty') })).toThrow(/^TUMOUR_BOARD_PG_PASSWORD_FILE: .*empty is empty$/);
  });
});
