// IPC transport of the Electron shell, with 'electron' mocked (the real module cannot load in plain Node):
// the handler is registered against a fake ipcMain and called with fake events, then must refuse foreign
// senders and pass everything else through the real dispatcher.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { OPERATION_NAMES, type ActingContext, type ApiResult, type CallContext, type Dispatch, type Handlers } from '../../shared/api';
import { createDispatcher } from '../../electron/api/dispatcher';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    ipcMain: {
      handle(channel: string, fn: (event: never, ...args: unknown[]) => Promise<unknown>): void {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, fn);
      },
      removeHandler(channel: string): void {
        handlers.delete(channel);
      },
    },
  };
});
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));

const { IPC_CHANNEL, registerIpc } = await import('../../electron/shell/ipc');

const MAIN_FRAME = { processId: 11, routingId: 1 };

interface FrameSpec {
  url?: string;
  processId?: number;
  routingId?: number;
  parent?: object | null;
  detached?: boolean;
}

function makeContents(id: number): WebContents {
  return { id, isDestroyed: () => false, mainFrame: MAIN_FRAME } as unknown as WebContents;
}

function makeEvent(senderId: number, frame: FrameSpec | null): IpcMainInvokeEvent {
  const senderFrame = frame === null
    ? null
    : {
        url: frame.url ?? 'app://tumour-board/index.html',
        processId: frame.processId ?? MAIN_FRAME.processId,
        routingId: frame.routingId ?? MAIN_FRAME.routingId,
        parent: frame.parent ?? null,
        detached: frame.detached ?? false,
      };
  return { sender: { id: senderId }, senderFrame } as unknown as IpcMainInvokeEvent;
}

const ourContents = makeContents(7);
const ownEvent = (): IpcMainInvokeEvent => makeEvent(7, {});

let findByIdentifier: ReturnType<typeof vi.fn<(input: { identifier: string }, ctx: ActingContext) => null>>;
let dispatch: ReturnType<typeof vi.fn<Dispatch>>;
let unregister: () => void;
/** What the shell hands the IPC transport: this window's seat, resolved once per call (here a fixed one). */
const SEAT: CallContext = { transport: 'electron', session: 'electron', actor: { label: 'dr.ødegård', profileId: null, role: 'admin' } };
const viaSeat = (d: Dispatch) => (name: unknown, input: unknown) => d(name, input, SEAT);
let refusals: string[];

function handler(): Handler {
  const fn = fake.handlers.get(IPC_CHANNEL);
  if (fn === undefined) throw new Error('no handler registered');
  return fn as unknown as Handler;
}

beforeEach(() => {
  const notUsed = (): never => {
    throw new Error('not used in this test');
  };
  findByIdentifier = vi.fn((_input: { identifier: string }, _ctx: ActingContext) => null);
  const handlers = {
    ...Object.fromEntries(OPERATION_NAMES.map((name) => [name, notUsed])),
    'patients.findByIdentifier': findByIdentifier,
  } as unknown as Handlers;
  dispatch = vi.fn(createDispatcher(handlers, { log: () => undefined }));
  refusals = [];
  unregister = registerIpc({
    call: viaSeat(dispatch),
    getAppContents: () => ourContents,
    log: (message) => refusals.push(message),
  });
});

afterEach(() => unregister());

describe('IPC registration', () => {
  it('registers exactly one channel, board:invoke, and removes it again', () => {
    expect([...fake.handlers.keys()]).toEqual(['board:invoke']);
    unregister();
    expect(fake.handlers.size).toBe(0);
    unregister = registerIpc({ call: viaSeat(dispatch), getAppContents: () => ourContents });
    expect(fake.handlers.size).toBe(1);
  });
});

describe('sender check', () => {
  const unauthorized = { ok: false, error: { code: 'FORBIDDEN', message: 'caller is not the application window' } };
  const foreign: Array<[string, IpcMainInvokeEvent]> = [
    ['a remote page in our main frame', makeEvent(7, { url: 'https://evil.example/index.html' })],
    ['a file:// page', makeEvent(7, { url: 'file:///etc/passwd' })],
    ['another app:// host', makeEvent(7, { url: 'app://evil/index.html' })],
    ['our host with a port', makeEvent(7, { url: 'app://tumour-board:8080/index.html' })],
    ['a subframe (iframe) of our window', makeEvent(7, { routingId: 2, parent: { routingId: 1 } })],
    ['a frame in another process', makeEvent(7, { processId: 99 })],
    ['another WebContents', makeEvent(8, {})],
    ['a destroyed frame', makeEvent(7, null)],
    ['a detached frame', makeEvent(7, { detached: true })],
  ];

  it.each(foreign)('refuses %s with FORBIDDEN and never dispatches', async (_label, event) => {
    const result = await handler()(event, 'patients.findByIdentifier', { identifier: 'MRN-1' });
    expect(result).toEqual(unauthorized);
    expect(dispatch).not.toHaveBeenCalled();
    expect(findByIdentifier).not.toHaveBeenCalled();
    expect(refusals).toHaveLength(1);
  });

  it('refuses every call while there is no window', async () => {
    unregister();
    unregister = registerIpc({ call: viaSeat(dispatch), getAppContents: () => null, log: () => undefined });
    const result = await handler()(ownEvent(), 'app.info', {});
    expect(result).toEqual(unauthorized);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls after our window was destroyed', async () => {
    unregister();
    const destroyed = { id: 7, isDestroyed: () => true, mainFrame: MAIN_FRAME } as unknown as WebContents;
    unregister = registerIpc({ call: viaSeat(dispatch), getAppContents: () => destroyed, log: () => undefined });
    expect(await handler()(ownEvent(), 'app.info', {})).toEqual(unauthorized);
  });
});

describe('calls from our own main frame', () => {
  it('an unknown operation gets UNKNOWN_OPERATION', async () => {
    const result = (await handler()(ownEvent(), 'cases.dropAll', {})) as ApiResult;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNKNOWN_OPERATION');
      expect(result.error.message).toBe('unknown operation: cases.dropAll');
    }
  });

  it('a non-string operation name gets UNKNOWN_OPERATION', async () => {
    const result = (await handler()(ownEvent(), 42, {})) as ApiResult;
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'unknown operation: number' } });
  });

  it('a hostile operation name still gets an ApiResult, never a rejection', async () => {
    // An object whose own toString is not a function survives structured clone and makes String() throw.
    const result = (await handler()(ownEvent(), { toString: 'x' }, {})) as ApiResult;
    expect(result.ok).toBe(false);
    expect(findByIdentifier).not.toHaveBeenCalled();
  });

  it('an extra key gets VALIDATION naming it, and the service is not called', async () => {
    const result = (await handler()(ownEvent(), 'patients.findByIdentifier', { identifier: 'MRN-1', sql: 'DROP TABLE cases' })) as ApiResult;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toContain('sql');
    }
    expect(findByIdentifier).not.toHaveBeenCalled();
  });

  it('a wrong type gets VALIDATION with the field', async () => {
    const result = (await handler()(ownEvent(), 'patients.findByIdentifier', { identifier: 42 })) as ApiResult;
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'identifier' } });
    expect(findByIdentifier).not.toHaveBeenCalled();
  });

  it('a valid call reaches dispatch and the service with the validated input and the Electron context', async () => {
    const result = await handler()(ownEvent(), 'patients.findByIdentifier', { identifier: '  MRN-0042  ' });
    expect(result).toEqual({ ok: true, value: null });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('patients.findByIdentifier', { identifier: '  MRN-0042  ' }, SEAT);
    // The service sees the schema's output (trimmed), not the raw renderer input.
    expect(findByIdentifier).toHaveBeenCalledWith({ identifier: 'MRN-0042' }, SEAT);
    expect(refusals).toEqual([]);
  });

  it('a dispatcher that throws yields INTERNAL without the error text', async () => {
    unregister();
    const throwing: Dispatch = () => Promise.reject(new Error('SQLITE_CORRUPT at /home/x/tumour-board.db'));
    unregister = registerIpc({ call: viaSeat(throwing), getAppContents: () => ourContents, log: () => undefined });
    const result = await handler()(ownEvent(), 'app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
  });
});
