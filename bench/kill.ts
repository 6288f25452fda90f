/**
 * Kill loop as a bench (`BENCH_ONLY=kill npm run bench`): the real browser host in a child process (this same
 * bundle, started with --kill-host-child), creates, updates and backups over HTTP on loopback, SIGKILL at random
 * moments with a request in flight, BENCH_KILLS times (default 25) or 120 s, whichever comes first. After each
 * kill every acknowledged write is looked for and the database checked. One JSON line:
 * {"metric":"crash.kill_loop","kills":…,"acknowledged":…,"lost":…,"check_failures":…}.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkDatabase } from '../db/check';
import { openDatabase } from '../db/open';
import { callLocal, openAppContext } from '../electron/app/context';
import { startBrowserHost } from '../electron/host/server';
import { emit } from './harness';

const TOKEN = 'bench-kill-loop-token-0123456789abcdef';

/** The child: serve the database and say on which port. */
export function runKillHostChild(file: string, staticDir: string): void {
  const ctx = openAppContext({ dbPath: file, transport: 'browser-host' });
  void startBrowserHost({ call: callLocal(ctx, 'browser-host', 'Bench kill loop (browser host)'), staticDir, port: 0, token: TOKEN })
    .then((host) => { process.stdout.write(`listening ${host.port}\n`); });
}

async function call(port: number, op: string, input: unknown): Promise<{ ok: boolean; value?: { id?: number; version?: number; file_name?: string | null } } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/${op}`, {
      method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input),
    });
    return (await res.json()) as { ok: boolean; value?: { id?: number; version?: number } };
  } catch {
    return null;
  }
}

const newCase = (identifier: string, question: string) => ({
  patient: { identifier, family_name: 'Kill', given_name: 'Bench', birth_date: '1960-01-01', sex: 'female' },
  case: { referring_clinician: 'Dr. Bench', diagnosis: 'bench', question, status: 'draft', facts: { primary_tumor: 'colorectal', ecog: 1 } },
});

export async function benchKillLoop(dir: string, bundle: string): Promise<void> {
  const db = path.join(dir, 'kill.sqlite');
  const staticDir = path.join(dir, 'kill-static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  openDatabase(db).db.close();
  const maxKills = Number(process.env.BENCH_KILLS ?? 25);
  const started = Date.now();
  const cases = new Map<number, { identifier: string; version: number; question: string }>();
  let acknowledged = 0;
  let lost = 0;
  let checkFailures = 0;
  let kills = 0;
  let seed = 99;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  while (kills < maxKills && Date.now() - started < 120_000) {
    const child = spawn(process.execPath, [bundle, '--kill-host-child', db, staticDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => { out += c.toString(); const m = /listening (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
      child.on('exit', () => reject(new Error('the host exited before listening')));
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const write = async (i: number): Promise<void> => {
      const label = `${kills}-${i}`;
      const ids = [...cases.keys()];
      const id = ids[Math.floor(next() * ids.length)];
      if (i % 4 === 3) {
        const r = await call(port, 'backups.export', {});
        if (r?.ok) acknowledged++;
      } else if (i % 2 === 0 && id !== undefined) {
        const c = cases.get(id);
        const question = `q ${label}`;
        const r = await call(port, 'cases.update', { id, version: c?.version ?? 1, ...newCase(c?.identifier ?? '', question) });
        if (r?.ok && c && r.value?.version) { cases.set(id, { ...c, version: r.value.version, question }); acknowledged++; }
      } else {
        const r = await call(port, 'cases.create', newCase(`B${label}`, 'first'));
        if (r?.ok && r.value?.id && r.value.version) { cases.set(r.value.id, { identifier: `B${label}`, version: r.value.version, question: 'first' }); acknowledged++; }
      }
    };
    const answered = 2 + Math.floor(next() * 6);
    for (let i = 0; i < answered; i++) await write(i);
    const last = write(answered);
    setTimeout(() => child.kill('SIGKILL'), next() * 40);
    await exited;
    await last;
    kills++;
    const { db: conn } = openDatabase(db);
    try {
      for (const [id, c] of cases) {
        const row = conn.prepare('SELECT c.version, d.question FROM cases c JOIN case_details d ON d.case_id = c.id WHERE c.id = ?').get(id) as
          { version: number; question: string } | undefined;
        if (!row) lost++;
        else if (row.version === c.version && row.question !== c.question) lost++;
        else if (row.version < c.version) lost++;
        else if (row.version > c.version) cases.set(id, { ...c, version: row.version, question: row.question });
      }
      if (!checkDatabase(conn).ok) checkFailures++;
    } finally {
      conn.close();
    }
  }
  emit('crash.kill_loop', { kills, acknowledged, lost, check_failures: checkFailures });
}
