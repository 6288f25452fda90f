/**
 * A board server on PostgreSQL serving from several core threads (electron/host/board-cores.ts), started from the
 * CLI bundle as `serve --network --postgres` does: the same answers as one thread (sign-in, 401, refusals with their
 * words, 403, 409), parallel edits spread over the cores keep ids unique and the audit chain whole, live events still
 * reach a stream, and when every connection is cut the cores answer again on new ones.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser, setUserDisabled } from '../../../db/repositories/users';
import { resetProcessKey, setProcessKey } from '../../../db/keys';
import { verifyAuditChain } from '../../../db/audit';
import { startBoardServer, type BoardServer } from '../../../electron/host/board';
import { loadOrCreateTls } from '../../../electron/host/tls';
import { postgres } from '../../postgres/database';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';
import { call, openEvents } from './https';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PASSWORD = 'board cores long password';

describe.skipIf(!postgres.available)('a board server on PostgreSQL with several cores', () => {
  const tmp = useTempDir();
  let server: BoardServer;
  let ca = '';
  let url = '';
  let script = '';
  const log: string[] = [];
  const api = (name: string, body: unknown, cookie?: string) =>
    call(`${server.host.url}api/${name}`, { method: 'POST', ca, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) });
  const signIn = async (name: string) => {
    const login = await api('session.login', { name, password: PASSWORD });
    expect(login.status).toBe(200);
    return (login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  };

  beforeAll(async () => {
    const dir = tmp();
    // The cores run from a bundle that calls runBoardCore() at its top level: the CLI's, as shipped (inside the
    // checkout, so it finds pg and better-sqlite3 in node_modules).
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    script = path.join(mkdtempSync(path.join(root, '.tmp', 'board-cores-')), 'cli.cjs');
    await build({
      entryPoints: [path.join(root, 'electron', 'cli', 'main.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', external: ['electron', 'better-sqlite3', 'playwright-core', 'pg'], logLevel: 'error',
    });
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
    const tls = await loadOrCreateTls({ dbPath: path.join(dir, 'tls'), names: ['127.0.0.1'] });
    ca = tls.cert;
    url = postgres.freshDatabase('board cores');
    // The board's passphrase: every core unwraps the audit key kept in the database with it.
    setProcessKey('board cores passphrase');
    server = await startBoardServer({
      postgres: { url }, staticDir, host: '127.0.0.1', port: 0, tlsCert: tls.certPath, tlsKey: tls.keyPath, log: (l) => log.push(l),
      cores: { script, count: 3 },
    });
    createUser(server.context.db, { name: 'Alice', role: 'coordinator', password: PASSWORD }, 'setup');
    createUser(server.context.db, { name: 'Mo', role: 'member', password: PASSWORD }, 'setup');
  }, 120_000);
  afterAll(async () => {
    await server.close();
    resetProcessKey();
    rmSync(path.dirname(script), { recursive: true, force: true });
  });

  it('answers as one thread does: sign-in, 401 without a session, refusals in words, 403 for a role, 409 for a stale save', async () => {
    const wrong = await api('session.login', { name: 'Alice', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'wrong name or password' } });
    expect((await api('cases.list', {})).status).toBe(401);
    const alice = await signIn('Alice');
    expect((await api('session.account', {}, alice)).json).toMatchObject({ ok: true, value: { name: 'Alice', role: 'coordinator' } });
    const created = await api('cases.create', { patient: patient({ identifier: 'MRNCORE0001' }), case: caseInput() }, alice);
    expect(created.status).toBe(200);
    const record = (created.json as { value: { id: number; version: number } }).value;
    const member = await signIn('Mo');
    expect((await api('cases.create', { patient: patient({ identifier: 'MRNCORE0002' }), case: caseInput() }, member)).status).toBe(403);
    const rec = (await api('cases.get', { id: record.id }, alice)).json as { value: { patient: Record<string, unknown> } };
    const p = rec.value.patient;
    const update = (version: number) => api('cases.update', {
      id: record.id, version, patient: { identifier: p.identifier, family_name: p.family_name, given_name: p.given_name, birth_date: p.birth_date, sex: p.sex },
      case: caseInput({ diagnosis: `edit at ${version}` }),
    }, alice);
    expect((await update(record.version)).status).toBe(200);
    const stale = await update(record.version);
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await api('session.logout', {}, member)).status).toBe(200);
    expect((await api('cases.list', {}, member)).status).toBe(401);
  });

  it('takes the session and a small call to a core in one trip with the same answers; a larger body goes the usual way', async () => {
    const raw = (name: string, body: string, cookie?: string) =>
      call(`${server.host.url}api/${name}`, { method: 'POST', ca, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body });
    const alice = await signIn('Alice');
    // A made-up or ended session: 401, nothing called, whatever the body.
    expect(await api('cases.list', {}, '__Host-tb_session=not-a-session')).toMatchObject({ status: 401, json: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    expect((await raw('cases.list', '{not json', '__Host-tb_session=not-a-session')).status).toBe(401);
    // Signed in: a body that is not JSON is named as such; an unknown operation is 404 as before.
    expect(await raw('cases.list', '{not json', alice)).toMatchObject({ status: 400, json: { ok: false, error: { code: 'VALIDATION', message: 'the request body must be JSON' } } });
    expect((await api('no.such.operation', {}, alice)).status).toBe(404);
    // The actor is the signed-in account, as on the usual path (its name in the audit row).
    const created = await api('cases.create', { patient: patient({ identifier: 'MRNTRIP0001' }), case: caseInput() }, alice);
    expect(created.status).toBe(200);
    const id = (created.json as { value: { id: number } }).value.id;
    expect(postgres.psql(url, `SELECT actor FROM audit_log WHERE entity = 'case' AND entity_id = '${id}'`).trim()).toBe('Alice');
    // Over 16 KB (a question too long to keep): read only once the session is known, then refused by the dispatcher
    // naming the field, as before; without a session, 401.
    const long = { patient: patient({ identifier: 'MRNTRIP0002' }), case: caseInput({ question: 'Which option? '.repeat(1_400) }) };
    expect(await api('cases.create', long, alice)).toMatchObject({ status: 400, json: { ok: false, error: { code: 'VALIDATION', field: 'case.question' } } });
    expect((await api('cases.create', long)).status).toBe(401);
  });

  it('reuses a session it has just looked up for 2 s at most, and never past a change to accounts or sessions', async () => {
    createUser(server.context.db, { name: 'Ada', role: 'admin', password: PASSWORD }, 'setup');
    createUser(server.context.db, { name: 'Bea', role: 'member', password: PASSWORD }, 'setup');
    createUser(server.context.db, { name: 'Cy', role: 'member', password: PASSWORD }, 'setup');
    const ada = await signIn('Ada');
    const bea = await signIn('Bea');
    expect((await api('cases.list', {}, bea)).status).toBe(200);
    // Disabled through this server: Bea's very next request is refused.
    expect((await api('users.disable', { name: 'Bea' }, ada)).status).toBe(200);
    expect((await api('cases.list', {}, bea)).status).toBe(401);
    // Disabled by another connection (another server, the CLI): its audit row reaches the feed by NOTIFY, and the
    // session goes well before the 2 s an entry may live.
    const cy = await signIn('Cy');
    const looked = Date.now();
    expect((await api('cases.list', {}, cy)).status).toBe(200);
    setUserDisabled(server.context.db, 'Cy', true, 'another process');
    await vi.waitFor(async () => expect((await api('cases.list', {}, cy)).status).toBe(401), { timeout: 5_000, interval: 50 });
    expect(Date.now() - looked).toBeLessThan(1_900);
    // Ended in the database by hand (no audit row, so nobody is told): honoured within the 2 s.
    const alice = await signIn('Alice');
    expect((await api('cases.list', {}, alice)).status).toBe(200);
    postgres.psql(url, "UPDATE sessions SET ended_at = '2026-12-03T09:00:00Z', end_reason = 'logout' WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE name = 'Alice')");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await api('cases.list', {}, alice)).status).toBe(401);
  });

  it('spreads 30 parallel creates over the cores with unique ids, the audit chain whole, and every event on the stream', async () => {
    const alice = await signIn('Alice');
    const stream = openEvents(`${server.host.url}api/events`, { cookie: alice, ca });
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) =>
        api('cases.create', { patient: patient({ identifier: `MRNPAR${String(i).padStart(4, '0')}` }), case: caseInput() }, alice)));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 30 }, () => 200));
      const ids = answers.map((a) => (a.json as { value: { id: number } }).value.id);
      expect(new Set(ids).size).toBe(30);
      // Each create writes a patient and a case row to the log: 60 events, whichever core wrote them.
      await stream.waitFor(60, 10_000);
      expect(stream.events.filter((e) => (e.data as { op: string }).op === 'case.create').map((e) => (e.data as { id: number }).id).sort((a, b) => a - b))
        .toEqual([...ids].sort((a, b) => a - b));
    } finally {
      stream.close();
    }
    expect(verifyAuditChain(server.context.db)).toMatchObject({ ok: true });
  });

  it('refuses to start, rather than hang, when its cores cannot start', async () => {
    const broken = path.join(path.dirname(script), 'not-a-core.cjs');
    writeFileSync(broken, '// a bundle that serves no core\n');
    const tls = await loadOrCreateTls({ dbPath: path.join(tmp(), 'tls'), names: ['127.0.0.1'] });
    await expect(startBoardServer({
      postgres: { url }, staticDir: tmp(), host: '127.0.0.1', port: 0, tlsCert: tls.certPath, tlsKey: tls.keyPath, cores: { script: broken, count: 2 },
    })).rejects.toThrow("the board server's cores did not start: the board core serving this request stopped");
  });

  it('answers again on new connections when every connection is cut', async () => {
    const alice = await signIn('Alice');
    const cut = Number(postgres.psql(url, 'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()').trim());
    // The front's, the LISTEN one and at least one per core.
    expect(cut).toBeGreaterThanOrEqual(5);
    await vi.waitFor(async () => expect((await api('cases.list', {}, alice)).status).toBe(200), { timeout: 15_000, interval: 200 });
    expect(log.filter((l) => l.startsWith('a board core stopped'))).toEqual([]);
  });
});
