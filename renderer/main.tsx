import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, HttpApiClient } from './api/client';
import { isBoardServerPage, signedIn, signIn, signOut } from './api/network';
import { App } from './App';
import { createAppStores, StoresProvider, type AppStores } from './stores/context';
import './styles/base.css';
import './styles/list.css';
import './styles/form.css';
import './styles/evidence.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// On a board server the session is a cookie; a 401 means it ended, a failed fetch that the server is unreachable.
const stores: AppStores = isBoardServerPage()
  ? createAppStores(new HttpApiClient(null, './api/', (url, init) => fetch(url, { ...init, credentials: 'same-origin' }), {
    onUnauthenticated: () => stores.account.getState().sessionEnded(),
    onReachable: (reachable) => stores.account.getState().setOnline(reachable),
  }), undefined, { signIn: (n, p) => signIn(n, p), signOut: () => signOut(), signedIn: () => signedIn() })
  : createAppStores(createApiClient());
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
