// The preload exposes exactly one frozen object, window.board, with exactly one function: invoke.
// 'electron' is mocked: contextBridge records what is exposed, ipcRenderer records what is sent.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BoardBridge } from '../../shared/api';

const fake = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  sent: [] as unknown[][],
  reply: (_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: { version: '0.1.0' } }),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown): void {
      fake.exposed.push([key, api]);
    },
  },
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      fake.sent.push([channel, ...args]);
      return fake.reply(channel, ...args);
    },
  },
}));

let board: BoardBridge;

beforeAll(async () => {
  await import('../../electron/shell/preload');
  const entry = fake.exposed[0];
  if (entry === undefined) throw new Error('preload exposed nothing');
  board = entry[1] as BoardBridge;
});

describe('preload', () => {
  it('exposes exactly one key, "board", once', () => {
    expect(fake.exposed.map(([key]) => key)).toEqual(['board']);
  });

  it('window.board is frozen and has only invoke', () => {
    expect(Object.isFrozen(board)).toBe(true);
    expect(Reflect.ownKeys(board)).toEqual(['invoke']);
    expect(typeof board.invoke).toBe('function');
    expect(Reflect.set(board, 'invoke', () => 'hijacked')).toBe(false);
    expect(Reflect.set(board, 'ipcRenderer', {})).toBe(false);
    expect(Reflect.ownKeys(board)).toEqual(['invoke']);
  });

  it('invoke sends name and input on board:invoke and returns main’s ApiResult', async () => {
    const result = await board.invoke('app.info', {});
    expect(fake.sent.at(-1)).toEqual(['board:invoke', 'app.info', {}]);
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
  });

  it('turns a clone failure into VALIDATION and any other rejection into INTERNAL', async () => {
    fake.reply = () => Promise.reject(new Error('An object could not be cloned.'));
    expect(await board.invoke('cases.list', { f: 1 })).toEqual({
      ok: false, error: { code: 'VALIDATION', message: 'input must be plain data (it could not be sent)' },
    });
    fake.reply = () => Promise.reject(new Error("Error invoking remote method 'board:invoke': reply was never sent"));
    expect(await board.invoke('cases.list', {})).toEqual({
      ok: false, error: { code: 'INTERNAL', message: 'the application did not answer' },
    });
  });
});
