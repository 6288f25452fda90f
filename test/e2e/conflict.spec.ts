/**
 * Two people edit the same case: the second save is refused as a CONFLICT, says so, and keeps every edit.
 * Chromium logs the HTTP 409 the host answers with; that one message is expected here and nothing else.
 */
import type { Page } from '@playwright/test';
import { answerWhoIsActing, expect, test, uniqueName } from './fixtures';

test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 409/] });

async function openBySearch(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search cases' }).fill(text);
  const row = page.getByRole('grid', { name: 'Cases' }).locator('[role="row"][data-case-id]');
  await expect(row).toHaveCount(1);
  await row.first().click();
  await page.getByRole('button', { name: 'Edit case' }).click();
  await expect(page.getByLabel('Family name', { exact: true })).toHaveValue(text);
}

test('a stale save is refused as a conflict and the edits are kept', async ({ app, context }) => {
  const family = uniqueName('Conflict');
  await app.keyboard.press('n');
  await app.getByLabel('Identifier (MRN)', { exact: true }).fill(uniqueName('E2E-'));
  await app.getByLabel('Family name', { exact: true }).fill(family);
  await app.keyboard.press('Control+s');
  await expect(app.getByText(/version 1/)).toBeVisible();
  await app.keyboard.press('Escape'); // the form closes to the case's overview
  await app.getByRole('button', { name: '← Cases' }).click();

  // A colleague opens the same case in another window and saves first.
  // A new tab has its own sessionStorage, so it opens the host URL with the token like a fresh window.
  const colleague = await context.newPage();
  await colleague.goto(process.env.TB_URL ?? '');
  await answerWhoIsActing(colleague);
  await openBySearch(colleague, family);
  await openBySearch(app, family);
  await colleague.getByLabel('Diagnosis', { exact: true }).fill('colleague was first');
  await colleague.keyboard.press('Control+s');
  await expect(colleague.getByText(/version 2/)).toBeVisible();

  await app.getByLabel('Diagnosis', { exact: true }).fill('my careful edit');
  await app.getByLabel('ECOG performance status', { exact: true }).fill('2');
  await app.keyboard.press('Control+s');
  await expect(app.getByText(/changed by someone else after you opened it/)).toBeVisible();
  // Their version and yours, field by field; going back keeps every edit.
  const merge = app.getByRole('dialog', { name: 'Someone else saved this case first' });
  await expect(merge.getByRole('row', { name: /Diagnosis/ })).toContainText('colleague was first');
  await expect(merge.getByRole('row', { name: /Diagnosis/ })).toContainText('my careful edit');
  await merge.getByRole('button', { name: 'Back to my edits' }).click();
  await expect(app.getByLabel('Diagnosis', { exact: true })).toHaveValue('my careful edit');
  await expect(app.getByLabel('ECOG performance status', { exact: true })).toHaveValue('2');
  await expect(app.getByText(/unsaved changes/)).toBeVisible();

  // Loading the latest version shows the colleague's save.
  await app.getByRole('button', { name: /Load the latest version/ }).click();
  await expect(app.getByLabel('Diagnosis', { exact: true })).toHaveValue('colleague was first');
  await expect(app.getByText(/version 2/)).toBeVisible();
  await colleague.close();
});
