/** The Data view is one click away in the main navigation. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { DataView } from '../../renderer/views/data';
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

  it('moves between the Data tabs with the arrow keys', async () => {
    const { user } = renderWithStores(<DataView />, new FakeDataApi());
    await user.click(screen.getByRole('tab', { name: 'CSV import' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'FHIR import' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'FHIR import' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'FHIR import' })).toHaveTextContent('Import from the EHR (FHIR R4 / mCODE)');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Backups' })).toHaveFocus();
    expect(await screen.findByRole('table', { name: 'Backups, newest first' })).toBeInTheDocument();
  });
});
