/** `npm run bench`: every benchmark, one JSON object per line on stdout. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchCaseList } from './case-list';
import { benchEncryption } from './encryption';
import { benchEngine } from './engine';
import { benchImports } from './imports';
import { benchMinutes } from './minutes';
import { isMainThread } from 'node:worker_threads';
import { benchServer } from './server';
import { benchResponsive } from './responsive';
import { benchKillLoop, runKillHostChild } from './kill';
import { runCoreEntry } from '../electron/core/entry';
import { runBoardCore } from '../electron/host/board-cores';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

/** Runs one group (BENCH_ONLY) in a fresh process of this same bundle, its lines going to our stdout and stderr. */
function inChildProcess(group: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1] ?? ''], { env: { ...process.env, BENCH_ONLY: group }, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the ${group} bench ended with exit code ${String(code)}`))));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-bench-'));
  try {
    // BENCH_ONLY=server (or engine, case-list, imports, encryption, minutes, responsive, kill) runs one group.
    const only = process.env.BENCH_ONLY;
    if (!only || only === 'engine') benchEngine(CASES);
    if (!only || only === 'case-list') await benchCaseList(dir, CASES);
    if (!only || only === 'imports') benchImports();
    if (!only || only === 'encryption') benchEncryption(dir, Math.min(CASES, 10_000));
    if (!only || only === 'minutes') await benchMinutes();
    // In a full run the load test gets a process of its own: its 50 clients and its server must not share a heap
    // (and its collector's pauses) with what the groups before it left behind, or it measures them.
    if (!only) await inChildProcess('server');
    if (only === 'server') await benchServer(dir);
    if (!only || only === 'responsive') await benchResponsive(dir);
    if (!only || only === 'kill') await benchKillLoop(dir, process.argv[1] ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The board-server bench runs its server (and, on PostgreSQL, the server's cores), and the responsiveness bench its
// cores, in worker threads of this same file: only the main thread benches.
if (isMainThread && process.argv[2] === '--kill-host-child') runKillHostChild(process.argv[3] ?? '', process.argv[4] ?? '');
else if (isMainThread) void main();
else if (!runBoardCore()) runCoreEntry();
