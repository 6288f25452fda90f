// Layer rule of DESIGN.md, checked on the source text: only electron/shell/ may import 'electron', and the
// sandboxed preload imports nothing at run time but 'electron' (types are erased by the bundler).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

describe("imports of 'electron'", () => {
  it('appear only under electron/shell/', () => {
    const offenders = ['shared', 'db', 'electron', 'renderer']
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => !file.startsWith(path.join(root, 'electron', 'shell') + path.sep))
      .filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8').replace(/^\s*import\s+type\s.*$/gm, '')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  const runtimeImports = (file: string): Array<string | undefined> =>
    [...readFileSync(path.join(root, 'electron', 'shell', file), 'utf8').matchAll(/^import\s+(?!type\s)[^'"]*['"]([^'"]+)['"]/gm)]
      .map((m) => m[1]);

  it('the preload imports only electron and the bridge at run time, and the bridge nothing', () => {
    expect(runtimeImports('preload.ts')).toEqual(['electron', './bridge']);
    expect(runtimeImports('bridge.ts')).toEqual([]);
  });

  it('the preload exports nothing (no module.exports needed in the sandbox)', () => {
    expect(readFileSync(path.join(root, 'electron', 'shell', 'preload.ts'), 'utf8')).not.toMatch(/^export\s/m);
  });
});
