/**
 * The evidence options in the real UI: a colorectal case's Y-90 options turn contraindicated with the flag
 * Y90_BILIRUBIN_GT_2 as soon as a bilirubin of 2.5 mg/dL is saved (no reload); a citation opens its evidence
 * card; the evidence library finds EPOCH; the case view with the panel passes axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';

const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });
const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Evidence options' });
const option = (page: Page, word: string): Locator => panel(page).locator(`[data-option="${word}"]`);
const radio = (page: Page, group: string, choice: string): Locator => page.getByRole('group', { name: group }).getByRole('radio', { name: choice, exact: true });

const seriousOrWorse = (violations: Array<{ id: string; impact?: string | null; help: string; nodes: unknown[] }>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes.length}`);

async function createColorectalCase(page: Page): Promise<string> {
  const family = uniqueName('Evidence');
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'New case' })).toBeVisible();
  await field(page, 'Identifier (MRN)').fill(uniqueName('EV-'));
  await field(page, 'Family name').fill(family);
  await field(page, 'Given name').fill('Anna');
  await field(page, 'Primary tumour').selectOption('colorectal');
  await field(page, 'Line of therapy').selectOption('chemo_naive');
  await radio(page, 'Resectable or ablatable', 'No').check();
  await radio(page, 'Liver-dominant disease', 'Yes').check();
  await field(page, 'ECOG performance status').fill('0');
  await field(page, 'Total bilirubin unit').selectOption('mg_dl');
  await field(page, 'Total bilirubin').fill('1.0');
  await page.keyboard.press('Control+s');
  await expect(page.getByText(/Case #\d+ created\./)).toBeVisible();
  await expect(page.getByRole('heading', { name: `${family}, Anna` })).toBeVisible();
  await expect(page.getByText(/version 1/)).toBeVisible();
  return family;
}

test('saving bilirubin 2.5 mg/dL turns Y-90 contraindicated with Y90_BILIRUBIN_GT_2, without a reload', async ({ app }) => {
  await createColorectalCase(app);
  await expect(option(app, 'SYSTEMIC_STANDARD')).toHaveAttribute('data-strength', 'recommended');
  await expect(option(app, 'Y90_TARE')).toHaveAttribute('data-strength', 'not_recommended');
  await expect(option(app, 'Y90_TARE').locator('.strength')).toHaveText(/Not recommended/);
  await expect(panel(app).locator('[data-flag="Y90_BILIRUBIN_GT_2"]')).toHaveCount(0);

  await app.evaluate(() => { (window as unknown as { noReload: boolean }).noReload = true; });
  await field(app, 'Total bilirubin').fill('2.5');
  await app.keyboard.press('Control+s');
  await expect(app.getByText(/version 2/)).toBeVisible();
  for (const word of ['Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO']) {
    await expect(option(app, word)).toHaveAttribute('data-strength', 'contraindicated');
    await expect(option(app, word).locator('.strength')).toHaveText(/Contraindicated/);
    await expect(option(app, word)).toContainText('S-Y90-BILI');
  }
  const flag = panel(app).locator('[data-flag="Y90_BILIRUBIN_GT_2"]');
  await expect(flag).toBeVisible();
  await expect(flag).toContainText('Bilirubin > 2 mg/dL and no reversible cause recorded');
  expect(await app.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
  await expect(field(app, 'Total bilirubin')).toHaveValue('2.5');
});

test('a citation opens its evidence card; Escape closes the card, not the case', async ({ app }) => {
  const family = await createColorectalCase(app);
  const cite = option(app, 'Y90_TARE').getByRole('button', { name: 'Evidence: SIRFLOX' });
  await cite.click();
  const dialog = app.getByRole('dialog', { name: /EV-SIRFLOX-2016/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('van Hazel GA et al. J Clin Oncol 2016;34(15):1723-1731.');
  await expect(dialog).toContainText('Liver PFS (competing risk): 12.6 vs 20.5 months');
  await expect(dialog.getByRole('list', { name: 'Provenance tags' })).toContainText('verified against a primary source');
  await expect(dialog.getByRole('button', { name: /Close/ })).toBeFocused();

  const results = await new AxeBuilder({ page: app }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);

  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cite).toBeFocused();
  await expect(app.getByRole('heading', { name: `${family}, Anna` })).toBeVisible();
});

test('a missing fact in the to-do list focuses its field', async ({ app }) => {
  await createColorectalCase(app);
  const todo = panel(app).getByRole('region', { name: /Facts to complete/ });
  await todo.getByRole('button', { name: 'Lung shunt fraction' }).click();
  await expect(field(app, 'Lung shunt fraction')).toBeFocused();
  await expect(field(app, 'Lung shunt fraction')).toBeInViewport();
});

test('the case view with the options panel has no serious or critical accessibility violations', async ({ app }) => {
  await createColorectalCase(app);
  await field(app, 'Lung shunt fraction').fill('12');
  await field(app, 'Height').fill('170');
  await field(app, 'Weight').fill('70');
  await field(app, 'Liver replaced by tumour').fill('30');
  await expect(panel(app).getByRole('region', { name: 'Y-90 dosimetry' })).toContainText('1.53 GBq');
  await expect(panel(app).locator('[data-flag="Y90_LSF_REDUCE_ACTIVITY"]')).toBeVisible();
  const results = await new AxeBuilder({ page: app }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
  await app.screenshot({ path: 'test-results/evidence-case-view.png', fullPage: false });
});

test('the evidence library, reached from the navigation, finds EPOCH as you type', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Evidence library' }).click();
  await expect(app.getByRole('heading', { name: 'Evidence library' })).toBeVisible();
  const search = app.getByRole('searchbox', { name: 'Search the evidence' });
  await expect(search).toBeFocused();
  await search.pressSequentially('EPOCH');
  const entry = app.locator('li[data-evidence-id="EV-EPOCH-2021"]');
  await expect(entry).toBeVisible();
  await expect(app.locator('li[data-evidence-id="EV-TACE-LLOVET-2002"]')).toHaveCount(0);
  await entry.getByRole('button', { name: /EV-EPOCH-2021/ }).click();
  await expect(entry).toContainText('Mulcahy MF et al.');
  const results = await new AxeBuilder({ page: app }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
  await app.screenshot({ path: 'test-results/evidence-library.png', fullPage: false });
});
