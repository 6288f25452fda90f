/**
 * main.responsive: the relay (what Electron's main process keeps of the core) answering `app.info` while the long
 * jobs run: a 10,000-row CSV import, then a backup (`VACUUM INTO`) of the 10,000-case file, both relayed to the
 * jobs core. The cores run in worker threads of this same bundle (the desktop runs the same modules in Electron
 * utility processes). `max_ms` is the slowest relay answer while a job runs; the target is ≤ 100.
 */
import path from 'node:path';
import { createRelay } from '../electron/core/relay';
import { spawnWorkerCore } from '../electron/core/worker';
import { emit, median } from './harness';
import { syntheticCsv } from './imports';

export async function benchResponsive(dir: string, rows = 10_000): Promise<void> {
  const relay = createRelay({
    spawn: () => spawnWorkerCore(__filename),
    init: { dbPath: path.join(dir, 'responsive.sqlite'), key: null, transport: 'electron', seat: 'bench' },
    host: {
      renderPdf: () => Promise.reject(new Error('no PDF in this bench')),
      choosePath: (request) => Promise.resolve(path.join(dir, request.suggestedName)),
      chooseFile: () => Promise.resolve(null),
      revealFile: () => Promise.resolve(),
      openFile: () => Promise.resolve(),
      log: (message) => process.stderr.write(`[bench core] ${message}\n`),
    },
  });
  await relay.start();
  try {
    const samples: number[] = [];
    const whileRunning = async (job: Promise<{ ok: boolean }>, what: string): Promise<number> => {
      let done = false;
      const started = performance.now();
      const finished = job.then((result) => {
        done = true;
        if (!result.ok) throw new Error(`${what} failed in the bench: ${JSON.stringify(result)}`);
      });
      while (!done) {
        const t = performance.now();
        const info = await relay.call('app.info', {}, 'electron');
        if (!info.ok) throw new Error('app.info failed during a long job');
        samples.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await finished;
      return performance.now() - started;
    };
    const importMs = await whileRunning(relay.call('imports.csvImport', { source: 'bench.csv', content: syntheticCsv(rows) }, 'electron'), 'the import');
    const backupMs = await whileRunning(relay.call('backups.export', {}, 'electron'), 'the backup');
    emit('main.responsive', {
      max_ms: Math.max(...samples), median_ms: median(samples), answers: samples.length, import_ms: importMs, backup_ms: backupMs, rows,
    });
  } finally {
    await relay.close();
  }
}
