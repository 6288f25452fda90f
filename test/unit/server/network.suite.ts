/**
 * The board server (`serve --network`) over HTTPS, on either engine (network.test.ts: SQLite; network.pg.test.ts:
 * PostgreSQL): TLS only, accounts and sessions, 401/403 for every operation and role, 409 on a stale version,
 * live events. On PostgreSQL the certificate is given (--tls-cert/--tls-key), as the server requires there.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:tls';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../db/repositories/users';
import { allows, OPERATION_NAMES, operations, USER_ROLES, type UserRole } from '../../../shared/api';
import { startBoardServer, type BoardServerOptions } from '../../../electron/host/board';
import { loadOrCreateTls, type TlsMaterial } from '../../../electron/host/tls';
import { caseInput, patient } from '../helpers/fixtures';
import { useEngine, type Engine, type EngineFixture } from '../helpers/engines';
import { call, openEvents } from './https';
import { stmt } from '../../../db/statements';
import { machineClock, todayIn } from '../../../shared/time/clock';

export const PASSWORDS = { Alice: 'alice long password', Carl: 'carl long password!', Mona: 'mona long password!' } as const;

const certificates = new WeakMap<EngineFixture, TlsMaterial>();

type StartOptions = Partial<Pick<BoardServerOptions, 'now' | 'policy' | 'loginRatePerMinute'>>;

/** A board server on a fresh store of the fixture's engine, with three accounts; closed after the test. */
export async function startServer(fixture: EngineFixture, options: StartOptions = {}) {
  const dir = fixture.tmp();
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>board</title>');
  const store = fixture.place();
  // PostgreSQL: no file to keep a self-signed certificate beside, so one is made (once per file) and given, as an
  // operator would.
  let given = store.postgres ? certificates.get(fixture) : undefined;
  if (store.postgres && !given) {
    given = await loadOrCreateTls({ dbPath: path.join(fixture.tmp('file'), 'tls'), names: ['127.0.0.1'] });
    certificates.set(fixture, given);
  }
  const tlsFiles = given ? { tlsCert: given.certPath, tlsKey: given.keyPath } : {};
  const server = fixture.track(await fixture.opening(() => startBoardServer({ ...store, staticDir, host: '127.0.0.1', port: 0, ...tlsFiles, ...options })));
  const db = server.context.db;
  createUser(db, { name: 'Alice', role: 'coordinator', password: PASSWORDS.Alice }, 'setup');
  createUser(db, { name: 'Carl', role: 'chair', password: PASSWORDS.Carl }, 'setup');
  createUser(db, { name: 'Mona', role: 'member', password: PASSWORDS.Mona }, 'setup');
  const base = server.host.url;
  const ca = server.tls.cert;
  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    call(`${base}api/${name}`, { method: 'POST', ca, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const login = async (name: keyof typeof PASSWORDS, password: string = PASSWORDS[name]) => {
    const answer = await api('session.login', { name, password });
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    return { answer, setCookie, cookie: setCookie.split(';')[0] ?? '' };
  };
  return { server, dir, store, base, ca, api, login };
}

export function networkSuite(engine: Engine): void {
  const fixture = useEngine(engine);
  const start = (options: StartOptions = {}) => startServer(fixture, options);

  describe(`board server (serve --network) on ${engine}`, () => {
    it('speaks HTTPS only, TLS 1.2 or later, with its certificate (self-signed beside a SQLite file; given on PostgreSQL; key 0600)', async () => {
      const { server, base, store } = await start();
      expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      expect(server.host.port).toBeGreaterThan(0);
      expect(server.tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(server.tls.certPath).toBe(store.dbPath === undefined ? certificates.get(fixture)?.certPath : `${store.dbPath}.tls-cert.pem`);
      expect(statSync(server.tls.keyPath).mode & 0o777).toBe(0o600);
      // Plain HTTP to the same port gets no HTTP answer at all.
      const plain = await new Promise<string>((resolve) => {
        const req = httpRequest(`http://127.0.0.1:${server.host.port}/api/cases.list`, { method: 'POST' }, (res) => resolve(`answered ${res.statusCode ?? 0}`));
        req.on('error', (error: NodeJS.ErrnoException) => resolve(`refused: ${error.code ?? error.message}`));
        req.end('{}');
      });
      expect(plain).toMatch(/^refused: /);
      // TLS 1.1 is refused during the handshake.
      const old = await new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: server.host.port, ca: server.tls.cert, maxVersion: 'TLSv1.1', minVersion: 'TLSv1' }, () => resolve('connected'));
        socket.on('error', () => resolve('refused'));
      });
      expect(old).toBe('refused');
    });

    it('answers 401 without a session and sets a Secure, HttpOnly, SameSite=Strict cookie on sign-in', async () => {
      const { api, login } = await start();
      const anonymous = await api('cases.list', {});
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['cache-control']).toBe('no-store');
      expect(anonymous.headers['strict-transport-security']).toContain('max-age=');
      expect(anonymous.headers['x-content-type-options']).toBe('nosniff');
      expect(anonymous.headers['referrer-policy']).toBe('no-referrer');
      const wrong = await login('Alice', 'not the password');
      expect(wrong.answer.status).toBe(401);
      expect(wrong.answer.json).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'wrong name or password' } });
      expect(wrong.setCookie).toBe('');
      const { answer, setCookie, cookie } = await login('Alice');
      expect(answer.json).toEqual({ ok: true, value: { name: 'Alice', role: 'coordinator', profile_id: 1 } });
      expect(setCookie).toMatch(/^__Host-tb_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$/);
      const list = await api('cases.list', {}, { Cookie: cookie });
      expect(list.status).toBe(200);
      expect(list.json).toMatchObject({ ok: true, value: { total: 0 } });
    });

    it('names the signed-in account in the audit row of an edit', async () => {
      const { api, login, server } = await start();
      const { cookie } = await login('Alice');
      const created = await api('cases.create', { patient: patient(), case: caseInput() }, { Cookie: cookie });
      expect(created.status).toBe(200);
      const row = stmt(server.context.db, "SELECT actor FROM audit_log WHERE action LIKE 'case.%' ORDER BY id DESC LIMIT 1").get();
      expect(row).toEqual({ actor: 'Alice' });
    });

    it('answers 409 to a save of a stale case version, naming who saved first, and keeps the first save', async () => {
      const { api, login } = await start();
      const alice = await login('Alice');
      const created = await api('cases.create', { patient: patient(), case: caseInput() }, { Cookie: alice.cookie });
      const id = (created.json as { value: { id: number } }).value.id;
      // Two screens of the board opened version 1; the first save wins.
      const first = await api('cases.update', { id, version: 1, patient: patient(), case: caseInput({ diagnosis: 'saved first' }) }, { Cookie: alice.cookie });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ ok: true, value: { id, version: 2, diagnosis: 'saved first' } });
      const stale = await api('cases.update', { id, version: 1, patient: patient(), case: caseInput({ diagnosis: 'saved late' }) }, { Cookie: (await login('Alice')).cookie });
      expect(stale.status).toBe(409);
      const error = (stale.json as { ok: false; error: { code: string; message: string } }).error;
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(new RegExp(`^case ${id} was changed by Alice at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(now version 2\\) \\(you edited version 1\\); your edits are kept: compare and merge$`));
      expect((await api('cases.get', { id }, { Cookie: alice.cookie })).json).toMatchObject({ ok: true, value: { version: 2, diagnosis: 'saved first' } });
    });

    it('keeps several sessions per account apart: signing out of one leaves the other signed in', async () => {
      const { api, login } = await start();
      const one = await login('Alice');
      const two = await login('Alice');
      expect(one.cookie).not.toBe(two.cookie);
      const out = await api('session.logout', {}, { Cookie: one.cookie });
      expect(out.headers['set-cookie']?.[0]).toContain('Max-Age=0');
      expect((await api('cases.list', {}, { Cookie: one.cookie })).status).toBe(401);
      expect((await api('cases.list', {}, { Cookie: two.cookie })).status).toBe(200);
    });

    it('ends an idle session', async () => {
      let now = new Date('2026-03-02T09:00:00Z');
      const { api, login } = await start({ now: () => now });
      const { cookie } = await login('Alice');
      now = new Date('2026-03-02T09:29:00Z');
      expect((await api('cases.list', {}, { Cookie: cookie })).status).toBe(200);
      now = new Date('2026-03-02T09:59:30Z');
      expect((await api('cases.list', {}, { Cookie: cookie })).status).toBe(401);
    });

    it('locks an account after 5 wrong passwords, says until when, and leaves other accounts alone', async () => {
      const { login } = await start();
      for (let i = 0; i < 4; i++) expect((await login('Alice', 'wrong password here')).answer.status).toBe(401);
      const fifth = await login('Alice', 'wrong password here');
      expect(JSON.stringify(fifth.answer.json)).toMatch(/locked .*until \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)/);
      expect(JSON.stringify((await login('Alice')).answer.json)).toContain('locked');
      expect((await login('Carl')).answer.status).toBe(200);
    });

    it('refuses cross-site requests, other Host names, and bodies over the limit with 413 JSON', async () => {
      const { api, login, base, ca, server } = await start();
      const { cookie } = await login('Alice');
      const cross = await api('cases.list', {}, { Cookie: cookie, Origin: 'https://evil.example' });
      expect(cross.status).toBe(403);
      const same = await api('cases.list', {}, { Cookie: cookie, Origin: base.replace(/\/$/, '') });
      expect(same.status).toBe(200);
      const misdirected = await call(`${base}api/cases.list`, { method: 'POST', ca, headers: { Cookie: cookie, Host: `evil.example:${server.host.port}` }, body: '{}', servername: 'localhost' });
      expect(misdirected.status).toBe(421);
      const big = await call(`${base}api/cases.list`, { method: 'POST', ca, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ search: 'x'.repeat(3 * 1024 * 1024) }) });
      expect(big.status).toBe(413);
      expect(big.json).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
      const dir = await call(`${base}assets/`, { ca });
      expect(dir.status).toBe(200); // an extension-less path is the app (index.html), never a listing
      expect(dir.text).toContain('<title>board</title>');
    });

    it('rate-limits sign-in attempts per address, generously', async () => {
      const { server } = await start({ loginRatePerMinute: 30 });
      const attempts: number[] = [];
      for (let i = 0; i < 31; i++) {
        const a = await call(`${server.host.url}api/session.login`, { method: 'POST', ca: server.tls.cert, body: JSON.stringify({ name: `nobody${i}`, password: 'x' }) });
        attempts.push(a.status);
      }
      expect(attempts.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(attempts[30]).toBe(429);
    });

    it('streams every committed change to other signed-in clients, and resumes with Last-Event-ID', async () => {
      const { api, login, base, ca } = await start();
      const alice = await login('Alice');
      const carl = await login('Carl');
      expect((await call(`${base}api/events`, { ca })).status).toBe(401);
      const stream = openEvents(`${base}api/events`, { cookie: carl.cookie, ca });
      await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      const created = await api('cases.create', { patient: patient(), case: caseInput() }, { Cookie: alice.cookie });
      const id = (created.json as { value: { id: number } }).value.id;
      await stream.waitFor(2);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(stream.events.map((e) => e.data)).toEqual([
        expect.objectContaining({ op: 'patient.create', entity: 'patient', actor: 'Alice' }),
        expect.objectContaining({ op: 'case.create', entity: 'case', id, version: 1, actor: 'Alice' }),
      ]);
      const firstId = stream.events[1]?.id ?? '';
      stream.close();
      // Missed while away: resumed from the last id seen.
      const rec = (await api('cases.get', { id }, { Cookie: alice.cookie })).json as { value: { version: number; patient: unknown; case: unknown } };
      expect(rec.value.version).toBe(1);
      const resumed = openEvents(`${base}api/events`, { cookie: carl.cookie, ca, lastEventId: firstId });
      const updated = await api('cases.update', { id, version: 1, patient: patient(), case: caseInput({ diagnosis: 'changed' }) }, { Cookie: alice.cookie });
      expect(updated.status).toBe(200);
      await resumed.waitFor(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(resumed.events.map((e) => e.data)).toEqual([expect.objectContaining({ op: 'case.update', id, version: 2, actor: 'Alice' })]);
      resumed.close();
    });

    it('boards, agenda items and decisions: each notice carries the new version; a stale save answers 409 naming who and when', async () => {
      const { api, login, base, ca } = await start();
      const alice = { Cookie: (await login('Alice')).cookie };
      const carl = { Cookie: (await login('Carl')).cookie };
      const stream = openEvents(`${base}api/events`, { cookie: alice.Cookie, ca });
      await new Promise((r) => setTimeout(r, 100));
      const rules = { name: 'Lung MDT', quorum: ['surgery'], imaging_max_days: 42, labs_max_days: 14 };
      const board = (await api('boards.save', rules, alice)).json as { value: { id: number; version: number } };
      expect((await api('boards.save', { ...rules, labs_max_days: 21, version: 1 }, carl)).status).toBe(200);
      const stale = await api('boards.save', { ...rules, imaging_max_days: 60, version: 1 }, alice);
      expect(stale.status).toBe(409);
      expect(stale.json).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(
        /^board Lung MDT was changed by Carl at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(now version 2\) \(you edited version 1\); your edits are kept: compare and merge$/,
      ) } });
      const today = todayIn(machineClock().time_zone);
      const meeting = ((await api('meetings.create', { board: 'Lung MDT', scheduled_at: `${today}T00:00` }, alice)).json as { value: { id: number; version: number } }).value;
      const c = ((await api('cases.create', { patient: patient(), case: caseInput() }, alice)).json as { value: { id: number } }).value;
      const item = ((await api('meetings.addCase', { meeting_id: meeting.id, case_id: c.id, override_reason: 'urgent' }, alice)).json as { value: { id: number } }).value;
      expect((await api('meetings.setItem', { item_id: item.id, version: 1, presenter: 'Dr Lung' }, carl)).status).toBe(200);
      expect((await api('meetings.start', { id: meeting.id, version: meeting.version }, alice)).status).toBe(200);
      const decision = { agenda_item_id: item.id, plan: 'further_workup', intent: 'palliative', rationale: 'r', consensus: 'unanimous', patient_preference_discussed: true };
      const recorded = ((await api('decisions.record', decision, carl)).json as { value: { id: number } }).value;
      expect((await api('decisions.record', { ...decision, rationale: 'r2', version: 1 }, alice)).status).toBe(200);
      const ofRecords = () => stream.events.map((e) => e.data as { op: string; entity: string; id: number; version: number | null; actor: string })
        .filter((d) => ['board', 'agenda_item', 'decision'].includes(d.entity)).map((d) => [d.op, d.id, d.version, d.actor]);
      await expect.poll(ofRecords, { timeout: 2000 }).toEqual([
        ['board.create', board.value.id, 1, 'Alice'], ['board.update', board.value.id, 2, 'Carl'],
        ['agenda.add', item.id, 1, 'Alice'], ['agenda.update', item.id, 2, 'Carl'],
        ['decision.record', recorded.id, 1, 'Carl'], ['decision.update', recorded.id, 2, 'Alice'],
      ]);
      stream.close();
    });
  });

  describe(`board server authorisation on ${engine}: the whole contract, every role`, () => {
    it('answers 401 without a session and 403 exactly where the contract leaves a role out', async () => {
      const { api, login, server } = await start();
      createUser(server.context.db, { name: 'Ada', role: 'admin', password: 'ada long password!' }, 'setup');
      const sessions: Record<UserRole, string> = {
        coordinator: (await login('Alice')).cookie,
        chair: (await login('Carl')).cookie,
        member: (await login('Mona')).cookie,
        admin: (await api('session.login', { name: 'Ada', password: 'ada long password!' })).headers['set-cookie']?.[0]?.split(';')[0] ?? '',
      };
      const mismatches: string[] = [];
      for (const name of OPERATION_NAMES) {
        const anonymous = await api(name, {});
        if (anonymous.status !== 401) mismatches.push(`${name} without a session: ${anonymous.status}`);
        for (const role of USER_ROLES) {
          // Empty input: an allowed caller gets past the role check (to a validation error or an answer), never 401/403.
          const answer = await api(name, {}, { Cookie: sessions[role] });
          const expected = allows(operations[name].access, role) ? 'allowed' : 'forbidden';
          const got = answer.status === 403 ? 'forbidden' : answer.status === 401 ? 'unauthenticated' : 'allowed';
          if (got !== expected) mismatches.push(`${name} as ${role}: expected ${expected}, got ${answer.status} ${answer.text.slice(0, 120)}`);
          if (got === 'forbidden') expect((answer.json as { error: { message: string } }).error.message).toMatch(/^only the .+ can do this; .+ acts as /);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('lets nobody act as someone else: choosing a profile is refused, and the chair signs with their password again', async () => {
      const { api, login } = await start();
      const carl = await login('Carl');
      const select = await api('profiles.select', { id: 1 }, { Cookie: carl.cookie });
      expect(select.status).toBe(403);
      expect((await api('session.current', {}, { Cookie: carl.cookie })).json).toMatchObject({ ok: true, value: { name: 'Carl', role: 'chair' } });
      const sign = await api('meetings.sign', { id: 1, version: 1 }, { Cookie: carl.cookie });
      expect(sign.status).toBe(401);
      expect(sign.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'password' } });
      const wrong = await api('meetings.sign', { id: 1, version: 1, password: 'not carl at all' }, { Cookie: carl.cookie });
      expect(wrong.json).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'wrong password' } });
      // The right password gets past the step-up to the business rules (there is no meeting 1 here).
      const right = await api('meetings.sign', { id: 1, version: 1, password: PASSWORDS.Carl }, { Cookie: carl.cookie });
      expect(right.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
}
