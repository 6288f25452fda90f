/**
 * Follow-up: was each decided plan carried out (date), or changed (reason)? Follow-up rows are append-only;
 * the latest one per decision is its status. Also the quality report per board and period.
 */
import type { DbLike as Db } from '../sql/port';
import { inTransaction, insertId, stmt } from '../statements';
import { jsonArraySome, jsonText } from '../sql/dialect';
import { DomainError } from '../../shared/errors';
import type {
  Followup, FollowupRow, Implementation, Plan, QualityReport,
} from '../../shared/domain/meeting';
import type { z } from 'zod';
import type { followupInputSchema, followupQuerySchema } from '../../shared/domain/meeting';
import { daysBetween } from '../../shared/domain/meetingRules';
import { auditMeetingChange } from './meetings';
import type { Actor } from './profiles';

type FollowupInputParsed = z.output<typeof followupInputSchema>;
type FollowupQueryParsed = z.output<typeof followupQuerySchema>;

const latestFollowup = (db: Db, decisionId: number): Followup | null =>
  (stmt(db, 'SELECT * FROM followups WHERE decision_id = ? ORDER BY id DESC LIMIT 1').get(decisionId) as Followup | undefined) ?? null;

export function recordFollowup(db: Db, input: FollowupInputParsed, actor: Actor, now = new Date().toISOString()): Followup {
  return inTransaction(db, () => {
    if (!stmt(db, 'SELECT 1 FROM decisions WHERE id = ?').get(input.decision_id)) {
      throw new DomainError('NOT_FOUND', `decision ${input.decision_id} does not exist`, 'decision_id');
    }
    const reason = input.outcome === 'changed' ? input.reason : null;
    const id = insertId(db, 'INSERT INTO followups (decision_id, outcome, date, reason, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)', input.decision_id, input.outcome, input.date, reason, input.note, actor.label, now);
    const row = stmt(db, 'SELECT * FROM followups WHERE id = ?').get(id) as Followup;
    auditMeetingChange(db, actor, 'followup.record', 'followup', id, null, { ...row }, [['followups', id]], now);
    return row;
  });
}

interface DueRow {
  decision_id: number; meeting_id: number; board: string; scheduled_at: string; case_id: number; identifier: string; family_name: string;
  given_name: string; plan: Plan; intent: FollowupRow['intent']; follow_up_date: string | null; actions: string;
}

/** Decisions with their implementation status, soonest follow-up first; `due_by` also matches an action's due date. */
export function listFollowups(db: Db, q: FollowupQueryParsed): FollowupRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.board) {
    where.push('b.name = ?');
    params.push(q.board);
  }
  if (q.due_by) {
    where.push(`(d.follow_up_date <= ? OR ${jsonArraySome(db, 'd.actions', 'due_date', '<=')})`);
    params.push(q.due_by, q.due_by);
  }
  const rows = stmt(db, `SELECT d.id AS decision_id, d.meeting_id, b.name AS board, m.scheduled_at, d.case_id, p.identifier, p.family_name,
      p.given_name, d.plan, d.intent, d.follow_up_date, d.actions
    FROM decisions d JOIN meetings m ON m.id = d.meeting_id JOIN boards b ON b.id = m.board_id JOIN cases c ON c.id = d.case_id
    JOIN patients p ON p.id = c.patient_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY d.follow_up_date IS NULL, d.follow_up_date, d.id`).all(...params) as DueRow[];
  const out: FollowupRow[] = [];
  for (const r of rows) {
    // The plan as amended, when amended.
    const plan = jsonText(db, 'after', 'plan');
    const amended = stmt(db, `SELECT ${plan} FROM decision_amendments WHERE decision_id = ? AND ${plan} IS NOT NULL
      ORDER BY id DESC LIMIT 1`).pluck().get(r.decision_id) as Plan | undefined;
    const latest = latestFollowup(db, r.decision_id);
    const status: Implementation = latest?.outcome ?? 'pending';
    if (q.status && q.status !== status) continue;
    out.push({
      decision_id: r.decision_id, meeting_id: r.meeting_id, board: r.board, meeting_date: r.scheduled_at.slice(0, 10), case_id: r.case_id,
      identifier: r.identifier, family_name: r.family_name, given_name: r.given_name, plan: amended ?? r.plan, intent: r.intent,
      follow_up_date: r.follow_up_date, actions: JSON.parse(r.actions) as FollowupRow['actions'], status, latest,
    });
    if (out.length >= q.limit) break;
  }
  return out;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/** The quality report for one board (or all) and a period of meeting dates (inclusive). */
export function qualityReport(db: Db, q: { board?: string | undefined; from: string; to: string }): QualityReport {
  const boardSql = q.board ? 'AND b.name = @board' : '';
  const params = { board: q.board ?? null, from: q.from, to: `${q.to}T99` };
  const meetings = stmt(db, `SELECT m.id, m.status, m.quorum_record FROM meetings m JOIN boards b ON b.id = m.board_id
    WHERE m.scheduled_at >= @from AND m.scheduled_at <= @to ${boardSql}`).all(params) as { id: number; status: string; quorum_record: string | null }[];
  const items = stmt(db, `SELECT a.id, a.override_reason, a.standard_of_care, m.scheduled_at, c.created_at, d.id AS decision_id, d.rationale, d.concordance,
      (SELECT count(*) FROM decision_amendments x WHERE x.decision_id = d.id) AS amendments,
      (SELECT f.outcome FROM followups f WHERE f.decision_id = d.id ORDER BY f.id DESC LIMIT 1) AS outcome
    FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN boards b ON b.id = m.board_id JOIN cases c ON c.id = a.case_id
    LEFT JOIN decisions d ON d.agenda_item_id = a.id
    WHERE m.scheduled_at >= @from AND m.scheduled_at <= @to ${boardSql}`).all(params) as {
    id: number; override_reason: string | null; standard_of_care: number; scheduled_at: string; created_at: string; decision_id: number | null;
    rationale: string | null; concordance: string | null; amendments: number; outcome: 'implemented' | 'changed' | null;
  }[];
  const decided = items.filter((i) => i.decision_id !== null);
  const days = decided.map((i) => daysBetween(i.created_at.slice(0, 10), i.scheduled_at.slice(0, 10))).sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? (days[(days.length - 1) / 2] ?? null) : ((days[days.length / 2 - 1] ?? 0) + (days[days.length / 2] ?? 0)) / 2;
  const count = (pred: (i: (typeof items)[number]) => boolean) => items.filter(pred).length;
  const concordant = count((i) => i.concordance === 'concordant');
  const discordant = count((i) => i.concordance === 'discordant');
  const implemented = count((i) => i.outcome === 'implemented');
  const changed = count((i) => i.outcome === 'changed');
  return {
    board: q.board ?? null, from: q.from, to: q.to,
    meetings: meetings.length,
    meetings_signed: meetings.filter((m) => m.status === 'signed').length,
    meetings_quorum_met: meetings.filter((m) => m.quorum_record !== null && (JSON.parse(m.quorum_record) as { met: boolean }).met).length,
    cases_discussed: decided.length,
    referral_to_discussion_days: { n: days.length, median, mean: days.length ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10 : null },
    decisions: decided.length,
    decisions_with_rationale: decided.filter((i) => (i.rationale ?? '').trim() !== '').length,
    concordant, discordant, not_assessed: count((i) => i.concordance === 'not_assessed'),
    concordance_rate: ratio(concordant, concordant + discordant),
    implemented, changed, pending: decided.length - implemented - changed,
    implementation_rate: ratio(implemented, implemented + changed),
    override_count: count((i) => i.override_reason !== null),
    standard_of_care_count: count((i) => i.standard_of_care === 1),
    amendments: items.reduce((s, i) => s + i.amendments, 0),
  };
}
