import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { storesForThisWindow } from './boot';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StoresProvider } from './stores/context';
import { syncRoute } from './stores/route';
import './styles/base.css';
import './styles/list.css';
import './styles/form.css';
import './styles/evidence.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const mount = root;

void storesForThisWindow().then((stores) => {
  // The screen named in the address (after the browser host's token has been taken out of it).
  syncRoute(stores.ui);
  createRoot(mount).render(
    <StrictMode>
      <ErrorBoundary>
        <StoresProvider stores={stores}>
          <App />
        </StoresProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
});
