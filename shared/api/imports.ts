/** Data in and out: CSV and FHIR imports (file content as text, read by the UI), backups, FHIR export. */
import { z } from 'zod';
import {
  backupInfoSchema, backupStatusSchema, csvImportResultSchema, csvMappingSchema, csvPreviewSchema, fhirImportResultSchema, fhirReportSchema,
  restoreResultSchema, savedMappingSchema,
} from '../domain/imports';
import { MAX_IMPORT_BYTES, utf8Length } from './limits';
import { ROLE_GROUPS, SIGNED_IN } from './access';
import { op } from './op';

/** 50 MB of text: far above a case list, far below what would hurt the main process (the host's cap agrees). */
const content = z.string().max(MAX_IMPORT_BYTES, 'the file is larger than 50 MB')
  .refine((s) => utf8Length(s) <= MAX_IMPORT_BYTES, 'the file is larger than 50 MB');
const source = z.string().trim().min(1, 'is required').max(200);

const csvInput = z.strictObject({ source, content, mapping: csvMappingSchema.optional() });
const fhirInput = z.strictObject({ source, content });

export const importOperations = {
  'imports.csvPreview': op(csvInput, csvPreviewSchema, ROLE_GROUPS.caseEditors),
  'imports.csvImport': op(csvInput.extend({ dry_run: z.boolean().default(false) }), csvImportResultSchema, ROLE_GROUPS.caseEditors),
  'imports.mappings.list': op(z.strictObject({}), z.array(savedMappingSchema), ROLE_GROUPS.caseEditors),
  'imports.mappings.save': op(z.strictObject({ source, mapping: csvMappingSchema }), savedMappingSchema, ROLE_GROUPS.caseEditors),
  'imports.fhirPreview': op(fhirInput, fhirReportSchema, ROLE_GROUPS.caseEditors),
  'imports.fhirImport': op(fhirInput, fhirImportResultSchema, ROLE_GROUPS.caseEditors),
  'backups.list': op(z.strictObject({}), z.array(backupInfoSchema), ROLE_GROUPS.data),
  'backups.create': op(z.strictObject({}), backupInfoSchema, ROLE_GROUPS.data),
  /** The last automatic backup (when, whether it worked, why not in plain words): every window warns when it failed. */
  'backups.status': op(z.strictObject({}), backupStatusSchema, SIGNED_IN),
  /** Restores one of this database's own backups (by its file name from backups.list). */
  'backups.restore': op(z.strictObject({ file: z.string().regex(/^board-[a-z-]+-[0-9TZ-]+\.sqlite$/, 'must be a backup file name from backups.list') }), restoreResultSchema, ROLE_GROUPS.admin),
  /** The case as an mCODE FHIR R4 Bundle (JSON text) for the EHR. */
  'exports.caseFhir': op(z.strictObject({ id: z.number().int().positive() }), z.object({ file_name: z.string(), content: z.string() }), SIGNED_IN),
} as const;
