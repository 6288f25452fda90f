/**
 * The minutes in the app, against the demo database: the signed meeting's minutes preview (the PDF's HTML in a
 * sandboxed frame, styled through a constructed stylesheet under the app's strict CSP, so no console error),
 * the export with its SHA-256 recorded in the audit log, an outcome letter, the planned meeting's DRAFT, and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.setTimeout(90_000);
// The preview frame is sandboxed without allow-scripts, so nothing runs in it. Playwright's trace recorder tries to
// run its DOM snapshotter in every frame, and Chromium logs that it refused in this one: the sandbox doing its job.
test.use({ allowedConsoleErrors: [/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/] });

interface Summary { id: number; board: string; location: string; status: string; case_count: number }

/** The demo's own meetings (other specs add meetings of their own): the earliest signed and planned ones. */
async function demoMeetings(page: Page): Promise<{ signed: number; planned: number }> {
  const list = await page.evaluate(async () => {
    const token = sessionStorage.getItem('tumour-board.token');
    const r = await fetch('./api/meetings.list', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
    return (await r.json() as { value: Summary[] }).value;
  });
  const first = (status: string): number => {
    const ids = list.filter((m) => m.status === status && m.location === 'Seminar room 3, level 2').map((m) => m.id).sort((a, b) => a - b);
    if (ids[0] === undefined) throw new Error(`no demo meeting with status ${status}`);
    return ids[0];
  };
  return { signed: first('signed'), planned: first('planned') };
}

async function openMinutes(page: Page, meetingId: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Meetings' }).click();
  await page.locator(`tr[data-meeting-id="${meetingId}"]`).getByRole('button', { name: /^Minutes of / }).click();
  await expect(page.locator(`.minutes-view[data-meeting-id="${meetingId}"]`)).toBeVisible();
  // (The first preview after the server starts builds 22 cases' engine output: give it time.)
  await expect(page.locator('iframe.minutes-frame')).toBeVisible({ timeout: 20_000 });
  await waitStyled(page);
}

/** The frame is styled once its document has loaded (the app marks the root element when the sheet is adopted). */
async function waitStyled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe.minutes-frame')?.contentDocument?.documentElement.dataset.styled ?? ''),
    { timeout: 10_000 }).toBe('yes');
}

/** What the preview frame shows and how it is styled, read from the app's side (the frame runs no script). */
async function frameFacts(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.minutes-frame');
    const doc = frame?.contentDocument;
    const win = frame?.contentWindow;
    if (!frame || !doc || !win) throw new Error('no preview frame');
    const h1 = doc.querySelector('h1');
    const th = doc.querySelector('table.references th');
    const style = h1 ? win.getComputedStyle(h1) : null;
    return {
      sandbox: frame.getAttribute('sandbox'),
      styleElements: doc.querySelectorAll('style').length,
      adopted: doc.adoptedStyleSheets.length,
      text: doc.body.innerText,
      h1FontSize: style?.fontSize ?? '',
      h1Margin: style?.marginTop ?? '',
      thBackground: th ? win.getComputedStyle(th).backgroundColor : '',
      references: [...doc.querySelectorAll('table.references tbody tr td:first-child')].map((td) => td.textContent?.trim() ?? ''),
      // Options cite references by number ("[1, 4]"), never by their codes.
      cited: [...doc.querySelectorAll('table.options .refs')].flatMap((e) => (e.textContent ?? '').replace(/[[\]\s]/g, '').split(',')),
      caseHeadings: [...doc.querySelectorAll('section.case > h2')].map((h) => h.textContent?.trim() ?? ''),
      watermark: doc.querySelector('svg.watermark') !== null,
    };
  });
}

test('the signed meeting: preview styled under the CSP, export records the SHA-256 in the audit log, a letter', async ({ app }) => {
  const { signed } = await demoMeetings(app);
  await openMinutes(app, signed);
  const view = app.locator('.minutes-view');
  await expect(view).toHaveAttribute('data-draft', 'no');
  await expect(view.getByTestId('draft-tag')).toHaveCount(0);
  await expect(view.getByText('Signed minutes: the PDF’s SHA-256 is recorded in the audit log when you export it.')).toBeVisible();

  const facts = await frameFacts(app);
  expect(facts.sandbox).toBe('allow-same-origin');
  expect(facts.styleElements).toBe(0);
  expect(facts.adopted).toBe(2);
  expect(facts.watermark).toBe(false);
  // The builder's stylesheet applied: h1 is 15pt (20px), not the browser's 2em (32px); th has its grey fill.
  expect(facts.h1FontSize).toBe('20px');
  expect(facts.thBackground).toBe('rgb(232, 232, 232)');
  expect(facts.text).toContain('Liver & HPB tumour board: minutes');
  // Every case on the agenda is in the preview under its patient's name, as the letters list names them.
  const names = await view.locator('.letter-name').allTextContents();
  expect(names).toHaveLength(22);
  expect(facts.caseHeadings).toEqual(names.map((n) => n.trim()));
  for (const n of names) expect(facts.text).toContain(n.replace(/^\d+\.\s*/, ''));
  // The references the options cite by number are listed in full at the end; no evidence code is printed.
  expect(facts.cited.length).toBeGreaterThan(0);
  expect(facts.references.length).toBeGreaterThan(0);
  for (const n of new Set(facts.cited)) expect(facts.references).toContain(n);
  expect(facts.text).toContain('References');
  expect(facts.text).not.toMatch(/\b(EV|GL)-[A-Z0-9-]+/);

  await app.screenshot({ path: 'test-results/minutes-signed.png' });

  // Export: the button is disabled with progress while Chromium renders, then the file, size and SHA-256.
  const exportButton = view.getByRole('button', { name: /Export PDF|Exporting/ });
  await exportButton.click();
  await expect(view.locator('.minutes-export').getByText(/Rendering minutes as PDF…/)).toBeVisible();
  await expect(exportButton).toBeDisabled();
  await app.screenshot({ path: 'test-results/minutes-exporting.png', clip: { x: 0, y: 0, width: 1400, height: 300 } });
  const result = view.locator('.minutes-export [data-export="done"]');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(exportButton).toBeEnabled();
  await expect(result.locator('.sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(result.locator('.file-name')).toHaveText(/^minutes-.*-meeting-\d+(-\d+)?\.pdf$/); // -2, -3 … when run again: never overwritten
  await expect(result.getByText('Recorded in the audit log.')).toBeVisible();
  await expect(result).toContainText(/\d+(\.\d)? (kB|MB) \([\d,]+ bytes\)/);
  await app.screenshot({ path: 'test-results/minutes-exported.png' });

  // An outcome letter for the first case: its preview, then its export.
  const firstName = (names[0] ?? '').replace(/^\d+\.\s*/, '');
  const row = view.locator('.letter-row').first();
  await row.getByRole('button', { name: `Preview the letter for ${firstName}` }).click();
  await expect(view.getByRole('heading', { name: `Outcome letter: ${firstName}` })).toBeVisible();
  await expect(app.locator('iframe.minutes-frame')).toHaveAttribute('title', /^Preview: Outcome letter: case \d+, meeting /);
  await expect.poll(() => app.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe.minutes-frame')?.contentDocument?.body?.innerText ?? ''))
    .toContain('Dear ');
  await waitStyled(app);
  expect((await frameFacts(app)).text).toContain(firstName);
  await row.getByRole('button', { name: `Export the letter for ${firstName} as PDF` }).click();
  await expect(row.locator('[data-export="done"] .file-name')).toHaveText(/^letter-.*\.pdf$/, { timeout: 60_000 });
  await expect(row.getByText('Recorded in the audit log.')).toBeVisible();
});

test('the planned meeting\'s minutes are a DRAFT, watermarked, and not audited when exported', async ({ app }) => {
  const { planned } = await demoMeetings(app);
  await openMinutes(app, planned);
  const view = app.locator('.minutes-view');
  await expect(view).toHaveAttribute('data-draft', 'yes');
  await expect(view.getByTestId('draft-tag')).toHaveText('DRAFT');
  await expect(view.getByText('DRAFT: the meeting is not signed.')).toBeVisible();
  const facts = await frameFacts(app);
  expect(facts.watermark).toBe(true);
  expect(facts.text).toContain('DRAFT: not signed.');
  expect(facts.styleElements).toBe(0);
  await app.screenshot({ path: 'test-results/minutes-draft.png' });

  await view.getByRole('button', { name: 'Export PDF' }).click();
  const result = view.locator('.minutes-export [data-export="done"]');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.locator('.file-name')).toHaveText(/^minutes-.*-DRAFT(-\d+)?\.pdf$/);
  await expect(result.getByText('Not recorded in the audit log: only the signed minutes are.')).toBeVisible();
});

test('the minutes view has no serious or critical accessibility violations', async ({ app }) => {
  const { signed } = await demoMeetings(app);
  await openMinutes(app, signed);
  // The frame runs no script, so axe cannot run inside it (Playwright would wait for it for ever): axe checks the
  // view around it, and the frame's own accessible name is checked here.
  await expect(app.locator('iframe.minutes-frame')).toHaveAttribute('title', /^Preview: Liver & HPB tumour board: minutes (\d+ \w+|\w+ \d+,) \d{4}$/);
  await expect(app.getByRole('heading', { level: 1, name: /^Minutes · Liver & HPB tumour board · / })).toBeVisible();
  const results = await new AxeBuilder({ page: app }).exclude('iframe.minutes-frame').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes.length}`);
  expect(serious).toEqual([]);
});
