/**
 * Vignette files (format of ../shared/clinical/vignettes/public.json) and the CONTRACT pass rule: every expected
 * option output with exactly the expected strength and citing at least its `must_cite` ids; no forbidden
 * option/strength pair output; every expected flag raised. An unknown option, strength or flag word anywhere
 * in the file is rejected with the path of the field.
 */
import { z } from 'zod';
import { EngineInputError } from './errors';
import { evaluate } from './evaluate';
import type { EngineOutput } from './schema';
import { flagWordSchema, optionWordSchema, strengthSchema } from './vocabulary';

export const vignetteCaseSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()),
  derived_expected: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
  expected: z.array(z.object({
    option: optionWordSchema,
    strength: strengthSchema,
    must_cite: z.array(z.string()).default([]),
    rationale: z.string().optional(),
  })),
  forbidden: z.array(z.object({ option: optionWordSchema, strengths: z.array(strengthSchema) })).default([]),
  expected_flags: z.array(flagWordSchema).default([]),
  rule_ids: z.array(z.string()).optional(),
  notes: z.string().optional(),
});
export const vignetteFileSchema = z.object({ cases: z.array(vignetteCaseSchema) });
export type VignetteCase = z.infer<typeof vignetteCaseSchema>;

export interface VignetteResult { id: string; passed: boolean; problems: string[] }
export interface VignetteRun { results: VignetteResult[]; passed: number; failed: number }

export function parseVignettes(json: unknown): VignetteCase[] {
  const r = vignetteFileSchema.safeParse(json);
  if (r.success) return r.data.cases;
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'vignettes';
  throw new EngineInputError(field, issue?.message ?? 'invalid vignette file');
}

/** Problems of one output against one vignette (empty = pass). */
export function checkVignette(c: VignetteCase, out: EngineOutput): string[] {
  const problems: string[] = [];
  for (const e of c.expected) {
    const o = out.options.find((x) => x.option === e.option);
    if (!o) { problems.push(`${e.option}: expected ${e.strength}, not output`); continue; }
    if (o.strength !== e.strength) problems.push(`${e.option}: expected ${e.strength}, got ${o.strength}`);
    const lacking = e.must_cite.filter((id) => !o.evidence.includes(id));
    if (lacking.length) problems.push(`${e.option}: does not cite ${lacking.join(', ')}`);
  }
  for (const fb of c.forbidden) {
    const o = out.options.find((x) => x.option === fb.option);
    if (o && fb.strengths.includes(o.strength)) problems.push(`${fb.option}: forbidden strength ${o.strength} output`);
  }
  for (const fl of c.expected_flags) if (!out.flags.includes(fl)) problems.push(`flag ${fl} not raised`);
  return problems;
}

export function runVignettes(json: unknown): VignetteRun {
  const cases = parseVignettes(json);
  const results: VignetteResult[] = cases.map((c) => {
    let problems: string[];
    try {
      problems = checkVignette(c, evaluate(c.inputs));
    } catch (err) {
      problems = [`inputs rejected: ${err instanceof Error ? err.message : String(err)}`];
    }
    return { id: c.id, passed: problems.length === 0, problems };
  });
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}
