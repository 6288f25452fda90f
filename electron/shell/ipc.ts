/**
 * The Electron IPC transport: carries `{ name, input }` from the preload to the one dispatcher.
 *
 * ONE channel (`board:invoke`), not one channel per operation. Why:
 * - The dispatcher already owns the operation table: it answers an unknown name with UNKNOWN_OPERATION
 *   and validates the input strictly. With a channel per operation an unknown name would never reach it;
 *   the renderer would get Electron's "No handler registered" rejection (not an ApiResult) instead, and
 *   the preload would need the operation list (and zod) to map it back.
 * - The sender check lives in exactly one handler, so no operation can ever be registered without it.
 * - The reachable surface is the same either way: the set of operations in shared/api.ts, each validated.
 * - Adding an operation touches the contract and a service only; this file never changes (DESIGN.md).
 *
 * Main accepts a call only from the main frame of our own window showing app://tumour-board (see
 * policy.checkSender); anything else gets FORBIDDEN and never reaches the core. Who acts is not decided here:
 * `call` is the core's door for this window's seat (it resolves the acting profile once per call).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiResult } from '../../shared/api';
import { checkSender, type SenderFacts } from './policy';

export const IPC_CHANNEL = 'board:invoke';

export interface IpcOptions {
  /** One call into the core for this window's seat (never rejects by contract). */
  call: (name: unknown, input: unknown) => Promise<ApiResult>;
  /** Our window's WebContents, or null while there is none. Read on every call: windows come and go. */
  getAppContents: () => WebContents | null;
  log?: (message: string) => void;
}

/** Plain facts about the sender of one IPC event (Electron objects in, plain values out). */
export function senderFacts(event: IpcMainInvokeEvent, appContents: WebContents | null): SenderFacts {
  const frame = event.senderFrame;
  const live = appContents !== null && !appContents.isDestroyed() ? appContents : null;
  const mainFrame = live?.mainFrame ?? null;
  return {
    senderContentsId: event.sender.id,
    expectedContentsId: live?.id ?? null,
    frame: frame === null
      ? null
      : { processId: frame.processId, routingId: frame.routingId, url: frame.url, isTopLevel: frame.parent === null, detached: frame.detached },
    mainFrame: mainFrame === null ? null : { processId: mainFrame.processId, routingId: mainFrame.routingId },
  };
}

/** Registers the handler; returns a function that removes it (used on quit and by tests). */
export function registerIpc(options: IpcOptions): () => void {
  const log = options.log ?? ((message: string) => console.warn(`[ipc] ${message}`));
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<ApiResult> => {
    let facts: SenderFacts;
    try {
      facts = senderFacts(event, options.getAppContents());
    } catch {
      facts = { senderContentsId: -1, expectedContentsId: null, frame: null, mainFrame: null };
    }
    const verdict = checkSender(facts);
    if (!verdict.ok) {
      log(`refused call from ${facts.frame?.url.slice(0, 200) ?? 'unknown frame'}: ${verdict.reason}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'caller is not the application window' } };
    }
    try {
      return await options.call(name, input);
    } catch {
      // The core never throws by contract; if it does, nothing of the error crosses to the renderer.
      log(`dispatch threw for ${typeof name === 'string' ? name.slice(0, 80) : typeof name}`);
      return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
