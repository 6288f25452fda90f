/**
 * The evidence catalogue the engine cites: every entry with its id, name, kind and year, searchable as you
 * type (id, name, design, population, authors, journal, key numbers); each entry opens in place to its card.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { CATALOGUE_VERSION, listEvidence, searchEvidence, type EvidenceRecord } from '../../shared/engine';
import { EvidenceCard } from '../components/evidence/EvidenceCard';
import { EVIDENCE_KIND_LABELS } from '../../shared/vocabulary';

export function EvidenceLibrary() {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const total = listEvidence().length;
  const results = useMemo(() => searchEvidence(deferred), [deferred]);
  const searchId = useId();

  const toggle = (id: string): void => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id); else next.add(id);
      return next;
    });
  };

  return (
    <div className="evidence-library">
      <div>
        <h1>Evidence library</h1>
        <p className="muted small">The sources the options cite: catalogue {CATALOGUE_VERSION}, {total} entries. Key numbers are given as published, each with its provenance tag.</p>
      </div>
      <div className="lib-toolbar" role="search">
        <label htmlFor={searchId} className="visually-hidden">Search the evidence</label>
        <input id={searchId} type="search" value={query} autoComplete="off" spellCheck={false} autoFocus
          placeholder="Search id, trial, author, journal, population, key numbers…"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape' && query) { e.preventDefault(); setQuery(''); } }} />
        <p className="total" role="status" aria-live="polite">
          {deferred.trim() === '' ? `${total} entries` : `${results.length} of ${total} entries`}
        </p>
      </div>
      {results.length === 0 ? <p className="empty">No entry matches “{deferred}”.</p> : (
        <ul className="lib-list" aria-label="Evidence entries">
          {results.map((r) => <LibraryItem key={r.id} record={r} expanded={open.has(r.id)} onToggle={() => toggle(r.id)} />)}
        </ul>
      )}
    </div>
  );
}

function LibraryItem({ record, expanded, onToggle }: { record: EvidenceRecord; expanded: boolean; onToggle(): void }) {
  const bodyId = `lib-${record.id}`;
  return (
    <li className="lib-item" data-evidence-id={record.id}>
      <h2>
        <button type="button" className="lib-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <span className="chev" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <code className="ev-id">{record.id}</code>
          <span className="lib-name">{record.short_name}</span>
          <span className="lib-meta">{EVIDENCE_KIND_LABELS[record.kind]}{record.year !== null ? ` · ${record.year}` : ''}</span>
        </button>
      </h2>
      <div className="lib-body" id={bodyId} hidden={!expanded}>
        {expanded ? <EvidenceCard record={record} idPrefix={bodyId} titleLevel={3} hideTitle /> : null}
      </div>
    </li>
  );
}
