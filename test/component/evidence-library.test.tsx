/** The evidence library: the whole catalogue, search as you type, entries open to their cards, reachable from the nav. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { EvidenceLibrary } from '../../renderer/views/EvidenceLibrary';
import { listEvidence } from '../../shared/engine';
import { renderWithStores } from './render';
import { useRealCore } from './realApi';

const realCore = useRealCore();

const entries = () => within(screen.getByRole('list', { name: 'Evidence entries' })).getAllByRole('listitem')
  .filter((li) => li.hasAttribute('data-evidence-id'));

describe('evidence library', () => {
  it('lists every catalogue entry', () => {
    renderWithStores(<EvidenceLibrary />);
    const total = listEvidence().length;
    expect(entries().map((e) => e.getAttribute('data-evidence-id'))).toEqual(listEvidence().map((r) => r.id));
    for (const id of ['EV-SEED-2018', 'EV-SIRFLOX-2016', 'EV-EPOCH-2021', 'DEV-SIRSPHERES-IFU', 'DEV-THERASPHERE-IFU', 'GL-BCLC-2022']) {
      expect(screen.getByRole('button', { name: new RegExp(id) })).toHaveAttribute('aria-expanded', 'false');
    }
    expect(screen.getByRole('status')).toHaveTextContent(`${total} entries`);
    expect(screen.getByRole('heading', { name: 'Evidence library' })).toBeInTheDocument();
  });

  it('searches as you type and opens an entry to its card', async () => {
    const { user } = renderWithStores(<EvidenceLibrary />);
    await user.type(screen.getByRole('searchbox', { name: 'Search the evidence' }), 'epoch');
    await waitFor(() => expect(entries().map((e) => e.getAttribute('data-evidence-id'))).toContain('EV-EPOCH-2021'));
    const ids = entries().map((e) => e.getAttribute('data-evidence-id'));
    expect(ids).not.toContain('EV-TACE-LLOVET-2002');
    expect(screen.getByRole('status')).toHaveTextContent(`${ids.length} of ${listEvidence().length} entries`);

    const toggle = screen.getByRole('button', { name: /EV-EPOCH-2021/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const card = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(card).toBeVisible();
    expect(card).toHaveTextContent('Mulcahy MF et al.');
    expect(within(card).getByRole('list', { name: 'Provenance tags' })).toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox', { name: 'Search the evidence' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search the evidence' }), 'no such trial xyz');
    await waitFor(() => expect(screen.getByText('No entry matches “no such trial xyz”.')).toBeInTheDocument());
  });

  it('is reachable from the main navigation', async () => {
    const { user } = renderWithStores(<App />, realCore().api);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('button', { name: 'Evidence library' }));
    expect(await screen.findByRole('heading', { name: 'Evidence library' })).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Evidence library' })).toHaveAttribute('aria-current', 'page');
    await user.click(within(nav).getByRole('button', { name: 'Cases' }));
    expect(screen.queryByRole('heading', { name: 'Evidence library' })).toBeNull();
  });
});
