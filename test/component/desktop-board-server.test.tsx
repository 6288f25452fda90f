// The desktop app's renderer connected to a real network-mode board server, through the same link the shell uses
// (electron/host/board-link.ts): the "Board server" setting shows the fingerprint to confirm; connected, the app
// shows the sign-in screen and then the server's cases; when the server goes away a banner says so, the screen
// keeps what it shows, and a save is refused in words (nothing queued); switching back to this computer's database.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/repositories/users';
import { seedDemo } from '../../electron/services/demo';
import { startBoardServer, type BoardServer } from '../../electron/host/board';
import { createBoardLink, type BoardLink } from '../../electron/host/board-link';
import type { ApiResult, BoardBridge } from '../../shared/api';
import { App } from '../../renderer/App';
import { desktopStores } from '../../renderer/boot';
import { BoardServer as BoardServerPanel } from '../../renderer/components/data/BoardServer';
import { desktopConnection } from '../../renderer/api/desktop';
import { StoresProvider } from '../../renderer/stores/context';
// The grid's size, as a browser would lay it out (the virtualiser renders rows only then).
import './render';

const PASSWORD = 'a long enough password';
const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-case-id'));
let dir = '';
let board: BoardServer | null = null;
const links: BoardLink[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tb-desktop-'));
  mkdirSync(path.join(dir, 'r'));
  board = await startBoardServer({ dbPath: path.join(dir, 'board.db'), staticDir: path.join(dir, 'r'), host: '127.0.0.1', port: 0 });
  seedDemo(board.context.db, 12, 3);
  createUser(board.context.db, { name: 'Cora', role: 'coordinator', password: PASSWORD }, 'setup');
}, 60_000);
afterAll(async () => {
  for (const l of links) l.close();
  await board?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The shell's side of the bridge, in this process: the link over a pretend local core. */
function shell(file: string): { bridge: BoardBridge; localCalls: string[] } {
  const localCalls: string[] = [];
  const link = createBoardLink({
    file, local: (name): Promise<ApiResult> => { localCalls.push(String(name)); return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'local' } }); },
  });
  links.push(link);
  return { bridge: { invoke: (name, input) => link.call(name, input) }, localCalls };
}

describe('the desktop app on a board server', () => {
  it('confirms the fingerprint, signs in, shows the server\'s cases, and when the server goes away keeps the screen, shows a banner and refuses a save', async () => {
    const server = board;
    if (!server) throw new Error('no server');
    const file = path.join(dir, 'board-server.json');
    const { bridge, localCalls } = shell(file);
    const user = userEvent.setup();

    // The setting: check the address, read the fingerprint, confirm.
    let restarts = 0;
    const panel = render(<BoardServerPanel connection={desktopConnection(bridge, () => { restarts++; })} />);
    await user.type(await screen.findByLabelText('Board server address'), server.host.url);
    await user.click(screen.getByRole('button', { name: 'Check the server' }));
    expect(await screen.findByText(server.tls.fingerprint)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'They are the same: connect' }));
    await waitFor(() => expect(restarts).toBe(1));
    panel.unmount();

    // The app starts again on the server: sign in first.
    const stores = await desktopStores(bridge, () => { restarts++; });
    expect(stores.account.getState().mode).toBe('network');
    const app = render(<StoresProvider stores={stores}><App /></StoresProvider>);
    await user.type(await screen.findByLabelText('Name'), 'Cora');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as Cora (Coordinator)');
    await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '13'));
    await waitFor(() => expect(dataRows().length).toBe(12));
    expect(localCalls).toEqual([]);

    // Open a case, change it, and lose the server before saving.
    const id = Number(dataRows()[0]?.getAttribute('data-case-id'));
    stores.ui.getState().show({ name: 'edit', id });
    const diagnosis = await screen.findByLabelText('Diagnosis', { selector: 'input, textarea' });
    await user.clear(diagnosis);
    await user.type(diagnosis, 'Typed while the server was away');
    await server.close();
    board = null;
    await user.click(screen.getAllByRole('button', { name: /^Save/ })[0] as HTMLElement);
    expect(await screen.findByText(/cannot be reached.*Nothing was changed and nothing is waiting to be sent/)).toBeInTheDocument();
    expect(await screen.findByText(/The board server cannot be reached\. What you see stays on screen/)).toBeInTheDocument();
    // What was typed stays in the form.
    expect(screen.getByLabelText('Diagnosis', { selector: 'input, textarea' })).toHaveValue('Typed while the server was away');
    // The list keeps its rows when going back to it (nothing is cleared because the server went away).
    await user.click(screen.getByRole('button', { name: 'Cases' }));
    await waitFor(() => expect(dataRows().length).toBe(12));
    app.unmount();

    // Back to this computer's database: the setting says so; calls go to the local core again.
    const local = desktopConnection(bridge, () => { restarts++; });
    render(<BoardServerPanel connection={local} />);
    await user.click(await screen.findByRole('button', { name: 'Use this computer\'s database' }));
    await waitFor(() => expect(restarts).toBe(2));
    expect((await local.status()).mode).toBe('local');
    await bridge.invoke('cases.list', {});
    expect(localCalls).toEqual(['cases.list']);
  }, 60_000);
});
