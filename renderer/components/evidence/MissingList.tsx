/** The facts the engine needs: a to-do list whose items move focus to the field in the case form. */
import { useState } from 'react';
import { factLabel, focusFact, isFactKey, whereShown } from './focusField';
import { codesIn, engineTextInWords, humanise } from '../../../shared/vocabulary';

export interface MissingFact { field: string; why: string }

/** The engine lists the most consequential facts first; the rest wait behind "Show all". */
export const MISSING_SHOWN_FIRST = 8;

export function MissingList({ missing }: { missing: readonly MissingFact[] }) {
  const [note, setNote] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  if (missing.length === 0) {
    return (
      <section className="ev-section" aria-labelledby="missing-title">
        <h3 id="missing-title" className="ev-heading">Facts to complete</h3>
        <p className="muted small">Nothing missing that would change an option or a warning.</p>
      </section>
    );
  }
  const go = (field: string): void => {
    if (!isFactKey(field)) return;
    if (focusFact(field)) { setNote(null); return; }
    const where = whereShown(field);
    setNote(`${factLabel(field)} is not on the form right now${where ? ` (${where})` : ''}.`);
    focusFact('primary_tumor');
  };
  return (
    <section className="ev-section" aria-labelledby="missing-title">
      <h3 id="missing-title" className="ev-heading">Facts to complete <span className="count">{missing.length}</span></h3>
      <p className="muted small">Unknown facts that would change an option or a warning.</p>
      {note ? <p className="small note" role="status">{note}</p> : null}
      <ul className="todo">
        {(all ? missing : missing.slice(0, MISSING_SHOWN_FIRST)).map((m) => (
          <li key={m.field} data-missing={m.field}>
            <span aria-hidden="true" className="todo-box">☐</span>
            <div>
              {isFactKey(m.field)
                ? <button type="button" className="link todo-link" onClick={() => go(m.field)}>{factLabel(m.field)}</button>
                : <strong>{humanise(m.field)}</strong>}
              <p className="todo-why small" title={codesIn(m.why).join(', ')}>{engineTextInWords(m.why)}</p>
            </div>
          </li>
        ))}
      </ul>
      {missing.length > MISSING_SHOWN_FIRST ? (
        <button type="button" className="link more" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? `Show the first ${MISSING_SHOWN_FIRST} only` : `Show all ${missing.length} facts to complete`}
        </button>
      ) : null}
    </section>
  );
}
