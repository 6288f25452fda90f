import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { renderWithStores } from './render';
import { CHAIR_PIN, meetingFixture, useRealCore, type RealCore } from './realApi';

// Against the real core: profiles, PIN checks and the acting session are the real services'.
const realCore = useRealCore();
/** The fixture's board with nobody acting yet (the window's session cleared through the contract). */
async function nobodyActing() {
  const fx = await meetingFixture(realCore());
  await fx.core.call('session.clear', {});
  return fx;
}
const acting = async (core: RealCore) => (await core.call('session.current', {}))?.id ?? null;

describe('who is acting', () => {
  it('asks on open when nobody is acting, checks the PIN and shows the acting profile in the header', async () => {
    const { core, api, chair } = await nobodyActing();
    const { user } = renderWithStores(<App />, api);
    const dialog = await screen.findByRole('dialog', { name: 'Who is acting?' });
    await user.click(within(dialog).getByRole('radio', { name: /Helena Chair/ }));
    await user.type(within(dialog).getByLabelText('PIN for Helena Chair'), '1111');
    await user.click(within(dialog).getByRole('button', { name: 'Act as Helena Chair' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('PIN: wrong PIN (4 tries left before the profile is locked for 15 minutes)');
    expect(await acting(core)).toBeNull();
    await user.type(within(dialog).getByLabelText('PIN for Helena Chair'), CHAIR_PIN);
    await user.click(within(dialog).getByRole('button', { name: 'Act as Helena Chair' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Who is acting?' })).not.toBeInTheDocument());
    expect(await acting(core)).toBe(chair.id);
    expect(api.callsOf('profiles.select').at(-1)).toEqual({ id: chair.id, pin: CHAIR_PIN });
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('Acting as Helena Chair (Chair)');
    // Switching opens the chooser again.
    await user.click(within(header).getByRole('button', { name: 'Switch' }));
    expect(await screen.findByRole('dialog', { name: 'Who is acting?' })).toBeInTheDocument();
  });

  it('creates the first profile (with a PIN) and acts as it at once', async () => {
    const core = realCore();
    await core.seedCases(2);
    const api = core.api;
    const { user } = renderWithStores(<App />, api);
    const dialog = await screen.findByRole('dialog', { name: 'Who is acting?' });
    expect(dialog).toHaveTextContent('No profile yet on this computer');
    await user.click(within(dialog).getByRole('button', { name: 'Create and act' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A name is required.');
    await user.type(within(dialog).getByLabelText('Name'), 'Dr Tomás Ibarra');
    await user.selectOptions(within(dialog).getByLabelText('Specialty'), 'medical_oncology');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'member');
    await user.type(within(dialog).getByLabelText(/^PIN/), '12');
    await user.click(within(dialog).getByRole('button', { name: 'Create and act' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A PIN is 4 to 12 digits.');
    await user.type(within(dialog).getByLabelText(/^PIN/), '34');
    await user.click(within(dialog).getByRole('button', { name: 'Create and act' }));
    await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent('Acting as Dr Tomás Ibarra (Board member)'));
    expect(api.callsOf('profiles.create')).toEqual([{ name: 'Dr Tomás Ibarra', specialty: 'medical_oncology', role: 'member', pin: '1234' }]);
    expect(await core.call('profiles.list', {})).toMatchObject([{ name: 'Dr Tomás Ibarra', role: 'member', has_pin: true }]);
    expect(await acting(core)).toBe(1);
  });

  it('"Not now" leaves the case list usable, and the header offers to choose later', async () => {
    const { api } = await nobodyActing();
    const { user } = renderWithStores(<App />, api);
    const dialog = await screen.findByRole('dialog', { name: 'Who is acting?' });
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Who is acting?' })).not.toBeInTheDocument());
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Choose who is acting' })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Cases' })).toBeInTheDocument();
  });
});
