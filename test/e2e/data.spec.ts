/**
 * Data in and out end to end against the real browser host: CSV import (preview, import, the patients in the
 * case list), a CSV with one bad row (nothing imported, row and column named), the FHIR mCODE example (primary
 * breast, ECOG 1 on the created case), a manual backup, and an axe check of the Data view.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FHIR_EXAMPLE = path.resolve(root, '..', 'shared', 'clinical', 'fhir-examples', 'mcode-ctma_TrialMatching_Patient01_breast_liver-mets_ECOG1.json');

const nav = (page: Page): Locator => page.getByRole('navigation', { name: 'Main' });
const rowsTable = (page: Page): Locator => page.getByRole('table', { name: 'Rows of the file' });

async function openData(page: Page, tab: 'CSV import' | 'FHIR import' | 'Registry export' | 'Backups'): Promise<void> {
  await nav(page).getByRole('button', { name: 'Data' }).click();
  await expect(page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

async function chooseCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.getByLabel('Choose a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(page.getByRole('table', { name: 'Column mapping' })).toBeVisible();
}

test('a CSV of three patients with diacritics: preview, import, and the patients are in the case list', async ({ app }) => {
  const tag = uniqueName('');
  const family = [`Ødegård${tag}`, `Núñez${tag}`, `Wróbel${tag}`];
  const csv = [
    'mrn;family_name;given_name;birth_date;sex;primary;ecog;bilirubin_umol_l',
    `CSV-${tag}-1;${family[0]};Zoë;1955-04-02;female;colorectal;1;17.1`,
    `CSV-${tag}-2;${family[1]};José;1961-11-30;male;hcc;0;34.2`,
    `CSV-${tag}-3;${family[2]};Łukasz;1949-07-15;male;neuroendocrine;2;8.6`,
  ].join('\r\n');
  await openData(app, 'CSV import');
  await chooseCsv(app, `list-${tag}.csv`, csv);

  // Recognised defaults: mrn → identifier; the bilirubin column in µmol/L.
  await expect(app.getByLabel('Target for column mrn')).toHaveValue('patient.identifier');
  await expect(app.getByLabel('Target for column bilirubin_umol_l')).toHaveValue('fact.bilirubin_mg_dl');
  await expect(app.getByLabel('Unit of column bilirubin_umol_l')).toHaveValue('umol_l');
  await expect(app.getByTestId('preview-summary')).toContainText('3 rows: 3 new, 0 to update, 0 unchanged');
  await expect(rowsTable(app).locator('tbody tr')).toHaveCount(3);
  await expect(rowsTable(app).locator('tr[data-row="2"]')).toContainText(`CSV-${tag}-1`);
  await expect(rowsTable(app).locator('tr[data-row="4"]')).toContainText('New case');

  await app.getByRole('button', { name: 'Dry run' }).click();
  const result = app.locator('.import-result');
  await expect(result.getByRole('heading')).toHaveText('Dry run: nothing was written');
  await expect(result.locator('[data-count="create"]')).toHaveText('3');

  await app.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(result.getByRole('heading')).toHaveText('Imported');
  await expect(result.locator('[data-count="create"]')).toHaveText('3');
  await expect(result.locator('[data-count="update"]')).toHaveText('0');

  await result.getByRole('button', { name: 'Open the case list' }).click();
  const search = app.getByRole('searchbox', { name: 'Search cases' });
  await search.fill(`odegard${tag}`); // folded search finds Ødegård
  const rows = app.getByRole('grid', { name: 'Cases' }).locator('[role="row"][data-case-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(family[0] ?? '');
  await expect(rows.first()).toContainText('Zoë');
  await search.fill(tag);
  await expect(rows).toHaveCount(3);
});

test('a CSV with one bad row imports nothing and names the row and the column', async ({ app }) => {
  const tag = uniqueName('');
  const csv = [
    'mrn,family_name,given_name,birth_date,sex,ecog',
    `BAD-${tag}-1,Dvořák${tag},Antonín,1950-01-01,male,1`,
    `BAD-${tag}-2,Kovač${tag},Ivana,1952-02-02,female,7`,
    `BAD-${tag}-3,Sørensen${tag},Åse,1953-03-03,female,0`,
  ].join('\n');
  await openData(app, 'CSV import');
  await chooseCsv(app, `bad-${tag}.csv`, csv);
  await expect(app.getByTestId('preview-summary')).toContainText('1 row with problems');
  const bad = rowsTable(app).locator('tr[data-row="3"]');
  await expect(bad).toContainText('Not valid');
  await expect(bad.getByRole('list', { name: 'Problems in row 3' })).toContainText('ecog');

  await app.getByLabel('Only rows with problems').check();
  await expect(rowsTable(app).locator('tbody tr')).toHaveCount(1);

  await app.getByRole('button', { name: 'Import 3 rows' }).click();
  const result = app.locator('.import-result');
  await expect(result.getByRole('heading')).toHaveText('Nothing was imported');
  await expect(result.getByRole('list', { name: 'Import problems' })).toContainText('Row 3, column “ecog”');

  await nav(app).getByRole('button', { name: 'Cases' }).click();
  await app.getByRole('searchbox', { name: 'Search cases' }).fill(tag);
  await expect(app.getByText('No case matches this search and these filters.')).toBeVisible();
});

test('the mCODE example imports as a case with primary breast and ECOG 1', async ({ app }) => {
  await openData(app, 'FHIR import');
  await app.getByLabel('Choose a FHIR file').setInputFiles({
    name: path.basename(FHIR_EXAMPLE), mimeType: 'application/json', buffer: readFileSync(FHIR_EXAMPLE),
  });
  await expect(app.getByRole('heading', { name: /^Mapped \(\d+\)$/ })).toBeVisible();
  await expect(app.getByRole('heading', { name: /^Facts still missing \(\d+\)$/ })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Missing facts' })).toBeVisible();
  await app.getByRole('button', { name: /^Import/ }).click();
  const open = app.getByRole('button', { name: /^Open case #\d+/ });
  await expect(open).toBeVisible();
  await open.click();
  // The imported case opens on its overview, then the form.
  await expect(app.locator('.overview-sub')).toContainText('Breast');
  await app.getByRole('button', { name: 'Edit case' }).click();
  await expect(app.getByLabel('Primary tumour', { exact: true })).toHaveValue('breast');
  await expect(app.getByLabel('ECOG performance status', { exact: true })).toHaveValue('1');
});

test('back up now: the new backup is listed', async ({ app }) => {
  await openData(app, 'Backups');
  const table = app.getByRole('table', { name: 'Backups, newest first' });
  await app.getByRole('button', { name: 'Back up now' }).click();
  const done = app.getByText(/^Backed up: (board-manual-\S+\.sqlite)/);
  await expect(done).toBeVisible();
  const file = /Backed up: (\S+\.sqlite)/.exec(await done.innerText())?.[1] ?? '';
  expect(file).toMatch(/^board-manual-/);
  await expect(table.locator(`tr[data-file="${file}"]`)).toContainText('Manual');
});

test('restore asks first (the current database is kept as a backup), then restores and lists the safety copy', async ({ app }) => {
  await openData(app, 'Backups');
  // Back up now and restore that very copy, so the shared e2e database keeps its content.
  await app.getByRole('button', { name: 'Back up now' }).click();
  const done = app.getByText(/^Backed up:/);
  await expect(done).toBeVisible();
  const file = /Backed up: (\S+\.sqlite)/.exec(await done.innerText())?.[1] ?? '';
  await app.getByRole('button', { name: `Restore ${file}` }).click();
  const dialog = app.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('The current database is kept as a backup first');
  await expect(dialog).toContainText(file);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  const restored = app.getByText(new RegExp(`^Restored from ${file.replace(/[.]/g, '\\.')}`));
  await expect(restored).toBeVisible({ timeout: 15_000 });
  const safety = /kept as (board-pre-restore-\S+\.sqlite)\./.exec(await restored.innerText())?.[1] ?? '';
  expect(safety).toMatch(/^board-pre-restore-/);
  await expect(app.getByRole('table', { name: 'Backups, newest first' }).locator(`tr[data-file="${safety}"]`)).toContainText('Before a restore');
  // The app still works on the restored database.
  await nav(app).getByRole('button', { name: 'Cases' }).click();
  await expect(app.getByRole('grid', { name: 'Cases' }).locator('[role="row"][data-case-id]').first()).toBeVisible();
});

test('the Data view has no serious or critical accessibility violations', async ({ app }) => {
  await openData(app, 'CSV import');
  await chooseCsv(app, 'a11y.csv', 'mrn,family_name,ecog,albumin_g_l\nA11Y-1,Zoë,9,35\n');
  await expect(rowsTable(app)).toBeVisible();
  const serious = (vs: Array<{ id: string; impact?: string | null; nodes: unknown[] }>) =>
    vs.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}`);
  expect(serious((await new AxeBuilder({ page: app }).analyze()).violations)).toEqual([]);
  await app.getByRole('tab', { name: 'Backups' }).click();
  await expect(app.getByRole('button', { name: 'Back up now' })).toBeVisible();
  expect(serious((await new AxeBuilder({ page: app }).analyze()).violations)).toEqual([]);
  await app.getByRole('tab', { name: 'FHIR import' }).click();
  await app.getByLabel('Choose a FHIR file').setInputFiles({ name: 'a11y.json', mimeType: 'application/json', buffer: readFileSync(FHIR_EXAMPLE) });
  await expect(app.getByRole('list', { name: 'Missing facts' })).toBeVisible();
  expect(serious((await new AxeBuilder({ page: app }).analyze()).violations)).toEqual([]);
});

test('a decided case: record an imaging assessment (response computed) and a toxicity, both on the timeline', async ({ app }) => {
  const dbPath = process.env.TB_DB;
  expect(dbPath, 'the global setup exposes the e2e database').toMatch(/\.db$/);
  const sql = spawnSync('sqlite3', ['-readonly', dbPath ?? '', `SELECT p.identifier || '|' || c.id FROM decisions d JOIN cases c ON c.id = d.case_id
    JOIN patients p ON p.id = c.patient_id WHERE c.primary_tumor IS NOT NULL AND c.primary_tumor <> 'hcc' ORDER BY d.id LIMIT 1;`], { encoding: 'utf8' });
  expect(sql.status, sql.stderr).toBe(0);
  const [identifier = '', caseId = ''] = sql.stdout.trim().split('|');
  expect(identifier).not.toBe('');

  // The patient may have more than one case: open the decided one by its id.
  await app.getByRole('searchbox', { name: 'Search cases' }).fill(identifier);
  const row = app.getByRole('grid', { name: 'Cases' }).locator(`[role="row"][data-case-id="${caseId}"]`);
  await expect(row).toContainText(identifier);
  await row.click();
  await app.keyboard.press('Enter');
  const outcomes = app.getByRole('region', { name: 'Outcomes and timeline' });
  await expect(outcomes.getByRole('list', { name: 'Case timeline' })).toBeVisible();
  await expect(outcomes.locator('li[data-kind="decision"]').first()).toBeVisible();
  const before = await outcomes.locator('li[data-kind="assessment"]').count();

  await outcomes.getByText('Add an imaging assessment').click();
  const form = outcomes.getByRole('form', { name: 'Imaging assessment' });
  await form.getByLabel('Lesion 1 baseline diameter (mm)').fill('50');
  await form.getByLabel('Lesion 1 current diameter (mm)').fill('30');
  await expect(outcomes.getByTestId('computed-response')).toContainText('PR (partial response): sum 50 → 30 mm, −40 % from baseline');
  await form.getByRole('button', { name: 'Record assessment' }).click();
  await expect(form.getByText(/^Recorded by RECIST 1\.1: PR \(partial response\): sum 50 → 30 mm/)).toBeVisible();
  await expect(outcomes.locator('li[data-kind="assessment"]')).toHaveCount(before + 1);

  await outcomes.getByText('Add a toxicity (CTCAE v5.0)').click();
  const tox = outcomes.getByRole('form', { name: 'Toxicity' });
  await tox.getByLabel('Term').selectOption('Fatigue');
  await tox.getByLabel('Grade').selectOption('2');
  await tox.getByRole('button', { name: 'Record toxicity' }).click();
  await expect(tox.getByText('Recorded: Fatigue, grade 2 (CTCAE v5.0).')).toBeVisible();
  await expect(outcomes.locator('li[data-kind="toxicity"]').last()).toContainText('Fatigue');
  await expect(app.getByRole('button', { name: 'Export FHIR' })).toBeVisible();
  // Retract the toxicity: a reason is required, then it leaves the timeline (kept in the database, marked).
  const toxicities = await outcomes.locator('li[data-kind="toxicity"]').count();
  await outcomes.locator('li[data-kind="toxicity"]').last().getByRole('button', { name: /^Retract toxicity of / }).click();
  const retract = outcomes.getByRole('form', { name: /^Retract Toxicity of / });
  await retract.getByLabel('Why is this entry wrong? (required)').fill('entered on the wrong case');
  await retract.getByRole('button', { name: 'Retract' }).click();
  await expect(outcomes.locator('li[data-kind="toxicity"]')).toHaveCount(toxicities - 1);
  await outcomes.getByText('Add progression or death').click();
  const results = await new AxeBuilder({ page: app }).include('.case-outcomes').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ×${v.nodes.length}`)).toEqual([]);
});

test('Export FHIR on the case screen downloads the case bundle', async ({ app }) => {
  await app.locator('[role="row"][data-case-id]').first().click();
  await app.keyboard.press('Enter');
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export FHIR' }).click();
  const download = await downloading;
  // The file name travels with the file: the case number only, never the patient's name or MRN.
  expect(download.suggestedFilename()).toMatch(/^case-\d+\.fhir\.json$/);
  const file = await download.path();
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { resourceType: string; entry: Array<{ resource: { resourceType: string } }> };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.entry.some((e) => e.resource.resourceType === 'Patient')).toBe(true);
});

test('the registry export saves a CSV and shows what was removed', async ({ app }) => {
  await openData(app, 'Registry export');
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export registry CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^registry-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(app.getByTestId('registry-counts')).toContainText(/\d+ records? of \d+ patients?/);
  await expect(app.getByRole('list', { name: 'Removed fields' }).getByRole('listitem').first()).toBeVisible();
});
