// Electron main wiring, with 'electron' replaced by a recording fake and the relay mocked: the order of the
// lifecycle (scheme before ready, sandbox, lock), the guards on the session and on every WebContents, the
// protocol handler, the core started in utility processes behind MessagePorts (the relay and core themselves are
// tested in core-relay.test.ts), IPC relayed to it, the window, and closing the cores on quit.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Fn = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    calls: [] as string[],
    appHandlers: new Map<string, Fn[]>(),
    resolveReady: (): void => undefined,
    ready: Promise.resolve(),
    schemes: [] as unknown[],
    protocolHandler: null as null | ((request: { url: string; method: string }) => Promise<Response>),
    permissionRequest: null as null | ((c: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    ipcChannels: [] as string[],
    windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; url: string }>,
    menuSet: 0,
    exitCode: null as number | null,
    errorBox: null as null | [string, string],
    lock: true,
    ipcHandler: null as null | ((event: unknown, name: unknown, input: unknown) => Promise<unknown>),
    forked: [] as Array<{ modulePath: string; args: string[]; options: { serviceName: string }; posted: Array<{ message: unknown; transfer: unknown[] }>; killed: boolean; exitListener: null | ((code: number) => void) }>,
  };
  const on = (event: string, fn: Fn): void => {
    state.appHandlers.set(event, [...(state.appHandlers.get(event) ?? []), fn]);
  };
  const electron = {
    app: {
      isPackaged: false,
      setName: (name: string) => state.calls.push(`setName:${name}`),
      setPath: (key: string, value: string) => state.calls.push(`setPath:${key}:${value}`),
      getPath: (key: string) => `/fake/${key}`,
      enableSandbox: () => state.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => {
        state.calls.push('lock');
        return state.lock;
      },
      on,
      whenReady: () => {
        state.calls.push('whenReady');
        return state.ready;
      },
      quit: () => state.calls.push('quit'),
      exit: (code: number) => {
        state.exitCode = code;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.calls.push('registerSchemes');
        state.schemes = schemes;
      },
    },
    session: {
      defaultSession: {
        protocol: {
          handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => {
            state.calls.push(`protocol.handle:${scheme}`);
            state.protocolHandler = handler;
          },
        },
        setPermissionRequestHandler: (fn: (c: unknown, p: string, cb: (ok: boolean) => void) => void) => {
          state.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: () => boolean) => {
          state.permissionCheck = fn;
        },
        setDevicePermissionHandler: () => undefined,
        webRequest: {
          onBeforeRequest: (fn: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) => {
            state.beforeRequest = fn;
          },
        },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, name: unknown, input: unknown) => Promise<unknown>) => {
        state.ipcChannels.push(channel);
        state.ipcHandler = handler;
      },
      removeHandler: (channel: string) => state.calls.push(`removeHandler:${channel}`),
    },
    BrowserWindow: class {
      webContents = { id: 1, isDestroyed: () => false, mainFrame: { processId: 1, routingId: 1 } };
      constructor(options: { webPreferences: Record<string, unknown> }) {
        state.windows.push({ options, url: '' });
      }
      once(): void {}
      on(): void {}
      loadURL(url: string): Promise<void> {
        const last = state.windows.at(-1);
        if (last) last.url = url;
        return Promise.resolve();
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => {
        state.menuSet += 1;
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        state.errorBox = [title, content];
      },
      showMessageBox: () => Promise.resolve({ response: 0 }),
    },
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { serviceName: string }) => {
        const child = {
          modulePath, args, options, posted: [] as Array<{ message: unknown; transfer: unknown[] }>, killed: false,
          exitListener: null as null | ((code: number) => void),
          postMessage(message: unknown, transfer: unknown[] = []) {
            child.posted.push({ message, transfer });
          },
          once(event: string, listener: (code: number) => void) {
            if (event === 'exit') child.exitListener = listener;
          },
          kill() {
            child.killed = true;
            return true;
          },
        };
        state.forked.push(child);
        return child;
      },
    },
    MessageChannelMain: class {
      port1 = { name: 'port1', postMessage: () => undefined, on: () => undefined, start: () => undefined, close: () => undefined };
      port2 = { name: 'port2' };
    },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  };
  return { state, electron };
});

const core = vi.hoisted(() => ({
  fail: null as null | string,
  options: null as null | { init: unknown; spawn: (role: 'interactive' | 'jobs') => { terminate(): void }; onCoreExit?: (role: 'interactive' | 'jobs', code: number | null) => void },
  calls: [] as Array<[unknown, unknown, string]>,
  closed: 0,
}));

vi.mock('electron', () => fake.electron);
// The log file is tested in file-log.test.ts; here its lines are recorded.
const logFile = vi.hoisted(() => ({ dirs: [] as string[], lines: [] as string[] }));
vi.mock('../../electron/app/file-log', () => ({
  createFileLog: (options: { dir: string }) => {
    logFile.dirs.push(options.dir);
    return (message: string) => logFile.lines.push(message);
  },
}));
// The keychain and encryption are tested in electron-keychain.test.ts; here the key is a fixed fake.
vi.mock('../../electron/app/keychain', () => ({ unlockDatabaseKey: () => ({ key: 'k', recoveryKey: null, encryptedExisting: false }) }));
vi.mock('../../electron/core/relay', () => ({
  createRelay: (options: NonNullable<typeof core.options>) => {
    core.options = options;
    return {
      start: () => (core.fail !== null
        ? Promise.reject(new Error(core.fail))
        : Promise.resolve({ interactive: { process: 'utility', pid: 2, createdDemo: true }, jobs: { process: 'utility', pid: 3, createdDemo: false } })),
      call: (name: unknown, input: unknown, session: string) => {
        core.calls.push([name, input, session]);
        return Promise.resolve({ ok: true, value: null });
      },
      close: () => {
        core.closed += 1;
        return Promise.resolve();
      },
    };
  },
}));

function emitApp(event: string, ...args: unknown[]): void {
  for (const fn of fake.state.appHandlers.get(event) ?? []) (fn as (...a: unknown[]) => unknown)(...args);
}

async function boot(): Promise<void> {
  vi.resetModules();
  const s = fake.state;
  s.calls = [];
  s.appHandlers = new Map();
  s.windows = [];
  s.ipcChannels = [];
  s.menuSet = 0;
  s.exitCode = null;
  s.errorBox = null;
  s.protocolHandler = null;
  s.ready = new Promise<void>((resolve) => {
    s.resolveReady = resolve;
  });
  s.forked = [];
  core.options = null;
  core.calls = [];
  core.closed = 0;
  await import('../../electron/shell/main');
}

async function ready(): Promise<void> {
  fake.state.resolveReady();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  core.fail = null;
  fake.state.lock = true;
});
afterEach(() => {
  delete process.env.TUMOUR_BOARD_USER_DATA;
});

describe('Electron main', () => {
  it('registers the app:// scheme, enables the sandbox and takes the lock before ready', async () => {
    process.env.TUMOUR_BOARD_USER_DATA = '/tmp/tb-test-profile';
    await boot();
    expect(fake.state.calls.slice(0, 6)).toEqual([
      'setName:Tumour Board', 'setPath:userData:/tmp/tb-test-profile', 'registerSchemes', 'enableSandbox', 'lock', 'whenReady',
    ]);
    expect(fake.state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('on ready: guards, protocol, database, IPC, menu and one secure window', async () => {
    await boot();
    await ready();
    expect(core.options?.init).toEqual({ dbPath: '/fake/userData/tumour-board.db', key: 'k', transport: 'electron', seat: expect.any(String), demoIfMissing: true, autoBackups: true });
    expect(core.options).toMatchObject({ host: { renderPdf: expect.any(Function), choosePath: expect.any(Function), chooseFile: expect.any(Function), revealFile: expect.any(Function) } });
    expect(fake.state.ipcChannels).toEqual(['board:invoke']);
    expect(fake.state.menuSet).toBe(1);
    expect(fake.state.windows).toHaveLength(1);
    const win = fake.state.windows[0];
    expect(win?.url).toBe('app://tumour-board/index.html');
    expect(win?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(win?.options.webPreferences.preload)).toMatch(/preload\.cjs$/);

    // Session guards.
    const denied: boolean[] = [];
    fake.state.permissionRequest?.({}, 'media', (ok) => denied.push(ok));
    expect(denied).toEqual([false]);
    expect(fake.state.permissionCheck?.()).toBe(false);
    const verdicts: boolean[] = [];
    fake.state.beforeRequest?.({ url: 'https://example.com/x.js' }, (r) => verdicts.push(r.cancel));
    fake.state.beforeRequest?.({ url: 'app://tumour-board/assets/a.js' }, (r) => verdicts.push(r.cancel));
    expect(verdicts).toEqual([true, false]);

    // The protocol answers with the CSP header and refuses traversal.
    const handler = fake.state.protocolHandler;
    expect(handler).not.toBeNull();
    const traversal = await handler?.({ url: 'app://tumour-board/../../etc/passwd', method: 'GET' });
    expect(traversal?.status).toBe(403);
    expect(traversal?.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('guards every WebContents: navigation, window.open and webview are denied', async () => {
    await boot();
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, fn: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => {
        openHandler = fn;
      },
    };
    emitApp('web-contents-created', {}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
      expect(prevented, event).toBe(true);
    }
    expect((openHandler as ((d: { url: string }) => { action: string }) | null)?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('runs each core in a utility process forked from dist/core.cjs, handed the far end of a MessageChannelMain', async () => {
    await boot();
    await ready();
    const link = core.options?.spawn('interactive');
    expect(fake.state.forked).toHaveLength(1);
    const child = fake.state.forked[0];
    expect(child?.modulePath).toMatch(/[/\\]core\.cjs$/);
    expect(child?.options).toEqual({ serviceName: 'Tumour Board core (interactive)', stdio: 'inherit' });
    expect(child?.posted).toEqual([{ message: { type: 'port' }, transfer: [{ name: 'port2' }] }]);
    link?.terminate();
    expect(child?.killed).toBe(true);
  });

  it('main opens no database: it relays the window\'s calls to the core for the window\'s session', async () => {
    await boot();
    await ready();
    expect(core.calls).toEqual([]);
    const event = {
      sender: { id: 1 },
      senderFrame: { processId: 1, routingId: 1, url: 'app://tumour-board/index.html', parent: null, detached: false },
    };
    const answer = await fake.state.ipcHandler?.(event, 'app.info', {});
    expect(answer).toEqual({ ok: true, value: null });
    expect(core.calls).toEqual([['app.info', {}, 'electron']]);
  });

  it('the "Board server" connection calls are answered in main and never reach the core; without a server it is local', async () => {
    await boot();
    await ready();
    const event = {
      sender: { id: 1 },
      senderFrame: { processId: 1, routingId: 1, url: 'app://tumour-board/index.html', parent: null, detached: false },
    };
    expect(await fake.state.ipcHandler?.(event, 'connection.status', {}))
      .toEqual({ ok: true, value: { mode: 'local', url: null, fingerprint: null, online: true, problem: null, account: null } });
    expect(await fake.state.ipcHandler?.(event, 'connection.probe', { url: 'http://board.hospital.local' }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'url', message: 'url: must start with https:// (a board server answers over HTTPS only)' } });
    expect(await fake.state.ipcHandler?.(event, 'session.login', { name: 'Ada', password: 'x' }))
      .toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'this computer is not connected to a board server' } });
    // A frame that is not the app's window is refused before anything is answered.
    expect(await fake.state.ipcHandler?.({ ...event, senderFrame: { ...event.senderFrame, url: 'https://evil.example/' } }, 'connection.status', {}))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.calls).toEqual([]);
  });

  it('on quit closes the cores (database, backup schedule) before the app goes, and removes the IPC handler', async () => {
    await boot();
    await ready();
    let prevented = 0;
    emitApp('will-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
    expect(core.closed).toBe(1);
    expect(fake.state.calls).toContain('removeHandler:board:invoke');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.state.calls.filter((c) => c === 'quit')).toEqual(['quit']);
    // The second will-quit (from app.quit) lets the app go.
    emitApp('will-quit', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
  });

  it('a core that stops is logged and, for the interactive core, the user is told and the app exits', async () => {
    await boot();
    await ready();
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    core.options?.onCoreExit?.('jobs', 1);
    expect(fake.state.exitCode).toBeNull();
    // Written to the rotating log in the user-data folder.
    expect(logFile.dirs.at(-1)).toBe(path.join('/fake/userData', 'logs'));
    expect(logFile.lines.at(-1)).toBe('the jobs core stopped (exit code 1)');
    quiet.mockRestore();
    core.options?.onCoreExit?.('interactive', 1);
    expect(fake.state.errorBox?.[0]).toBe('Tumour Board stopped working');
    expect(fake.state.exitCode).toBe(1);
  });

  it('a database that cannot be opened is reported and the app exits 1 without a window', async () => {
    core.fail = 'this database was written by a newer version of Tumour Board (schema 9, this app knows 1)';
    await boot();
    await ready();
    expect(fake.state.errorBox?.[0]).toBe('Tumour Board cannot open its database');
    expect(fake.state.errorBox?.[1]).toContain('newer version');
    expect(fake.state.exitCode).toBe(1);
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.ipcChannels).toEqual([]);
  });

  it('a second instance quits at once', async () => {
    fake.state.lock = false;
    await boot();
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.calls).not.toContain('whenReady');
  });
});
