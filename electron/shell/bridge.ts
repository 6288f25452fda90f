/**
 * What the preload exposes, built from an injected `send` so it is unit tested without Electron: one frozen
 * object with one function, `invoke(name, input) → Promise<ApiResult>`. Imports nothing at run time (it is
 * bundled into the sandboxed preload).
 */
import type { ApiResult, BoardBridge } from '../../shared/api';

/** Must equal IPC_CHANNEL in ipc.ts (not imported: the preload bundle stays free of main-process code). */
export const BRIDGE_CHANNEL = 'board:invoke';

export function createBridge(send: (channel: string, name: unknown, input: unknown) => Promise<unknown>): BoardBridge {
  return Object.freeze({
    async invoke(name: string, input: unknown): Promise<ApiResult> {
      try {
        return (await send(BRIDGE_CHANNEL, name, input)) as ApiResult;
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
