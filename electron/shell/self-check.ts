/**
 * `Tumour Board --self-check`: proves a packaged build can run its core, without ELECTRON_RUN_AS_NODE
 * (switched off by the fuses). It opens the real app context on a throw-away demo database in the temp
 * folder (native better-sqlite3 loaded by Electron's own Node: a wrong ABI fails here with
 * NODE_MODULE_VERSION in the message), calls `app.info` through the dispatcher, prints one JSON line and
 * exits 0 or 1. The user's database is never touched. Pure apart from the injected `open`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AppContext, OpenOptions } from '../app/context';

export const SELF_CHECK_FLAG = '--self-check';

export interface SelfCheckReport {
  ok: boolean;
  electron: string | null;
  node: string;
  /** NODE_MODULE_VERSION of the running Node; Electron 45 is 150, Node 20 is 115. */
  modules: string;
  app_info: unknown;
  error: string | null;
}

export async function runSelfCheck(deps: {
  open: (options: OpenOptions) => Pick<AppContext, 'dispatch' | 'close'>;
  tmpDir: string;
  versions: Readonly<Record<string, string | undefined>>;
}): Promise<SelfCheckReport> {
  const report: SelfCheckReport = {
    ok: false,
    electron: deps.versions.electron ?? null,
    node: deps.versions.node ?? 'unknown',
    modules: deps.versions.modules ?? 'unknown',
    app_info: null,
    error: null,
  };
  const dir = mkdtempSync(path.join(deps.tmpDir, 'tumour-board-self-check-'));
  try {
    const context = deps.open({ dbPath: path.join(dir, 'self-check.db'), transport: 'electron', demoIfMissing: true, demoCases: 5 });
    try {
      const result = await context.dispatch('app.info', {}, { transport: 'electron', session: 'self-check', actor: { label: 'self-check', profileId: null, role: 'admin' } });
      report.app_info = result.ok ? result.value : result.error;
      report.ok = result.ok;
      if (!result.ok) report.error = `app.info failed: ${result.error.message}`;
    } finally {
      context.close();
    }
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
