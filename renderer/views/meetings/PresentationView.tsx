/**
 * Presentation mode for the meeting room projector: one case at a time in large type and high contrast, the
 * case summary, the derived scores, the evidence-backed options with strengths and citations, the flags, and the
 * decision typed live beside them. Keys: ArrowRight / PageDown next case, ArrowLeft / PageUp previous, Escape
 * leaves. A timer per case counts against the minutes allotted.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { engineTextInWords, FLAG_INFO, OPTION_LABELS, PRIMARY_TUMOR_LABELS } from '../../../shared/vocabulary';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { STRENGTH_NOTICE } from '../../../shared/engine';
import type { EngineOption } from '../../../shared/engine';
import { CitationList } from '../../components/evidence/CitationButton';
import { EvidenceDialogProvider } from '../../components/evidence/EvidenceDialog';
import { StrengthBadge } from '../../components/evidence/StrengthBadge';
import { formatWhen } from '../../components/meetings/labels';
import { MEETING_STATUS_LABELS } from '../../../shared/vocabulary';
import { useClock } from '../../components/clock';
import { KeyFacts } from '../../components/case/KeyFacts';
import { ReadinessBadge } from '../../components/meetings/Readiness';
import { useCaseEngine } from '../../components/meetings/useCaseEngine';
import { useAccount, useMeetings, useStores, useUi } from '../../stores/context';
import { followRoom } from '../../api/live';
import { allows, operations } from '../../../shared/api';
import { isTypingTarget } from '../../components/keyboard';
import { ItemDecision } from './MeetingDetail';

const mmss = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function PresentationView({ id, index }: { id: number; index: number }) {
  const clock = useClock();
  const stores = useStores();
  const meeting = useMeetings((s) => (s.meeting?.id === id ? s.meeting : null));
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (stores.meetings.getState().meeting?.id !== id) void stores.meetings.getState().open(id);
  }, [id, stores]);

  const count = meeting?.agenda.length ?? 0;
  const at = Math.max(0, Math.min(index, count - 1));
  const item = meeting?.agenda[at] ?? null;

  useEffect(() => {
    const go = (to: number): void => { if (to >= 0 && to < count && to !== at) stores.ui.getState().show({ name: 'present', id, index: to }); };
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]')) return; // an evidence card or a dialog has the keys
      if (e.key === 'Escape') { e.preventDefault(); stores.ui.getState().show({ name: 'meeting', id }); return; }
      if (isTypingTarget(e.target)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); go(at + 1); }
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); go(at - 1); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, count, id, stores]);

  useEffect(() => { headingRef.current?.focus({ preventScroll: true }); }, [item?.id]);

  // Follow the presenter (board server): whoever presents and does not follow tells the room where it is; a member
  // who follows is moved there (api/live.ts) and catches up at once when they turn following on.
  const network = useAccount((s) => s.mode) === 'network';
  const role = useAccount((s) => s.account?.role ?? null);
  const follow = useUi((s) => s.followPresenter);
  const presents = network && role !== null && allows(operations['meetings.present'].access, role) && !follow;
  const live = meeting?.status === 'in_progress';
  const itemId = item?.id ?? null;
  useEffect(() => {
    if (!presents || !live || itemId === null) return;
    void stores.api.invoke('meetings.present', { meeting_id: id, item_id: itemId }).catch(() => undefined);
  }, [presents, live, itemId, id, stores]);
  useEffect(() => {
    if (network && follow) void followRoom(stores, id).catch(() => undefined);
  }, [network, follow, id, stores]);

  if (!meeting) return <div className="present"><p role="status">Opening the meeting…</p></div>;

  const leave = (): void => stores.ui.getState().show({ name: 'meeting', id });
  const go = (to: number): void => stores.ui.getState().show({ name: 'present', id, index: to });

  return (
    <div className="present" data-present-index={at}>
      <header className="present-bar">
        <p className="present-meeting">{meeting.board} · {formatWhen(meeting.scheduled_at, clock)} · {MEETING_STATUS_LABELS[meeting.status]}</p>
        <nav className="present-nav" aria-label="Cases">
          <button type="button" onClick={() => go(at - 1)} disabled={at === 0} aria-keyshortcuts="ArrowLeft PageUp">← Previous</button>
          <span className="present-count" aria-live="polite">Case {at + 1} of {count}</span>
          <button type="button" onClick={() => go(at + 1)} disabled={at >= count - 1} aria-keyshortcuts="ArrowRight PageDown">Next →</button>
          {item ? <CaseTimer key={item.id} minutes={item.minutes_allotted} /> : null}
          {network && live ? (
            <label className="present-follow">
              <input type="checkbox" checked={follow} onChange={(e) => stores.ui.getState().setFollowPresenter(e.target.checked)} />
              {' '}Follow the presenter
            </label>
          ) : null}
          <button type="button" onClick={leave} aria-keyshortcuts="Escape">Leave <kbd>Esc</kbd></button>
        </nav>
      </header>
      <main className="present-main" id="main">
        {item ? <PresentedCase key={item.id} item={item} headingRef={headingRef} position={at + 1} />
          : <h1 ref={headingRef} tabIndex={-1}>The agenda is empty.</h1>}
      </main>
    </div>
  );
}

function CaseTimer({ minutes }: { minutes: number }) {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const elapsed = now - start;
  const over = elapsed > minutes * 60_000;
  return (
    <span className={`present-timer${over ? ' over' : ''}`} role="timer" aria-label={`Time on this case, ${minutes} minutes allotted`}>
      <span className="small">Time </span>{mmss(elapsed)} <span className="small">/ {minutes}:00</span>{over ? <span className="small"> over</span> : null}
    </span>
  );
}

function PresentedCase({ item, headingRef, position }: { item: AgendaItem; headingRef: RefObject<HTMLHeadingElement | null>; position: number }) {
  const engine = useCaseEngine(item.case_id);
  const record = useMeetings((s) => s.cases[item.case_id]);
  const facts = engine.facts;
  return (
    <div className="present-case" data-case-id={item.case_id}>
      <div className="present-left">
        <section className="present-summary" aria-labelledby="present-title">
          <h1 id="present-title" ref={headingRef} tabIndex={-1}>
            <span className="present-pos">{position}.</span> {item.family_name}, {item.given_name}
          </h1>
          <p className="present-sub">
            {item.identifier}
            {facts?.age != null ? <> · {facts.age} years</> : null}
            {' · '}{item.primary_tumor ? PRIMARY_TUMOR_LABELS[item.primary_tumor] : 'primary not set'}
            {item.presenter ? <> · presented by {item.presenter}</> : null}
          </p>
          {item.question ? <p className="present-question"><strong>Question:</strong> {item.question}</p> : null}
          {facts ? <KeyFacts facts={facts} derived={engine.ok ? engine.output.derived : null}
            imaging={record?.last_imaging_date ?? null} labs={record?.last_labs_date ?? null} /> : null}
          <div className="present-tags">
            <ReadinessBadge readiness={item.readiness} />
            {item.standard_of_care ? <span className="soc-tag">Standard of care</span> : null}
            {item.override_reason ? <span className="override-tag">Listed with override: {item.override_reason}</span> : null}
          </div>
        </section>
        <EvidenceDialogProvider>
          <div className="present-evidence">
            {engine.ok ? (
              <>
                <section className="ev-section" aria-labelledby="present-options-title">
                  <h2 id="present-options-title" className="ev-heading">Evidence-backed options <span className="count">{engine.output.options.length}</span></h2>
                  {engine.output.options.length ? (
                    <ol className="present-options">{engine.output.options.map((o) => <CompactOption key={o.option} option={o} />)}</ol>
                  ) : <p>No option: the engine needs more facts for this case.</p>}
                </section>
                {engine.output.flags.length ? (
                  <p className="present-flags"><strong>Warnings:</strong> {engine.output.flags.map((f) => FLAG_INFO[f].title).join(' · ')}</p>
                ) : null}
                <p className="disclaimer small">{engine.output.disclaimer} <span data-strength-notice="">{STRENGTH_NOTICE}</span></p>
              </>
            ) : 'loading' in engine ? <p role="status">Loading the case…</p>
              : <p className="banner error" role="alert">The options cannot be evaluated: {engine.message}</p>}
          </div>
        </EvidenceDialogProvider>
      </div>
      <div className="present-decision">
        <ItemDecision itemId={item.id} />
      </div>
    </div>
  );
}

/** One option for the room: label and strength; the rationale, rules and citations on demand. */
function CompactOption({ option }: { option: EngineOption }) {
  return (
    <li className={`present-option option-${option.strength}`} data-option={option.option} data-strength={option.strength} aria-labelledby={`present-opt-${option.option}`}>
      <div className="present-option-head">
        <span className="present-option-label" id={`present-opt-${option.option}`}>{OPTION_LABELS[option.option]}</span>
        <StrengthBadge strength={option.strength} />
      </div>
      <details className="present-why">
        <summary>Rationale and evidence</summary>
        <p className="rationale">{engineTextInWords(option.rationale)}</p>
        <CitationList ids={option.evidence} label={`Evidence for ${OPTION_LABELS[option.option]}`} />
      </details>
    </li>
  );
}
