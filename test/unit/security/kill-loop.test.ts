/**
 * Crash safety, proved by killing: the real browser host runs in a child process; the test sends creates,
 * updates and backups over HTTP one after another and SIGKILLs the host at random moments (seeded), again and
 * again, bounded in rounds and time. After every kill the database must hold every write the host acknowledged
 * (a 200 answer), every acknowledged backup must be a complete file that passes the check, and `check` must
 * pass on the database itself. An answer that never came may or may not have been committed: both are fine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../db/check';
import { openRaw } from '../../../db/connection';
import { openDatabase } from '../../../db/open';
import { bindAuditKey, readAuditKey } from '../../../db/auditKey';
import { caseInput, patient, useTempDir } from '../helpers/fixtures';

const root = path.resolve(__dirname, '../../..');
const worker = path.join(root, '.tmp', 'kill-host-worker.cjs');
const tmp = useTempDir();
const TOKEN = 'kill-loop-test-token-0123456789abcdef';
const ROUNDS = 12;
const BUDGET_MS = 90_000;

beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, 'kill-host-worker.ts')], outfile: worker, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['better-sqlite3', 'pg', 'electron'], logLevel: 'warning', absWorkingDir: root,
  });
}, 60_000);

function startHost(db: string, staticDir: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, db, staticDir, TOKEN], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr?.on('data', (c: Buffer) => { err += c.toString(); });
    child.on('exit', (code) => reject(new Error(`host exited (${code}) before listening: ${err}`)));
  });
}

interface Ok<T> { ok: true; value: T }
async function call<T>(port: number, op: string, input: unknown): Promise<Ok<T> | { ok: false; error: unknown } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/${op}`, {
      method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input),
    });
    return (await res.json()) as Ok<T> | { ok: false; error: unknown };
  } catch {
    return null; // the host died before answering: not acknowledged
  }
}

interface CaseRecord { id: number; version: number; patient: { id: number } }

describe('kill loop: SIGKILL the browser host during creates, updates and backups', () => {
  it('loses no acknowledged write, leaves no half backup behind an acknowledgement, and check passes after every kill', async () => {
    const dir = tmp();
    const db = path.join(dir, 'board.sqlite');
    const staticDir = path.join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kill test</title>');
    openDatabase(db).db.close();

    const created = new Map<number, { identifier: string }>();
    const updated = new Map<number, { version: number; question: string }>();
    const backups: string[] = [];
    let seed = 12345;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    let kills = 0;
    let acked = 0;
    const started = Date.now();
    const createOne = async (port: number, label: string): Promise<void> => {
      const identifier = `K${label}`;
      const r = await call<CaseRecord>(port, 'cases.create', { patient: patient({ identifier }), case: caseInput() });
      if (r?.ok) { created.set(r.value.id, { identifier }); updated.set(r.value.id, { version: r.value.version, question: caseInput().question }); acked++; }
    };
    const updateOne = async (port: number, label: string): Promise<void> => {
      const ids = [...created.keys()];
      const id = ids[Math.floor(next() * ids.length)];
      if (id === undefined) return createOne(port, label);
      const current = await call<CaseRecord>(port, 'cases.get', { id });
      if (!current?.ok) return;
      const question = `question ${label}`;
      const r = await call<CaseRecord>(port, 'cases.update', {
        id, version: current.value.version, patient: patient({ identifier: created.get(id)?.identifier ?? '' }), case: caseInput({ question }),
      });
      if (r?.ok) { updated.set(id, { version: r.value.version, question }); acked++; }
    };
    const backupOne = async (port: number): Promise<void> => {
      const r = await call<{ written: boolean; file_name: string | null }>(port, 'backups.export', {});
      if (r?.ok && r.value.file_name) { backups.push(path.join(dir, 'exports', r.value.file_name)); acked++; }
    };
    const ops = [createOne, updateOne, (port: number) => backupOne(port)] as const;
    for (let round = 0; round < ROUNDS && Date.now() - started < BUDGET_MS; round++) {
      const { child, port } = await startHost(db, staticDir);
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      // A few writes answered one after another (the third a backup), then one more sent and the host killed
      // while it is in flight, 0–40 ms after sending (a create, an update or a backup in turn).
      const answered = 2 + Math.floor(next() * 5);
      for (let i = 1; i <= answered; i++) {
        const label = `${round}-${i}`;
        await (i === 3 ? backupOne(port) : i % 2 === 0 ? updateOne(port, label) : createOne(port, label));
      }
      const last = (ops[round % 3] ?? createOne)(port, `${round}-last`);
      setTimeout(() => child.kill('SIGKILL'), next() * 40);
      await exited;
      await last;
      kills++;

      // Every acknowledged write is there; the database and every acknowledged backup pass the check.
      const { db: conn } = openDatabase(db);
      try {
        for (const [id, { identifier }] of created) {
          expect(conn.prepare('SELECT p.identifier FROM cases c JOIN patients p ON p.id = c.patient_id WHERE c.id = ?').pluck().get(id), `case ${id}`).toBe(identifier);
        }
        for (const [id, { version, question }] of updated) {
          const row = conn.prepare('SELECT c.version, d.question FROM cases c JOIN case_details d ON d.case_id = c.id WHERE c.id = ?').get(id) as { version: number; question: string };
          // A later update that was sent but never answered may have committed too (one version on).
          if (row.version === version) expect(row.question, `case ${id}`).toBe(question);
          else expect(row.version, `case ${id}`).toBe(version + 1);
        }
        expect(checkDatabase(conn).problems).toEqual([]);
      } finally {
        conn.close();
      }
      for (const b of backups) {
        const copy = openRaw(b, { readonly: true, fileMustExist: true });
        bindAuditKey(copy, readAuditKey(db));
        try {
          expect(copy.pragma('quick_check', { simple: true }), path.basename(b)).toBe('ok');
        } finally {
          copy.close();
        }
      }
    }
    expect(kills).toBeGreaterThanOrEqual(5);
    expect(acked).toBeGreaterThanOrEqual(kills * 2);
    expect(backups.length).toBeGreaterThan(0);
    console.log(`kill loop: ${kills} SIGKILLs, ${acked} acknowledged writes (${created.size} cases, ${backups.length} backups), none lost`);
  }, 180_000);
});
