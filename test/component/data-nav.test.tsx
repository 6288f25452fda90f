/** The Data view is one click away in the main navigation. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { FakeDataApi } from './data-fakeApi';
import { renderWithStores } from './render';

describe('Data navigation', () => {
  it('is reachable from the main navigation', async () => {
    const { user } = renderWithStores(<App />, new FakeDataApi());
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Data' }));
    expect(await screen.findByRole('heading', { name: 'Data', level: 1 })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Data' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Cases' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('tab', { name: 'CSV import' })).toHaveAttribute('aria-selected', 'true');
  });
});
