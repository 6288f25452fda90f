/**
 * A meeting's minutes: the preview (the very HTML the PDF is printed from), "Export PDF" with progress and the
 * result (file, size, SHA-256, audit log), and per case the outcome letter for the referring clinician (preview
 * and export). Until the chair signs, the document is a DRAFT: the view says so and the pages carry the
 * watermark and running header.
 */
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../shared/api';
import type { Meeting } from '../../../shared/domain/meeting';
import { ExportOutcome } from '../../components/minutes/ExportResult';
import { itemName, LetterRow } from '../../components/minutes/LetterRow';
import { MinutesPreview } from '../../components/minutes/MinutesPreview';
import { useExport } from '../../components/minutes/useExport';
import { formatWhen } from '../../components/meetings/labels';
import { MEETING_STATUS_LABELS } from '../../../shared/vocabulary';
import { useClock } from '../../components/clock';
import { useStores } from '../../stores/context';

type Preview = OpOutput<'minutes.preview'>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : 'unknown error');

export function MinutesView({ meetingId }: { meetingId: number }) {
  const clock = useClock();
  const stores = useStores();
  const api = stores.api;
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [meetingError, setMeetingError] = useState<string | null>(null);
  /** null: the minutes; a case id: that case's outcome letter. */
  const [letterCase, setLetterCase] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ key: string; value: Preview } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const minutesExport = useExport(api, { meeting_id: meetingId });

  useEffect(() => {
    let live = true;
    setMeeting(null);
    setMeetingError(null);
    setLetterCase(null);
    api.invoke('meetings.get', { id: meetingId }).then(
      (m) => { if (live) setMeeting(m); },
      (error: unknown) => { if (live) setMeetingError(messageOf(error)); },
    );
    return () => { live = false; };
  }, [api, meetingId]);

  const key = `${meetingId}:${letterCase ?? 'minutes'}`;
  useEffect(() => {
    let live = true;
    setPreviewError(null);
    const input = { meeting_id: meetingId, embed_fonts: false, styles: 'none' as const };
    api.invoke('minutes.preview', letterCase === null ? input : { ...input, case_id: letterCase }).then(
      (value) => { if (live) setPreview({ key, value }); },
      (error: unknown) => { if (live) setPreviewError(messageOf(error)); },
    );
    return () => { live = false; };
  }, [api, meetingId, letterCase, key]);

  const back = (): void => stores.ui.getState().show({ name: 'meetings' });
  const current = preview?.key === key ? preview.value : null;
  const draft = current?.draft ?? (meeting ? meeting.status !== 'signed' : null);
  const letterItem = letterCase === null ? null : meeting?.agenda.find((i) => i.case_id === letterCase) ?? null;
  const exporting = minutesExport.state.phase === 'running';

  if (meetingError) {
    return (
      <div className="panel" role="alert">
        <h1>The minutes could not be opened</h1>
        <p>{meetingError}</p>
        <button type="button" onClick={() => stores.ui.getState().show({ name: 'meetings' })}>Back to the meetings</button>
      </div>
    );
  }

  return (
    <div className="minutes-view" data-meeting-id={meetingId} data-draft={draft === null ? undefined : draft ? 'yes' : 'no'}>
      <div className="minutes-bar">
        <button type="button" className="link" onClick={back}>← Meetings</button>
        <h1>Minutes{meeting ? ` · ${meeting.board} · ${formatWhen(meeting.scheduled_at, clock)}` : ''}</h1>
        {meeting ? <span className={`status-tag status-${meeting.status}`}>{MEETING_STATUS_LABELS[meeting.status]}</span> : null}
        {draft ? <span className="draft-tag" data-testid="draft-tag">DRAFT</span> : null}
        <span className="spacer" />
        <button type="button" className="primary export-button" disabled={exporting} aria-describedby="minutes-export-note"
          onClick={() => void minutesExport.run()}>
          {exporting ? <><span className="spinner" aria-hidden="true" /> Exporting…</> : 'Export PDF'}
        </button>
      </div>
      <p id="minutes-export-note" className="muted small minutes-note">
        {draft
          ? <><strong>DRAFT: the meeting is not signed.</strong> The PDF carries a DRAFT watermark and header and is not recorded in the audit log.</>
          : draft === false ? 'Signed minutes: the PDF’s SHA-256 is recorded in the audit log when you export it.' : 'Loading…'}
      </p>
      <div className="minutes-export" role="status" aria-busy={exporting}>
        <ExportOutcome state={minutesExport.state} what="minutes" />
      </div>

      <div className="minutes-columns">
        <section className="minutes-doc" aria-labelledby="minutes-doc-title">
          <div className="minutes-doc-bar">
            <h2 id="minutes-doc-title">{letterItem ? `Outcome letter: ${itemName(letterItem)}` : 'Minutes preview'}</h2>
            {letterItem ? <button type="button" className="link" onClick={() => setLetterCase(null)}>Back to the minutes</button> : null}
          </div>
          {previewError ? <p className="banner error" role="alert">The preview could not be built: {previewError}</p> : null}
          {current ? (
            <MinutesPreview html={current.html} css={current.css ?? ''} title={`Preview: ${current.title}`} />
          ) : previewError ? null : <p className="muted minutes-loading" role="status">Building the preview…</p>}
        </section>

        <aside className="minutes-letters" aria-labelledby="letters-title">
          <h2 id="letters-title">Outcome letters</h2>
          <p className="muted small">One letter per case, for the referring clinician.</p>
          {meeting === null ? <p className="muted">Loading the agenda…</p>
            : meeting.agenda.length === 0 ? <p className="muted">No cases on the agenda.</p> : (
              <ul className="letter-list">
                {meeting.agenda.map((item) => (
                  <LetterRow key={item.id} api={api} meetingId={meetingId} item={item}
                    previewing={letterCase === item.case_id} onPreview={setLetterCase} />
                ))}
              </ul>
            )}
        </aside>
      </div>
    </div>
  );
}
