// `npm start`: build what is needed, then launch Electron; where the Electron runtime cannot be had, say so
// in one line and start the browser host instead (same UI, same services, same database), printing the URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

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
