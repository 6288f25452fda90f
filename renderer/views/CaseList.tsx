/**
 * The case list: search as you type, filter chips, sortable columns, a virtualised grid over however many
 * cases there are. Keys: / search, n new case, arrows move, Enter opens.
 */
import { useEffect, useRef } from 'react';
import { CASE_STATUSES } from '../../shared/domain/case';
import { PRIMARY_TUMORS } from '../../shared/facts/facts';
import { CASE_STATUS_LABELS, PRIMARY_TUMOR_LABELS } from '../../shared/vocabulary';
import { CaseGrid } from '../components/CaseGrid';
import { FilterChips } from '../components/FilterChips';
import { SearchBox } from '../components/SearchBox';
import { useCases, useStores, useUi } from '../stores/context';
import { isTypingTarget } from '../components/keyboard';

const STATUS_CHIPS = CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));
const PRIMARY_CHIPS = PRIMARY_TUMORS.map((p) => ({ value: p, label: PRIMARY_TUMOR_LABELS[p] }));
const count = new Intl.NumberFormat();

export function CaseList() {
  const stores = useStores();
  const filters = useCases((s) => s.filters);
  const total = useCases((s) => s.total);
  const error = useCases((s) => s.error);
  const loadingFirst = useCases((s) => s.pending[0] === true);
  const allCount = useUi((s) => s.info?.case_count);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const filtered = filters.search.trim() !== '' || filters.statuses.length > 0 || filters.primaries.length > 0;

  const openCase = (id: number): void => stores.ui.getState().show({ name: 'case', id });
  const newCase = (): void => stores.ui.getState().show({ name: 'new' });

  // Keyboard-ready on arrival: the grid takes focus unless something else already has it.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) gridRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === '/') { e.preventDefault(); searchRef.current?.focus(); searchRef.current?.select(); }
      else if (e.key === 'n' || e.key === 'N') { e.preventDefault(); newCase(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="case-list">
      <div className="list-toolbar">
        <h1 className="visually-hidden">Case list</h1>
        <SearchBox ref={searchRef} value={filters.search} onSearch={(t) => stores.cases.getState().setSearch(t)}
          onArrowDown={() => gridRef.current?.focus()} />
        <p className="total" role="status" aria-live="polite" aria-atomic="true">
          {total === null
            ? (loadingFirst ? 'Loading cases…' : '')
            : <><strong>{count.format(total)}</strong> {total === 1 ? 'case' : 'cases'}{filtered && allCount !== undefined ? ` of ${count.format(allCount)}` : ''}</>}
        </p>
        <button type="button" className="primary" onClick={newCase} aria-keyshortcuts="n">New case <kbd>N</kbd></button>
      </div>
      <div className="filters">
        <FilterChips label="Status" chips={STATUS_CHIPS} selected={filters.statuses} onToggle={(s) => stores.cases.getState().toggleStatus(s)} />
        <FilterChips label="Primary" chips={PRIMARY_CHIPS} selected={filters.primaries} onToggle={(p) => stores.cases.getState().togglePrimary(p)} />
        {filters.statuses.length + filters.primaries.length > 0
          ? <button type="button" className="link" onClick={() => stores.cases.getState().clearFilters()}>Clear filters</button> : null}
      </div>
      {error ? <p className="banner error" role="alert">The case list could not be loaded: {error}</p> : null}
      {total === 0 ? (
        <p className="empty" role="status">{filtered ? 'No case matches this search and these filters.' : 'No cases yet. Press N to register the first referral.'}</p>
      ) : null}
      <CaseGrid onOpen={openCase} gridRef={gridRef} />
      <p className="keys muted small" aria-hidden="true">
        <kbd>/</kbd> search · <kbd>↑</kbd><kbd>↓</kbd> move · <kbd>Enter</kbd> open · <kbd>N</kbd> new case
      </p>
    </div>
  );
}
