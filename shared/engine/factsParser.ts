/**
 * Validating case facts quickly, with `caseFactsSchema` as the only authority.
 *
 * At load, each field's zod schema is read once (optional → nullable → enum / boolean / number with its
 * bounds). A call checks only the keys the input has: scalar kinds with a precompiled check, any other kind
 * (string arrays, trimmed strings) with that field's own zod schema. Unknown keys are dropped, as the
 * schema strips them. If anything fails, the full `caseFactsSchema.safeParse` runs and its first issue is
 * reported, so errors are exactly zod's. A property test keeps this equal to `caseFactsSchema.parse`.
 */
import { z } from 'zod';
import { CASE_FACT_KEYS, caseFactsSchema, caseFactsShape, resectabilityConflict } from '../facts/facts';
import type { CaseFacts } from '../facts/facts';
import { EngineInputError } from './errors';

type Check = (v: unknown) => boolean;
interface FieldParser { check: Check | null; schema: z.ZodType }

function scalarCheck(schema: z.ZodType): Check | null {
  let s: unknown = schema;
  // Unwrap the optional/nullable layers; null and undefined are accepted before the check runs.
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
  if (s instanceof z.ZodEnum) {
    const set = new Set<unknown>(s.options);
    return (v) => set.has(v);
  }
  if (s instanceof z.ZodBoolean) return (v) => typeof v === 'boolean';
  if (s instanceof z.ZodNumber) {
    const min = s.minValue ?? -Infinity, max = s.maxValue ?? Infinity, int = s.isInt;
    return (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!int || Number.isInteger(v));
  }
  return null;
}

interface IndexedParser extends FieldParser { slot: number }
/** Slot order = CASE_FACT_KEYS order (the interpreter reads facts by slot). */
const PARSERS = new Map<string, IndexedParser>(
  CASE_FACT_KEYS.map((k, slot) => [k, { check: scalarCheck(caseFactsShape[k]), schema: caseFactsShape[k], slot }]),
);

function fail(input: unknown): never {
  const r = caseFactsSchema.safeParse(input);
  if (r.success) throw new Error('internal: fast fact check disagreed with caseFactsSchema'); // never expected
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'facts';
  throw new EngineInputError(field, issue?.message ?? 'invalid');
}

/** Validate unknown input as case facts; throws EngineInputError naming the first offending field. */
export function parseFacts(input: unknown): CaseFacts {
  return parseFactsInto(input, null);
}

/**
 * As parseFacts, and also writes each known value into `slots[i]` for CASE_FACT_KEYS[i] (the caller clears
 * `slots` beforehand; unknown facts stay undefined or null).
 */
export function parseFactsInto(input: unknown, slots: unknown[] | null): CaseFacts {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EngineInputError('facts', 'must be a JSON object of case facts');
  }
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) {
    // Not a plain object: let zod decide everything.
    const r = caseFactsSchema.safeParse(input);
    if (!r.success) return fail(input);
    if (slots) CASE_FACT_KEYS.forEach((k, i) => { slots[i] = r.data[k]; });
    return r.data;
  }
  const src = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const p = PARSERS.get(k);
    if (p === undefined) continue; // unknown keys are ignored (CONTRACT)
    let v = src[k];
    if (v != null) { // null / undefined = not known (kept, as zod keeps them)
      if (p.check !== null) {
        if (!p.check(v)) return fail(input);
      } else {
        const r = p.schema.safeParse(v);
        if (!r.success) return fail(input);
        v = r.data;
      }
    }
    out[k] = v;
    if (slots) slots[p.slot] = v;
  }
  const facts = out as CaseFacts;
  // The one rule across fields (CONTRACT.md, added 2026-12); the schema's refinement says the same.
  if (facts.resectable_or_ablatable === false && resectabilityConflict(facts) !== null) return fail(input);
  return facts;
}

/**
 * The engine's fast path: validate a plain object and write each known value into `slots[i]` for
 * CASE_FACT_KEYS[i], without building a copy. Returns the input itself as the facts (extra keys are left on it
 * but nothing reads them; list-valued and text facts are checked, and no rule reads them). Anything that is not
 * a plain object goes through parseFactsInto.
 */
export function validateFactsInto(input: unknown, slots: unknown[]): CaseFacts {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return parseFactsInto(input, slots);
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return parseFactsInto(input, slots);
  const src = input as Record<string, unknown>;
  for (const k in src) {
    const v = src[k];
    if (v == null) continue; // not known: the slot stays empty
    const p = PARSERS.get(k);
    if (p === undefined) continue; // unknown keys are ignored (CONTRACT)
    if (p.check !== null ? !p.check(v) : !p.schema.safeParse(v).success) return fail(input);
    slots[p.slot] = v;
  }
  const facts = src as CaseFacts;
  if (facts.resectable_or_ablatable === false && resectabilityConflict(facts) !== null) return fail(input);
  return facts;
}
