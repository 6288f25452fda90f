// Playwright config for the Electron smoke test only (the browser e2e tests have their own config at the
// project root). Run: npx playwright test -c test/electron/playwright.config.ts
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  outputDir: '../../test-results/electron',
  reporter: [['list']],
});
