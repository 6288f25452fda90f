/**
 * Two people, one case: the save was refused because someone else saved first. Every field where their
 * version and yours differ is shown side by side; you choose per field (your change is preselected where only you
 * changed it, theirs where only they did). Nothing is saved until you save the merged form.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { CASE_STATUS_LABELS } from '../../shared/vocabulary';
import type { CaseStatus } from '../../shared/domain/case';
import { FACT_FIELDS } from '../form/fields';
import { ALL_PATHS, FIELD_LABELS, type FieldPath, type FormValues } from '../form/model';
import type { CaseFactKey } from '../../shared/facts/facts';

const SEX_WORDS: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' };

/** A value as a clinician reads it: option labels, never codes. */
export function displayValue(path: FieldPath, text: string): string {
  if (text.trim() === '') return '(empty)';
  if (path === 'patient.sex') return SEX_WORDS[text] ?? text;
  if (path === 'case.status') return CASE_STATUS_LABELS[text as CaseStatus] ?? text;
  if (path.startsWith('case.facts.')) {
    const field = FACT_FIELDS[path.slice('case.facts.'.length) as CaseFactKey];
    if (field.kind === 'enum') return field.options.find((o) => o.value === text)?.label ?? text;
    if (field.kind === 'bool') return text === 'yes' ? 'Yes' : text === 'no' ? 'No' : text;
  }
  return text;
}

export interface MergeRow {
  path: FieldPath;
  theirs: string;
  mine: string;
  /** Both changed the field from what you opened: you must look at it. */
  both: boolean;
  choice: 'mine' | 'theirs';
}

/** The fields where the two versions differ, with the sensible default choice for each. */
export function mergeRows(base: FormValues, theirs: FormValues, mine: FormValues): MergeRow[] {
  return ALL_PATHS.filter((p) => theirs[p] !== mine[p]).map((p) => {
    const iChanged = mine[p] !== base[p];
    const theyChanged = theirs[p] !== base[p];
    return { path: p, theirs: theirs[p], mine: mine[p], both: iChanged && theyChanged, choice: iChanged ? 'mine' : 'theirs' };
  });
}

export interface MergeDialogProps {
  /** Who saved the other version and when, as the server said it. */
  who: string;
  base: FormValues;
  theirs: FormValues;
  mine: FormValues;
  onApply(merged: FormValues): void;
  onCancel(): void;
}

export function MergeDialog({ who, base, theirs, mine, onApply, onCancel }: MergeDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const initial = useMemo(() => mergeRows(base, theirs, mine), [base, theirs, mine]);
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>(() => Object.fromEntries(initial.map((r) => [r.path, r.choice])));
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    }
  }, []);
  const apply = () => {
    const merged = { ...theirs };
    for (const row of initial) merged[row.path] = choices[row.path] === 'mine' ? row.mine : row.theirs;
    onApply(merged);
  };
  return (
    <dialog ref={ref} className="confirm merge-dialog" aria-labelledby="merge-title" aria-describedby="merge-intro"
      onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="merge-title">Someone else saved this case first</h2>
      <p id="merge-intro">{who} Nothing of yours is lost: for each field that differs, choose which value to keep, then save.</p>
      {initial.length === 0 ? <p>Their version and yours are the same: nothing to choose.</p> : (
        <table className="merge-table">
          <caption className="visually-hidden">Fields that differ between their version and yours</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Their version</th><th scope="col">Your version</th></tr></thead>
          <tbody>
            {initial.map((row) => {
              const name = `merge-${row.path}`;
              const label = FIELD_LABELS[row.path];
              return (
                <tr key={row.path} className={row.both ? 'both-changed' : undefined}>
                  <th scope="row">{label}{row.both ? <span className="muted small"> (both changed)</span> : null}</th>
                  <td>
                    <label>
                      <input type="radio" name={name} checked={choices[row.path] === 'theirs'} aria-label={`${label}: keep their value ${displayValue(row.path, row.theirs)}`}
                        onChange={() => setChoices({ ...choices, [row.path]: 'theirs' })} /> {displayValue(row.path, row.theirs)}
                    </label>
                  </td>
                  <td>
                    <label>
                      <input type="radio" name={name} checked={choices[row.path] === 'mine'} aria-label={`${label}: keep your value ${displayValue(row.path, row.mine)}`}
                        onChange={() => setChoices({ ...choices, [row.path]: 'mine' })} /> {displayValue(row.path, row.mine)}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>Back to my edits</button>
        <button type="button" className="primary" onClick={apply}>Use these values</button>
      </div>
    </dialog>
  );
}
