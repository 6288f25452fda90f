/**
 * The calculated scores (EVIDENCE.md section 3) with their units and published sources; a dash where an input is
 * missing. For HCC the derived BCLC stage stands beside the entered one, and a difference is flagged (the entered
 * stage is the one the rules use, EVIDENCE.md 2.1 point 7).
 */
import type { EngineDerived } from '../../../shared/engine';
import { DERIVED_ROWS, FACT_VOCABULARY } from '../../../shared/vocabulary';

const CRITERION: Readonly<Record<string, string>> = { within: 'within', beyond: 'beyond' };
const stageLabel = (s: string): string => FACT_VOCABULARY.bclc_stage.values?.[s] ?? s;

function shown(key: keyof EngineDerived, value: string | number): string {
  if (key === 'albi_score' && typeof value === 'number') return value.toFixed(2);
  if (key === 'bclc_stage_derived') return stageLabel(String(value));
  if (key === 'milan' || key === 'ucsf' || key === 'up_to_seven') return CRITERION[String(value)] ?? String(value);
  return String(value);
}

export function DerivedScores({ derived, enteredBclc }: { derived: EngineDerived; enteredBclc?: string | null }) {
  const derivedStage = derived.bclc_stage_derived ?? null;
  const mismatch = enteredBclc != null && derivedStage !== null && enteredBclc !== derivedStage;
  return (
    <section className="ev-section" aria-labelledby="derived-title">
      <h3 id="derived-title" className="ev-heading">Scores</h3>
      <dl className="derived">
        {DERIVED_ROWS.map((row) => {
          // Snapshots written before a score existed lack its key: shown like a missing input.
          const value = derived[row.key] ?? null;
          return (
            <div key={row.key} className="derived-row" data-derived={row.key}>
              <dt>{row.label}</dt>
              <dd>
                {value === null ? <span className="muted" title="an input is missing">— <span className="visually-hidden">not calculated: an input is missing</span></span>
                  : <><strong>{shown(row.key, value)}</strong>{row.unit ? <span className="muted small"> {row.unit}</span> : null}</>}
                {row.key === 'bclc_stage_derived' && enteredBclc != null ? (
                  <span className="small" data-bclc-entered={enteredBclc}> · entered: <strong>{stageLabel(enteredBclc)}</strong></span>
                ) : null}
                <span className="muted small derived-source"> — {row.source}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      {mismatch ? (
        <p className="banner warn" role="alert" data-bclc-mismatch="">
          <strong>BCLC stage mismatch:</strong> entered {stageLabel(enteredBclc)}, derived from the facts {stageLabel(derivedStage)}. The rules use the
          entered stage; check the facts or the stage.
        </p>
      ) : null}
    </section>
  );
}
