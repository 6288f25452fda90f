/**
 * One meeting: details and attendees with the quorum, the status and its next step (start, conclude, reopen,
 * sign), the agenda (prepare: add cases through the completeness gate, reorder, time, presenter, standard of
 * care) and the decision of the selected case. Everything is read-only once the meeting is signed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { actorName, type AgendaItem, type Board, type Decision, type Meeting } from '../../../shared/domain/meeting';
import { AddCasePanel } from '../../components/meetings/AddCasePanel';
import { Agenda } from '../../components/meetings/Agenda';
import { DecisionPanel } from '../../components/meetings/DecisionForm';
import { failureOf, formatWhen } from '../../components/meetings/labels';
import { MEETING_STATUS_LABELS, planLabel, SPECIALTY_LABELS } from '../../../shared/vocabulary';
import { formatInstant, useClock } from '../../components/clock';
import { MeetingForm } from '../../components/meetings/MeetingForm';
import { Modal } from '../../components/meetings/Modal';
import { QuorumBox } from '../../components/meetings/QuorumBox';
import { useCaseEngine } from '../../components/meetings/useCaseEngine';
import type { Transition } from '../../stores/meetings';
import { useAccount, useMeetings, useSession, useStores } from '../../stores/context';

export function MeetingDetail({ id }: { id: number }) {
  const clock = useClock();
  const stores = useStores();
  const meeting = useMeetings((s) => (s.meeting?.id === id ? s.meeting : null));
  const decisions = useMeetings((s) => s.decisions);
  const network = useAccount((s) => s.mode) === 'network';
  const loadError = useMeetings((s) => s.loadError);
  const current = useSession((s) => s.current);
  const profiles = useSession((s) => s.profiles);
  const [editing, setEditing] = useState(false);
  const [boards, setBoards] = useState<Board[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);

  useEffect(() => { void stores.meetings.getState().open(id); }, [id, stores]);
  useEffect(() => {
    if (editing) void stores.api.invoke('boards.list', {}).then(setBoards, () => setBoards([]));
  }, [editing, stores]);

  if (loadError && !meeting) {
    return <div className="panel" role="alert"><h1>The meeting could not be opened</h1><p>{loadError}</p>
      <button type="button" onClick={() => stores.ui.getState().show({ name: 'meetings' })}>Back to the meetings</button></div>;
  }
  if (!meeting) return <p className="muted" role="status">Opening the meeting…</p>;

  const signed = meeting.status === 'signed';
  const agendaEditable = meeting.status === 'planned' || meeting.status === 'in_progress';
  const selectedItem = meeting.agenda.find((i) => i.id === selected) ?? null;

  const step = async (kind: Transition, secret?: { pin?: string; password?: string }): Promise<boolean> => {
    setError(null);
    if (!current) { stores.session.getState().openChooser(); return false; }
    try {
      await stores.meetings.getState().transition(kind, secret);
      stores.ui.getState().notify(kind === 'sign' ? 'Meeting signed: its decisions are now read-only.' : `Meeting ${kind === 'start' ? 'started' : kind === 'conclude' ? 'concluded' : 'reopened'}.`);
      return true;
    } catch (err) {
      setError(failureOf(err).message);
      return false;
    }
  };
  const present = (index = 0): void => stores.ui.getState().show({ name: 'present', id: meeting.id, index });

  return (
    <div className="meeting-detail stack" data-status={meeting.status} data-meeting-id={meeting.id}>
      <div className="view-bar">
        <button type="button" className="link" onClick={() => stores.ui.getState().show({ name: 'meetings' })}>← Meetings</button>
        <h1 tabIndex={-1}>{meeting.board} · {formatWhen(meeting.scheduled_at, clock)}</h1>
        <span className={`status-tag status-${meeting.status}`} data-meeting-status={meeting.status}>{MEETING_STATUS_LABELS[meeting.status]}</span>
        <span className="spacer" />
        {meeting.agenda.length ? <button type="button" onClick={() => present(0)}>Present</button> : null}
        <button type="button" onClick={() => stores.ui.getState().show({ name: 'minutes', meetingId: meeting.id })}>{signed ? 'Minutes' : 'Draft minutes'}</button>
        {meeting.status === 'planned' ? <button type="button" className="primary" onClick={() => void step('start')}>Start meeting</button> : null}
        {meeting.status === 'in_progress' ? <button type="button" className="primary" onClick={() => void step('conclude')}>Conclude meeting</button> : null}
        {meeting.status === 'concluded' ? <>
          <button type="button" onClick={() => void step('reopen')}>Reopen</button>
          <button type="button" className="primary" onClick={() => {
            if (current && current.role !== 'chair') {
              setError(`Only the chair signs the minutes; ${current.name} is acting as ${current.role}. Switch to the chair’s profile.`);
              stores.session.getState().openChooser();
            } else setSigning(true); // one confirmation: what is signed, then (PIN or password) the step-up
          }}>Sign as chair</button>
        </> : null}
      </div>
      {signed ? <p className="banner signed" data-signed="yes"><strong>Signed</strong> by {meeting.signed_by ? actorName(meeting.signed_by) : '—'} on {meeting.signed_at ? formatInstant(meeting.signed_at, clock) : '—'}. The meeting and its decisions are read-only; a correction is an amendment.</p> : null}
      {error ? <p className="banner error" role="alert">{error}</p> : null}

      <div className="meeting-columns">
        <div className="stack">
          <section className="card" aria-labelledby="details-title">
            <div className="card-bar">
              <h2 id="details-title">Details and attendees</h2>
              {!signed && !editing ? <button type="button" className="link" onClick={() => setEditing(true)}>Edit</button> : null}
            </div>
            {editing ? (
              <MeetingForm meeting={meeting} boards={boards} profiles={profiles} onCancel={() => setEditing(false)}
                onSubmit={async (input) => { await stores.meetings.getState().update(input); setEditing(false); stores.ui.getState().notify('Meeting details saved.'); }} />
            ) : (
              <>
                <dl className="facts-list">
                  <div><dt>Location</dt><dd>{meeting.location || '—'}</dd></div>
                  {meeting.video_link ? <div><dt>Video link</dt><dd className="ev-url">{meeting.video_link}</dd></div> : null}
                  <div><dt>Chair</dt><dd>{profiles.find((p) => p.id === meeting.chair_profile_id)?.name ?? '—'}</dd></div>
                  <div><dt>Coordinator</dt><dd>{profiles.find((p) => p.id === meeting.coordinator_profile_id)?.name ?? '—'}</dd></div>
                </dl>
                <ul className="attendee-list" aria-label="Attendees">
                  {meeting.attendees.map((a) => (
                    <li key={a.id}>{a.name} <span className="muted small">· {a.specialty.replace(/_/g, ' ')} · {a.attendance === 'attended' ? 'attended' : 'apologies'}</span></li>
                  ))}
                  {meeting.attendees.length === 0 ? <li className="muted">No attendees recorded.</li> : null}
                </ul>
                <QuorumBox quorum={meeting.quorum} />
              </>
            )}
          </section>
          {agendaEditable ? <AddCasePanel /> : null}
        </div>
        <div className="stack">
          <section className="card" aria-labelledby="agenda-title">
            <h2 id="agenda-title">Agenda <span className="count">{meeting.agenda.length}</span></h2>
            <Agenda items={meeting.agenda} decisions={decisions} editable={agendaEditable && !signed}
              onOpenDecision={(item) => setSelected(item.id === selected ? null : item.id)} />
          </section>
          {selectedItem ? (
            <section className="card" aria-label={`Decision: ${selectedItem.family_name}, ${selectedItem.given_name}`}>
              <p className="small"><strong>{selectedItem.family_name}, {selectedItem.given_name}</strong> <span className="muted">{selectedItem.identifier}</span>
                {' '}<button type="button" className="link" onClick={() => present(meeting.agenda.indexOf(selectedItem))}>Present this case</button></p>
              <ItemDecision itemId={selectedItem.id} />
            </section>
          ) : null}
        </div>
      </div>
      <Modal open={signing} title="Sign the minutes" onClose={() => setSigning(false)} className="sign-dialog">
        <SignForm secret={network ? 'password' : current?.has_pin ? 'pin' : null} meeting={meeting} decisions={decisions} error={error}
          onSign={async (value) => {
            const secret = network ? { password: value } : current?.has_pin ? { pin: value } : undefined;
            if (await step('sign', secret)) setSigning(false);
          }} onCancel={() => setSigning(false)} />
      </Modal>
    </div>
  );
}

/** The decision panel of one agenda item, with the engine evaluated on the case's facts. */
export function ItemDecision({ itemId }: { itemId: number }) {
  const meeting = useMeetings((s) => s.meeting);
  const decision = useMeetings((s) => s.decisions[itemId]);
  const item = meeting?.agenda.find((i) => i.id === itemId);
  const engine = useCaseEngine(item?.case_id ?? null);
  if (!meeting || !item) return null;
  // A signed decision is shown against the engine output the board saw (its snapshot), not today's facts.
  const live = engine.ok ? engine.output : null;
  const seen = meeting.status === 'signed' && decision ? decision.engine_snapshot : (live ?? decision?.engine_snapshot ?? null);
  // Not keyed by the decision's id: a first decision someone else records arrives live while this panel may be saving
  // its own, and a remount then would drop the answer (the merge view) of that save. The panel follows the decision.
  return <DecisionPanel key={`${item.id}:${decision?.amendments.length ?? 0}:${meeting.status}`}
    item={item} engine={seen} decision={decision} status={meeting.status} />;
}

/**
 * The one sign-off confirmation: what the chair is about to sign (each case with its plan in words, dissents with the
 * dissenter's specialty, listing overrides and plans chosen against the engine with their reasons), then the
 * step-up: the chair's PIN on a local seat that has one, the password again on a board server.
 */
function SignForm({ secret, meeting, decisions, error, onSign, onCancel }: {
  secret: 'pin' | 'password' | null; meeting: Meeting; decisions: Record<number, Decision>; error: string | null;
  onSign(value: string): Promise<void>; onCancel(): void;
}) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setBusy(true);
    void onSign(value).finally(() => setBusy(false));
  };
  const decided = meeting.agenda.filter((i) => decisions[i.id]);
  const undecided = meeting.agenda.length - decided.length;
  const overrides = meeting.agenda.filter((i) => i.override_reason);
  const against = decided.filter((i) => decisions[i.id]?.current.discordance_reason);
  const dissents = decided.flatMap((i) => (decisions[i.id]?.current.dissent ?? []).map((d) => ({ item: i, d })));
  const who = (i: AgendaItem): string => `${i.family_name}, ${i.given_name}`;
  return (
    <form onSubmit={submit} className="stack sign-form" aria-describedby="sign-summary">
      <div id="sign-summary" className="sign-summary">
        <p>You are signing the minutes of <strong>{meeting.board}</strong>: {decided.length} {decided.length === 1 ? 'decision' : 'decisions'} on {meeting.agenda.length} {meeting.agenda.length === 1 ? 'case' : 'cases'}
          {undecided ? <> ({undecided} without a decision)</> : null}. Signing makes the meeting and its decisions read-only; a later correction is an amendment.</p>
        <h3>Cases and plans</h3>
        <ol className="sign-list" aria-label="Cases and plans">
          {meeting.agenda.map((i) => {
            const d = decisions[i.id];
            return <li key={i.id}><strong>{who(i)}</strong>: {d ? planLabel(d.current.plan, d.current.plan_detail) : i.standard_of_care ? 'standard of care, not discussed' : 'no decision recorded'}</li>;
          })}
        </ol>
        <h3>Dissent</h3>
        {dissents.length ? (
          <ul className="sign-list" aria-label="Dissent">
            {dissents.map(({ item, d }, n) => <li key={`${item.id}:${n}`}>{who(item)}: <strong>{d.name}</strong> ({SPECIALTY_LABELS[d.specialty]}): {d.view}</li>)}
          </ul>
        ) : <p className="muted">None: every decision was unanimous.</p>}
        <h3>Overrides</h3>
        {overrides.length || against.length ? (
          <ul className="sign-list" aria-label="Overrides">
            {overrides.map((i) => <li key={`o${i.id}`}>{who(i)}: listed although not ready. Reason: {i.override_reason}</li>)}
            {against.map((i) => <li key={`d${i.id}`}>{who(i)}: a plan the engine did not favour. Reason: {decisions[i.id]?.current.discordance_reason}</li>)}
          </ul>
        ) : <p className="muted">None.</p>}
      </div>
      {secret ? (
        <label className="field"><span className="field-label">{secret === 'pin' ? 'Your PIN' : 'Your password, again'}</span>
          <input type="password" inputMode={secret === 'pin' ? 'numeric' : undefined} autoComplete={secret === 'pin' ? 'off' : 'current-password'}
            value={value} onChange={(e) => setValue(e.target.value)} required data-autofocus="" /></label>
      ) : null}
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      <div className="actions"><button type="button" onClick={onCancel}>Cancel</button><button type="submit" className="primary" disabled={busy}>Sign the minutes</button></div>
    </form>
  );
}
