/**
 * Many servers, one store: two real `serve --network --postgres URL --listen 127.0.0.1:0` processes on one
 * PostgreSQL database (the board moved there with migrate-to-postgres). An edit through one reaches an SSE client of
 * the other within 2 s (LISTEN/NOTIFY, not the 10 s safety poll), Last-Event-ID resumes on the other server, 60
 * parallel edits through both leave the audit chain whole, a stale save is refused (409) across processes, and new
 * ids are unique. Then the protections at the psql level: audit rows and signed decisions cannot be changed, and an
 * audit row altered with the triggers disabled by the table's owner makes `check --postgres` name it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../db/open';
import { auditKeyPathFor } from '../../../db/auditKey';
import { createUser } from '../../../db/repositories/users';
import { copySqliteToPostgres } from '../../../db/move';
import { openPostgres } from '../../../db/sql/postgres';
import { loadOrCreateTls } from '../../../electron/host/tls';
import { seedDemo } from '../../../electron/services/demo';
import { postgres } from '../../postgres/database';
import { cli } from '../helpers/cli';
import { call, openEvents } from './https';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PASSWORD = 'two servers long password';

interface Server { child: ChildProcess; base: string; log: string[] }
interface CaseRecord { id: number; version: number; patient: Record<string, unknown>; referring_clinician: string; diagnosis: string; question: string; status: string; last_imaging_date: string | null; last_labs_date: string | null; facts: Record<string, unknown> }

const caseInputOf = (r: CaseRecord, diagnosis: string) => ({
  referring_clinician: r.referring_clinician, diagnosis, question: r.question, status: r.status,
  last_imaging_date: r.last_imaging_date, last_labs_date: r.last_labs_date, facts: r.facts,
});
const patientInputOf = (p: Record<string, unknown>) => ({
  identifier: p.identifier, family_name: p.family_name, given_name: p.given_name, birth_date: p.birth_date, sex: p.sex,
});

describe.skipIf(!postgres.available)('two board servers on one PostgreSQL database', () => {
  let work = '';
  let url = '';
  let urlNoPassword = '';
  let password = '';
  let ca = '';
  let auditKey = '';
  const servers: Server[] = [];

  function startServer(cliPath: string, cert: string, key: string): Promise<Server> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, 'serve', '--network', '--postgres', urlNoPassword, '--listen', '127.0.0.1:0', '--tls-cert', cert, '--tls-key', key, '--audit-key', auditKey], {
        cwd: root, env: { ...process.env, PGPASSWORD: password }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      const log: string[] = [];
      let out = '';
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve printed no URL in 30 s:\n${out}\n${log.join('\n')}`)); }, 30_000);
      let started = false;
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /Tumour Board board server: (https:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m?.[1] && !started) {
          started = true;
          clearTimeout(timer);
          const server = { child, base: m[1], log };
          servers.push(server);
          resolve(server);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)));
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${out}\n${log.join('\n')}`)); });
    });
  }

  const api = (server: Server, name: string, body: unknown, cookie?: string) =>
    call(`${server.base}api/${name}`, { method: 'POST', ca, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify(body) });

  async function signIn(server: Server, name = 'coordinator'): Promise<string> {
    const answer = await api(server, 'session.login', { name, password: PASSWORD });
    expect(answer.status).toBe(200);
    return (answer.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  }

  async function getCase(server: Server, cookie: string, id: number): Promise<CaseRecord> {
    const answer = await api(server, 'cases.get', { id }, cookie);
    expect(answer.status).toBe(200);
    return (answer.json as { value: CaseRecord }).value;
  }

  const save = (server: Server, cookie: string, rec: CaseRecord, diagnosis: string, version = rec.version) =>
    api(server, 'cases.update', { id: rec.id, version, patient: patientInputOf(rec.patient), case: caseInputOf(rec, diagnosis) }, cookie);

  const savedPassword = process.env.PGPASSWORD;
  beforeAll(async () => {
    mkdirSync(path.join(root, '.tmp'), { recursive: true });
    work = mkdtempSync(path.join(root, '.tmp', 'two-servers-'));
    // The CLI as shipped (one CommonJS bundle beside a built UI), here with a placeholder UI.
    const cliPath = path.join(work, 'cli.cjs');
    await build({
      entryPoints: [path.join(root, 'electron', 'cli', 'main.ts')], outfile: cliPath, bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', external: ['electron', 'better-sqlite3', 'playwright-core', 'pg'], logLevel: 'error',
    });
    mkdirSync(path.join(work, 'renderer'));
    writeFileSync(path.join(work, 'renderer', 'index.html'), '<!doctype html><title>board</title>');
    // The board: the demo with accounts, moved into a fresh database.
    const file = path.join(work, 'board.db');
    auditKey = auditKeyPathFor(file);
    const { db } = openDatabase(file);
    seedDemo(db, 120, 5);
    createUser(db, { name: 'coordinator', role: 'coordinator', password: PASSWORD }, 'setup');
    createUser(db, { name: 'chair', role: 'chair', password: PASSWORD }, 'setup');
    url = postgres.freshDatabase('two servers');
    const target = openPostgres(url);
    try {
      copySqliteToPostgres(db, target);
    } finally {
      target.close();
      db.close();
    }
    const u = new URL(url);
    password = decodeURIComponent(u.password);
    u.password = '';
    urlNoPassword = u.toString();
    process.env.PGPASSWORD = password; // for the in-process CLI (check, audit): never in the URL
    const tls = await loadOrCreateTls({ dbPath: file, names: ['127.0.0.1'] });
    ca = tls.cert;
    await startServer(cliPath, tls.certPath, tls.keyPath);
    await startServer(cliPath, tls.certPath, tls.keyPath);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      if (s.child.exitCode !== null) return resolve();
      s.child.removeAllListeners('exit');
      s.child.once('exit', () => resolve());
      s.child.kill('SIGTERM');
    })));
    if (work) rmSync(work, { recursive: true, force: true });
    if (savedPassword === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = savedPassword;
  });

  it('listens for other processes\' changes on PostgreSQL (said in the log)', async () => {
    for (const s of servers) await vi.waitFor(() => expect(s.log).toContain(`live events: listening on ${urlNoPassword} (channel tb_audit)`));
  });

  it('brings an edit made through one server to an event stream of the other within 2 s, and resumes from Last-Event-ID there', async () => {
    const [a, b] = servers as [Server, Server];
    const cookieA = await signIn(a);
    const cookieB = await signIn(b);
    const stream = openEvents(`${b.base}api/events`, { cookie: cookieB, ca });
    try {
      await new Promise((r) => setTimeout(r, 200)); // the stream is open (its 200 and comment arrive first)
      expect(stream.status()).toBe(200);
      const rec = await getCase(a, cookieA, 3);
      const saved = await save(a, cookieA, rec, 'edited through server A');
      expect(saved.status).toBe(200);
      await stream.waitFor(1, 2000);
      expect(stream.events[0]?.data).toMatchObject({ op: 'case.update', entity: 'case', id: 3, version: rec.version + 1, actor: 'coordinator' });
      const seen = Number(stream.events[0]?.id);

      // Two more edits through A while a second client of B is away; it resumes from the last id it saw.
      for (const id of [4, 5]) expect((await save(a, cookieA, await getCase(a, cookieA, id), `while away ${id}`)).status).toBe(200);
      const resumed = openEvents(`${b.base}api/events`, { cookie: cookieB, ca, lastEventId: String(seen) });
      try {
        await resumed.waitFor(2, 2000);
        expect(resumed.events.map((e) => (e.data as { id: number }).id)).toEqual([4, 5]);
        expect(resumed.events.map((e) => Number(e.id))).toEqual([seen + 1, seen + 2]);
      } finally {
        resumed.close();
      }
    } finally {
      stream.close();
    }
  });

  it('refuses a stale save on the other process (409) and keeps the newer one', async () => {
    const [a, b] = servers as [Server, Server];
    const cookieA = await signIn(a);
    const cookieB = await signIn(b);
    const seenByA = await getCase(a, cookieA, 7);
    const fromB = await save(b, cookieB, await getCase(b, cookieB, 7), 'saved first through B');
    expect(fromB.status).toBe(200);
    const stale = await save(a, cookieA, seenByA, 'stale save through A');
    expect(stale.status).toBe(409);
    expect((await getCase(a, cookieA, 7)).diagnosis).toBe('saved first through B');
  });

  it('takes 60 parallel edits through both servers with unique ids and the audit chain whole', async () => {
    const [a, b] = servers as [Server, Server];
    const cookies = [await signIn(a), await signIn(b)];
    const before = Number(postgres.psql(url, 'SELECT max(id) FROM audit_log').trim());
    const maxCase = Number(postgres.psql(url, 'SELECT max(id) FROM cases').trim());
    const ids = Array.from({ length: 40 }, (_, i) => 20 + i);
    const records = await Promise.all(ids.map((id) => getCase(a, cookies[0] ?? '', id)));
    // 40 case edits and 20 new cases, alternating between the servers, all at once.
    const edits = records.map((rec, i) => save(servers[i % 2] as Server, cookies[i % 2] ?? '', rec, `parallel edit ${i}`));
    const creates = Array.from({ length: 20 }, (_, i) => api(servers[i % 2] as Server, 'cases.create', {
      patient: { identifier: `PAR${String(i).padStart(4, '0')}`, family_name: 'Parallel', given_name: `N${i}`, birth_date: '1960-01-01', sex: 'female' },
      case: { referring_clinician: 'Dr Two', diagnosis: 'parallel create', question: 'q', status: 'draft', facts: { primary_tumor: 'colorectal' } },
    }, cookies[i % 2]));
    const answers = await Promise.all([...edits, ...creates]);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    const newIds = answers.slice(40).map((r) => (r.json as { value: { id: number } }).value.id);
    expect(new Set(newIds).size).toBe(20);
    expect(Math.min(...newIds)).toBeGreaterThan(maxCase); // past every id there was (the copied ones included)
    const after = Number(postgres.psql(url, 'SELECT max(id) FROM audit_log').trim());
    expect(after - before).toBeGreaterThanOrEqual(60);
    expect(postgres.psql(url, 'SELECT count(*) = max(id) FROM audit_log').trim()).toBe('t');
    const audit = await cli('audit', '--postgres', urlNoPassword, '--audit-key', auditKey);
    expect(audit.err).toBe('');
    expect(audit.code).toBe(0);
    for (const [i, rec] of records.entries()) expect((await getCase(b, cookies[1] ?? '', rec.id)).diagnosis).toBe(`parallel edit ${i}`);
  });

  describe('the protections at the psql level', () => {
    it('refuses UPDATE and DELETE of an audit row', () => {
      expect(() => postgres.psql(url, "UPDATE audit_log SET actor = 'someone else' WHERE id = 1")).toThrow(/audit_log is append-only/);
      expect(() => postgres.psql(url, 'DELETE FROM audit_log WHERE id = 1')).toThrow(/audit_log is append-only/);
    });

    it('refuses UPDATE of a decision of a signed meeting', () => {
      const id = postgres.psql(url, "SELECT d.id FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE m.status = 'signed' ORDER BY d.id LIMIT 1").trim();
      expect(id).toMatch(/^\d+$/);
      expect(() => postgres.psql(url, `UPDATE decisions SET rationale = 'rewritten' WHERE id = ${id}`)).toThrow(/signed/);
    });

    it('names the audit row altered with the triggers disabled by the table\'s owner', async () => {
      postgres.psql(url, "ALTER TABLE audit_log DISABLE TRIGGER ALL; UPDATE audit_log SET actor = 'someone else' WHERE id = 5; ALTER TABLE audit_log ENABLE TRIGGER ALL;");
      const check = await cli('check', '--postgres', urlNoPassword, '--audit-key', auditKey);
      expect(check.code).toBe(1);
      expect(check.err).toMatch(/FAILED: audit row 5: content does not match its keyed hash/);
    });
  });
});
