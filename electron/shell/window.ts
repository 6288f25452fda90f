/**
 * The one application window. The renderer is untrusted: isolated, sandboxed, no Node, web security on,
 * and it only ever loads our own app:// page (navigation and new windows are denied in security.ts).
 */
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './policy';

export interface WindowOptions {
  /** Absolute path of dist/preload.cjs. */
  preloadPath: string;
  /** DevTools only in unpackaged development builds. */
  devTools: boolean;
  /** The window's icon (assets/icon.png; Linux shows it, Windows and macOS take the executable's). */
  icon?: string;
}

/** webPreferences as a pure value so the security-relevant switches are asserted in a unit test. */
export function secureWebPreferences(options: WindowOptions) {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  } as const;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Tumour Board',
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon !== undefined ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** dist/preload.cjs and dist/renderer, relative to the bundled main (dist/main.cjs). */
export function distPaths(mainDir: string): { preloadPath: string; rendererDir: string } {
  return { preloadPath: path.join(mainDir, 'preload.cjs'), rendererDir: path.join(mainDir, 'renderer') };
}
