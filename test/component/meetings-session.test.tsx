import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { FakeMeetingsApi, meetingFixture } from './fakeMeetingsApi';
import { renderWithStores } from './render';

describe('who is acting', () => {
  it('asks on open when nobody is acting, checks the PIN and shows the acting profile in the header', async () => {
    const { api } = meetingFixture();
    api.acting = null;
    const { user } = renderWithStores(<App />, api);
    const dialog = await screen.findByRole('dialog', { name: 'Who is acting?' });
    await user.click(within(dialog).getByRole('radio', { name: /Helena Chair/ }));
    await user.type(within(dialog).getByLabelText('PIN for Helena Chair'), '1111');
    await user.click(within(dialog).getByRole('button', { name: 'Act as Helena Chair' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('the PIN is not right');
    expect(api.acting).toBeNull();
    await user.type(within(dialog).getByLabelText('PIN for Helena Chair'), '2468');
    await user.click(within(dialog).getByRole('button', { name: 'Act as Helena Chair' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Who is acting?' })).not.toBeInTheDocument());
    expect(api.acting).toBe(2);
    expect(api.callsOf('profiles.select').at(-1)).toEqual({ id: 2, pin: '2468' });
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('Acting as Helena Chair (Chair)');
    // Switching opens the chooser again.
    await user.click(within(header).getByRole('button', { name: 'Switch' }));
    expect(await screen.findByRole('dialog', { name: 'Who is acting?' })).toBeInTheDocument();
  });

  it('creates the first profile (with a PIN) and acts as it at once', async () => {
    const api = new FakeMeetingsApi(2);
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
    expect(api.profiles[0]).toMatchObject({ name: 'Dr Tomás Ibarra', has_pin: true });
  });

  it('"Not now" leaves the case list usable, and the header offers to choose later', async () => {
    const { api } = meetingFixture();
    api.acting = null;
    const { user } = renderWithStores(<App />, api);
    const dialog = await screen.findByRole('dialog', { name: 'Who is acting?' });
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Who is acting?' })).not.toBeInTheDocument());
    expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Choose who is acting' })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Cases' })).toBeInTheDocument();
  });
});
