/**
 * The small declarative language the rules are written in. A condition is plain data; `describe` renders it
 * for a reader, `readsOf` lists the facts it reads (for `missing`), and interpreter.ts compiles it once at load.
 *
 * Three-valued logic (EVIDENCE.md 2.1 "Precedence and defaults" 1): a comparison on an unknown fact is
 * UNKNOWN; a row or gate applies only when its condition is TRUE, and the unknown facts that kept it from being
 * decided go into `missing`. `notTrue(x)` / `notHolds(c)` hold when x is false or unknown ("X not true").
 * `unknownOr(c)` holds when c holds or cannot be decided ("unknown counts as the risky value").
 */
import type { CaseFacts, CaseFactKey } from '../../facts/facts';
import type { FlagWord, OptionWord, Strength } from '../vocabulary';

/** Values the engine derives before rules run; conditions may read them like facts. */
export interface DerivedFacts {
  child_pugh_score: number | null;
  child_pugh_class: 'A' | 'B' | 'C' | null;
  /** Glass: 50 × planned_activity_gbq × LSF/100 per 1 kg lung. */
  lung_dose_gy: number | null;
  /** lung_dose_gy + prior_lung_dose_gy (prior counts 0 when prior_y90 is false). */
  lung_dose_cumulative_gy: number | null;
  // Added 2026-12 (EVIDENCE.md 2.1 points 7, 8, 13; calculators 3.12–3.14).
  /** 3.12, HCC only. */
  bclc_stage_derived: BclcStageWord | null;
  /** Point 7: `bclc_stage` when entered, else `bclc_stage_derived`. Rows that name a BCLC stage read this. */
  bclc_stage_effective: BclcStageWord | null;
  /** HCC with `bclc_stage` entered: true when the derived stage differs; null when it cannot be derived. */
  bclc_stage_mismatch: boolean | null;
  /** Input V of 3.12 (vascular invasion), HCC only. */
  vascular_invasion: boolean | null;
  milan: CriterionWord | null;
  ucsf: CriterionWord | null;
  up_to_seven: CriterionWord | null;
  /** 3.14, colorectal only (no rule reads it). */
  fong_score: number | null;
  /** Point 8: the effective resectability facts. */
  resectable_effective: boolean | null;
  ablatable_effective: boolean | null;
  resectable_or_ablatable_effective: boolean | null;
}
export type BclcStageWord = '0' | 'A' | 'B' | 'C' | 'D';
export type CriterionWord = 'within' | 'beyond';
export type DerivedKey = keyof DerivedFacts;
export type FieldName = CaseFactKey | DerivedKey;

type Scalar = string | number | boolean;
type ValueOf<K extends FieldName> = K extends CaseFactKey ? NonNullable<CaseFacts[K]> : K extends DerivedKey ? NonNullable<DerivedFacts[K]> : never;

export type CompareOp = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';
export type Cond =
  | { readonly kind: 'all'; readonly of: readonly Cond[] }
  | { readonly kind: 'any'; readonly of: readonly Cond[] }
  | { readonly kind: 'notHolds'; readonly of: Cond }
  | { readonly kind: 'unknownOr'; readonly of: Cond }
  | { readonly kind: 'cmp'; readonly field: FieldName; readonly op: CompareOp; readonly value: Scalar | readonly Scalar[] }
  /** A safety gate fired (its condition is TRUE). */
  | { readonly kind: 'gate'; readonly gate: string }
  /** An applicable row of the primary tumour's section shows this option (read after the other rows). */
  | { readonly kind: 'proposed'; readonly option: OptionWord };

export const all = (...of: Cond[]): Cond => ({ kind: 'all', of });
export const any = (...of: Cond[]): Cond => ({ kind: 'any', of });
export const notHolds = (of: Cond): Cond => ({ kind: 'notHolds', of });
export const unknownOr = (of: Cond): Cond => ({ kind: 'unknownOr', of });
export const eq = <K extends FieldName>(field: K, value: ValueOf<K>): Cond => ({ kind: 'cmp', field, op: 'eq', value: value as Scalar });
export const oneOf = <K extends FieldName>(field: K, values: readonly ValueOf<K>[]): Cond => ({ kind: 'cmp', field, op: 'in', value: values as readonly Scalar[] });
export const gt = (field: FieldName, value: number): Cond => ({ kind: 'cmp', field, op: 'gt', value });
export const gte = (field: FieldName, value: number): Cond => ({ kind: 'cmp', field, op: 'gte', value });
export const lt = (field: FieldName, value: number): Cond => ({ kind: 'cmp', field, op: 'lt', value });
export const lte = (field: FieldName, value: number): Cond => ({ kind: 'cmp', field, op: 'lte', value });
export const isTrue = (field: CaseFactKey): Cond => eq(field, true as never);
export const isFalse = (field: CaseFactKey): Cond => eq(field, false as never);
/** "X not true": holds when X is false or unknown. */
export const notTrue = (field: CaseFactKey): Cond => notHolds(isTrue(field));
export const gateFired = (gate: string): Cond => ({ kind: 'gate', gate });
export const proposed = (option: OptionWord): Cond => ({ kind: 'proposed', option });

/**
 * One step of a graded strength inside a row (2.1 point 9): the option takes the strength of the first step whose
 * condition holds, left to right; a step without `if` always holds. A condition on an unknown fact does not hold
 * (its facts go into `missing`) and the next step is tried; when no step can hold the option is not shown.
 */
export interface RuleStep {
  readonly if?: Cond;
  /** null = not shown when this step is reached. */
  readonly strength: Strength | null;
  readonly rationale: string;
  readonly conflicts?: readonly string[];
  /** The conflicts are shown only when this also holds (read silently: it never changes a strength). */
  readonly conflictsIf?: Cond;
}

/** An option with a graded strength (several steps). */
export interface RuleLadder {
  readonly option: OptionWord;
  readonly steps: readonly RuleStep[];
  readonly prevailsOverConsider?: boolean;
}

/** One option a rule row shows: a single strength (optionally under `if`/`else`) or a ladder of steps. */
export type RuleOption = RuleSimpleOption | RuleLadder;

export interface RuleSimpleOption {
  readonly option: OptionWord;
  /** Strength when `if` holds (or always, without `if`); null = not shown when `if` holds. */
  readonly strength: Strength | null;
  readonly rationale: string;
  /** Per-option condition inside the row (e.g. EPOCH eligibility in R-CRC-03). */
  readonly if?: Cond;
  /** Strength when `if` does not hold (false or unknown); without it the option is not shown then. */
  readonly else?: Strength;
  readonly elseRationale?: string;
  /** This row's `recommended` wins over `consider` from any other row (LU177_PRRT from R-NET-08). */
  readonly prevailsOverConsider?: boolean;
  readonly conflicts?: readonly string[];
}

/** A line added to the rationale of the named options when its condition holds (e.g. EPOCH subgroups). */
export interface RuleNote {
  readonly if: Cond; readonly text: string; readonly options: readonly OptionWord[];
  /** Shown whichever step set the strength (default: only with the option's first step). */
  readonly anyStep?: boolean;
}

export type RuleSection = 'colorectal' | 'neuroendocrine' | 'hcc' | 'other';

/** A disease row of EVIDENCE.md 2.3–2.6. Several entries may share an id where the row has variants. */
export interface Rule {
  readonly id: string;
  readonly section: RuleSection;
  /** The situation in words, as EVIDENCE.md states it. */
  readonly situation: string;
  readonly when: Cond;
  readonly options: readonly RuleOption[];
  readonly notes?: readonly RuleNote[];
  readonly evidence: readonly string[];
}

/** The steps of any option form: `if`/`else` is a two-step ladder, a plain option one step. */
export function stepsOf(o: RuleOption): readonly RuleStep[] {
  if ('steps' in o) return o.steps;
  if (!o.if) return [{ strength: o.strength, rationale: o.rationale, conflicts: o.conflicts }];
  return [
    { if: o.if, strength: o.strength, rationale: o.rationale, conflicts: o.conflicts },
    { strength: o.else ?? null, rationale: o.elseRationale ?? o.rationale, conflicts: o.conflicts },
  ];
}

/** One effect of a safety gate (2.2). A gate fires when any of its parts holds. */
export interface GatePart {
  readonly when: Cond;
  /** Options this part caps (or warns on). */
  readonly targets: readonly OptionWord[];
  /** Strength cap; null = warning only (dosimetry advice, activity reduction). */
  readonly cap: Strength | null;
  /** BEST_SUPPORTIVE_CARE added at this strength (S-PS, S-CHILD-C, S-LIVER-IMPAIRED). */
  readonly addsSupportiveCare?: Strength;
  /** What the part says, one line (shown as the reason or warning). */
  readonly text: string;
}

export interface Gate {
  readonly id: string;
  readonly situation: string;
  readonly parts: readonly GatePart[];
  readonly rationale: string;
  readonly evidence: readonly string[];
}

export interface FlagRule { readonly flag: FlagWord; readonly when: Cond; readonly text: string }

export interface Conflict {
  readonly id: string;
  readonly summary: string;
  readonly sides: readonly { readonly position: string; readonly evidence: readonly string[] }[];
}

const OP_TEXT: Record<CompareOp, string> = { eq: 'is', in: 'is one of', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/** Render a condition for a reader: `primary_tumor is colorectal and ecog ≤ 1`. */
export function describe(c: Cond): string {
  switch (c.kind) {
    case 'all': return c.of.map((x) => (x.kind === 'any' ? `(${describe(x)})` : describe(x))).join(' and ');
    case 'any': return c.of.map((x) => (x.kind === 'all' ? `(${describe(x)})` : describe(x))).join(' or ');
    case 'notHolds': return c.of.kind === 'cmp' && c.of.op === 'eq' && c.of.value === true ? `${c.of.field} not true` : `not (${describe(c.of)})`;
    case 'unknownOr': return `(${describe(c.of)}, or unknown)`;
    case 'cmp': return `${c.field} ${OP_TEXT[c.op]} ${Array.isArray(c.value) ? `(${(c.value as readonly Scalar[]).join(', ')})` : String(c.value)}`;
    case 'gate': return `gate ${c.gate} fires`;
    case 'proposed': return `a row shows ${c.option}`;
  }
}

/** Facts and derived values a condition reads (not following gate references). */
export function readsOf(c: Cond, into: Set<FieldName> = new Set()): Set<FieldName> {
  switch (c.kind) {
    case 'all': case 'any': c.of.forEach((x) => readsOf(x, into)); break;
    case 'notHolds': case 'unknownOr': readsOf(c.of, into); break;
    case 'cmp': into.add(c.field); break;
    case 'gate': case 'proposed': break;
  }
  return into;
}
