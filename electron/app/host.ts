/**
 * What the core asks of whoever hosts it: a PDF engine, where to write a file the user exports, which file to read
 * (restore from a file), showing a written file, and a log for failures. Injected once, at
 * `openAppContext({ host })`: the Electron shell gives printToPDF, save/open dialogs and the file manager; the CLI
 * gives --out/--from and prints progress; the browser host and tests get `headlessHost` (Chromium through playwright-core and an
 * `exports/` folder beside the database; no file picker). Nothing here is module-level state.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ActingContext } from '../../shared/api';
import { DomainError } from '../../shared/errors';
import { renderPdf } from '../minutes/render';

/** A file the user is about to export: its suggested name and what it is. */
export interface SaveRequest {
  suggestedName: string;
  kind: 'minutes' | 'letter' | 'backup';
}

/** A file the user is about to hand the core (restore from a backup file). */
export interface OpenRequest {
  kind: 'backup';
}

export interface HostCapabilities {
  /** HTML → PDF. */
  renderPdf(html: string): Promise<Buffer>;
  /** The absolute path to write; null when the user cancelled. */
  choosePath(request: SaveRequest, ctx: ActingContext): Promise<string | null>;
  /** The absolute path of the file to read; null when the user cancelled. */
  chooseFile(request: OpenRequest, ctx: ActingContext): Promise<string | null>;
  /** Shows a file the core wrote (its folder in the file manager); nothing where there is no desktop. */
  revealFile(file: string): Promise<void>;
  /** Opens a file the core wrote in the desktop's application for it; nothing where there is no desktop. */
  openFile(file: string): Promise<void>;
  /** How far a long task is (a CSV import: rows done of total); the CLI prints it, a window may show it. */
  progress(task: string, done: number, total: number): void;
  /** A failure worth a line in the log: what failed, never patient data. */
  log(message: string, error?: unknown): void;
}

/** `dir/name`, or `name-2`, `name-3` … when taken: an export never overwrites. */
export function freshPath(dir: string, suggestedName: string): string {
  const ext = path.extname(suggestedName);
  const stem = suggestedName.slice(0, suggestedName.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? suggestedName : `${stem}-${n}${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/** Where a headless host writes exports: `exports/` beside the database. */
export const exportsDirFor = (dbPath: string): string => path.join(path.dirname(path.resolve(dbPath)), 'exports');

/** The host with no desktop: the browser host, tests, the bench. */
export function headlessHost(dbPath: string): HostCapabilities {
  return {
    renderPdf: (html) => renderPdf(html),
    choosePath: (request) => {
      // The folder may not exist yet (a new board): made readable by its owner only, like the backups folder.
      const dir = exportsDirFor(dbPath);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      return Promise.resolve(freshPath(dir, request.suggestedName));
    },
    chooseFile: () => Promise.reject(new DomainError('READ_ONLY', 'choosing a file is not available here: use `tumour-board restore --db FILE --from FILE`')),
    revealFile: () => Promise.resolve(),
    openFile: () => Promise.resolve(),
    progress: () => undefined,
    log: (message, error) => console.error(`[tumour-board] ${message}`, error instanceof Error ? error.message : (error ?? '')),
  };
}
