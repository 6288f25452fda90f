/**
 * A PostgreSQL password given apart from the URL (PGPASSWORD or TUMOUR_BOARD_PG_PASSWORD_FILE, never the command
 * line) reaches the server, for the data port and for the LISTEN connection alike: node-postgres would otherwise let
 * the URL's empty password win.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres, withPassword } from '../../../db/sql/postgres';
import { startPgListener } from '../../../electron/host/pg-listener';
import { postgres } from '../../postgres/database';

describe.skipIf(!postgres.available)('a PostgreSQL password given apart from the URL', () => {
  const saved = process.env.PGPASSWORD;
  delete process.env.PGPASSWORD; // only the option may supply it here
  afterAll(() => {
    if (saved !== undefined) process.env.PGPASSWORD = saved;
  });
  const full = new URL(postgres.url);
  const password = decodeURIComponent(full.password);
  full.password = '';
  const bare = full.toString();

  it('opens the data port', () => {
    const db = openPostgres(bare, { password });
    try {
      expect(db.pluck<string>('SELECT current_user')).toBe('tb_test');
    } finally {
      db.close();
    }
  });

  it('opens the LISTEN connection', async () => {
    const lines: string[] = [];
    const listener = startPgListener({ url: bare, password, onChange: () => undefined, log: (l) => lines.push(l) });
    try {
      await listener.firstAttempt;
      expect(listener.listening).toBe(true);
      expect(lines).toEqual([`live events: listening on ${bare} (channel tb_audit)`]);
    } finally {
      await listener.close();
    }
  });

  it('is put into the URL only in memory, percent-encoded', () => {
    expect(withPassword('postgres://board@db.example:5432/tb?sslmode=verify-full', 'p@ss:w/rd')).toBe('postgres://board:p%40ss%3Aw%2Frd@db.example:5432/tb?sslmode=verify-full');
    expect(withPassword('postgres://board@db.example/tb', undefined)).toBe('postgres://board@db.example/tb');
  });
});
