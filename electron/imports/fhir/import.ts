/**
 * FHIR import: read (refusing bad files whole) → map → report (mapped, not mapped, CONTRACT facts still
 * missing for the engine) → write one case in one transaction through the case repository. The patient is
 * matched by identifier, so importing the same file twice updates (or leaves unchanged) instead of duplicating.
 */
import type { DbLike as Db } from '../../../db/sql/port';
import { createCase, getCase, updateCase } from '../../../db/repositories/cases';
import { findPatientByIdentifier } from '../../../db/repositories/patients';
import { latestCaseIdOfPatient } from '../../../db/repositories/imports';
import { caseInputSchema, patientInputSchema, type CaseInput, type CaseRecord } from '../../../shared/domain/case';
import type { CaseFacts } from '../../../shared/facts/facts';
import type { FhirImportResult, FhirReport, ImportAction } from '../../../shared/domain/imports';
import { evaluate } from '../../../shared/engine';
import { mapFhir } from './map';
import { readFhir } from './read';
import { transactionFn } from '../../../db/statements';

export interface FhirInput {
  /** The file name, used in every message. */
  source: string;
  content: string;
}

const canonical = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v);

function missingFacts(facts: CaseFacts): string[] {
  try {
    return [...new Set(evaluate(facts).missing.map((m) => m.field))];
  } catch {
    return [];
  }
}

interface Planned {
  report: FhirReport;
  write?: { kind: 'create'; case: CaseInput } | { kind: 'update'; existing: CaseRecord; case: CaseInput };
}

function plan(db: Db, input: FhirInput, now: Date): Planned {
  const content = readFhir(input.content, input.source);
  const empty: FhirReport = { source: input.source, resources: content.resources.length, errors: content.errors, patient: null, mapped: [], not_mapped: [], missing_facts: [], action: null };
  if (content.errors.length) return { report: empty };
  const m = mapFhir(content, now);
  const errors = m.patientErrors.map((e) => `${input.source}: ${e}`);
  const report: FhirReport = { ...empty, errors, patient: m.patient, mapped: m.mapped, not_mapped: m.not_mapped, missing_facts: missingFacts(m.facts) };
  if (errors.length || !m.patient) return { report };
  const patient = patientInputSchema.safeParse(m.patient);
  if (!patient.success) {
    const issue = patient.error.issues[0];
    return { report: { ...report, errors: [`${input.source}: Patient ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`] } };
  }
  const existingPatient = findPatientByIdentifier(db, m.patient.identifier);
  const caseId = existingPatient ? latestCaseIdOfPatient(db, existingPatient.id) : undefined;
  const existing = caseId !== undefined ? getCase(db, caseId) : undefined;
  const base: CaseInput = existing
    ? { referring_clinician: existing.referring_clinician, question: existing.question, diagnosis: existing.diagnosis, status: existing.status, facts: existing.facts }
    : { referring_clinician: '', question: '', diagnosis: '', status: 'draft', facts: {} };
  const facts = { ...base.facts, ...m.facts };
  const next = caseInputSchema.safeParse({ ...base, diagnosis: m.diagnosis || base.diagnosis, facts });
  if (!next.success) {
    const issue = next.error.issues[0];
    return { report: { ...report, errors: [`${input.source}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`] } };
  }
  report.missing_facts = missingFacts(next.data.facts);
  let action: ImportAction;
  if (!existing) action = 'create';
  else {
    const samePatient = existingPatient && canonical({ ...existingPatient, id: undefined }) === canonical(m.patient);
    action = samePatient && canonical(base) === canonical(next.data) ? 'unchanged' : 'update';
  }
  report.action = action;
  if (action === 'create') return { report, write: { kind: 'create', case: next.data } };
  if (action === 'update' && existing) return { report, write: { kind: 'update', existing, case: next.data } };
  return { report };
}

export function previewFhir(db: Db, input: FhirInput, now = new Date()): FhirReport {
  return plan(db, input, now).report;
}

export function importFhir(db: Db, input: FhirInput & { actor: string }, now = new Date()): FhirImportResult {
  const { report, write } = plan(db, input, now);
  const existing = report.patient ? findPatientByIdentifier(db, report.patient.identifier) : undefined;
  const base: FhirImportResult = { ...report, imported: false, case_id: null, patient_id: existing?.id ?? null };
  if (report.errors.length || !report.patient) return base;
  const patient = patientInputSchema.parse(report.patient);
  if (!write) {
    const caseId = existing ? latestCaseIdOfPatient(db, existing.id) ?? null : null;
    return { ...base, imported: true, case_id: caseId };
  }
  const actor = `${input.actor} (FHIR import: ${input.source})`.slice(0, 200);
  const stamp = now.toISOString();
  const record = transactionFn(db, () => {
    if (write.kind === 'create') {
      return existing ? createCase(db, { patient_id: existing.id, case: write.case }, actor, stamp) : createCase(db, { patient, case: write.case }, actor, stamp);
    }
    return updateCase(db, { id: write.existing.id, version: write.existing.version, patient, case: write.case }, actor, stamp);
  })();
  return { ...base, imported: true, case_id: record.id, patient_id: record.patient.id };
}
