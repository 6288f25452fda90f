/**
 * Two people, one record: the save was refused because someone else saved first. Every field where their version
 * and yours differ is shown side by side; you choose per field (your change is preselected where only you changed
 * it, theirs where only they did). Nothing is saved until you save the merged values. One dialog for every record
 * with a version: the case form, the decision form, an agenda item and the board rules; each gives its fields, their
 * labels and how a value reads (in words, never codes). Its words: shared/vocabulary/merge.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { MERGE_WORDS, type MergeRecord } from '../../shared/vocabulary';

/** One field of a merge: its key and the label the form gives it. */
export interface MergeField<K extends string = string> { key: K; label: string }

/** Field values to compare, as text (a list or a flag serialised the same way on both sides). */
export type MergeValues<K extends string = string> = Readonly<Record<K, string>>;

export type MergeChoice = 'mine' | 'theirs';

export interface MergeRow<K extends string = string> {
  key: K;
  theirs: string;
  mine: string;
  /** Both changed the field from what you opened: you must look at it. */
  both: boolean;
  choice: MergeChoice;
}

/** The fields where the two versions differ, in the order given, with the sensible default choice for each. */
export function mergeRows<K extends string>(keys: readonly K[], base: MergeValues<K>, theirs: MergeValues<K>, mine: MergeValues<K>): MergeRow<K>[] {
  return keys.filter((k) => theirs[k] !== mine[k]).map((k) => {
    const iChanged = mine[k] !== base[k];
    const theyChanged = theirs[k] !== base[k];
    return { key: k, theirs: theirs[k], mine: mine[k], both: iChanged && theyChanged, choice: iChanged ? 'mine' : 'theirs' };
  });
}

export interface MergeDialogProps<K extends string = string> {
  /** Which record: picks the heading. */
  record: MergeRecord;
  /** Who saved the other version and when, as the server said it. */
  who: string;
  fields: readonly MergeField<K>[];
  base: MergeValues<K>;
  theirs: MergeValues<K>;
  mine: MergeValues<K>;
  /** A value as a clinician reads it (option labels, never codes); the text itself when absent. */
  display?: (key: K, text: string) => string;
  /** The wording of the apply button (the form saves afterwards, or the dialog's choice saves at once). */
  applyLabel?: string;
  /** The merged values (theirs where nothing differs) and the choice made for each differing field. */
  onApply(merged: Record<K, string>, choices: Partial<Record<K, MergeChoice>>): void;
  onCancel(): void;
}

export function MergeDialog<K extends string>({ record, who, fields, base, theirs, mine, display, applyLabel, onApply, onCancel }: MergeDialogProps<K>) {
  const ref = useRef<HTMLDialogElement>(null);
  const keys = useMemo(() => fields.map((f) => f.key), [fields]);
  const labels = useMemo(() => new Map<K, string>(fields.map((f) => [f.key, f.label])), [fields]);
  const initial = useMemo(() => mergeRows(keys, base, theirs, mine), [keys, base, theirs, mine]);
  const [choices, setChoices] = useState<Partial<Record<K, MergeChoice>>>(() => Object.fromEntries(initial.map((r) => [r.key, r.choice])) as Partial<Record<K, MergeChoice>>);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal(); else dialog.setAttribute('open', '');
    }
  }, []);
  const show = (key: K, text: string): string => {
    const shown = display ? display(key, text) : text;
    return shown.trim() === '' ? MERGE_WORDS.empty : shown;
  };
  const apply = () => {
    const merged = { ...theirs } as Record<K, string>;
    for (const row of initial) merged[row.key] = choices[row.key] === 'mine' ? row.mine : row.theirs;
    onApply(merged, choices);
  };
  return (
    <dialog ref={ref} className="confirm merge-dialog" aria-labelledby="merge-title" aria-describedby="merge-intro" data-merge={record}
      onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="merge-title">{MERGE_WORDS.title[record]}</h2>
      <p id="merge-intro">{who} {MERGE_WORDS.intro}</p>
      {initial.length === 0 ? <p>{MERGE_WORDS.same}</p> : (
        <table className="merge-table">
          <caption className="visually-hidden">{MERGE_WORDS.caption}</caption>
          <thead><tr><th scope="col">{MERGE_WORDS.field}</th><th scope="col">{MERGE_WORDS.theirs}</th><th scope="col">{MERGE_WORDS.yours}</th></tr></thead>
          <tbody>
            {initial.map((row) => {
              const name = `merge-${row.key}`;
              const label = labels.get(row.key) ?? row.key;
              return (
                <tr key={row.key} className={row.both ? 'both-changed' : undefined}>
                  <th scope="row">{label}{row.both ? <span className="muted small"> {MERGE_WORDS.bothChanged}</span> : null}</th>
                  <td>
                    <label>
                      <input type="radio" name={name} checked={choices[row.key] === 'theirs'} aria-label={MERGE_WORDS.keepTheirs(label, show(row.key, row.theirs))}
                        onChange={() => setChoices({ ...choices, [row.key]: 'theirs' })} /> {show(row.key, row.theirs)}
                    </label>
                  </td>
                  <td>
                    <label>
                      <input type="radio" name={name} checked={choices[row.key] === 'mine'} aria-label={MERGE_WORDS.keepYours(label, show(row.key, row.mine))}
                        onChange={() => setChoices({ ...choices, [row.key]: 'mine' })} /> {show(row.key, row.mine)}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>{MERGE_WORDS.back}</button>
        <button type="button" className="primary" onClick={apply}>{applyLabel ?? MERGE_WORDS.apply}</button>
      </div>
    </dialog>
  );
}

/** "case 4 was changed by Alice at … (now version 3)." from the server's conflict message (drops the advice part). */
export const whoChanged = (message: string): string => message.replace(/; your edits are kept.*$/, '.');
