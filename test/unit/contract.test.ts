// The whole contract, table-driven: every operation declares who may call it, the dispatcher enforces exactly
// that for every role (before looking at the input), and every operation is reachable from every transport
// (Electron IPC, the browser host over HTTP, the CLI's `call`), answering the same VALIDATION to the same probe.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { operations, OPERATION_NAMES, SIGNED_IN, USER_ROLES, type ApiResult, type UserRole } from '../../shared/api';
import { callLocal, openAppContext, type AppContext } from '../../electron/app/context';
import { startBrowserHost, type BrowserHost } from '../../electron/host/server';
import { cli } from './helpers/cli';

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>();
  return { handlers, ipcMain: { handle: (c: string, fn: (event: never, ...args: unknown[]) => Promise<unknown>) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) } };
});
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));
const { IPC_CHANNEL, registerIpc } = await import('../../electron/shell/ipc');

/** Input no operation accepts (every input schema is strict): proves the call got as far as validation. */
const PROBE = { __probe: true };
const validation = { ok: false, error: { code: 'VALIDATION' } };
/**
 * What the dispatcher answers the probe for each operation, for the local seat (administrator): VALIDATION where
 * the role is allowed, FORBIDDEN where not. A transport must carry exactly that answer (never UNKNOWN_OPERATION).
 */
const expected = new Map<string, ApiResult>();
/** The answer with a FORBIDDEN message left out (it names the caller, which each transport names differently). */
const gist = (r: ApiResult | undefined) => (r && !r.ok && r.error.code === 'FORBIDDEN' ? { ok: false, error: { code: 'FORBIDDEN' } } : r);

let dir = '';
let dbPath = '';
let app: AppContext;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-contract-'));
  dbPath = path.join(dir, 'contract.db');
  app = openAppContext({ dbPath, transport: 'browser-host' });
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
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the contract declares who may call each operation', () => {
  it.each(OPERATION_NAMES)('%s', (name) => {
    const access = operations[name].access;
    if (access === SIGNED_IN) return;
    expect(access.length).toBeGreaterThan(0);
    for (const role of access) expect(USER_ROLES).toContain(role);
  });

  it('reads are open to every signed-in role; users and restore are the administrator\'s; signing the chair\'s', () => {
    expect(operations['cases.list'].access).toBe(SIGNED_IN);
    expect(operations['cases.update'].access).toEqual(['coordinator', 'admin']);
    expect(operations['imports.csvImport'].access).toEqual(['coordinator', 'admin']);
    expect(operations['decisions.record'].access).toEqual(['chair', 'coordinator']);
    expect(operations['meetings.sign'].access).toEqual(['chair']);
    expect(operations['backups.restore'].access).toEqual(['admin']);
    expect(operations['backups.restoreFile'].access).toEqual(['admin']);
  });
});

describe('the dispatcher enforces the declared roles, before the input', () => {
  const cases = OPERATION_NAMES.flatMap((name) => USER_ROLES.map((role) => [name, role] as [string, UserRole]));
  it.each(cases)('%s as %s', async (name, role) => {
    const access = operations[name as keyof typeof operations].access;
    const allowed = access === SIGNED_IN || (access as readonly string[]).includes(role);
    const r = await app.dispatch(name, PROBE, { transport: 'cli', session: 'roles', actor: { label: `a ${role}`, profileId: 1, role } });
    if (allowed) expect(r).toMatchObject(validation);
    else expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('every operation is reachable from every transport', () => {
  it('Electron IPC', async () => {
    const contents = { id: 7, isDestroyed: () => false, mainFrame: { processId: 1, routingId: 1 } } as unknown as WebContents;
    const remove = registerIpc({ call: callLocal(app, 'electron', 'contract test'), getAppContents: () => contents, log: () => undefined });
    try {
      const handler = fake.handlers.get(IPC_CHANNEL) as unknown as (event: IpcMainInvokeEvent, name: unknown, input: unknown) => Promise<ApiResult>;
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
      const r = await cli('call', name, '--db', dbPath, '--input', JSON.stringify(PROBE));
      const answer = expected.get(name);
      expect({ code: r.code, out: r.out, err: r.err.replace(/^FORBIDDEN: .*/, 'FORBIDDEN') }, name).toEqual({
        code: 1, out: '', err: answer && !answer.ok ? (answer.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : `${answer.error.code}: ${answer.error.message}`) : 'no answer',
      });
    }
  }, 60_000);
});
