/**
 * Outcomes after a decision: response assessments (RECIST 1.1 / mRECIST computed with the shared calculators,
 * inputs and result stored together), CTCAE toxicities, progression and death. Each write and each retraction
 * appends an audit row in the same transaction. Outcomes are new facts, so they are accepted on a decision of
 * a signed meeting (the decision itself is not touched). Also the case timeline.
 */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { inTransaction, insertId, stmt } from '../statements';
import { jsonNumber, jsonText } from '../sql/dialect';
import { DomainError } from '../../shared/errors';
import { mrecist, recist11, type ResponseResult } from '../../shared/engine/calculators/response';
import { daysBetween } from '../../shared/domain/meetingRules';
import type { PrimaryTumor } from '../../shared/facts/facts';
import type {
  Assessment, DecisionOutcomes, OutcomeEvent, OutcomeEventKind, ResponseMethod, Timeline, TimelineEntry, Toxicity,
} from '../../shared/domain/outcomes';
import {
  assessmentInputSchema, eventInputSchema, retractInputSchema, toxicityInputSchema,
} from '../../shared/domain/outcomes';
import { DECISION_FIELD_LABELS, humanise, intentLabel, MEETING_STATUS_LABELS, planLabel, PRIMARY_TUMOR_LABELS, RESPONSE_METHOD_LABELS } from '../../shared/vocabulary';
import type { MeetingStatus } from '../../shared/domain/meeting';
import type { z } from 'zod';
import type { Actor } from './profiles';

type AssessmentInputParsed = z.output<typeof assessmentInputSchema>;
type ToxicityInputParsed = z.output<typeof toxicityInputSchema>;
type EventInputParsed = z.output<typeof eventInputSchema>;
type RetractInputParsed = z.output<typeof retractInputSchema>;

/** RECIST 1.1 for metastases, mRECIST for hepatocellular carcinoma (EVIDENCE.md 3.9, 3.10). */
export function responseMethodFor(primary: PrimaryTumor | null | undefined): ResponseMethod | null {
  if (!primary) return null;
  return primary === 'hcc' ? 'mrecist' : 'recist11';
}

interface DecisionContext {
  decisionId: number;
  caseId: number;
  meetingDate: string;
  primary: PrimaryTumor | null;
  treatmentDate: string | null;
}

/** The implemented follow-up's date (day 0), when the latest follow-up says the plan was carried out. */
export function treatmentDateOf(db: Db, decisionId: number): string | null {
  const latest = stmt(db, 'SELECT outcome, date FROM followups WHERE decision_id = ? ORDER BY id DESC LIMIT 1').get(decisionId) as
    { outcome: string; date: string | null } | undefined;
  return latest?.outcome === 'implemented' ? latest.date : null;
}

function decisionContext(db: Db, decisionId: number): DecisionContext {
  const row = stmt(db, `SELECT d.id, d.case_id, m.scheduled_at, c.primary_tumor, ${jsonText(db, 'd.facts_snapshot', 'primary_tumor')} AS snap_primary
    FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN cases c ON c.id = d.case_id WHERE d.id = ?`).get(decisionId) as
    { id: number; case_id: number; scheduled_at: string; primary_tumor: PrimaryTumor | null; snap_primary: PrimaryTumor | null } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `decision ${decisionId} does not exist`, 'decision_id');
  return {
    decisionId: row.id, caseId: row.case_id, meetingDate: row.scheduled_at.slice(0, 10), primary: row.primary_tumor ?? row.snap_primary,
    treatmentDate: treatmentDateOf(db, row.id),
  };
}

function checkDate(ctx: DecisionContext, date: string, now: string, what: string): void {
  if (date < ctx.meetingDate) throw new DomainError('VALIDATION', `the ${what} date ${date} is before the meeting that decided the plan (${ctx.meetingDate})`, 'date');
  if (date > now.slice(0, 10)) throw new DomainError('VALIDATION', `the ${what} date ${date} is in the future`, 'date');
  if (ctx.treatmentDate && date < ctx.treatmentDate) {
    throw new DomainError('VALIDATION', `the ${what} date ${date} is before the treatment (${ctx.treatmentDate})`, 'date');
  }
}

const daysAfter = (ctx: DecisionContext, date: string): number | null => (ctx.treatmentDate ? daysBetween(ctx.treatmentDate, date) : null);

// ---- rows ----------------------------------------------------------------------------------------------

interface AssessmentRow {
  id: number; decision_id: number; case_id: number; date: string; method: ResponseMethod; modality: string; inputs: string; result: string;
  response: Assessment['response']; days_after_treatment: number | null; note: string; recorded_by: string; recorded_at: string;
  retracted_at: string | null; retracted_by: string | null; retraction_reason: string | null;
}
const toAssessment = (r: AssessmentRow): Assessment => ({
  ...r, inputs: JSON.parse(r.inputs) as Assessment['inputs'], result: JSON.parse(r.result) as Assessment['result'],
});

const getAssessment = (db: Db, id: number): Assessment | undefined => {
  const r = stmt(db, 'SELECT * FROM response_assessments WHERE id = ?').get(id) as AssessmentRow | undefined;
  return r ? toAssessment(r) : undefined;
};
const getToxicity = (db: Db, id: number): Toxicity | undefined => stmt(db, 'SELECT * FROM toxicities WHERE id = ?').get(id) as Toxicity | undefined;
const getEvent = (db: Db, id: number): OutcomeEvent | undefined => stmt(db, 'SELECT * FROM outcome_events WHERE id = ?').get(id) as OutcomeEvent | undefined;

// ---- writes --------------------------------------------------------------------------------------------

function computeResponse(method: ResponseMethod, input: AssessmentInputParsed, nadir: number, afterCr: boolean): ResponseResult {
  const baselineIds = input.baseline.map((l) => l.id);
  if (new Set(baselineIds).size !== baselineIds.length) throw new DomainError('VALIDATION', 'baseline: each target lesion needs its own id', 'baseline');
  input.current.forEach((l, i) => {
    if (!baselineIds.includes(l.id)) throw new DomainError('VALIDATION', `current[${i}].id: "${l.id}" is not a baseline target lesion`, `current.${i}.id`);
  });
  if (method === 'recist11') {
    return recist11({ baseline: input.baseline, current: input.current, nadir_sum_mm: nadir, new_lesions: input.new_lesions, non_target_progression: input.non_target_progression, after_complete_response: afterCr });
  }
  if (new Set(input.current.map((l) => l.id)).size !== input.current.length || input.current.length !== input.baseline.length) {
    throw new DomainError('VALIDATION', 'current: must measure every baseline target lesion once', 'current');
  }
  // mRECIST sums the same lesions; order the current ones as at baseline.
  const current = input.baseline.map((b) => ({ id: b.id, viable_diameter_mm: input.current.find((c) => c.id === b.id)?.diameter_mm ?? 0 }));
  return mrecist({
    baseline: input.baseline.map((l) => ({ id: l.id, viable_diameter_mm: l.diameter_mm })), current, nadir_sum_mm: nadir,
    new_lesions: input.new_lesions, non_target_progression: input.non_target_progression, after_complete_response: afterCr,
  });
}

/** Records one imaging response assessment; the method follows the case's primary, the response is computed. */
export function recordAssessment(db: Db, raw: z.input<typeof assessmentInputSchema>, actor: Actor, now = new Date().toISOString()): Assessment {
  const input = assessmentInputSchema.parse(raw);
  return inTransaction(db, () => {
    const ctx = decisionContext(db, input.decision_id);
    const method = responseMethodFor(ctx.primary);
    if (!method) throw new DomainError('VALIDATION', `case ${ctx.caseId} has no primary tumour recorded: set it to choose RECIST 1.1 or mRECIST`, 'decision_id');
    checkDate(ctx, input.date, now, 'assessment');
    const baselineSum = input.baseline.reduce((s, l) => s + l.diameter_mm, 0);
    let nadir = input.nadir_sum_mm;
    if (nadir === undefined) {
      const earlier = stmt(db, `SELECT min(${jsonNumber(db, 'result', 'current_sum_mm')}) FROM response_assessments
        WHERE decision_id = ? AND method = ? AND retracted_at IS NULL AND date < ?`).pluck().get(ctx.decisionId, method, input.date) as number | null;
      nadir = Math.min(baselineSum, earlier ?? baselineSum);
    }
    // A lesion that reappears after a complete response is progressive disease (RECIST 1.1 / mRECIST).
    const previous = stmt(db, `SELECT response FROM response_assessments WHERE decision_id = ? AND method = ? AND retracted_at IS NULL AND date < ?
      ORDER BY date DESC, id DESC LIMIT 1`).pluck().get(ctx.decisionId, method, input.date) as string | undefined;
    const r = computeResponse(method, input, nadir, previous === 'CR');
    const result = { ...r, change_from_nadir_pct: Number.isFinite(r.change_from_nadir_pct) ? r.change_from_nadir_pct : null };
    const inputs = { baseline: input.baseline, current: input.current, new_lesions: input.new_lesions, non_target_progression: input.non_target_progression, nadir_sum_mm: r.nadir_sum_mm };
    const id = insertId(db, `INSERT INTO response_assessments (decision_id, case_id, date, method, modality, inputs, result, response, days_after_treatment,
      note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ctx.decisionId, ctx.caseId, input.date, method, input.modality,
      JSON.stringify(inputs), JSON.stringify(result), result.response, daysAfter(ctx, input.date), input.note, actor.label, now);
    const out = getAssessment(db, id);
    if (!out) throw new Error(`assessment ${id} was not written`);
    appendAudit(db, { actor: actor.label, action: 'outcome.assessment.record', entity: 'response_assessment', entityId: id, before: null, after: out }, now);
    return out;
  });
}

export function recordToxicity(db: Db, raw: z.input<typeof toxicityInputSchema>, actor: Actor, now = new Date().toISOString()): Toxicity {
  const input: ToxicityInputParsed = toxicityInputSchema.parse(raw);
  return inTransaction(db, () => {
    const ctx = decisionContext(db, input.decision_id);
    checkDate(ctx, input.date, now, 'toxicity');
    const id = insertId(db, `INSERT INTO toxicities (decision_id, case_id, term, grade, ctcae_version, date, days_after_treatment, timepoint, grouping,
      note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ctx.decisionId, ctx.caseId, input.term, input.grade, input.ctcae_version,
      input.date, daysAfter(ctx, input.date), input.timepoint, input.grouping, input.note, actor.label, now);
    const out = getToxicity(db, id);
    if (!out) throw new Error(`toxicity ${id} was not written`);
    appendAudit(db, { actor: actor.label, action: 'outcome.toxicity.record', entity: 'toxicity', entityId: id, before: null, after: out }, now);
    return out;
  });
}

const EVENT_WORDS: Record<OutcomeEventKind, string> = { hepatic_progression: 'hepatic progression', overall_progression: 'overall progression', death: 'death' };

export function recordEvent(db: Db, raw: z.input<typeof eventInputSchema>, actor: Actor, now = new Date().toISOString()): OutcomeEvent {
  const input: EventInputParsed = eventInputSchema.parse(raw);
  return inTransaction(db, () => {
    const ctx = decisionContext(db, input.decision_id);
    checkDate(ctx, input.date, now, EVENT_WORDS[input.kind]);
    // One death per patient (across their cases); one first-progression date of each kind per decision.
    const existing = input.kind === 'death'
      ? stmt(db, `SELECT e.id, e.date FROM outcome_events e JOIN cases c ON c.id = e.case_id
          WHERE e.kind = 'death' AND e.retracted_at IS NULL AND c.patient_id = (SELECT patient_id FROM cases WHERE id = ?)`).get(ctx.caseId)
      : stmt(db, 'SELECT id, date FROM outcome_events WHERE decision_id = ? AND kind = ? AND retracted_at IS NULL').get(ctx.decisionId, input.kind);
    if (existing) {
      const e = existing as { id: number; date: string };
      throw new DomainError('CONFLICT', `${EVENT_WORDS[input.kind]} is already recorded (${e.date}); retract that entry first to correct it`, 'kind');
    }
    const id = insertId(db, `INSERT INTO outcome_events (decision_id, case_id, kind, date, days_after_treatment, note, recorded_by, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ctx.decisionId, ctx.caseId, input.kind, input.date, daysAfter(ctx, input.date), input.note, actor.label, now);
    const out = getEvent(db, id);
    if (!out) throw new Error(`event ${id} was not written`);
    appendAudit(db, { actor: actor.label, action: `outcome.${input.kind}.record`, entity: 'outcome_event', entityId: id, before: null, after: out }, now);
    return out;
  });
}

const RETRACT_TABLE = { assessment: 'response_assessments', toxicity: 'toxicities', event: 'outcome_events' } as const;
const RETRACT_ENTITY = { assessment: 'response_assessment', toxicity: 'toxicity', event: 'outcome_event' } as const;

/** Marks an entry made in error as retracted (once; nothing else changes). Returns the decision's outcomes. */
export function retractOutcome(db: Db, raw: z.input<typeof retractInputSchema>, actor: Actor, now = new Date().toISOString()): DecisionOutcomes {
  const input: RetractInputParsed = retractInputSchema.parse(raw);
  const table = RETRACT_TABLE[input.kind];
  return inTransaction(db, () => {
    const row = stmt(db, `SELECT id, decision_id, retracted_at FROM ${table} WHERE id = ?`).get(input.id) as
      { id: number; decision_id: number; retracted_at: string | null } | undefined;
    if (!row) throw new DomainError('NOT_FOUND', `${input.kind} ${input.id} does not exist`, 'id');
    if (row.retracted_at) throw new DomainError('CONFLICT', `${input.kind} ${input.id} was already retracted (${row.retracted_at})`, 'id');
    stmt(db, `UPDATE ${table} SET retracted_at = ?, retracted_by = ?, retraction_reason = ? WHERE id = ?`).run(now, actor.label, input.reason, input.id);
    appendAudit(db, {
      actor: actor.label, action: `outcome.${input.kind}.retract`, entity: RETRACT_ENTITY[input.kind], entityId: input.id,
      before: { retracted_at: null }, after: { retracted_at: now, retracted_by: actor.label, retraction_reason: input.reason },
    }, now);
    return getDecisionOutcomes(db, row.decision_id);
  });
}

// ---- reads ---------------------------------------------------------------------------------------------

export function getDecisionOutcomes(db: Db, decisionId: number): DecisionOutcomes {
  const ctx = decisionContext(db, decisionId);
  return {
    decision_id: ctx.decisionId,
    case_id: ctx.caseId,
    method: responseMethodFor(ctx.primary),
    treatment_date: ctx.treatmentDate,
    assessments: (stmt(db, 'SELECT * FROM response_assessments WHERE decision_id = ? ORDER BY date, id').all(decisionId) as AssessmentRow[]).map(toAssessment),
    toxicities: stmt(db, 'SELECT * FROM toxicities WHERE decision_id = ? ORDER BY date, id').all(decisionId) as Toxicity[],
    events: stmt(db, 'SELECT * FROM outcome_events WHERE decision_id = ? ORDER BY date, id').all(decisionId) as OutcomeEvent[],
  };
}

export function listCaseOutcomes(db: Db, caseId: number): DecisionOutcomes[] {
  if (!stmt(db, 'SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw new DomainError('NOT_FOUND', `case ${caseId} does not exist`, 'case_id');
  const ids = stmt(db, 'SELECT id FROM decisions WHERE case_id = ? ORDER BY id').pluck().all(caseId) as number[];
  return ids.map((id) => getDecisionOutcomes(db, id));
}

const KIND_ORDER: Record<TimelineEntry['kind'], number> = {
  referral: 0, meeting: 1, decision: 2, amendment: 3, followup: 4, treatment: 5, assessment: 6, toxicity: 7, hepatic_progression: 8,
  overall_progression: 9, death: 10,
};

/** Referral, meetings and decisions, follow-up, assessments, toxicities, progression and death, in date order. */
export function caseTimeline(db: Db, caseId: number): Timeline {
  const c = stmt(db, `SELECT c.id, c.created_at, c.primary_tumor, d.referring_clinician FROM cases c JOIN case_details d ON d.case_id = c.id WHERE c.id = ?`).get(caseId) as
    { id: number; created_at: string; primary_tumor: string | null; referring_clinician: string } | undefined;
  if (!c) throw new DomainError('NOT_FOUND', `case ${caseId} does not exist`, 'case_id');
  const entries: TimelineEntry[] = [];
  const push = (e: TimelineEntry) => entries.push(e);
  push({
    date: c.created_at.slice(0, 10), kind: 'referral', title: 'Referral',
    detail: [c.primary_tumor ? `primary: ${PRIMARY_TUMOR_LABELS[c.primary_tumor as PrimaryTumor] ?? humanise(c.primary_tumor)}` : '', c.referring_clinician ? `from ${c.referring_clinician}` : ''].filter(Boolean).join('; '),
    decision_id: null, ref: { table: 'cases', id: c.id },
  });
  const listings = stmt(db, `SELECT a.id, m.id AS meeting_id, m.scheduled_at, m.status, b.name AS board FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
    JOIN boards b ON b.id = m.board_id WHERE a.case_id = ? ORDER BY m.scheduled_at`).all(caseId) as
    { id: number; meeting_id: number; scheduled_at: string; status: string; board: string }[];
  for (const l of listings) {
    push({ date: l.scheduled_at.slice(0, 10), kind: 'meeting', title: `Listed at ${l.board}`, detail: MEETING_STATUS_LABELS[l.status as MeetingStatus] ?? humanise(l.status), decision_id: null, ref: { table: 'meetings', id: l.meeting_id } });
  }
  const decisions = stmt(db, `SELECT d.id, d.plan, d.intent, m.scheduled_at FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE d.case_id = ? ORDER BY d.id`).all(caseId) as
    { id: number; plan: string; intent: string; scheduled_at: string }[];
  for (const d of decisions) {
    push({ date: d.scheduled_at.slice(0, 10), kind: 'decision', title: `Decision: ${planLabel(d.plan)}`, detail: `Intent: ${intentLabel(d.intent)}`, decision_id: d.id, ref: { table: 'decisions', id: d.id } });
    for (const a of stmt(db, 'SELECT id, amended_at, changed_fields, reason FROM decision_amendments WHERE decision_id = ? ORDER BY id').all(d.id) as
      { id: number; amended_at: string; changed_fields: string; reason: string }[]) {
      push({ date: a.amended_at.slice(0, 10), kind: 'amendment', title: 'Decision amended', detail: `${(JSON.parse(a.changed_fields) as string[]).map((f) => DECISION_FIELD_LABELS[f] ?? f).join(', ')}: ${a.reason}`, decision_id: d.id, ref: { table: 'decision_amendments', id: a.id } });
    }
    for (const f of stmt(db, 'SELECT id, outcome, date, reason, recorded_at FROM followups WHERE decision_id = ? ORDER BY id').all(d.id) as
      { id: number; outcome: string; date: string | null; reason: string | null; recorded_at: string }[]) {
      if (f.outcome === 'implemented') push({ date: f.date ?? f.recorded_at.slice(0, 10), kind: 'treatment', title: `Plan carried out: ${planLabel(d.plan)}`, detail: '', decision_id: d.id, ref: { table: 'followups', id: f.id } });
      else push({ date: f.date ?? f.recorded_at.slice(0, 10), kind: 'followup', title: 'Plan changed', detail: f.reason ?? '', decision_id: d.id, ref: { table: 'followups', id: f.id } });
    }
    const o = getDecisionOutcomes(db, d.id);
    const day = (n: number | null) => (n === null ? '' : ` (day ${n})`);
    for (const a of o.assessments) {
      if (a.retracted_at) continue;
      const pct = Math.round(a.result.change_from_baseline_pct * 10) / 10;
      push({ date: a.date, kind: 'assessment', title: `${RESPONSE_METHOD_LABELS[a.method]}: ${a.response}${day(a.days_after_treatment)}`,
        detail: `${a.modality}; sum ${a.result.current_sum_mm} mm (baseline ${a.result.baseline_sum_mm} mm, ${pct >= 0 ? '+' : ''}${pct} %)`, decision_id: d.id, ref: { table: 'response_assessments', id: a.id } });
    }
    for (const t of o.toxicities) {
      if (t.retracted_at) continue;
      push({ date: t.date, kind: 'toxicity', title: `${t.term}, grade ${t.grade}${day(t.days_after_treatment)}`, detail: `CTCAE v${t.ctcae_version}; ${t.timepoint.replace('_', '-')}${t.grouping ? `; ${t.grouping}` : ''}`,
        decision_id: d.id, ref: { table: 'toxicities', id: t.id } });
    }
    for (const e of o.events) {
      if (e.retracted_at) continue;
      push({ date: e.date, kind: e.kind, title: `${EVENT_WORDS[e.kind][0]?.toUpperCase() ?? ''}${EVENT_WORDS[e.kind].slice(1)}${day(e.days_after_treatment)}`, detail: e.note,
        decision_id: d.id, ref: { table: 'outcome_events', id: e.id } });
    }
  }
  entries.sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { case_id: caseId, entries };
}
