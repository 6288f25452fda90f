// The smoke test's Electron lookup must find a binary when one is installed and otherwise give a reason,
// without ever requiring the electron package (which would try to download the runtime).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../electron/electron-binary';

let root = '';
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'tb-electron-bin-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const pkg = (): string => path.join(root, 'node_modules', 'electron');

describe('findElectronBinary', () => {
  it('reports a missing package', () => {
    expect(findElectronBinary(root, {})).toEqual({
      found: false, reason: 'the electron package is not installed (node_modules/electron is missing)',
    });
  });

  it('reports a never-downloaded runtime (no path.txt)', () => {
    mkdirSync(pkg(), { recursive: true });
    writeFileSync(path.join(pkg(), 'package.json'), '{"name":"electron","version":"45.5.0"}');
    const result = findElectronBinary(root, {});
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/^node_modules\/electron\/path\.txt is missing/);
  });

  it('reports a path.txt that points at nothing', () => {
    mkdirSync(pkg(), { recursive: true });
    writeFileSync(path.join(pkg(), 'package.json'), '{}');
    writeFileSync(path.join(pkg(), 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toEqual({ found: false, reason: 'node_modules/electron/dist/electron does not exist' });
  });

  it('finds the binary in dist/ or under ELECTRON_OVERRIDE_DIST_PATH', () => {
    mkdirSync(path.join(pkg(), 'dist'), { recursive: true });
    writeFileSync(path.join(pkg(), 'package.json'), '{}');
    writeFileSync(path.join(pkg(), 'path.txt'), 'electron');
    writeFileSync(path.join(pkg(), 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toEqual({ found: true, executablePath: path.join(pkg(), 'dist', 'electron') });
    const override = path.join(root, 'custom');
    mkdirSync(override);
    writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      found: true, executablePath: path.join(override, 'electron'),
    });
  });
});
