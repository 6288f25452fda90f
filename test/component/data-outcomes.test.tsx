/**
 * Outcomes on the case screen and the registry export, against the real core: a real decision of a meeting (with the
 * treatment recorded through follow-up), the real RECIST / mRECIST calculators and timeline, retraction, and the real
 * de-identified registry export of a demo board.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseOutcomes } from '../../renderer/components/data/CaseOutcomes';
import { DataView } from '../../renderer/views/data';
import { renderWithStores } from './render';
import { meetingFixture, READY_CRC, useRealCore } from './realApi';
import { formatDay, machineClock } from '../../shared/time/clock';

/** The components show dates in the board's clock: the machine's until app.info says otherwise. */
const day = (iso: string): string => formatDay(iso, machineClock());

const realCore = useRealCore();

/**
 * Case 1 (colorectal) or a new HCC case decided at a meeting of 15 December 2025, the plan implemented on
 * 10 January 2026: what outcomes are recorded against.
 */
async function decidedCase(primary: 'colorectal' | 'hcc' = 'colorectal') {
  const fx = await meetingFixture(realCore());
  const { core } = fx;
  const caseId = primary === 'colorectal' ? 1 : (await core.addCase(
    { identifier: 'HCC-1', family_name: 'Rossi', given_name: 'Giulia', birth_date: '1958-02-01', sex: 'female' },
    { status: 'ready', facts: { primary_tumor: 'hcc', ecog: 0, bilirubin_mg_dl: 0.8, albumin_g_dl: 4 } },
  )).id;
  const m = await core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2025-12-15T16:00' });
  const item = await core.call('meetings.addCase', { meeting_id: m.id, case_id: caseId, override_reason: 'urgent' });
  await core.call('meetings.start', { id: m.id, version: m.version });
  const decision = await core.call('decisions.record', { agenda_item_id: item.id, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous', patient_preference_discussed: true });
  await core.call('followups.record', { decision_id: decision.id, outcome: 'implemented', date: '2026-01-10', note: '' });
  return { ...fx, caseId, decision };
}

const timelineItems = () => within(screen.getByRole('list', { name: 'Case timeline' })).getAllByRole('listitem');

describe('case outcomes', () => {
  it('shows the timeline and records an imaging assessment with the response computed from the lesions', async () => {
    const { api, caseId, decision, core } = await decidedCase();
    const { user } = renderWithStores(<CaseOutcomes caseId={caseId} primary="colorectal" />, api);
    // By date: the meeting and decision, the treatment, then the referral (the case was entered today).
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['meeting', 'decision', 'treatment', 'referral']));
    expect(timelineItems()[1]).toHaveTextContent(`${day('2025-12-15')}DecisionDecision: Guideline systemic therapy for the current line`);
    expect(timelineItems()[2]).toHaveTextContent(`${day('2026-01-10')}TreatmentPlan carried out`);

    await user.click(screen.getByText('Add an imaging assessment'));
    const form = screen.getByRole('form', { name: 'Imaging assessment' });
    expect(within(form).getByRole('columnheader', { name: 'Node' })).toBeInTheDocument(); // RECIST 1.1 measures nodes
    const date = within(form).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2026-02-10');
    await user.type(within(form).getByLabelText('Lesion 1 baseline diameter (mm)'), '50');
    await user.type(within(form).getByLabelText('Lesion 1 current diameter (mm)'), '30');
    expect(screen.getByTestId('computed-response')).toHaveTextContent('Computed: PR (partial response): sum 50 → 30 mm, −40 % from baseline');
    await user.click(within(form).getByRole('button', { name: 'Add lesion' }));
    await user.type(within(form).getByLabelText('Lesion 2 baseline diameter (mm)'), '20');
    await user.type(within(form).getByLabelText('Lesion 2 current diameter (mm)'), '14');
    expect(screen.getByTestId('computed-response')).toHaveTextContent('PR (partial response): sum 70 → 44 mm, −37.1 % from baseline');
    await user.click(within(form).getByLabelText('New lesions'));
    expect(screen.getByTestId('computed-response')).toHaveTextContent('PD (progressive disease)');
    await user.click(within(form).getByLabelText('New lesions'));

    await user.click(within(form).getByRole('button', { name: 'Record assessment' }));
    expect(await within(form).findByText(/^Recorded by RECIST 1.1: PR \(partial response\): sum 70 → 44 mm/)).toBeInTheDocument();
    expect(api.callsOf('outcomes.recordAssessment')).toEqual([{
      decision_id: decision.id, date: '2026-02-10', modality: 'CT', new_lesions: false, non_target_progression: false,
      baseline: [{ id: 'L1', organ: 'liver', node: false, diameter_mm: 50 }, { id: 'L2', organ: 'liver', node: false, diameter_mm: 20 }],
      current: [{ id: 'L1', organ: 'liver', node: false, diameter_mm: 30 }, { id: 'L2', organ: 'liver', node: false, diameter_mm: 14 }],
    }]);
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['meeting', 'decision', 'treatment', 'assessment', 'referral']));
    expect(timelineItems()[3]).toHaveTextContent(`${day('2026-02-10')}ResponseRECIST 1.1: PR (day 31)`);
    expect(timelineItems()[3]).toHaveTextContent('CT; sum 44 mm (baseline 70 mm, -37.1 %)');
    const [stored] = await core.call('outcomes.list', { case_id: caseId });
    expect(stored?.assessments.map((a) => [a.date, a.response])).toEqual([['2026-02-10', 'PR']]);
  });

  it('records a CTCAE toxicity and a progression date', async () => {
    const { api, caseId, decision, core } = await decidedCase();
    const { user } = renderWithStores(<CaseOutcomes caseId={caseId} primary="colorectal" />, api);
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['meeting', 'decision', 'treatment', 'referral']));
    await user.click(screen.getByText('Add a toxicity (CTCAE v5.0)'));
    const tox = screen.getByRole('form', { name: 'Toxicity' });
    await user.selectOptions(within(tox).getByLabelText('Term'), 'Fatigue');
    await user.selectOptions(within(tox).getByLabelText('Grade'), '3');
    await user.clear(within(tox).getByLabelText('Onset'));
    await user.type(within(tox).getByLabelText('Onset'), '2026-01-22');
    await user.click(within(tox).getByRole('button', { name: 'Record toxicity' }));
    expect(await within(tox).findByText('Recorded: Fatigue, grade 3 (CTCAE v5.0).')).toBeInTheDocument();
    expect(api.callsOf('outcomes.recordToxicity')).toEqual([{ decision_id: decision.id, term: 'Fatigue', grade: 3, date: '2026-01-22', timepoint: '30_day' }]);

    await user.click(screen.getByText('Add progression or death'));
    const ev = screen.getByRole('form', { name: 'Progression or death' });
    await user.selectOptions(within(ev).getByLabelText('Event'), 'overall_progression');
    await user.clear(within(ev).getByLabelText('Date'));
    await user.type(within(ev).getByLabelText('Date'), '2026-04-01');
    await user.click(within(ev).getByRole('button', { name: 'Record event' }));
    expect(await within(ev).findByText('Recorded: Overall progression on 2026-04-01.')).toBeInTheDocument();
    expect(api.callsOf('outcomes.recordEvent')).toEqual([{ decision_id: decision.id, kind: 'overall_progression', date: '2026-04-01' }]);
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['meeting', 'decision', 'treatment', 'toxicity', 'overall_progression', 'referral']));

    // A wrong entry is retracted with a reason, never deleted silently.
    await user.click(screen.getByRole('button', { name: `Retract toxicity of ${day('2026-01-22')}` }));
    const retract = screen.getByRole('form', { name: `Retract Toxicity of ${day('2026-01-22')}` });
    await user.click(within(retract).getByRole('button', { name: 'Retract' }));
    expect(within(retract).getByRole('alert')).toHaveTextContent('A reason is required');
    expect(api.callsOf('outcomes.retract')).toHaveLength(0);
    await user.type(within(retract).getByLabelText('Why is this entry wrong? (required)'), 'entered on the wrong patient');
    await user.click(within(retract).getByRole('button', { name: 'Retract' }));
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['meeting', 'decision', 'treatment', 'overall_progression', 'referral']));
    const [stored] = await core.call('outcomes.list', { case_id: caseId });
    const toxicity = stored?.toxicities[0];
    expect(toxicity).toMatchObject({ term: 'Fatigue', grade: 3, retraction_reason: 'entered on the wrong patient' });
    expect(api.callsOf('outcomes.retract')).toEqual([{ kind: 'toxicity', id: toxicity?.id, reason: 'entered on the wrong patient' }]);
  });

  it('HCC uses mRECIST (viable diameters, no node column); an undecided case says outcomes need a decision', async () => {
    const { api, caseId, core } = await decidedCase('hcc');
    expect((await core.call('outcomes.list', { case_id: caseId }))[0]?.method).toBe('mrecist');
    const { user, unmount } = renderWithStores(<CaseOutcomes caseId={caseId} primary="hcc" />, api);
    await user.click(await screen.findByText('Add an imaging assessment'));
    expect(screen.getByText('(mRECIST)')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Imaging assessment' });
    expect(within(form).getByRole('columnheader', { name: 'Viable now (mm)' })).toBeInTheDocument();
    expect(within(form).queryByRole('columnheader', { name: 'Node' })).toBeNull();
    await user.type(within(form).getByLabelText('Lesion 1 baseline diameter (mm)'), '40');
    await user.type(within(form).getByLabelText('Lesion 1 current diameter (mm)'), '0');
    expect(screen.getByTestId('computed-response')).toHaveTextContent('CR (complete response): sum 40 → 0 mm, −100 % from baseline');
    unmount();

    // Case 2 of the same board was never decided.
    renderWithStores(<CaseOutcomes caseId={2} primary="colorectal" />, api);
    expect(await screen.findByText('Outcomes are recorded against a board decision; this case has none yet.')).toBeInTheDocument();
    expect(screen.queryByText('Add an imaging assessment')).toBeNull();
  });
});

/**
 * Six alike patients (one group for k = 5) and one unlike them (withheld), each decided at one meeting and the plan
 * implemented.
 */
async function treatedBoard() {
  const fx = await meetingFixture(realCore());
  const { core } = fx;
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push((await core.addCase({ identifier: `REG-${i}`, family_name: `Registry${i}`, given_name: 'Ann', birth_date: '1950-03-01', sex: 'female' },
      { status: 'ready', facts: { ...READY_CRC }, last_imaging_date: '2026-02-20', last_labs_date: '2026-02-28' })).id);
  }
  ids.push((await core.addCase({ identifier: 'REG-X', family_name: 'Unlike', given_name: 'Bo', birth_date: '1984-07-01', sex: 'male' },
    { status: 'ready', facts: { ...READY_CRC }, last_imaging_date: '2026-02-20', last_labs_date: '2026-02-28' })).id);
  let m = await core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
  for (const id of ids) await core.call('meetings.addCase', { meeting_id: m.id, case_id: id });
  m = await core.call('meetings.start', { id: m.id, version: m.version });
  for (const item of m.agenda) {
    const d = await core.call('decisions.record', { agenda_item_id: item.id, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous', patient_preference_discussed: true });
    await core.call('followups.record', { decision_id: d.id, outcome: 'implemented', date: '2026-03-10', note: '' });
  }
  return fx;
}

describe('registry export', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves the CSV at once and shows the manifest of what was removed', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:registry'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    const { api } = await treatedBoard();
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'Registry export' }));
    await user.click(screen.getByRole('button', { name: 'Export registry CSV' }));
    const today = new Date().toISOString().slice(0, 10);
    expect(await screen.findByTestId('registry-counts')).toHaveTextContent(`6 records of 6 patients · saved as registry-${today}.csv`);
    expect(names).toEqual([`registry-${today}.csv`]);
    const csv = (await blobs[0]?.text() ?? '').trim().split('\n');
    expect(csv).toHaveLength(7);
    expect(csv[0]).toMatch(/^record,patient,treatment_number,day0,age_band,sex,primary_tumor,/);
    expect(csv.join('\n')).not.toMatch(/REG-|Registry|Unlike|1950-03-01/);
    expect(screen.getByTestId('registry-disclosure')).toHaveTextContent(
      'Every published combination of age band, sex, primary tumour and baseline facts is shared by at least 5 patients; 1 record withheld, 0 values left empty.');
    const removed = screen.getByRole('list', { name: 'Removed fields' });
    expect(within(removed).getAllByRole('listitem').map((li) => li.textContent)).toContain('patients.birth_date: replaced by a 5-year age band at day 0 (90 and over as "90+")');
    await user.click(screen.getByRole('button', { name: 'Download manifest' }));
    expect(names.at(-1)).toBe(`registry-${today}.manifest.json`);
    expect(JSON.parse(await (blobs.at(-1) as Blob).text())).toMatchObject({ records: 6, patients: 6 });
  });
});
