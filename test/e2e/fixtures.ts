/**
 * Every test gets a page opened on the browser host, and fails on any console error or uncaught page
 * error (CSP violations, React warnings logged as errors, failed requests all show up there).
 */
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ app: Page; allowedConsoleErrors: RegExp[] }>({
  /** Console errors a test expects and names exactly (e.g. Chromium logging an HTTP 409 it provoked). */
  allowedConsoleErrors: [[], { option: true }],
  app: async ({ page, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      if (allowedConsoleErrors.some((re) => re.test(msg.text()))) return;
      problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const url = process.env.TB_URL;
    if (!url) throw new Error('TB_URL is not set: the global setup did not start the browser host');
    await page.goto(url);
    await answerWhoIsActing(page);
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };

/**
 * Waits for the app to load and, when it asks who is acting (it does on every open while nobody is), answers
 * "Not now". Call it after every goto or reload of a page that does not need a profile.
 */
export async function answerWhoIsActing(page: Page): Promise<void> {
  await expect(page.getByRole('grid', { name: 'Cases' })).toBeVisible();
  await expect(page.locator('[data-session-status]')).not.toHaveAttribute('data-session-status', 'loading');
  const chooser = page.getByRole('dialog', { name: 'Who is acting?' });
  if (await chooser.isVisible()) await chooser.getByRole('button', { name: 'Not now' }).click();
}

/** A name no demo patient has, so a test finds exactly its own case. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
