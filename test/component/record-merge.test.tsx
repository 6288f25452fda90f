/**
 * Two people, one record (issue 10 point 4), against the real core, beyond cases and decisions: the board rules, an
 * agenda item's settings and the board settings. Someone else saves first at another screen; this window's save is
 * refused (CONFLICT naming who) and the merge view shows theirs and yours field by field, in words.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../shared/api';
import { MeetingDetail } from '../../renderer/views/meetings/MeetingDetail';
import { MeetingsList } from '../../renderer/views/meetings/MeetingsList';
import { SettingsView } from '../../renderer/views/SettingsView';
import { renderWithStores } from './render';
import { meetingFixture, useRealCore } from './realApi';

const realCore = useRealCore();

async function setup() {
  const fx = await meetingFixture(realCore());
  const meeting = await fx.core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
  const chairAt: CallContext = { transport: 'network', session: 'chair-screen', actor: { label: 'Helena Chair', profileId: fx.chair.id, role: 'chair' } };
  const asChair = async (name: string, input: unknown) => {
    const r = await fx.core.context.dispatch(name, input, chairAt);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  return { ...fx, meeting, asChair };
}

describe('merging records someone else saved first', () => {
  it('the board rules: their quorum and limits beside yours; the merge is saved on their version', async () => {
    const { core, api, asChair } = await setup();
    const { user } = renderWithStores(<MeetingsList />, api);
    const rules = await screen.findByRole('form', { name: 'Board rules' });
    await waitFor(() => expect(within(rules).getByLabelText('Board')).toHaveValue('Liver MDT'));
    // The chair tightens the imaging limit at their screen.
    const board = (await core.call('boards.list', {}))[0];
    await asChair('boards.save', { name: 'Liver MDT', quorum: board?.quorum ?? [], imaging_max_days: 28, labs_max_days: 14, version: board?.version });
    // Here: the labs limit and Surgery out of the quorum.
    const labs = within(rules).getByLabelText(/Labs at most/);
    await user.clear(labs);
    await user.type(labs, '21');
    await user.click(within(rules).getByRole('checkbox', { name: 'Surgery' }));
    await user.click(within(rules).getByRole('button', { name: 'Save rules' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved these board rules first' });
    expect(dialog).toHaveTextContent(/board Liver MDT was changed by Helena Chair at .* UTC \(now version 2\) \(you edited version 1\)\./);
    expect(within(dialog).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Quorum: specialties that must attend Medical oncology, Interventional radiology, Surgery, Diagnostic radiology Medical oncology, Interventional radiology, Diagnostic radiology',
      'Imaging at most (days before the meeting) 28 56',
      'Labs at most (days) 14 21',
    ]);
    expect(within(dialog).getByRole('radio', { name: 'Imaging at most (days before the meeting): keep their value 28' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Use these values' }));
    await user.click(within(rules).getByRole('button', { name: 'Save rules' }));
    await waitFor(async () => expect((await core.call('boards.list', {}))[0]).toMatchObject({
      version: 3, imaging_max_days: 28, labs_max_days: 21, quorum: ['medical_oncology', 'interventional_radiology', 'diagnostic_radiology'],
    }));
  });

  it('an agenda item: their presenter beside your minutes; "Save these values" saves the merge at once', async () => {
    const { core, api, meeting, asChair } = await setup();
    const item = await core.call('meetings.addCase', { meeting_id: meeting.id, case_id: 1 });
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    const row = await screen.findByRole('listitem', { name: '1. Ødegård, Zoë' });
    await asChair('meetings.setItem', { item_id: item.id, version: item.version, presenter: 'Dr IR' });
    const minutes = within(row).getByLabelText('Minutes');
    await user.clear(minutes);
    await user.type(minutes, '20');
    await user.tab();

    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this agenda item first' });
    expect(dialog).toHaveTextContent(new RegExp(`agenda item ${item.id} was changed by Helena Chair at .* UTC \\(now version 2\\) \\(you edited version 1\\)\\.`));
    expect(within(dialog).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['Minutes 10 20', 'Presenter Dr IR (empty)']);
    await user.click(within(dialog).getByRole('button', { name: 'Save these values' }));
    await waitFor(async () => expect((await core.call('meetings.get', { id: meeting.id })).agenda[0]).toMatchObject({ minutes_allotted: 20, presenter: 'Dr IR', version: 3 }));
    expect(api.callsOf('meetings.setItem')).toEqual([
      { item_id: item.id, version: 1, minutes_allotted: 20 }, { item_id: item.id, version: 2, minutes_allotted: 20 },
    ]);
  });

  it('the agenda order: a move based on an order someone else changed is refused naming them, and their order shows', async () => {
    const { core, api, meeting, asChair } = await setup();
    const first = await core.call('meetings.addCase', { meeting_id: meeting.id, case_id: 1 });
    const second = await core.call('meetings.addCase', { meeting_id: meeting.id, case_id: 2 });
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    const row = await screen.findByRole('listitem', { name: '2. Núñez, José' });
    // The chair puts José first at their screen; this screen still shows the old order and moves him too.
    await asChair('meetings.reorder', { meeting_id: meeting.id, item_ids: [second.id, first.id], versions: [1, 1] });
    await asChair('meetings.setItem', { item_id: first.id, version: 2, presenter: 'Dr IR' });
    await user.click(within(row).getByRole('button', { name: 'Move Núñez, José up' }));
    expect(await screen.findByText(/^The agenda was not reordered: agenda item \d+ was changed by Helena Chair at .* UTC \(now version \d\) \(you edited version 1\)\. It now shows their changes; move Núñez, José again if still needed\.$/))
      .toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-item-id')).map((li) => li.getAttribute('aria-label')))
      .toEqual(['1. Núñez, José', '2. Ødegård, Zoë']));
    expect((await core.call('meetings.get', { id: meeting.id })).agenda.map((i) => [i.id, i.presenter])).toEqual([[second.id, ''], [first.id, 'Dr IR']]);
  });

  it('the board settings: their hospital beside your address; the merge is saved on their version', async () => {
    const { core, api, asChair } = await setup();
    const { user } = renderWithStores(<SettingsView />, api);
    const hospital = await screen.findByLabelText('Hospital');
    const current = await core.call('settings.get', {});
    await asChair('settings.save', { time_zone: current.time_zone, locale: current.locale, hospital: 'Oslo universitetssykehus', address: '', logo: null, version: 0 });
    await user.type(screen.getByLabelText('Address'), 'Sognsvannsveien 20');
    expect(hospital).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved the board settings first' });
    expect(dialog).toHaveTextContent(/the board settings were changed by Helena Chair at .* UTC \(now version 1\) while you were writing yours\./);
    expect(within(dialog).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      'Hospital Oslo universitetssykehus (empty)', 'Address (empty) Sognsvannsveien 20',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Use these values' }));
    expect(hospital).toHaveValue('Oslo universitetssykehus');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect(await core.call('settings.get', {})).toMatchObject({
      hospital: 'Oslo universitetssykehus', address: 'Sognsvannsveien 20', version: 2, saved: true,
    }));
  });
});
