/**
 * The slot for the evidence options panel (shared/engine/, being written separately). It receives the
 * facts that are valid right now, so the panel can evaluate live as the case is typed. Replace the body of
 * this component with the panel; the case view already lays it out beside the form.
 */
import type { CaseFacts } from '../../shared/domain/facts';

export interface OptionsPanelSlotProps {
  facts: CaseFacts;
}

export function OptionsPanelSlot({ facts }: OptionsPanelSlotProps) {
  const known = Object.values(facts).filter((v) => v !== null && v !== undefined).length;
  return (
    <aside className="options-slot" aria-labelledby="options-title" data-slot="options-panel">
      <h2 id="options-title">Evidence options</h2>
      <p className="muted">The options the published evidence supports for this case will be shown here.</p>
      <p className="muted small">{known} clinical {known === 1 ? 'fact' : 'facts'} entered.</p>
    </aside>
  );
}
