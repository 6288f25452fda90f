/** Moves focus to a clinical fact's input in the case form (the to-do links of the options panel). */
import { fieldId } from '../fields/Field';
import { FACT_FIELDS, relevanceOf, RELEVANCE_LABEL } from '../../form/fields';
import { CASE_FACT_KEYS, type CaseFactKey } from '../../../shared/facts/facts';

const FACT_KEYS: ReadonlySet<string> = new Set(CASE_FACT_KEYS);

export const isFactKey = (field: string): field is CaseFactKey => FACT_KEYS.has(field);

/** The form's label for a fact, or the word itself for something that is not a form field. */
export function factLabel(field: string): string {
  return isFactKey(field) ? FACT_FIELDS[field].label : field;
}

export const factInputId = (key: CaseFactKey): string => fieldId(`case.facts.${key}`);

/**
 * Focuses the field and scrolls it into view. A yes/no/unknown group focuses its chosen radio (else the
 * first). Returns false when the field is not on the page (e.g. an HCC-only field of a colorectal case).
 */
export function focusFact(key: CaseFactKey): boolean {
  const el = document.getElementById(factInputId(key));
  if (!el) return false;
  const target = el instanceof HTMLFieldSetElement
    ? el.querySelector<HTMLInputElement>('input:checked') ?? el.querySelector<HTMLInputElement>('input') ?? el
    : el;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return document.activeElement === target;
}

/** Why a fact may not be on the form right now, in words. */
export function whereShown(key: CaseFactKey): string | null {
  const only = relevanceOf(key);
  return only ? `shown in the form when the primary tumour is ${RELEVANCE_LABEL[only]}` : null;
}
