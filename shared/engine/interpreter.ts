/**
 * The small interpreter that applies the rule data (rules/*) to one case. Everything the data says is
 * compiled once, at module load, into closures; a call allocates only what it returns.
 *
 * Combination, exactly as EVIDENCE.md 2.1 "Precedence and defaults":
 *  1. A row or gate applies when its condition is TRUE (three-valued; see rules/dsl.ts). Undecided conditions
 *     put their unknown facts into `missing`.
 *  2. Disease rows propose; each firing gate caps the options of its family that a row shows; the final
 *     strength is the least favourable of the row strength and every cap. Gates add no options, except
 *     BEST_SUPPORTIVE_CARE (S-PS, S-CHILD-C, S-LIVER-IMPAIRED).
 *  3. Two rows on one option: the less favourable wins, except LU177_PRRT `recommended` from R-NET-08 wins over
 *     `consider`, and BEST_SUPPORTIVE_CARE takes the most favourable strength of any row or gate.
 *  4. A Y-90-only or TACE/TAE-only gate does not lower LIVER_DIRECTED_ANY: it adds a warning (and its citations).
 *  5. An option cites every id of every row that shows it and of every gate that fires for it.
 */
import { CASE_FACT_KEYS } from '../facts/facts';
import type { CaseFacts } from '../facts/facts';
import { CONFLICTS_BY_ID, DISEASE_RULES, FLAG_RULES, GATES, RULES_BY_PRIMARY, describe, stepsOf } from './rules';
import { deriveBclcStage, pushVascularInvasionInputs } from './calculators/bclc';
import { milanCriteria, ucsfCriteria, upToSevenCriteria } from './calculators/transplantCriteria';
import type { Cond, Conflict, DerivedFacts, DerivedKey, FieldName, Gate, GatePart, Rule, RuleOption } from './rules';
import { OPTION_WORDS, STRENGTHS, TACE_FAMILY, TAE_FAMILY, Y90_FAMILY } from './vocabulary';
import type { FlagWord, OptionWord, Strength } from './vocabulary';

/** 0 = false, 1 = true, 2 = unknown. */
type Tri = 0 | 1 | 2;
/** Unknown facts (unk) and facts assumed risky (asm) met while deciding a condition; stacks with explicit tops. */
/** Field numbers (FIELD_INDEX) rather than names: the hot path compares and copies small integers. */
interface Trace { unk: Int32Array; nu: number; asm: Int32Array; na: number }
interface Ctx {
  f: CaseFacts;
  /** Facts and derived values by field index (FIELD_INDEX): one monomorphic array read per comparison. */
  v: unknown[];
  d: DerivedFacts;
  gateRes: Tri[];
  gateUnk: Int32Array[];
  gateAsm: Int32Array[];
  shown: boolean[];
}
type Compiled = (c: Ctx, t: Trace) => Tri;

const OPTION_INDEX = new Map<OptionWord, number>(OPTION_WORDS.map((o, i) => [o, i]));
const idx = (o: OptionWord): number => OPTION_INDEX.get(o) as number;
const rank = (s: Strength): number => STRENGTHS.indexOf(s);
const BSC = idx('BEST_SUPPORTIVE_CARE');
const LDA = idx('LIVER_DIRECTED_ANY');
const CONSIDER = rank('consider');

// ---- derived values read by conditions: which facts make them unknown ----
const CP_INPUTS = ['bilirubin_mg_dl', 'albumin_g_dl', 'inr', 'ascites', 'encephalopathy'] as const;
const SCRATCH: string[] = [];
function pushAll(from: string[], t: Trace): void {
  for (let i = 0; i < from.length; i++) t.unk[t.nu++] = fieldNo(from[i] as string);
  from.length = 0;
}
const fieldNo = (k: string): number => FIELD_INDEX.get(k) as number;
function pushUnknownDeps(field: DerivedKey, f: CaseFacts, d: DerivedFacts, t: Trace): void {
  switch (field) {
    case 'child_pugh_score': case 'child_pugh_class':
      for (const k of CP_INPUTS) if (f[k] == null) t.unk[t.nu++] = fieldNo(k);
      return;
    case 'lung_dose_gy': case 'lung_dose_cumulative_gy':
      if (f.planned_activity_gbq == null) t.unk[t.nu++] = fieldNo('planned_activity_gbq');
      if (f.lung_shunt_fraction_pct == null) t.unk[t.nu++] = fieldNo('lung_shunt_fraction_pct');
      if (field === 'lung_dose_cumulative_gy' && f.prior_lung_dose_gy == null && f.prior_y90 !== false) t.unk[t.nu++] = fieldNo('prior_lung_dose_gy');
      return;
    // 2.1 point 7: neither entered nor derivable → the inputs the derivation lacked (and the stage itself).
    case 'bclc_stage_effective':
      if (f.primary_tumor !== 'hcc') return;
      deriveBclcStage(f, d.child_pugh_class, SCRATCH); pushAll(SCRATCH, t);
      t.unk[t.nu++] = fieldNo('bclc_stage');
      return;
    case 'bclc_stage_derived': case 'bclc_stage_mismatch':
      if (f.primary_tumor !== 'hcc') return;
      deriveBclcStage(f, d.child_pugh_class, SCRATCH); pushAll(SCRATCH, t);
      return;
    case 'vascular_invasion':
      if (f.primary_tumor === 'hcc') { pushVascularInvasionInputs(f, SCRATCH); pushAll(SCRATCH, t); }
      return;
    // 2.1 point 13: a null criterion is an unknown fact; the calculator's missing inputs go into `missing`.
    case 'milan': if (f.primary_tumor === 'hcc') { milanCriteria(f, SCRATCH); pushAll(SCRATCH, t); } return;
    case 'ucsf': if (f.primary_tumor === 'hcc') { ucsfCriteria(f, SCRATCH); pushAll(SCRATCH, t); } return;
    case 'up_to_seven': if (f.primary_tumor === 'hcc') { upToSevenCriteria(f, SCRATCH); pushAll(SCRATCH, t); } return;
    case 'fong_score': return; // 3.14: no rule reads it
    // 2.1 point 8: an unknown effective value is decided by the refined fact or by resectable_or_ablatable.
    case 'resectable_effective':
      t.unk[t.nu++] = fieldNo('resectable');
      if (f.resectable_or_ablatable == null) t.unk[t.nu++] = fieldNo('resectable_or_ablatable');
      return;
    case 'ablatable_effective':
      t.unk[t.nu++] = fieldNo('ablatable');
      if (f.resectable_or_ablatable == null) t.unk[t.nu++] = fieldNo('resectable_or_ablatable');
      return;
    case 'resectable_or_ablatable_effective':
      t.unk[t.nu++] = fieldNo('resectable_or_ablatable');
      if (f.resectable == null) t.unk[t.nu++] = fieldNo('resectable');
      if (f.ablatable == null) t.unk[t.nu++] = fieldNo('ablatable');
      return;
  }
}
/**
 * A derived value that is known but rests on a convention for an unknown fact (2.1 points 7–8, 3.12): V counts as
 * false when `macrovascular_invasion` is unknown and the portal vein is patent, bland-occluded or hepatofugal; an
 * entered `resectable_or_ablatable` true stands while its refinements are unknown. Knowing the fact could change the
 * value, so it is an assumption (it goes into `missing` when the condition's result matters).
 */
const vByConvention = (f: CaseFacts): boolean =>
  f.macrovascular_invasion == null && (f.portal_vein === 'patent' || f.portal_vein === 'bland_occlusion_main' || f.portal_vein === 'hepatofugal_flow');
const MVI = (): number => fieldNo('macrovascular_invasion');
function pushAssumedDeps(field: DerivedKey, f: CaseFacts, d: DerivedFacts, t: Trace): void {
  switch (field) {
    case 'vascular_invasion':
      if (d.vascular_invasion === false && vByConvention(f)) t.asm[t.na++] = MVI();
      return;
    case 'bclc_stage_effective': case 'bclc_stage_derived': case 'bclc_stage_mismatch': {
      if (field !== 'bclc_stage_derived' && f.bclc_stage != null) return; // the entered stage is used as is
      const st = d.bclc_stage_derived;
      // 2.1 point 7: an entered stage would replace the derived one (and could raise BCLC_STAGE_MISMATCH).
      if (field !== 'bclc_stage_derived' && st !== null) t.asm[t.na++] = fieldNo('bclc_stage');
      if ((st === '0' || st === 'A' || st === 'B') && vByConvention(f)) t.asm[t.na++] = MVI();
      return;
    }
    case 'milan': case 'ucsf': case 'up_to_seven':
      if (d[field] === 'within' && vByConvention(f)) t.asm[t.na++] = MVI();
      return;
    case 'resectable_or_ablatable_effective':
      if (d.resectable_or_ablatable_effective === true && f.resectable_or_ablatable === true && f.resectable !== true && f.ablatable !== true) {
        if (f.resectable == null) t.asm[t.na++] = fieldNo('resectable');
        if (f.ablatable == null) t.asm[t.na++] = fieldNo('ablatable');
      }
      return;
    default:
      return;
  }
}
const ASSUMING_KEYS: ReadonlySet<string> = new Set<DerivedKey>([
  'vascular_invasion', 'bclc_stage_effective', 'bclc_stage_derived', 'bclc_stage_mismatch', 'milan', 'ucsf', 'up_to_seven', 'resectable_or_ablatable_effective',
]);
const DERIVED_KEYS: ReadonlySet<string> = new Set<DerivedKey>([
  'child_pugh_score', 'child_pugh_class', 'lung_dose_gy', 'lung_dose_cumulative_gy', 'bclc_stage_derived', 'bclc_stage_effective',
  'bclc_stage_mismatch', 'vascular_invasion', 'milan', 'ucsf', 'up_to_seven', 'fong_score', 'resectable_effective', 'ablatable_effective',
  'resectable_or_ablatable_effective',
]);
export const isDerivedKey = (f: FieldName): f is DerivedKey => DERIVED_KEYS.has(f);
const DERIVED_LIST = [...DERIVED_KEYS] as DerivedKey[];
/** Field → slot in Ctx.v: the case facts first, then the derived values. */
const FIELD_INDEX = new Map<string, number>([...CASE_FACT_KEYS, ...DERIVED_LIST].map((k, i) => [k, i]));
const N_FIELDS = FIELD_INDEX.size;
const N_FACTS = CASE_FACT_KEYS.length;
const FIELD_NAMES: readonly string[] = [...CASE_FACT_KEYS, ...DERIVED_LIST];
const PRIMARY_ONLY = Int32Array.of(FIELD_INDEX.get('primary_tumor') as number);

// ---- compiling conditions ----
const GATE_INDEX = new Map<string, number>(GATES.map((g, i) => [g.id, i]));

function compile(c: Cond): Compiled {
  switch (c.kind) {
    case 'all': {
      const fs = c.of.map(compile);
      return (ctx, t) => {
        const u0 = t.nu, a0 = t.na;
        let res: Tri = 1;
        for (let i = 0; i < fs.length; i++) {
          const a1 = t.na;
          const r = (fs[i] as Compiled)(ctx, t);
          if (r === 0) {
            // Decided by this conjunct: only its assumptions matter (a false can rest on one: "not (X not true)").
            t.nu = u0;
            if (a1 > a0) { for (let k = a1; k < t.na; k++) t.asm[a0 + k - a1] = t.asm[k] as number; t.na = a0 + t.na - a1; }
            return 0;
          }
          if (r === 2) res = 2;
        }
        return res;
      };
    }
    case 'any': {
      const fs = c.of.map(compile);
      return (ctx, t) => {
        const u0 = t.nu, a0 = t.na;
        let res: Tri = 0;
        for (let i = 0; i < fs.length; i++) {
          const a1 = t.na;
          const r = (fs[i] as Compiled)(ctx, t);
          if (r === 1) {
            // Decided by this branch: only its assumptions matter.
            t.nu = u0;
            if (a1 > a0) { for (let k = a1; k < t.na; k++) t.asm[a0 + k - a1] = t.asm[k] as number; t.na = a0 + t.na - a1; }
            return 1;
          }
          if (r === 2) res = 2;
        }
        return res;
      };
    }
    case 'notHolds': {
      const f = compile(c.of);
      return (ctx, t) => {
        const u0 = t.nu;
        const r = f(ctx, t);
        if (r === 2) {
          // Holds by default: the unknown facts become assumptions.
          for (let i = u0; i < t.nu; i++) t.asm[t.na++] = t.unk[i] as number;
          t.nu = u0;
          return 1;
        }
        // Decided either way: the inner assumptions still carry the result.
        t.nu = u0;
        return r === 1 ? 0 : 1;
      };
    }
    case 'unknownOr': {
      const f = compile(c.of);
      return (ctx, t) => {
        const u0 = t.nu;
        const r = f(ctx, t);
        if (r !== 2) return r;
        for (let i = u0; i < t.nu; i++) t.asm[t.na++] = t.unk[i] as number;
        t.nu = u0;
        return 1;
      };
    }
    case 'cmp': {
      const field = c.field;
      const derived = isDerivedKey(field);
      const v0 = c.value;
      let test: (v: unknown) => boolean;
      switch (c.op) {
        case 'eq': test = (v) => v === v0; break;
        case 'in': { const set = new Set(v0 as readonly unknown[]); test = (v) => set.has(v); break; }
        case 'gt': test = (v) => (v as number) > (v0 as number); break;
        case 'gte': test = (v) => (v as number) >= (v0 as number); break;
        case 'lt': test = (v) => (v as number) < (v0 as number); break;
        case 'lte': test = (v) => (v as number) <= (v0 as number); break;
      }
      const fi = FIELD_INDEX.get(field) as number;
      if (derived && ASSUMING_KEYS.has(field)) {
        return (ctx, t) => {
          const v = ctx.v[fi];
          if (v == null) { pushUnknownDeps(field, ctx.f, ctx.d, t); return 2; }
          pushAssumedDeps(field, ctx.f, ctx.d, t);
          return test(v) ? 1 : 0;
        };
      }
      if (derived) {
        return (ctx, t) => {
          const v = ctx.v[fi];
          if (v == null) { pushUnknownDeps(field, ctx.f, ctx.d, t); return 2; }
          return test(v) ? 1 : 0;
        };
      }
      return (ctx, t) => {
        const v = ctx.v[fi];
        if (v == null) { t.unk[t.nu++] = fi; return 2; }
        return test(v) ? 1 : 0;
      };
    }
    case 'gate': {
      const gi = GATE_INDEX.get(c.gate);
      if (gi === undefined) throw new Error(`rule data: unknown gate ${c.gate}`);
      return (ctx, t) => {
        const r = ctx.gateRes[gi] as Tri;
        if (r === 2) { const u = ctx.gateUnk[gi] as Int32Array; for (let k = 0; k < u.length; k++) t.unk[t.nu++] = u[k] as number; }
        else if (r === 1) { const a = ctx.gateAsm[gi] as Int32Array; for (let k = 0; k < a.length; k++) t.asm[t.na++] = a[k] as number; }
        return r;
      };
    }
    case 'proposed': {
      const oi = idx(c.option);
      return (ctx) => (ctx.shown[oi] ? 1 : 0);
    }
  }
}

// ---- compiled tables (module load) ----
interface CompiledStep { rank: number | null; cond: Compiled | null; rationale: string; conflicts: readonly string[] | undefined; conflictsIf: Compiled | null; why: string }
interface CompiledOption { o: RuleOption; oi: number; steps: CompiledStep[]; prevails: boolean }
interface CompiledRule { rule: Rule; when: Compiled; options: CompiledOption[]; notes: { cond: Compiled; text: string; ois: number[]; anyStep: boolean }[]; why: string; asmWhy: string }
interface CompiledPart {
  part: GatePart; when: Compiled; targets: number[]; capRank: number | null; bscRank: number | null; warnsLda: boolean;
  why: string; asmWhy: string; capText: string; warnText: string; ldaWarnText: string;
}
/** `keep`: another condition reads this gate, so its trace is kept during the gate pass. */
interface CompiledGate { gate: Gate; parts: CompiledPart[]; keep: boolean }

const familyLabel = (targets: readonly OptionWord[]): string => {
  const has = (fam: readonly OptionWord[]) => fam.every((o) => targets.includes(o));
  if (targets.includes('LIVER_DIRECTED_ANY')) return 'transarterial options';
  if (has(Y90_FAMILY) && !targets.some((o) => (TACE_FAMILY as readonly string[]).includes(o))) return 'Y-90';
  if (has(TACE_FAMILY) && targets.includes('BLAND_TAE')) return 'TACE and TAE';
  if (has(TACE_FAMILY)) return 'TACE';
  return targets.join(', ');
};

const compileRule = (rule: Rule): CompiledRule => ({
  rule,
  when: compile(rule.when),
  options: rule.options.map((o) => {
    const steps = stepsOf(o);
    return {
      o, oi: idx(o.option), prevails: o.prevailsOverConsider === true,
      steps: steps.map((st, i) => {
        const next = steps[i + 1];
        return {
          rank: st.strength === null ? null : rank(st.strength), cond: st.if ? compile(st.if) : null, rationale: st.rationale,
          conflicts: st.conflicts, conflictsIf: st.conflictsIf ? compile(st.conflictsIf) : null,
          why: st.if ? `${rule.id}: ${o.option} is ${st.strength ?? 'not shown'} only if ${describe(st.if)}${next ? ` (else ${next.strength ?? 'not shown'}${next.if ? ' if further conditions hold' : ''})` : ' (else not shown)'}` : '',
        };
      }),
    };
  }),
  notes: (rule.notes ?? []).map((n) => ({ cond: compile(n.if), text: n.text, ois: n.options.map(idx), anyStep: n.anyStep === true })),
  why: `${rule.id} could apply: ${rule.situation}`,
  asmWhy: `${rule.id} assumed the value (unknown counts as "not true"): ${rule.situation}`,
});

const COMPILED_RULES = new Map<Rule, CompiledRule>(DISEASE_RULES.map((r) => [r, compileRule(r)]));
const RULES_FOR = new Map<string, CompiledRule[]>(
  Object.entries(RULES_BY_PRIMARY).map(([p, rules]) => [p, rules.filter((r) => r.options.length > 0).map((r) => COMPILED_RULES.get(r) as CompiledRule)]),
);

/** Gates that other conditions read (S-LIVER-IMPAIRED reads S-Y90-BILI, S-Y90-BURDEN, S-TACE-LIVER). */
function gateRefs(c: Cond, into: Set<string>): Set<string> {
  if (c.kind === 'gate') into.add(c.gate);
  else if (c.kind === 'all' || c.kind === 'any') for (const x of c.of) gateRefs(x, into);
  else if (c.kind === 'notHolds' || c.kind === 'unknownOr') gateRefs(c.of, into);
  return into;
}
const REFERENCED_GATES = new Set<string>();
for (const g of GATES) for (const p of g.parts) gateRefs(p.when, REFERENCED_GATES);
for (const r of DISEASE_RULES) gateRefs(r.when, REFERENCED_GATES);

const LDA_TARGETING = new Set<OptionWord>([...Y90_FAMILY, ...TACE_FAMILY, ...TAE_FAMILY]);
const COMPILED_GATES: CompiledGate[] = GATES.map((gate) => ({
  gate,
  keep: REFERENCED_GATES.has(gate.id),
  parts: gate.parts.map((part) => {
    const fam = familyLabel(part.targets);
    return {
      part, when: compile(part.when), targets: part.targets.map(idx),
      capRank: part.cap === null ? null : rank(part.cap),
      bscRank: part.addsSupportiveCare === undefined ? null : rank(part.addsSupportiveCare),
      warnsLda: !part.targets.includes('LIVER_DIRECTED_ANY') && part.targets.some((o) => LDA_TARGETING.has(o)),
      capText: `${gate.id}: ${part.text} — ${gate.rationale}`,
      warnText: `${part.text} (${gate.id})`,
      ldaWarnText: `${part.text}, applies to the ${fam} part (${gate.id})`,
      why: part.cap === 'contraindicated' ? `needed before ${fam} can be cleared: ${gate.id} (${part.text})`
        : part.cap !== null ? `could make ${fam} ${part.cap}: ${gate.id} (${part.text})`
        : `could add BEST_SUPPORTIVE_CARE: ${gate.id} (${part.text})`,
      asmWhy: `unknown, so ${gate.id} assumes the risky value (${part.text}); knowing it could lift the gate`,
    };
  }),
}));
const COMPILED_FLAGS = FLAG_RULES.map((fr) => ({
  flag: fr.flag, when: compile(fr.when),
  why: `could raise ${fr.flag} (${fr.text})`, asmWhy: `unknown counts as risky for ${fr.flag} (${fr.text}); knowing it could lower the flag`,
}));

// ---- evaluation ----
export interface OutputConflict { id: string; summary: string; sides: { position: string; evidence: string[] }[] }
export interface RuledOption {
  option: OptionWord;
  strength: Strength;
  rationale: string;
  evidence: string[];
  rules: string[];
  conflicts: OutputConflict[];
}
/** A fresh copy per output, so a caller that edits one result cannot change the next. */
const copyConflict = (c: Conflict): OutputConflict => ({ id: c.id, summary: c.summary, sides: c.sides.map((s) => ({ position: s.position, evidence: [...s.evidence] })) });
export interface RuleResult { options: RuledOption[]; flags: FlagWord[]; missing: { field: string; why: string }[] }

interface Contribution { id: string; rank: number; rationale: string; prevails: boolean; evidence: readonly string[]; conflicts: readonly string[] | undefined; notes: string[] | null }

/**
 * `missing`: one entry per fact, the first reason (by priority: gates, then rows, then flags) plus the ids of
 * the other rules it would affect. Slots by field number, reused across calls (evaluation is synchronous and not
 * re-entrant); a generation stamp replaces clearing.
 */
class Missing {
  private gen = 1;
  private readonly stamp = new Int32Array(N_FIELDS);
  private readonly prio = new Int8Array(N_FIELDS);
  private readonly why: string[] = new Array<string>(N_FIELDS).fill('');
  private readonly ids: string[][] = Array.from({ length: N_FIELDS }, () => []);
  private readonly order = new Int32Array(N_FIELDS);
  private used = 0;
  reset(): void { this.gen++; this.used = 0; }
  add(fields: Int32Array, from: number, to: number, why: string, id: string, prio: number): void {
    for (let i = from; i < to; i++) {
      const fi = fields[i] as number;
      const ids = this.ids[fi] as string[];
      if (this.stamp[fi] !== this.gen) {
        this.stamp[fi] = this.gen;
        this.prio[fi] = prio; this.why[fi] = why;
        ids.length = 0; ids.push(id);
        this.order[this.used++] = fi;
      } else if (!ids.includes(id)) {
        ids.push(id);
        if (prio < (this.prio[fi] as number)) { this.why[fi] = why; this.prio[fi] = prio; }
      }
    }
  }
  list(): { field: string; why: string }[] {
    const out: { field: string; why: string }[] = [];
    for (let prio = PRIO_GATE; prio <= PRIO_FLAG; prio++) {
      for (let i = 0; i < this.used; i++) {
        const fi = this.order[i] as number;
        if (this.prio[fi] !== prio) continue;
        let why = this.why[fi] as string;
        const ids = this.ids[fi] as string[];
        if (ids.length > 1) {
          let others = '';
          for (const x of ids) if (!why.includes(x)) others += others ? `, ${x}` : x;
          if (others) why += `; also ${others}`;
        }
        out.push({ field: FIELD_NAMES[fi] as string, why });
      }
    }
    return out;
  }
}

const PRIO_GATE = 0, PRIO_ROW = 1, PRIO_FLAG = 2;
const NO_FIELDS: Int32Array = new Int32Array(0);
const N_OPT = OPTION_WORDS.length;
const N_GATES = COMPILED_GATES.length;
const PART_BASE: number[] = [];
let nParts = 0;
for (const g of COMPILED_GATES) { PART_BASE.push(nParts); nParts += g.parts.length; }

// Scratch state reused by every call (the engine is synchronous; nothing here escapes into the output).
const T: Trace = { unk: new Int32Array(4096), nu: 0, asm: new Int32Array(4096), na: 0 };
const MISSING = new Missing();
const PART_RES = new Int8Array(nParts);
const ROW_RANK = new Int8Array(N_OPT);
const CAP_RANK = new Int8Array(N_OPT);
const CTX: Ctx = {
  f: {}, v: new Array<unknown>(N_FIELDS).fill(undefined), d: {
    child_pugh_score: null, child_pugh_class: null, lung_dose_gy: null, lung_dose_cumulative_gy: null, bclc_stage_derived: null,
    bclc_stage_effective: null, bclc_stage_mismatch: null, vascular_invasion: null, milan: null, ucsf: null, up_to_seven: null, fong_score: null,
    resectable_effective: null, ablatable_effective: null, resectable_or_ablatable_effective: null,
  },
  gateRes: new Array<Tri>(N_GATES).fill(0), gateUnk: new Array<Int32Array>(N_GATES).fill(NO_FIELDS),
  gateAsm: new Array<Int32Array>(N_GATES).fill(NO_FIELDS), shown: new Array<boolean>(N_OPT).fill(false),
};
const copyTop = (arr: Int32Array, top: number): Int32Array => (top === 0 ? NO_FIELDS : arr.slice(0, top));

/** The slots applyRules reads facts from (facts first, by CASE_FACT_KEYS index); evaluate() validates into them. */
export const factSlots = (): unknown[] => CTX.v;

/** Per-option accumulator for one call. */
interface Acc {
  contrib: Contribution[];
  pick: Contribution | undefined;
  capBy: string | undefined;
  gateIds: string[] | null;
  gateEvidence: string[] | null;
  warnings: string[] | null;
}
/** Accumulators by option, pooled across calls; ACC_LIVE says which one this call has started. */
const ACC_POOL: Acc[] = Array.from({ length: N_OPT }, () => ({ contrib: [], pick: undefined, capBy: undefined, gateIds: null, gateEvidence: null, warnings: null }));
const ACC_LIVE = new Uint8Array(N_OPT);
function startAcc(oi: number): Acc {
  const a = ACC_POOL[oi] as Acc;
  ACC_LIVE[oi] = 1;
  a.contrib.length = 0; a.pick = undefined; a.capBy = undefined;
  if (a.gateIds) a.gateIds.length = 0;
  if (a.gateEvidence) a.gateEvidence.length = 0;
  if (a.warnings) a.warnings.length = 0;
  return a;
}

/**
 * Apply gates, disease rows and flags to validated facts and derived values. `slots`, when given, holds the
 * same facts by CASE_FACT_KEYS index (from parseFactsInto), which saves a pass over the object.
 */
export function applyRules(f: CaseFacts, d: DerivedFacts, slots?: readonly unknown[]): RuleResult {
  const t = T, ctx = CTX, missing = MISSING;
  ctx.f = f; ctx.d = d;
  const v = ctx.v;
  if (slots === v) {
    // evaluate() validated straight into the slots.
  } else if (slots) {
    for (let i = 0; i < N_FACTS; i++) v[i] = slots[i];
  } else {
    v.fill(undefined);
    const fr = f as Record<string, unknown>;
    for (const k in fr) { const i = FIELD_INDEX.get(k); if (i !== undefined && i < N_FACTS) v[i] = fr[k]; }
  }
  for (let j = 0; j < DERIVED_LIST.length; j++) v[N_FACTS + j] = d[DERIVED_LIST[j] as DerivedKey];
  ctx.shown.fill(false);
  missing.reset();

  // 1. Gates: decide every part (S-LIVER-IMPAIRED reads earlier gates, so order matters).
  for (let gi = 0; gi < N_GATES; gi++) {
    const cg = COMPILED_GATES[gi] as CompiledGate;
    const base = PART_BASE[gi] as number;
    let g: Tri = 0;
    let gUnk: Int32Array = NO_FIELDS, gAsm: Int32Array = NO_FIELDS;
    const keep = cg.keep;
    for (let pi = 0; pi < cg.parts.length; pi++) {
      t.nu = 0; t.na = 0;
      const r = (cg.parts[pi] as CompiledPart).when(ctx, t);
      PART_RES[base + pi] = r;
      // Traces are rebuilt on demand in step 4; only gates read by other conditions keep theirs now.
      if (keep) {
        if (r === 1) { if (g !== 1) gAsm = copyTop(t.asm, t.na); }
        else if (r === 2 && g === 0) gUnk = copyTop(t.unk, t.nu);
      }
      if (r === 1) g = 1; else if (r === 2 && g === 0) g = 2;
    }
    ctx.gateRes[gi] = g; ctx.gateUnk[gi] = gUnk; ctx.gateAsm[gi] = gAsm;
  }

  // 2. Disease rows of the primary tumour's section.
  ACC_LIVE.fill(0);
  const acc = (oi: number): Acc | undefined => (ACC_LIVE[oi] ? ACC_POOL[oi] : undefined);
  const primary = f.primary_tumor;
  if (primary == null) {
    missing.add(PRIMARY_ONLY, 0, 1, 'needed to choose the disease rules (EVIDENCE.md 2.3–2.6)', 'rows', PRIO_ROW);
  } else {
    for (const cr of RULES_FOR.get(primary) ?? []) {
      t.nu = 0; t.na = 0;
      const r = cr.when(ctx, t);
      if (r === 2) { missing.add(t.unk, 0, t.nu, cr.why, cr.rule.id, PRIO_ROW); continue; }
      // Decided on an assumed value ("X not true" with X unknown): knowing X could change the answer.
      if (t.na) missing.add(t.asm, 0, t.na, cr.asmWhy, cr.rule.id, PRIO_ROW);
      if (r === 0) continue;
      let notes: Map<number, string[]> | null = null, anyStepNotes: Map<number, string[]> | null = null;
      for (const n of cr.notes) {
        t.nu = 0; t.na = 0;
        if (n.cond(ctx, t) === 1) {
          const m = n.anyStep ? (anyStepNotes ??= new Map()) : (notes ??= new Map());
          for (const oi of n.ois) { const l = m.get(oi); if (l) l.push(n.text); else m.set(oi, [n.text]); }
        }
      }
      for (const co of cr.options) {
        // 2.1 point 9: the first step whose condition holds; unknown conditions fall through (and are missing).
        let step: CompiledStep | undefined, held = false;
        for (let si = 0; si < co.steps.length; si++) {
          const st = co.steps[si] as CompiledStep;
          if (st.cond === null) { step = st; held = si === 0; break; }
          t.nu = 0; t.na = 0;
          const ri = st.cond(ctx, t);
          if (ri === 2) missing.add(t.unk, 0, t.nu, st.why, cr.rule.id, PRIO_ROW);
          else if (t.na) missing.add(t.asm, 0, t.na, st.why, cr.rule.id, PRIO_ROW);
          if (ri === 1) { step = st; held = si === 0; break; }
        }
        if (step === undefined || step.rank === null) continue;
        const rk = step.rank;
        let conflicts = step.conflicts;
        if (conflicts && step.conflictsIf !== null) { t.nu = 0; t.na = 0; if (step.conflictsIf(ctx, t) !== 1) conflicts = undefined; }
        const entry: Contribution = {
          id: cr.rule.id, rank: rk, rationale: step.rationale, prevails: co.prevails && rk === 0,
          // Notes (e.g. EPOCH subgroups) belong to the option's main strength, not to its fallback.
          evidence: cr.rule.evidence, conflicts, notes: held ? notes?.get(co.oi) ?? anyStepNotes?.get(co.oi) ?? null : anyStepNotes?.get(co.oi) ?? null,
        };
        (acc(co.oi) ?? startAcc(co.oi)).contrib.push(entry);
        ctx.shown[co.oi] = true;
      }
    }
  }

  // 3. Row strength per option (before gates): less favourable wins; R-NET-08 beats `consider`; BSC most favourable.
  for (let oi = 0; oi < N_OPT; oi++) {
    const a = acc(oi);
    if (!a) { ROW_RANK[oi] = -1; CAP_RANK[oi] = -1; continue; }
    const prevailing = a.contrib.some((c) => c.prevails);
    let best: Contribution | undefined;
    for (const c of a.contrib) {
      if (prevailing && c.rank === CONSIDER) continue;
      if (best === undefined || (oi === BSC ? c.rank < best.rank : c.rank > best.rank)) best = c;
    }
    a.pick = best;
    ROW_RANK[oi] = best ? best.rank : -1;
    CAP_RANK[oi] = ROW_RANK[oi] as number;
  }

  // 4. Gates cap what rows show; S-PS / S-CHILD-C / S-LIVER-IMPAIRED add BEST_SUPPORTIVE_CARE.
  const accOf = (oi: number): Acc => acc(oi) ?? startAcc(oi);
  const cite = (a: Acc, g: Gate): void => {
    const ids = (a.gateIds ??= []);
    if (!ids.includes(g.id)) ids.push(g.id);
    const ev = (a.gateEvidence ??= []);
    for (const e of g.evidence) if (!ev.includes(e)) ev.push(e);
  };
  const warn = (a: Acc, text: string): void => { const w = a.warnings ??= []; if (!w.includes(text)) w.push(text); };
  for (let gi = 0; gi < N_GATES; gi++) {
    const cg = COMPILED_GATES[gi] as CompiledGate;
    const base = PART_BASE[gi] as number;
    for (let pi = 0; pi < cg.parts.length; pi++) {
      const p = cg.parts[pi] as CompiledPart;
      const r = PART_RES[base + pi];
      if (r === 2) {
        let matters = p.bscRank !== null && (ROW_RANK[BSC] === -1 || (ROW_RANK[BSC] as number) > p.bscRank);
        if (p.capRank !== null) for (const oi of p.targets) if (ROW_RANK[oi] !== -1 && (ROW_RANK[oi] as number) < p.capRank) matters = true;
        if (matters) { t.nu = 0; t.na = 0; p.when(ctx, t); missing.add(t.unk, 0, t.nu, p.why, cg.gate.id, PRIO_GATE); }
        continue;
      }
      if (r !== 1) continue;
      let affected = false;
      for (const oi of p.targets) {
        if (ROW_RANK[oi] === -1) continue; // gates add no options
        const a = acc(oi) as Acc;
        cite(a, cg.gate);
        if (p.capRank === null) { warn(a, p.warnText); continue; }
        if (p.capRank > (ROW_RANK[oi] as number)) affected = true;
        if (p.capRank > (CAP_RANK[oi] as number)) { CAP_RANK[oi] = p.capRank; a.capBy = p.capText; }
      }
      if (p.warnsLda && ROW_RANK[LDA] !== -1) {
        const a = acc(LDA) as Acc;
        cite(a, cg.gate);
        warn(a, p.ldaWarnText);
      }
      if (p.bscRank !== null) {
        const a = accOf(BSC);
        if (CAP_RANK[BSC] === -1 || p.bscRank < (CAP_RANK[BSC] as number)) {
          affected = true;
          CAP_RANK[BSC] = p.bscRank;
          a.capBy = p.capText;
        }
        cite(a, cg.gate);
      }
      if (affected) { t.nu = 0; t.na = 0; p.when(ctx, t); missing.add(t.asm, 0, t.na, p.asmWhy, cg.gate.id, PRIO_GATE); }
    }
  }

  // 5. Assemble options, most favourable first (ties in contract order).
  const options: RuledOption[] = [];
  for (let r = 0; r < STRENGTHS.length; r++) {
    for (let oi = 0; oi < N_OPT; oi++) {
      if (CAP_RANK[oi] !== r) continue;
      const a = acc(oi) as Acc;
      let evidence: string[], rules: string[];
      let conflictIds: readonly string[] | null = null;
      const only = a.contrib.length === 1 ? a.contrib[0] as Contribution : null;
      if (only) {
        evidence = only.evidence.slice(); rules = [only.id]; conflictIds = only.conflicts ?? null;
      } else {
        evidence = []; rules = [];
        const ks: string[] = [];
        for (const c of a.contrib) {
          if (!rules.includes(c.id)) rules.push(c.id);
          for (const e of c.evidence) if (!evidence.includes(e)) evidence.push(e);
          if (c.conflicts) for (const k of c.conflicts) if (!ks.includes(k)) ks.push(k);
        }
        if (ks.length) conflictIds = ks;
      }
      if (a.gateIds) for (const g of a.gateIds) if (!rules.includes(g)) rules.push(g);
      if (a.gateEvidence) for (const e of a.gateEvidence) if (!evidence.includes(e)) evidence.push(e);
      const pick = a.pick;
      let rationale = pick ? pick.rationale : '';
      if (pick?.notes) rationale += `; ${pick.notes.join('; ')}`;
      const row = ROW_RANK[oi] as number;
      // Lead with the gate when it set the strength (for BSC: when it raised it above every row).
      if (a.capBy !== undefined && (oi === BSC ? row === -1 || r < row : r > row)) rationale = rationale ? `${a.capBy}; ${rationale}` : a.capBy;
      if (a.warnings && a.warnings.length) rationale += `. Caution: ${a.warnings.join('; ')}`;
      options.push({
        option: OPTION_WORDS[oi] as OptionWord, strength: STRENGTHS[r] as Strength, rationale, evidence, rules,
        conflicts: conflictIds === null ? [] : conflictIds.map((k) => copyConflict(CONFLICTS_BY_ID.get(k) as Conflict)),
      });
    }
  }

  // 6. Flags, from inputs and derived scores alone.
  const flags: FlagWord[] = [];
  for (const cf of COMPILED_FLAGS) {
    t.nu = 0; t.na = 0;
    const r = cf.when(ctx, t);
    if (r === 1) { flags.push(cf.flag); if (t.na) missing.add(t.asm, 0, t.na, cf.asmWhy, cf.flag, PRIO_FLAG); }
    else if (r === 2) missing.add(t.unk, 0, t.nu, cf.why, cf.flag, PRIO_FLAG);
  }

  const result = { options, flags, missing: missing.list() };
  ctx.f = {}; // drop references to the caller's facts
  v.fill(undefined);
  return result;
}

/** Every evidence id any rule row or gate cites, with where (for the catalogue-completeness test and the UI). */
export function citedEvidence(): { id: string; by: string }[] {
  const out: { id: string; by: string }[] = [];
  for (const r of DISEASE_RULES) for (const id of r.evidence) out.push({ id, by: r.id });
  for (const g of GATES) for (const id of g.evidence) out.push({ id, by: g.id });
  for (const c of CONFLICTS_BY_ID.values()) for (const s of c.sides) for (const id of s.evidence) out.push({ id, by: c.id });
  return out;
}
