/** The Data view is one click away in the main navigation. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { DataView } from '../../renderer/views/data';
import { renderWithStores } from './render';
import { useRealCore } from './realApi';

// Against the real core (the Backups tab lists the real, empty backups folder).
const realCore = useRealCore();

describe('Data navigation', () => {
  it('is reachable from the main navigation', async () => {
    const { user } = renderWithStores(<App />, realCore().api);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Data' }));
    expect(await screen.findByRole('heading', { name: 'Data', level: 1 })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Data' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Cases' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('tab', { name: 'CSV import' })).toHaveAttribute('aria-selected', 'true');
  });

  it('moves between the Data tabs with the arrow keys', async () => {
    const { user } = renderWithStores(<DataView />, realCore().api);
    await user.click(screen.getByRole('tab', { name: 'CSV import' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'FHIR import' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'FHIR import' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'FHIR import' })).toHaveTextContent('Import from the EHR (FHIR R4 / mCODE)');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Backups' })).toHaveFocus();
    // A new board has no backup yet: the real (empty) backups folder says so.
    expect(await screen.findByText('No backup yet.')).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'Backups' })).toHaveTextContent('Back up now');
  });
});
