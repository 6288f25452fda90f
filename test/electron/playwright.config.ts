// Playwright config for the Electron smoke test only (the browser e2e tests use playwright.config.ts at the
// project root). Run: npx playwright test -c test/electron/playwright.config.ts
// Without an Electron runtime the test skips itself and says why (see smoke.spec.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  // Playwright empties outputDir at start: keep it apart from the JSON reports other runners write.
  outputDir: path.join(root, 'test-results', 'electron-artifacts'),
  // scripts/test.mjs sums test-results/electron.json into the closing `N passed, N failed, N skipped` line.
  reporter: [['list'], ['json', { outputFile: path.join(root, 'test-results', 'electron.json') }]],
});
