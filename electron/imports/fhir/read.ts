/**
 * Reads a FHIR file (a Bundle as JSON, or NDJSON with one resource per line) into resources, refusing with a
 * message that names the file, the resource and the field: not JSON, not a Bundle, a DSTU2-style resource,
 * a malformed resource we read, or a reference that does not resolve inside the file.
 */
import type { z } from 'zod';
import type { Condition, MedicationAdministration, MedicationRequest, MedicationStatement, Observation, Patient } from '@medplum/fhirtypes';
import {
  anyResourceSchema, bundleSchema, conditionSchema, medicationAdministrationSchema, medicationRequestSchema, medicationStatementSchema,
  observationSchema, patientSchema,
} from './schema';

export type Medication = MedicationStatement | MedicationRequest | MedicationAdministration;

export interface ReadResource {
  /** `Type/id` (or the fullUrl when there is no id), for messages. */
  label: string;
  resourceType: string;
  raw: Record<string, unknown>;
}

export interface FhirContent {
  resources: ReadResource[];
  patients: { label: string; resource: Patient }[];
  conditions: { label: string; resource: Condition }[];
  observations: { label: string; resource: Observation }[];
  medications: { label: string; resource: Medication }[];
  others: ReadResource[];
  errors: string[];
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.');
  return `${field ? `field ${field}: ` : ''}${issue?.message ?? 'invalid'}`;
}

function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Splits the text into raw resources (with the address each can be referenced by). */
function rawResources(text: string, file: string, errors: string[]): { fullUrl?: string | undefined; resource: Record<string, unknown>; where: string }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    errors.push(`${file}: the file is empty`);
    return [];
  }
  const whole = parseJson(body);
  if (whole.error === undefined) {
    const value = whole.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${file}: not a FHIR resource (expected a JSON object with resourceType "Bundle")`);
      return [];
    }
    const rt = (value as { resourceType?: unknown }).resourceType;
    if (rt !== 'Bundle') {
      errors.push(`${file}: resourceType is ${typeof rt === 'string' ? `"${rt}"` : 'missing'}; expected "Bundle" (or NDJSON with one resource per line)`);
      return [];
    }
    const bundle = bundleSchema.safeParse(value);
    if (!bundle.success) {
      errors.push(`${file}: Bundle ${issueText(bundle.error)}`);
      return [];
    }
    return (bundle.data.entry ?? []).map((e, i) => ({ fullUrl: e.fullUrl, resource: e.resource, where: `entry[${i}]` }));
  }
  const lines = body.split(/\r?\n/);
  const out: { resource: Record<string, unknown>; where: string }[] = [];
  const nonEmpty = lines.filter((l) => l.trim() !== '').length;
  if (nonEmpty < 2 && !body.trimStart().startsWith('{')) {
    errors.push(`${file}: not JSON (${whole.error})`);
    return [];
  }
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (parsed.error !== undefined) {
      errors.push(nonEmpty < 2 ? `${file}: not JSON (${whole.error})` : `${file}: line ${i + 1} is not JSON (${parsed.error})`);
      return;
    }
    const r = anyResourceSchema.safeParse(parsed.value);
    if (!r.success) errors.push(`${file}: line ${i + 1}: not a FHIR resource (${issueText(r.error)})`);
    else out.push({ resource: r.data, where: `line ${i + 1}` });
  });
  return out;
}

/** DSTU2 shapes that R4 renamed or retyped: refused rather than half-read. */
function dstu2Problem(resource: Record<string, unknown>): string | undefined {
  if (resource.resourceType === 'Condition') {
    if ('patient' in resource) return 'field "patient" is DSTU2; FHIR R4 uses "subject"';
    if (typeof resource.clinicalStatus === 'string') return 'field "clinicalStatus" is a DSTU2 code string; FHIR R4 uses a CodeableConcept';
    if (typeof resource.verificationStatus === 'string') return 'field "verificationStatus" is a DSTU2 code string; FHIR R4 uses a CodeableConcept';
    if ('dateRecorded' in resource) return 'field "dateRecorded" is DSTU2; FHIR R4 uses "recordedDate"';
  }
  if (resource.resourceType === 'Observation' && 'subject' in resource === false && 'patient' in resource) return 'field "patient" is not FHIR R4; use "subject"';
  return undefined;
}

const SCHEMAS = {
  Patient: patientSchema,
  Condition: conditionSchema,
  Observation: observationSchema,
  MedicationStatement: medicationStatementSchema,
  MedicationRequest: medicationRequestSchema,
  MedicationAdministration: medicationAdministrationSchema,
} as const;

/** Reference strings in the fields the importer relies on (subject, focus, members, extensions). */
function referencesOf(resource: Record<string, unknown>): { field: string; reference: string }[] {
  const out: { field: string; reference: string }[] = [];
  const add = (field: string, ref: unknown) => {
    if (ref && typeof ref === 'object' && typeof (ref as { reference?: unknown }).reference === 'string') out.push({ field, reference: (ref as { reference: string }).reference });
  };
  add('subject', resource.subject);
  for (const key of ['focus', 'hasMember'] as const) {
    const list = resource[key];
    if (Array.isArray(list)) list.forEach((r, i) => add(`${key}[${i}]`, r));
  }
  const ext = resource.extension;
  if (Array.isArray(ext)) ext.forEach((e, i) => add(`extension[${i}].valueReference`, (e as { valueReference?: unknown }).valueReference));
  return out;
}

export function readFhir(text: string, file: string): FhirContent {
  const errors: string[] = [];
  const content: FhirContent = { resources: [], patients: [], conditions: [], observations: [], medications: [], others: [], errors };
  const raws = rawResources(text, file, errors);
  if (errors.length) return content;
  const addresses = new Set<string>();
  for (const r of raws) {
    const rt = String(r.resource.resourceType);
    const id = typeof r.resource.id === 'string' ? r.resource.id : undefined;
    if (r.fullUrl) addresses.add(r.fullUrl);
    if (id) addresses.add(`${rt}/${id}`);
    if (id && r.fullUrl && /^https?:/.test(r.fullUrl)) addresses.add(r.fullUrl);
  }
  for (const r of raws) {
    const rt = String(r.resource.resourceType);
    const id = typeof r.resource.id === 'string' ? r.resource.id : undefined;
    const label = id ? `${rt}/${id}` : (r.fullUrl ?? `${rt} at ${r.where}`);
    const item: ReadResource = { label, resourceType: rt, raw: r.resource };
    content.resources.push(item);
    const dstu2 = dstu2Problem(r.resource);
    if (dstu2) {
      errors.push(`${file}: ${label}: ${dstu2} (this file is not FHIR R4)`);
      continue;
    }
    for (const { field, reference } of referencesOf(r.resource)) {
      if (!addresses.has(reference) && !reference.startsWith('#')) {
        errors.push(`${file}: ${label}: ${field} reference "${reference}" does not resolve to a resource in this file`);
      }
    }
    if (!Object.hasOwn(SCHEMAS, rt)) {
      content.others.push(item);
      continue;
    }
    const schema = SCHEMAS[rt as keyof typeof SCHEMAS];
    const parsed = schema.safeParse(r.resource);
    if (!parsed.success) {
      errors.push(`${file}: ${label}: ${issueText(parsed.error)}`);
      continue;
    }
    // The schemas' shapes are proved assignable to the @medplum/fhirtypes types (schema.ts).
    const data = parsed.data;
    if (data.resourceType === 'Patient') content.patients.push({ label, resource: data as Patient });
    else if (data.resourceType === 'Condition') content.conditions.push({ label, resource: data as Condition });
    else if (data.resourceType === 'Observation') content.observations.push({ label, resource: data as Observation });
    else content.medications.push({ label, resource: data as Medication });
  }
  return content;
}
