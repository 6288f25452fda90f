/** Case-list and case-form operations. */
import { z } from 'zod';
import {
  caseInputSchema, caseListPageSchema, caseListQuerySchema, caseRecordSchema, patientInputSchema, patientSchema,
} from '../domain/case';
import { ROLE_GROUPS, SIGNED_IN } from './access';
import { op } from './op';

const idInput = z.strictObject({ id: z.number().int().positive() });

export const caseOperations = {
  'cases.list': op(caseListQuerySchema, caseListPageSchema, SIGNED_IN),
  'cases.get': op(idInput, caseRecordSchema, SIGNED_IN),
  /** New referral: for a known patient (`patient_id`) or a new one (`patient`), never both. */
  'cases.create': op(
    z.strictObject({
      patient_id: z.number().int().positive().optional(),
      patient: patientInputSchema.optional(),
      case: caseInputSchema,
    }).refine((v) => (v.patient_id === undefined) !== (v.patient === undefined), {
      message: 'give either patient_id or patient, not both', path: ['patient'],
    }),
    caseRecordSchema,
    ROLE_GROUPS.caseEditors,
  ),
  /** Full replacement of the case and its patient's details; `version` is the one the editor loaded. */
  'cases.update': op(
    z.strictObject({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      patient: patientInputSchema,
      case: caseInputSchema,
    }),
    caseRecordSchema,
    ROLE_GROUPS.caseEditors,
  ),
  'patients.findByIdentifier': op(z.strictObject({ identifier: z.string().trim().min(1).max(40) }), patientSchema.nullable(), SIGNED_IN),
} as const;
