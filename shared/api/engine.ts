/** Evidence-engine operations: evaluate facts, read the evidence catalogue. */
import { z } from 'zod';
import { caseFactsStrictSchema } from '../facts/facts';
import { engineOutputSchema } from '../engine/schema';
import { SIGNED_IN } from './access';
import { op } from './op';

const citationSchema = z.object({
  authors: z.string().nullable(), title: z.string().nullable(), journal: z.string().nullable(), year: z.number().nullable(),
  volume_pages: z.string().nullable(), pmid: z.string().nullable(), doi: z.string().nullable(), url: z.string().nullable(),
});

export const evidenceRecordSchema = z.object({
  id: z.string(),
  short_name: z.string(),
  kind: z.string(),
  year: z.number().nullable(),
  design: z.string(),
  population: z.string(),
  comparison: z.string().nullable(),
  key_numbers: z.array(z.string()),
  citation: citationSchema,
  citation_text: z.string(),
  provenance: z.array(z.string()),
  provenance_note: z.string(),
  seed_discrepancies: z.array(z.string()).optional(),
});
export type EvidenceRecordDto = z.infer<typeof evidenceRecordSchema>;

export const engineOperations = {
  'engine.evaluate': op(z.strictObject({ facts: caseFactsStrictSchema }), engineOutputSchema, SIGNED_IN),
  'evidence.list': op(
    z.strictObject({ search: z.string().max(200).optional() }),
    z.object({ catalogue_version: z.string(), records: z.array(evidenceRecordSchema) }),
    SIGNED_IN,
  ),
} as const;
