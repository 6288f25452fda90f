// `npm start`: build what is needed, then launch Electron; where the Electron runtime cannot be had, say so
// in one line and start the browser host instead (same UI, same services, same database), printing the URL.
// The Node bundles are rebuilt every time (under a second); the renderer (Vite, the slow part) only when its
// inputs changed: a SHA-256 over renderer/, shared/ and the build's configuration is kept in
// dist/renderer/.sources-sha256 and compared.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RENDERER_INPUTS = ['renderer', 'shared', 'vite.config.ts', 'tsconfig.base.json', 'tsconfig.renderer.json', 'package-lock.json'];
const stampFile = path.join(root, 'dist', 'renderer', '.sources-sha256');

/** Every input file of the renderer build, sorted, hashed with its path. */
function rendererSourcesHash() {
  const hash = createHash('sha256');
  const visit = (rel) => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(rel, name));
    } else {
      hash.update(`${rel.replaceAll('\\', '/')}\0`).update(readFileSync(full)).update('\0');
    }
  };
  for (const input of RENDERER_INPUTS) visit(input);
  return hash.digest('hex');
}

const run = (args) => {
  const r = spawnSync('npm', ['run', ...args, '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['build:node']);
const sources = rendererSourcesHash();
const built = existsSync(path.join(root, 'dist', 'renderer', 'index.html')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (built === sources) {
  console.log('renderer unchanged since the last build: not rebuilt');
} else {
  run(['build:renderer']);
  writeFileSync(stampFile, `${sources}\n`);
}

/** The Electron binary, if `npm install` managed to fetch it; never triggers a download. */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'node_modules/electron has no downloaded runtime (path.txt missing)' };
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { binary } : { reason: `Electron runtime missing at ${path.relative(root, binary)}` };
}

const electron = electronBinary();
const args = process.argv.slice(2);
let child;
if (electron.binary && !process.env.TUMOUR_BOARD_BROWSER) {
  child = spawn(electron.binary, ['.', ...args], { cwd: root, stdio: 'inherit' });
} else {
  const why = electron.reason ?? 'TUMOUR_BOARD_BROWSER is set';
  console.log(`Electron cannot start here (${why}); starting the browser host instead: open the URL below.`);
  child = spawn(process.execPath, [path.join(root, 'dist', 'cli.cjs'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
