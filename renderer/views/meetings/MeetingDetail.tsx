/**
 * One meeting: details and attendees with the quorum, the status and its next step (start, conclude, reopen,
 * sign), the agenda (prepare: add cases through the completeness gate, reorder, time, presenter, standard of
 * care) and the decision of the selected case. Everything is read-only once the meeting is signed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { actorName, type Board } from '../../../shared/domain/meeting';
import { AddCasePanel } from '../../components/meetings/AddCasePanel';
import { Agenda } from '../../components/meetings/Agenda';
import { DecisionPanel } from '../../components/meetings/DecisionForm';
import { failureOf, formatWhen } from '../../components/meetings/labels';
import { MEETING_STATUS_LABELS } from '../../../shared/vocabulary';
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
        {meeting.status === 'planned' ? <button type="button" className="primary" onClick={() => void step('start')}>Start meeting</button> : null}
        {meeting.status === 'in_progress' ? <button type="button" className="primary" onClick={() => void step('conclude')}>Conclude meeting</button> : null}
        {meeting.status === 'concluded' ? <>
          <button type="button" onClick={() => void step('reopen')}>Reopen</button>
          <button type="button" className="primary" onClick={() => {
            if (current && current.role !== 'chair') {
              setError(`Only the chair signs the minutes; ${current.name} is acting as ${current.role}. Switch to the chair’s profile.`);
              stores.session.getState().openChooser();
            } else if (network || current?.has_pin) setSigning(true);
            else void step('sign');
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
      <Modal open={signing} title="Sign the minutes" onClose={() => setSigning(false)}>
        <SignForm secret={network ? 'password' : 'pin'} decisions={Object.keys(decisions).length} items={meeting.agenda.length}
          onSign={async (value) => { if (await step('sign', network ? { password: value } : { pin: value })) setSigning(false); }} onCancel={() => setSigning(false)} />
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
  return <DecisionPanel key={`${item.id}:${decision?.id ?? 0}:${decision?.amendments.length ?? 0}:${meeting.status}`}
    item={item} engine={seen} decision={decision} status={meeting.status} />;
}

/** Step-up before signing: the chair's PIN (local seat) or password (board server), with what is being signed. */
function SignForm({ secret, decisions, items, onSign, onCancel }: {
  secret: 'pin' | 'password'; decisions: number; items: number; onSign(value: string): Promise<void>; onCancel(): void;
}) {
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent): void => { e.preventDefault(); void onSign(pin); };
  return (
    <form onSubmit={submit} className="stack">
      <p>You are signing {decisions} {decisions === 1 ? 'decision' : 'decisions'} on {items} {items === 1 ? 'case' : 'cases'}. Signing makes the meeting and its decisions read-only.
        {secret === 'pin' ? ' Enter your PIN to sign.' : ' Enter your password again to sign.'}</p>
      <label className="field"><span className="field-label">{secret === 'pin' ? 'PIN' : 'Your password'}</span>
        <input type="password" inputMode={secret === 'pin' ? 'numeric' : undefined} autoComplete={secret === 'pin' ? 'off' : 'current-password'} value={pin} onChange={(e) => setPin(e.target.value)} /></label>
      <div className="actions"><button type="button" onClick={onCancel}>Cancel</button><button type="submit" className="primary">Sign</button></div>
    </form>
  );
}
