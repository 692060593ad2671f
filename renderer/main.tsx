import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { NetCanvasBridge } from '../shared/api/apiSchemas';
import { App } from './App';
import './theme/tokens.css';
import './app.css';
import { createBridgeClient } from './backend/bridgeClient';
import { createHttpClient } from './backend/httpClient';
import { BackendProvider } from './backend/useBackend';
import { initTheme } from './theme/theme';

// Electron's preload exposes `window.netcanvas`; in a browser the web shell serves this page.
const bridge = (window as { netcanvas?: NetCanvasBridge }).netcanvas;
const api = bridge ? createBridgeClient(bridge) : createHttpClient();

initTheme();
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <BackendProvider api={api}>
      <App />
    </BackendProvider>
  </StrictMode>,
);
