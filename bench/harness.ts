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
