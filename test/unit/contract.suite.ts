// The contract on a store of either engine (contract.test.ts: SQLite; contract.pg.test.ts: PostgreSQL): the
// dispatcher enforces exactly the declared roles (before looking at the input), and every operation is reachable
// from every transport (Electron IPC, the browser host over HTTP, the CLI's `call`), answering the same VALIDATION to
// the same probe. The test file mocks `electron` (vi.mock is the test file's) and hands its fake IPC handlers here.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, OPERATION_NAMES, SIGNED_IN, USER_ROLES, type ApiResult, type UserRole } from '../../shared/api';
import { callLocal, type AppContext } from '../../electron/app/context';
import type { BoardStore } from '../../electron/host/board';
import { startBrowserHost, type BrowserHost } from '../../electron/host/server';
import { cli } from './helpers/cli';
import { useEngine, type Engine } from './helpers/engines';

/** What the test file's fake `ipcMain` registered, by channel. */
export type FakeIpcHandlers = Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>;

/** Input no operation accepts (every input schema is strict): proves the call got as far as validation. */
const PROBE = { __probe: true };
const validation = { ok: false, error: { code: 'VALIDATION' } };
/** The answer with a FORBIDDEN message left out (it names the caller, which each transport names differently). */
const gist = (r: ApiResult | undefined) => (r && !r.ok && r.error.code === 'FORBIDDEN' ? { ok: false, error: { code: 'FORBIDDEN' } } : r);

export function contractSuite(engine: Engine, ipcHandlers: FakeIpcHandlers): void {
  /**
   * What the dispatcher answers the probe for each operation, for the local seat (administrator): VALIDATION where
   * the role is allowed, FORBIDDEN where not. A transport must carry exactly that answer (never UNKNOWN_OPERATION).
   */
  const expected = new Map<string, ApiResult>();
  const ipc = import('../../electron/shell/ipc');
  const fixture = useEngine(engine);
  let store: BoardStore;
  let app: AppContext;
  let host: BrowserHost;

  beforeAll(async () => {
    const dir = fixture.tmp('file');
    store = fixture.place({ label: 'contract', scope: 'file' });
    app = fixture.app({ store, scope: 'file', transport: 'browser-host' });
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    host = await startBrowserHost({ call: callLocal(app, 'browser-host', 'contract test'), staticDir });
    for (const name of OPERATION_NAMES) {
      const answer = await callLocal(app, 'cli', 'contract test')(name, PROBE);
      expect(answer.ok ? 'ok' : answer.error.code, name).toMatch(/^(VALIDATION|FORBIDDEN)$/);
      expected.set(name, answer);
    }
  });

  afterAll(async () => {
    await host.close();
  });

  describe(`the dispatcher enforces the declared roles, before the input on ${engine}`, () => {
    const cases = OPERATION_NAMES.flatMap((name) => USER_ROLES.map((role) => [name, role] as [string, UserRole]));
    it.each(cases)('%s as %s', async (name, role) => {
      const access = operations[name as keyof typeof operations].access;
      const allowed = access === SIGNED_IN || (access as readonly string[]).includes(role);
      const r = await app.dispatch(name, PROBE, { transport: 'cli', session: 'roles', actor: { label: `a ${role}`, profileId: 1, role } });
      if (allowed) expect(r).toMatchObject(validation);
      else expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe(`every operation is reachable from every transport on ${engine}`, () => {
    it('Electron IPC', async () => {
      const contents = { id: 7, isDestroyed: () => false, mainFrame: { processId: 1, routingId: 1 } } as unknown as WebContents;
      const { IPC_CHANNEL, registerIpc } = await ipc;
      const remove = registerIpc({ call: callLocal(app, 'electron', 'contract test'), getAppContents: () => contents, log: () => undefined });
      try {
        const handler = ipcHandlers.get(IPC_CHANNEL) as unknown as (event: IpcMainInvokeEvent, name: unknown, input: unknown) => Promise<ApiResult>;
        const event = { sender: { id: 7 }, senderFrame: { url: 'app://tumour-board/index.html', processId: 1, routingId: 1, parent: null, detached: false } } as unknown as IpcMainInvokeEvent;
        for (const name of OPERATION_NAMES) {
          expect(gist(await handler(event, name, PROBE)), name).toEqual(gist(expected.get(name)));
        }
      } finally {
        remove();
      }
    });

    it('the browser host (HTTP)', async () => {
      for (const name of OPERATION_NAMES) {
        const res = await fetch(`${host.url}api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(PROBE) });
        const answer = expected.get(name);
        expect(res.status, name).toBe(answer && !answer.ok && answer.error.code === 'FORBIDDEN' ? 403 : 400);
        expect(gist(await res.json() as ApiResult), name).toEqual(gist(answer));
      }
    });

    it('the CLI (tumour-board call)', async () => {
      for (const name of OPERATION_NAMES) {
        const r = await cli('call', name, ...fixture.cliArgs(store), '--input', JSON.stringify(PROBE));
        const answer = expected.get(name);
        expect({ code: r.code, out: r.out, err: r.err.replace(/^FORBIDDEN: .*/, 'FORBIDDEN') }, name).toEqual({
          code: 1, out: '', err: answer && !answer.ok ? (answer.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : `${answer.error.code}: ${answer.error.message}`) : 'no answer',
        });
      }
    }, 60_000);
  });
}
