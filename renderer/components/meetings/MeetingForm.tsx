/**
 * A meeting's details and attendees (create, or edit before sign-off): board, date and time, location or video
 * link, chair and coordinator (local profiles), attendees with specialty and attended/apologies. The quorum
 * the board requires is shown live as attendance is marked.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  ATTENDANCE, DEFAULT_QUORUM, SPECIALTIES, type Attendance, type Board, type Meeting, type MeetingInput, type Profile,
  type MeetingSummary, type Specialty,
} from '../../../shared/domain/meeting';
import { SPECIALTY_LABELS } from '../../../shared/vocabulary';
import { failureOf, type Failure } from './labels';
import { QuorumBox } from './QuorumBox';

interface AttendeeRow { key: number; profile_id: number | null; name: string; specialty: Specialty; attendance: Attendance }

export interface MeetingFormProps {
  meeting: Meeting | null;
  boards: Board[];
  profiles: Profile[];
  /** Earlier meetings, newest first: a new meeting starts with its board's last chair and coordinator. */
  recent?: readonly MeetingSummary[];
  readOnly?: boolean;
  onSubmit(input: MeetingInput): Promise<unknown>;
  onCancel(): void;
}

let rowKey = 0;

export function MeetingForm({ meeting, boards, profiles, recent = [], readOnly = false, onSubmit, onCancel }: MeetingFormProps) {
  const ids = useId();
  // An existing board, never an invented one: the first board once the list has arrived (boards load after the form).
  // Only once: a user who clears the field to type another board keeps it empty.
  const [board, setBoard] = useState(meeting?.board ?? boards[0]?.name ?? '');
  const [boardDefaulted, setBoardDefaulted] = useState(meeting !== null || boards.length > 0);
  useEffect(() => {
    if (boardDefaulted || !boards[0]) return;
    setBoardDefaulted(true);
    setBoard((typed) => typed || boards[0]?.name || '');
  }, [boards, boardDefaulted]);
  const [when, setWhen] = useState(meeting?.scheduled_at ?? '');
  const [location, setLocation] = useState(meeting?.location ?? '');
  const [video, setVideo] = useState(meeting?.video_link ?? '');
  const [chair, setChair] = useState<number | null>(meeting?.chair_profile_id ?? null);
  const [coordinator, setCoordinator] = useState<number | null>(meeting?.coordinator_profile_id ?? null);
  // A new meeting starts with the chair and coordinator of its board's last meeting, until someone picks them.
  const [rolesPicked, setRolesPicked] = useState(meeting !== null);
  const last = recent.find((m) => m.board === board.trim());
  const lastChair = last?.chair_profile_id ?? null;
  const lastCoordinator = last?.coordinator_profile_id ?? null;
  useEffect(() => {
    if (rolesPicked) return;
    setChair(lastChair);
    setCoordinator(lastCoordinator);
  }, [rolesPicked, lastChair, lastCoordinator]);
  const [attendees, setAttendees] = useState<AttendeeRow[]>(() => (meeting?.attendees ?? []).map((a) => ({ ...a, key: ++rowKey })));
  const [error, setError] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  const quorumRule = boards.find((b) => b.name === board.trim())?.quorum ?? DEFAULT_QUORUM;
  const present = new Set(attendees.filter((a) => a.attendance === 'attended').map((a) => a.specialty));
  const missing = quorumRule.filter((s) => !present.has(s));

  const setRow = (key: number, patch: Partial<AttendeeRow>): void => setAttendees((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addProfile = (id: number): void => {
    const p = profiles.find((x) => x.id === id);
    if (!p || attendees.some((a) => a.profile_id === id)) return;
    setAttendees((rows) => [...rows, { key: ++rowKey, profile_id: p.id, name: p.name, specialty: p.specialty, attendance: 'attended' }]);
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!board.trim()) { setError({ code: 'VALIDATION', message: 'The board is required.', field: 'board' }); return; }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(when)) { setError({ code: 'VALIDATION', message: 'Give the date and time of the meeting.', field: 'scheduled_at' }); return; }
    const blank = attendees.find((a) => !a.name.trim());
    if (blank) { setError({ code: 'VALIDATION', message: 'Every attendee needs a name.', field: 'attendees' }); return; }
    setSaving(true);
    setError(null);
    try {
      await onSubmit({
        board: board.trim(), scheduled_at: when, location: location.trim(), video_link: video.trim(),
        chair_profile_id: chair, coordinator_profile_id: coordinator,
        attendees: attendees.map(({ profile_id, name, specialty, attendance }) => ({ profile_id, name: name.trim(), specialty, attendance })),
      });
    } catch (err) {
      setError(failureOf(err));
    } finally {
      setSaving(false);
    }
  };

  const errorFor = (field: string): string | null => (error?.field?.startsWith(field) ? error.message : null);

  return (
    <form className="meeting-form stack" onSubmit={(e) => void submit(e)} aria-label={meeting ? 'Meeting details' : 'New meeting'}>
      <fieldset disabled={readOnly} className="plain">
        <div className="field-grid">
          <label className="field">
            <span className="field-label">Board</span>
            <input list={`${ids}-boards`} value={board} onChange={(e) => setBoard(e.target.value)} aria-invalid={errorFor('board') ? true : undefined} />
            <datalist id={`${ids}-boards`}>{boards.map((b) => <option key={b.id} value={b.name} />)}</datalist>
            {errorFor('board') ? <span className="field-error">{errorFor('board')}</span> : null}
          </label>
          <label className="field">
            <span className="field-label">Date and time</span>
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} aria-invalid={errorFor('scheduled_at') ? true : undefined} />
            {errorFor('scheduled_at') ? <span className="field-error">{errorFor('scheduled_at')}</span> : null}
          </label>
          <label className="field">
            <span className="field-label">Location</span>
            <input value={location} onChange={(e) => setLocation(e.target.value)} placeholder="e.g. Seminar room 2" />
          </label>
          <label className="field">
            <span className="field-label">Video link</span>
            <input value={video} onChange={(e) => setVideo(e.target.value)} placeholder="optional" />
          </label>
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-chair`}>Chair</label>
            <select id={`${ids}-chair`} value={chair ?? ''} onChange={(e) => { setRolesPicked(true); setChair(e.target.value ? Number(e.target.value) : null); }}>
              <option value="">— not chosen —</option>
              {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}{p.role === 'chair' ? ' (chair)' : ''}</option>)}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-coordinator`}>Coordinator</label>
            <select id={`${ids}-coordinator`} value={coordinator ?? ''} onChange={(e) => { setRolesPicked(true); setCoordinator(e.target.value ? Number(e.target.value) : null); }}>
              <option value="">— not chosen —</option>
              {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}{p.role === 'coordinator' ? ' (coordinator)' : ''}</option>)}
            </select>
          </div>
        </div>

        <h3 className="sub">Attendees</h3>
        <table className="attendees">
          <thead><tr><th scope="col">Name</th><th scope="col">Specialty</th><th scope="col">Attendance</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr></thead>
          <tbody>
            {attendees.map((a, i) => (
              <tr key={a.key} data-attendee={a.name}>
                <td><input aria-label={`Attendee ${i + 1} name`} value={a.name} onChange={(e) => setRow(a.key, { name: e.target.value })} /></td>
                <td>
                  <select aria-label={`Attendee ${i + 1} specialty`} value={a.specialty} onChange={(e) => setRow(a.key, { specialty: e.target.value as Specialty })}>
                    {SPECIALTIES.map((s) => <option key={s} value={s}>{SPECIALTY_LABELS[s]}</option>)}
                  </select>
                </td>
                <td>
                  <select aria-label={`Attendee ${i + 1} attendance`} value={a.attendance} onChange={(e) => setRow(a.key, { attendance: e.target.value as Attendance })}>
                    {ATTENDANCE.map((x) => <option key={x} value={x}>{x === 'attended' ? 'Attended' : 'Apologies'}</option>)}
                  </select>
                </td>
                <td><button type="button" className="link" aria-label={`Remove attendee ${a.name || i + 1}`}
                  onClick={() => setAttendees((rows) => rows.filter((r) => r.key !== a.key))}>Remove</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {errorFor('attendees') ? <p className="field-error">{errorFor('attendees')}</p> : null}
        <div className="row">
          <button type="button" onClick={() => setAttendees((rows) => [...rows, { key: ++rowKey, profile_id: null, name: '', specialty: 'medical_oncology', attendance: 'attended' }])}>
            Add attendee
          </button>
          {profiles.length ? (
            <div className="inline-field">
              <label className="field-label" htmlFor={`${ids}-add-a-profile`}>Add a profile</label>
              <select id={`${ids}-add-a-profile`} value="" onChange={(e) => { if (e.target.value) addProfile(Number(e.target.value)); }}>
                <option value="">— choose —</option>
                {profiles.filter((p) => !attendees.some((a) => a.profile_id === p.id)).map((p) => (
                  <option key={p.id} value={p.id}>{p.name} ({SPECIALTY_LABELS[p.specialty]})</option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        <QuorumBox quorum={{ required: [...quorumRule], present: [...present], missing, met: missing.length === 0 }} />
      </fieldset>
      {error && !error.field ? <p className="banner error" role="alert">{error.message}</p> : null}
      {error?.field && !['board', 'scheduled_at', 'attendees'].some((f) => error.field?.startsWith(f)) ? <p className="banner error" role="alert">{error.message}</p> : null}
      {readOnly ? null : (
        <div className="actions">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="primary" disabled={saving}>{meeting ? 'Save details' : 'Create meeting'}</button>
        </div>
      )}
    </form>
  );
}
