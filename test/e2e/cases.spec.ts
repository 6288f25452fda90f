/**
 * The case list and the case form end to end: the real renderer in Chromium, the real browser host, a
 * real (temporary) demo database. Every page fails its test on any console error (see fixtures.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';

const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Cases' });
const rows = (page: Page): Locator => grid(page).locator('[role="row"][data-case-id]');
const search = (page: Page): Locator => page.getByRole('searchbox', { name: 'Search cases' });
const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });

/** Rows in the list right now (other tests add cases to the shared database). */
async function totalRows(page: Page): Promise<number> {
  await expect(rows(page).first()).toBeVisible();
  return Number(await grid(page).getAttribute('aria-rowcount')) - 1;
}

test('the token is taken out of the visible address', async ({ app }) => {
  expect(app.url()).not.toContain('token');
  expect(new URL(app.url()).hash).toBe('');
});

test('the list shows the demo database, the total, and the decision-support footer', async ({ app }) => {
  await expect(app.getByText('Demo database')).toBeVisible();
  const total = await totalRows(app);
  expect(total).toBeGreaterThanOrEqual(Number(process.env.TB_DEMO_CASES));
  await expect(app.getByRole('status').filter({ hasText: /cases/ })).toContainText(`${total} cases`);
  await expect(app.getByRole('contentinfo')).toContainText('does not replace');
});

test('search forgives diacritics: odegard, lukasz, nunez', async ({ app }) => {
  const cases: Array<[string, RegExp]> = [['odegard', /Ødegård/], ['lukasz', /Łukasz/], ['nunez', /Núñez/]];
  for (const [typed, expected] of cases) {
    await search(app).fill(typed);
    await expect(rows(app).first()).toContainText(expected);
    const count = await rows(app).count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect(rows(app).nth(i)).toContainText(expected);
  }
});

test('create a case from the keyboard, find it, edit it, and it survives a reload', async ({ app }) => {
  const family = uniqueName('Testcase');
  const identifier = uniqueName('E2E-');
  await app.keyboard.press('n');
  await expect(app.getByRole('heading', { name: 'New case' })).toBeVisible();
  await field(app, 'Identifier (MRN)').fill(identifier);
  await field(app, 'Family name').fill(family);
  await field(app, 'Given name').fill('Zoë');
  await field(app, 'Date of birth').fill('1957-04-12');
  await field(app, 'Sex').selectOption('female');
  await field(app, 'Diagnosis').fill('Colorectal liver metastases, bilobar');
  await field(app, 'Question for the board').fill('Y-90 after second-line chemotherapy?');
  await field(app, 'Primary tumour').selectOption('colorectal');
  await field(app, 'ECOG performance status').fill('1');
  await app.getByRole('group', { name: 'Bilobar disease' }).getByRole('radio', { name: 'Yes' }).check();
  await field(app, 'Total bilirubin unit').selectOption('umol_l');
  await field(app, 'Total bilirubin').fill('20');
  await expect(app.getByText('= 1.1696 mg/dL')).toBeVisible();
  await app.keyboard.press('Control+s');

  await expect(app.getByText(/Case #\d+ created\./)).toBeVisible();
  await expect(app.getByRole('heading', { name: `${family}, Zoë` })).toBeVisible();
  await expect(app.getByText(/version 1/)).toBeVisible();

  // Back to the case's overview (nothing unsaved, so no question), then the list; find it by a word of its diagnosis + name.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('button', { name: 'Edit case' })).toBeVisible();
  await app.keyboard.press('Escape');
  await search(app).fill(family.toLowerCase());
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText(`${family}, Zoë`);
  await expect(rows(app).first()).toContainText('Draft');

  // Open it with the keyboard (its overview), and edit ("e").
  await search(app).press('ArrowDown');
  await expect(grid(app)).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Question to the board' })).toBeVisible();
  await app.keyboard.press('e');
  await expect(field(app, 'Family name')).toHaveValue(family);
  await expect(field(app, 'Total bilirubin')).toHaveValue('20'); // shown in the unit last used
  await field(app, 'Status').selectOption('ready');
  await field(app, 'Diagnosis').fill('Colorectal liver metastases, bilobar, RAS wild type');
  await field(app, 'Albumin unit').selectOption('g_l');
  await field(app, 'Albumin').fill('38');
  await app.getByRole('button', { name: /^Save/ }).first().click();
  await expect(app.getByText(/Case #\d+ saved\./)).toBeVisible();
  await expect(app.getByText(/version 2/)).toBeVisible();
  await expect(app.getByText(/unsaved changes/)).toHaveCount(0);

  // A reload keeps the session (token kept in sessionStorage) and the screen (the route is in the address).
  await app.reload();
  await expect(field(app, 'Family name')).toHaveValue(family);
  const chooser = app.getByRole('dialog', { name: 'Who is acting?' });
  if (await chooser.isVisible()) await chooser.getByRole('button', { name: 'Not now' }).click();
  // Back to the list through the overview; it shows what the database holds.
  await app.keyboard.press('Escape');
  await app.keyboard.press('Escape');
  await expect(grid(app)).toBeVisible();
  await search(app).fill(family);
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText('Ready');
  await expect(rows(app).first()).toContainText('RAS wild type');
  await rows(app).first().click();
  await app.getByRole('button', { name: 'Edit case' }).click();
  await expect(field(app, 'Albumin')).toHaveValue('38');
  await field(app, 'Albumin unit').selectOption('g_dl');
  await expect(field(app, 'Albumin')).toHaveValue('3.8'); // the same quantity in the other unit
  await expect(app.getByText(/unsaved changes/)).toHaveCount(0); // a unit switch is not an edit
  await field(app, 'Diagnosis').fill('changed but not saved');
  await expect(app.getByText(/unsaved changes/)).toBeVisible();
  await app.keyboard.press('Escape');
  const dialog = app.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.getByRole('button', { name: 'Edit case' })).toBeVisible(); // back on the case's overview
  await app.keyboard.press('Escape');
  await expect(grid(app)).toBeVisible();
  await expect(rows(app).first()).toContainText('RAS wild type');
});

test('a validation message appears next to the field and nothing is sent', async ({ app }) => {
  await app.getByRole('button', { name: /New case/ }).click();
  await field(app, 'Identifier (MRN)').fill(uniqueName('E2E-'));
  await field(app, 'Age').fill('130');
  await app.keyboard.press('Control+s');
  await expect(app.getByText('2 fields need attention.')).toBeVisible();
  await expect(field(app, 'Family name')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(app, 'Family name')).toHaveAccessibleDescription('Family name is required');
  await expect(field(app, 'Age')).toHaveAccessibleDescription(/Age must be at most 120/);
  await expect(field(app, 'Family name')).toBeFocused();
  await expect(field(app, 'Age')).toHaveValue('130');
});

test('filter by status and primary tumour', async ({ app }) => {
  const all = await totalRows(app);
  await app.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Closed' }).click();
  await app.getByRole('group', { name: 'Primary' }).getByRole('button', { name: 'Neuroendocrine' }).click();
  await expect(app.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Closed' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(app).first()).toContainText('Neuroendocrine');
  const rowcount = Number(await grid(app).getAttribute('aria-rowcount'));
  expect(rowcount - 1).toBeGreaterThan(0);
  expect(rowcount - 1).toBeLessThan(all);
  await expect(app.getByRole('status').filter({ hasText: /cases? of/ })).toContainText(`${rowcount - 1}`);
  const count = await rows(app).count();
  for (let i = 0; i < count; i++) {
    await expect(rows(app).nth(i)).toContainText('Closed');
    await expect(rows(app).nth(i)).toContainText('Neuroendocrine');
  }
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(all + 1));
});

test('sort by name from the column header', async ({ app }) => {
  await app.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(app.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  const firstAsc = await rows(app).first().textContent();
  await app.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(app.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(app).first()).not.toHaveText(firstAsc ?? '');
});

test('scrolling far down the virtualised list loads the rows there', async ({ app }) => {
  const all = await totalRows(app);
  expect(all).toBeGreaterThanOrEqual(Number(process.env.TB_DEMO_CASES));
  await grid(app).focus();
  await app.keyboard.press('End');
  const last = grid(app).locator(`[role="row"][aria-rowindex="${all + 1}"]`);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toHaveAttribute('data-case-id', /\d+/);
  expect(await rows(app).count()).toBeLessThan(80);
});
