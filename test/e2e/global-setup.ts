/**
 * Builds the app if the build is missing or older than its sources, creates a temporary demo database with
 * the CLI, starts `tumour-board serve --port 0`, and hands the printed URL (with its token) to the tests
 * through TB_URL. The returned function stops the server and removes the database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(root, 'scripts', 'tumour-board.cjs');
export const DEMO_CASES = 400;

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const outputs = [path.join(root, 'dist', 'renderer', 'index.html'), path.join(root, 'dist', 'cli.cjs')];
  const builtAt = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  const sourcesAt = Math.max(...['renderer', 'shared', 'electron', 'db'].map((d) => newestMtime(path.join(root, d))));
  if (builtAt > 0 && builtAt >= sourcesAt) return;
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`serve did not print its URL in 20 s\n${out}${err}`)); }, 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Tumour Board browser host: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (match?.[1]) { clearTimeout(timer); resolve({ child, url: match[1] }); }
    });
    child.stderr?.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}\n${out}${err}`)); });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildIfNeeded();
  const dir = mkdtempSync(path.join(tmpdir(), 'tumour-board-e2e-'));
  const db = path.join(dir, 'e2e.db');
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--db', db, '--cases', String(DEMO_CASES)], { cwd: root, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo database failed: ${demo.stderr || demo.stdout}`);
  const { child, url } = await startServer(db);
  process.env.TB_URL = url;
  process.env.TB_DEMO_CASES = String(DEMO_CASES);
  process.env.TB_DB = db; // for tests that check the database itself (e.g. the read-only triggers with sqlite3)
  return async () => {
    child.removeAllListeners('exit');
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
