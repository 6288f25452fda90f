import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { checkDatabase } from '../../../db/check';
import { useTempDir } from '../helpers/fixtures';

const root = path.resolve(__dirname, '../../..');
const worker = path.join(root, '.tmp', 'crash-worker.cjs');
const tmp = useTempDir();

beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, 'crash-worker.ts')], outfile: worker, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['better-sqlite3'], logLevel: 'warning', absWorkingDir: root,
  });
}, 60_000);

/** Runs the worker and SIGKILLs it `killAfterMs` after its first saved decision (unless it finishes first). */
function runAndKill(db: string, killAfterMs: number): Promise<{ saved: Map<number, number>; done: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const saved = new Map<number, number>();
    let buffer = '';
    let done = false;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^saved (\d+) (\d+)$/.exec(line);
        if (m) saved.set(Number(m[1]), Number(m[2]));
        // The kill clock starts at the first saved decision (setup time varies with the machine).
        if (m && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        if (line === 'done') done = true;
      }
    });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`worker failed (${code}): ${stderr}`));
      else resolve({ saved, done });
    });
  });
}

describe('crash safety', () => {
  it('SIGKILL while recording decisions loses nothing reported saved, and the database passes check', async () => {
    const db = path.join(tmp(), 'crash.db');
    const reported = new Map<number, number>();
    // Deterministic "random" kill moments.
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    let kills = 0;
    for (let round = 0; round < 6; round++) {
      const { saved, done } = await runAndKill(db, 20 + next() * 150);
      for (const [item, decision] of saved) reported.set(item, decision);
      if (!done) kills++;
      const { db: conn } = openDatabase(db);
      try {
        for (const [item, decision] of reported) {
          expect(conn.prepare('SELECT id FROM decisions WHERE agenda_item_id = ?').pluck().get(item), `item ${item}`).toBe(decision);
        }
        const report = checkDatabase(conn);
        expect(report.problems).toEqual([]);
      } finally {
        conn.close();
      }
      if (done) break;
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(reported.size).toBeGreaterThan(20);
  }, 120_000);
});
