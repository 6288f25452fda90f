/**
 * Two people, one decision (issue 10 point 4), against the real core: while this window types a decision, someone
 * else records one for the same case; the save is refused (CONFLICT naming who and when) and the merge view shows
 * theirs beside yours, field by field; nothing typed is lost and the merged decision is saved on their version.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared/api';
import { MeetingDetail } from '../../renderer/views/meetings/MeetingDetail';
import { renderWithStores } from './render';
import { runningMeetingFixture, useRealCore } from './realApi';

const realCore = useRealCore();

async function runningMeeting() {
  const fx = await runningMeetingFixture(realCore());
  // The chair, at another screen (their own session).
  const chairAt: CallContext = { transport: 'network', session: 'chair-screen', actor: { label: 'Helena Chair', profileId: fx.chair.id, role: 'chair' } };
  return { ...fx, chairAt };
}

describe('merging a decision someone else saved first', () => {
  it('shows theirs and yours field by field, keeps the draft on "Back", and saves the merge on their version', async () => {
    const { core, api, meeting, item, chairAt } = await runningMeeting();
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await user.click(await screen.findByRole('button', { name: 'Decision' }));
    const form = await screen.findByRole('form', { name: 'Decision for Ødegård, Zoë' });
    await user.selectOptions(within(form).getByLabelText('Plan'), 'further_workup');
    await user.selectOptions(within(form).getByLabelText('Intent'), 'palliative');
    await user.type(within(form).getByLabelText('Rationale'), 'Repeat the liver MRI first');

    // Meanwhile the chair records the decision for the same case at their screen.
    const theirs = await core.context.dispatch('decisions.record', {
      agenda_item_id: item.id, plan: 'further_workup', intent: 'palliative', rationale: 'Biopsy of the new lesion', consensus: 'unanimous',
      follow_up_date: '2026-04-01', patient_preference_discussed: true,
    }, chairAt);
    expect(theirs).toMatchObject({ ok: true, value: { version: 1, recorded_by: 'Helena Chair' } });

    await user.click(within(form).getByRole('button', { name: /^Save/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this decision first' });
    expect(dialog).toHaveTextContent(/the decision for case 1 was changed by Helena Chair at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(now version 1\) while you were writing yours\./);
    // Only the fields that differ, in the form's words; plan and intent agree and are not asked about.
    const rows = within(dialog).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      'Rationale (both changed) Biopsy of the new lesion Repeat the liver MRI first',
      'Follow-up date 2026-04-01 —',
      'Patient preference discussed Yes No',
    ]);
    // Both wrote a rationale: yours is preselected; only they set the date and the preference: theirs is.
    expect(within(dialog).getByRole('radio', { name: 'Rationale: keep your value Repeat the liver MRI first' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Follow-up date: keep their value 2026-04-01' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Patient preference discussed: keep their value Yes' })).toBeChecked();

    // Back to the draft: nothing typed is lost, nothing saved.
    await user.click(within(dialog).getByRole('button', { name: 'Back to my edits' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(form).getByLabelText('Rationale')).toHaveValue('Repeat the liver MRI first');
    expect((await core.call('decisions.get', { agenda_item_id: item.id })).rationale).toBe('Biopsy of the new lesion');

    // Saving again asks again; this time the chair's rationale is kept beside their date.
    await user.click(within(form).getByRole('button', { name: /^Save/ }));
    const again = await screen.findByRole('dialog', { name: 'Someone else saved this decision first' });
    await user.click(within(again).getByRole('radio', { name: 'Rationale: keep their value Biopsy of the new lesion' }));
    await user.click(within(again).getByRole('button', { name: 'Use these values' }));
    expect(within(form).getByLabelText('Rationale')).toHaveValue('Biopsy of the new lesion');
    expect(within(form).getByLabelText('Follow-up date')).toHaveValue('2026-04-01');
    expect(within(form).getByLabelText('Preference / consent discussed')).toBeChecked();
    await user.type(within(form).getByLabelText('Rationale'), '; repeat the liver MRI first');
    await user.click(within(form).getByRole('button', { name: /^Save/ }));

    await waitFor(() => expect(api.callsOf('decisions.record').at(-1)).toMatchObject({ version: 1, rationale: 'Biopsy of the new lesion; repeat the liver MRI first' }));
    await waitFor(async () => expect(await core.call('decisions.get', { agenda_item_id: item.id })).toMatchObject({
      version: 2, rationale: 'Biopsy of the new lesion; repeat the liver MRI first', follow_up_date: '2026-04-01', patient_preference_discussed: true,
      recorded_by: 'Priya Coordinator (coordinator, profile 2)',
    }));
    expect(api.callsOf('decisions.record').map((c) => c.version)).toEqual([undefined, undefined, 1]);
  });

  it('opens the merge view even when their decision arrives live while this save is on its way', async () => {
    const { core, api, meeting, item, chairAt } = await runningMeeting();
    const { user, stores } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await user.click(await screen.findByRole('button', { name: 'Decision' }));
    const form = await screen.findByRole('form', { name: 'Decision for Ødegård, Zoë' });
    await user.selectOptions(within(form).getByLabelText('Plan'), 'further_workup');
    await user.selectOptions(within(form).getByLabelText('Intent'), 'palliative');
    await user.type(within(form).getByLabelText('Rationale'), 'Repeat the liver MRI first');
    expect(await core.context.dispatch('decisions.record', {
      agenda_item_id: item.id, plan: 'further_workup', intent: 'palliative', rationale: 'Biopsy of the new lesion', consensus: 'unanimous',
      follow_up_date: '2026-04-01', patient_preference_discussed: true,
    }, chairAt)).toMatchObject({ ok: true, value: { version: 1 } });

    // The save leaves; before its answer comes back, the change notice of theirs refreshes the meeting (renderer/api/live.ts).
    const release = api.hold('decisions.record');
    await user.click(within(form).getByRole('button', { name: /^Save/ }));
    await stores.meetings.getState().open(meeting.id);
    expect(stores.meetings.getState().decisions[item.id]).toMatchObject({ rationale: 'Biopsy of the new lesion', version: 1 });
    expect(api.callsOf('decisions.record')).toHaveLength(1);
    release();

    // The answer (CONFLICT) still reaches the panel that sent it: their decision beside this draft, the draft kept.
    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this decision first' });
    expect(within(dialog).getByRole('row', { name: /Rationale/ })).toHaveTextContent('Biopsy of the new lesion');
    expect(within(dialog).getByRole('row', { name: /Rationale/ })).toHaveTextContent('Repeat the liver MRI first');
    expect(screen.getByLabelText('Rationale')).toHaveValue('Repeat the liver MRI first');
    expect((await core.call('decisions.get', { agenda_item_id: item.id })).rationale).toBe('Biopsy of the new lesion');
  });
});
