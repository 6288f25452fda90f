/**
 * Decision capture, typed live during the discussion: plan (an engine option, shown with the engine's strength,
 * or a plan type outside it), intent, rationale, consensus with dissent rows, actions, follow-up date, whether the
 * patient's preference was discussed. A plan the engine rated not recommended or contraindicated needs a reason.
 * Saved with `decisions.record` (the server keeps the engine snapshot and works out concordance, shown after
 * saving). A signed meeting's decision shows disabled, with its amendments and an "Amend…" dialog.
 * Two people, one decision: the save names the version the draft was based on; when someone else saved first the
 * server refuses (CONFLICT naming who and when) and the merge view shows theirs beside yours, field by field.
 */
import { formatInstant, useClock } from '../clock';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api';
import { MergeDialog, whoChanged, type MergeChoice, type MergeField } from '../MergeDialog';
import {
  actorName, CONSENSUS, DECISION_FIELDS, INTENTS, PLAN_TYPES, SPECIALTIES, type AgendaItem, type AmendmentInput, type Consensus, type Decision, type DecisionContentInput,
  type Intent, type Meeting, type MeetingStatus, type Plan, type Specialty,
} from '../../../shared/domain/meeting';
import type { EngineOutput, Strength } from '../../../shared/engine';
import { useMeetings, useStores } from '../../stores/context';
import { DECISION_FIELD_LABELS, humanise, STRENGTH_INFO, SPECIALTY_LABELS, YES_NO } from '../../../shared/vocabulary';
import { StrengthBadge } from '../evidence/StrengthBadge';
import { failureOf, type Failure } from './labels';
import { CONCORDANCE_LABELS, CONSENSUS_LABELS, INTENT_LABELS, planLabel } from '../../../shared/vocabulary';
import { Modal } from './Modal';

/** A dissent row; the specialty is '' until chosen or taken from the attendee list (never a default). */
interface DissentRow { key: number; name: string; specialty: Specialty | ''; view: string }
interface ActionRow { key: number; what: string; owner: string; due_date: string }
export interface Draft {
  plan: Plan | '';
  plan_detail: string;
  intent: Intent | '';
  rationale: string;
  consensus: Consensus;
  dissent: DissentRow[];
  actions: ActionRow[];
  follow_up_date: string;
  patient_preference_discussed: boolean;
  discordance_reason: string;
}

let rowKey = 0;
const DISCORDANT: ReadonlySet<Strength> = new Set(['not_recommended', 'contraindicated']);

export function draftOf(d: Decision['current'] | undefined): Draft {
  if (!d) {
    return { plan: '', plan_detail: '', intent: '', rationale: '', consensus: 'unanimous', dissent: [], actions: [], follow_up_date: '', patient_preference_discussed: false, discordance_reason: '' };
  }
  return {
    plan: d.plan, plan_detail: d.plan_detail, intent: d.intent, rationale: d.rationale, consensus: d.consensus,
    dissent: d.dissent.map((x) => ({ ...x, key: ++rowKey })),
    actions: d.actions.map((a) => ({ ...a, due_date: a.due_date ?? '', key: ++rowKey })),
    follow_up_date: d.follow_up_date ?? '', patient_preference_discussed: d.patient_preference_discussed,
    discordance_reason: d.discordance_reason ?? '',
  };
}

export const strengthOf = (engine: EngineOutput | null, plan: Plan | ''): Strength | null =>
  engine?.options.find((o) => o.option === plan)?.strength ?? null;

/** Checks a draft as the server would and returns the content to send, or the first problem (with its field). */
export function contentOf(draft: Draft, engine: EngineOutput | null): { ok: true; content: DecisionContentInput } | { ok: false; error: Failure } {
  const bad = (field: string, message: string) => ({ ok: false as const, error: { code: 'VALIDATION' as const, field, message } });
  if (!draft.plan) return bad('plan', 'Choose the plan.');
  if (draft.plan === 'other' && !draft.plan_detail.trim()) return bad('plan_detail', 'Describe the plan (required for “Other”).');
  if (!draft.intent) return bad('intent', 'Choose the intent.');
  const strength = strengthOf(engine, draft.plan);
  if (strength && DISCORDANT.has(strength) && !draft.discordance_reason.trim()) {
    return bad('discordance_reason', `The engine rates this plan “${STRENGTH_INFO[strength].label}”: give the reason for choosing it.`);
  }
  const dissent = draft.dissent.filter((d) => d.name.trim() || d.view.trim());
  if (dissent.some((d) => !d.name.trim() || !d.view.trim())) return bad('dissent', 'Each dissent needs who and their view.');
  if (dissent.some((d) => d.specialty === '')) return bad('dissent', 'Each dissent needs the dissenter’s specialty.');
  if (draft.consensus === 'unanimous' && dissent.length) return bad('consensus', 'A decision with dissent is a majority decision.');
  const actions = draft.actions.filter((a) => a.what.trim() || a.owner.trim());
  if (actions.some((a) => !a.what.trim() || !a.owner.trim())) return bad('actions', 'Each action needs what and an owner.');
  return {
    ok: true,
    content: {
      plan: draft.plan, plan_detail: draft.plan_detail.trim(), intent: draft.intent, rationale: draft.rationale.trim(), consensus: draft.consensus,
      dissent: dissent.flatMap((d) => (d.specialty === '' ? [] : [{ name: d.name.trim(), specialty: d.specialty, view: d.view.trim() }])),
      actions: actions.map((a) => ({ what: a.what.trim(), owner: a.owner.trim(), due_date: a.due_date || null })),
      follow_up_date: draft.follow_up_date || null,
      patient_preference_discussed: draft.patient_preference_discussed,
      discordance_reason: strength && DISCORDANT.has(strength) ? draft.discordance_reason.trim() : (draft.discordance_reason.trim() || null),
    },
  };
}

export interface DecisionFieldsProps {
  draft: Draft;
  onChange(draft: Draft): void;
  engine: EngineOutput | null;
  error: Failure | null;
  disabled: boolean;
  idPrefix: string;
}

/** The decision's fields (controlled); used for recording and for amending. */
const NO_ATTENDEES: readonly Meeting['attendees'][number][] = [];

export function DecisionFields({ draft, onChange, engine, error, disabled, idPrefix }: DecisionFieldsProps) {
  const set = (patch: Partial<Draft>): void => onChange({ ...draft, ...patch });
  // Who attended this meeting: a dissenter is usually one of them, with the specialty the attendee list gives.
  const attendees = useMeetings((st) => st.meeting?.attendees ?? NO_ATTENDEES).filter((a) => a.attendance === 'attended');
  const strength = strengthOf(engine, draft.plan);
  const needsReason = strength !== null && DISCORDANT.has(strength);
  const errorFor = (field: string): string | null => (error?.field && (error.field === field || error.field.startsWith(`${field}.`)) ? error.message : null);
  const err = (field: string) => {
    const msg = errorFor(field);
    return msg ? <span className="field-error" id={`${idPrefix}-${field}-error`}>{msg}</span> : null;
  };
  const described = (field: string) => (errorFor(field) ? { 'aria-invalid': true as const, 'aria-describedby': `${idPrefix}-${field}-error` } : {});
  const engineOptions = engine?.options ?? [];
  const setDissent = (key: number, patch: Partial<DissentRow>): void => set({ dissent: draft.dissent.map((d) => (d.key === key ? { ...d, ...patch } : d)) });
  const setAction = (key: number, patch: Partial<ActionRow>): void => set({ actions: draft.actions.map((a) => (a.key === key ? { ...a, ...patch } : a)) });

  return (
    <fieldset className="decision-fields plain" disabled={disabled}>
      <legend className="visually-hidden">Decision</legend>
      <div className="plan-row">
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-plan`}>Plan</label>
          <select id={`${idPrefix}-plan`} value={draft.plan} onChange={(e) => set({ plan: e.target.value as Plan | '' })} {...described('plan')}>
            <option value="">— choose the plan —</option>
            <optgroup label="The engine’s options">
              {engineOptions.map((o) => <option key={o.option} value={o.option}>{planLabel(o.option)} — {STRENGTH_INFO[o.strength].label}</option>)}
            </optgroup>
            <optgroup label="Plans outside the engine’s options">
              {PLAN_TYPES.map((p) => <option key={p} value={p}>{planLabel(p)}</option>)}
            </optgroup>
          </select>
          {err('plan')}
        </div>
        <div className="plan-strength" aria-live="polite">
          {draft.plan === '' ? null : strength ? <><span className="muted small">Engine: </span><StrengthBadge strength={strength} /></>
            : <span className="muted small">Outside the engine’s options (concordance not assessed)</span>}
        </div>
      </div>
      {draft.plan === 'other' || draft.plan_detail ? (
        <label className="field">
          <span className="field-label">Plan detail{draft.plan === 'other' ? ' (required)' : ''}</span>
          <input value={draft.plan_detail} onChange={(e) => set({ plan_detail: e.target.value })} {...described('plan_detail')} />
          {err('plan_detail')}
        </label>
      ) : null}
      {needsReason || draft.discordance_reason ? (
        <label className="field discordance">
          <span className="field-label">Reason for a plan the engine rates {strength ? `“${STRENGTH_INFO[strength].label}”` : 'against'}{needsReason ? ' (required)' : ''}</span>
          <textarea rows={2} value={draft.discordance_reason} onChange={(e) => set({ discordance_reason: e.target.value })} {...described('discordance_reason')} />
          {err('discordance_reason')}
        </label>
      ) : null}
      <div className="field-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${idPrefix}-intent`}>Intent</label>
          <select id={`${idPrefix}-intent`} value={draft.intent} onChange={(e) => set({ intent: e.target.value as Intent | '' })} {...described('intent')}>
            <option value="">— choose —</option>
            {INTENTS.map((i) => <option key={i} value={i}>{INTENT_LABELS[i]}</option>)}
          </select>
          {err('intent')}
        </div>
        <fieldset className="field">
          <legend className="field-label">Consensus</legend>
          <div className="segmented">
            {CONSENSUS.map((c) => (
              <label key={c} className={draft.consensus === c ? 'on' : ''}>
                <input type="radio" name={`${idPrefix}-consensus`} value={c} checked={draft.consensus === c} onChange={() => set({ consensus: c })} />
                <span>{CONSENSUS_LABELS[c]}</span>
              </label>
            ))}
          </div>
          {err('consensus')}
        </fieldset>
        <label className="field">
          <span className="field-label">Follow-up date</span>
          <input type="date" value={draft.follow_up_date} onChange={(e) => set({ follow_up_date: e.target.value })} {...described('follow_up_date')} />
          {err('follow_up_date')}
        </label>
        <div className="field check">
          <span className="field-label" aria-hidden="true">Patient</span>
          <label className="field-control">
            <input type="checkbox" checked={draft.patient_preference_discussed} onChange={(e) => set({ patient_preference_discussed: e.target.checked })} />
            <span>Preference / consent discussed</span>
          </label>
        </div>
      </div>
      <label className="field">
        <span className="field-label">Rationale</span>
        <textarea rows={3} value={draft.rationale} onChange={(e) => set({ rationale: e.target.value })} {...described('rationale')} />
        {err('rationale')}
      </label>

      <section className="rows" aria-label="Dissent">
        <h4>Dissent</h4>
        {draft.dissent.map((d, i) => (
          <div className="row-line" key={d.key} data-dissent={i + 1}>
            <input aria-label={`Dissent ${i + 1}: who`} placeholder="Who" value={d.name} list={`${idPrefix}-attendees`}
              onChange={(e) => {
                // An attendee's name brings their specialty from the attendee list.
                const match = attendees.find((a) => a.name.trim().toLowerCase() === e.target.value.trim().toLowerCase());
                setDissent(d.key, match ? { name: e.target.value, specialty: match.specialty } : { name: e.target.value });
              }} />
            <select aria-label={`Dissent ${i + 1}: specialty`} value={d.specialty} onChange={(e) => setDissent(d.key, { specialty: e.target.value as Specialty | '' })}>
              <option value="">Specialty…</option>
              {SPECIALTIES.map((s) => <option key={s} value={s}>{SPECIALTY_LABELS[s]}</option>)}
            </select>
            <input className="grow" aria-label={`Dissent ${i + 1}: view`} placeholder="Their view" value={d.view} onChange={(e) => setDissent(d.key, { view: e.target.value })} />
            <button type="button" className="link" aria-label={`Remove dissent ${i + 1}`} onClick={() => set({ dissent: draft.dissent.filter((x) => x.key !== d.key) })}>Remove</button>
          </div>
        ))}
        <datalist id={`${idPrefix}-attendees`}>{attendees.map((a) => <option key={a.id} value={a.name}>{SPECIALTY_LABELS[a.specialty]}</option>)}</datalist>
        {err('dissent')}
        <button type="button" onClick={() => set({
          dissent: [...draft.dissent, { key: ++rowKey, name: '', specialty: '', view: '' }],
          consensus: 'majority',
        })}>Add dissent</button>
      </section>

      <section className="rows" aria-label="Actions">
        <h4>Actions</h4>
        {draft.actions.map((a, i) => (
          <div className="row-line" key={a.key} data-action={i + 1}>
            <input className="grow" aria-label={`Action ${i + 1}: what`} placeholder="What" value={a.what} onChange={(e) => setAction(a.key, { what: e.target.value })} />
            <input aria-label={`Action ${i + 1}: owner`} placeholder="Owner" value={a.owner} onChange={(e) => setAction(a.key, { owner: e.target.value })} />
            <input type="date" aria-label={`Action ${i + 1}: due date`} value={a.due_date} onChange={(e) => setAction(a.key, { due_date: e.target.value })} />
            <button type="button" className="link" aria-label={`Remove action ${i + 1}`} onClick={() => set({ actions: draft.actions.filter((x) => x.key !== a.key) })}>Remove</button>
          </div>
        ))}
        {err('actions')}
        <button type="button" onClick={() => set({ actions: [...draft.actions, { key: ++rowKey, what: '', owner: '', due_date: '' }] })}>Add action</button>
      </section>
    </fieldset>
  );
}

export interface DecisionPanelProps {
  item: AgendaItem;
  engine: EngineOutput | null;
  decision: Decision | undefined;
  status: MeetingStatus;
}

type DecisionKey = (typeof DECISION_FIELDS)[number];
const DECISION_MERGE_FIELDS: readonly MergeField<DecisionKey>[] = DECISION_FIELDS.map((key) => ({ key, label: DECISION_FIELD_LABELS[key] ?? humanise(key) }));

/** A draft's fields as text to compare (list rows without their screen keys, empty text as none). */
export function draftValues(d: Draft): Record<DecisionKey, string> {
  const value: Record<DecisionKey, unknown> = {
    plan: d.plan || null, plan_detail: d.plan_detail, intent: d.intent || null, rationale: d.rationale, consensus: d.consensus,
    dissent: d.dissent.map(({ name, specialty, view }) => ({ name, specialty, view })),
    actions: d.actions.map(({ what, owner, due_date }) => ({ what, owner, due_date: due_date || null })),
    follow_up_date: d.follow_up_date || null, patient_preference_discussed: d.patient_preference_discussed, discordance_reason: d.discordance_reason || null,
  };
  return Object.fromEntries(DECISION_FIELDS.map((k) => [k, JSON.stringify(value[k])])) as Record<DecisionKey, string>;
}

/** Yours where you chose yours, theirs elsewhere (list rows keep their screen keys). */
const mergedDraft = (theirs: Draft, mine: Draft, choices: Partial<Record<DecisionKey, MergeChoice>>): Draft => {
  const out: Draft = { ...theirs };
  const pick = <K extends DecisionKey>(k: K): void => { if (choices[k] === 'mine') out[k] = mine[k]; };
  for (const k of DECISION_FIELDS) pick(k);
  return out;
};

/** What the store keeps per agenda item until saved: the draft and the decision it was based on (null: a first one). */
interface KeptDraft { draft: Draft; base: Decision | null }
interface DecisionMerge { theirs: Decision; who: string }

/** Recording (or viewing, or amending) the decision of one agenda item. */
export function DecisionPanel({ item, engine, decision, status }: DecisionPanelProps) {
  const stores = useStores();
  const idPrefix = useId();
  const kept = stores.meetings.getState().drafts[item.id] as KeptDraft | undefined;
  const [draft, setDraftState] = useState<Draft>(() => kept?.draft ?? draftOf(decision?.current));
  /** The recorded decision this draft builds on: its version goes with the save. */
  const [base, setBaseState] = useState<Decision | null>(() => (kept ? kept.base : decision ?? null));
  const [dirty, setDirty] = useState(kept !== undefined);
  const [merge, setMerge] = useState<DecisionMerge | null>(null);
  /** Every keystroke is kept in the store (per agenda item, with its base) until saved. */
  const setDraft = (d: Draft, edited = true, on: Decision | null = base): void => {
    setDraftState(d);
    setDirty(edited);
    setBaseState(on);
    stores.meetings.getState().setDraft(item.id, edited ? { draft: d, base: on } satisfies KeptDraft : null);
  };
  // Nothing typed: follow the decision as others save it (live updates), so a first edit builds on the newest.
  useEffect(() => {
    if (!dirty && decision && decision.version !== base?.version) {
      setDraftState(draftOf(decision.current));
      setBaseState(decision);
    }
  }, [decision, dirty, base]);
  const [error, setError] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [amending, setAmending] = useState(false);
  const signed = status === 'signed';
  const canRecord = status === 'in_progress' || status === 'concluded';

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = contentOf(draft, engine);
    if (!checked.ok) { setError(checked.error); return; }
    setSaving(true);
    setError(null);
    try {
      const saved = await stores.meetings.getState().record({ agenda_item_id: item.id, ...checked.content, ...(base ? { version: base.version } : {}) });
      setDraft(draftOf(saved.current), false, saved);
      stores.ui.getState().notify(`Decision saved for ${item.family_name}.`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === undefined) {
        // Someone saved this decision first: theirs beside this draft, field by field; the draft stays as typed.
        const theirs = await stores.api.invoke('decisions.get', { agenda_item_id: item.id }).catch(() => undefined);
        if (theirs) { setMerge({ theirs, who: whoChanged(err.message) }); return; }
      }
      setError(failureOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="decision-section">
    <form className="decision-panel" onSubmit={(e) => void save(e)} aria-label={`Decision for ${item.family_name}, ${item.given_name}`}
      data-decision-id={decision?.id ?? ''} data-readonly={signed ? 'yes' : 'no'}>
      <div className="decision-bar">
        <h3>Decision</h3>
        {decision ? <Concordance decision={decision} /> : null}
        <span className="spacer" />
        {dirty && canRecord ? <span className="dirty-mark" data-unsaved="yes">Unsaved changes</span> : null}
        {signed ? <span className="readonly-tag">Signed — read-only</span> : null}
      </div>
      {status === 'planned' ? <p className="muted small">Start the meeting to record decisions.</p> : null}
      <DecisionFields draft={draft} onChange={(d) => { setDraft(d); if (error) setError(null); }} engine={engine} error={error}
        disabled={!canRecord || saving} idPrefix={idPrefix} />
      {error && !['plan', 'plan_detail', 'intent', 'discordance_reason', 'consensus', 'dissent', 'actions', 'follow_up_date', 'rationale'].some((f) => error.field?.startsWith(f))
        ? <p className="banner error" role="alert">{error.message}</p> : null}
      {error?.field ? <p className="visually-hidden" role="alert">{error.message}</p> : null}
      <div className="actions">
        {signed && decision ? <button type="button" onClick={() => setAmending(true)}>Amend…</button> : null}
        {canRecord ? <button type="submit" className="primary" disabled={saving}>{decision ? 'Save changes' : 'Save decision'}</button> : null}
      </div>
      {decision && decision.amendments.length ? <Amendments decision={decision} /> : null}
      {decision ? (
        <p className="muted small">Recorded by {actorName(decision.recorded_by)} · engine {decision.engine_version}</p>
      ) : null}
    </form>
    {merge ? (
      <MergeDialog record="decision" who={merge.who} fields={DECISION_MERGE_FIELDS}
        display={(k, text) => {
          const value = JSON.parse(text) as unknown;
          return typeof value === 'boolean' ? (value ? YES_NO.yes : YES_NO.no) : showField(k, value);
        }}
        base={draftValues(draftOf(base?.current))} theirs={draftValues(draftOf(merge.theirs.current))} mine={draftValues(draft)}
        onApply={(_merged, choices) => {
          // Merged on their version: saving now builds on it.
          setDraft(mergedDraft(draftOf(merge.theirs.current), draft, choices), true, merge.theirs);
          setMerge(null);
        }}
        onCancel={() => setMerge(null)} />
    ) : null}
    {signed && decision ? (
      <AmendDialog open={amending} decision={decision} engine={engine} onClose={() => setAmending(false)}
        onAmended={(d) => { setDraft(draftOf(d.current), false); setAmending(false); }} />
    ) : null}
    </section>
  );
}

function Concordance({ decision }: { decision: Decision }) {
  const c = decision.current;
  return (
    <p className={`concordance concordance-${c.concordance}`} data-concordance={c.concordance}>
      <span aria-hidden="true">{c.concordance === 'concordant' ? '✓ ' : c.concordance === 'discordant' ? '▽ ' : '○ '}</span>
      {CONCORDANCE_LABELS[c.concordance]}
      {c.plan_strength ? <> (plan rated {STRENGTH_INFO[c.plan_strength].label})</> : null}
    </p>
  );
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' && x !== null ? Object.values(x as Record<string, unknown>).filter((y) => y !== null).join(' · ') : String(x))).join('; ') : 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
};

/** An amended field's value in words: plans, intents, consensus, concordance and specialties by their labels. */
const showField = (field: string, v: unknown): string => {
  const word = (labels: Readonly<Record<string, string>>): string => (typeof v === 'string' && Object.hasOwn(labels, v) ? labels[v] ?? v : show(v));
  switch (field) {
    case 'plan': return typeof v === 'string' && v ? planLabel(v) : show(v);
    case 'intent': return word(INTENT_LABELS);
    case 'consensus': return word(CONSENSUS_LABELS);
    case 'concordance': return word(CONCORDANCE_LABELS);
    case 'dissent': return Array.isArray(v) && v.length ? v.map((d: unknown) => {
      const r = (typeof d === 'object' && d !== null ? d : {}) as { name?: unknown; specialty?: unknown; view?: unknown };
      const specialty = typeof r.specialty === 'string' && Object.hasOwn(SPECIALTY_LABELS, r.specialty) ? SPECIALTY_LABELS[r.specialty as keyof typeof SPECIALTY_LABELS] : '';
      return [r.name, specialty, r.view].filter((x) => typeof x === 'string' && x).join(' · ');
    }).join('; ') : show(v);
    default: return show(v);
  }
};

function Amendments({ decision }: { decision: Decision }) {
  const clock = useClock();
  return (
    <section className="amendments" aria-label="Amendments">
      <h4>Amendments</h4>
      <ol>
        {decision.amendments.map((a) => (
          <li key={a.id} data-amendment={a.id}>
            <p className="small"><strong>{formatInstant(a.amended_at, clock)}</strong> by {actorName(a.amended_by)}: <em>{a.reason}</em></p>
            <ul className="small">
              {a.changed_fields.map((f) => <li key={f}>{DECISION_FIELD_LABELS[f] ?? humanise(f)}: {showField(f, a.before[f])} → {showField(f, a.after[f])}</li>)}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function AmendDialog({ open, decision, engine, onClose, onAmended }: { open: boolean; decision: Decision; engine: EngineOutput | null; onClose(): void; onAmended(d: Decision): void }) {
  return (
    <Modal open={open} title="Amend a signed decision" onClose={onClose} className="amend-dialog">
      <AmendBody decision={decision} engine={engine} onClose={onClose} onAmended={onAmended} />
    </Modal>
  );
}

function AmendBody({ decision, engine, onClose, onAmended }: { decision: Decision; engine: EngineOutput | null; onClose(): void; onAmended(d: Decision): void }) {
  const stores = useStores();
  const idPrefix = useId();
  // The board saw the snapshot: an amendment is judged against what was recorded, not today's facts.
  const seen = engine ?? decision.engine_snapshot;
  const [draft, setDraft] = useState<Draft>(() => draftOf(decision.current));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Failure | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    e.stopPropagation();
    if (!reason.trim()) { setError({ code: 'VALIDATION', field: 'reason', message: 'A reason is required for an amendment.' }); return; }
    const checked = contentOf(draft, seen);
    if (!checked.ok) { setError(checked.error); return; }
    const before = decision.current as unknown as Record<string, unknown>;
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(checked.content)) {
      if (JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)) changes[k] = v;
    }
    if (Object.keys(changes).length === 0) { setError({ code: 'VALIDATION', field: 'changes', message: 'Change at least one field.' }); return; }
    try {
      const amended = await stores.meetings.getState().amend({ decision_id: decision.id, reason: reason.trim(), changes: changes as AmendmentInput['changes'] });
      stores.ui.getState().notify('Amendment recorded.');
      onAmended(amended);
    } catch (err) {
      setError(failureOf(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack" aria-label="Amendment">
      <p className="muted small">The signed decision stays as recorded; the amendment is kept beside it with its reason, who and when.</p>
      <DecisionFields draft={draft} onChange={setDraft} engine={seen} error={error} disabled={false} idPrefix={idPrefix} />
      <label className="field">
        <span className="field-label">Reason for the amendment (required)</span>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error?.field === 'reason' ? true : undefined} />
      </label>
      {error && (error.field === 'reason' || error.field === 'changes' || !error.field) ? <p className="field-error" role="alert">{error.message}</p> : null}
      <div className="actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="submit" className="primary">Record amendment</button>
      </div>
    </form>
  );
}
