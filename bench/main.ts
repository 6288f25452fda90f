/** `npm run bench`: every benchmark, one JSON object per line on stdout. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { benchCaseList } from './case-list';
import { benchEncryption } from './encryption';
import { benchEngine } from './engine';
import { benchImports } from './imports';
import { benchMinutes } from './minutes';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tb-bench-'));
  try {
    benchEngine(CASES);
    await benchCaseList(dir, CASES);
    benchImports();
    benchEncryption(dir, Math.min(CASES, 10_000));
    await benchMinutes();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
