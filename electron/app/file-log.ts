/**
 * The desktop's log file: one line per event (ISO time, then the message) in `<userData>/logs/tumour-board.log`,
 * rotated when it passes `maxBytes` (tumour-board.log → .1 → .2 …, the oldest dropped), so it never grows without
 * bound. What failed, never patient data: callers pass operational messages only (the core's host log, startup,
 * a core that stopped, automatic backups). Writing never throws: a log that cannot be written is not a reason to
 * stop the app. Plain Node (no electron import), unit tested on a temp folder.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const LOG_FILE = 'tumour-board.log';

export interface FileLogOptions {
  dir: string;
  /** Rotate when the file would pass this size (default 1 MB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one (default 3). */
  keep?: number;
  now?: () => Date;
}

export function createFileLog(options: FileLogOptions): (message: string) => void {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 3;
  const file = path.join(options.dir, LOG_FILE);
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    }
    if (keep >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
  };
  return (message: string) => {
    try {
      // One line per event: newlines inside a message would forge lines.
      const line = `${(options.now?.() ?? new Date()).toISOString()} ${message.replace(/[\r\n]+/g, ' ')}\n`;
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      if (existsSync(file) && statSync(file).size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, { mode: 0o600 });
    } catch {
      // Never fatal.
    }
  };
}
