/** Patients: the person a referral is about. Every write is audited in the caller's transaction. */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { withSeals } from '../seals';
import { insertId, stmt } from '../statements';
import { foldText } from '../../shared/text/fold';
import type { Patient, PatientInput } from '../../shared/domain/case';

interface PatientRow {
  id: number;
  identifier: string;
  family_name: string;
  given_name: string;
  birth_date: string | null;
  sex: Patient['sex'];
}

const COLUMNS = 'id, identifier, family_name, given_name, birth_date, sex';

export const sortNameOf = (p: Pick<PatientInput, 'family_name' | 'given_name'>): string =>
  foldText(`${p.family_name} ${p.given_name}`).trim();

export function getPatient(db: Db, id: number): Patient | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM patients WHERE id = ?`).get(id) as PatientRow | undefined;
}

export function findPatientByIdentifier(db: Db, identifier: string): Patient | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM patients WHERE identifier = ?`).get(identifier.trim()) as PatientRow | undefined;
}

export function insertPatient(db: Db, input: PatientInput, actor: string, now: string): Patient {
  const id = insertId(
    db,
    `INSERT INTO patients (identifier, family_name, given_name, birth_date, sex, created_at, updated_at)
     VALUES (@identifier, @family_name, @given_name, @birth_date, @sex, @now, @now)`,
    { ...input, now },
  );
  const patient: Patient = { id, ...input };
  appendAudit(db, { actor, action: 'patient.create', entity: 'patient', entityId: patient.id, before: null, after: withSeals(db, patient, [['patients', patient.id]]) }, now);
  return patient;
}

/** Returns the patient after the write, and whether anything changed (no audit row for a no-op). */
export function updatePatient(db: Db, before: Patient, input: PatientInput, actor: string, now: string): { patient: Patient; changed: boolean } {
  const patient: Patient = { id: before.id, ...input };
  const changed = (Object.keys(input) as (keyof PatientInput)[]).some((k) => input[k] !== before[k]);
  if (!changed) return { patient: before, changed: false };
  stmt(
    db,
    `UPDATE patients SET identifier = @identifier, family_name = @family_name, given_name = @given_name,
       birth_date = @birth_date, sex = @sex, updated_at = @now WHERE id = @id`,
  ).run({ ...input, id: before.id, now });
  appendAudit(db, { actor, action: 'patient.update', entity: 'patient', entityId: before.id, before, after: withSeals(db, patient, [['patients', before.id]]) }, now);
  return { patient, changed: true };
}
