/** What a person reads for CSV targets, import actions and backup kinds. */
import type { CaseFactKey } from '../../../shared/facts/facts';
import { CASE_TARGETS, PATIENT_TARGETS, type CaseTarget, type CsvTarget, type ImportAction, type PatientTarget } from '../../../shared/domain/imports';
import { CASE_FACT_KEYS } from '../../../shared/facts/facts';
import { FACT_FIELDS } from '../../form/fields';

export const PATIENT_TARGET_LABELS: Record<PatientTarget, string> = {
  identifier: 'Patient identifier (MRN)', family_name: 'Family name', given_name: 'Given name', birth_date: 'Date of birth', sex: 'Sex',
};
export const CASE_TARGET_LABELS: Record<CaseTarget, string> = {
  referring_clinician: 'Referring clinician', question: 'Question to the board', diagnosis: 'Diagnosis', status: 'Case status',
};

export interface TargetGroup { label: string; options: Array<{ value: CsvTarget; label: string }> }

export const TARGET_GROUPS: readonly TargetGroup[] = [
  { label: 'Patient', options: PATIENT_TARGETS.map((t) => ({ value: `patient.${t}` as const, label: PATIENT_TARGET_LABELS[t] })) },
  { label: 'Case', options: CASE_TARGETS.map((t) => ({ value: `case.${t}` as const, label: CASE_TARGET_LABELS[t] })) },
  { label: 'Clinical facts', options: CASE_FACT_KEYS.map((k: CaseFactKey) => ({ value: `fact.${k}` as const, label: FACT_FIELDS[k].label })) },
];

export function targetLabel(target: string): string {
  if (target === 'ignore') return 'Not imported';
  for (const g of TARGET_GROUPS) {
    const hit = g.options.find((o) => o.value === target);
    if (hit) return hit.label;
  }
  return target;
}

export const ACTION_LABELS: Record<ImportAction, string> = { create: 'New case', update: 'Updates a case', unchanged: 'Unchanged' };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export { factLabel } from '../../../shared/vocabulary';
