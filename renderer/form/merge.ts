/**
 * The case form's side of the merge view (components/MergeDialog.tsx): its fields in form order with the form's
 * labels, and how a stored value reads (option labels, never codes).
 */
import { CASE_STATUS_LABELS, SEX_LABELS, YES_NO } from '../../shared/vocabulary';
import type { CaseStatus, Sex } from '../../shared/domain/case';
import type { CaseFactKey } from '../../shared/facts/facts';
import type { MergeField } from '../components/MergeDialog';
import { FACT_FIELDS } from './fields';
import { ALL_PATHS, FIELD_LABELS, type FieldPath } from './model';

export const CASE_MERGE_FIELDS: readonly MergeField<FieldPath>[] = ALL_PATHS.map((p) => ({ key: p, label: FIELD_LABELS[p] }));

/** A value as a clinician reads it: option labels, never codes. */
export function displayValue(path: FieldPath, text: string): string {
  if (text.trim() === '') return '';
  if (path === 'patient.sex') return SEX_LABELS[text as Sex] ?? text;
  if (path === 'case.status') return CASE_STATUS_LABELS[text as CaseStatus] ?? text;
  if (path.startsWith('case.facts.')) {
    const field = FACT_FIELDS[path.slice('case.facts.'.length) as CaseFactKey];
    if (field.kind === 'enum') return field.options.find((o) => o.value === text)?.label ?? text;
    if (field.kind === 'bool') return text === 'yes' ? YES_NO.yes : text === 'no' ? YES_NO.no : text;
  }
  return text;
}
