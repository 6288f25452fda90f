import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/client';
import { App } from './App';
import { createAppStores, StoresProvider } from './stores/context';
import './styles/base.css';
import './styles/list.css';
import './styles/form.css';
import './styles/evidence.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const stores = createAppStores(createApiClient());
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
