/**
 * The desktop's host capabilities for the core, done in the main process when the core asks over its port
 * (core/relay.ts): Electron's own printToPDF (no Chromium download), save and open dialogs parented to the
 * window, "show in folder", and the log.
 */
import path from 'node:path';
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { SaveRequest } from '../app/host';
import type { RelayHost } from '../core/relay';
import { printMinutesPdf } from './minutes-pdf';

const FILTERS: Record<SaveRequest['kind'], { name: string; extensions: string[] }> = {
  minutes: { name: 'PDF', extensions: ['pdf'] },
  letter: { name: 'PDF', extensions: ['pdf'] },
  backup: { name: 'Tumour Board database', extensions: ['sqlite', 'db'] },
};

export function desktopHost(window: () => BrowserWindow | null, log: (message: string) => void): RelayHost {
  return {
    renderPdf: printMinutesPdf,
    choosePath: async (request) => {
      const options: SaveDialogOptions = { defaultPath: path.join(app.getPath('documents'), request.suggestedName), filters: [FILTERS[request.kind]] };
      const owner = window();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseFile: async () => {
      const options: OpenDialogOptions = { properties: ['openFile'], filters: [FILTERS.backup, { name: 'All files', extensions: ['*'] }] };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    revealFile: async (file) => {
      shell.showItemInFolder(file);
    },
    openFile: async (file) => {
      // openPath answers an error text instead of throwing (no application for PDFs, say).
      const failure = await shell.openPath(file);
      if (failure) throw new Error(`the file could not be opened: ${failure}`);
    },
    log,
  };
}
