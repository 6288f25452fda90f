/**
 * The FHIR boundary: zod schemas for the parts of R4 resources the importer reads. Anything else a resource
 * carries passes through untouched (loose objects). The inferred shapes are checked at compile time to be
 * assignable to the R4 types of @medplum/fhirtypes, so the mapper works on maintained FHIR types.
 */
import { z } from 'zod';
import type {
  CodeableConcept, Coding, Condition, Extension, MedicationAdministration, MedicationRequest, MedicationStatement,
  Observation, Patient, Period, Quantity, Reference,
} from '@medplum/fhirtypes';

/** Compile-time proof that what zod accepts is a valid value of the FHIR type. */
/** The declared keys of a loose object (without the index signature that lets unknown keys through). */
type Declared<T> = T extends readonly (infer E)[] ? Declared<E>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> } : T;

export const codingSchema = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
export const codeableConceptSchema = z.looseObject({ coding: z.array(codingSchema).optional(), text: z.string().optional() });
export const referenceSchema = z.looseObject({ reference: z.string().optional(), display: z.string().optional() });
export const quantitySchema = z.looseObject({ value: z.number().optional(), unit: z.string().optional(), system: z.string().optional(), code: z.string().optional() });
export const periodSchema = z.looseObject({ start: z.string().optional(), end: z.string().optional() });
export const extensionSchema = z.looseObject({
  url: z.string(),
  valueReference: referenceSchema.optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
});
const metaSchema = z.looseObject({ profile: z.array(z.string()).optional() });

const base = {
  id: z.string().optional(),
  meta: metaSchema.optional(),
  extension: z.array(extensionSchema).optional(),
};

export const patientSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Patient'),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional(), type: codeableConceptSchema.optional() })).optional(),
  name: z.array(z.looseObject({ family: z.string().optional(), given: z.array(z.string()).optional(), text: z.string().optional(), use: z.enum(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional() })).optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)').optional(),
});

export const conditionSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Condition'),
  clinicalStatus: codeableConceptSchema.optional(),
  verificationStatus: codeableConceptSchema.optional(),
  code: codeableConceptSchema.optional(),
  bodySite: z.array(codeableConceptSchema).optional(),
  subject: referenceSchema,
  onsetDateTime: z.string().optional(),
  recordedDate: z.string().optional(),
});

export const observationSchema = z.looseObject({
  ...base,
  resourceType: z.literal('Observation'),
  status: z.enum(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
  code: codeableConceptSchema,
  subject: referenceSchema.optional(),
  focus: z.array(referenceSchema).optional(),
  hasMember: z.array(referenceSchema).optional(),
  effectiveDateTime: z.string().optional(),
  effectivePeriod: periodSchema.optional(),
  issued: z.string().optional(),
  valueQuantity: quantitySchema.optional(),
  valueCodeableConcept: codeableConceptSchema.optional(),
  valueInteger: z.number().int().optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  component: z.array(z.looseObject({
    code: codeableConceptSchema,
    valueQuantity: quantitySchema.optional(),
    valueCodeableConcept: codeableConceptSchema.optional(),
  })).optional(),
});

const medicationBase = {
  ...base,
  subject: referenceSchema,
  medicationCodeableConcept: codeableConceptSchema.optional(),
  medicationReference: referenceSchema.optional(),
};
export const medicationStatementSchema = z.looseObject({
  ...medicationBase, resourceType: z.literal('MedicationStatement'),
  status: z.enum(['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken']),
  effectiveDateTime: z.string().optional(), effectivePeriod: periodSchema.optional(),
});
export const medicationRequestSchema = z.looseObject({
  ...medicationBase,
  resourceType: z.literal('MedicationRequest'),
  status: z.enum(['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown']),
  intent: z.enum(['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
  authoredOn: z.string().optional(),
});
export const medicationAdministrationSchema = z.looseObject({
  ...medicationBase, resourceType: z.literal('MedicationAdministration'),
  status: z.enum(['in-progress', 'not-done', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'unknown']),
  effectiveDateTime: z.string().optional(), effectivePeriod: periodSchema.optional(),
});

/** Any resource: a resourceType and an optional id; the specific schemas above apply where we read more. */
export const anyResourceSchema = z.looseObject({ resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/, 'must be a FHIR resource type name'), id: z.string().optional() });

export const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: anyResourceSchema })).optional(),
});

// Compile-time check against @medplum/fhirtypes (R4): each declared zod shape must be assignable to its FHIR
// type, or this function does not compile. It is never called.
export const fhirTypeCheck = (v: {
  codingSchema: Declared<z.infer<typeof codingSchema>>;
  codeableConceptSchema: Declared<z.infer<typeof codeableConceptSchema>>;
  referenceSchema: Declared<z.infer<typeof referenceSchema>>;
  quantitySchema: Declared<z.infer<typeof quantitySchema>>;
  periodSchema: Declared<z.infer<typeof periodSchema>>;
  extensionSchema: Declared<z.infer<typeof extensionSchema>>;
  patientSchema: Declared<z.infer<typeof patientSchema>>;
  conditionSchema: Declared<z.infer<typeof conditionSchema>>;
  observationSchema: Declared<z.infer<typeof observationSchema>>;
  medicationStatementSchema: Declared<z.infer<typeof medicationStatementSchema>>;
  medicationRequestSchema: Declared<z.infer<typeof medicationRequestSchema>>;
  medicationAdministrationSchema: Declared<z.infer<typeof medicationAdministrationSchema>>;
}): [Coding, CodeableConcept, Reference, Quantity, Period, Extension, Patient, Condition, Observation, MedicationStatement, MedicationRequest, MedicationAdministration] => [v.codingSchema, v.codeableConceptSchema, v.referenceSchema, v.quantitySchema, v.periodSchema, v.extensionSchema, v.patientSchema, v.conditionSchema, v.observationSchema, v.medicationStatementSchema, v.medicationRequestSchema, v.medicationAdministrationSchema];
