/** The engine output as a zod schema (CONTRACT.md "Output"), and the TypeScript types derived from it. */
import { z } from 'zod';
import { flagWordSchema, optionWordSchema, strengthSchema } from './vocabulary';

export const conflictSchema = z.object({
  id: z.string(),
  summary: z.string(),
  sides: z.array(z.object({ position: z.string(), evidence: z.array(z.string()) })),
});

export const derivedSchema = z.object({
  child_pugh_score: z.number().int().min(5).max(15).nullable(),
  child_pugh_class: z.enum(['A', 'B', 'C']).nullable(),
  albi_score: z.number().nullable(),
  albi_grade: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  meld: z.number().int().min(6).max(40).nullable(),
  meld_na: z.number().int().min(6).max(40).nullable(),
  bsa_m2: z.number().positive().nullable(),
  // Catalogue 2026-12 (EVIDENCE.md 3.12–3.15). Snapshots stored before then lack them: read as null.
  bclc_stage_derived: z.enum(['0', 'A', 'B', 'C', 'D']).nullable().default(null),
  milan: z.enum(['within', 'beyond']).nullable().default(null),
  ucsf: z.enum(['within', 'beyond']).nullable().default(null),
  up_to_seven: z.enum(['within', 'beyond']).nullable().default(null),
  fong_score: z.number().int().min(0).max(5).nullable().default(null),
  flr_threshold_pct: z.union([z.literal(20), z.literal(30), z.literal(40)]).nullable().default(null),
});

export const engineOptionSchema = z.object({
  option: optionWordSchema,
  strength: strengthSchema,
  rationale: z.string(),
  evidence: z.array(z.string()),
  rules: z.array(z.string()),
  conflicts: z.array(conflictSchema),
});

export const engineOutputSchema = z.object({
  engine_version: z.string(),
  catalogue_version: z.string(),
  derived: derivedSchema,
  options: z.array(engineOptionSchema),
  flags: z.array(flagWordSchema),
  missing: z.array(z.object({ field: z.string(), why: z.string() })),
  disclaimer: z.string(),
});

export type EngineConflict = z.infer<typeof conflictSchema>;
export type EngineDerived = z.infer<typeof derivedSchema>;
export type EngineOption = z.infer<typeof engineOptionSchema>;
export type EngineOutput = z.infer<typeof engineOutputSchema>;
