import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const seriousOrWorse = (violations: Array<{ id: string; impact?: string | null; help: string; nodes: unknown[] }>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes.length}`);

test('the case list has no serious or critical accessibility violations', async ({ app }) => {
  await expect(app.locator('[role="row"][data-case-id]').first()).toBeVisible();
  await app.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Ready' }).click();
  await expect(app.getByRole('button', { name: 'Clear filters' })).toBeVisible();
  const results = await new AxeBuilder({ page: app }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
});

test('the case form has no serious or critical accessibility violations', async ({ app }) => {
  await app.keyboard.press('n');
  await app.getByLabel('Primary tumour', { exact: true }).selectOption('neuroendocrine');
  await app.keyboard.press('Control+s'); // show validation messages too
  await expect(app.getByText(/fields? needs? attention/)).toBeVisible();
  const results = await new AxeBuilder({ page: app }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
});
