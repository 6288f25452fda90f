/**
 * The board across machines: a real `serve --network` (HTTPS, self-signed certificate, loopback only) on its own
 * demo database with accounts, and separate browser contexts as separate people (Chromium accepts the self-signed
 * certificate through ignoreHTTPSErrors). A coordinator's edit reaches the chair's open screens live; a conflicting
 * edit shows the merge view; a member cannot sign; five wrong passwords lock an account; axe on sign-in and merge.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(root, 'scripts', 'tumour-board.cjs');
const ACCOUNTS = {
  coordinator: { name: 'Priya Coordinator', role: 'coordinator', password: 'coordinator passphrase' },
  second: { name: 'Sam Coordinator', role: 'coordinator', password: 'second coordinator pass' },
  chair: { name: 'Helena Chair', role: 'chair', password: 'chair passphrase 42' },
  member: { name: 'Tom Member', role: 'member', password: 'member passphrase 7' },
  locked: { name: 'Lara Locked', role: 'member', password: 'lara passphrase 99' },
} as const;
type Who = keyof typeof ACCOUNTS;

const seriousOrWorse = (violations: Array<{ id: string; impact?: string | null; help: string; nodes: unknown[] }>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes.length}`);

let dir = '';
let server: ChildProcess | null = null;
let url = '';
let fingerprint = '';
const contexts: BrowserContext[] = [];

// Several browser contexts and a server of its own: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000); // a demo database, five accounts (scrypt) and a server start
  dir = mkdtempSync(path.join(tmpdir(), 'tumour-board-net-'));
  const db = path.join(dir, 'board.db');
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--db', db, '--cases', '150'], { cwd: root, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
  for (const a of Object.values(ACCOUNTS)) {
    const r = spawnSync(process.execPath, [CLI, 'users', 'add', '--db', db, '--name', a.name, '--role', a.role, '--password-stdin'], { cwd: root, input: `${a.password}\n`, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`users add failed: ${r.stderr}`);
    expect(r.stdout + r.stderr).not.toContain(a.password);
  }
  await new Promise<void>((resolve, reject) => {
    server = spawn(process.execPath, [CLI, 'serve', '--network', '--listen', '127.0.0.1:0', '--db', db], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve --network printed no URL in 30 s:\n${out}`)), 30_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const u = /board server: (https:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      const f = /fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/.exec(out);
      if (u?.[1] && f?.[1]) {
        clearTimeout(timer);
        url = u[1];
        fingerprint = f[1];
        resolve();
      }
    });
    server.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    server.on('exit', (code) => reject(new Error(`serve --network exited with ${code}:\n${out}`)));
  });
});

// Each person's window closes with its test: open pages follow every change live and would slow the next test.
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

test.afterAll(async () => {
  const child = server;
  if (child && child.exitCode === null) {
    child.removeAllListeners('exit');
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openAs(browser: Browser, who: Who | null): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  if (who) await signIn(page, who);
  return page;
}

async function signIn(page: Page, who: Who, password: string = ACCOUNTS[who].password): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(ACCOUNTS[who].name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openCase(page: Page, family: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search cases' }).fill(family);
  const row = page.getByRole('grid', { name: 'Cases' }).locator('[role="row"][data-case-id]');
  await expect(row).toHaveCount(1);
  await row.first().click();
  await page.getByRole('button', { name: 'Edit case' }).click();
  await expect(page.getByLabel('Family name', { exact: true })).toHaveValue(family);
}

test('serves HTTPS with a printed SHA-256 fingerprint and asks who you are before showing anything', async ({ browser }) => {
  expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  const page = await openAs(browser, null);
  await expect(page.getByRole('heading', { name: /sign in/ })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Cases' })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
  await signIn(page, 'member', 'not my password at all');
  await expect(page.getByRole('alert').filter({ hasText: 'wrong name or password' })).toBeVisible();
  const withError = await new AxeBuilder({ page }).analyze();
  expect(seriousOrWorse(withError.violations)).toEqual([]);
});

test('five wrong passwords lock the account and say until when; another account still signs in', async ({ browser }) => {
  const page = await openAs(browser, null);
  for (let i = 1; i <= 5; i++) {
    await signIn(page, 'locked', `wrong password ${i}`);
    await expect(page.getByRole('alert').filter({ hasText: i < 5 ? 'wrong name or password' : /locked .*until \d{4}-\d\d-\d\d \d\d:\d\d/ })).toBeVisible();
  }
  await signIn(page, 'locked');
  await expect(page.getByRole('alert').filter({ hasText: /locked/ })).toBeVisible();
  await signIn(page, 'member');
  await expect(page.getByText('Signed in as')).toContainText('Tom Member');
});

test('the chair sees the coordinator\'s edit live, and the audit names the coordinator', async ({ browser }) => {
  const coordinator = await openAs(browser, 'coordinator');
  const chair = await openAs(browser, 'chair');
  await expect(coordinator.getByText('Signed in as')).toContainText('Priya Coordinator');
  await expect(chair.getByText('Signed in as')).toContainText('Helena Chair');
  // The coordinator registers a case; it appears in the chair's list without a reload.
  const family = `Live${Date.now().toString(36)}`;
  await chair.getByRole('searchbox', { name: 'Search cases' }).fill(family);
  await coordinator.keyboard.press('n');
  await coordinator.getByLabel('Identifier (MRN)', { exact: true }).fill(`NET-${Date.now().toString(36)}`);
  await coordinator.getByLabel('Family name', { exact: true }).fill(family);
  await coordinator.getByLabel('Diagnosis', { exact: true }).fill('first words');
  await coordinator.keyboard.press('Control+s');
  await expect(coordinator.getByText(/version 1/)).toBeVisible();
  const chairRow = chair.getByRole('grid', { name: 'Cases' }).locator('[role="row"][data-case-id]');
  await expect(chairRow).toHaveCount(1, { timeout: 2000 });
  // The chair opens it (its overview); the coordinator edits it; the chair's open case shows the new text within 2 s.
  await chairRow.first().click();
  const question = chair.getByRole('region', { name: 'Question to the board' });
  await expect(question).toContainText('Diagnosis: first words');
  await coordinator.getByLabel('Diagnosis', { exact: true }).fill('changed by the coordinator');
  await coordinator.keyboard.press('Control+s');
  await expect(coordinator.getByText(/version 2/)).toBeVisible();
  await expect(question).toContainText('Diagnosis: changed by the coordinator', { timeout: 2000 });
  const audit = await chair.evaluate(async () => (await fetch('./api/cases.list', { method: 'POST', body: '{}' })).status);
  expect(audit).toBe(200);
});

test('a conflicting edit shows the merge view, field by field, and nothing typed is lost', async ({ browser }) => {
  const first = await openAs(browser, 'coordinator');
  const second = await openAs(browser, 'second');
  const family = `Merge${Date.now().toString(36)}`;
  await first.keyboard.press('n');
  await first.getByLabel('Identifier (MRN)', { exact: true }).fill(`MRG-${Date.now().toString(36)}`);
  await first.getByLabel('Family name', { exact: true }).fill(family);
  await first.keyboard.press('Control+s');
  await expect(first.getByText(/version 1/)).toBeVisible();
  await openCase(second, family);
  // The second coordinator starts typing (so the live update does not replace the form), then the first saves.
  await second.getByLabel('Question for the board', { exact: true }).fill('my question, typed while they saved');
  await first.getByLabel('Diagnosis', { exact: true }).fill('their diagnosis');
  await first.keyboard.press('Control+s');
  await expect(first.getByText(/version 2/)).toBeVisible();
  await expect(second.getByText(/Priya Coordinator saved a newer version/)).toBeVisible({ timeout: 2000 });
  await second.keyboard.press('Control+s');
  const dialog = second.getByRole('dialog', { name: 'Someone else saved this case first' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Priya Coordinator');
  await expect(dialog.getByRole('row', { name: /Diagnosis/ })).toContainText('their diagnosis');
  await expect(dialog.getByRole('row', { name: /Question for the board/ })).toContainText('my question, typed while they saved');
  const results = await new AxeBuilder({ page: second }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
  await dialog.getByRole('button', { name: 'Use these values' }).click();
  await expect(second.getByLabel('Diagnosis', { exact: true })).toHaveValue('their diagnosis');
  await expect(second.getByLabel('Question for the board', { exact: true })).toHaveValue('my question, typed while they saved');
  await second.keyboard.press('Control+s');
  await expect(second.getByText(/version 3/)).toBeVisible();
});

/** Calls the API from a signed-in page (its session cookie); the value, or the error body with the HTTP status. */
async function apiFrom<T>(page: Page, name: string, input: unknown): Promise<{ status: number; value?: T; error?: { code: string; message: string } }> {
  return page.evaluate(async ({ name, input }) => {
    const r = await fetch(`./api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    const body = (await r.json()) as { value?: T; error?: { code: string; message: string } };
    return { status: r.status, ...body };
  }, { name, input });
}

test('two people recording the decision of one case: the second gets the merge view, nothing typed is lost', async ({ browser }) => {
  const coordinator = await openAs(browser, 'coordinator');
  const chair = await openAs(browser, 'chair');
  await expect(coordinator.getByText('Signed in as')).toContainText('Priya Coordinator');
  await expect(chair.getByText('Signed in as')).toContainText('Helena Chair');
  // A meeting held today with one case on its agenda, started (through the API, as the coordinator).
  const today = new Date().toLocaleDateString('sv');
  const meeting = (await apiFrom<{ id: number; version: number }>(coordinator, 'meetings.create', { board: `Decisions ${Date.now().toString(36)}`, scheduled_at: `${today}T00:01` })).value;
  const listed = (await apiFrom<{ rows: { id: number; family_name: string }[] }>(coordinator, 'cases.list', { limit: 1, sort: 'created_at', direction: 'asc' })).value?.rows[0];
  if (!meeting || !listed) throw new Error('the meeting or the case could not be set up');
  const item = (await apiFrom<{ id: number }>(coordinator, 'meetings.addCase', { meeting_id: meeting.id, case_id: listed.id, override_reason: 'urgent: two recorders test' })).value;
  expect((await apiFrom(coordinator, 'meetings.start', { id: meeting.id, version: meeting.version })).status).toBe(200);
  expect(item?.id).toBeGreaterThan(0);

  const openDecision = async (page: Page) => {
    await page.goto(`${url}#/meetings/${meeting.id}`);
    await page.getByRole('button', { name: 'Decision', exact: true }).click();
    const form = page.locator('form.decision-panel');
    await expect(form).toBeVisible();
    return form;
  };
  const theirs = await openDecision(coordinator);
  const mine = await openDecision(chair);
  // Both write a decision for the same case; the chair is still typing when the coordinator saves.
  for (const [form, rationale] of [[theirs, 'coordinator: needs a biopsy first'], [mine, 'chair: imaging too old, repeat the CT']] as const) {
    await form.getByLabel('Plan', { exact: true }).selectOption('further_workup');
    await form.getByLabel('Intent').selectOption('palliative');
    await form.getByLabel('Rationale').fill(rationale);
  }
  await mine.getByLabel('Follow-up date').fill(today);
  await theirs.getByRole('button', { name: 'Save decision' }).click();
  await expect(coordinator.getByText(/Decision saved for/)).toBeVisible();
  // The chair's screen learns of it live; the typed draft stays.
  await expect(chair.locator('form.decision-panel').getByLabel('Rationale')).toHaveValue('chair: imaging too old, repeat the CT');
  await chair.locator('form.decision-panel').getByRole('button', { name: /^Save/ }).click();

  const dialog = chair.getByRole('dialog', { name: 'Someone else saved this decision first' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/changed by Priya Coordinator at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const rationaleRow = dialog.getByRole('row', { name: /Rationale/ });
  await expect(rationaleRow).toContainText('coordinator: needs a biopsy first');
  await expect(rationaleRow).toContainText('chair: imaging too old, repeat the CT');
  await expect(dialog.getByRole('row', { name: /Follow-up date/ })).toContainText(today);
  const results = await new AxeBuilder({ page: chair }).analyze();
  expect(seriousOrWorse(results.violations)).toEqual([]);
  // The chair keeps both: theirs is the base, their own rationale and follow-up date chosen.
  await dialog.getByRole('radio', { name: /^Rationale: keep your value/ }).check();
  await dialog.getByRole('button', { name: 'Use these values' }).click();
  const form = chair.locator('form.decision-panel');
  await expect(form.getByLabel('Rationale')).toHaveValue('chair: imaging too old, repeat the CT');
  await expect(form.getByLabel('Follow-up date')).toHaveValue(today);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(chair.getByText(/Decision saved for/)).toBeVisible();

  // Stored: version 2, the chair's merge; the coordinator's save is in the audit (version 1), nothing overwritten silently.
  const stored = await apiFrom<{ version: number; rationale: string; follow_up_date: string | null; recorded_by: string }>(coordinator, 'decisions.get', { agenda_item_id: item?.id });
  expect(stored.value).toMatchObject({ version: 2, rationale: 'chair: imaging too old, repeat the CT', follow_up_date: today, recorded_by: 'Helena Chair' });
  // A stale save over HTTP: 409 with the body naming who and when.
  const stale = await apiFrom(coordinator, 'decisions.record', {
    agenda_item_id: item?.id, version: 1, plan: 'further_workup', intent: 'palliative', rationale: 'stale', consensus: 'unanimous', patient_preference_discussed: false,
  });
  expect(stale.status).toBe(409);
  expect(stale.error).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^the decision for case \d+ was changed by Helena Chair at .* UTC \(now version 2\) \(you edited version 1\); your edits are kept: compare and merge$/) });
});

test('a member cannot sign or edit: the server answers 403 with a plain message', async ({ browser }) => {
  const member = await openAs(browser, 'member');
  await expect(member.getByText('Signed in as')).toContainText('Tom Member');
  const answer = await member.evaluate(async () => {
    const r = await fetch('./api/meetings.sign', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1, version: 1 }) });
    return { status: r.status, body: (await r.json()) as { error?: { code: string; message: string } } };
  });
  expect(answer.status).toBe(403);
  expect(answer.body.error?.code).toBe('FORBIDDEN');
  expect(answer.body.error?.message).toMatch(/only the chair can do this/);
});
