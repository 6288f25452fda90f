/**
 * Electron main: app lifecycle, windows, menus, dialogs and printing only. The core (app context + dispatcher on
 * the database in the user-data folder, a demo database when there is none yet) runs in Electron utility
 * processes behind MessagePorts (core-process.ts); main keeps the relay (core/relay.ts), which forwards
 * `{ name, input }` from the window's IPC and performs the host requests the core sends back (printToPDF, save
 * and open dialogs, show in folder). One instance per user (the SQLite file has one owner), one secure window,
 * the cores closed on quit. The pieces live in their own modules: protocol.ts (app://), security.ts (guards),
 * ipc.ts (transport), window.ts, menu-template.ts.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, dialog, Menu, safeStorage, session, type BrowserWindow } from 'electron';
import { osUserName } from '../app/seats';
import { createFileLog } from '../app/file-log';
import { unlockDatabaseKey } from '../app/keychain';
import { createRelay, type Relay, type RelayOptions } from '../core/relay';
import { createBoardLink, type BoardLink } from '../host/board-link';
import { corePath, spawnUtilityCore } from './core-process';
import { desktopHost } from './desktop-host';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu-template';
import { installAppProtocol, registerAppScheme } from './protocol';
import { guardAllWebContents, installSessionGuards } from './security';
import { runSelfCheck, SELF_CHECK_FLAG } from './self-check';
import { createMainWindow, distPaths } from './window';

const APP_NAME = 'Tumour Board';
const DB_FILE = 'tumour-board.db';
/** The "Board server" setting (address and pinned certificate), beside the local database. */
const BOARD_SERVER_FILE = 'board-server.json';
/** The rotating log file in <userData>/logs (what failed, never patient data), opened once the user-data folder is known. */
let fileLog: ((message: string) => void) | null = null;
const log = (message: string): void => {
  console.warn(`[tumour-board] ${message}`);
  fileLog?.(message);
};
const devTools = !app.isPackaged;

// The same user-data folder ("Tumour Board") in development and in packaged builds.
app.setName(APP_NAME);
// Tests (test/electron) point the app at a throw-away folder; a packaged build ignores this.
const userDataOverride = process.env.TUMOUR_BOARD_USER_DATA;
if (!app.isPackaged && userDataOverride !== undefined && userDataOverride !== '') {
  app.setPath('userData', path.resolve(userDataOverride));
}
if (!process.argv.includes(SELF_CHECK_FLAG)) fileLog = createFileLog({ dir: path.join(app.getPath('userData'), 'logs') });

// Both must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

let relay: Relay | null = null;
let mainWindow: BrowserWindow | null = null;
let removeIpc: (() => void) | null = null;
let boardLink: BoardLink | null = null;

/** The relay over this app's cores, each in its own utility process (dist/core.cjs). */
function coreRelay(init: RelayOptions['init']): Relay {
  const script = corePath(__dirname);
  return createRelay({
    spawn: (role) => spawnUtilityCore(script, role),
    init,
    host: desktopHost(() => mainWindow, log),
    onCoreExit: (role, code) => {
      log(`the ${role} core stopped (exit code ${code ?? 'none'})`);
      if (role === 'interactive') {
        dialog.showErrorBox(`${APP_NAME} stopped working`, 'The part of the application that keeps the records stopped. Nothing unsaved was written; please start the application again.');
        app.exit(1);
      }
    },
    onJobsRestart: (result) => log(result.ok ? 'the jobs core started again' : `the jobs core did not start again: ${result.message}`),
  });
}

/** assets/icon.png: shipped as resources/icon.png (electron-builder.yml extraResources), beside dist/ when unpackaged. */
function windowIcon(): string | undefined {
  const file = app.isPackaged ? path.join(process.resourcesPath, 'icon.png') : path.join(__dirname, '..', 'assets', 'icon.png');
  return existsSync(file) ? file : undefined;
}

function openWindow(preloadPath: string): void {
  const icon = windowIcon();
  mainWindow = createMainWindow({ preloadPath, devTools, ...(icon !== undefined ? { icon } : {}) });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  const { preloadPath, rendererDir } = distPaths(__dirname);
  installSessionGuards(session.defaultSession, { allowDevTools: devTools, log });
  installAppProtocol(session.defaultSession, rendererDir);

  const dbPath = path.join(app.getPath('userData'), DB_FILE);
  let recoveryKey: string | null;
  // The seat is this OS user; choosing a profile in the window makes it the actor (electron/app/seats.ts).
  const seat = osUserName(() => os.userInfo(), process.env);
  try {
    // The desktop app always encrypts: its key is kept wrapped by the OS keychain (electron/app/keychain.ts) and
    // handed to the cores over their ports.
    const unlocked = unlockDatabaseKey(dbPath, safeStorage);
    recoveryKey = unlocked.recoveryKey;
    // The jobs core runs the rotating automatic backups beside the database (every 6 h, the last 28 kept).
    relay = coreRelay({ dbPath, key: unlocked.key, transport: 'electron', seat, demoIfMissing: true, autoBackups: true });
    const ready = await relay.start();
    if (ready.interactive.createdDemo) log(`created a demo database at ${dbPath}`);
  } catch (error) {
    // E.g. a database written by a newer version: refused, left untouched, and the user is told why.
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(`${APP_NAME} cannot open its database`, `${reason}\n\nDatabase: ${dbPath}`);
    const starting = relay;
    relay = null;
    void starting?.close();
    app.exit(1);
    return;
  }
  const core = relay;
  // One session for this window: the acting profile is kept per session in the interactive core. Connected to a
  // board server ("Board server" setting), the link sends the window's calls there instead (electron/host/board-link.ts).
  const link = createBoardLink({ file: path.join(app.getPath('userData'), BOARD_SERVER_FILE), local: (name, input) => core.call(name, input, 'electron'), log });
  boardLink = link;
  removeIpc = registerIpc({ call: (name, input) => link.call(name, input), getAppContents: () => mainWindow?.webContents ?? null, log });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', devTools, appName: APP_NAME })));
  openWindow(preloadPath);
  if (recoveryKey !== null) {
    // Shown once: a lost key is a lost clinical record.
    void dialog.showMessageBox({
      type: 'warning', title: 'Recovery key', message: 'Write down this recovery key and keep it somewhere safe',
      detail: `${recoveryKey}\n\nThe database is encrypted with a key kept in this computer's keychain. If the keychain is lost, this recovery key is the only way to open the records (TUMOUR_BOARD_PASSPHRASE for the command line). It will not be shown again.`,
    });
  }

  app.on('activate', () => {
    if (mainWindow === null) openWindow(preloadPath);
  });
}

if (process.argv.includes(SELF_CHECK_FLAG)) {
  // Release check (docs/ELECTRON.md): no window, no lock, no user data; one JSON line and an exit code.
  app.whenReady()
    .then(() => runSelfCheck({ relay: coreRelay, expectedCore: 'utility', tmpDir: os.tmpdir(), versions: process.versions }))
    .then((report) => {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      app.exit(report.ok ? 0 : 1);
    })
    .catch((error: unknown) => {
      process.stdout.write(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`);
      app.exit(1);
    });
} else if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database: it gets focused (below, in that instance) and we leave.
  app.quit();
} else {
  guardAllWebContents(log);
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event: { preventDefault(): void }) => {
    removeIpc?.();
    removeIpc = null;
    boardLink?.close();
    boardLink = null;
    const closing = relay;
    relay = null;
    if (closing === null) return;
    // The cores close their databases (and stop the backup schedule) before the app goes.
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch((error: unknown) => {
    log(`startup failed: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
