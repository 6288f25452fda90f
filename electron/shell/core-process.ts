/**
 * The core in an Electron utility process: `utilityProcess.fork(dist/core.cjs)` (Chromium's service launcher, a
 * Node.js child with Electron's ABI, so better-sqlite3 loads as in main), one MessageChannelMain per core, its far
 * end handed over through `parentPort` (core/entry.ts picks it up). The relay (core/relay.ts) talks to it through
 * the near end; the main process itself never opens the database.
 */
import path from 'node:path';
import { MessageChannelMain, utilityProcess } from 'electron';
import { electronPortChannel } from '../core/ports';
import type { CoreLink, CoreRole } from '../core/relay';

/** dist/core.cjs beside dist/main.cjs. */
export const corePath = (mainDir: string): string => path.join(mainDir, 'core.cjs');

export function spawnUtilityCore(script: string, role: CoreRole): CoreLink {
  const child = utilityProcess.fork(script, [], { serviceName: `Tumour Board core (${role})`, stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ type: 'port' }, [port2]);
  return {
    channel: electronPortChannel(port1),
    terminate: () => {
      child.kill();
    },
    onExit: (listener) => {
      child.once('exit', (code: number) => listener(code));
    },
  };
}
