/**
 * Channel adapters (protocol.ts) for the two kinds of MessagePort a core is reached through. Structural types
 * only: nothing here imports 'electron', so the core and the relay stay plain Node modules.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Channel } from './protocol';

/** Electron's MessagePortMain (main process and utility process): messages arrive as `{ data }`. */
export interface ElectronPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

export function electronPortChannel(port: ElectronPortLike): Channel {
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (event) => listener(event.data));
      port.start();
    },
    close: () => port.close(),
  };
}

/** A worker_threads MessagePort: messages arrive as the value itself. */
export function nodePortChannel(port: MessagePort): Channel {
  return {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', listener);
    },
    close: () => port.close(),
  };
}
