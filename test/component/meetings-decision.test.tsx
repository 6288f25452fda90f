import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { MeetingDetail } from '../../renderer/views/meetings/MeetingDetail';
import { renderWithStores } from './render';
import { CHAIR_PIN, runningMeetingFixture, useRealCore } from './realApi';
import { formatWall, machineClock } from '../../shared/time/clock';

// Against the real core: the engine snapshot, concordance, sign-off with the chair's PIN and amendments are the
// real services'.
const realCore = useRealCore();

const runningMeeting = () => runningMeetingFixture(realCore());

describe('decision capture', () => {
  it('shows the engine strength beside the plan, needs a reason for a plan rated not recommended, records dissent and actions, shows concordance', async () => {
    const { core, api, meeting, item } = await runningMeeting();
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await user.click(await screen.findByRole('button', { name: 'Decision' }));
    const form = await screen.findByRole('form', { name: 'Decision for Ødegård, Zoë' });
    const plan = within(form).getByLabelText('Plan');
    await waitFor(() => expect(within(plan).getByRole('option', { name: 'Guideline systemic therapy for the current line — Recommended' })).toBeInTheDocument());
    await user.selectOptions(plan, 'Y90_WITH_SECOND_LINE_CHEMO');
    expect(within(form).getByText('Not recommended')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Intent'), 'palliative');
    await user.click(within(form).getByRole('button', { name: 'Save decision' }));
    expect(within(form).getByText('The engine rates this plan “Not recommended”: give the reason for choosing it.', { selector: '.field-error' })).toBeInTheDocument();
    expect(api.callsOf('decisions.record')).toEqual([]);

    await user.type(within(form).getByLabelText(/Reason for a plan the engine rates/), 'Patient declines further oxaliplatin; hepatic-PFS matters most to him');
    await user.type(within(form).getByLabelText('Rationale'), 'Liver-only progression; EPOCH-like population');
    await user.click(within(form).getByRole('button', { name: 'Add dissent' }));
    expect(within(form).getByRole('radio', { name: 'Majority' })).toBeChecked();
    await user.type(within(form).getByLabelText('Dissent 1: who'), 'Dr Onc');
    expect(within(form).getByLabelText('Dissent 1: specialty')).toHaveValue('');
    await user.selectOptions(within(form).getByLabelText('Dissent 1: specialty'), 'medical_oncology');
    await user.type(within(form).getByLabelText('Dissent 1: view'), 'No OS benefit in EPOCH; chemotherapy alone');
    await user.click(within(form).getByRole('button', { name: 'Add action' }));
    await user.type(within(form).getByLabelText('Action 1: what'), 'Book mapping angiography');
    await user.type(within(form).getByLabelText('Action 1: owner'), 'IR secretary');
    await user.type(within(form).getByLabelText('Action 1: due date'), '2026-03-17');
    await user.type(within(form).getByLabelText('Follow-up date'), '2026-04-14');
    await user.click(within(form).getByLabelText('Preference / consent discussed'));
    await user.click(within(form).getByRole('button', { name: 'Save decision' }));

    await waitFor(() => expect(api.callsOf('decisions.record')).toHaveLength(1));
    expect(api.callsOf('decisions.record')[0]).toEqual({
      agenda_item_id: item.id, plan: 'Y90_WITH_SECOND_LINE_CHEMO', plan_detail: '', intent: 'palliative',
      rationale: 'Liver-only progression; EPOCH-like population', consensus: 'majority',
      dissent: [{ name: 'Dr Onc', specialty: 'medical_oncology', view: 'No OS benefit in EPOCH; chemotherapy alone' }],
      actions: [{ what: 'Book mapping angiography', owner: 'IR secretary', due_date: '2026-03-17' }],
      follow_up_date: '2026-04-14', patient_preference_discussed: true,
      discordance_reason: 'Patient declines further oxaliplatin; hepatic-PFS matters most to him',
    });
    const saved = await screen.findByRole('form', { name: 'Decision for Ødegård, Zoë' });
    expect(within(saved).getByText(/Discordant with the engine/)).toHaveTextContent('Discordant with the engine (plan rated Not recommended)');
    expect(within(saved).getByText(/Recorded by Priya Coordinator/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Agenda' })).toHaveTextContent('Decided: Y-90 added to second-line chemotherapy');
    expect(await core.call('decisions.get', { agenda_item_id: item.id })).toMatchObject({
      plan: 'Y90_WITH_SECOND_LINE_CHEMO', plan_strength: 'not_recommended', concordance: 'discordant', recorded_by: 'Priya Coordinator (coordinator, profile 2)', recorded_by_profile_id: 2,
    });
  });

  it('a plan outside the engine is "not assessed"; "other" needs its detail', async () => {
    const { core, api, meeting, item } = await runningMeeting();
    const { user } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await user.click(await screen.findByRole('button', { name: 'Decision' }));
    const form = await screen.findByRole('form', { name: 'Decision for Ødegård, Zoë' });
    await user.selectOptions(within(form).getByLabelText('Plan'), 'other');
    expect(within(form).getByText('Outside the engine’s options (concordance not assessed)')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Intent'), 'curative');
    await user.click(within(form).getByRole('button', { name: 'Save decision' }));
    expect(within(form).getByText('Describe the plan (required for “Other”).', { selector: '.field-error' })).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/^Plan detail \(required\)/), 'Histotripsy trial screening');
    await user.click(within(form).getByRole('button', { name: 'Save decision' }));
    await waitFor(() => expect(within(screen.getByRole('form', { name: 'Decision for Ødegård, Zoë' })).getByText(/Not assessed/)).toBeInTheDocument());
    expect(await core.call('decisions.get', { agenda_item_id: item.id })).toMatchObject({ plan: 'other', plan_detail: 'Histotripsy trial screening', concordance: 'not_assessed', consensus: 'unanimous' });
  });

  it('after conclude and sign (chair PIN) the decision is read-only, and an amendment needs a reason', async () => {
    const { core, api, meeting, item, chair } = await runningMeeting();
    const decision = await core.call('decisions.record', { agenda_item_id: item.id, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous', patient_preference_discussed: true });
    const concluded = await core.call('meetings.conclude', { id: meeting.id, version: meeting.version });
    await core.call('profiles.select', { id: chair.id, pin: CHAIR_PIN });
    const { user } = renderWithStores(<App />, api);
    await user.click(within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Meetings' }));
    await user.click(await screen.findByRole('button', { name: formatWall('2026-03-03T16:00', machineClock()) }));
    expect(concluded.status).toBe('concluded');
    await user.click(await screen.findByRole('button', { name: 'Sign as chair' }));
    const signDialog = await screen.findByRole('dialog', { name: 'Sign the minutes' });
    // What is being signed, in words, before the PIN.
    expect(within(signDialog).getByRole('list', { name: 'Cases and plans' })).toHaveTextContent('Ødegård, Zoë: Guideline systemic therapy for the current line');
    expect(signDialog).toHaveTextContent('None: every decision was unanimous.');
    await user.type(within(signDialog).getByLabelText('Your PIN'), CHAIR_PIN);
    await user.click(within(signDialog).getByRole('button', { name: 'Sign the minutes' }));
    expect(await screen.findByText(/The meeting and its decisions are read-only/)).toHaveTextContent('Signed by Helena Chair');
    expect(api.callsOf('meetings.sign')).toEqual([{ id: meeting.id, version: concluded.version, pin: CHAIR_PIN }]);
    expect(await core.call('meetings.get', { id: meeting.id })).toMatchObject({ status: 'signed', signed_by: 'Helena Chair (chair, profile 1)' });

    await user.click(screen.getByRole('button', { name: 'View decision' }));
    const form = await screen.findByRole('form', { name: 'Decision for Ødegård, Zoë' });
    expect(form).toHaveAttribute('data-readonly', 'yes');
    expect(within(form).getByLabelText('Plan')).toBeDisabled();
    expect(within(form).getByLabelText('Rationale')).toBeDisabled();
    expect(within(form).queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add cases' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: '1. Ødegård, Zoë' })).getByLabelText('Minutes')).toBeDisabled();

    await user.click(within(form).getByRole('button', { name: 'Amend…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Amend a signed decision' });
    await user.selectOptions(within(dialog).getByLabelText('Intent'), 'consolidation');
    await user.click(within(dialog).getByRole('button', { name: 'Record amendment' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A reason is required for an amendment.');
    await user.type(within(dialog).getByLabelText('Reason for the amendment (required)'), 'Typed palliative in error');
    await user.click(within(dialog).getByRole('button', { name: 'Record amendment' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Amend a signed decision' })).not.toBeInTheDocument());
    expect(api.callsOf('decisions.amend')).toEqual([{ decision_id: decision.id, reason: 'Typed palliative in error', changes: { intent: 'consolidation' } }]);
    const amendments = await screen.findByRole('region', { name: 'Amendments' });
    expect(amendments).toHaveTextContent('by Helena Chair: Typed palliative in error');
    expect(amendments).toHaveTextContent('Intent: Palliative → Consolidation');
    expect(within(screen.getByRole('form', { name: 'Decision for Ødegård, Zoë' })).getByLabelText('Intent')).toHaveValue('consolidation');
    expect((await core.call('decisions.get', { id: decision.id })).current).toMatchObject({ intent: 'consolidation', plan: 'SYSTEMIC_STANDARD' });
  });

  it('only the chair signs: a coordinator is told so and offered the profile chooser, nothing is sent', async () => {
    const { core, api, meeting, item } = await runningMeeting();
    await core.call('decisions.record', { agenda_item_id: item.id, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous', patient_preference_discussed: true });
    await core.call('meetings.conclude', { id: meeting.id, version: meeting.version });
    const { user, stores } = renderWithStores(<MeetingDetail id={meeting.id} />, api);
    await stores.session.getState().load();
    await user.click(await screen.findByRole('button', { name: 'Sign as chair' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Only the chair signs the minutes; Priya Coordinator is acting as coordinator.');
    expect(stores.session.getState().choosing).toBe(true);
    expect(api.callsOf('meetings.sign')).toEqual([]);
  });
});
