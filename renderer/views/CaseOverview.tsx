/**
 * The case overview: what a clinician expects on opening a chart, on one screen. Who the patient is and what the
 * board is asked; the key facts (performance status, liver function scores, burden, staging, the age of the imaging
 * and labs); the evidence summary (options with strength and citations, warnings, what is missing); the meetings
 * and decisions; the outcomes so far. "Edit" opens the full case form. Every word comes from the vocabulary.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaseRecord } from '../../shared/domain/case';
import type { Timeline, TimelineEntry } from '../../shared/domain/outcomes';
import { ageOn } from '../../shared/time/clock';
import { STRENGTH_NOTICE, type EngineDerived, type EngineOutput } from '../../shared/engine';
import {
  CASE_STATUS_LABELS, DERIVED_ROWS, engineTextInWords, FLAG_INFO, OPTION_LABELS, PRIMARY_TUMOR_LABELS, factLabel, factValueLabel,
} from '../../shared/vocabulary';
import { KeyFacts } from '../components/case/KeyFacts';
import { formatDay, formatInstant, todayIn, useClock } from '../components/clock';
import { ExportFhirButton } from '../components/data/ExportFhirButton';
import { CaseOutcomes } from '../components/data/CaseOutcomes';
import { CitationList } from '../components/evidence/CitationButton';
import { EvidenceDialogProvider } from '../components/evidence/EvidenceDialog';
import { StrengthBadge } from '../components/evidence/StrengthBadge';
import { evaluateFacts } from '../components/evidence/useEvaluation';
import { useEditor, useStores } from '../stores/context';
import { failureOf } from '../stores/data';
import '../styles/overview.css';

const SEX_WORDS = { female: 'female', male: 'male', other: 'other sex', unknown: 'sex not recorded' } as const;
const DECISION_KINDS: ReadonlySet<TimelineEntry['kind']> = new Set(['meeting', 'decision', 'amendment', 'followup', 'treatment']);
const OUTCOME_KINDS: ReadonlySet<TimelineEntry['kind']> = new Set(['assessment', 'toxicity', 'hepatic_progression', 'overall_progression', 'death']);
const KIND_WORDS: Record<TimelineEntry['kind'], string> = {
  referral: 'Referral', meeting: 'Meeting', decision: 'Decision', amendment: 'Amendment', followup: 'Follow-up', treatment: 'Treatment',
  assessment: 'Response', toxicity: 'Toxicity', hepatic_progression: 'Hepatic progression', overall_progression: 'Progression', death: 'Death',
};

export function CaseOverview({ record, onEdit, onBack }: { record: CaseRecord; onEdit(): void; onBack(): void }) {
  const clock = useClock();
  const stores = useStores();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [timelineError, setTimelineError] = useState<string | null>(null);
  const evaluation = useMemo(() => evaluateFacts(record.facts), [record.facts]);
  const facts = record.facts;
  const today = todayIn(clock.time_zone);
  const age = record.patient.birth_date ? ageOn(record.patient.birth_date, today) : facts.age ?? null;
  const derived: EngineDerived | null = evaluation.ok ? evaluation.output.derived : null;

  useEffect(() => { titleRef.current?.focus({ preventScroll: true }); }, [record.id]);
  // Someone else saved this case (board server's live updates): nothing is typed here, so show theirs at once.
  const remote = useEditor((s) => s.remote);
  useEffect(() => { if (remote) void stores.editor.getState().load(record.id); }, [remote, record.id, stores]);
  useEffect(() => {
    let live = true;
    stores.api.invoke('outcomes.timeline', { case_id: record.id }).then(
      (t) => { if (live) { setTimeline(t); setTimelineError(null); } },
      (e: unknown) => { if (live) setTimelineError(failureOf(e).message); },
    );
    return () => { live = false; };
  }, [record.id, record.version, stores]);

  // Keyboard: "e" edits, Escape returns to the list (not while typing).
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
      const t = e.target;
      if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      if (e.key === 'e') { e.preventDefault(); onEdit(); }
      else if (e.key === 'Escape') { e.preventDefault(); onBack(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEdit, onBack]);

  const primary = facts.primary_tumor ? PRIMARY_TUMOR_LABELS[facts.primary_tumor] : 'Primary tumour not recorded';
  const staging: (readonly [string, string])[] = [];
  if (facts.extrahepatic_disease) staging.push([factLabel('extrahepatic_disease'), factValueLabel('extrahepatic_disease', facts.extrahepatic_disease)]);
  if (facts.primary_tumor === 'hcc' && facts.bclc_stage) staging.push([factLabel('bclc_stage'), factValueLabel('bclc_stage', facts.bclc_stage)]);
  if (derived?.bclc_stage_derived) staging.push(['BCLC stage (derived)', String(derived.bclc_stage_derived)]);
  if (derived?.meld != null) staging.push(['MELD', String(derived.meld)]);

  const entries = timeline?.entries ?? [];
  const decisions = entries.filter((e) => DECISION_KINDS.has(e.kind));
  const outcomes = entries.filter((e) => OUTCOME_KINDS.has(e.kind));

  return (
    <div className="case-overview" data-case-id={record.id}>
      <div className="view-bar overview-bar">
        <button type="button" className="link" onClick={onBack}>← Cases</button>
        <h1 ref={titleRef} tabIndex={-1}>{record.patient.family_name}, {record.patient.given_name}</h1>
        <span className={`status-tag case-status-${record.status}`}>{CASE_STATUS_LABELS[record.status]}</span>
        <span className="spacer" />
        <ExportFhirButton id={record.id} />
        <button type="button" className="primary" onClick={onEdit} aria-keyshortcuts="e">Edit case</button>
      </div>
      <p className="overview-sub">
        <span>{record.patient.identifier}</span>
        {record.patient.birth_date ? <span>born {formatDay(record.patient.birth_date, clock)}</span> : null}
        {age !== null ? <span>{age} years</span> : null}
        <span>{SEX_WORDS[record.patient.sex]}</span>
        <span>{primary}</span>
        {record.referring_clinician ? <span>referred by {record.referring_clinician}</span> : null}
        <span className="muted">updated {formatInstant(record.updated_at, clock)}</span>
      </p>

      <div className="overview-grid">
        <section className="card" aria-labelledby="ov-question">
          <h2 id="ov-question">Question to the board</h2>
          <p className="overview-question">{record.question || <span className="muted">No question recorded yet.</span>}</p>
          {record.diagnosis ? <p><strong>Diagnosis:</strong> {record.diagnosis}</p> : null}
          <h3>Key facts</h3>
          <KeyFacts className="overview-facts" facts={facts} derived={derived}
            imaging={record.last_imaging_date ?? null} labs={record.last_labs_date ?? null} extra={staging} />
        </section>

        <EvidenceDialogProvider>
          <section className="card" aria-labelledby="ov-evidence">
            <h2 id="ov-evidence">Evidence summary</h2>
            {evaluation.ok ? <EvidenceSummary output={evaluation.output} />
              : <p className="banner error" role="alert">The options cannot be evaluated: {evaluation.message}. Edit the case to correct it.</p>}
          </section>
        </EvidenceDialogProvider>

        <div className="overview-column">
        <section className="card" aria-labelledby="ov-decisions">
          <h2 id="ov-decisions">Meetings and decisions</h2>
          {timelineError ? <p className="banner error" role="alert">{timelineError}</p> : null}
          {timeline === null && !timelineError ? <p className="muted" role="status">Loading…</p> : null}
          {timeline !== null && decisions.length === 0 ? <p className="muted">Not yet discussed by the board.</p> : null}
          {decisions.length ? <EntryList entries={decisions} label="Meetings and decisions" /> : null}
        </section>

        <section className="card" aria-labelledby="ov-outcomes">
          <h2 id="ov-outcomes">Outcomes</h2>
          {timeline !== null && outcomes.length === 0 ? <p className="muted">No response, toxicity, progression or death recorded.</p> : null}
          {outcomes.length ? <EntryList entries={outcomes} label="Outcomes" /> : null}
          <p className="small"><button type="button" className="link" onClick={() => document.getElementById('outcomes-title')?.scrollIntoView({ block: 'start' })}>Record an outcome</button></p>
        </section>
        </div>
      </div>

      <CaseOutcomes caseId={record.id} primary={facts.primary_tumor ?? undefined} />
    </div>
  );
}

function EvidenceSummary({ output }: { output: EngineOutput }) {
  const shown = output.options;
  const derived = DERIVED_ROWS.filter((r) => ['child_pugh_class', 'albi_grade', 'meld'].includes(r.key) && output.derived[r.key] != null);
  return (
    <>
      {output.flags.length ? (
        <ul className="overview-flags" aria-label="Warnings">
          {output.flags.map((f) => <li key={f} className={`flag-${FLAG_INFO[f].severity}`} title={FLAG_INFO[f].explanation}>
            <span aria-hidden="true">{FLAG_INFO[f].severity === 'info' ? 'ℹ' : '⚠'}</span> {FLAG_INFO[f].title}</li>)}
        </ul>
      ) : null}
      {shown.length ? (
        <ol className="overview-options" aria-label="Options">
          {shown.map((o) => (
            <li key={o.option} data-option={o.option}>
              <span className="overview-option-label">{OPTION_LABELS[o.option]}</span> <StrengthBadge strength={o.strength} />
              {o.evidence.length ? (
                <details className="overview-sources">
                  <summary>{o.evidence.length === 1 ? '1 source' : `${o.evidence.length} sources`}{o.conflicts.length ? ', sources disagree' : ''}</summary>
                  <p className="small">{engineTextInWords(o.rationale)}</p>
                  <CitationList ids={o.evidence} label={`Evidence for ${OPTION_LABELS[o.option]}`} />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : <p className="muted">No option yet: the engine needs more facts for this case.</p>}
      {output.missing.length ? (
        <p className="small"><strong>Still to complete:</strong> {output.missing.slice(0, 4).map((m) => factLabel(m.field)).join(', ')}
          {output.missing.length > 4 ? ` and ${output.missing.length - 4} more` : ''}.</p>
      ) : null}
      {derived.length ? <p className="small muted">Scores from {derived.map((r) => r.source).filter((s, i, a) => a.indexOf(s) === i).join('; ')}.</p> : null}
      <p className="disclaimer small">{STRENGTH_NOTICE}</p>
    </>
  );
}

function EntryList({ entries, label }: { entries: TimelineEntry[]; label: string }) {
  const clock = useClock();
  return (
    <ol className="overview-timeline" aria-label={label}>
      {entries.map((e, i) => (
        <li key={e.ref ? `${e.ref.table}:${e.ref.id}` : i} data-kind={e.kind}>
          <time dateTime={e.date}>{formatDay(e.date.slice(0, 10), clock)}</time>{' '}
          <span className="tl-kind">{KIND_WORDS[e.kind]}</span>{' '}
          <span>{e.title}</span>
          {e.detail ? <span className="muted small"> · {e.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
