/**
 * The case list: the query (search, filters, sort), the total, and a sparse cache of pages of 100 rows
 * fetched by offset as the list scrolls. Far pages are dropped so 100,000 cases never sit in memory, and a
 * response for an older query is ignored (every query change bumps `generation`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api';
import type { CaseSortKey, CaseStatus, CaseSummary } from '../../shared/domain/case';
import type { PrimaryTumor } from '../../shared/facts/facts';

export const PAGE_SIZE = 100;
/** Pages kept on either side of the visible range; the rest are dropped. */
export const KEEP_PAGES_AROUND = 4;

export type SortDirection = 'asc' | 'desc';
export interface CaseListFilters {
  search: string;
  statuses: CaseStatus[];
  primaries: PrimaryTumor[];
  sort: CaseSortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTERS: CaseListFilters = { search: '', statuses: [], primaries: [], sort: 'updated_at', direction: 'desc' };

/** What a click on a column header means first: newest first for dates, A→Z for the rest. */
export const DEFAULT_DIRECTION: Record<CaseSortKey, SortDirection> = {
  updated_at: 'desc', created_at: 'desc', name: 'asc', identifier: 'asc', primary_tumor: 'asc', status: 'asc',
};

export interface CasesState {
  filters: CaseListFilters;
  /** Rows matching the current query; null until the first answer. */
  total: number | null;
  /** Page index → rows. Sparse: only pages near what is on screen. */
  pages: Record<number, CaseSummary[]>;
  pending: Record<number, true>;
  generation: number;
  error: string | null;
  setSearch(search: string): void;
  toggleStatus(status: CaseStatus): void;
  togglePrimary(primary: PrimaryTumor): void;
  clearFilters(): void;
  setSort(key: CaseSortKey): void;
  /** Makes sure rows `first..last` (inclusive) are loaded or loading, and drops far pages. */
  ensureRange(first: number, last: number): void;
  /** Reloads everything for the current query (after a save). */
  refresh(): void;
}

export type CasesStore = StoreApi<CasesState>;

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export function rowAt(state: Pick<CasesState, 'pages'>, index: number): CaseSummary | undefined {
  return state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

export function createCasesStore(api: ApiClient): CasesStore {
  const store = createStore<CasesState>()((set, get) => {
    const fetchPage = (page: number): void => {
      const { filters, generation, pending, pages } = get();
      if (pages[page] || pending[page]) return;
      set({ pending: { ...pending, [page]: true } });
      api.invoke('cases.list', {
        search: filters.search.trim() || undefined,
        statuses: filters.statuses.length ? filters.statuses : undefined,
        primaries: filters.primaries.length ? filters.primaries : undefined,
        sort: filters.sort,
        direction: filters.direction,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      }).then(
        (result) => {
          if (get().generation !== generation) return; // an answer to an older query
          const { [page]: _done, ...stillPending } = get().pending;
          set({ pages: { ...get().pages, [page]: result.rows }, pending: stillPending, total: result.total, error: null });
        },
        (error: unknown) => {
          if (get().generation !== generation) return;
          const { [page]: _done, ...stillPending } = get().pending;
          set({ pending: stillPending, error: error instanceof Error ? error.message : 'the case list could not be loaded' });
        },
      );
    };

    /** A new query: forget every page, keep the old total until the answer so the screen does not jump. */
    const requery = (filters: CaseListFilters): void => {
      set({ filters, pages: {}, pending: {}, generation: get().generation + 1, error: null });
      fetchPage(0);
    };

    return {
      filters: DEFAULT_FILTERS,
      total: null,
      pages: {},
      pending: {},
      generation: 0,
      error: null,
      setSearch: (search) => {
        if (search === get().filters.search) return;
        requery({ ...get().filters, search });
      },
      toggleStatus: (status) => requery({ ...get().filters, statuses: toggle(get().filters.statuses, status) }),
      togglePrimary: (primary) => requery({ ...get().filters, primaries: toggle(get().filters.primaries, primary) }),
      clearFilters: () => requery({ ...get().filters, statuses: [], primaries: [] }),
      setSort: (key) => {
        const { filters } = get();
        const direction = filters.sort === key ? (filters.direction === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[key];
        requery({ ...filters, sort: key, direction });
      },
      ensureRange: (first, last) => {
        const from = Math.max(0, Math.floor(first / PAGE_SIZE));
        const total = get().total;
        const lastIndex = total === null ? last : Math.min(last, Math.max(0, total - 1));
        const to = Math.max(from, Math.floor(lastIndex / PAGE_SIZE));
        const keepFrom = from - KEEP_PAGES_AROUND;
        const keepTo = to + KEEP_PAGES_AROUND;
        const pages = get().pages;
        const far = Object.keys(pages).map(Number).filter((p) => p < keepFrom || p > keepTo);
        if (far.length) {
          const kept: Record<number, CaseSummary[]> = {};
          for (const [key, rows] of Object.entries(pages)) if (!far.includes(Number(key))) kept[Number(key)] = rows;
          set({ pages: kept });
        }
        for (let p = from; p <= to; p++) fetchPage(p);
      },
      refresh: () => requery(get().filters),
    };
  });
  return store;
}
