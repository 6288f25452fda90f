import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { FollowupView } from '../../renderer/views/meetings/FollowupView';
import { QualityView } from '../../renderer/views/meetings/QualityView';
import { renderWithStores } from './render';
import { meetingFixture, useRealCore } from './realApi';
import { formatDay, machineClock } from '../../shared/time/clock';

/** The components show dates in the board's clock: the machine's until app.info says otherwise. */
const day = (iso: string): string => formatDay(iso, machineClock());

// Against the real core: the engine runs on the stored facts, follow-ups and the quality report are computed by
// the real services.
const realCore = useRealCore();

async function threeCaseMeeting() {
  const fx = await meetingFixture(realCore());
  const m = await fx.core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
  for (const id of [1, 2, 3]) await fx.core.call('meetings.addCase', { meeting_id: m.id, case_id: id, minutes_allotted: 7 });
  const started = await fx.core.call('meetings.start', { id: m.id, version: m.version });
  return { ...fx, meeting: started };
}

describe('presentation mode', () => {
  it('shows one case with the engine options, moves by ArrowRight/PageDown/ArrowLeft/PageUp, and Escape leaves', async () => {
    const { api, meeting } = await threeCaseMeeting();
    const { stores } = renderWithStores(<App />, api);
    act(() => stores.ui.getState().show({ name: 'present', id: meeting.id, index: 0 }));
    const heading = await screen.findByRole('heading', { level: 1, name: '1. Ødegård, Zoë' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull(); // no app header on the projector
    expect(screen.getByText('Case 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('0:00 / 7:00');
    const options = await screen.findByRole('region', { name: /Evidence-backed options/ });
    const recommended = within(options).getByRole('listitem', { name: /Guideline systemic therapy/ });
    expect(recommended).toHaveAttribute('data-strength', 'recommended');
    expect(within(options).getByRole('listitem', { name: /Y-90 added to second-line/ })).toHaveAttribute('data-strength', 'not_recommended');
    expect(within(recommended).getByRole('button', { name: 'Evidence: EPOCH' })).toBeInTheDocument();

    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(await screen.findByRole('heading', { level: 1, name: '2. Núñez, José' })).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'PageDown' });
    expect(await screen.findByRole('heading', { level: 1, name: '3. Wróbel, Łukasz' })).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowRight' }); // last case: stays
    expect(stores.ui.getState().view).toEqual({ name: 'present', id: meeting.id, index: 2 });
    fireEvent.keyDown(window, { key: 'PageUp' });
    expect(await screen.findByRole('heading', { level: 1, name: '2. Núñez, José' })).toBeInTheDocument();

    // Typing the decision never moves the case.
    const rationale = within(screen.getByRole('form', { name: 'Decision for Núñez, José' })).getByLabelText('Rationale');
    fireEvent.keyDown(rationale, { key: 'ArrowLeft' });
    expect(stores.ui.getState().view).toEqual({ name: 'present', id: meeting.id, index: 1 });

    fireEvent.change(rationale, { target: { value: 'Typed live, not yet saved' } });
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(await screen.findByRole('heading', { level: 1, name: '1. Ødegård, Zoë' })).toBeInTheDocument();
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    fireEvent.keyDown(window, { key: 'ArrowRight' }); // back to case 2: the draft is still there
    const again = within(await screen.findByRole('form', { name: 'Decision for Núñez, José' })).getByLabelText('Rationale');
    expect(again).toHaveValue('Typed live, not yet saved');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(await screen.findByRole('heading', { level: 1, name: '1. Ødegård, Zoë' })).toBeInTheDocument();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(stores.ui.getState().view).toEqual({ name: 'meeting', id: meeting.id }));
  });
});

describe('follow-up and quality', () => {
  it('lists decisions due and records an implemented date or the reason a plan changed', async () => {
    const { core, api, meeting } = await threeCaseMeeting();
    const items = meeting.agenda;
    const first = await core.call('decisions.record', { agenda_item_id: items[0]!.id, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous',
      patient_preference_discussed: true, follow_up_date: '2026-04-01', actions: [{ what: 'Start FOLFOX', owner: 'Dr Onc', due_date: '2026-03-10' }] });
    const second = await core.call('decisions.record', { agenda_item_id: items[1]!.id, plan: 'resection', intent: 'curative', consensus: 'unanimous', patient_preference_discussed: true });
    const { user } = renderWithStores(<FollowupView />, api);
    const table = await screen.findByRole('table', { name: 'Decisions to follow up' });
    const rows = within(table).getAllByRole('row').filter((r) => r.hasAttribute('data-decision-id'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(`Start FOLFOX — Dr Onc (due ${day('2026-03-10')}, overdue)`);
    expect(rows[0]).toHaveAttribute('data-overdue', 'yes');
    await user.click(within(rows[0]!).getByRole('button', { name: 'Record outcome: Ødegård, Zoë' }));
    const form = screen.getByRole('form', { name: 'Outcome for Ødegård, Zoë' });
    await user.clear(within(form).getByLabelText('Date'));
    await user.type(within(form).getByLabelText('Date'), '2026-03-12');
    await user.click(within(form).getByRole('button', { name: 'Save outcome' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row').filter((r) => r.hasAttribute('data-decision-id'))).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Record outcome: Núñez, José' }));
    const form2 = screen.getByRole('form', { name: 'Outcome for Núñez, José' });
    await user.selectOptions(within(form2).getByLabelText('Outcome'), 'changed');
    await user.click(within(form2).getByRole('button', { name: 'Save outcome' }));
    expect(within(form2).getByRole('alert')).toHaveTextContent('Give the reason the plan changed.');
    await user.type(within(form2).getByLabelText('Reason'), 'Progressed before surgery');
    await user.click(within(form2).getByRole('button', { name: 'Save outcome' }));
    await waitFor(() => expect(screen.getByText('Nothing to follow up with these filters.')).toBeInTheDocument());
    expect(api.callsOf('followups.record')).toEqual([
      { decision_id: first.id, outcome: 'implemented', date: '2026-03-12', note: '' },
      { decision_id: second.id, outcome: 'changed', date: expect.any(String) as string, reason: 'Progressed before surgery', note: '' },
    ]);

    expect(await core.call('followups.list', { status: 'pending' })).toEqual([]);
    expect((await core.call('followups.list', {})).map((r) => [r.decision_id, r.status])).toEqual([[first.id, 'implemented'], [second.id, 'changed']]);

    const quality = renderWithStores(<QualityView />, api);
    const report = await quality.findByRole('table', { name: /All boards/ });
    expect(within(report).getByRole('row', { name: /Implementation/ })).toHaveTextContent('50 %1 implemented, 1 changed, 0 pending');
    expect(within(report).getByRole('row', { name: /Concordance/ })).toHaveTextContent('100 %1 concordant, 0 discordant, 1 not assessed');
  });
});
