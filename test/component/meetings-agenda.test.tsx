import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MeetingDetail } from '../../renderer/views/meetings/MeetingDetail';
import { MeetingsList } from '../../renderer/views/meetings/MeetingsList';
import { renderWithStores } from './render';
import { meetingFixture, useRealCore } from './realApi';

// Against the real core: boards, quorum, the readiness gate, the agenda and carry-forward are the real services'.
const realCore = useRealCore();
const fixture = () => meetingFixture(realCore());

async function plannedMeeting() {
  const fx = await fixture();
  const m = await fx.core.call('meetings.create', {
    board: 'Liver MDT', scheduled_at: '2026-03-03T16:00', location: 'Room 2',
    attendees: [
      { name: 'Dr Onc', specialty: 'medical_oncology', attendance: 'attended' },
      { name: 'Dr Cut', specialty: 'surgery', attendance: 'apologies' },
    ],
  });
  return { ...fx, meeting: m };
}

const agendaNames = () => within(screen.getByRole('list', { name: 'Agenda' })).getAllByRole('listitem')
  .filter((li) => li.hasAttribute('data-item-id')).map((li) => li.getAttribute('aria-label'));

describe('meetings list and form', () => {
  it('creates a meeting with attendees and shows the quorum live as attendance is marked', async () => {
    const { api, chair } = await fixture();
    const { user, stores } = renderWithStores(<MeetingsList />, api);
    await user.click(await screen.findByRole('button', { name: 'New meeting' }));
    const form = screen.getByRole('form', { name: 'New meeting' });
    await user.clear(within(form).getByLabelText('Board'));
    await user.type(within(form).getByLabelText('Board'), 'Liver MDT');
    await user.type(within(form).getByLabelText('Date and time'), '2026-03-10T16:00');
    await user.type(within(form).getByLabelText('Location'), 'Seminar room 3');
    await user.selectOptions(within(form).getByLabelText('Chair'), String(chair.id));
    await user.click(within(form).getByRole('button', { name: 'Add attendee' }));
    await user.type(within(form).getByLabelText('Attendee 1 name'), 'Dr Onc');
    const quorum = within(form).getByRole('region', { name: 'Quorum' });
    expect(quorum).toHaveTextContent('Quorum not met — missing: Interventional radiology, Surgery, Diagnostic radiology');
    await user.selectOptions(within(form).getByLabelText('Add a profile'), String(chair.id)); // Helena Chair, surgery
    expect(quorum).toHaveTextContent('missing: Interventional radiology, Diagnostic radiology');
    await user.selectOptions(within(form).getByLabelText('Attendee 2 attendance'), 'apologies');
    expect(quorum).toHaveTextContent('missing: Interventional radiology, Surgery, Diagnostic radiology');
    await user.click(within(form).getByRole('button', { name: 'Create meeting' }));
    await waitFor(() => expect(stores.ui.getState().view).toEqual({ name: 'meeting', id: expect.any(Number) as number }));
    expect(api.callsOf('meetings.create')[0]).toEqual({
      board: 'Liver MDT', scheduled_at: '2026-03-10T16:00', location: 'Seminar room 3', video_link: '', chair_profile_id: chair.id, coordinator_profile_id: null,
      attendees: [
        { profile_id: null, name: 'Dr Onc', specialty: 'medical_oncology', attendance: 'attended' },
        { profile_id: chair.id, name: 'Helena Chair', specialty: 'surgery', attendance: 'apologies' },
      ],
    });
  });
});

describe('a new meeting of a board that met before', () => {
  it("starts with the chair and coordinator of the board's last meeting, and keeps what the user picks", async () => {
    const { core, api, coordinator, chair } = await fixture();
    await core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-02-24T16:00', chair_profile_id: chair.id, coordinator_profile_id: coordinator.id });
    // Boards are listed by name: Liver MDT first.
    await core.call('meetings.create', { board: 'Pancreas board', scheduled_at: '2026-02-25T16:00' });
    const { user } = renderWithStores(<MeetingsList />, api);
    await user.click(await screen.findByRole('button', { name: 'New meeting' }));
    const form = screen.getByRole('form', { name: 'New meeting' });
    const board = within(form).getByLabelText('Board');
    await waitFor(() => expect(board).toHaveValue('Liver MDT')); // the first board, once the boards have loaded
    await waitFor(() => expect(within(form).getByLabelText('Chair')).toHaveValue(String(chair.id)));
    expect(within(form).getByLabelText('Coordinator')).toHaveValue(String(coordinator.id));
    await user.clear(board);
    await user.type(board, 'Pancreas board');
    expect(board).toHaveValue('Pancreas board'); // a cleared field is not filled again behind the user's back
    await waitFor(() => expect(within(form).getByLabelText('Chair')).toHaveValue(''));
    expect(within(form).getByLabelText('Coordinator')).toHaveValue('');
    await user.selectOptions(within(form).getByLabelText('Chair'), String(chair.id));
    await user.clear(board);
    await user.type(board, 'Liver MDT');
    expect(within(form).getByLabelText('Chair')).toHaveValue(String(chair.id));
    expect(within(form).getByLabelText('Coordinator')).toHaveValue('');
  });
});

describe('board rules', () => {
  it('edits the quorum and recency of a board, and the quorum of its meetings follows', async () => {
    const { core, api, meeting } = await plannedMeeting();
    const { user } = renderWithStores(<MeetingsList />, api);
    const rules = await screen.findByRole('form', { name: 'Board rules' });
    await waitFor(() => expect(within(rules).getByLabelText('Board')).toHaveValue('Liver MDT'));
    expect(within(rules).getByRole('checkbox', { name: 'Surgery' })).toBeChecked();
    await user.click(within(rules).getByRole('checkbox', { name: 'Surgery' }));
    await user.click(within(rules).getByRole('checkbox', { name: 'Interventional radiology' }));
    await user.click(within(rules).getByRole('checkbox', { name: 'Diagnostic radiology' }));
    const imaging = within(rules).getByLabelText(/Imaging at most/);
    await user.clear(imaging);
    await user.type(imaging, '28');
    await user.click(within(rules).getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(api.callsOf('boards.save')).toEqual([{ name: 'Liver MDT', quorum: ['medical_oncology'], imaging_max_days: 28, labs_max_days: 14, version: 1 }]));
    expect((await core.call('meetings.get', { id: meeting.id })).quorum).toMatchObject({ met: true, missing: [] });
  });
});

describe('agenda preparation', () => {
  it('blocks a case that is not ready, says what is missing, and lists it only with an override reason', async () => {
    const { api, meeting } = await plannedMeeting();
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    expect(await screen.findByRole('region', { name: 'Quorum' })).toHaveTextContent('Quorum not met — missing: Interventional radiology, Surgery, Diagnostic radiology');

    await user.type(screen.getByLabelText('Search the case list'), 'smith');
    const result = await screen.findByText('Smith, Anna', { selector: 'strong' });
    const row = result.closest('li') as HTMLElement;
    await waitFor(() => expect(row).toHaveAttribute('data-ready', 'no'));
    const missing = within(row).getByRole('list', { name: 'Missing for Smith, Anna (MRN4)' });
    expect([...missing.querySelectorAll('[data-missing]')].map((li) => li.getAttribute('data-missing'))).toEqual([
      'ecog', 'bilirubin_mg_dl', 'albumin_g_dl', 'line_of_therapy', 'liver_dominant', 'extrahepatic_disease', 'resectable_or_ablatable', 'imaging', 'labs',
    ]);
    expect(missing).toHaveTextContent('Imaging: no date recorded (needs ≤ 56 days before the meeting)');

    await user.click(within(row).getByRole('button', { name: 'Add with override…: Smith, Anna (MRN4)' }));
    const dialog = await screen.findByRole('dialog', { name: 'List a case that is not ready' });
    expect(dialog).toHaveTextContent('Smith, Anna (MRN4) is not ready for the board.');
    await user.click(within(dialog).getByRole('button', { name: 'List with this reason' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A reason is required to list a case that is not ready.');
    expect(api.callsOf('meetings.addCase')).toEqual([]);
    await user.type(within(dialog).getByLabelText(/Override reason/), 'Urgent: labs drawn on the morning of the meeting');
    await user.click(within(dialog).getByRole('button', { name: 'List with this reason' }));
    await waitFor(() => expect(agendaNames()).toEqual(['1. Smith, Anna']));
    expect(api.callsOf('meetings.addCase')).toEqual([{ meeting_id: meeting.id, case_id: 4, override_reason: 'Urgent: labs drawn on the morning of the meeting' }]);
    expect(screen.getByRole('list', { name: 'Agenda' })).toHaveTextContent('Listed although not ready. Reason: Urgent: labs drawn on the morning of the meeting');
  });

  it('lists a ready case at once, reorders by Alt+Arrow keys keeping focus, and saves time, presenter and standard of care', async () => {
    const { core, api, meeting } = await plannedMeeting();
    await core.call('meetings.addCase', { meeting_id: meeting.id, case_id: 2 });
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await user.type(await screen.findByLabelText('Search the case list'), 'odegard');
    const row = (await screen.findByText('Ødegård, Zoë', { selector: 'strong' })).closest('li') as HTMLElement;
    await waitFor(() => expect(row).toHaveAttribute('data-ready', 'yes'));
    await user.click(within(row).getByRole('button', { name: 'Add to agenda: Ødegård, Zoë (MRN1)' }));
    await waitFor(() => expect(agendaNames()).toEqual(['1. Núñez, José', '2. Ødegård, Zoë']));
    expect(api.callsOf('meetings.addCase').at(-1)).toEqual({ meeting_id: meeting.id, case_id: 1 });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const second = screen.getByRole('listitem', { name: '2. Ødegård, Zoë' });
    act(() => second.focus());
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(agendaNames()).toEqual(['1. Ødegård, Zoë', '2. Núñez, José']));
    expect((await core.call('meetings.get', { id: meeting.id })).agenda.map((i) => i.case_id)).toEqual([1, 2]);
    expect(api.callsOf('meetings.reorder')).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: '1. Ødegård, Zoë' }));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}'); // already first: nothing to do
    expect(api.callsOf('meetings.reorder')).toHaveLength(1);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(agendaNames()).toEqual(['1. Núñez, José', '2. Ødegård, Zoë']));

    const item = screen.getByRole('listitem', { name: '2. Ødegård, Zoë' });
    const minutes = within(item).getByLabelText('Minutes');
    await user.clear(minutes);
    await user.type(minutes, '15');
    await user.type(within(item).getByLabelText('Presenter'), 'Dr Onc');
    await user.click(within(item).getByLabelText('Standard of care (no discussion)'));
    await waitFor(() => expect(within(screen.getByRole('listitem', { name: '2. Ødegård, Zoë' })).getByText('Standard of care')).toBeInTheDocument());
    const itemId = Number(item.getAttribute('data-item-id'));
    expect(api.callsOf('meetings.setItem')).toEqual([
      { item_id: itemId, version: 3, minutes_allotted: 15 }, { item_id: itemId, version: 4, presenter: 'Dr Onc' }, { item_id: itemId, version: 5, standard_of_care: true },
    ]);

    // Minutes below 1 are refused with a message naming the rule, not dropped in silence; nothing is sent.
    const again = within(screen.getByRole('listitem', { name: '2. Ødegård, Zoë' })).getByLabelText('Minutes');
    await user.clear(again);
    await user.type(again, '0');
    await user.tab();
    expect(await within(screen.getByRole('listitem', { name: '2. Ødegård, Zoë' })).findByRole('alert')).toHaveTextContent('Minutes must be a whole number from 1 to 120; 15 kept.');
    expect(api.callsOf('meetings.setItem')).toHaveLength(3);
  });

  it('carries a patient forward as a new case copying the facts, and lists it', async () => {
    const { core, api, meeting } = await plannedMeeting();
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await user.type(await screen.findByLabelText('Search the case list'), 'wrobel');
    const row = (await screen.findByText('Wróbel, Łukasz', { selector: 'strong' })).closest('li') as HTMLElement;
    await waitFor(() => expect(row).toHaveAttribute('data-ready', 'yes'));
    await user.click(within(row).getByRole('button', { name: 'Carry forward as a new case: Wróbel, Łukasz (MRN3)' }));
    await waitFor(() => expect(agendaNames()).toEqual(['1. Wróbel, Łukasz']));
    expect(api.callsOf('meetings.carryForward')).toEqual([{ case_id: 3, meeting_id: meeting.id }]);
    const cases = await core.cases();
    const copy = cases.at(-1);
    expect(copy?.id).toBe(5);
    expect(copy?.patient.identifier).toBe('MRN3');
    expect(copy?.facts).toEqual(cases[2]?.facts);
    expect((await core.call('meetings.get', { id: meeting.id })).agenda.map((i) => i.case_id)).toEqual([5]);
  });
});
