/**
 * The preload: runs sandboxed and context-isolated, and exposes exactly one frozen object on
 * `window.board` with exactly one function, `invoke(name, input) → Promise<ApiResult>`. No ipcRenderer,
 * no event emitters, no Node: the renderer can only ask the dispatcher, which validates everything.
 * Only 'electron' (the sandboxed subset) is imported; types are erased at build time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult, BoardBridge } from '../../shared/api';

/** Must equal IPC_CHANNEL in ipc.ts (not imported: the preload bundle stays free of main-process code). */
const CHANNEL = 'board:invoke';

export function createBridge(send: (channel: string, name: unknown, input: unknown) => Promise<unknown>): BoardBridge {
  return Object.freeze({
    async invoke(name: string, input: unknown): Promise<ApiResult> {
      try {
        return (await send(CHANNEL, name, input)) as ApiResult;
      } catch (error) {
        // Main never rejects (it answers every call with an ApiResult), so only two things get here: input
        // that cannot be structured-cloned (a function, a DOM node) or a main process that is shutting down.
        const message = error instanceof Error ? error.message : '';
        return /could not be cloned/i.test(message)
          ? { ok: false, error: { code: 'VALIDATION', message: 'input must be plain data (it could not be sent)' } }
          : { ok: false, error: { code: 'INTERNAL', message: 'the application did not answer' } };
      }
    },
  });
}

contextBridge.exposeInMainWorld('board', createBridge((channel, name, input) => ipcRenderer.invoke(channel, name, input)));
