/** CSV import bench: 10,000 rows into a fresh database per run (parse, validate, one transaction with audit rows). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { importCsv } from '../electron/imports/csv/import';
import { emit, median } from './harness';

export function syntheticCsv(n: number): string {
  const lines = ['mrn;family_name;given_name;birth_date;sex;question;primary_tumor;ecog;Bilirubin (µmol/L);albumin_g_dl;prior_chemo_agents'];
  for (let i = 1; i <= n; i++) {
    lines.push(`B${String(i).padStart(7, '0')};Family${i};Given${i};1960-02-03;${i % 2 ? 'F' : 'M'};"Y-90 after FOLFOX?\nrow ${i}";colorectal;${i % 3};17,1;3.9;oxaliplatin|capecitabine`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function benchImports(rows = 10_000, runs = 3): void {
  const content = syntheticCsv(rows);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-bench-import-'));
    try {
      const { db } = openDatabase(path.join(dir, 'bench.sqlite'));
      const t = performance.now();
      const result = importCsv(db, { source: 'bench.csv', content, actor: 'bench' });
      samples.push(performance.now() - t);
      if (result.counts.create !== rows) throw new Error(`bench import created ${result.counts.create} of ${rows}`);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  emit(`import.csv.${rows}`, { median_ms: median(samples), runs });
}
