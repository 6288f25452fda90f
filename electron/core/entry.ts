/**
 * Where a core process or thread starts (bundled as dist/core.cjs). In an Electron utility process the main
 * process sends one MessagePort through `process.parentPort`; in a worker thread (workerData[CORE_WORKER_FLAG])
 * the parent sends a worker_threads MessagePort. Either way the core then serves that port (core.ts).
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { serveCore } from './core';
import { electronPortChannel, nodePortChannel, type ElectronPortLike } from './ports';
import { CORE_WORKER_FLAG } from './worker';

/** `process.parentPort` of an Electron utility process (typed here so this module never imports 'electron'). */
interface ParentPortLike {
  once(event: 'message', listener: (event: { data: unknown; ports: ElectronPortLike[] }) => void): unknown;
}

/** Serves a core when this is a core's process or thread; false otherwise (nothing started). */
export function runCoreEntry(): boolean {
  const utility = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (utility) {
    utility.once('message', (event) => {
      const [port] = event.ports;
      if (!port) return;
      serveCore(electronPortChannel(port), { process: 'utility', pid: process.pid, onClosed: () => port.close() });
    });
    return true;
  }
  const data: unknown = workerData;
  if (!isMainThread && parentPort && typeof data === 'object' && data !== null && (data as Record<string, unknown>)[CORE_WORKER_FLAG] === true) {
    parentPort.once('message', (message: { port: MessagePort }) => {
      const port = message.port;
      serveCore(nodePortChannel(port), { process: 'worker', pid: process.pid, onClosed: () => port.close() });
    });
    return true;
  }
  return false;
}
