/**
 * On a decided case: the timeline (referral, meetings, decisions, follow-up, response, toxicity, progression,
 * death) and forms to add an imaging assessment (lesion measurements → response computed with the shared
 * calculators as you type; the stored result is the app's), a CTCAE toxicity, and progression/death dates.
 */
import { formatDay, todayIn, useClock } from '../clock';
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { PrimaryTumor } from '../../../shared/facts/facts';
import {
  CTCAE_TERMS, OUTCOME_EVENT_KINDS, TOXICITY_TIMEPOINTS, type Assessment, type DecisionOutcomes, type OutcomeEventKind,
  type ResponseMethod, type Timeline, type TimelineEntry,
} from '../../../shared/domain/outcomes';
import { RESPONSE_METHOD_LABELS } from '../../../shared/vocabulary';
import { mrecist, recist11, type ResponseResult } from '../../../shared/engine/calculators/response';
import { useStores } from '../../stores/context';
import { failureOf } from '../../stores/data';
import '../../styles/data.css';

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  referral: 'Referral', meeting: 'Meeting', decision: 'Decision', amendment: 'Amendment', followup: 'Follow-up', treatment: 'Treatment',
  assessment: 'Response', toxicity: 'Toxicity', hepatic_progression: 'Hepatic progression', overall_progression: 'Progression', death: 'Death',
};
const EVENT_LABELS: Record<OutcomeEventKind, string> = { hepatic_progression: 'Hepatic progression', overall_progression: 'Overall progression', death: 'Death' };
const TIMEPOINT_LABELS: Record<(typeof TOXICITY_TIMEPOINTS)[number], string> = { '30_day': '30 days', '6_month': '6 months', other: 'Other' };
const RESPONSE_WORDS = { CR: 'complete response', PR: 'partial response', SD: 'stable disease', PD: 'progressive disease' } as const;

const pct = (n: number | null): string => (n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(Math.round(n * 10) / 10)} %`);

export function responseText(r: Pick<ResponseResult, 'response' | 'baseline_sum_mm' | 'current_sum_mm' | 'change_from_baseline_pct'> & { change_from_nadir_pct: number | null }): string {
  return `${r.response} (${RESPONSE_WORDS[r.response]}): sum ${r.baseline_sum_mm} → ${r.current_sum_mm} mm, ${pct(r.change_from_baseline_pct)} from baseline, ${pct(r.change_from_nadir_pct)} from nadir`;
}

interface LesionRow { key: number; id: string; organ: string; node: boolean; baseline: string; current: string }

export function methodFor(primary: PrimaryTumor | undefined): ResponseMethod | null {
  return primary ? (primary === 'hcc' ? 'mrecist' : 'recist11') : null;
}

export function CaseOutcomes({ caseId, primary }: { caseId: number; primary?: PrimaryTumor | undefined }) {
  const clock = useClock();
  const stores = useStores();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [outcomes, setOutcomes] = useState<DecisionOutcomes[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [decisionId, setDecisionId] = useState<number | null>(null);
  const decisionSelect = useId();

  const load = useCallback(async (): Promise<void> => {
    try {
      const [t, o] = await Promise.all([
        stores.api.invoke('outcomes.timeline', { case_id: caseId }), stores.api.invoke('outcomes.list', { case_id: caseId }),
      ]);
      setTimeline(t);
      setOutcomes(o);
      setDecisionId((prev) => (prev !== null && o.some((d) => d.decision_id === prev) ? prev : o.at(-1)?.decision_id ?? null));
      setError(null);
    } catch (e) {
      const failure = failureOf(e);
      if (failure.code === 'UNKNOWN_OPERATION') setUnavailable(true); // a back end without outcomes: no panel
      else setError(failure.message);
    }
  }, [caseId, stores]);
  useEffect(() => { void load(); }, [load]);

  const decisionTitles = useMemo(() => new Map((timeline?.entries ?? []).filter((e) => e.kind === 'decision' && e.decision_id !== null)
    .map((e) => [e.decision_id as number, `${formatDay(e.date.slice(0, 10), clock)}: ${e.title}`] as const)), [timeline]);
  const current = outcomes?.find((d) => d.decision_id === decisionId) ?? null;
  if (unavailable) return null;

  return (
    <section className="case-outcomes" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Outcomes and timeline</h2>
      {error ? <div className="banner error" role="alert"><p>{error}</p></div> : null}
      {outcomes === null && !error ? <p className="muted" role="status">Loading the timeline…</p> : null}
      {outcomes !== null && outcomes.length === 0 ? <p className="muted">Outcomes are recorded against a board decision; this case has none yet.</p> : null}
      {outcomes !== null && outcomes.length > 1 ? (
        <p>
          <label htmlFor={decisionSelect}>Decision </label>
          <select id={decisionSelect} value={decisionId ?? ''} onChange={(e) => setDecisionId(Number(e.target.value))}>
            {outcomes.map((d) => <option key={d.decision_id} value={d.decision_id}>{decisionTitles.get(d.decision_id) ?? `Decision #${d.decision_id}`}</option>)}
          </select>
        </p>
      ) : null}
      {current ? (
        <div className="outcome-forms">
          <AssessmentForm outcomes={current} primary={primary} onSaved={load} />
          <ToxicityForm decisionId={current.decision_id} onSaved={load} />
          <EventForm decisionId={current.decision_id} onSaved={load} />
        </div>
      ) : null}
      {timeline ? <TimelineList entries={timeline.entries} onChanged={load} /> : null}
    </section>
  );
}

const RETRACTABLE: Record<string, 'assessment' | 'toxicity' | 'event'> = { response_assessments: 'assessment', toxicities: 'toxicity', outcome_events: 'event' };

function TimelineList({ entries, onChanged }: { entries: TimelineEntry[]; onChanged: () => Promise<void> }) {
  const clock = useClock();
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  const [retracting, setRetracting] = useState<string | null>(null);
  return (
    <>
      <h3>Timeline</h3>
      {sorted.length === 0 ? <p className="muted">Nothing yet.</p> : (
        <ol className="timeline" aria-label="Case timeline">
          {sorted.map((e, i) => {
            const kind = e.ref ? RETRACTABLE[e.ref.table] : undefined;
            const key = e.ref ? `${e.ref.table}:${e.ref.id}` : `i${i}`;
            return (
              <li key={key} data-kind={e.kind}>
                <time dateTime={e.date}>{formatDay(e.date.slice(0, 10), clock)}</time>
                <span className={`tl-kind tl-${e.kind}`}>{KIND_LABELS[e.kind]}</span>
                <span className="tl-title">
                  {e.title}
                  {kind && e.ref && retracting !== key ? (
                    <button type="button" className="link small" aria-label={`Retract ${KIND_LABELS[e.kind].toLowerCase()} of ${formatDay(e.date.slice(0, 10), clock)}`} onClick={() => setRetracting(key)}>Retract…</button>
                  ) : null}
                </span>
                {e.detail ? <span className="tl-detail muted small">{e.detail}</span> : null}
                {kind && e.ref && retracting === key ? (
                  <RetractForm kind={kind} id={e.ref.id} label={`${KIND_LABELS[e.kind]} of ${formatDay(e.date.slice(0, 10), clock)}`}
                    onDone={async () => { setRetracting(null); await onChanged(); }} onCancel={() => setRetracting(null)} />
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

/** A wrong entry is retracted with a reason (kept, marked), never deleted. */
function RetractForm({ kind, id, label, onDone, onCancel }: { kind: 'assessment' | 'toxicity' | 'event'; id: number; label: string; onDone: () => Promise<void>; onCancel(): void }) {
  const stores = useStores();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (!reason.trim()) { setError('A reason is required: the entry is kept, marked as retracted.'); return; }
    setBusy(true);
    void stores.api.invoke('outcomes.retract', { kind, id, reason: reason.trim() })
      .then(() => onDone(), (err: unknown) => setError(failureOf(err).message))
      .finally(() => setBusy(false));
  };
  return (
    <form className="retract-form" onSubmit={onSubmit} aria-label={`Retract ${label}`}>
      <label htmlFor={reasonId} className="small">Why is this entry wrong? (required)</label>
      <input id={reasonId} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus />
      <button type="submit" className="danger" disabled={busy}>Retract</button>
      <button type="button" onClick={onCancel}>Cancel</button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </form>
  );
}

function useSubmit(onSaved: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (run: () => Promise<string>): Promise<void> => {
    setBusy(true); setError(null); setDone(null);
    try {
      setDone(await run());
      await onSaved();
    } catch (e) {
      setError(failureOf(e).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, submit };
}

function AssessmentForm({ outcomes, primary, onSaved }: { outcomes: DecisionOutcomes; primary: PrimaryTumor | undefined; onSaved: () => Promise<void> }) {
  const clock = useClock();
  const stores = useStores();
  const method = outcomes.method ?? methodFor(primary);
  const [date, setDate] = useState(todayIn(clock.time_zone));
  const [modality, setModality] = useState<'CT' | 'MRI' | 'PET-CT' | 'other'>(method === 'mrecist' ? 'MRI' : 'CT');
  const [lesions, setLesions] = useState<LesionRow[]>([{ key: 1, id: 'L1', organ: 'liver', node: false, baseline: '', current: '' }]);
  const [newLesions, setNewLesions] = useState(false);
  const [nonTarget, setNonTarget] = useState(false);
  const { busy, error, done, submit } = useSubmit(onSaved);

  const earlier = outcomes.assessments.filter((a: Assessment) => a.retracted_at === null && a.date < date);
  const parsed = lesions.map((l) => ({ id: l.id.trim(), organ: l.organ.trim() || 'liver', node: l.node, b: Number(l.baseline), c: Number(l.current), filled: l.baseline.trim() !== '' && l.current.trim() !== '' }));
  const complete = parsed.every((l) => l.filled && Number.isFinite(l.b) && Number.isFinite(l.c));
  let live: ResponseResult | null = null;
  let liveError: string | null = null;
  if (complete && method) {
    const baselineSum = parsed.reduce((s, l) => s + l.b, 0);
    const nadirs = earlier.map((a) => a.result.current_sum_mm);
    const nadir = nadirs.length > 0 ? Math.min(baselineSum, ...nadirs) : undefined;
    try {
      live = method === 'recist11'
        ? recist11({ baseline: parsed.map((l) => ({ id: l.id, organ: l.organ, node: l.node, diameter_mm: l.b })), current: parsed.map((l) => ({ id: l.id, organ: l.organ, node: l.node, diameter_mm: l.c })), new_lesions: newLesions, non_target_progression: nonTarget, ...(nadir !== undefined ? { nadir_sum_mm: nadir } : {}) })
        : mrecist({ baseline: parsed.map((l) => ({ id: l.id, viable_diameter_mm: l.b })), current: parsed.map((l) => ({ id: l.id, viable_diameter_mm: l.c })), new_lesions: newLesions, non_target_progression: nonTarget, ...(nadir !== undefined ? { nadir_sum_mm: nadir } : {}) });
    } catch (e) {
      liveError = e instanceof Error ? failureOf(e).message : 'these measurements cannot be assessed';
    }
  }
  const update = (key: number, patch: Partial<LesionRow>): void => setLesions((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void submit(async () => {
      const saved = await stores.api.invoke('outcomes.recordAssessment', {
        decision_id: outcomes.decision_id, date, modality, new_lesions: newLesions, non_target_progression: nonTarget,
        baseline: parsed.map((l) => ({ id: l.id, organ: l.organ, node: l.node, diameter_mm: l.b })),
        current: parsed.map((l) => ({ id: l.id, organ: l.organ, node: l.node, diameter_mm: l.c })),
      });
      return `Recorded by ${RESPONSE_METHOD_LABELS[saved.method]}: ${responseText(saved.result)}.`;
    });
  };

  return (
    <details className="outcome-form">
      <summary>Add an imaging assessment {method ? <span className="muted small">({RESPONSE_METHOD_LABELS[method]})</span> : null}</summary>
      {!method ? <p className="muted">Set the primary tumour first: it chooses RECIST 1.1 or mRECIST.</p> : (
        <form onSubmit={onSubmit} aria-label="Imaging assessment">
          <div className="form-row">
            <label>Date <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} /></label>
            <label>Modality{' '}
              <select value={modality} onChange={(e) => setModality(e.target.value as typeof modality)}>
                {(['CT', 'MRI', 'PET-CT', 'other'] as const).map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </label>
          </div>
          <table className="data-table lesions">
            <caption className="visually-hidden">Target lesions</caption>
            <thead><tr>
              <th scope="col">Lesion</th><th scope="col">Organ</th>{method === 'recist11' ? <th scope="col">Node</th> : null}
              <th scope="col">Baseline (mm)</th><th scope="col">{method === 'mrecist' ? 'Viable now (mm)' : 'Now (mm)'}</th><th scope="col"><span className="visually-hidden">Remove</span></th>
            </tr></thead>
            <tbody>
              {lesions.map((l, i) => (
                <tr key={l.key}>
                  <td><input aria-label={`Lesion ${i + 1} id`} value={l.id} size={5} onChange={(e) => update(l.key, { id: e.target.value })} required /></td>
                  <td><input aria-label={`Lesion ${i + 1} organ`} value={l.organ} size={8} onChange={(e) => update(l.key, { organ: e.target.value })} /></td>
                  {method === 'recist11' ? <td><input type="checkbox" aria-label={`Lesion ${i + 1} is a lymph node`} checked={l.node} onChange={(e) => update(l.key, { node: e.target.checked })} /></td> : null}
                  <td><input aria-label={`Lesion ${i + 1} baseline diameter (mm)`} inputMode="decimal" value={l.baseline} size={6} onChange={(e) => update(l.key, { baseline: e.target.value })} required /></td>
                  <td><input aria-label={`Lesion ${i + 1} current diameter (mm)`} inputMode="decimal" value={l.current} size={6} onChange={(e) => update(l.key, { current: e.target.value })} required /></td>
                  <td>{lesions.length > 1 ? <button type="button" className="link" aria-label={`Remove lesion ${i + 1}`} onClick={() => setLesions((ls) => ls.filter((x) => x.key !== l.key))}>Remove</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-row">
            <button type="button" disabled={lesions.length >= (method === 'recist11' ? 5 : 10)}
              onClick={() => setLesions((ls) => [...ls, { key: Math.max(...ls.map((x) => x.key)) + 1, id: `L${ls.length + 1}`, organ: 'liver', node: false, baseline: '', current: '' }])}>Add lesion</button>
            <label className="check"><input type="checkbox" checked={newLesions} onChange={(e) => setNewLesions(e.target.checked)} /> New lesions</label>
            <label className="check"><input type="checkbox" checked={nonTarget} onChange={(e) => setNonTarget(e.target.checked)} /> Non-target progression</label>
          </div>
          <p className="computed" data-testid="computed-response" aria-live="polite">
            {live ? <>Computed: <strong>{responseText(live)}</strong></> : liveError ? <span className="field-error">{liveError}</span> : <span className="muted">Enter both diameters of every lesion to see the response.</span>}
          </p>
          <div className="form-row">
            <button type="submit" className="primary" disabled={busy || !complete}>Record assessment</button>
            <span role="status" className="ok-text">{done}</span>
          </div>
          {error ? <p className="field-error" role="alert">{error}</p> : null}
        </form>
      )}
    </details>
  );
}

function ToxicityForm({ decisionId, onSaved }: { decisionId: number; onSaved: () => Promise<void> }) {
  const clock = useClock();
  const stores = useStores();
  const [term, setTerm] = useState<(typeof CTCAE_TERMS)[number]>(CTCAE_TERMS[0]);
  const [grade, setGrade] = useState(1);
  const [date, setDate] = useState(todayIn(clock.time_zone));
  const [timepoint, setTimepoint] = useState<(typeof TOXICITY_TIMEPOINTS)[number]>('30_day');
  const { busy, error, done, submit } = useSubmit(onSaved);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void submit(async () => {
      const t = await stores.api.invoke('outcomes.recordToxicity', { decision_id: decisionId, term, grade, date, timepoint });
      return `Recorded: ${t.term}, grade ${t.grade} (CTCAE v${t.ctcae_version}).`;
    });
  };
  return (
    <details className="outcome-form">
      <summary>Add a toxicity (CTCAE v5.0)</summary>
      <form onSubmit={onSubmit} aria-label="Toxicity">
        <div className="form-row">
          <label>Term{' '}
            <select value={term} onChange={(e) => setTerm(e.target.value as typeof term)}>{CTCAE_TERMS.map((t) => <option key={t} value={t}>{t}</option>)}</select>
          </label>
          <label>Grade{' '}
            <select value={grade} onChange={(e) => setGrade(Number(e.target.value))}>{[1, 2, 3, 4, 5].map((g) => <option key={g} value={g}>{g}</option>)}</select>
          </label>
          <label>Onset <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} /></label>
          <label>Time point{' '}
            <select value={timepoint} onChange={(e) => setTimepoint(e.target.value as typeof timepoint)}>{TOXICITY_TIMEPOINTS.map((t) => <option key={t} value={t}>{TIMEPOINT_LABELS[t]}</option>)}</select>
          </label>
          <button type="submit" className="primary" disabled={busy}>Record toxicity</button>
        </div>
        <span role="status" className="ok-text">{done}</span>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
      </form>
    </details>
  );
}

function EventForm({ decisionId, onSaved }: { decisionId: number; onSaved: () => Promise<void> }) {
  const clock = useClock();
  const stores = useStores();
  const [kind, setKind] = useState<OutcomeEventKind>('hepatic_progression');
  const [date, setDate] = useState(todayIn(clock.time_zone));
  const { busy, error, done, submit } = useSubmit(onSaved);
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void submit(async () => {
      const ev = await stores.api.invoke('outcomes.recordEvent', { decision_id: decisionId, kind, date });
      return `Recorded: ${EVENT_LABELS[ev.kind]} on ${ev.date}.`;
    });
  };
  return (
    <details className="outcome-form">
      <summary>Add progression or death</summary>
      <form onSubmit={onSubmit} aria-label="Progression or death">
        <div className="form-row">
          <label>Event{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value as OutcomeEventKind)}>{OUTCOME_EVENT_KINDS.map((k) => <option key={k} value={k}>{EVENT_LABELS[k]}</option>)}</select>
          </label>
          <label>Date <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} /></label>
          <button type="submit" className="primary" disabled={busy}>Record event</button>
        </div>
        <span role="status" className="ok-text">{done}</span>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
      </form>
    </details>
  );
}
