// `--self-check` of a packaged build: runs the real app context (real better-sqlite3) on a throw-away
// demo database, reports versions and app.info, and leaves nothing behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppContext } from '../../electron/app/context';
import { runSelfCheck } from '../../electron/shell/self-check';

let tmpDir = '';
beforeEach(() => {
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'tb-self-check-test-'));
});
afterEach(() => rmSync(tmpDir, { recursive: true, force: true }));

describe('runSelfCheck', () => {
  it('opens the real core on a demo database and reports app.info', async () => {
    const report = await runSelfCheck({ open: openAppContext, tmpDir, versions: { ...process.versions, electron: '45.5.0' } });
    expect(report).toMatchObject({
      ok: true,
      error: null,
      electron: '45.5.0',
      node: process.versions.node,
      modules: process.versions.modules,
      app_info: { transport: 'electron', demo: true, case_count: 5 },
    });
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('reports a native-module ABI mismatch as a failure with the reason, and cleans up', async () => {
    const abi = 'The module better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115. ' +
      'This version of Node.js requires NODE_MODULE_VERSION 150.';
    const report = await runSelfCheck({
      open: () => {
        throw new Error(abi);
      },
      tmpDir,
      versions: { node: '22.20.0', modules: '150', electron: '45.5.0' },
    });
    expect(report).toEqual({ ok: false, electron: '45.5.0', node: '22.20.0', modules: '150', app_info: null, error: abi });
    expect(readdirSync(tmpDir)).toEqual([]);
  });
});
