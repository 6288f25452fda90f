/**
 * The minutes document and the outcome letter, read from the database: the meeting, its attendees and quorum,
 * the agenda in order, each case's patient and referral, and each decision as it stands after its amendments.
 * The options table is the engine snapshot stored with the decision (what the board SAW), never a fresh
 * evaluation; a case listed without a decision shows no options.
 */
import type { DbLike as Db } from '../../db/sql/port';
import { bundledLogoDataUrl } from './logo';
import { formatDay, type Clock } from '../../shared/time/clock';
import { stmt } from '../../db/statements';
import { jsonText } from '../../db/sql/dialect';
import { shortHash } from '../../db/audit';
import { getCase } from '../../db/repositories/cases';
import { listDecisionsForMeeting } from '../../db/repositories/decisions';
import { getMeeting, listMeetings } from '../../db/repositories/meetings';
import { getProfile } from '../../db/repositories/profiles';
import { DomainError } from '../../shared/errors';
import { clockOf, getSettings } from '../../db/repositories/settings';
import {
  actorName, isEnginePlan, type Decision, type Meeting, type Plan,
} from '../../shared/domain/meeting';
import type { CaseFacts } from '../../shared/facts/facts';
import { assembleMinutes, fromSnapshot, quorumStatement, summaryFromFacts } from '../../shared/minutes/build';
import { CONSENSUS_LABELS, DECISION_FIELD_LABELS, INTENT_LABELS, planLabel as vocabularyPlanLabel, SPECIALTY_LABELS } from '../../shared/vocabulary';
import {
  letterFromMinutes, type Letterhead, type MinutesAmendment, type MinutesAttendee, type MinutesCase, type MinutesDocument, type OutcomeLetter,
} from '../../shared/minutes/model';


export const planLabel = (plan: Plan, detail = ''): string => vocabularyPlanLabel(plan, detail);

/** One amended value as the minutes print it. */
function valueText(field: string, v: unknown, clock: Clock): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (field === 'follow_up_date' && typeof v === 'string') return formatDay(v, clock);
  if (field === 'plan' && typeof v === 'string') return planLabel(v as Plan);
  if (field === 'intent' && typeof v === 'string') return INTENT_LABELS[v as keyof typeof INTENT_LABELS] ?? v;
  if (field === 'consensus' && typeof v === 'string') return CONSENSUS_LABELS[v as keyof typeof CONSENSUS_LABELS] ?? v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (field === 'actions' && Array.isArray(v)) {
    return v.map((a: { what?: unknown; owner?: unknown; due_date?: unknown }) => `${String(a.what)} (${String(a.owner)}${typeof a.due_date === 'string' ? `, ${formatDay(a.due_date, clock)}` : ''})`).join('; ');
  }
  if (field === 'dissent' && Array.isArray(v)) return v.map((d: { name?: unknown; view?: unknown }) => `${String(d.name)}: ${String(d.view)}`).join('; ');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function amendmentsOf(d: Decision, clock: Clock): MinutesAmendment[] {
  return d.amendments.map((a) => ({
    what: a.changed_fields.map((f) => `${DECISION_FIELD_LABELS[f] ?? f}: ${valueText(f, a.before[f], clock)} → ${valueText(f, a.after[f], clock)}`).join('; '),
    reason: a.reason,
    by: actorName(a.amended_by),
    at: a.amended_at,
  }));
}

const profileName = (db: Db, id: number | null): string | null => (id === null ? null : (getProfile(db, id)?.name ?? null));

/** Who listed a case through the gate with an override, and when: the audit row that set its reason. */
function listingOverride(db: Db, item: Meeting['agenda'][number]): MinutesCase['listing_override'] {
  if (item.override_reason === null) return null;
  const row = stmt(db, `SELECT actor, at FROM audit_log WHERE entity = 'agenda_item' AND entity_id = ? AND action IN ('agenda.add', 'agenda.update')
    AND ${jsonText(db, 'after', 'override_reason')} = ? ORDER BY id DESC LIMIT 1`).get(String(item.id), item.override_reason) as { actor: string; at: string } | undefined;
  return { reason: item.override_reason, by: row ? actorName(row.actor) : null, at: row?.at ?? null };
}

function caseOf(db: Db, m: Meeting, item: Meeting['agenda'][number], number: number, decision: Decision | undefined): MinutesCase {
  const record = getCase(db, item.case_id);
  const facts: CaseFacts = decision?.facts_snapshot ?? record?.facts ?? {};
  const seen = decision ? fromSnapshot(decision.engine_snapshot) : { options: [], flags: [], derived: [], missing_facts: [], engine_version: null };
  const cur = decision?.current;
  return {
    case_id: item.case_id,
    item: number,
    patient: {
      family_name: item.family_name, given_name: item.given_name, mrn: item.identifier,
      birth_date: record?.patient.birth_date ?? null, sex: record?.patient.sex ?? null,
    },
    referring_clinician: record?.referring_clinician ?? '',
    presenter: item.presenter.trim() || null,
    diagnosis: item.diagnosis,
    question: item.question,
    clinical_summary: summaryFromFacts(facts),
    ...seen,
    listing_override: listingOverride(db, item),
    decision: decision && cur ? {
      plan: planLabel(cur.plan, cur.plan_detail),
      plan_option: isEnginePlan(cur.plan) ? cur.plan : null,
      intent: INTENT_LABELS[cur.intent],
      rationale: cur.rationale,
      consensus: CONSENSUS_LABELS[cur.consensus],
      dissent: cur.dissent.map((x) => ({ name: x.name, specialty: SPECIALTY_LABELS[x.specialty], view: x.view })),
      concordant: cur.concordance === 'not_assessed' ? null : cur.concordance === 'concordant',
      override_reason: cur.discordance_reason,
      patient_preference_discussed: cur.patient_preference_discussed,
      recorded_by: profileName(db, decision.recorded_by_profile_id) ?? actorName(decision.recorded_by),
      recorded_at: decision.recorded_at,
    } : null,
    no_decision_note: decision ? null
      : item.standard_of_care ? 'Listed as standard of care: not discussed.'
      : m.status === 'signed' || m.status === 'concluded' ? 'No decision recorded.' : 'Not yet discussed.',
    actions: (cur?.actions ?? []).map((a) => ({ description: a.what, owner: a.owner, due_date: a.due_date })),
    follow_up_date: cur?.follow_up_date ?? null,
    amendments: decision ? amendmentsOf(decision, clockOf(db)) : [],
  };
}

/** The audit row that recorded a meeting's signature (the log's head then): id and short hash. */
function signatureAuditRow(db: Db, meetingId: number): { row: number; hash: string } | null {
  const row = stmt(db, `SELECT id, hash FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'meeting.sign'
    ORDER BY id DESC LIMIT 1`).get(String(meetingId)) as { id: number; hash: string } | undefined;
  return row ? { row: row.id, hash: shortHash(row.hash) } : null;
}

/** The minutes of one meeting. */
export function loadMinutes(db: Db, meetingId: number, now = new Date().toISOString()): MinutesDocument {
  const m = getMeeting(db, meetingId);
  if (!m) throw new DomainError('NOT_FOUND', `meeting ${meetingId} does not exist`, 'meeting_id');
  const decisions = new Map(listDecisionsForMeeting(db, meetingId).map((d) => [d.agenda_item_id, d]));
  const chair = profileName(db, m.chair_profile_id) ?? m.signed_by ?? 'not recorded';
  const coordinator = profileName(db, m.coordinator_profile_id) ?? 'not recorded';
  const attendees: MinutesAttendee[] = m.attendees.map((a) => ({
    name: a.name,
    specialty: SPECIALTY_LABELS[a.specialty],
    role: a.profile_id !== null && a.profile_id === m.chair_profile_id ? 'chair'
      : a.profile_id !== null && a.profile_id === m.coordinator_profile_id ? 'coordinator' : null,
    attendance: a.attendance,
  }));
  // The quorum as the meeting recorded it (at sign-off it is frozen), in words.
  const quorum = quorumStatement(attendees, m.quorum.required.map((s) => SPECIALTY_LABELS[s]), m.quorum.missing.map((s) => SPECIALTY_LABELS[s]));
  const signed = m.status === 'signed' && m.signed_at !== null;
  return assembleMinutes({
    clock: clockOf(db),
    meeting: {
      id: m.id, board_name: m.board, date: m.scheduled_at.slice(0, 10), start_time: m.scheduled_at.slice(11, 16) || null, end_time: null,
      location: m.location.trim() || null, video_link: m.video_link.trim() || null, chair, coordinator, status: m.status,
    },
    attendees,
    quorum,
    cases: m.agenda.map((item, i) => caseOf(db, m, item, i + 1, decisions.get(item.id))),
    sign_off: signed && m.signed_at ? { name: actorName(m.signed_by ?? chair), signed_at: m.signed_at, audit: signatureAuditRow(db, m.id) } : null,
    generated_at: now,
  });
}

/** The letterhead from the board settings; the bundled logo until the admin chooses one. */
export function letterheadOf(db: Db): Letterhead {
  const s = getSettings(db);
  return { hospital: s.hospital, address: s.address, logo: s.logo ?? bundledLogoDataUrl() };
}

/** The id of the most recently signed meeting, if any. */
export function latestSignedMeetingId(db: Db): number | undefined {
  const signed = listMeetings(db, { statuses: ['signed'] });
  return signed.sort((a, b) => (b.signed_at ?? '').localeCompare(a.signed_at ?? '') || b.id - a.id)[0]?.id;
}

/** The outcome letter for a case: from the latest meeting that recorded a decision for it (else the latest listing). */
export function loadLetter(db: Db, caseId: number, now = new Date().toISOString()): OutcomeLetter {
  const meetingId = letterMeetingId(db, caseId);
  const letter = letterFromMinutes(loadMinutes(db, meetingId, now), caseId, letterheadOf(db));
  if (!letter) throw new DomainError('NOT_FOUND', `case ${caseId} is not on meeting ${meetingId}'s agenda`, 'case_id');
  return letter;
}

/** The meeting a case's letter comes from: the latest that recorded a decision for it, else its latest listing. */
export function letterMeetingId(db: Db, caseId: number): number {
  const row = stmt(db, `SELECT a.meeting_id AS meeting_id FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
    LEFT JOIN decisions d ON d.agenda_item_id = a.id
    WHERE a.case_id = ? ORDER BY (d.id IS NOT NULL) DESC, m.scheduled_at DESC, a.id DESC LIMIT 1`).get(caseId) as { meeting_id: number } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `case ${caseId} has not been listed at any meeting`, 'case_id');
  return row.meeting_id;
}
