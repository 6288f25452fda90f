/**
 * Which stores this window gets: the desktop app (this computer's database or, connected in "Board server", a
 * board server through the shell), a board server's own page (cookie session), or the loopback host (token).
 */
import type { BoardBridge } from '../shared/api';
import { BridgeApiClient, createApiClient, HttpApiClient } from './api/client';
import { bridgeAccountApi, bridgeEvents, desktopConnection, RemoteBridgeClient } from './api/desktop';
import { isBoardServerPage, signedIn, signIn, signOut } from './api/network';
import { createAppStores, type AppStores } from './stores/context';

/** The desktop app's stores over its bridge; `restart` starts the window again after switching sides. */
export async function desktopStores(bridge: BoardBridge, restart?: () => void): Promise<AppStores> {
  const connection = desktopConnection(bridge, restart);
  const status = await connection.status().catch(() => null);
  if (status?.mode !== 'server') return createAppStores(new BridgeApiClient(bridge), undefined, null, { connection });
  // Connected: every call goes to the board server through the shell; the sign-in screen and the banner apply.
  const stores: AppStores = createAppStores(new RemoteBridgeClient(bridge, {
    onUnauthenticated: () => stores.account.getState().sessionEnded(),
    onReachable: (reachable) => stores.account.getState().setOnline(reachable),
  }), undefined, bridgeAccountApi(bridge), { connection, openEvents: bridgeEvents(bridge) });
  return stores;
}

/** The stores for this window: the desktop app (this computer's database or, connected, a board server), a board server's page, or the loopback host. */
export async function storesForThisWindow(): Promise<AppStores> {
  const bridge = window.board;
  if (bridge && typeof bridge.invoke === 'function') {
    return desktopStores(bridge);
  }
  // On a board server the session is a cookie; a 401 means it ended, a failed fetch that the server is unreachable.
  if (isBoardServerPage()) {
    const stores: AppStores = createAppStores(new HttpApiClient(null, './api/', (url, init) => fetch(url, { ...init, credentials: 'same-origin' }), {
      onUnauthenticated: () => stores.account.getState().sessionEnded(),
      onReachable: (reachable) => stores.account.getState().setOnline(reachable),
    }), undefined, { signIn: (n, p) => signIn(n, p), signOut: () => signOut(), signedIn: () => signedIn() });
    return stores;
  }
  return createAppStores(createApiClient());
}

