/**
 * Board server under load (loopback only, bounded): a 10,000-case database served by `startBoardServer` in a worker
 * thread (its own event loop, as in production), 50 simulated users signed in over HTTPS for 60 s. Each user thinks
 * 100–400 ms between requests (people click; a closed loop without pauses would measure queueing, not the server)
 * and does 80 % reads (case list, a case, a search, the agenda) and 20 % writes. Writes: a coordinator edits its own
 * cases, and one edit in ten is on a handful of shared cases that everybody edits, read first and saved after a
 * pause, so two people saving the same version happens for real: the loser's 409 is the correct answer and is
 * counted as `server.conflicts`, never as an error. A chair records decisions on its share of today's meeting.
 * Every acknowledged write is re-read at the end (lost writes: the server must hold the newest acknowledged version
 * of every case, and the last decision each chair recorded), then the database is checked. Any other 4xx is a bug
 * and printed as `server.refused_4xx`. BENCH_SERVER_SECONDS / BENCH_SERVER_USERS / BENCH_SERVER_CASES shorten it;
 * BENCH_SERVER_ENGINE=sqlite or postgres runs one engine only.
 *
 * The same board and load then run on PostgreSQL (`server.pg.*`, beside SQLite's `server.*`): the prepared file moved
 * with migrate-to-postgres into a new database on the server in BENCH_POSTGRES_URL (a role with CREATEDB; password in
 * PGPASSWORD) or, without it, on a throw-away local cluster (test/postgres/cluster.ts, Debian's postgresql). Without
 * PostgreSQL it says so on stderr and emits no server.pg line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { checkDatabase } from '../db/check';
import { createUser } from '../db/repositories/users';
import { addCaseToMeeting, createMeeting, readinessFor, transitionMeeting } from '../db/repositories/meetings';
import { clockOf } from '../db/repositories/settings';
import { todayIn } from '../shared/time/clock';
import { seedDemo } from '../electron/services/demo';
import { startBoardServer } from '../electron/host/board';
import { emit } from './harness';
import { copySqliteToPostgres } from '../db/move';
import { auditKeyPathFor, setProcessAuditKeyFile } from '../db/auditKey';
import { openPostgres } from '../db/sql/postgres';
import { loadOrCreateTls } from '../electron/host/tls';
import { findPostgresBinaries, MISSING_POSTGRES, psql, startTestCluster, type TestCluster } from '../test/postgres/cluster';

const PASSWORD = 'bench password, long enough';

interface Setup { dbPath: string; staticDir: string; postgres?: { url: string; password?: string }; tlsCert?: string; tlsKey?: string }
interface Ready { url: string; cert: string; items: number[]; shared: number[]; cases: number }

/** Worker side: the server. */
async function serve(setup: Setup): Promise<void> {
  // On PostgreSQL the board's audit key comes from a file given to the server (--audit-key): the moved board's own.
  if (setup.postgres) setProcessAuditKeyFile(auditKeyPathFor(setup.dbPath));
  const server = await startBoardServer({
    ...(setup.postgres ? { postgres: setup.postgres } : { dbPath: setup.dbPath }),
    ...(setup.tlsCert && setup.tlsKey ? { tlsCert: setup.tlsCert, tlsKey: setup.tlsKey } : {}),
    staticDir: setup.staticDir, host: '127.0.0.1', port: 0, loginRatePerMinute: 10_000,
    // What the server logs (a request that failed, a lost connection) goes to stderr, to explain a 5xx.
    log: (line: string) => process.stderr.write(`bench server: ${line}\n`),
    // As `serve --network --postgres` does: the server's cores in threads of this same bundle.
    ...(setup.postgres ? { cores: { script: __filename, ...(process.env.BENCH_SERVER_CORES ? { count: Number(process.env.BENCH_SERVER_CORES) } : {}) } } : {}),
  });
  parentPort?.postMessage({ url: server.host.url, cert: server.tls.cert });
  parentPort?.once('message', () => {
    void server.close().then(() => parentPort?.postMessage('closed'));
  });
}

/**
 * Case ids that no coordinator owns (coordinator u edits ids ≡ 1 + u mod users, and u is never a multiple of 5):
 * today's agenda and the shared cases come from these, so a decision moving a case along never meets an own edit.
 */
const unowned = (cases: number, users: number) => {
  const ids: number[] = [];
  for (let id = 1; id <= cases; id++) if (((id - 1) % users) % 5 === 0) ids.push(id);
  return ids;
};
const AGENDA_SIZE = 40;
const SHARED_CASES = 5;

/** Main side: the database the server will open (cases, accounts, today's meeting in progress with its agenda). */
function prepare(dir: string, cases: number, users: number): { setup: Setup; items: number[]; shared: number[] } {
  const dbPath = path.join(dir, 'server-bench.db');
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  const { db } = openDatabase(dbPath);
  seedDemo(db, cases, 11);
  createUser(db, { name: 'bench-coordinator', role: 'coordinator', password: PASSWORD }, 'bench');
  createUser(db, { name: 'bench-chair', role: 'chair', password: PASSWORD }, 'bench');
  const free = unowned(cases, users);
  const coordinator = { label: 'bench-coordinator', profileId: null };
  const meeting = createMeeting(db, {
    board: 'Bench board', scheduled_at: `${todayIn(clockOf(db).time_zone)}T08:00`, location: '', video_link: '',
    chair_profile_id: null, coordinator_profile_id: null, attendees: [],
  }, coordinator);
  const listed = free.slice(0, AGENDA_SIZE).map((caseId) => {
    const ready = readinessFor(db, meeting.id, caseId).ready;
    return addCaseToMeeting(db, { meeting_id: meeting.id, case_id: caseId, ...(ready ? {} : { override_reason: 'Listed for the bench.' }) }, coordinator).id;
  });
  transitionMeeting(db, meeting.id, meeting.version, 'start', coordinator);
  db.close();
  return { setup: { dbPath, staticDir }, items: listed, shared: free.slice(AGENDA_SIZE, AGENDA_SIZE + SHARED_CASES) };
}

interface Answer { status: number; body: unknown }

function client(url: string, cert: string, users: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: users + 4, ca: cert, scheduling: 'lifo' });
  return (name: string, input: unknown, cookie?: string): Promise<Answer & { setCookie?: string }> => new Promise((resolve) => {
    const payload = JSON.stringify(input);
    const req = request(`${url}api/${name}`, {
      method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...(cookie ? { Cookie: cookie } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let body: unknown = null;
        try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { /* counted by status */ }
        const setCookie = res.headers['set-cookie']?.[0]?.split(';')[0];
        resolve({ status: res.statusCode ?? 0, body, ...(setCookie ? { setCookie } : {}) });
      });
    });
    req.on('error', () => resolve({ status: 0, body: null }));
    req.end(payload);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const SEARCHES = ['odeg', 'nunez', 'colorectal', 'hepatocellular', 'mrn12', 'y-90'];

interface CaseRecordLike { id: number; version: number; patient: Record<string, unknown>; referring_clinician: string; diagnosis: string; question: string; status: string; last_imaging_date: string | null; last_labs_date: string | null; facts: Record<string, unknown> }

const caseInputOf = (r: CaseRecordLike, diagnosis: string) => ({
  referring_clinician: r.referring_clinician, diagnosis, question: r.question, status: r.status,
  last_imaging_date: r.last_imaging_date, last_labs_date: r.last_labs_date, facts: r.facts,
});
const patientInputOf = (p: Record<string, unknown>) => ({
  identifier: p.identifier, family_name: p.family_name, given_name: p.given_name, birth_date: p.birth_date, sex: p.sex,
});

const seconds = Number(process.env.BENCH_SERVER_SECONDS ?? 60);
const userCount = Number(process.env.BENCH_SERVER_USERS ?? 50);
const caseCount = Number(process.env.BENCH_SERVER_CASES ?? 10_000);

/** BENCH_SERVER_ENGINE=sqlite or postgres runs the load on that engine only (default: both). */
const engine = process.env.BENCH_SERVER_ENGINE;

export async function benchServer(dir: string): Promise<void> {
  if (engine !== 'postgres') {
    const { setup, items, shared } = prepare(dir, caseCount, userCount);
    await load('server', setup, items, shared, () => {
      const { db } = openDatabase(setup.dbPath);
      try {
        return checkDatabase(db).problems.length;
      } finally {
        db.close();
      }
    });
  }
  if (engine !== 'sqlite') await benchServerPostgres(dir);
}

/** The same board and load on PostgreSQL: `server.pg.*`. */
async function benchServerPostgres(dir: string): Promise<void> {
  let cluster: TestCluster | null = null;
  let base = process.env.BENCH_POSTGRES_URL ?? null;
  const bin = findPostgresBinaries();
  if (!base) {
    if (!bin) {
      process.stderr.write(`server.pg: not run: ${MISSING_POSTGRES}, or set BENCH_POSTGRES_URL\n`);
      return;
    }
    cluster = await startTestCluster(bin);
    base = cluster.url;
  }
  try {
    const pgDir = path.join(dir, 'pg');
    mkdirSync(pgDir, { recursive: true });
    const { setup, items, shared } = prepare(pgDir, caseCount, userCount);
    const u = new URL(base);
    const password = decodeURIComponent(u.password) || process.env.PGPASSWORD;
    const withPassword = password !== undefined ? { password } : {};
    const name = `tb_bench_${Date.now()}`;
    const admin = openPostgres(base, withPassword);
    try {
      admin.exec(`CREATE DATABASE ${name}`);
    } finally {
      admin.close();
    }
    u.pathname = `/${name}`;
    u.password = '';
    const url = u.toString();
    const target = openPostgres(url, withPassword);
    try {
      const { db } = openDatabase(setup.dbPath);
      const t = performance.now();
      try {
        copySqliteToPostgres(db, target);
      } finally {
        db.close();
      }
      emit('server.pg.migrate', { median_ms: performance.now() - t, runs: 1 });
      const tls = await loadOrCreateTls({ dbPath: setup.dbPath, names: ['127.0.0.1'] });
      await load('server.pg', { ...setup, postgres: { url, ...withPassword }, tlsCert: tls.certPath, tlsKey: tls.keyPath }, items, shared, () => checkDatabase(target).problems.length);
    } finally {
      target.close();
      if (!cluster && bin) psql(bin, base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    cluster?.stop();
  }
}

/** Serves `setup` from a worker thread and runs the simulated users against it; metrics named `prefix.*`. */
async function load(prefix: string, setup: Setup, items: number[], shared: number[], problemsAfter: () => number): Promise<void> {
  const worker = new Worker(__filename, { workerData: setup });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', (m: { url: string; cert: string }) => resolve({ ...m, items, shared, cases: caseCount }));
    worker.once('error', reject);
  });
  const call = client(ready.url, ready.cert, userCount);
  const reads: number[] = [];
  const writes: number[] = [];
  /** Per operation (a search is its own row): latencies, for the breakdown on stderr that says which one is slow. */
  const byOperation = new Map<string, number[]>();
  let errors5xx = 0;
  let conflicts = 0;
  let conflictsUnnamed = 0;
  let requests = 0;
  /** Any other refusal is a bug in the server or in this simulation: counted, and the first few described. */
  const refused = new Map<string, number>();
  /** 5xx answers and failed connections, described on stderr like the refusals. */
  const failed = new Map<string, number>();
  /** Per case: the newest acknowledged edit (version and the text written). */
  const acknowledged = new Map<number, { version: number; diagnosis: string }>();
  /** Per agenda item: the version of its decision as last saved (each item has one chair). */
  const decisionVersions = new Map<number, number>();
  /** Per agenda item: the rationale of the last decision acknowledged (each item has one chair). */
  const decided = new Map<number, string>();
  const acknowledge = (id: number, version: number, diagnosis: string) => {
    const known = acknowledged.get(id);
    if (!known || known.version < version) acknowledged.set(id, { version, diagnosis });
  };

  const sessions: string[] = [];
  for (let u = 0; u < userCount; u++) {
    const login = await call('session.login', { name: u % 5 === 0 ? 'bench-chair' : 'bench-coordinator', password: PASSWORD });
    if (login.status !== 200 || !login.setCookie) throw new Error(`bench user ${u} could not sign in (${login.status})`);
    sessions.push(login.setCookie);
  }

  const deadline = performance.now() + seconds * 1000;
  const timed = async (kind: 'read' | 'write', name: string, input: unknown, cookie: string): Promise<Answer> => {
    const t = performance.now();
    const answer = await call(name, input, cookie);
    const ms = performance.now() - t;
    requests++;
    (kind === 'read' ? reads : writes).push(ms);
    const row = name === 'cases.list' && (input as { search?: string }).search ? 'cases.list (search)' : name;
    const list = byOperation.get(row);
    if (list) list.push(ms); else byOperation.set(row, [ms]);
    if (answer.status >= 500 || answer.status === 0) {
      errors5xx++;
      const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
      const key = `${name} ${answer.status === 0 ? 'no answer (connection failed)' : answer.status} ${error?.code ?? ''}: ${error?.message ?? ''}`;
      failed.set(key, (failed.get(key) ?? 0) + 1);
    }
    else if (answer.status === 409 && name === 'cases.update') {
      conflicts++;
      // The loser is told who saved first and when.
      const message = (answer.body as { error?: { message?: string } } | null)?.error?.message ?? '';
      if (!/bench-coordinator/.test(message)) conflictsUnnamed++;
    } else if (answer.status !== 200) {
      const error = (answer.body as { error?: { code?: string; message?: string } } | null)?.error;
      const key = `${name} ${answer.status} ${error?.code ?? ''}: ${error?.message ?? ''}`;
      refused.set(key, (refused.get(key) ?? 0) + 1);
    }
    return answer;
  };

  const user = async (u: number): Promise<void> => {
    const cookie = sessions[u] ?? '';
    const chair = u % 5 === 0;
    let n = 0;
    // Deterministic per user; each coordinator edits its own cases (ids ≡ u mod users), as people own their patients.
    const random = (() => { let s = 0x9e3779b9 ^ (u * 2654435761); return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32); })();
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100 + random() * 300));
      if (performance.now() >= deadline) break;
      n++;
      const roll = random();
      if (roll < 0.8) {
        const which = Math.floor(random() * 4);
        if (which === 0) await timed('read', 'cases.list', { limit: 100 }, cookie);
        else if (which === 1) await timed('read', 'cases.get', { id: 1 + Math.floor(random() * ready.cases) }, cookie);
        else if (which === 2) await timed('read', 'cases.list', { search: SEARCHES[n % SEARCHES.length], limit: 100 }, cookie);
        else await timed('read', 'meetings.list', {}, cookie);
      } else if (chair) {
        // Chair c records the decisions of items c, c + chairs, …: one chair per item, so the last acknowledged is the final one.
        const chairs = Math.ceil(userCount / 5);
        const mine = ready.items.filter((_, i) => i % chairs === u / 5);
        const item = mine[Math.floor(random() * mine.length)];
        if (item === undefined) continue;
        const rationale = `bench ${u}.${n}`;
        // Re-recording names the version this chair last saved (issue 10 point 4); none for the first recording.
        const known = decisionVersions.get(item);
        const saved = await timed('write', 'decisions.record', {
          agenda_item_id: item, plan: 'further_workup', intent: 'palliative', rationale, consensus: 'majority',
          patient_preference_discussed: true, discordance_reason: 'Bench: the board wants more information first.',
          ...(known === undefined ? {} : { version: known }),
        }, cookie);
        if (saved.status === 200) {
          decided.set(item, rationale);
          decisionVersions.set(item, (saved.body as { value: { version: number } }).value.version);
        }
      } else {
        // One edit in ten is on a shared case, after a pause (typing): two people saving one version is a real conflict.
        const sharedEdit = random() < 0.1;
        const slots = Math.max(1, Math.floor(ready.cases / userCount));
        const id = sharedEdit ? (ready.shared[Math.floor(random() * ready.shared.length)] ?? 1) : 1 + u + userCount * Math.floor(random() * slots);
        if (id > ready.cases) continue;
        const current = await call('cases.get', { id }, cookie);
        if (current.status !== 200) continue;
        const rec = (current.body as { value: CaseRecordLike }).value;
        if (sharedEdit) await new Promise((r) => setTimeout(r, 200 + random() * 800));
        const diagnosis = `bench edit ${u}.${n}`;
        const saved = await timed('write', 'cases.update', { id, version: rec.version, patient: patientInputOf(rec.patient), case: caseInputOf(rec, diagnosis) }, cookie);
        if (saved.status === 200) acknowledge(id, (saved.body as { value: { version: number } }).value.version, diagnosis);
      }
    }
  };

  const started = performance.now();
  await Promise.all(sessions.map((_, u) => user(u)));
  const elapsed = (performance.now() - started) / 1000;

  // Every acknowledged edit must be what the server now holds.
  let lost = 0;
  const checker = sessions[1] ?? sessions[0] ?? '';
  for (const [id, ack] of acknowledged) {
    const now = await call('cases.get', { id }, checker);
    const rec = (now.body as { value?: CaseRecordLike } | null)?.value;
    if (!rec || rec.version !== ack.version || rec.diagnosis !== ack.diagnosis) lost++;
  }
  for (const [item, rationale] of decided) {
    const now = await call('decisions.get', { agenda_item_id: item }, checker);
    const rec = (now.body as { value?: { rationale: string } } | null)?.value;
    if (rec?.rationale !== rationale) lost++;
  }
  worker.postMessage('close');
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  await worker.terminate();
  const checkProblems = problemsAfter();

  reads.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);
  emit(`${prefix}.read`, { p50_ms: percentile(reads, 50), p95_ms: percentile(reads, 95), p99_ms: percentile(reads, 99), count: reads.length });
  emit(`${prefix}.write`, { p50_ms: percentile(writes, 50), p95_ms: percentile(writes, 95), p99_ms: percentile(writes, 99), count: writes.length });
  emit(`${prefix}.rps`, { value: requests / elapsed });
  emit(`${prefix}.errors_5xx`, { count: errors5xx });
  emit(`${prefix}.lost_writes`, { count: lost, cases_acknowledged: acknowledged.size, decisions_acknowledged: decided.size });
  // Expected: two people saved the same version of a shared case; the second was told (409 naming who) and nothing was overwritten.
  emit(`${prefix}.conflicts`, { count: conflicts, without_who: conflictsUnnamed });
  const refusedTotal = [...refused.values()].reduce((a, b) => a + b, 0);
  emit(`${prefix}.refused_4xx`, { count: refusedTotal });
  for (const [what, count] of [...refused].slice(0, 5)) process.stderr.write(`bench ${prefix}: refused ${count}× ${what}\n`);
  for (const [what, count] of [...failed].slice(0, 5)) process.stderr.write(`bench ${prefix}: failed ${count}× ${what}\n`);
  for (const [what, all] of [...byOperation].sort(([a], [b]) => a.localeCompare(b))) {
    all.sort((a, b) => a - b);
    process.stderr.write(`bench ${prefix}: ${what} ×${all.length} p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms\n`);
  }
  emit(`${prefix}.check`, { problems: checkProblems, users: userCount, seconds });
}

if (!isMainThread && (workerData as Setup | null)?.dbPath) void serve(workerData as Setup);
