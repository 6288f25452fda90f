/** All rule data in one place: disease rows by section, gates, flags and conflicts. */
import type { PrimaryTumor } from '../../facts/facts';
import { COLORECTAL_RULES } from './colorectal';
import { readsOf, stepsOf } from './dsl';
import type { FieldName, Rule } from './dsl';
import { FLAG_RULES as FLAGS_FOR_READS } from './flags';
import { GATES as GATES_FOR_READS } from './gates';
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

/**
 * Which facts (and derived values) each row, gate and flag reads, keyed by its id or flag word: the inputs the
 * UI can link a `missing` entry or a rule card to. Row entries include the per-option and note conditions.
 */
export const RULE_READS: ReadonlyMap<string, readonly FieldName[]> = new Map<string, readonly FieldName[]>([
  ...DISEASE_RULES.map((r): [string, FieldName[]] => {
    const s = readsOf(r.when);
    for (const o of r.options) for (const st of stepsOf(o)) if (st.if) readsOf(st.if, s);
    for (const n of r.notes ?? []) readsOf(n.if, s);
    return [r.id, [...s]];
  }),
  ...GATES_FOR_READS.map((g): [string, FieldName[]] => {
    const s = new Set<FieldName>();
    for (const p of g.parts) readsOf(p.when, s);
    return [g.id, [...s]];
  }),
  ...FLAGS_FOR_READS.map((f): [string, FieldName[]] => [f.flag, [...readsOf(f.when)]]),
]);
