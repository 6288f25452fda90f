/**
 * The LISTEN side of live events on a real PostgreSQL server: a committed NOTIFY wakes the feed, a rolled-back one
 * does not, a burst folds, a killed connection is reported and comes back, an unreachable server never throws.
 */
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUDIT_CHANNEL, redactPostgresUrl, startPgListener, type PgListener } from '../../../electron/host/pg-listener';
import { postgres } from '../../postgres/database';

describe.skipIf(!postgres.available)('live events: the PostgreSQL listener', () => {
  let url = '';
  const listeners: PgListener[] = [];
  beforeAll(() => { url = postgres.freshDatabase('listener'); });
  afterEach(async () => { for (const l of listeners.splice(0)) await l.close(); });
  afterAll(() => postgres.dropDatabase(url));

  function start(fast = true) {
    const lines: string[] = [];
    let changes = 0;
    const listener = startPgListener({ url, onChange: () => { changes++; }, log: (l) => lines.push(l), ...(fast ? { minDelayMs: 50, maxDelayMs: 200 } : {}) });
    listeners.push(listener);
    return { listener, lines, changes: () => changes };
  }

  it('wakes the feed when a NOTIFY commits, never for one rolled back, once for a burst in one transaction', async () => {
    // What arrives on the wire, in commit order (PostgreSQL delivers a session's notifications in order): once a
    // later marker has arrived, anything not seen before it was never sent.
    const wire: string[] = [];
    const lines: string[] = [];
    let changes = 0;
    const listener = startPgListener({
      url, onChange: () => { changes++; }, log: (l) => lines.push(l),
      makeClient: (config) => {
        const client = new Client(config);
        client.on('notification', (n) => wire.push(`${n.channel}:${n.payload ?? ''}`));
        return client;
      },
    });
    listeners.push(listener);
    await listener.firstAttempt;
    expect(listener.listening).toBe(true);
    expect(lines).toEqual([`live events: listening on ${redactPostgresUrl(url)} (channel ${AUDIT_CHANNEL})`]);
    await vi.waitFor(() => expect(changes).toBe(1)); // once after connecting, for what was committed meanwhile
    postgres.psql(url, `BEGIN; NOTIFY ${AUDIT_CHANNEL}, 'rolled back'; ROLLBACK;`);
    postgres.psql(url, `BEGIN; ${Array.from({ length: 50 }, () => `NOTIFY ${AUDIT_CHANNEL};`).join(' ')} COMMIT;`);
    postgres.psql(url, `NOTIFY other_channel, 'not ours'; NOTIFY ${AUDIT_CHANNEL}, 'marker'`);
    await vi.waitFor(() => expect(wire).toContain(`${AUDIT_CHANNEL}:marker`));
    expect(wire).toEqual([`${AUDIT_CHANNEL}:`, `${AUDIT_CHANNEL}:marker`]);
    await vi.waitFor(() => expect(changes).toBeGreaterThanOrEqual(2));
    expect(changes).toBeLessThanOrEqual(3); // the burst and the marker: at most one wake each (folded when close together)
  });

  it('reports a killed connection, reconnects, wakes the feed once more and keeps listening', async () => {
    const { listener, lines, changes } = start();
    await listener.firstAttempt;
    await vi.waitFor(() => expect(changes()).toBe(1));
    const killed = postgres.psql(url, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'tumour-board live events' AND datname = current_database()").trim();
    expect(killed).toBe('1');
    await vi.waitFor(() => expect(lines.some((l) => l.startsWith('live events: reconnected to '))).toBe(true), { timeout: 10_000 });
    expect(lines.find((l) => l.startsWith('live events: lost'))).toMatch(/^live events: lost the PostgreSQL connection \(.+\); other servers' changes arrive by polling until it is back; retrying in 0\.05 s$/);
    expect(listener.losses).toBe(1);
    expect(listener.listening).toBe(true);
    await vi.waitFor(() => expect(changes()).toBe(2));
    postgres.psql(url, `NOTIFY ${AUDIT_CHANNEL}`);
    await vi.waitFor(() => expect(changes()).toBe(3));
  });

  it('never throws when the server cannot be reached: it says so, retries, and stops on close', async () => {
    const lines: string[] = [];
    const u = new URL(url);
    u.port = '1'; // nothing listens on port 1 of loopback
    const listener = startPgListener({ url: u.toString(), onChange: () => undefined, log: (l) => lines.push(l), minDelayMs: 20, maxDelayMs: 40 });
    listeners.push(listener);
    await listener.firstAttempt;
    expect(listener.listening).toBe(false);
    await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(3));
    for (const line of lines) expect(line).toMatch(/^live events: cannot listen on postgres:\/\/tb_test:\*\*\*@127\.0\.0\.1:1\/t_listener_[0-9a-f]{8}: .*ECONNREFUSED.*; retrying in 0\.0[24] s$/);
    await listener.close();
    const after = lines.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(lines.length).toBe(after);
  });

  it('logs a failing feed read instead of throwing', async () => {
    const lines: string[] = [];
    const listener = startPgListener({ url, onChange: () => { throw new Error('database closed'); }, log: (l) => lines.push(l) });
    listeners.push(listener);
    await vi.waitFor(() => expect(lines).toContain('live events: reading the change feed failed: database closed'));
  });
});

describe('redacting a PostgreSQL URL for the log', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactPostgresUrl('postgres://board:s3cret@db.example:5432/board?sslmode=verify-full')).toBe('postgres://board:***@db.example:5432/board?sslmode=verify-full');
    expect(redactPostgresUrl('postgres://db.example/board')).toBe('postgres://db.example/board');
    expect(redactPostgresUrl('not a url')).toBe('the PostgreSQL server');
  });
});
