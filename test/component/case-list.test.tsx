import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { CaseList } from '../../renderer/views/CaseList';
import { renderWithStores } from './render';
import { useRealCore, type RealApi } from './realApi';

// Against the real core: cases seeded through one CSV import (realApi.ts seedCases), the list, search, filters and
// sort answered by the real dispatcher and SQL. Only the slow-answer test injects a delay at the boundary.
const realCore = useRealCore();
const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-case-id'));
const listCalls = (api: RealApi) => api.callsOf('cases.list');

async function seeded(count: number): Promise<RealApi> {
  const core = realCore();
  await core.seedCases(count);
  return core.api;
}

describe('case list', () => {
  it('renders the first page of rows, the total and the grid size', async () => {
    const { api } = renderWithStores(<CaseList />, await seeded(250));
    const grid = screen.getByRole('grid', { name: 'Cases' });
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '251'));
    expect(screen.getByRole('status', { name: '' }).textContent ?? '').toContain('250');
    expect(dataRows().length).toBeGreaterThan(5);
    expect(dataRows().length).toBeLessThan(60); // virtualised: not 250 rows in the DOM
    // Newest first by default: the last created case (id 250) heads the list.
    expect(dataRows()[0]).toHaveAttribute('data-case-id', '250');
    expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2');
    expect(listCalls(api)[0]).toMatchObject({ offset: 0, limit: 100, sort: 'updated_at', direction: 'desc' });
  });

  it('fetches the page a row lives on, by offset, and drops far pages', async () => {
    const { stores, api } = renderWithStores(<CaseList />, await seeded(1200));
    await waitFor(() => expect(stores.cases.getState().total).toBe(1200));
    act(() => stores.cases.getState().ensureRange(1005, 1030));
    await waitFor(() => expect(stores.cases.getState().pages[10]).toHaveLength(100));
    expect(listCalls(api).some((q) => q.offset === 1000 && q.limit === 100)).toBe(true);
    expect(stores.cases.getState().pages[0]).toBeUndefined(); // more than 4 pages away: dropped
  });

  it('searches as you type, once after a pause, and finds names without their diacritics', async () => {
    const { api, user } = renderWithStores(<CaseList />, await seeded(30));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    const before = listCalls(api).length;
    await user.type(screen.getByRole('searchbox', { name: 'Search cases' }), 'odegard');
    await waitFor(() => expect(screen.getByText(/^3$/)).toBeInTheDocument());
    const searches = listCalls(api).slice(before);
    expect(searches.map((q) => q.search)).toEqual(['odegard']); // not o, od, ode, …
    for (const row of dataRows()) expect(row).toHaveTextContent('Ødegård');
  });

  it('ignores an answer to an older search that arrives late', async () => {
    const api = await seeded(30);
    // "nunez" answers slowly, "lukasz" quickly: the list must end on lukasz.
    api.delay('cases.list', (input) => ((input as { search?: string }).search === 'nunez' ? 300 : 0));
    const { stores } = renderWithStores(<CaseList />, api);
    await waitFor(() => expect(stores.cases.getState().total).toBe(30));
    act(() => stores.cases.getState().setSearch('nunez'));
    act(() => stores.cases.getState().setSearch('lukasz'));
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent('Łukasz'));
    await new Promise((r) => setTimeout(r, 350));
    for (const row of dataRows()) expect(row).toHaveTextContent('Wróbel, Łukasz');
    expect(stores.cases.getState().total).toBe(3);
  });

  it('filters by status and primary with toggle chips', async () => {
    const { api, user } = renderWithStores(<CaseList />, await seeded(50));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    const statusGroup = screen.getByRole('group', { name: 'Status' });
    const ready = within(statusGroup).getByRole('button', { name: 'Ready' });
    expect(ready).toHaveAttribute('aria-pressed', 'false');
    await user.click(ready);
    expect(ready).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '11'));
    for (const row of dataRows()) expect(row).toHaveTextContent('Ready');
    expect(listCalls(api).at(-1)).toMatchObject({ statuses: ['ready'] });

    await user.click(within(screen.getByRole('group', { name: 'Primary' })).getByRole('button', { name: 'Neuroendocrine' }));
    await waitFor(() => expect(listCalls(api).at(-1)).toMatchObject({ statuses: ['ready'], primaries: ['neuroendocrine'] }));
    // Cases 1..50: status index i%5==1 (ready) and primary i%5==1 (neuroendocrine) → 10 cases.
    await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '11'));
    for (const row of dataRows()) expect(row).toHaveTextContent('Neuroendocrine');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '51'));
  });

  it('sorts by a column header, and again in the other direction', async () => {
    const { api, user } = renderWithStores(<CaseList />, await seeded(20));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent('Dubois, Élodie'));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(listCalls(api).at(-1)).toMatchObject({ sort: 'name', direction: 'asc' });
    await user.click(screen.getByRole('button', { name: 'Name' }));
    // ICU collation sorts Ø with O, so Wróbel comes first descending.
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent('Wróbel, Łukasz'));
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('moves the selection with the arrow keys and opens the case with Enter', async () => {
    const { stores, user } = renderWithStores(<CaseList />, await seeded(20));
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(3));
    const grid = screen.getByRole('grid');
    grid.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const selected = dataRows().find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected).toHaveAttribute('aria-rowindex', '4');
    expect(grid).toHaveAttribute('aria-activedescendant', selected?.id);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(stores.ui.getState().view).toEqual({ name: 'case', id: 19 });
  });

  it('"/" focuses the search and "n" starts a new case, but not while typing', async () => {
    const { stores, user } = renderWithStores(<CaseList />, await seeded(5));
    await waitFor(() => expect(dataRows().length).toBe(5));
    await user.keyboard('/');
    const search = screen.getByRole('searchbox');
    expect(search).toHaveFocus();
    await user.keyboard('n');
    expect(search).toHaveValue('n');
    expect(stores.ui.getState().view).toEqual({ name: 'list' });
    search.blur();
    await user.keyboard('n');
    expect(stores.ui.getState().view).toEqual({ name: 'new' });
  });

  it('shows the demo marker and the decision-support footer', async () => {
    renderWithStores(<App />, realCore({ demoCases: 3 }).api);
    expect(await screen.findByText('Demo database')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/does not replace, the board's clinical judgement/);
  });
});
