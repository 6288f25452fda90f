/**
 * A core in a worker thread: the browser host, tests and the bench run the same relay and core as the desktop,
 * with a worker_threads Worker in place of Electron's utility process. `script` is a bundle whose top level calls
 * runCoreEntry() (dist/core.cjs, or the bench's own bundle).
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { CoreLink } from './relay';
import { nodePortChannel } from './ports';

/** workerData key that makes runCoreEntry() serve a core in this thread. */
export const CORE_WORKER_FLAG = 'tumourBoardCore';

export function spawnWorkerCore(script: string): CoreLink {
  const worker = new Worker(script, { workerData: { [CORE_WORKER_FLAG]: true } });
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ port: port2 }, [port2]);
  const exitListeners: ((code: number | null) => void)[] = [];
  worker.once('exit', (code) => {
    for (const listener of exitListeners) listener(code);
  });
  worker.on('error', () => undefined);
  return {
    channel: nodePortChannel(port1),
    terminate: () => {
      void worker.terminate();
    },
    onExit: (listener) => {
      exitListeners.push(listener);
    },
  };
}
