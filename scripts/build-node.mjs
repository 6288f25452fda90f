// Bundles the Node side (Electron main, preload, CLI, the core) with esbuild into dist/.
// Runs on `npm ci` (prepare) so the `tumour-board` bin works on a fresh clone; takes well under a second.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = {
  main: 'electron/shell/main.ts',
  preload: 'electron/shell/preload.ts',
  cli: 'electron/cli/main.ts',
  // The application core: run by the desktop in Electron utility processes (and by worker threads elsewhere).
  core: 'electron/core/main.ts',
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  // Native and runtime-provided modules stay outside the bundle; so does pg (loaded only on PostgreSQL, from node_modules).
  external: ['electron', 'better-sqlite3', 'playwright-core', 'pg'],
  absWorkingDir: root,
};

const jobs = Object.entries(entries)
  .filter(([, file]) => existsSync(path.join(root, file)))
  .map(([name, file]) =>
    build({ ...common, entryPoints: [file], outfile: `dist/${name}.cjs` }),
  );
await Promise.all(jobs);

// The two DejaVu faces the minutes use (and the font licence), beside the bundles: the packaged app and the CLI
// read them from dist/fonts/ (electron/minutes/fonts.ts), so the font package itself is a build-time dependency.
const require = createRequire(import.meta.url);
const fontPackage = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
const fontsOut = path.join(root, 'dist', 'fonts');
mkdirSync(fontsOut, { recursive: true });
for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) copyFileSync(path.join(fontPackage, 'ttf', file), path.join(fontsOut, file));
copyFileSync(path.join(fontPackage, 'LICENSE'), path.join(fontsOut, 'LICENSE-DejaVu.txt'));
