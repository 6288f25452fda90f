/** Patients and cases (referrals to the board): the records the case list shows and the form edits. */
import { z } from 'zod';
import { PRIMARY_TUMORS, caseFactsStrictSchema } from '../facts/facts';
import { noBidi } from '../text/clean';

export const CASE_STATUSES = ['draft', 'ready', 'listed', 'discussed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const text = (max: number) => z.string().trim().max(max);

export const patientInputSchema = z.strictObject({
  identifier: z.string().trim().min(1, 'is required').max(40).regex(/^[\p{L}\p{N}\-_/.]+$/u, 'may hold letters, digits and - _ / . only'),
  family_name: noBidi(text(100).min(1, 'is required')),
  given_name: noBidi(text(100)),
  birth_date: isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), 'cannot be in the future').nullable(),
  sex: z.enum(SEXES),
});
export type PatientInput = z.infer<typeof patientInputSchema>;

export const patientSchema = patientInputSchema.extend({ id: z.number().int().positive() });
export type Patient = z.infer<typeof patientSchema>;

export const caseInputSchema = z.strictObject({
  referring_clinician: text(120),
  question: text(2000),
  diagnosis: text(300),
  status: z.enum(CASE_STATUSES),
  facts: caseFactsStrictSchema,
  /** Date of the latest imaging / labs (for the meeting's completeness gate); not engine facts. */
  last_imaging_date: isoDate.nullable().optional(),
  last_labs_date: isoDate.nullable().optional(),
});
export type CaseInput = z.infer<typeof caseInputSchema>;

export const caseRecordSchema = caseInputSchema.extend({
  id: z.number().int().positive(),
  patient: patientSchema,
  /** Optimistic-concurrency counter: an update must name the version it edited. */
  version: z.number().int().positive(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

/** One row of the case list: only what the list shows, so a page of 100 stays small. */
export const caseSummarySchema = z.object({
  id: z.number().int().positive(),
  patient_id: z.number().int().positive(),
  identifier: z.string(),
  family_name: z.string(),
  given_name: z.string(),
  birth_date: z.string().nullable(),
  primary_tumor: z.enum(PRIMARY_TUMORS).nullable(),
  diagnosis: z.string(),
  question: z.string(),
  status: z.enum(CASE_STATUSES),
  updated_at: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const CASE_SORT_KEYS = ['updated_at', 'name', 'identifier', 'primary_tumor', 'status', 'created_at'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

export const caseListQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  statuses: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
  primaries: z.array(z.enum(PRIMARY_TUMORS)).max(PRIMARY_TUMORS.length).optional(),
  sort: z.enum(CASE_SORT_KEYS).default('updated_at'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CaseListQuery = z.input<typeof caseListQuerySchema>;
export type CaseListQueryParsed = z.output<typeof caseListQuerySchema>;

export const caseListPageSchema = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  rows: z.array(caseSummarySchema),
});
export type CaseListPage = z.infer<typeof caseListPageSchema>;
