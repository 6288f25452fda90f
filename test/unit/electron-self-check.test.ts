// `--self-check` of a packaged build: starts the real core behind the relay (here in worker threads, in the app
// in Electron utility processes) on a throw-away demo database, reports versions, where the core ran and
// app.info, and leaves nothing behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRelay, type Relay, type RelayOptions } from '../../electron/core/relay';
import { spawnWorkerCore } from '../../electron/core/worker';
import { runSelfCheck } from '../../electron/shell/self-check';
import { buildCoreBundle } from './helpers/core-bundle';

let script = '';
beforeAll(async () => {
  script = await buildCoreBundle();
}, 60_000);
afterAll(() => rmSync(path.dirname(script), { recursive: true, force: true }));

let tmpDir = '';
beforeEach(() => {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'tb-self-check-test-'));
});
afterEach(() => rmSync(tmpDir, { recursive: true, force: true }));

const workerRelay = (init: RelayOptions['init']): Relay => createRelay({
  spawn: () => spawnWorkerCore(script),
  init,
  host: {
    renderPdf: () => Promise.reject(new Error('not in a self-check')),
    choosePath: () => Promise.resolve(null),
    chooseFile: () => Promise.resolve(null),
    revealFile: () => Promise.resolve(),
    openFile: () => Promise.resolve(),
    log: () => undefined,
  },
});

describe('runSelfCheck', () => {
  it('starts the real core behind the relay on a demo database and reports where it ran and app.info', async () => {
    const report = await runSelfCheck({ relay: workerRelay, expectedCore: 'worker', tmpDir, versions: { ...process.versions, electron: '45.5.0' } });
    expect(report).toMatchObject({
      ok: true,
      error: null,
      electron: '45.5.0',
      node: process.versions.node,
      modules: process.versions.modules,
      core_process: 'worker',
      app_info: { transport: 'electron', demo: true, case_count: 5 },
    });
    expect(readdirSync(tmpDir)).toEqual([]);
  }, 60_000);

  it('fails when the core did not run where the build says it must (a utility process)', async () => {
    const report = await runSelfCheck({ relay: workerRelay, expectedCore: 'utility', tmpDir, versions: { ...process.versions, electron: '45.5.0' } });
    expect(report).toMatchObject({ ok: false, core_process: 'worker', error: 'the core ran in a worker, not in a utility' });
    expect(readdirSync(tmpDir)).toEqual([]);
  }, 60_000);

  it('reports a native-module ABI mismatch as a failure with the reason, and cleans up', async () => {
    const abi = 'The module better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115. ' +
      'This version of Node.js requires NODE_MODULE_VERSION 150.';
    const report = await runSelfCheck({
      relay: () => ({
        start: () => Promise.reject(new Error(abi)),
        call: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not started' } }),
        close: () => Promise.resolve(),
      }),
      expectedCore: 'utility',
      tmpDir,
      versions: { node: '22.20.0', modules: '150', electron: '45.5.0' },
    });
    expect(report).toEqual({ ok: false, electron: '45.5.0', node: '22.20.0', modules: '150', core_process: null, app_info: null, error: abi });
    expect(readdirSync(tmpDir)).toEqual([]);
  });
});
