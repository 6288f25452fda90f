/**
 * The evidence options for the case being edited: evaluated in the renderer with the shared engine on every
 * change of the valid facts (and so at once after a save). Warnings, options with strength, rationale, rules,
 * citations and conflicts, the facts still to complete, the scores, Y-90 dosimetry, versions and disclaimer.
 */
import type { CaseFacts } from '../../../shared/facts/facts';
import { DISCLAIMER, STRENGTH_NOTICE, Y90_FAMILY, type EngineOutput } from '../../../shared/engine';
import { DerivedScores } from './DerivedScores';
import { EvidenceDialogProvider } from './EvidenceDialog';
import { FlagList } from './FlagList';
import { factLabel, focusFact, isFactKey } from './focusField';
import { MissingList } from './MissingList';
import { OptionItem } from './OptionItem';
import { useEvaluation } from './useEvaluation';
import { Y90Dosimetry } from './Y90Dosimetry';

const Y90_WORDS: ReadonlySet<string> = new Set(Y90_FAMILY);
const Y90_FACTS = ['lung_shunt_fraction_pct', 'planned_device', 'planned_activity_gbq', 'prior_lung_dose_gy'] as const;

export function OptionsPanel({ facts }: { facts: CaseFacts }) {
  const evaluation = useEvaluation(facts);
  return (
    <EvidenceDialogProvider>
      <aside className="options-panel" aria-labelledby="options-title" data-slot="options-panel">
        <h2 id="options-title">Evidence options</h2>
        {evaluation.ok ? <Result facts={facts} evaluation={evaluation.output} /> : (
          <div className="banner error" role="alert" data-blocked-by={evaluation.field ?? ''}>
            <p><strong>The options cannot be evaluated.</strong>{' '}
              {evaluation.field && isFactKey(evaluation.field) ? (
                <>The field <button type="button" className="link inline" onClick={() => { if (evaluation.field && isFactKey(evaluation.field)) focusFact(evaluation.field); }}>
                  {factLabel(evaluation.field)}</button> blocks evaluation: {evaluation.message}.</>
              ) : <>{evaluation.field ? <>The field <code>{evaluation.field}</code> blocks evaluation: </> : null}{evaluation.message}.</>}
            </p>
          </div>
        )}
        <p className="disclaimer" role="note">{evaluation.ok ? evaluation.output.disclaimer : DISCLAIMER} <span data-strength-notice="">{STRENGTH_NOTICE}</span></p>
      </aside>
    </EvidenceDialogProvider>
  );
}

function Result({ facts, evaluation }: { facts: CaseFacts; evaluation: EngineOutput }) {
  const { options, flags, missing, derived } = evaluation;
  const known = Object.values(facts).filter((v) => v !== null && v !== undefined).length;
  const showsY90 = options.some((o) => Y90_WORDS.has(o.option)) || Y90_FACTS.some((k) => facts[k] != null);
  return (
    <>
      <p className="muted small versions">
        Evaluated from {known} clinical {known === 1 ? 'fact' : 'facts'} entered · engine <span data-version="engine">{evaluation.engine_version}</span> · catalogue <span data-version="catalogue">{evaluation.catalogue_version}</span>
      </p>
      <FlagList flags={flags} />
      <section className="ev-section" aria-labelledby="options-list-title">
        <h3 id="options-list-title" className="ev-heading">Options <span className="count">{options.length}</span></h3>
        {options.length === 0 ? (
          <p className="muted small">No option yet: {facts.primary_tumor == null
            ? <>the rules start from the <button type="button" className="link inline" onClick={() => focusFact('primary_tumor')}>primary tumour</button>.</>
            : 'no rule applies to these facts; see the facts to complete below.'}</p>
        ) : (
          <ol className="options">
            {options.map((o) => <OptionItem key={o.option} option={o} />)}
          </ol>
        )}
      </section>
      <MissingList missing={missing} />
      <DerivedScores derived={derived} enteredBclc={facts.primary_tumor === 'hcc' ? facts.bclc_stage ?? null : null} />
      {showsY90 ? <Y90Dosimetry facts={facts} /> : null}
    </>
  );
}
