/** The strength of an option: a mark, a word and a colour (never colour alone). */
import type { Strength } from '../../../shared/engine';
import { STRENGTH_INFO } from '../../../shared/vocabulary';

export function StrengthBadge({ strength }: { strength: Strength }) {
  const info = STRENGTH_INFO[strength];
  return (
    <span className={`strength strength-${strength}`} data-strength={strength} title={info.description}>
      <span aria-hidden="true" className="strength-mark">{info.mark}</span> {info.label}
    </span>
  );
}
