/**
 * A citation as a button named by its study ("SIRFLOX", "NCCN Guidelines: Colon Cancer") that opens its card; the
 * catalogue id is a code, shown only on demand (the tooltip and the card).
 */
import { getEvidence } from '../../../shared/engine';
import { useOpenEvidence } from './EvidenceDialog';

export function citationName(id: string): string {
  return getEvidence(id)?.short_name ?? 'a source not in the catalogue';
}

export function CitationButton({ id }: { id: string }) {
  const open = useOpenEvidence();
  const name = citationName(id);
  return (
    <button type="button" className="cite" onClick={() => open(id)} title={`${name} (${id})`} aria-label={`Evidence: ${name}`}
      aria-haspopup="dialog" data-evidence-id={id}>
      {name}
    </button>
  );
}

export function CitationList({ ids, label }: { ids: readonly string[]; label: string }) {
  if (ids.length === 0) return null;
  return (
    <ul className="cites" aria-label={label}>
      {ids.map((id) => <li key={id}><CitationButton id={id} /></li>)}
    </ul>
  );
}
