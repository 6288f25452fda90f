/** Where data lives when no --db is given: the same folder Electron's app.getPath('userData') uses. */
import { homedir } from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Tumour Board';
export const DB_FILE_NAME = 'tumour-board.db';

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), PRODUCT_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TUMOUR_BOARD_DB ?? path.join(defaultUserDataDir(env), DB_FILE_NAME);
}
