/** An evidence id as a button that opens its card; the short name is in the accessible name and the tooltip. */
import { getEvidence } from '../../../shared/engine';
import { useOpenEvidence } from './EvidenceDialog';

export function CitationButton({ id }: { id: string }) {
  const open = useOpenEvidence();
  const record = getEvidence(id);
  const name = record ? `${id}: ${record.short_name}` : `${id} (not in the catalogue)`;
  return (
    <button type="button" className="cite" onClick={() => open(id)} title={name} aria-label={`Evidence ${name}`}
      aria-haspopup="dialog" data-evidence-id={id}>
      {id}
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
