/**
 * Decisions and their amendments. Recording a decision evaluates the engine on the case's facts at that moment
 * and stores the facts, the output and the engine version with it, and the plan's concordance with the engine.
 * Before sign-off a decision is re-recorded in place; after sign-off the triggers make it read-only and a
 * correction is an amendment row pointing to it (the original stays as recorded).
 */
import type { DbLike as Db } from '../sql/port';
import { inTransaction, insertId, stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import { evaluate } from '../../shared/engine/evaluate';
import type { EngineOutput } from '../../shared/engine/schema';
import type { CaseFacts } from '../../shared/facts/facts';
import {
  DECISION_FIELDS, type Amendment, type AmendmentInput, type Decision, type DecisionContent, type DecisionRecordInput,
  decisionContentSchema,
} from '../../shared/domain/meeting';
import { concordanceOf } from '../../shared/domain/meetingRules';
import { lastAuditOf, requireVersion } from './changes';
import { advanceCaseStatus, assertNotSigned, auditMeetingChange, requireMeetingRow } from './meetings';
import type { Actor } from './profiles';

interface DecisionRow {
  id: number;
  meeting_id: number;
  agenda_item_id: number;
  case_id: number;
  plan: Decision['plan'];
  plan_detail: string;
  intent: Decision['intent'];
  rationale: string;
  consensus: Decision['consensus'];
  dissent: string;
  actions: string;
  follow_up_date: string | null;
  patient_preference_discussed: number;
  discordance_reason: string | null;
  facts_snapshot: string;
  engine_snapshot: string;
  engine_version: string;
  plan_strength: Decision['plan_strength'];
  concordance: Decision['concordance'];
  recorded_by: string;
  recorded_by_profile_id: number | null;
  recorded_at: string;
  version: number;
}

interface AmendmentRow {
  id: number;
  decision_id: number;
  reason: string;
  changed_fields: string;
  before: string;
  after: string;
  amended_by: string;
  amended_by_profile_id: number | null;
  amended_at: string;
}

const toAmendment = (r: AmendmentRow): Amendment => ({
  id: r.id, decision_id: r.decision_id, reason: r.reason, amended_by: r.amended_by, amended_by_profile_id: r.amended_by_profile_id,
  amended_at: r.amended_at, changed_fields: JSON.parse(r.changed_fields) as string[],
  before: JSON.parse(r.before) as Record<string, unknown>, after: JSON.parse(r.after) as Record<string, unknown>,
});

function contentOf(r: DecisionRow): DecisionContent {
  return {
    plan: r.plan, plan_detail: r.plan_detail, intent: r.intent, rationale: r.rationale, consensus: r.consensus,
    dissent: JSON.parse(r.dissent) as DecisionContent['dissent'], actions: JSON.parse(r.actions) as DecisionContent['actions'],
    follow_up_date: r.follow_up_date, patient_preference_discussed: r.patient_preference_discussed === 1, discordance_reason: r.discordance_reason,
  };
}

function toDecision(db: Db, r: DecisionRow): Decision {
  const amendments = (stmt(db, 'SELECT * FROM decision_amendments WHERE decision_id = ? ORDER BY id').all(r.id) as AmendmentRow[]).map(toAmendment);
  const engine = JSON.parse(r.engine_snapshot) as EngineOutput;
  const original = contentOf(r);
  const merged = amendments.reduce<DecisionContent>((acc, a) => ({ ...acc, ...(a.after as Partial<DecisionContent>) }), original);
  return {
    ...original,
    id: r.id, meeting_id: r.meeting_id, agenda_item_id: r.agenda_item_id, case_id: r.case_id, recorded_by: r.recorded_by,
    recorded_by_profile_id: r.recorded_by_profile_id, recorded_at: r.recorded_at, version: r.version, facts_snapshot: JSON.parse(r.facts_snapshot) as CaseFacts,
    engine_snapshot: engine, engine_version: r.engine_version, plan_strength: r.plan_strength, concordance: r.concordance, amendments,
    current: { ...merged, ...concordanceOf(merged.plan, engine) },
  };
}

export function getDecision(db: Db, id: number): Decision | undefined {
  const r = stmt(db, 'SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
  return r ? toDecision(db, r) : undefined;
}

export function getDecisionForItem(db: Db, agendaItemId: number): Decision | undefined {
  const r = stmt(db, 'SELECT * FROM decisions WHERE agenda_item_id = ?').get(agendaItemId) as DecisionRow | undefined;
  return r ? toDecision(db, r) : undefined;
}

export function listDecisionsForMeeting(db: Db, meetingId: number): Decision[] {
  requireMeetingRow(db, meetingId, 'meeting_id');
  const rows = stmt(db, `SELECT d.* FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id WHERE d.meeting_id = ? ORDER BY a.position`).all(meetingId) as DecisionRow[];
  return rows.map((r) => toDecision(db, r));
}

/** Every decision recorded for a case, oldest meeting first (as amended). */
export function listDecisionsForCase(db: Db, caseId: number): Decision[] {
  const rows = stmt(db, `SELECT d.* FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE d.case_id = ? ORDER BY m.scheduled_at, d.id`).all(caseId) as DecisionRow[];
  return rows.map((r) => toDecision(db, r));
}

function requireDiscordanceReason(content: DecisionContent, engine: EngineOutput, field: string): ReturnType<typeof concordanceOf> {
  const c = concordanceOf(content.plan, engine);
  if (c.concordance === 'discordant' && !content.discordance_reason?.trim()) {
    throw new DomainError('VALIDATION', `the engine rated ${content.plan} ${c.plan_strength?.replace('_', ' ') ?? ''} for this case: give the reason the board chose it`, field);
  }
  return c;
}

/**
 * Records the decision of an agenda item, or replaces it before sign-off. `version`: the version of the decision the
 * form was based on, absent for a first recording; anything else is refused (CONFLICT naming who saved and when),
 * so two people recording the same case never overwrite each other silently.
 */
export function recordDecision(db: Db, input: DecisionRecordInput, actor: Actor, now = new Date().toISOString()): Decision {
  const { agenda_item_id: itemId, version: expected, ...raw } = input;
  const content = decisionContentSchema.parse(raw);
  return inTransaction(db, () => {
    const item = stmt(db, 'SELECT id, meeting_id, case_id FROM agenda_items WHERE id = ?').get(itemId) as { id: number; meeting_id: number; case_id: number } | undefined;
    if (!item) throw new DomainError('NOT_FOUND', `agenda item ${itemId} does not exist`, 'agenda_item_id');
    const m = requireMeetingRow(db, item.meeting_id);
    assertNotSigned(m);
    if (m.status === 'planned') throw new DomainError('CONFLICT', `meeting ${m.id} has not started: start it before recording decisions`, 'agenda_item_id');
    const factsJson = stmt(db, 'SELECT facts FROM case_details WHERE case_id = ?').pluck().get(item.case_id) as string;
    // Serialise at once: the engine reuses some of its internal objects between calls.
    const engineJson = JSON.stringify(evaluate(JSON.parse(factsJson) as unknown));
    const engine = JSON.parse(engineJson) as EngineOutput;
    const { plan_strength, concordance } = requireDiscordanceReason(content, engine, 'discordance_reason');
    const existing = stmt(db, 'SELECT * FROM decisions WHERE agenda_item_id = ?').get(itemId) as DecisionRow | undefined;
    if (existing) requireVersion(`the decision for case ${item.case_id}`, existing.version, expected, () => lastAuditOf(db, 'decision', existing.id));
    else if (expected !== undefined) throw new DomainError('NOT_FOUND', `agenda item ${itemId} has no recorded decision to change (version ${expected})`, 'version');
    const row = {
      meeting_id: m.id, agenda_item_id: itemId, case_id: item.case_id, plan: content.plan, plan_detail: content.plan_detail,
      intent: content.intent, rationale: content.rationale, consensus: content.consensus, dissent: JSON.stringify(content.dissent),
      actions: JSON.stringify(content.actions), follow_up_date: content.follow_up_date,
      patient_preference_discussed: content.patient_preference_discussed ? 1 : 0,
      discordance_reason: content.discordance_reason?.trim() ? content.discordance_reason.trim() : null,
      facts_snapshot: factsJson, engine_snapshot: engineJson, engine_version: engine.engine_version, plan_strength, concordance,
      recorded_by: actor.label, recorded_by_profile_id: actor.profileId, recorded_at: now,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      stmt(db, `UPDATE decisions SET plan = @plan, plan_detail = @plan_detail, intent = @intent, rationale = @rationale, consensus = @consensus,
        dissent = @dissent, actions = @actions, follow_up_date = @follow_up_date, patient_preference_discussed = @patient_preference_discussed,
        discordance_reason = @discordance_reason, facts_snapshot = @facts_snapshot, engine_snapshot = @engine_snapshot,
        engine_version = @engine_version, plan_strength = @plan_strength, concordance = @concordance, recorded_by = @recorded_by,
        recorded_by_profile_id = @recorded_by_profile_id, recorded_at = @recorded_at, version = version + 1 WHERE id = @id`).run({ ...row, id });
    } else {
      id = insertId(db, `INSERT INTO decisions (meeting_id, agenda_item_id, case_id, plan, plan_detail, intent, rationale, consensus, dissent,
        actions, follow_up_date, patient_preference_discussed, discordance_reason, facts_snapshot, engine_snapshot, engine_version,
        plan_strength, concordance, recorded_by, recorded_by_profile_id, recorded_at) VALUES (@meeting_id, @agenda_item_id, @case_id, @plan,
        @plan_detail, @intent, @rationale, @consensus, @dissent, @actions, @follow_up_date, @patient_preference_discussed, @discordance_reason,
        @facts_snapshot, @engine_snapshot, @engine_version, @plan_strength, @concordance, @recorded_by, @recorded_by_profile_id, @recorded_at)`, row);
    }
    advanceCaseStatus(db, item.case_id, 'discussed', actor, now);
    const version = existing ? existing.version + 1 : 1;
    const auditContent = { ...content, meeting_id: m.id, agenda_item_id: itemId, case_id: item.case_id, engine_version: engine.engine_version, plan_strength, concordance, version };
    auditMeetingChange(db, actor, existing ? 'decision.update' : 'decision.record', 'decision', id, existing ? { ...contentOf(existing), version: existing.version } : null, auditContent, [['decisions', id]], now);
    const decision = getDecision(db, id);
    if (!decision) throw new Error(`decision ${id} was not written`);
    return decision;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Amends a decision of a signed meeting: a new row with the changed fields, the reason, who and when. */
export function amendDecision(db: Db, input: AmendmentInput, actor: Actor, now = new Date().toISOString()): Decision {
  return inTransaction(db, () => {
    const decision = getDecision(db, input.decision_id);
    if (!decision) throw new DomainError('NOT_FOUND', `decision ${input.decision_id} does not exist`, 'decision_id');
    const m = requireMeetingRow(db, decision.meeting_id);
    if (m.status !== 'signed') {
      throw new DomainError('CONFLICT', `meeting ${m.id} is not signed yet: change the decision itself (decisions.record) instead of amending it`, 'decision_id');
    }
    const { plan_strength: _s, concordance: _c, ...current } = decision.current;
    const changes = input.changes as Partial<DecisionContent>;
    const changed = DECISION_FIELDS.filter((f) => changes[f] !== undefined && !same(changes[f], current[f]));
    if (changed.length === 0) throw new DomainError('VALIDATION', 'the amendment changes nothing', 'changes');
    const merged = decisionContentSchema.safeParse({ ...current, ...changes });
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new DomainError('VALIDATION', `changes.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, `changes.${issue?.path.join('.') ?? ''}`);
    }
    requireDiscordanceReason(merged.data, decision.engine_snapshot, 'changes.discordance_reason');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const f of changed) {
      before[f] = current[f];
      after[f] = merged.data[f];
    }
    const id = insertId(db, `INSERT INTO decision_amendments (decision_id, reason, changed_fields, before, after, amended_by, amended_by_profile_id, amended_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, decision.id, input.reason.trim(), JSON.stringify(changed), JSON.stringify(before), JSON.stringify(after),
      actor.label, actor.profileId, now);
    auditMeetingChange(db, actor, 'decision.amend', 'amendment', id, before, { decision_id: decision.id, reason: input.reason.trim(), changed_fields: changed, changes: after },
      [['decision_amendments', id]], now);
    const out = getDecision(db, decision.id);
    if (!out) throw new Error(`decision ${decision.id} vanished`);
    return out;
  });
}
