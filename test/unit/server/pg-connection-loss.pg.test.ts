/**
 * A board server on PostgreSQL whose connections are all cut (a database restart or failover looks like this to
 * it): the loss is reported in the log, the server keeps running, answers again on new connections, and live
 * events come back (LISTEN re-established).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUser } from '../../../db/repositories/users';
import { resetProcessKey, setProcessKey } from '../../../db/keys';
import { startBoardServer, type BoardServer } from '../../../electron/host/board';
import { createDispatcher, DATABASE_UNREACHABLE } from '../../../electron/api/dispatcher';
import { buildHandlers } from '../../../electron/app/context';
import { openPostgres } from '../../../db/sql/postgres';
import { freePort } from '../../postgres/cluster';
import { loadOrCreateTls } from '../../../electron/host/tls';
import { postgres } from '../../postgres/database';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';
import { call, openEvents } from './https';

const PASSWORD = 'connection loss long password';

describe.skipIf(!postgres.available)('a board server on PostgreSQL when the connections are cut', () => {
  const tmp = useTempDir();
  const servers: BoardServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    resetProcessKey();
  });

  it('reports the loss, never crashes, answers again and brings live events back', async () => {
    const dir = tmp();
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
    const tls = await loadOrCreateTls({ dbPath: path.join(dir, 'tls'), names: ['127.0.0.1'] });
    const url = postgres.freshDatabase('connection loss');
    const log: string[] = [];
    // The board's passphrase: its audit key is kept in the database wrapped under it.
    setProcessKey('connection loss board passphrase');
    const server = await startBoardServer({
      postgres: { url }, staticDir, host: '127.0.0.1', port: 0, tlsCert: tls.certPath, tlsKey: tls.keyPath, log: (l) => log.push(l),
    });
    servers.push(server);
    createUser(server.context.db, { name: 'Alice', role: 'coordinator', password: PASSWORD }, 'setup');
    const api = (name: string, body: unknown, cookie?: string) =>
      call(`${server.host.url}api/${name}`, { method: 'POST', ca: tls.cert, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) });
    const login = await api('session.login', { name: 'Alice', password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    await vi.waitFor(() => expect(server.host.listener?.listening).toBe(true));
    expect((await api('cases.list', {}, cookie)).status).toBe(200);

    // Every connection to the board's database goes (the test role may end its own sessions).
    const cut = Number(postgres.psql(url, 'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()').trim());
    expect(cut).toBeGreaterThanOrEqual(2); // the pool's connection(s) and the LISTEN one

    await vi.waitFor(() => expect(log.some((l) => l.startsWith('live events: lost the PostgreSQL connection'))).toBe(true), { timeout: 10_000 });
    await vi.waitFor(() => expect(log.some((l) => l.startsWith('live events: reconnected to '))).toBe(true), { timeout: 15_000 });

    // Requests work again on fresh connections; one that met a dead connection fails cleanly (503 JSON in words), never hangs.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await api('cases.list', {}, cookie);
      statuses.push(r.status);
      if (r.status === 200) break;
      expect(r).toMatchObject({ status: 503, json: { ok: false, error: { code: 'UNAVAILABLE', message: DATABASE_UNREACHABLE } } });
    }
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.filter((s) => s !== 200).length).toBeLessThanOrEqual(2);

    // Live events again: a change made now reaches an open stream.
    const stream = openEvents(`${server.host.url}api/events`, { cookie, ca: tls.cert });
    try {
      const created = await api('cases.create', { patient: patient({ identifier: 'MRNLOSS0001' }), case: caseInput() }, cookie);
      expect(created.status).toBe(200);
      await stream.waitFor(2, 5000);
      expect(stream.events.map((e) => (e.data as { op: string }).op)).toEqual(['patient.create', 'case.create']);
    } finally {
      stream.close();
    }
  });

  it('answers UNAVAILABLE in words, not an internal error, when the database cannot be reached at all', async () => {
    // A PostgreSQL address where nothing listens: every statement fails to connect.
    const port = await freePort();
    const db = openPostgres(`postgres://tb_test@127.0.0.1:${port}/gone`, { poolSize: 1 });
    try {
      const log: unknown[] = [];
      const dispatch = createDispatcher(buildHandlers(db, { transport: 'cli' }), { log: (...line: unknown[]) => log.push(line) });
      const answer = await dispatch('cases.list', {}, { transport: 'cli', session: 'cli', actor: { label: 'tester', profileId: null, role: 'admin' } });
      expect(answer).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: DATABASE_UNREACHABLE } });
      expect(log).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
