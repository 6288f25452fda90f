/**
 * Finds the Electron executable the way `require('electron')` would, WITHOUT its side effect: the electron
 * package's index.js downloads the binary when it is missing (and throws where GitHub is unreachable).
 * Here we only read node_modules/electron/path.txt and look for the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; executablePath: string } | { found: false; reason: string };

export function findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkgDir = path.join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(pkgDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason: 'node_modules/electron/path.txt is missing: the Electron runtime was never downloaded ' +
        '(electron ≥ 42 does not fetch it on npm install, and its download host is unreachable here)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const executablePath = override ? path.join(override, relative || 'electron') : path.join(pkgDir, 'dist', relative);
  if (!existsSync(executablePath)) {
    return { found: false, reason: `${path.relative(projectRoot, executablePath) || executablePath} does not exist` };
  }
  return { found: true, executablePath };
}
