/** Evidence-engine throughput: 100,000 generated cases evaluated on one core; prints cases per second. */
import { evaluate } from '../shared/engine';
import { generateDemoCases } from '../shared/demo/generate';
import { emit, median } from './harness';

export function benchEngine(count: number): void {
  const facts = generateDemoCases(count, 11).map((c) => c.case.facts);
  for (let i = 0; i < Math.min(5000, count); i++) evaluate(facts[i]); // warm up the JIT
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    for (const f of facts) evaluate(f);
    samples.push(performance.now() - t);
  }
  const ms = median(samples);
  emit('engine.evaluate', { median_ms: ms, runs: 3, cases: count, cases_per_second: Math.round(count / (ms / 1000)) });
}
