/** `npm run bench`: every benchmark, one JSON object per line on stdout. */
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
    if (!only || only === 'server') await benchServer(dir);
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
