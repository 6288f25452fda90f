/** The calculated scores (EVIDENCE.md section 3) with their units; a dash where an input is missing. */
import type { EngineDerived } from '../../../shared/engine';
import { DERIVED_ROWS } from '../../../shared/vocabulary';

export function DerivedScores({ derived }: { derived: EngineDerived }) {
  return (
    <section className="ev-section" aria-labelledby="derived-title">
      <h3 id="derived-title" className="ev-heading">Scores</h3>
      <dl className="derived">
        {DERIVED_ROWS.map((row) => {
          const value = derived[row.key];
          return (
            <div key={row.key} className="derived-row" data-derived={row.key}>
              <dt>{row.label}</dt>
              <dd>
                {value === null ? <span className="muted" title="an input is missing">— <span className="visually-hidden">not calculated: an input is missing</span></span>
                  : <><strong>{typeof value === 'number' && row.key === 'albi_score' ? value.toFixed(2) : String(value)}</strong>{row.unit ? <span className="muted small"> {row.unit}</span> : null}</>}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="muted small">Calculated by the engine from the facts (EVIDENCE.md section 3).</p>
    </section>
  );
}
