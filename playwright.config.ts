// End-to-end tests of the real UI in Debian's Chromium against the browser host on a temporary demo
// database (test/e2e/global-setup.ts builds if needed, creates the database and starts `serve`).
// Never `npx playwright install`: the Chromium here is /usr/bin/chromium (TOOLCHAIN.md).
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // One server and one database for the run; tests create their own uniquely named cases.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // Playwright empties outputDir at start: keep it apart from the JSON reports other runners write.
  outputDir: 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
});
