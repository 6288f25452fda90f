/**
 * Data in and out: the CSV column-mapping model, import previews and results, FHIR import reports and backups.
 * Pure zod schemas shared by the API contract, the services and the UI.
 */
import { z } from 'zod';
import { CASE_FACT_KEYS, type CaseFactKey } from '../facts/facts';
import { LAB_ANALYTES, LAB_UNITS, type LabAnalyte } from './units';

export const PATIENT_TARGETS = ['identifier', 'family_name', 'given_name', 'birth_date', 'sex'] as const;
export const CASE_TARGETS = ['referring_clinician', 'question', 'diagnosis', 'status'] as const;
export type PatientTarget = (typeof PATIENT_TARGETS)[number];
export type CaseTarget = (typeof CASE_TARGETS)[number];

/** Where a CSV column goes: `patient.<field>`, `case.<field>`, `fact.<CONTRACT field>`, or nowhere. */
export const CSV_TARGETS = [
  'ignore',
  ...PATIENT_TARGETS.map((t) => `patient.${t}` as const),
  ...CASE_TARGETS.map((t) => `case.${t}` as const),
  ...CASE_FACT_KEYS.map((k) => `fact.${k}` as const),
] as [string, ...string[]];
export type CsvTarget = 'ignore' | `patient.${PatientTarget}` | `case.${CaseTarget}` | `fact.${CaseFactKey}`;

/** Lab facts that may arrive in another unit; the unit ids are those of shared/domain/units.ts. */
export const LAB_FACT_ANALYTE: Partial<Record<CaseFactKey, LabAnalyte>> = Object.fromEntries(
  LAB_ANALYTES.map((a) => [LAB_UNITS[a].fact, a]),
) as Partial<Record<CaseFactKey, LabAnalyte>>;

export const columnMappingSchema = z.strictObject({
  /** The header text of the source column, exactly as in the file (after trimming). */
  column: z.string().trim().min(1).max(200),
  target: z.enum(CSV_TARGETS),
  /** For lab facts: the unit the column is in (e.g. `umol_l` for bilirubin); absent = the CONTRACT unit. */
  unit: z.string().max(20).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const csvMappingSchema = z.strictObject({
  columns: z.array(columnMappingSchema).max(500),
}).superRefine((m, ctx) => {
  const seen = new Map<string, number>();
  m.columns.forEach((c, i) => {
    if (c.target !== 'ignore') {
      const prev = seen.get(c.target);
      if (prev !== undefined) ctx.addIssue({ code: 'custom', path: ['columns', i, 'target'], message: `${c.target} is already mapped from column "${m.columns[prev]?.column ?? ''}"` });
      seen.set(c.target, i);
    }
    const fact = c.target.startsWith('fact.') ? (c.target.slice(5) as CaseFactKey) : undefined;
    const analyte = fact ? LAB_FACT_ANALYTE[fact] : undefined;
    if (c.unit !== undefined) {
      if (!analyte) ctx.addIssue({ code: 'custom', path: ['columns', i, 'unit'], message: `a unit applies to lab facts only, not ${c.target}` });
      else if (!LAB_UNITS[analyte].units.some((u) => u.id === c.unit)) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'unit'], message: `unknown unit ${c.unit} for ${analyte} (${LAB_UNITS[analyte].units.map((u) => u.id).join(', ')})` });
      }
    }
  });
});
export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** One problem, by row and column. `row` counts as a spreadsheet does: the header is row 1. */
export const importProblemSchema = z.object({
  row: z.number().int().min(0),
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export const csvRowResultSchema = z.object({
  row: z.number().int().min(2),
  identifier: z.string(),
  ok: z.boolean(),
  /** What importing would do (or did) with this row; absent when the row is invalid. */
  action: z.enum(IMPORT_ACTIONS).optional(),
  problems: z.array(importProblemSchema),
});
export type CsvRowResult = z.infer<typeof csvRowResultSchema>;

export const csvPreviewSchema = z.object({
  source: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  mapping: csvMappingSchema,
  /** Where the mapping came from: saved for this source, recognised from the headers, or given by the caller. */
  mapping_origin: z.enum(['given', 'saved', 'recognised']),
  unmapped_columns: z.array(z.string()),
  total_rows: z.number().int().min(0),
  valid_rows: z.number().int().min(0),
  /** File-level problems (no header, no identifier column…) and every row's problems. */
  problems: z.array(importProblemSchema),
  rows: z.array(csvRowResultSchema),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
});
export type CsvPreview = z.infer<typeof csvPreviewSchema>;

export const csvImportResultSchema = z.object({
  source: z.string(),
  dry_run: z.boolean(),
  /** True when the rows were written (never partly: one transaction). */
  imported: z.boolean(),
  problems: z.array(importProblemSchema),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
  created_case_ids: z.array(z.number().int()),
  updated_case_ids: z.array(z.number().int()),
});
export type CsvImportResult = z.infer<typeof csvImportResultSchema>;

export const savedMappingSchema = z.object({
  source: z.string(),
  mapping: csvMappingSchema,
  updated_at: z.string(),
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;

// ---- FHIR -----------------------------------------------------------------------------------------------

export const fhirMappedItemSchema = z.object({
  /** `ResourceType/id` of the source resource. */
  resource: z.string(),
  /** What it became: a patient field or a CONTRACT fact, with the value. */
  target: z.string(),
  value: z.string(),
  note: z.string().optional(),
});
export const fhirSkippedItemSchema = z.object({ resource: z.string(), reason: z.string() });

export const fhirReportSchema = z.object({
  source: z.string(),
  resources: z.number().int().min(0),
  /** Problems that stop the import (structure, references); names the file, the resource and the field. */
  errors: z.array(z.string()),
  patient: z.object({ identifier: z.string(), family_name: z.string(), given_name: z.string(), birth_date: z.string().nullable(), sex: z.string() }).nullable(),
  mapped: z.array(fhirMappedItemSchema),
  not_mapped: z.array(fhirSkippedItemSchema),
  /** CONTRACT facts still unknown after this import. */
  missing_facts: z.array(z.string()),
  action: z.enum(IMPORT_ACTIONS).nullable(),
});
export type FhirReport = z.infer<typeof fhirReportSchema>;

export const fhirImportResultSchema = fhirReportSchema.extend({
  imported: z.boolean(),
  case_id: z.number().int().nullable(),
  patient_id: z.number().int().nullable(),
});
export type FhirImportResult = z.infer<typeof fhirImportResultSchema>;

// ---- backups ---------------------------------------------------------------------------------------------

export const backupInfoSchema = z.object({
  file: z.string(),
  bytes: z.number().int().min(0),
  created_at: z.string(),
  kind: z.enum(['auto', 'manual', 'pre-restore']),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/** Why an automatic backup failed, as a word the vocabulary turns into plain words (shared/vocabulary/backups.ts). */
export const BACKUP_PROBLEMS = ['disk_full', 'no_access', 'disk_error', 'busy', 'other'] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/** One automatic backup attempt as recorded by the schedule (never a path: only when, whether, and why not). */
export const autoBackupAttemptSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  problem: z.enum(BACKUP_PROBLEMS).nullable(),
});
export type AutoBackupAttempt = z.infer<typeof autoBackupAttemptSchema>;

/** `backups.status`: the last automatic backup, and whether the board should be warned that backups are failing. */
export const backupStatusSchema = z.object({
  /** False where the app makes no automatic backups (a board on PostgreSQL: its backups are the administrators'). */
  automatic: z.boolean(),
  /** The last automatic attempt, with the reason in plain words when it failed. */
  last: autoBackupAttemptSchema.extend({ reason: z.string().nullable() }).nullable(),
  /** The newest backup of any kind in the backups folder. */
  newest_backup_at: z.string().nullable(),
  /** The last automatic backup failed and no backup has been made since. */
  failing: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const restoreResultSchema = z.object({
  restored_from: z.string(),
  safety_backup: z.string(),
  schema_version: z.number().int(),
  cases: z.number().int().min(0),
  audit_rows: z.number().int().min(0),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;
