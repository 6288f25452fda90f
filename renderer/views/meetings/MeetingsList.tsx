/** The board meetings: upcoming and past, each with status, cases decided and quorum; "New meeting" opens the form. */
import { useEffect, useState } from 'react';
import type { Board } from '../../../shared/domain/meeting';
import { BoardRules } from '../../components/meetings/BoardRules';
import { MeetingForm } from '../../components/meetings/MeetingForm';
import { formatWhen } from '../../components/meetings/labels';
import { MEETING_STATUS_LABELS } from '../../../shared/vocabulary';
import { useClock } from '../../components/clock';
import { useMeetings, useSession, useStores } from '../../stores/context';

export function MeetingsList() {
  const clock = useClock();
  const stores = useStores();
  const list = useMeetings((s) => s.list);
  const error = useMeetings((s) => s.listError);
  const profiles = useSession((s) => s.profiles);
  const current = useSession((s) => s.current);
  const [creating, setCreating] = useState(false);
  const [boards, setBoards] = useState<Board[]>([]);

  useEffect(() => { void stores.meetings.getState().loadList(); }, [stores]);
  useEffect(() => {
    if (creating) void stores.api.invoke('boards.list', {}).then(setBoards, () => setBoards([]));
  }, [creating, stores]);

  const open = (id: number): void => stores.ui.getState().show({ name: 'meeting', id });

  return (
    <div className="meetings-view stack">
      <div className="view-bar">
        <h1>Board meetings</h1>
        <span className="spacer" />
        {creating ? null : (
          <button type="button" className="primary" onClick={() => {
            if (!current) stores.session.getState().openChooser();
            setCreating(true);
          }}>New meeting</button>
        )}
      </div>
      {creating ? (
        <section className="card" aria-labelledby="new-meeting-title">
          <h2 id="new-meeting-title">New meeting</h2>
          {current ? null : <p className="banner warn">Choose who is acting before creating a meeting.</p>}
          <MeetingForm meeting={null} boards={boards} profiles={profiles} recent={list ?? []} onCancel={() => setCreating(false)}
            onSubmit={async (input) => {
              const m = await stores.meetings.getState().create(input);
              stores.ui.getState().notify('Meeting created.');
              setCreating(false);
              open(m.id);
            }} />
        </section>
      ) : null}
      {error ? <p className="banner error" role="alert">The meetings could not be loaded: {error}</p> : null}
      {list === null ? <p className="muted">Loading meetings…</p> : list.length === 0 ? <p className="muted">No meetings yet.</p> : (
        <table className="meetings-table">
          <caption className="visually-hidden">Meetings</caption>
          <thead>
            <tr><th scope="col">When</th><th scope="col">Board</th><th scope="col">Location</th><th scope="col">Status</th><th scope="col">Cases</th><th scope="col">Quorum</th><th scope="col">Minutes</th></tr>
          </thead>
          <tbody>
            {list.map((m) => (
              <tr key={m.id} data-meeting-id={m.id}>
                <td><button type="button" className="link" onClick={() => open(m.id)}>{formatWhen(m.scheduled_at, clock)}</button></td>
                <td>{m.board}</td>
                <td>{m.location || <span className="muted">—</span>}</td>
                <td><span className={`status-tag status-${m.status}`}>{MEETING_STATUS_LABELS[m.status]}</span></td>
                <td>{m.decided_count} of {m.case_count} decided</td>
                <td>{m.quorum_met ? '✓ met' : '⚠ not met'}</td>
                <td><button type="button" className="link" aria-label={`Minutes of ${m.board}, ${formatWhen(m.scheduled_at, clock)}`}
                  onClick={() => stores.ui.getState().show({ name: 'minutes', meetingId: m.id })}>Minutes</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BoardRules />
    </div>
  );
}
