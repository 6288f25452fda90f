/** Tiny benchmark harness: warm up, time `runs` calls, print one JSON line per metric (the bench stream). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function time(fn: () => unknown, runs: number, warmup = Math.min(5, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/**
 * Medians of `a` and `b` run alternately (a, b, a, b …), for a ratio between them: measured in two blocks one
 * after the other, a drift of the machine (another process, the CPU's clock, a GC) lands on one side only and
 * sub-millisecond ratios swung from 0.6 to 1.1 between runs.
 */
export function timePair(a: () => unknown, b: () => unknown, runs: number, warmup = Math.min(20, runs)): [number, number] {
  for (let i = 0; i < warmup; i++) { a(); b(); }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    as.push(performance.now() - t);
    t = performance.now();
    b();
    bs.push(performance.now() - t);
  }
  return [median(as), median(bs)];
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = Math.min(5, runs)): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

export function emit(metric: string, fields: { median_ms: number; runs: number } | { ratio: number } | Record<string, number>): void {
  const out: Record<string, unknown> = { metric };
  for (const [k, v] of Object.entries(fields)) out[k] = k === 'runs' ? v : round(v);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
