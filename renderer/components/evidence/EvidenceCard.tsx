/** One catalogue entry as a card: citation, design, population, key numbers as published, provenance. */
import { formatCitation, type EvidenceRecord } from '../../../shared/engine';
import { EVIDENCE_KIND_LABELS, PROVENANCE_INFO } from '../../../shared/vocabulary';

export interface EvidenceCardProps {
  record: EvidenceRecord;
  /** Id prefix for the card's headings, so several cards on a page stay unique. */
  idPrefix: string;
  /** The heading level of the card's title (the library nests cards under its own heading). */
  titleLevel?: 2 | 3;
  titleId?: string;
  /** Keep the title for assistive technology only (the library's toggle already shows it). */
  hideTitle?: boolean;
}

export function EvidenceCard({ record, idPrefix, titleLevel = 2, titleId, hideTitle = false }: EvidenceCardProps) {
  const Title = titleLevel === 2 ? 'h2' : 'h3';
  const Sub = titleLevel === 2 ? 'h3' : 'h4';
  const c = record.citation;
  return (
    <article className="evidence-card" aria-labelledby={titleId ?? `${idPrefix}-title`} data-evidence-id={record.id}>
      <Title id={titleId ?? `${idPrefix}-title`} className={hideTitle ? 'evidence-card-title visually-hidden' : 'evidence-card-title'}>
        <code className="ev-id">{record.id}</code> {record.short_name}
      </Title>
      <p className="evidence-kind">
        <span className="kind-tag">{EVIDENCE_KIND_LABELS[record.kind]}</span>
        {record.year !== null ? <span>{record.year}</span> : null}
      </p>
      <dl className="evidence-facts">
        <dt>Citation</dt>
        <dd>
          {formatCitation(record)}
          {c.title && c.journal ? <span className="muted"> “{c.title}”</span> : null}
          {c.url ? <span className="ev-url muted small"> {c.url}</span> : null}
        </dd>
        <dt>Design</dt>
        <dd>{record.design}</dd>
        <dt>Population</dt>
        <dd>{record.population}</dd>
        {record.comparison ? (<><dt>Comparison</dt><dd>{record.comparison}</dd></>) : null}
      </dl>
      <Sub className="evidence-sub">Key numbers (as published)</Sub>
      <ul className="key-numbers">
        {record.key_numbers.map((line) => <li key={line}>{line}</li>)}
      </ul>
      {record.seed_discrepancies && record.seed_discrepancies.length > 0 ? (
        <>
          <Sub className="evidence-sub">Where the 2018/19 narrative review differs (published values used)</Sub>
          <ul className="key-numbers">
            {record.seed_discrepancies.map((line) => <li key={line}>{line}</li>)}
          </ul>
        </>
      ) : null}
      <Sub className="evidence-sub">Provenance</Sub>
      <ul className="provenance" aria-label="Provenance tags">
        {record.provenance.map((tag) => (
          <li key={tag}><span className={`prov-tag prov-${tag}`}>{tag}</span> {PROVENANCE_INFO[tag]}</li>
        ))}
      </ul>
      <p className="muted small">{record.provenance_note}</p>
    </article>
  );
}
