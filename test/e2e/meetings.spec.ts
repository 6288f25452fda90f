/**
 * The board's whole workflow against the real backend: prepare a meeting (a not-ready case is blocked and shows
 * what is missing; listing it needs an override reason), present it by keyboard (axe-checked), record decisions
 * with a dissent and actions, conclude and sign with the chair's PIN, fail to change a signed decision in the UI,
 * through the API (READ_ONLY) and in SQL (trigger), and amend it.
 */
import { formatDay } from '../../shared/time/clock';
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test, uniqueName } from './fixtures';

// Chromium logs each 4xx answer the test provokes on purpose (the READ_ONLY attempt) as a console error.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of (400|409)/] });
test.setTimeout(120_000);

interface ApiAnswer { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } } }

/** Calls the browser host as the page does (same token), for setup and for the attempts the UI refuses to make. */
async function api(page: Page, name: string, input: unknown): Promise<ApiAnswer> {
  return page.evaluate(async ([n, i]) => {
    const token = sessionStorage.getItem('tumour-board.token');
    const r = await fetch(`./api/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
    return { status: r.status, body: await r.json() as ApiAnswer['body'] };
  }, [name, input] as const);
}

const day = (offset: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const CRC = {
  primary_tumor: 'colorectal', line_of_therapy: 'second_line', prior_systemic_lines: 1, ecog: 0, liver_dominant: true,
  extrahepatic_disease: 'none', bilirubin_mg_dl: 0.8, albumin_g_dl: 4, resectable_or_ablatable: false,
};

async function createCase(page: Page, family: string, given: string, facts: Record<string, unknown>): Promise<number> {
  const r = await api(page, 'cases.create', {
    patient: { identifier: `E2E-${family}`, family_name: family, given_name: given, birth_date: '1958-04-02', sex: 'male' },
    case: { referring_clinician: 'Dr Ref', question: 'Y-90 with second-line chemotherapy?', diagnosis: 'CRC liver metastases', status: 'ready', facts,
      last_imaging_date: day(-5), last_labs_date: day(-2) },
  });
  expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
  return (r.body.value as { id: number }).id;
}

const seriousOrWorse = (violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown }> }>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} ×${v.nodes.length} ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);

async function actAs(page: Page, name: RegExp, pin?: string): Promise<void> {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: /^(Switch|Choose who is acting)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Who is acting?' });
  await dialog.getByRole('radio', { name }).check();
  if (pin) await dialog.getByLabel(/^PIN for/).fill(pin);
  await dialog.getByRole('button', { name: /^Act as/ }).click();
  await expect(dialog).toBeHidden();
}

test('prepare, present, decide, sign, refuse changes to a signed decision, amend', async ({ app }) => {
  const tag = uniqueName('Mtg');
  const [ready1, ready2, notReady] = [`Alpha${tag}`, `Bravo${tag}`, `Charlie${tag}`];
  const notReadyId = await createCase(app, notReady, 'Carl', { primary_tumor: 'colorectal', line_of_therapy: 'second_line', bilirubin_mg_dl: 0.9 });
  await createCase(app, ready1, 'Anna', CRC);
  await createCase(app, ready2, 'Ben', CRC);

  // ---- who is acting: asked when the app opens with nobody acting; the coordinator answers
  await api(app, 'session.clear', {});
  await app.reload();
  const opening = app.getByRole('dialog', { name: 'Who is acting?' });
  await expect(opening).toBeVisible();
  await opening.getByRole('radio', { name: /Priya Natarajan/ }).check();
  await opening.getByRole('button', { name: 'Act as Priya Natarajan' }).click();
  await expect(opening).toBeHidden();
  await expect(app.getByRole('banner')).toContainText('Acting as Priya Natarajan (Coordinator)');
  // A chair with a PIN is created for the sign-off; only a chair may create one, so the demo board's chair does.
  await actAs(app, /Helena Marsh/);
  await app.getByRole('banner').getByRole('button', { name: 'Switch' }).click();
  const chooser = app.getByRole('dialog', { name: 'Who is acting?' });
  await chooser.getByRole('button', { name: 'New profile…' }).click();
  await chooser.getByLabel('Name').fill(`Chair ${tag}`);
  await chooser.getByLabel('Specialty').selectOption('surgery');
  await chooser.getByLabel('Role').selectOption('chair');
  await chooser.getByLabel(/^PIN/).fill('246813');
  await chooser.getByRole('button', { name: 'Create and act' }).click();
  await expect(app.getByRole('banner')).toContainText(`Acting as Chair ${tag} (Chair)`);
  await actAs(app, /Priya Natarajan/);

  // ---- create the meeting with attendees; the quorum follows attendance
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Meetings' }).click();
  await app.getByRole('button', { name: 'New meeting' }).click();
  const form = app.getByRole('form', { name: 'New meeting' });
  await form.getByLabel('Board').fill(`E2E board ${tag}`);
  await form.getByLabel('Date and time').fill(`${day(0)}T16:00`);
  await form.getByLabel('Location').fill('Seminar room 3');
  await form.getByLabel('Chair').selectOption({ label: `Chair ${tag} (chair)` });
  for (const who of ['Dr. Tomás Ibarra (Medical oncology)', 'Dr. Ines Kowalczyk (Interventional radiology)', `Chair ${tag} (Surgery)`]) {
    await form.getByLabel('Add a profile').selectOption({ label: who });
  }
  await expect(form.getByRole('region', { name: 'Quorum' })).toContainText('Quorum not met — missing: Diagnostic radiology');
  await form.getByLabel('Add a profile').selectOption({ label: 'Dr. Samuel Okafor (Diagnostic radiology)' });
  await expect(form.getByRole('region', { name: 'Quorum' })).toContainText('Quorum met');
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(app.locator('[data-meeting-status]')).toHaveText('Planned');
  await expect(app.getByRole('region', { name: 'Quorum' })).toContainText('Quorum met');
  const meetingId = Number(await app.locator('.meeting-detail').getAttribute('data-meeting-id'));
  expect(meetingId).toBeGreaterThan(0);

  // ---- agenda: the not-ready case is blocked and says what is missing; the override needs a reason
  const search = app.getByLabel('Search the case list');
  await search.fill(notReady);
  const blocked = app.locator(`.case-results li[data-case-id="${notReadyId}"]`);
  await expect(blocked).toHaveAttribute('data-ready', 'no');
  await expect(blocked.getByText('Not ready')).toBeVisible();
  const missing = blocked.getByRole('list', { name: /^Missing for/ });
  await expect(missing.locator('[data-missing]')).toHaveCount(5);
  for (const field of ['ecog', 'albumin_g_dl', 'liver_dominant', 'extrahepatic_disease', 'resectable_or_ablatable']) {
    await expect(missing.locator(`[data-missing="${field}"]`)).toBeVisible();
  }
  await blocked.getByRole('button', { name: /^Add with override…: / }).click();
  const override = app.getByRole('dialog', { name: 'List a case that is not ready' });
  await expect(override.getByRole('list', { name: /^Missing for/ }).locator('[data-missing="ecog"]')).toBeVisible();
  await override.getByRole('button', { name: 'List with this reason' }).click();
  await expect(override.getByRole('alert')).toHaveText('A reason is required to list a case that is not ready.');
  expect(seriousOrWorse((await new AxeBuilder({ page: app }).analyze()).violations), 'agenda preparation with the override dialog').toEqual([]);
  // The server refuses it too, naming the field.
  const refused = await api(app, 'meetings.addCase', { meeting_id: meetingId, case_id: notReadyId });
  expect(refused.body.error).toMatchObject({ code: 'VALIDATION', field: 'override_reason' });
  await override.getByLabel(/Override reason/).fill('Referrer asks for an urgent view; ECOG and albumin to be given at the meeting');
  await override.getByRole('button', { name: 'List with this reason' }).click();
  await expect(override).toBeHidden();
  const agenda = app.getByRole('list', { name: 'Agenda' });
  await expect(agenda.getByRole('listitem', { name: `1. ${notReady}, Carl` })).toContainText('Listed although not ready. Reason: Referrer asks for an urgent view');

  for (const [family, given] of [[ready1, 'Anna'], [ready2, 'Ben']] as const) {
    await search.fill(family);
    const row = app.locator('.case-results li').filter({ hasText: family });
    await expect(row).toHaveAttribute('data-ready', 'yes');
    await row.getByRole('button', { name: `Add to agenda: ${family}, ${given} (E2E-${family})` }).click();
    await expect(agenda.getByRole('listitem', { name: new RegExp(`^\\d\\. ${family}, ${given}$`) })).toBeVisible();
  }
  // Reorder by keyboard: the not-ready case goes last.
  await agenda.getByRole('listitem', { name: `1. ${notReady}, Carl` }).focus();
  await app.keyboard.press('Alt+ArrowDown');
  await expect(agenda.getByRole('listitem', { name: `2. ${notReady}, Carl` })).toBeFocused();
  await app.keyboard.press('Alt+ArrowDown');
  await expect(agenda.getByRole('listitem', { name: `3. ${notReady}, Carl` })).toBeFocused();
  await expect(agenda.getByRole('listitem', { name: `1. ${ready1}, Anna` })).toBeVisible();
  // ... and by dragging: the last case dropped on the first takes its place; Alt+End puts it back.
  await agenda.getByRole('listitem', { name: `3. ${notReady}, Carl` }).dragTo(agenda.getByRole('listitem', { name: `1. ${ready1}, Anna` }));
  await expect(agenda.getByRole('listitem', { name: `1. ${notReady}, Carl` })).toBeVisible();
  await expect(agenda.getByRole('listitem', { name: `2. ${ready1}, Anna` })).toBeVisible();
  await agenda.getByRole('listitem', { name: `1. ${notReady}, Carl` }).focus();
  await app.keyboard.press('Alt+End');
  await expect(agenda.getByRole('listitem', { name: `3. ${notReady}, Carl` })).toBeFocused();
  await agenda.getByRole('listitem', { name: `1. ${ready1}, Anna` }).getByLabel('Presenter').fill('Dr. Ines Kowalczyk');
  await agenda.getByRole('listitem', { name: `1. ${ready1}, Anna` }).getByLabel('Minutes').fill('12');
  await agenda.getByRole('listitem', { name: `1. ${ready1}, Anna` }).getByLabel('Minutes').blur();
  await expect.poll(async () => {
    const m = (await api(app, 'meetings.get', { id: meetingId })).body.value as { agenda: Array<{ family_name: string; minutes_allotted: number; presenter: string; override_reason: string | null }> };
    return m.agenda.map((i) => `${i.family_name}|${i.minutes_allotted}|${i.presenter}|${i.override_reason ? 'override' : ''}`);
  }).toEqual([`${ready1}|12|Dr. Ines Kowalczyk|`, `${ready2}|10||`, `${notReady}|10||override`]);

  // ---- present by keyboard (axe-checked), decide live
  await app.getByRole('button', { name: 'Start meeting' }).click();
  await expect(app.locator('[data-meeting-status]')).toHaveText('In progress');
  await app.getByRole('button', { name: 'Present', exact: true }).click();
  const h1 = app.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText(`1. ${ready1}, Anna`);
  await expect(h1).toBeFocused();
  await expect(app.getByText('Case 1 of 3')).toBeVisible();
  await expect(app.getByRole('timer')).toContainText('/ 12:00');
  const options = app.getByRole('region', { name: /Evidence-backed options/ });
  await expect(options.locator('[data-option="SYSTEMIC_STANDARD"]')).toHaveAttribute('data-strength', 'recommended');
  await expect(options.locator('[data-option="Y90_WITH_SECOND_LINE_CHEMO"]')).toHaveAttribute('data-strength', 'not_recommended');
  // Compact for the room: label and strength; the rationale and citations on demand.
  const standard = options.locator('[data-option="SYSTEMIC_STANDARD"]');
  await expect(standard.getByRole('button', { name: 'Evidence: EPOCH' })).toBeHidden();
  await standard.getByText('Rationale and evidence').click();
  await expect(standard.getByRole('button', { name: 'Evidence: EPOCH' })).toBeVisible();
  await standard.getByText('Rationale and evidence').click();
  // The room's projector: 1280×720, the summary first, the decision beside the case (not below it).
  await app.setViewportSize({ width: 1280, height: 720 });
  const summary = app.getByRole('region', { name: `1. ${ready1}, Anna` });
  await expect(summary.locator('.present-facts')).toContainText('ECOG');
  await expect(summary.locator('.present-facts')).toContainText('Imaging');
  const decisionBox = await app.locator('.present-decision').boundingBox();
  const summaryBox = await summary.boundingBox();
  expect(decisionBox && summaryBox && decisionBox.x > summaryBox.x + summaryBox.width - 1).toBe(true);
  expect(decisionBox && decisionBox.y < 720).toBe(true);
  const axe = await new AxeBuilder({ page: app }).analyze();
  expect(seriousOrWorse(axe.violations)).toEqual([]);
  await app.screenshot({ path: 'test-results/presentation-1280x720.png' });
  await app.setViewportSize({ width: 1400, height: 900 });

  await app.keyboard.press('ArrowRight');
  await expect(h1).toHaveText(`2. ${ready2}, Ben`);
  await app.keyboard.press('PageDown');
  await expect(h1).toHaveText(`3. ${notReady}, Carl`);
  await expect(app.getByText(/Listed with override: Referrer asks/)).toBeVisible();
  await app.keyboard.press('PageUp');
  await expect(h1).toHaveText(`2. ${ready2}, Ben`);
  await app.keyboard.press('ArrowLeft');
  await expect(h1).toHaveText(`1. ${ready1}, Anna`);

  // Case 1: a plan the engine rates not recommended needs a reason; dissent and an action are recorded.
  let decision = app.getByRole('form', { name: `Decision for ${ready1}, Anna` });
  await decision.getByLabel('Plan', { exact: true }).selectOption('Y90_WITH_SECOND_LINE_CHEMO');
  await expect(decision.locator('.plan-strength')).toContainText('Not recommended');
  await decision.getByLabel('Intent').selectOption('palliative');
  await decision.getByLabel('Rationale').fill('Liver-only progression on FOLFIRI; EPOCH-like population');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(decision.locator('.field-error')).toHaveText('The engine rates this plan “Not recommended”: give the reason for choosing it.');
  await decision.getByLabel(/^Reason for a plan the engine rates/).fill('Patient wants hepatic control; accepts no proven OS gain');
  await decision.getByRole('button', { name: 'Add dissent' }).click();
  // The dissenter is an attendee: their specialty comes from the attendee list, not a default.
  await expect(decision.getByLabel('Dissent 1: specialty')).toHaveValue('');
  await decision.getByLabel('Dissent 1: who').fill('Dr. Tomás Ibarra');
  await expect(decision.getByLabel('Dissent 1: specialty')).toHaveValue('medical_oncology');
  await decision.getByLabel('Dissent 1: view').fill('No OS benefit in EPOCH; chemotherapy alone');
  await decision.getByRole('button', { name: 'Add action' }).click();
  await decision.getByLabel('Action 1: what').fill('Book mapping angiography');
  await decision.getByLabel('Action 1: owner').fill('IR secretary');
  await decision.getByLabel('Action 1: due date').fill(day(14));
  await decision.getByLabel('Follow-up date').fill(day(42));
  await decision.getByLabel('Preference / consent discussed').check();
  await decision.getByRole('button', { name: 'Save decision' }).click();
  decision = app.getByRole('form', { name: `Decision for ${ready1}, Anna` });
  await expect(decision.locator('[data-concordance]')).toHaveText(/Discordant with the engine \(plan rated Not recommended\)/);
  await expect(decision.getByText(/Recorded by Priya Natarajan/)).toBeVisible();

  // Case 2: the engine's recommended option, concordant. Case 3: further work-up (outside the engine).
  await app.getByRole('button', { name: 'Next →' }).click();
  await expect(h1).toHaveText(`2. ${ready2}, Ben`);
  decision = app.getByRole('form', { name: `Decision for ${ready2}, Ben` });
  await decision.getByLabel('Plan', { exact: true }).selectOption('SYSTEMIC_STANDARD');
  await decision.getByLabel('Intent').selectOption('palliative');
  await decision.getByLabel('Rationale').fill('Second-line FOLFOX-bevacizumab');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(app.getByRole('form', { name: `Decision for ${ready2}, Ben` }).locator('[data-concordance]')).toHaveText(/Concordant with the engine/);
  await h1.focus();
  await app.keyboard.press('ArrowRight');
  await expect(h1).toHaveText(`3. ${notReady}, Carl`);
  decision = app.getByRole('form', { name: `Decision for ${notReady}, Carl` });
  await decision.getByLabel('Plan', { exact: true }).selectOption('further_workup');
  await decision.getByLabel('Intent').selectOption('palliative');
  await decision.getByRole('button', { name: 'Save decision' }).click();
  await expect(app.getByRole('form', { name: `Decision for ${notReady}, Carl` }).locator('[data-concordance]')).toHaveText(/Not assessed/);
  await h1.focus();
  await app.keyboard.press('Escape');
  await expect(app.locator('[data-meeting-status]')).toHaveText('In progress');

  // ---- conclude; sign as the chair with the PIN
  await app.getByRole('button', { name: 'Conclude meeting' }).click();
  await expect(app.locator('[data-meeting-status]')).toHaveText('Concluded');
  await actAs(app, new RegExp(`Chair ${tag}`), '246813');
  await app.getByRole('button', { name: 'Sign as chair' }).click();
  // One confirmation says what is signed (cases, plans in words, dissent with specialty, overrides with reasons),
  // then asks for the chair's PIN.
  const sign = app.getByRole('dialog', { name: 'Sign the minutes' });
  await expect(sign.getByRole('list', { name: 'Cases and plans' })).toContainText(`${ready1}, Anna: Y-90 added to second-line chemotherapy`);
  await expect(sign.getByRole('list', { name: 'Dissent' })).toContainText('Dr. Tomás Ibarra (Medical oncology): No OS benefit in EPOCH; chemotherapy alone');
  const overridesSigned = sign.getByRole('list', { name: 'Overrides' });
  await expect(overridesSigned).toContainText(`${notReady}, Carl: listed although not ready. Reason: Referrer asks`);
  await expect(overridesSigned).toContainText(`${ready1}, Anna: a plan the engine did not favour. Reason: Patient wants hepatic control; accepts no proven OS gain`);
  await expect(sign).not.toContainText(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[a-z]+_[a-z_]+\b/);
  await sign.getByLabel('Your PIN').fill('246813');
  await sign.getByRole('button', { name: 'Sign the minutes' }).click();
  await expect(app.locator('[data-meeting-status]')).toHaveText('Signed');
  await expect(app.locator('[data-signed]')).toContainText(`Signed by Chair ${tag}`);

  // ---- a signed decision cannot be changed: the UI offers no way, the API and the database refuse
  await expect(app.getByRole('region', { name: 'Add cases' })).toHaveCount(0);
  const first = app.getByRole('list', { name: 'Agenda' }).getByRole('listitem', { name: `1. ${ready1}, Anna` });
  await expect(first.getByLabel('Minutes')).toBeDisabled();
  await first.getByRole('button', { name: 'View decision' }).click();
  decision = app.getByRole('form', { name: `Decision for ${ready1}, Anna` });
  await expect(decision).toHaveAttribute('data-readonly', 'yes');
  await expect(decision.getByText('Signed — read-only')).toBeVisible();
  await expect(decision.getByLabel('Plan', { exact: true })).toBeDisabled();
  await expect(decision.getByLabel('Rationale')).toBeDisabled();
  await expect(decision.getByRole('button', { name: 'Add dissent' })).toBeDisabled();
  await expect(decision.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  const decisionId = Number(await decision.getAttribute('data-decision-id'));
  const itemId = Number(await first.getAttribute('data-item-id'));
  const attempt = await api(app, 'decisions.record', { agenda_item_id: itemId, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous', patient_preference_discussed: true });
  expect(attempt.status).toBe(409);
  expect(attempt.body.error?.code).toBe('READ_ONLY');
  const dbPath = process.env.TB_DB;
  expect(dbPath, 'the global setup exposes the e2e database').toMatch(/\.db$/);
  const sql = spawnSync('sqlite3', [dbPath ?? '', `UPDATE decisions SET rationale = 'changed in SQL' WHERE id = ${decisionId};`], { encoding: 'utf8' });
  expect(sql.status).not.toBe(0);
  expect(sql.stderr).toContain('read-only: this decision belongs to a signed meeting');
  const after = await api(app, 'decisions.get', { id: decisionId });
  expect((after.body.value as { rationale: string }).rationale).toBe('Liver-only progression on FOLFIRI; EPOCH-like population');

  // ---- amend: the original stays, the amendment (reason, who, what changed) is shown with it
  await decision.getByRole('button', { name: 'Amend…' }).click();
  const amend = app.getByRole('dialog', { name: 'Amend a signed decision' });
  await amend.getByLabel('Intent').selectOption('consolidation');
  await amend.getByRole('button', { name: 'Record amendment' }).click();
  await expect(amend.getByRole('alert')).toHaveText('A reason is required for an amendment.');
  await amend.getByLabel('Reason for the amendment (required)').fill('Intent typed in error: consolidation after FOLFIRI');
  await amend.getByRole('button', { name: 'Record amendment' }).click();
  await expect(amend).toBeHidden();
  const amendments = app.getByRole('region', { name: 'Amendments' });
  // Who amended reads as the person's name (never "profile N"); the changed field and its values in words.
  await expect(amendments).toContainText(`by Chair ${tag}: Intent typed in error: consolidation after FOLFIRI`);
  await expect(amendments).not.toContainText(/profile \d+/);
  await expect(amendments).toContainText('Intent: Palliative → Consolidation');
  const amended = (await api(app, 'decisions.get', { id: decisionId })).body.value as { intent: string; current: { intent: string }; amendments: unknown[] };
  expect([amended.intent, amended.current.intent, amended.amendments.length]).toEqual(['palliative', 'consolidation', 1]);

  // ---- follow-up: the plan was carried out; the quality report of the board counts it
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Follow-up' }).click();
  await app.getByLabel('Board', { exact: true }).fill(`E2E board ${tag}`);
  const due = app.getByRole('table', { name: 'Decisions to follow up' });
  await expect(due.locator('tr[data-decision-id]')).toHaveCount(3);
  const row = due.locator(`tr[data-decision-id="${decisionId}"]`);
  // Dates on screen are in the board's clock (app.info), not ISO.
  const info = (await api(app, 'app.info', {})).body.value as { time_zone: string; locale: string };
  await expect(row).toContainText(`Book mapping angiography — IR secretary (due ${formatDay(day(14), info)})`);
  await row.getByRole('button', { name: `Record outcome: ${ready1}, Anna` }).click();
  const outcome = app.getByRole('form', { name: `Outcome for ${ready1}, Anna` });
  await outcome.getByLabel('Date').fill(day(0));
  await outcome.getByRole('button', { name: 'Save outcome' }).click();
  await expect(due.locator('tr[data-decision-id]')).toHaveCount(2); // pending only
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Quality' }).click();
  await app.getByLabel('Board', { exact: true }).selectOption(`E2E board ${tag}`);
  const report = app.getByRole('table', { name: new RegExp(`E2E board ${tag}`) });
  await expect(report.locator('tr[data-metric="Meetings"]')).toContainText('11 signed');
  await expect(report.locator('tr[data-metric="Concordance with the engine"]')).toContainText('50 %1 concordant, 1 discordant, 1 not assessed');
  await expect(report.locator('tr[data-metric="Implementation"]')).toContainText('100 %1 implemented, 0 changed, 2 pending');
  await expect(report.locator('tr[data-metric="Overrides (listed although not ready)"]')).toContainText('1');
  await expect(report.locator('tr[data-metric="Amendments"]')).toContainText('1');
});

test('the meetings screens have no serious or critical accessibility violations', async ({ app }) => {
  const nav = app.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Meetings' }).click();
  await expect(app.locator('tr[data-meeting-id]').first()).toBeVisible();
  expect(seriousOrWorse((await new AxeBuilder({ page: app }).analyze()).violations)).toEqual([]);
  await app.locator('tr[data-meeting-id]').filter({ hasText: 'Signed' }).first().getByRole('button').first().click();
  await expect(app.locator('[data-meeting-status]')).toHaveText('Signed');
  await app.getByRole('button', { name: 'View decision' }).first().click();
  await expect(app.locator('form[data-readonly="yes"]')).toBeVisible();
  expect(seriousOrWorse((await new AxeBuilder({ page: app }).analyze()).violations)).toEqual([]);
  for (const view of ['Follow-up', 'Quality']) {
    await nav.getByRole('button', { name: view }).click();
    await expect(app.getByRole('heading', { level: 1, name: view })).toBeVisible();
    await expect(app.getByRole('table').first()).toBeVisible();
    expect(seriousOrWorse((await new AxeBuilder({ page: app }).analyze()).violations), view).toEqual([]);
  }
});
