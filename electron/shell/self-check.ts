/**
 * `Tumour Board --self-check`: proves a packaged build can run its core, without ELECTRON_RUN_AS_NODE
 * (switched off by the fuses). It starts the core the way the app does (the relay and its cores in Electron
 * utility processes) on a throw-away demo database in the temp folder (native better-sqlite3 loaded by the
 * utility process's Node: a wrong ABI fails here with NODE_MODULE_VERSION in the message), calls `app.info`
 * through the relay, reports where the core ran (`core_process`: 'utility'), prints one JSON line and exits 0
 * or 1. The user's database is never touched. Pure apart from the injected `relay`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Relay, RelayOptions } from '../core/relay';

export const SELF_CHECK_FLAG = '--self-check';

export interface SelfCheckReport {
  ok: boolean;
  electron: string | null;
  node: string;
  /** NODE_MODULE_VERSION of the running Node; Electron 45 is 150, Node 20 is 115. */
  modules: string;
  /** Where the core answered from: 'utility' (an Electron utility process), 'worker' (a worker thread). */
  core_process: string | null;
  app_info: unknown;
  error: string | null;
}

export async function runSelfCheck(deps: {
  /** A relay over the app's cores for `init` (the shell's spawns utility processes). */
  relay: (init: RelayOptions['init']) => Relay;
  /** Where the core must run for the check to pass. */
  expectedCore: string;
  tmpDir: string;
  versions: Readonly<Record<string, string | undefined>>;
}): Promise<SelfCheckReport> {
  const report: SelfCheckReport = {
    ok: false,
    electron: deps.versions.electron ?? null,
    node: deps.versions.node ?? 'unknown',
    modules: deps.versions.modules ?? 'unknown',
    core_process: null,
    app_info: null,
    error: null,
  };
  const dir = mkdtempSync(path.join(deps.tmpDir, 'tumour-board-self-check-'));
  try {
    const relay = deps.relay({ dbPath: path.join(dir, 'self-check.db'), key: null, transport: 'electron', seat: 'self-check', demoIfMissing: true, demoCases: 5 });
    try {
      const ready = await relay.start();
      report.core_process = ready.interactive.process;
      const result = await relay.call('app.info', {}, 'self-check');
      report.app_info = result.ok ? result.value : result.error;
      if (!result.ok) report.error = `app.info failed: ${result.error.message}`;
      else if (ready.interactive.process !== deps.expectedCore) report.error = `the core ran in a ${ready.interactive.process}, not in a ${deps.expectedCore}`;
      report.ok = result.ok && ready.interactive.process === deps.expectedCore;
    } finally {
      await relay.close();
    }
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
