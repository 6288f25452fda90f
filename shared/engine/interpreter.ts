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
import type { CaseFacts } from '../domain/facts';
import { CONFLICTS_BY_ID, DISEASE_RULES, FLAG_RULES, GATES, RULES_BY_PRIMARY, describe } from './rules';
import type { Cond, Conflict, DerivedFacts, DerivedKey, FieldName, Gate, GatePart, Rule, RuleOption } from './rules';
import { OPTION_WORDS, STRENGTHS, TACE_FAMILY, TAE_FAMILY, Y90_FAMILY } from './vocabulary';
import type { FlagWord, OptionWord, Strength } from './vocabulary';

/** 0 = false, 1 = true, 2 = unknown. */
type Tri = 0 | 1 | 2;
interface Trace { unk: string[]; asm: string[] }
interface Ctx {
  f: CaseFacts;
  d: DerivedFacts;
  gateRes: Tri[];
  gateUnk: (readonly string[])[];
  gateAsm: (readonly string[])[];
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
function pushUnknownDeps(field: DerivedKey, f: CaseFacts, out: string[]): void {
  switch (field) {
    case 'child_pugh_score': case 'child_pugh_class':
      for (const k of CP_INPUTS) if (f[k] == null) out.push(k);
      return;
    case 'lung_dose_gy': case 'lung_dose_cumulative_gy':
      if (f.planned_activity_gbq == null) out.push('planned_activity_gbq');
      if (f.lung_shunt_fraction_pct == null) out.push('lung_shunt_fraction_pct');
      if (field === 'lung_dose_cumulative_gy' && f.prior_lung_dose_gy == null && f.prior_y90 !== false) out.push('prior_lung_dose_gy');
      return;
  }
}
const DERIVED_KEYS: ReadonlySet<string> = new Set<DerivedKey>(['child_pugh_score', 'child_pugh_class', 'lung_dose_gy', 'lung_dose_cumulative_gy']);
export const isDerivedKey = (f: FieldName): f is DerivedKey => DERIVED_KEYS.has(f);

// ---- compiling conditions ----
const GATE_INDEX = new Map<string, number>(GATES.map((g, i) => [g.id, i]));

function compile(c: Cond): Compiled {
  switch (c.kind) {
    case 'all': {
      const fs = c.of.map(compile);
      return (ctx, t) => {
        const u0 = t.unk.length, a0 = t.asm.length;
        let res: Tri = 1;
        for (const f of fs) {
          const r = f(ctx, t);
          if (r === 0) { t.unk.length = u0; t.asm.length = a0; return 0; }
          if (r === 2) res = 2;
        }
        return res;
      };
    }
    case 'any': {
      const fs = c.of.map(compile);
      return (ctx, t) => {
        const u0 = t.unk.length, a0 = t.asm.length;
        let res: Tri = 0;
        for (const f of fs) {
          const a1 = t.asm.length;
          const r = f(ctx, t);
          if (r === 1) {
            // Decided by this branch: only its assumptions matter.
            t.unk.length = u0;
            if (a1 > a0) t.asm.splice(a0, a1 - a0);
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
        const u0 = t.unk.length, a0 = t.asm.length;
        const r = f(ctx, t);
        if (r === 2) {
          // Holds by default: the unknown facts become assumptions.
          for (let i = u0; i < t.unk.length; i++) t.asm.push(t.unk[i] as string);
          t.unk.length = u0;
          return 1;
        }
        t.unk.length = u0; t.asm.length = a0;
        return r === 1 ? 0 : 1;
      };
    }
    case 'unknownOr': {
      const f = compile(c.of);
      return (ctx, t) => {
        const u0 = t.unk.length;
        const r = f(ctx, t);
        if (r !== 2) return r;
        for (let i = u0; i < t.unk.length; i++) t.asm.push(t.unk[i] as string);
        t.unk.length = u0;
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
      if (derived) {
        return (ctx, t) => {
          const v = ctx.d[field];
          if (v == null) { pushUnknownDeps(field, ctx.f, t.unk); return 2; }
          return test(v) ? 1 : 0;
        };
      }
      return (ctx, t) => {
        const v = ctx.f[field];
        if (v == null) { t.unk.push(field); return 2; }
        return test(v) ? 1 : 0;
      };
    }
    case 'gate': {
      const gi = GATE_INDEX.get(c.gate);
      if (gi === undefined) throw new Error(`rule data: unknown gate ${c.gate}`);
      return (ctx, t) => {
        const r = ctx.gateRes[gi] as Tri;
        if (r === 2) t.unk.push(...(ctx.gateUnk[gi] as readonly string[]));
        else if (r === 1) t.asm.push(...(ctx.gateAsm[gi] as readonly string[]));
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
interface CompiledOption { o: RuleOption; oi: number; rank: number | null; elseRank: number | null; cond: Compiled | null; why: string }
interface CompiledRule { rule: Rule; when: Compiled; options: CompiledOption[]; notes: { cond: Compiled; text: string; ois: number[] }[]; why: string }
interface CompiledPart { part: GatePart; when: Compiled; targets: number[]; capRank: number | null; bscRank: number | null; warnsLda: boolean; why: string; asmWhy: string }
interface CompiledGate { gate: Gate; parts: CompiledPart[] }

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
  options: rule.options.map((o) => ({
    o, oi: idx(o.option), rank: o.strength === null ? null : rank(o.strength), elseRank: o.else === undefined ? null : rank(o.else),
    cond: o.if ? compile(o.if) : null,
    why: o.if ? `${rule.id}: ${o.option} is ${o.strength ?? 'not shown'} only if ${describe(o.if)}${o.else ? ` (else ${o.else})` : ''}` : '',
  })),
  notes: (rule.notes ?? []).map((n) => ({ cond: compile(n.if), text: n.text, ois: n.options.map(idx) })),
  why: `${rule.id} could apply: ${rule.situation}`,
});

const COMPILED_RULES = new Map<Rule, CompiledRule>(DISEASE_RULES.map((r) => [r, compileRule(r)]));
const RULES_FOR = new Map<string, CompiledRule[]>(
  Object.entries(RULES_BY_PRIMARY).map(([p, rules]) => [p, rules.filter((r) => r.options.length > 0).map((r) => COMPILED_RULES.get(r) as CompiledRule)]),
);

const LDA_TARGETING = new Set<OptionWord>([...Y90_FAMILY, ...TACE_FAMILY, ...TAE_FAMILY]);
const COMPILED_GATES: CompiledGate[] = GATES.map((gate) => ({
  gate,
  parts: gate.parts.map((part) => {
    const fam = familyLabel(part.targets);
    return {
      part, when: compile(part.when), targets: part.targets.map(idx),
      capRank: part.cap === null ? null : rank(part.cap),
      bscRank: part.addsSupportiveCare === undefined ? null : rank(part.addsSupportiveCare),
      warnsLda: !part.targets.includes('LIVER_DIRECTED_ANY') && part.targets.some((o) => LDA_TARGETING.has(o)),
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

class Missing {
  private readonly entries = new Map<string, { why: string; prio: number; ids: string[] }>();
  add(fields: readonly string[], from: number, why: string, id: string, prio: number): void {
    for (let i = from; i < fields.length; i++) {
      const field = fields[i] as string;
      const e = this.entries.get(field);
      if (e === undefined) this.entries.set(field, { why, prio, ids: [id] });
      else if (!e.ids.includes(id)) {
        e.ids.push(id);
        if (prio < e.prio) { e.why = why; e.prio = prio; }
      }
    }
  }
  list(): { field: string; why: string }[] {
    const rows = [...this.entries].map(([field, e]) => ({ field, e }));
    rows.sort((a, b) => a.e.prio - b.e.prio);
    return rows.map(({ field, e }) => ({ field, why: e.ids.length > 1 ? `${e.why}; also ${e.ids.filter((x) => !e.why.includes(x)).join(', ')}` : e.why }));
  }
}

const PRIO_GATE = 0, PRIO_ROW = 1, PRIO_FLAG = 2;
const NO_STRINGS: readonly string[] = Object.freeze([]);

/** Apply gates, disease rows and flags to validated facts and derived values. */
export function applyRules(f: CaseFacts, d: DerivedFacts): RuleResult {
  const t: Trace = { unk: [], asm: [] };
  const nG = COMPILED_GATES.length;
  const ctx: Ctx = { f, d, gateRes: new Array<Tri>(nG), gateUnk: new Array(nG), gateAsm: new Array(nG), shown: new Array<boolean>(OPTION_WORDS.length).fill(false) };
  const missing = new Missing();

  // 1. Gates: decide every part (S-LIVER-IMPAIRED reads earlier gates, so order matters).
  const partRes: Tri[][] = [];
  const partUnk: (readonly string[])[][] = [];
  const partAsm: (readonly string[])[][] = [];
  for (let gi = 0; gi < nG; gi++) {
    const cg = COMPILED_GATES[gi] as CompiledGate;
    const res: Tri[] = [], unk: (readonly string[])[] = [], asm: (readonly string[])[] = [];
    let g: Tri = 0;
    let gUnk: string[] | null = null, gAsm: string[] | null = null;
    for (const p of cg.parts) {
      t.unk.length = 0; t.asm.length = 0;
      const r = p.when(ctx, t);
      res.push(r);
      unk.push(t.unk.length ? t.unk.slice() : NO_STRINGS);
      asm.push(t.asm.length ? t.asm.slice() : NO_STRINGS);
      if (r === 1) { if (g !== 1) { g = 1; gAsm = t.asm.slice(); } }
      else if (r === 2 && g === 0) { g = 2; gUnk = t.unk.slice(); }
    }
    ctx.gateRes[gi] = g;
    ctx.gateUnk[gi] = gUnk ?? NO_STRINGS;
    ctx.gateAsm[gi] = gAsm ?? NO_STRINGS;
    partRes.push(res); partUnk.push(unk); partAsm.push(asm);
  }

  // 2. Disease rows of the primary tumour's section.
  const contrib: (Contribution[] | undefined)[] = new Array(OPTION_WORDS.length);
  const primary = f.primary_tumor;
  if (primary == null) {
    missing.add(['primary_tumor'], 0, 'needed to choose the disease rules (EVIDENCE.md 2.3–2.6)', 'rows', PRIO_ROW);
  } else {
    for (const cr of RULES_FOR.get(primary) ?? []) {
      t.unk.length = 0; t.asm.length = 0;
      const r = cr.when(ctx, t);
      if (r === 2) { missing.add(t.unk, 0, cr.why, cr.rule.id, PRIO_ROW); continue; }
      if (r === 0) continue;
      let notes: Map<number, string[]> | null = null;
      for (const n of cr.notes) {
        t.unk.length = 0; t.asm.length = 0;
        if (n.cond(ctx, t) === 1) {
          notes ??= new Map();
          for (const oi of n.ois) { const l = notes.get(oi); if (l) l.push(n.text); else notes.set(oi, [n.text]); }
        }
      }
      for (const co of cr.options) {
        let rk = co.rank, rationale = co.o.rationale;
        if (co.cond !== null) {
          t.unk.length = 0; t.asm.length = 0;
          const ri = co.cond(ctx, t);
          if (ri === 2) missing.add(t.unk, 0, co.why, cr.rule.id, PRIO_ROW);
          if (ri !== 1) { rk = co.elseRank; rationale = co.o.elseRationale ?? rationale; }
        }
        if (rk === null) continue;
        const entry: Contribution = {
          id: cr.rule.id, rank: rk, rationale, prevails: co.o.prevailsOverConsider === true && rk === 0,
          evidence: cr.rule.evidence, conflicts: co.o.conflicts, notes: notes?.get(co.oi) ?? null,
        };
        const list = contrib[co.oi];
        if (list) list.push(entry); else contrib[co.oi] = [entry];
        ctx.shown[co.oi] = true;
      }
    }
  }

  // 3. Row strength per option (before gates).
  const rowRank: number[] = new Array<number>(OPTION_WORDS.length).fill(-1);
  const rowPick: (Contribution | undefined)[] = new Array(OPTION_WORDS.length);
  for (let oi = 0; oi < contrib.length; oi++) {
    const list = contrib[oi];
    if (!list) continue;
    const prevailing = list.some((c) => c.prevails);
    let best: Contribution | undefined;
    for (const c of list) {
      if (prevailing && c.rank === CONSIDER) continue; // R-NET-08 `recommended` beats `consider`
      if (best === undefined || (oi === BSC ? c.rank < best.rank : c.rank > best.rank)) best = c;
    }
    rowPick[oi] = best;
    rowRank[oi] = best ? best.rank : -1;
  }

  // 4. Gates cap what rows show; S-PS / S-CHILD-C / S-LIVER-IMPAIRED add BEST_SUPPORTIVE_CARE.
  const capRank: number[] = rowRank.slice();
  const capBy: (string | undefined)[] = new Array(OPTION_WORDS.length);
  const gateIds: (string[] | undefined)[] = new Array(OPTION_WORDS.length);
  const gateEvidence: (string[] | undefined)[] = new Array(OPTION_WORDS.length);
  const warnings: (string[] | undefined)[] = new Array(OPTION_WORDS.length);
  const cite = (oi: number, g: Gate): void => {
    const ids = gateIds[oi] ??= [];
    if (!ids.includes(g.id)) ids.push(g.id);
    const ev = gateEvidence[oi] ??= [];
    for (const e of g.evidence) if (!ev.includes(e)) ev.push(e);
  };
  const warn = (oi: number, text: string): void => { const w = warnings[oi] ??= []; if (!w.includes(text)) w.push(text); };
  for (let gi = 0; gi < nG; gi++) {
    const cg = COMPILED_GATES[gi] as CompiledGate;
    for (let pi = 0; pi < cg.parts.length; pi++) {
      const p = cg.parts[pi] as CompiledPart;
      const r = (partRes[gi] as Tri[])[pi];
      if (r === 2) {
        const matters = (p.capRank !== null && p.targets.some((oi) => rowRank[oi] !== -1 && (rowRank[oi] as number) < (p.capRank as number)))
          || (p.bscRank !== null && (rowRank[BSC] === -1 || (rowRank[BSC] as number) > p.bscRank));
        if (matters) missing.add((partUnk[gi] as (readonly string[])[])[pi] as readonly string[], 0, p.why, cg.gate.id, PRIO_GATE);
        continue;
      }
      if (r !== 1) continue;
      let affected = false;
      for (const oi of p.targets) {
        if (rowRank[oi] === -1) continue; // gates add no options
        cite(oi, cg.gate);
        if (p.capRank === null) { warn(oi, `${p.part.text} (${cg.gate.id})`); continue; }
        if (p.capRank > (rowRank[oi] as number)) affected = true;
        if (p.capRank > (capRank[oi] as number)) { capRank[oi] = p.capRank; capBy[oi] = `${cg.gate.id}: ${p.part.text} — ${cg.gate.rationale}`; }
      }
      if (p.warnsLda && rowRank[LDA] !== -1) { cite(LDA, cg.gate); warn(LDA, `${p.part.text}, applies to the ${familyLabel(p.part.targets)} part (${cg.gate.id})`); }
      if (p.bscRank !== null) {
        if (rowRank[BSC] === -1 || p.bscRank < (capRank[BSC] as number)) {
          affected = true;
          capRank[BSC] = p.bscRank;
          capBy[BSC] = `${cg.gate.id}: ${p.part.text} — ${cg.gate.rationale}`;
        }
        cite(BSC, cg.gate);
      }
      if (affected) missing.add((partAsm[gi] as (readonly string[])[])[pi] as readonly string[], 0, p.asmWhy, cg.gate.id, PRIO_GATE);
    }
  }

  // 5. Assemble options, most favourable first (ties in contract order).
  const options: RuledOption[] = [];
  for (let oi = 0; oi < OPTION_WORDS.length; oi++) {
    const final = capRank[oi] as number;
    if (final === -1) continue;
    const list = contrib[oi] ?? [];
    const pick = rowPick[oi];
    const evidence: string[] = [];
    const rules: string[] = [];
    const conflictIds: string[] = [];
    for (const c of list) {
      if (!rules.includes(c.id)) rules.push(c.id);
      for (const e of c.evidence) if (!evidence.includes(e)) evidence.push(e);
      if (c.conflicts) for (const k of c.conflicts) if (!conflictIds.includes(k)) conflictIds.push(k);
    }
    for (const g of gateIds[oi] ?? NO_STRINGS) if (!rules.includes(g)) rules.push(g);
    for (const e of gateEvidence[oi] ?? NO_STRINGS) if (!evidence.includes(e)) evidence.push(e);
    let rationale = pick ? pick.rationale : '';
    if (pick?.notes) rationale += `; ${pick.notes.join('; ')}`;
    const by = capBy[oi];
    if (by !== undefined && (oi === BSC ? final < rowRank[oi]! || rowRank[oi] === -1 : final > rowRank[oi]!)) {
      rationale = rationale ? `${by}; ${rationale}` : by;
    }
    const w = warnings[oi];
    if (w) rationale += `. Caution: ${w.join('; ')}`;
    options.push({
      option: OPTION_WORDS[oi] as OptionWord, strength: STRENGTHS[final] as Strength, rationale, evidence, rules,
      conflicts: conflictIds.map((k) => copyConflict(CONFLICTS_BY_ID.get(k) as Conflict)),
    });
  }
  options.sort((a, b) => rank(a.strength) - rank(b.strength) || idx(a.option) - idx(b.option));

  // 6. Flags, from inputs and derived scores alone.
  const flags: FlagWord[] = [];
  for (const cf of COMPILED_FLAGS) {
    t.unk.length = 0; t.asm.length = 0;
    const r = cf.when(ctx, t);
    if (r === 1) { flags.push(cf.flag); if (t.asm.length) missing.add(t.asm, 0, cf.asmWhy, cf.flag, PRIO_FLAG); }
    else if (r === 2) missing.add(t.unk, 0, cf.why, cf.flag, PRIO_FLAG);
  }

  return { options, flags, missing: missing.list() };
}

/** Every evidence id any rule row or gate cites, with where (for the catalogue-completeness test and the UI). */
export function citedEvidence(): { id: string; by: string }[] {
  const out: { id: string; by: string }[] = [];
  for (const r of DISEASE_RULES) for (const id of r.evidence) out.push({ id, by: r.id });
  for (const g of GATES) for (const id of g.evidence) out.push({ id, by: g.id });
  for (const c of CONFLICTS_BY_ID.values()) for (const s of c.sides) for (const id of s.evidence) out.push({ id, by: c.id });
  return out;
}
