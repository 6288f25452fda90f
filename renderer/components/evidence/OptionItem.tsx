/** One engine option: label and word, strength badge, rationale, the rules that set it, its citations, its conflicts. */
import type { EngineConflict, EngineOption } from '../../../shared/engine';
import { CitationList } from './CitationButton';
import { OPTION_LABELS } from '../../../shared/vocabulary';
import { StrengthBadge } from './StrengthBadge';

export function OptionItem({ option }: { option: EngineOption }) {
  const headingId = `opt-${option.option}`;
  return (
    <li className={`option option-${option.strength}`} data-option={option.option} data-strength={option.strength} aria-labelledby={headingId}>
      <div className="option-head">
        <h3 id={headingId} className="option-title">
          {OPTION_LABELS[option.option]} <code className="word">{option.option}</code>
        </h3>
        <StrengthBadge strength={option.strength} />
      </div>
      <p className="rationale">{option.rationale}</p>
      <p className="rule-ids small">
        <span className="muted">{option.rules.length === 1 ? 'Rule' : 'Rules'}: </span>
        {option.rules.map((r, i) => <span key={r}>{i > 0 ? ', ' : ''}<code>{r}</code></span>)}
      </p>
      <CitationList ids={option.evidence} label={`Evidence for ${option.option}`} />
      {option.conflicts.length > 0 ? (
        <div className="conflicts">
          {option.conflicts.map((c) => <ConflictBlock key={c.id} conflict={c} />)}
        </div>
      ) : null}
    </li>
  );
}

/** Where sources disagree: both (all) sides with their evidence and the one-line disagreement, always shown. */
export function ConflictBlock({ conflict }: { conflict: EngineConflict }) {
  return (
    <section className="conflict" aria-label={`Conflict ${conflict.id}`} data-conflict={conflict.id}>
      <p className="conflict-head"><span aria-hidden="true">⇄</span> <strong>Sources disagree</strong> <code>{conflict.id}</code></p>
      <p className="conflict-summary">{conflict.summary}</p>
      <ul className="conflict-sides">
        {conflict.sides.map((side) => (
          <li key={side.position}>
            <span>{side.position}</span>
            <CitationList ids={side.evidence} label={`Evidence for this side of ${conflict.id}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
