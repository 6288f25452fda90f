// Electron smoke test: launches the real app (dist/main.cjs) in the real Electron runtime when one exists,
// and otherwise skips itself saying why (the runtime cannot be downloaded on the project's machines).
// Checks: the window opens on app://, the case list of the demo database appears, window.board has only
// `invoke`, the renderer has no Node, the CSP blocks eval and remote requests, and nothing logs an error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary(root);
if (!binary.found) console.log(`[electron smoke] skipped: Electron binary not available: ${binary.reason}`);

test('Electron app: window, case list, bridge, CSP', async () => {
  test.skip(!binary.found, `Electron binary not available: ${binary.found ? '' : binary.reason}`);
  if (!binary.found) return;

  const built = ['dist/main.cjs', 'dist/preload.cjs', 'dist/core.cjs', 'dist/renderer/index.html'].every((f) => existsSync(path.join(root, f)));
  if (!built) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    expect(build.status, 'npm run build').toBe(0);
  }
  const userData = mkdtempSync(path.join(os.tmpdir(), 'tumour-board-electron-'));
  const args = [path.join(root, 'dist', 'main.cjs')];
  // Chromium refuses to run as root with its OS sandbox; the renderer's `sandbox: true` still applies.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  if (process.platform === 'linux' && !process.env.DISPLAY) args.unshift('--ozone-platform=headless');

  let app: ElectronApplication | null = null;
  try {
    app = await electron.launch({
      executablePath: binary.executablePath,
      args,
      cwd: root,
      env: { ...process.env, TUMOUR_BOARD_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
    });
    const page: Page = await app.firstWindow();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    await test.step('the window opens on the app:// page', async () => {
      expect(page.url()).toMatch(/^app:\/\/tumour-board\//);
      expect(app?.windows()).toHaveLength(1);
    });

    await test.step('the case list of the demo database appears', async () => {
      const grid = page.getByRole('grid', { name: 'Cases' });
      await expect(grid).toBeVisible({ timeout: 20_000 });
      await expect(grid.getByRole('row').nth(1).getByRole('gridcell').first()).not.toHaveText('', { timeout: 20_000 });
      expect(Number(await grid.getAttribute('aria-rowcount'))).toBeGreaterThan(1);
    });

    await test.step('window.board has only invoke, and the renderer has no Node', async () => {
      const shape = await page.evaluate(() => {
        const board = (globalThis as unknown as { board?: object }).board;
        return {
          keys: board ? Reflect.ownKeys(board).map(String) : null,
          invoke: typeof (board as { invoke?: unknown } | undefined)?.invoke,
          require: typeof (globalThis as unknown as { require?: unknown }).require,
          process: typeof (globalThis as unknown as { process?: unknown }).process,
        };
      });
      expect(shape).toEqual({ keys: ['invoke'], invoke: 'function', require: 'undefined', process: 'undefined' });
    });

    await test.step('invoke reaches the dispatcher over IPC', async () => {
      const results = await page.evaluate(async () => {
        const board = (globalThis as unknown as { board: { invoke(n: string, i: unknown): Promise<unknown> } }).board;
        return {
          info: await board.invoke('app.info', {}),
          unknown: await board.invoke('cases.dropAll', {}),
          extra: await board.invoke('app.info', { extra: true }),
        };
      });
      expect(results.info).toMatchObject({ ok: true, value: { transport: 'electron', demo: true } });
      expect(results.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
      expect(results.extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    });

    await test.step('the CSP blocks eval and the session blocks remote requests; nothing else logs an error', async () => {
      const verdict = await page.evaluate(async () => {
        let evalResult = 'allowed';
        try {
          new Function('return 1')();
        } catch {
          evalResult = 'blocked';
        }
        const fetchResult = await fetch('https://example.com/').then(() => 'allowed', () => 'blocked');
        return { evalResult, fetchResult };
      });
      expect(verdict).toEqual({ evalResult: 'blocked', fetchResult: 'blocked' });
      // Those two refusals are expected to log; anything else is a defect.
      const unexpected = errors.filter((e) => !/unsafe-eval|Content Security Policy|example\.com|Failed to fetch/i.test(e));
      expect(unexpected).toEqual([]);
    });
  } finally {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
