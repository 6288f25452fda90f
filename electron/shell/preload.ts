/**
 * The preload: runs sandboxed and context-isolated, and exposes exactly one frozen object on
 * `window.board` with exactly one function, `invoke(name, input) → Promise<ApiResult>` (see bridge.ts).
 * No ipcRenderer, no event emitters, no Node: the renderer can only ask the dispatcher, which validates
 * everything. This file exports nothing, so the bundle needs no `module.exports` in the sandbox.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('board', createBridge((channel, name, input) => ipcRenderer.invoke(channel, name, input)));
