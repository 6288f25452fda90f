// Window switches and the application menu, as pure values (window.ts is loaded with 'electron' mocked).
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const { distPaths, secureWebPreferences } = await import('../../electron/shell/window');
const { buildMenuTemplate } = await import('../../electron/shell/menu-template');

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    const prefs = secureWebPreferences({ preloadPath: '/app/dist/preload.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('finds preload and renderer next to the bundled main', () => {
    expect(distPaths('/app/dist')).toEqual({ preloadPath: '/app/dist/preload.cjs', rendererDir: '/app/dist/renderer' });
  });
});

describe('application menu', () => {
  it('has the standard edit roles so copy and paste work', () => {
    const all = roles(buildMenuTemplate({ isMac: false, devTools: false, appName: 'Tumour Board' }));
    expect(all).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('offers DevTools and reload only in development builds', () => {
    const packaged = roles(buildMenuTemplate({ isMac: false, devTools: false, appName: 'Tumour Board' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const dev = roles(buildMenuTemplate({ isMac: false, devTools: true, appName: 'Tumour Board' }));
    expect(dev).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('has the macOS application menu only on macOS', () => {
    const mac = buildMenuTemplate({ isMac: true, devTools: false, appName: 'Tumour Board' });
    expect(mac[0]?.label).toBe('Tumour Board');
    expect(roles(mac)).toContain('hideOthers');
    const win = buildMenuTemplate({ isMac: false, devTools: false, appName: 'Tumour Board' });
    expect(win.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window']);
  });
});
