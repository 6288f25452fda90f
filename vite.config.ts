/**
 * Builds the renderer into dist/renderer/, loaded by Electron (app://) and the browser host (127.0.0.1).
 * The output must run under `default-src 'self'`: no inline scripts or styles. The React plugin's
 * Fast Refresh preamble is an inline script, but only in the dev server, so the dev server drops the CSP
 * meta (the production build keeps it, and Electron sends the same policy as a header).
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const devRelaxCsp = (): Plugin => ({
  name: 'tumour-board:dev-relax-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/s, ''),
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devRelaxCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Chromium supports modulepreload natively: no polyfill code.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs into CSS/JS (keeps the CSP simple and the output inspectable).
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
