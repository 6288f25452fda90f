/**
 * Follow-up: decisions and their actions due (by follow-up or due date), with whether each plan was carried
 * out. Record "implemented" with its date, or "changed" with the reason (and date when known).
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { IMPLEMENTATION, type FollowupQuery, type FollowupRow, type Implementation } from '../../../shared/domain/meeting';
import { failureOf, formatWhen, today } from '../../components/meetings/labels';
import { IMPLEMENTATION_LABELS, INTENT_LABELS, planLabel } from '../../../shared/vocabulary';
import { formatDay, useClock } from '../../components/clock';
import { useStores } from '../../stores/context';

export function FollowupView() {
  const clock = useClock();
  const fid = useId();
  const stores = useStores();
  const [status, setStatus] = useState<Implementation | ''>('pending');
  const [dueBy, setDueBy] = useState('');
  const [board, setBoard] = useState('');
  const [rows, setRows] = useState<FollowupRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const load = useCallback(async () => {
    const q: FollowupQuery = {};
    if (status) q.status = status;
    if (dueBy) q.due_by = dueBy;
    if (board.trim()) q.board = board.trim();
    try {
      setRows(await stores.api.invoke('followups.list', q));
      setError(null);
    } catch (err) {
      setError(failureOf(err).message);
    }
  }, [stores, status, dueBy, board]);

  useEffect(() => { void load(); }, [load]);

  return (
    <div className="followup-view stack">
      <div className="view-bar"><h1>Follow-up</h1></div>
      <div className="filters-row">
        <div className="inline-field"><label className="field-label" htmlFor={`${fid}-status`}>Status</label>
          <select id={`${fid}-status`} value={status} onChange={(e) => setStatus(e.target.value as Implementation | '')}>
            <option value="">All</option>
            {IMPLEMENTATION.map((s) => <option key={s} value={s}>{IMPLEMENTATION_LABELS[s]}</option>)}
          </select></div>
        <label className="inline-field"><span className="field-label">Due by</span>
          <input type="date" value={dueBy} onChange={(e) => setDueBy(e.target.value)} /></label>
        <button type="button" className="link" onClick={() => setDueBy(today(clock))}>Due today or earlier</button>
        <label className="inline-field"><span className="field-label">Board</span>
          <input value={board} onChange={(e) => setBoard(e.target.value)} placeholder="All boards" /></label>
      </div>
      {error ? <p className="banner error" role="alert">{error}</p> : null}
      {rows === null ? <p className="muted">Loading…</p> : rows.length === 0 ? <p className="muted">Nothing to follow up with these filters.</p> : (
        <table className="followup-table">
          <caption className="visually-hidden">Decisions to follow up</caption>
          <thead><tr><th scope="col">Patient</th><th scope="col">Meeting</th><th scope="col">Plan</th><th scope="col">Follow-up</th><th scope="col">Actions</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Record</span></th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <FollowupLine key={r.decision_id} row={r} open={open === r.decision_id} onToggle={() => setOpen(open === r.decision_id ? null : r.decision_id)}
                onSaved={() => { setOpen(null); void load(); }} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function FollowupLine({ row, open, onToggle, onSaved }: { row: FollowupRow; open: boolean; onToggle(): void; onSaved(): void }) {
  const clock = useClock();
  const now = today(clock);
  const name = `${row.family_name}, ${row.given_name}`;
  // Overdue: still pending and a due date (an action's, or the follow-up date) has passed.
  const pending = row.status === 'pending';
  const late = (d: string | null): boolean => pending && d !== null && d < now;
  const overdue = late(row.follow_up_date) || row.actions.some((a) => late(a.due_date));
  return (
    <>
      <tr data-decision-id={row.decision_id} className={overdue ? 'overdue' : undefined} data-overdue={overdue ? 'yes' : 'no'}>
        <td><strong>{name}</strong> <span className="muted small">{row.identifier}</span></td>
        <td>{row.board}<br /><span className="small muted">{formatWhen(row.meeting_date, clock)}</span></td>
        <td>{planLabel(row.plan)}<br /><span className="small muted">{INTENT_LABELS[row.intent]}</span></td>
        <td>{row.follow_up_date ? formatDay(row.follow_up_date, clock) : '—'}{late(row.follow_up_date) ? <span className="overdue-tag"> overdue</span> : null}</td>
        <td>{row.actions.length ? <ul className="plain-list small">{row.actions.map((a, i) => <li key={i} className={late(a.due_date) ? 'overdue' : undefined}>{a.what} — {a.owner}{a.due_date ? ` (due ${formatDay(a.due_date, clock)}${late(a.due_date) ? ', overdue' : ''})` : ''}</li>)}</ul> : <span className="muted">—</span>}</td>
        <td><span className={`impl-tag impl-${row.status}`}>{IMPLEMENTATION_LABELS[row.status]}</span>
          {row.latest ? <p className="small muted">{row.latest.date ? formatDay(row.latest.date, clock) : ''} {row.latest.reason ?? ''}</p> : null}</td>
        <td><button type="button" onClick={onToggle} aria-expanded={open} aria-label={`Record outcome: ${name}`}>Record outcome</button></td>
      </tr>
      {open ? <tr className="followup-form-row"><td colSpan={7}><OutcomeForm decisionId={row.decision_id} name={name} onSaved={onSaved} /></td></tr> : null}
    </>
  );
}

function OutcomeForm({ decisionId, name, onSaved }: { decisionId: number; name: string; onSaved(): void }) {
  const clock = useClock();
  const fid = useId();
  const stores = useStores();
  const [outcome, setOutcome] = useState<'implemented' | 'changed'>('implemented');
  const [date, setDate] = useState(today(clock));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (outcome === 'implemented' && !date) { setError('Give the date the plan was carried out.'); return; }
    if (outcome === 'changed' && !reason.trim()) { setError('Give the reason the plan changed.'); return; }
    try {
      await stores.api.invoke('followups.record', outcome === 'implemented'
        ? { decision_id: decisionId, outcome, date, note: note.trim() }
        : { decision_id: decisionId, outcome, date: date || null, reason: reason.trim(), note: note.trim() });
      stores.ui.getState().notify(`Outcome recorded for ${name}.`);
      onSaved();
    } catch (err) {
      setError(failureOf(err).message);
    }
  };
  return (
    <form className="outcome-form row" onSubmit={(e) => void submit(e)} aria-label={`Outcome for ${name}`}>
      <div className="inline-field"><label className="field-label" htmlFor={`${fid}-outcome`}>Outcome</label>
        <select id={`${fid}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as 'implemented' | 'changed')}>
          <option value="implemented">Implemented</option><option value="changed">Changed</option>
        </select></div>
      <label className="inline-field"><span className="field-label">Date</span><input type="date" value={date} onChange={(e) => setDate(e.target.value)} /></label>
      {outcome === 'changed' ? <label className="inline-field grow"><span className="field-label">Reason</span><input value={reason} onChange={(e) => setReason(e.target.value)} /></label> : null}
      <label className="inline-field grow"><span className="field-label">Note</span><input value={note} onChange={(e) => setNote(e.target.value)} /></label>
      <button type="submit" className="primary">Save outcome</button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </form>
  );
}
