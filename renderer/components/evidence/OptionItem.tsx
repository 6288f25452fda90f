/**
 * One engine option: its label and strength badge, the rationale in words, its citations (named by study) and its
 * conflicts. The option word and the rule ids behind it are codes: shown only on demand ("Rule codes").
 */
import type { EngineConflict, EngineOption } from '../../../shared/engine';
import { CitationList } from './CitationButton';
import { OPTION_LABELS, engineTextInWords } from '../../../shared/vocabulary';
import { StrengthBadge } from './StrengthBadge';

export function OptionItem({ option }: { option: EngineOption }) {
  const headingId = `opt-${option.option}`;
  const label = OPTION_LABELS[option.option];
  return (
    <li className={`option option-${option.strength}`} data-option={option.option} data-strength={option.strength} aria-labelledby={headingId}>
      <div className="option-head">
        <h3 id={headingId} className="option-title">{label}</h3>
        <StrengthBadge strength={option.strength} />
      </div>
      <p className="rationale">{engineTextInWords(option.rationale)}</p>
      <CitationList ids={option.evidence} label={`Evidence for ${label}`} />
      {option.conflicts.length > 0 ? (
        <div className="conflicts">
          {option.conflicts.map((c) => <ConflictBlock key={c.id} conflict={c} />)}
        </div>
      ) : null}
      <RuleCodes codes={[option.option, ...option.rules]} />
    </li>
  );
}

/** Codes for the specialist who traces a result to the catalogue: folded away, never the text. */
export function RuleCodes({ codes, summary = 'Rule codes' }: { codes: readonly string[]; summary?: string }) {
  if (codes.length === 0) return null;
  return (
    <details className="rule-codes small">
      <summary>{summary}</summary>
      <p className="rule-ids">{codes.map((r, i) => <span key={r}>{i > 0 ? ', ' : ''}<code>{r}</code></span>)}</p>
    </details>
  );
}

/** Where sources disagree: both (all) sides with their evidence and the one-line disagreement, always shown. */
export function ConflictBlock({ conflict }: { conflict: EngineConflict }) {
  const summary = engineTextInWords(conflict.summary);
  return (
    <section className="conflict" aria-label={`Sources disagree: ${summary}`} data-conflict={conflict.id}>
      <p className="conflict-head"><span aria-hidden="true">⇄</span> <strong>Sources disagree</strong></p>
      <p className="conflict-summary">{summary}</p>
      <ul className="conflict-sides">
        {conflict.sides.map((side) => (
          <li key={side.position}>
            <span>{engineTextInWords(side.position)}</span>
            <CitationList ids={side.evidence} label={`Evidence for: ${engineTextInWords(side.position)}`} />
          </li>
        ))}
      </ul>
      <RuleCodes codes={[conflict.id]} summary="Conflict code" />
    </section>
  );
}
