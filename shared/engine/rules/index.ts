/** All rule data in one place: disease rows by section, gates, flags and conflicts. */
import type { PrimaryTumor } from '../../domain/facts';
import { COLORECTAL_RULES } from './colorectal';
import type { Rule } from './dsl';
import { HCC_RULES } from './hcc';
import { NEUROENDOCRINE_RULES } from './neuroendocrine';
import { OTHER_RULES } from './other';

export { CONFLICTS, CONFLICTS_BY_ID } from './conflicts';
export { FLAG_RULES } from './flags';
export { GATES } from './gates';
export * from './dsl';

export const DISEASE_RULES: readonly Rule[] = [...COLORECTAL_RULES, ...NEUROENDOCRINE_RULES, ...HCC_RULES, ...OTHER_RULES];

/** Which section's rows apply to a primary tumour (2.3–2.6). */
export const RULES_BY_PRIMARY: Readonly<Record<PrimaryTumor, readonly Rule[]>> = {
  colorectal: COLORECTAL_RULES,
  neuroendocrine: NEUROENDOCRINE_RULES,
  hcc: HCC_RULES,
  breast: OTHER_RULES, melanoma: OTHER_RULES, uveal_melanoma: OTHER_RULES, sarcoma: OTHER_RULES, lung: OTHER_RULES,
  pancreatic_adenocarcinoma: OTHER_RULES, cholangiocarcinoma: OTHER_RULES, other: OTHER_RULES,
};
