/**
 * The evidence options panel beside the case form. It receives the facts that are valid right now, so the
 * panel evaluates live as the case is typed (see components/evidence/).
 */
import type { CaseFacts } from '../../shared/facts/facts';
import { OptionsPanel } from './evidence/OptionsPanel';

export interface OptionsPanelSlotProps {
  facts: CaseFacts;
}

export function OptionsPanelSlot({ facts }: OptionsPanelSlotProps) {
  return <OptionsPanel facts={facts} />;
}
