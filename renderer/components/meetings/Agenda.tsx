/**
 * The agenda: cases in order with readiness, time, presenter, "standard of care" and the decision state.
 * Reorder by dragging, or from the keyboard: Alt+ArrowUp / Alt+ArrowDown on a focused item (Alt+Home/End to the
 * ends). Read-only once the meeting is signed. A change based on an item someone else changed meanwhile is
 * refused by the server (CONFLICT naming who); the merge view then shows their settings beside yours.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { AGENDA_ITEM_FIELD_LABELS, MERGE_WORDS, PRIMARY_TUMOR_LABELS, YES_NO } from '../../../shared/vocabulary';
import { ApiError } from '../../../shared/api';
import { MergeDialog, whoChanged, type MergeField } from '../MergeDialog';
import type { AgendaItem, AgendaItemSettings, Decision } from '../../../shared/domain/meeting';
import { useStores } from '../../stores/context';
import { failureOf } from './labels';
import { planLabel } from '../../../shared/vocabulary';
import { ReadinessBadge, ReadinessDetails } from './Readiness';

type ItemKey = keyof typeof AGENDA_ITEM_FIELD_LABELS;
const ITEM_FIELDS: readonly MergeField<ItemKey>[] = (Object.keys(AGENDA_ITEM_FIELD_LABELS) as ItemKey[]).map((key) => ({ key, label: AGENDA_ITEM_FIELD_LABELS[key] }));
/** An item's settings as text to compare. */
const itemValues = (i: Pick<AgendaItem, ItemKey>): Record<ItemKey, string> => ({
  minutes_allotted: String(i.minutes_allotted), presenter: i.presenter, standard_of_care: i.standard_of_care ? 'yes' : 'no',
});
const showItemValue = (key: ItemKey, text: string): string => (key === 'standard_of_care' ? (text === 'yes' ? YES_NO.yes : YES_NO.no) : text);

interface ItemMerge { base: AgendaItem; theirs: AgendaItem; mine: Record<ItemKey, string>; who: string }

export interface AgendaProps {
  items: AgendaItem[];
  decisions: Record<number, Decision>;
  /** The agenda can be changed (planned or in progress, and not signed). */
  editable: boolean;
  onOpenDecision(item: AgendaItem): void;
}

export function Agenda({ items, decisions, editable, onOpenDecision }: AgendaProps) {
  const stores = useStores();
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragId, setDragId] = useState<number | null>(null);
  const refocus = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (refocus.current === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-item-id="${refocus.current}"]`)?.focus();
    refocus.current = null;
  });

  const name = (i: AgendaItem): string => `${i.family_name}, ${i.given_name}`;

  const move = async (item: AgendaItem, to: number): Promise<void> => {
    const clamped = Math.max(0, Math.min(items.length - 1, to));
    if (clamped === items.indexOf(item)) return;
    setError(null);
    refocus.current = item.id;
    try {
      await stores.meetings.getState().move(item.id, clamped);
      setAnnounce(`${name(item)} moved to position ${clamped + 1} of ${items.length}.`);
    } catch (err) {
      // Someone else changed the agenda meanwhile: the store now shows it as it is; nothing of theirs was undone.
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === undefined) {
        setError(`The agenda was not reordered: ${whoChanged(err.message).replace(/\.$/, '')}. It now shows their changes; move ${name(item)} again if still needed.`);
      } else setError(`The agenda could not be reordered: ${failureOf(err).message}`);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLLIElement>, item: AgendaItem, index: number): void => {
    if (e.target !== e.currentTarget || !editable || !e.altKey) return;
    const to = e.key === 'ArrowUp' ? index - 1 : e.key === 'ArrowDown' ? index + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    void move(item, to);
  };

  const onDrop = (e: DragEvent<HTMLLIElement>, target: AgendaItem): void => {
    e.preventDefault();
    const dragged = items.find((i) => i.id === dragId);
    setDragId(null);
    if (dragged && dragged.id !== target.id) void move(dragged, items.indexOf(target));
  };

  const [minutesProblem, setMinutesProblem] = useState<Record<number, string>>({});
  const [merge, setMerge] = useState<ItemMerge | null>(null);
  /** Per item: the saves in flight, one after the other, and the versions this screen's own saves moved it through. */
  const queue = useRef(new Map<number, Promise<void>>());
  const ownSaves = useRef(new Map<number, Map<number, number>>());
  /** The version a change seen on `version` builds on: past this screen's own later saves, never past anyone else's. */
  const basedOn = (itemId: number, version: number): number => {
    const moves = ownSaves.current.get(itemId);
    let v = version;
    for (let next = moves?.get(v); next !== undefined; next = moves?.get(v)) v = next;
    return v;
  };
  const save = (item: AgendaItem, settings: AgendaItemSettings): Promise<void> => {
    const run = () => send(item, settings);
    const next = (queue.current.get(item.id) ?? Promise.resolve()).then(run, run);
    queue.current.set(item.id, next);
    return next;
  };
  const send = async (item: AgendaItem, settings: AgendaItemSettings): Promise<void> => {
    setError(null);
    const version = basedOn(item.id, item.version);
    try {
      const saved = await stores.meetings.getState().setItem(item.id, version, settings);
      const moves = ownSaves.current.get(item.id) ?? new Map<number, number>();
      moves.set(version, saved.version);
      ownSaves.current.set(item.id, moves);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === undefined) {
        // Someone changed this item first: their settings beside yours, nothing typed lost.
        const theirs = await stores.api.invoke('meetings.get', { id: item.meeting_id }).then((m) => m.agenda.find((i) => i.id === item.id), () => undefined);
        if (theirs) { setMerge({ base: item, theirs, mine: itemValues({ ...item, ...settings }), who: whoChanged(err.message) }); return; }
      }
      setError(`${name(item)}: ${failureOf(err).message}`);
    }
  };
  const applyMerge = async (m: ItemMerge, merged: Record<ItemKey, string>): Promise<void> => {
    setMerge(null);
    const theirs = itemValues(m.theirs);
    const settings: AgendaItemSettings = {};
    if (merged.minutes_allotted !== theirs.minutes_allotted) settings.minutes_allotted = Number(merged.minutes_allotted);
    if (merged.presenter !== theirs.presenter) settings.presenter = merged.presenter;
    if (merged.standard_of_care !== theirs.standard_of_care) settings.standard_of_care = merged.standard_of_care === 'yes';
    // Their values kept throughout: nothing to save, the agenda shows theirs.
    if (Object.keys(settings).length === 0) await stores.meetings.getState().open(m.theirs.meeting_id);
    else await save(m.theirs, settings);
  };

  const remove = async (item: AgendaItem): Promise<void> => {
    setError(null);
    try {
      await stores.meetings.getState().removeCase(item.id);
      setAnnounce(`${name(item)} removed from the agenda.`);
    } catch (err) {
      setError(`${name(item)}: ${failureOf(err).message}`);
    }
  };

  if (items.length === 0) return <p className="muted">No cases on the agenda yet.</p>;

  return (
    <>
      {editable ? <p className="muted small" id="agenda-keys">Drag a case, or focus it and press <kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> to move it.</p> : null}
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <ol className="agenda" ref={listRef} aria-label="Agenda">
        {items.map((item, index) => {
          const decision = decisions[item.id];
          return (
            <li key={item.id} data-item-id={item.id} data-case-id={item.case_id} tabIndex={0}
              className={`agenda-item${dragId === item.id ? ' dragging' : ''}`}
              aria-label={`${index + 1}. ${name(item)}`}
              aria-describedby={editable ? 'agenda-keys' : undefined}
              aria-keyshortcuts={editable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
              draggable={editable}
              onDragStart={(e) => { setDragId(item.id); e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(item.id)); }}
              onDragOver={(e) => { if (dragId !== null) { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; } }}
              onDrop={(e) => onDrop(e, item)}
              onDragEnd={() => setDragId(null)}
              onKeyDown={(e) => onKey(e, item, index)}>
              <div className="agenda-head">
                {editable ? <span className="grip" aria-hidden="true">⠿</span> : null}
                <span className="pos">{index + 1}</span>
                <span className="who">
                  <strong>{name(item)}</strong> <span className="muted small">{item.identifier}</span>
                  <span className="small"> · {item.primary_tumor ? PRIMARY_TUMOR_LABELS[item.primary_tumor] : 'primary not set'}</span>
                  {item.question ? <span className="question small"> — {item.question}</span> : null}
                </span>
                <ReadinessBadge readiness={item.readiness} />
                {item.standard_of_care ? <span className="soc-tag">Standard of care</span> : null}
                <span className={`decision-tag ${decision ? 'decided' : ''}`}>
                  {decision ? <>Decided: {planLabel(decision.current.plan)}</> : item.standard_of_care ? 'No discussion' : 'No decision yet'}
                </span>
              </div>
              {item.override_reason ? <p className="override small"><strong>Listed although not ready.</strong> Reason: {item.override_reason}</p> : null}
              {!item.readiness.ready ? <ReadinessDetails readiness={item.readiness} label={`Missing for ${name(item)}`} /> : null}
              <div className="agenda-settings">
                <label className="inline-field">
                  <span className="field-label">Minutes</span>
                  <input type="number" min={1} max={120} defaultValue={item.minutes_allotted} disabled={!editable} key={`m${item.minutes_allotted}`}
                    aria-invalid={minutesProblem[item.id] ? true : undefined} aria-describedby={minutesProblem[item.id] ? `minutes-problem-${item.id}` : undefined}
                    onBlur={(e) => {
                      const v = Number(e.target.value);
                      // Out of range or not whole: say so (never drop it silently); the stored minutes stay.
                      if (!Number.isInteger(v) || v < 1 || v > 120) {
                        setMinutesProblem((m) => ({ ...m, [item.id]: `Minutes must be a whole number from 1 to 120; ${item.minutes_allotted} kept.` }));
                        return;
                      }
                      setMinutesProblem(({ [item.id]: _gone, ...rest }) => rest);
                      if (v !== item.minutes_allotted) void save(item, { minutes_allotted: v });
                    }} />
                </label>
                {minutesProblem[item.id] ? <span className="field-error" id={`minutes-problem-${item.id}`} role="alert">{minutesProblem[item.id]}</span> : null}
                <label className="inline-field">
                  <span className="field-label">Presenter</span>
                  <input defaultValue={item.presenter} disabled={!editable} key={`p${item.presenter}`}
                    onBlur={(e) => { if (e.target.value.trim() !== item.presenter) void save(item, { presenter: e.target.value.trim() }); }} />
                </label>
                <label className="inline-field check">
                  <input type="checkbox" checked={item.standard_of_care} disabled={!editable}
                    onChange={(e) => void save(item, { standard_of_care: e.target.checked })} />
                  <span>Standard of care (no discussion)</span>
                </label>
                <span className="spacer" />
                <button type="button" className="link" onClick={() => stores.ui.getState().show({ name: 'case', id: item.case_id })}
                  aria-label={`Open case: ${name(item)}`}>Open case</button>
                <button type="button" onClick={() => onOpenDecision(item)}>{decision ? 'View decision' : 'Decision'}</button>
                {editable ? <>
                  <button type="button" disabled={index === 0} aria-label={`Move ${name(item)} up`} onClick={() => void move(item, index - 1)}>↑</button>
                  <button type="button" disabled={index === items.length - 1} aria-label={`Move ${name(item)} down`} onClick={() => void move(item, index + 1)}>↓</button>
                  {decision ? null : <button type="button" className="link" onClick={() => void remove(item)} aria-label={`Remove ${name(item)} from the agenda`}>Remove</button>}
                </> : null}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">{announce}</p>
      {merge ? (
        <MergeDialog record="agenda_item" who={merge.who} fields={ITEM_FIELDS} display={showItemValue} applyLabel={MERGE_WORDS.applyAndSave}
          base={itemValues(merge.base)} theirs={itemValues(merge.theirs)} mine={merge.mine}
          onApply={(merged) => void applyMerge(merge, merged)} onCancel={() => setMerge(null)} />
      ) : null}
    </>
  );
}
