/**
 * The virtualised case grid: only the rows on screen are in the DOM, and the pages they need are fetched
 * by offset. ARIA grid with aria-rowcount/aria-rowindex so assistive technology knows the full size; the
 * grid keeps focus and points at the selected row with aria-activedescendant.
 */
import { formatDay, todayIn, useClock, type Clock } from './clock';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CaseSortKey, CaseSummary } from '../../shared/domain/case';
import { CASE_STATUS_LABELS, PRIMARY_TUMOR_LABELS } from '../../shared/vocabulary';
import { rowAt } from '../stores/cases';
import { useCases, useStores, useUi } from '../stores/context';

export const ROW_HEIGHT = 40;
/** The sticky header row's height (CSS .grid-head): rows start below it inside the one scroll container. */
export const HEAD_HEIGHT = 34;

interface Column { key: string; label: string; sort?: CaseSortKey; className: string }
const COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', sort: 'name', className: 'c-name' },
  { key: 'identifier', label: 'Identifier', sort: 'identifier', className: 'c-id' },
  { key: 'born', label: 'Born', className: 'c-born' },
  { key: 'primary', label: 'Primary', sort: 'primary_tumor', className: 'c-primary' },
  { key: 'diagnosis', label: 'Diagnosis', className: 'c-diagnosis' },
  { key: 'status', label: 'Status', sort: 'status', className: 'c-status' },
  { key: 'updated', label: 'Updated', sort: 'updated_at', className: 'c-updated' },
];

/** The day an instant falls on in the board's zone, as the board writes dates. */
const formatDate = (iso: string, clock: Clock): string => formatDay(todayIn(clock.time_zone, iso), clock);

export const rowDomId = (index: number): string => `case-row-${index}`;

function Cells({ row }: { row: CaseSummary }) {
  const clock = useClock();
  return (
    <>
      <div role="gridcell" className="c-name"><span className="family">{row.family_name}</span>{row.given_name ? `, ${row.given_name}` : ''}</div>
      <div role="gridcell" className="c-id">{row.identifier}</div>
      <div role="gridcell" className="c-born">{row.birth_date ?? '—'}</div>
      <div role="gridcell" className="c-primary">{row.primary_tumor ? PRIMARY_TUMOR_LABELS[row.primary_tumor] : 'Unknown'}</div>
      <div role="gridcell" className="c-diagnosis" title={row.diagnosis}>{row.diagnosis}</div>
      <div role="gridcell" className="c-status"><span className={`status status-${row.status}`}>{CASE_STATUS_LABELS[row.status]}</span></div>
      <div role="gridcell" className="c-updated">{formatDate(row.updated_at, clock)}</div>
    </>
  );
}

export function CaseGrid({ onOpen, gridRef }: { onOpen(id: number): void; gridRef?: React.RefObject<HTMLDivElement | null> }) {
  const stores = useStores();
  const total = useCases((s) => s.total) ?? 0;
  const pages = useCases((s) => s.pages);
  const generation = useCases((s) => s.generation);
  const filters = useCases((s) => s.filters);
  const selected = useUi((s) => s.selectedIndex);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The grid itself scrolls (so the focusable element is the scrollable region), with a sticky header.
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    // Without layout (tests), still render a screenful.
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    stores.cases.getState().ensureRange(first, Math.max(last, first + 30));
  }, [first, last, generation, stores]);

  // A new query starts at the top; coming back to the list keeps the selected row in view.
  const seenGeneration = useRef(generation);
  useEffect(() => {
    if (seenGeneration.current === generation) return;
    seenGeneration.current = generation;
    stores.ui.getState().select(0);
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [generation, stores]);
  useEffect(() => {
    const index = stores.ui.getState().selectedIndex;
    if (index > 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // Only when the grid appears: `virtualizer` is stable for the grid's life.
  }, [stores]);

  const clamped = Math.min(selected, Math.max(0, total - 1));
  const move = (index: number): void => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    stores.ui.getState().select(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const open = (index: number): void => {
    const row = rowAt(stores.cases.getState(), index);
    if (row) onOpen(row.id);
  };
  const perPage = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(clamped + 1),
      ArrowUp: () => move(clamped - 1),
      PageDown: () => move(clamped + perPage),
      PageUp: () => move(clamped - perPage),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => open(clamped),
    };
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); action(); }
  };

  const activeRendered = items.some((i) => i.index === clamped) && rowAt({ pages }, clamped) !== undefined;

  return (
    <div ref={(el) => { scrollRef.current = el; if (gridRef) gridRef.current = el; }} className="grid" role="grid" aria-label="Cases" aria-rowcount={total + 1} aria-colcount={COLUMNS.length}
      aria-multiselectable={false} tabIndex={0} onKeyDown={onKeyDown}
      aria-activedescendant={activeRendered ? rowDomId(clamped) : undefined}>
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          {COLUMNS.map((c) => {
            const sorted = c.sort !== undefined && filters.sort === c.sort;
            return (
              <div key={c.key} role="columnheader" className={c.className}
                aria-sort={sorted ? (filters.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.sort ? (
                  <button type="button" className="sort" onClick={() => stores.cases.getState().setSort(c.sort as CaseSortKey)}
                    title={`Sort by ${c.label.toLowerCase()}`}>
                    {c.label}<span className="sort-mark" aria-hidden="true">{sorted ? (filters.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : c.label}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body">
        <div className="grid-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt({ pages }, item.index);
            const isSelected = item.index === clamped;
            return (
              <div key={item.key} id={rowDomId(item.index)} role="row" aria-rowindex={item.index + 2}
                aria-selected={isSelected} aria-busy={row ? undefined : true}
                className={`grid-row${isSelected ? ' selected' : ''}${row ? '' : ' placeholder'}`}
                style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }}
                data-case-id={row?.id}
                onClick={() => { stores.ui.getState().select(item.index); open(item.index); }}>
                {row ? <Cells row={row} /> : <div role="gridcell" className="c-loading">Loading…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
