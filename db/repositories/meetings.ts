/**
 * Meetings, attendees and the agenda. Every change runs in one transaction with its audit row (actor = the
 * acting profile), which carries the seals of the rows it wrote (db/seals.ts). A signed meeting is read-only:
 * checked here (READ_ONLY) and enforced by the triggers of migration 002.
 */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { sealsFor, withSeals, type SealedTable } from '../seals';
import { inTransaction, insertId, stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import type { CaseFacts } from '../../shared/facts/facts';
import type { CaseRecord, CaseStatus } from '../../shared/domain/case';
import {
  type AgendaItem, type AgendaItemSettings, type Attendee, type Meeting, type MeetingInputParsed, type MeetingStatus,
  type MeetingSummary, type Quorum, type Readiness,
} from '../../shared/domain/meeting';
import { assessReadiness, quorumOf } from '../../shared/domain/meetingRules';
import { createCase, getCase } from './cases';
import { ensureBoard, getBoard } from './boards';
import { requireProfile, type Actor } from './profiles';
import { clockOf } from './settings';
import { lastSealOf, requireVersion } from './changes';
import { formatDay, todayIn } from '../../shared/time/clock';

interface MeetingRow {
  id: number;
  board_id: number;
  board: string;
  scheduled_at: string;
  location: string;
  video_link: string;
  chair_profile_id: number | null;
  coordinator_profile_id: number | null;
  status: MeetingStatus;
  quorum_record: string | null;
  version: number;
  started_at: string | null;
  concluded_at: string | null;
  signed_at: string | null;
  signed_by: string | null;
  created_at: string;
  updated_at: string;
}

interface ItemRow {
  id: number;
  meeting_id: number;
  case_id: number;
  position: number;
  minutes_allotted: number;
  presenter: string;
  standard_of_care: number;
  override_reason: string | null;
  ready_at_listing: number;
  version: number;
  patient_id: number;
  identifier: string;
  family_name: string;
  given_name: string;
  primary_tumor: AgendaItem['primary_tumor'];
  diagnosis: string;
  question: string;
  case_status: CaseStatus;
  facts: string;
  last_imaging_date: string | null;
  last_labs_date: string | null;
  decision_id: number | null;
}

const MEETING_SELECT = 'SELECT m.*, b.name AS board FROM meetings m JOIN boards b ON b.id = m.board_id';
const ITEM_SELECT = `SELECT a.id, a.meeting_id, a.case_id, a.position, a.minutes_allotted, a.presenter, a.standard_of_care,
  a.override_reason, a.ready_at_listing, a.version, c.patient_id, p.identifier, p.family_name, p.given_name, c.primary_tumor, d.diagnosis,
  substr(d.question, 1, 240) AS question, c.status AS case_status, d.facts, d.last_imaging_date, d.last_labs_date, x.id AS decision_id
  FROM agenda_items a JOIN cases c ON c.id = a.case_id JOIN case_details d ON d.case_id = c.id JOIN patients p ON p.id = c.patient_id
  LEFT JOIN decisions x ON x.agenda_item_id = a.id`;

const meetingDate = (m: { scheduled_at: string }) => m.scheduled_at.slice(0, 10);

/** Writes one audit row for a meeting-area change, sealing the rows it names. */
export function auditMeetingChange(
  db: Db, actor: Actor, action: string, entity: string, entityId: number, before: unknown, after: Record<string, unknown> | null,
  sealed: readonly [SealedTable, number][], now: string,
): void {
  appendAudit(db, { actor: actor.label, action, entity, entityId, before, after: { ...(after ?? {}), seals: sealsFor(db, sealed) } }, now);
}

function getMeetingRow(db: Db, id: number): MeetingRow | undefined {
  return stmt(db, `${MEETING_SELECT} WHERE m.id = ?`).get(id) as MeetingRow | undefined;
}

export function requireMeetingRow(db: Db, id: number, field = 'id'): MeetingRow {
  const row = getMeetingRow(db, id);
  if (!row) throw new DomainError('NOT_FOUND', `meeting ${id} does not exist`, field);
  return row;
}

/** A signed meeting cannot change: READ_ONLY (the triggers enforce the same in the database). */
export function assertNotSigned(m: Pick<MeetingRow, 'id' | 'status'>): void {
  if (m.status === 'signed') throw new DomainError('READ_ONLY', `meeting ${m.id} is signed and read-only; a correction is an amendment of a decision`);
}

function attendeesOf(db: Db, meetingId: number): Attendee[] {
  return stmt(db, 'SELECT id, profile_id, name, specialty, attendance FROM attendees WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as Attendee[];
}

/** A signed meeting's quorum as recorded at signing; the others' from the board rule and the attendees. */
function quorumFor(db: Db, m: MeetingRow, attendees: Attendee[], boardOf: (id: number) => ReturnType<typeof getBoard> = (id) => getBoard(db, id)): Quorum {
  if (m.quorum_record) return JSON.parse(m.quorum_record) as Quorum;
  const board = boardOf(m.board_id);
  return quorumOf(board?.quorum ?? [], attendees);
}

function readinessOfRow(db: Db, m: MeetingRow, c: { case_id: number; facts: string; last_imaging_date: string | null; last_labs_date: string | null }): Readiness {
  const board = getBoard(db, m.board_id);
  if (!board) throw new Error(`meeting ${m.id} points to a missing board`);
  return assessReadiness({
    case_id: c.case_id, facts: JSON.parse(c.facts) as CaseFacts, last_imaging_date: c.last_imaging_date, last_labs_date: c.last_labs_date,
    meeting_date: meetingDate(m), imaging_max_days: board.imaging_max_days, labs_max_days: board.labs_max_days,
  });
}

function toItem(db: Db, m: MeetingRow, r: ItemRow): AgendaItem {
  return {
    id: r.id, meeting_id: r.meeting_id, case_id: r.case_id, position: r.position, minutes_allotted: r.minutes_allotted,
    presenter: r.presenter, standard_of_care: r.standard_of_care === 1, override_reason: r.override_reason,
    ready_at_listing: r.ready_at_listing === 1, version: r.version, patient_id: r.patient_id, identifier: r.identifier, family_name: r.family_name,
    given_name: r.given_name, primary_tumor: r.primary_tumor, diagnosis: r.diagnosis, question: r.question, case_status: r.case_status,
    readiness: readinessOfRow(db, m, r), decision_id: r.decision_id,
  };
}

export function getAgendaItem(db: Db, itemId: number): AgendaItem | undefined {
  const r = stmt(db, `${ITEM_SELECT} WHERE a.id = ?`).get(itemId) as ItemRow | undefined;
  if (!r) return undefined;
  return toItem(db, requireMeetingRow(db, r.meeting_id), r);
}

function requireItemRow(db: Db, itemId: number): { id: number; meeting_id: number; case_id: number } {
  const r = stmt(db, 'SELECT id, meeting_id, case_id FROM agenda_items WHERE id = ?').get(itemId) as { id: number; meeting_id: number; case_id: number } | undefined;
  if (!r) throw new DomainError('NOT_FOUND', `agenda item ${itemId} does not exist`, 'item_id');
  return r;
}

export function getMeeting(db: Db, id: number): Meeting | undefined {
  const m = getMeetingRow(db, id);
  if (!m) return undefined;
  const attendees = attendeesOf(db, id);
  const items = stmt(db, `${ITEM_SELECT} WHERE a.meeting_id = ? ORDER BY a.position, a.id`).all(id) as ItemRow[];
  return {
    id: m.id, board: m.board, board_id: m.board_id, scheduled_at: m.scheduled_at, location: m.location, video_link: m.video_link,
    chair_profile_id: m.chair_profile_id, coordinator_profile_id: m.coordinator_profile_id, status: m.status, version: m.version,
    attendees, quorum: quorumFor(db, m, attendees), agenda: items.map((r) => toItem(db, m, r)),
    started_at: m.started_at, concluded_at: m.concluded_at, signed_at: m.signed_at, signed_by: m.signed_by,
    created_at: m.created_at, updated_at: m.updated_at,
  };
}

export function requireMeeting(db: Db, id: number): Meeting {
  const found = getMeeting(db, id);
  if (!found) throw new DomainError('NOT_FOUND', `meeting ${id} does not exist`, 'id');
  return found;
}

export function listMeetings(db: Db, q: { statuses?: MeetingStatus[] | undefined; board?: string | undefined }): MeetingSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.statuses?.length) {
    where.push(`m.status IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.board) {
    where.push('b.name = ?');
    params.push(q.board);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = stmt(db, `${MEETING_SELECT} ${whereSql} ORDER BY m.scheduled_at DESC, m.id DESC`).all(...params) as MeetingRow[];
  if (rows.length === 0) return [];
  // Three reads whatever the number of meetings (not three per meeting: a board's history runs to hundreds, and on
  // PostgreSQL every read is a round trip): the agenda counts and the attendees of every listed meeting.
  const listed = `SELECT m.id FROM meetings m JOIN boards b ON b.id = m.board_id ${whereSql}`;
  const counts = new Map((stmt(db, `SELECT a.meeting_id, count(*) AS cases, count(x.id) AS decided
    FROM agenda_items a LEFT JOIN decisions x ON x.agenda_item_id = a.id
    WHERE a.meeting_id IN (${listed}) GROUP BY a.meeting_id`).all(...params) as { meeting_id: number; cases: number; decided: number }[])
    .map((c) => [c.meeting_id, c]));
  // Attendees are needed only for meetings not yet signed (a signed one's quorum was recorded).
  const open = rows.some((m) => !m.quorum_record);
  const attendees = new Map<number, Attendee[]>();
  if (open) {
    const all = stmt(db, `SELECT meeting_id, id, profile_id, name, specialty, attendance FROM attendees
      WHERE meeting_id IN (${listed}) ORDER BY meeting_id, position, id`).all(...params) as (Attendee & { meeting_id: number })[];
    for (const { meeting_id: meetingId, ...a } of all) {
      const list = attendees.get(meetingId);
      if (list) list.push(a);
      else attendees.set(meetingId, [a]);
    }
  }
  const boards = new Map<number, ReturnType<typeof getBoard>>();
  const boardOf = (id: number) => {
    if (!boards.has(id)) boards.set(id, getBoard(db, id));
    return boards.get(id);
  };
  return rows.map((m) => {
    const count = counts.get(m.id);
    const quorum = quorumFor(db, m, attendees.get(m.id) ?? [], boardOf);
    return {
      id: m.id, board: m.board, scheduled_at: m.scheduled_at, location: m.location, status: m.status, case_count: count?.cases ?? 0,
      decided_count: count?.decided ?? 0, quorum_met: quorum.met, signed_at: m.signed_at,
      chair_profile_id: m.chair_profile_id, coordinator_profile_id: m.coordinator_profile_id,
    };
  });
}

function checkProfiles(db: Db, input: MeetingInputParsed): void {
  if (input.chair_profile_id !== null) requireProfile(db, input.chair_profile_id, 'chair_profile_id');
  if (input.coordinator_profile_id !== null) requireProfile(db, input.coordinator_profile_id, 'coordinator_profile_id');
  input.attendees.forEach((a, i) => {
    if (a.profile_id !== null) requireProfile(db, a.profile_id, `attendees.${i}.profile_id`);
  });
}

/** Replaces a meeting's attendees; returns the rows to seal (the removed ones, sealed as gone, and the new ones). */
function writeAttendees(db: Db, meetingId: number, attendees: MeetingInputParsed['attendees']): [SealedTable, number][] {
  const ids = () => stmt(db, 'SELECT id FROM attendees WHERE meeting_id = ? ORDER BY id').pluck().all(meetingId) as number[];
  const old = ids();
  stmt(db, 'DELETE FROM attendees WHERE meeting_id = ?').run(meetingId);
  const insert = stmt(db, 'INSERT INTO attendees (meeting_id, profile_id, name, specialty, attendance, position) VALUES (?, ?, ?, ?, ?, ?)');
  attendees.forEach((a, i) => insert.run(meetingId, a.profile_id, a.name, a.specialty, a.attendance, i + 1));
  return [...old, ...ids()].map((id) => ['attendees', id]);
}

const meetingAudit = (m: Meeting) => {
  const { agenda, ...rest } = m;
  return { ...rest, agenda: agenda.map((a) => a.id) };
};

export function createMeeting(db: Db, input: MeetingInputParsed, actor: Actor, now = new Date().toISOString()): Meeting {
  return inTransaction(db, () => {
    checkProfiles(db, input);
    const board = ensureBoard(db, input.board, actor, now);
    const id = insertId(db, `INSERT INTO meetings (board_id, scheduled_at, location, video_link, chair_profile_id, coordinator_profile_id, status,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?, ?)`, board.id, input.scheduled_at, input.location, input.video_link, input.chair_profile_id, input.coordinator_profile_id, now, now);
    const attendeeRows = writeAttendees(db, id, input.attendees);
    const meeting = requireMeeting(db, id);
    auditMeetingChange(db, actor, 'meeting.create', 'meeting', id, null, meetingAudit(meeting), [['meetings', id], ...attendeeRows], now);
    return meeting;
  });
}

function checkVersion(m: MeetingRow, version: number): void {
  if (m.version !== version) {
    throw new DomainError('CONFLICT', `meeting ${m.id} was changed by someone else (version ${m.version}, you had ${version}): reload`, 'version');
  }
}

export function updateMeeting(db: Db, id: number, version: number, input: MeetingInputParsed, actor: Actor, now = new Date().toISOString()): Meeting {
  return inTransaction(db, () => {
    const row = requireMeetingRow(db, id);
    assertNotSigned(row);
    checkVersion(row, version);
    checkProfiles(db, input);
    const before = requireMeeting(db, id);
    const board = ensureBoard(db, input.board, actor, now);
    stmt(db, `UPDATE meetings SET board_id = ?, scheduled_at = ?, location = ?, video_link = ?, chair_profile_id = ?, coordinator_profile_id = ?,
      version = version + 1, updated_at = ? WHERE id = ?`)
      .run(board.id, input.scheduled_at, input.location, input.video_link, input.chair_profile_id, input.coordinator_profile_id, now, id);
    const attendeeRows = writeAttendees(db, id, input.attendees);
    const after = requireMeeting(db, id);
    auditMeetingChange(db, actor, 'meeting.update', 'meeting', id, meetingAudit(before), meetingAudit(after), [['meetings', id], ...attendeeRows], now);
    return after;
  });
}

const TRANSITIONS = {
  start: { from: 'planned', to: 'in_progress' },
  conclude: { from: 'in_progress', to: 'concluded' },
  reopen: { from: 'concluded', to: 'in_progress' },
  sign: { from: 'concluded', to: 'signed' },
} as const satisfies Record<string, { from: MeetingStatus; to: MeetingStatus }>;
export type MeetingTransition = keyof typeof TRANSITIONS;

/** Moves a meeting along its lifecycle; a wrong state is CONFLICT, a signed meeting READ_ONLY. */
export function transitionMeeting(db: Db, id: number, version: number, step: MeetingTransition, actor: Actor, now = new Date().toISOString()): Meeting {
  return inTransaction(db, () => {
    const row = requireMeetingRow(db, id);
    assertNotSigned(row);
    const { from, to } = TRANSITIONS[step];
    if (row.status !== from) {
      throw new DomainError('CONFLICT', `meeting ${id} is ${row.status.replace('_', ' ')}: it can be ${step === 'reopen' ? 'reopened' : `${step}ed`} only when ${from.replace('_', ' ')}`, 'status');
    }
    checkVersion(row, version);
    if (step === 'start') {
      // A meeting keeps its date: its minutes and letters carry it, and outcomes are dated after it.
      const clock = clockOf(db);
      const today = todayIn(clock.time_zone, now);
      if (meetingDate(row) > today) {
        throw new DomainError('CONFLICT', `this meeting is scheduled for ${formatDay(meetingDate(row), clock)}: it can be started on that day, not before (today is ${formatDay(today, clock)}). To hold it today, the coordinator changes its date first.`, 'scheduled_at');
      }
    }
    const before = requireMeeting(db, id);
    if (step === 'conclude') {
      const undecided = before.agenda.filter((a) => a.decision_id === null && !a.standard_of_care);
      if (undecided.length) {
        throw new DomainError('CONFLICT', `record a decision for every case before concluding: ${undecided.map((a) => `#${a.position} ${a.family_name} (${a.identifier})`).join(', ')}`, 'agenda');
      }
    }
    const sets: string[] = ['status = @to', 'version = version + 1', 'updated_at = @now'];
    if (step === 'start') sets.push('started_at = coalesce(started_at, @now)');
    if (step === 'conclude') sets.push('concluded_at = @now', 'quorum_record = @quorum');
    if (step === 'reopen') sets.push('concluded_at = NULL', 'quorum_record = NULL');
    if (step === 'sign') sets.push('signed_at = @now', 'signed_by = @actor', 'signed_by_profile_id = @profile');
    const quorum = quorumOf(getBoard(db, row.board_id)?.quorum ?? [], before.attendees);
    stmt(db, `UPDATE meetings SET ${sets.join(', ')} WHERE id = @id`)
      .run({ id, to, now, quorum: JSON.stringify(quorum), actor: actor.label, profile: actor.profileId });
    const after = requireMeeting(db, id);
    auditMeetingChange(db, actor, `meeting.${step}`, 'meeting', id, { status: from, version: row.version },
      { status: to, version: after.version, quorum: after.quorum }, [['meetings', id]], now);
    return after;
  });
}

// ---- the agenda ----------------------------------------------------------------------------------------

export function readinessFor(db: Db, meetingId: number, caseId: number): Readiness {
  const m = requireMeetingRow(db, meetingId, 'meeting_id');
  const c = stmt(db, 'SELECT case_id, facts, last_imaging_date, last_labs_date FROM case_details WHERE case_id = ?').get(caseId) as
    { case_id: number; facts: string; last_imaging_date: string | null; last_labs_date: string | null } | undefined;
  if (!c) throw new DomainError('NOT_FOUND', `case ${caseId} does not exist`, 'case_id');
  return readinessOfRow(db, m, c);
}

/** Moves a case's workflow status forward (listed, discussed), with its audit row. */
export function advanceCaseStatus(db: Db, caseId: number, to: CaseStatus, actor: Actor, now: string): void {
  const rank: Record<CaseStatus, number> = { draft: 0, ready: 1, listed: 2, discussed: 3, closed: 4 };
  const row = stmt(db, 'SELECT status, version FROM cases WHERE id = ?').get(caseId) as { status: CaseStatus; version: number } | undefined;
  if (!row || rank[row.status] >= rank[to]) return;
  stmt(db, 'UPDATE cases SET status = ?, version = version + 1, updated_at = ? WHERE id = ?').run(to, now, caseId);
  appendAudit(db, { actor: actor.label, action: 'case.status', entity: 'case', entityId: caseId, before: { status: row.status, version: row.version }, after: withSeals(db, { status: to, version: row.version + 1 }, [['cases', caseId]]) }, now);
}

function overrideNeeded(readiness: Readiness, reason: string | null | undefined, field = 'override_reason'): string | null {
  const given = reason?.trim() ? reason.trim() : null;
  if (!readiness.ready && given === null) {
    throw new DomainError('VALIDATION', `case ${readiness.case_id} is not ready (${readiness.reasons.join('; ')}): give an override reason to list it anyway`, field);
  }
  return given;
}

export interface AddCaseInput extends AgendaItemSettings {
  meeting_id: number;
  case_id: number;
}

export function addCaseToMeeting(db: Db, input: AddCaseInput, actor: Actor, now = new Date().toISOString()): AgendaItem {
  return inTransaction(db, () => {
    const m = requireMeetingRow(db, input.meeting_id, 'meeting_id');
    assertNotSigned(m);
    if (m.status === 'concluded') throw new DomainError('CONFLICT', `meeting ${m.id} is concluded: reopen it to add a case`, 'meeting_id');
    if (stmt(db, 'SELECT 1 FROM agenda_items WHERE meeting_id = ? AND case_id = ?').get(m.id, input.case_id)) {
      throw new DomainError('CONFLICT', `case ${input.case_id} is already on this meeting's agenda`, 'case_id');
    }
    const readiness = readinessFor(db, m.id, input.case_id);
    const override = overrideNeeded(readiness, input.override_reason);
    const position = (stmt(db, 'SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?').pluck().get(m.id) as number);
    const itemId = insertId(db, `INSERT INTO agenda_items (meeting_id, case_id, position, minutes_allotted, presenter, standard_of_care, override_reason,
      ready_at_listing, readiness_at_listing, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, 
      m.id, input.case_id, position, input.minutes_allotted ?? 10, input.presenter ?? '', input.standard_of_care ? 1 : 0,
      readiness.ready ? null : override, readiness.ready ? 1 : 0, JSON.stringify(readiness), now,
    );
    advanceCaseStatus(db, input.case_id, 'listed', actor, now);
    const item = getAgendaItem(db, itemId);
    if (!item) throw new Error(`agenda item ${itemId} was not written`);
    auditMeetingChange(db, actor, 'agenda.add', 'agenda_item', itemId, null,
      { meeting_id: m.id, case_id: input.case_id, position, ready: readiness.ready, reasons: readiness.reasons, override_reason: item.override_reason, version: item.version },
      [['agenda_items', itemId]], now);
    return item;
  });
}

export function removeCaseFromMeeting(db: Db, itemId: number, actor: Actor, now = new Date().toISOString()): Meeting {
  return inTransaction(db, () => {
    const item = requireItemRow(db, itemId);
    const m = requireMeetingRow(db, item.meeting_id);
    assertNotSigned(m);
    if (stmt(db, 'SELECT 1 FROM decisions WHERE agenda_item_id = ?').get(itemId)) {
      throw new DomainError('CONFLICT', `agenda item ${itemId} has a recorded decision and cannot be removed`, 'item_id');
    }
    const before = stmt(db, 'SELECT * FROM agenda_items WHERE id = ?').get(itemId);
    stmt(db, 'DELETE FROM agenda_items WHERE id = ?').run(itemId);
    // Close the gap so positions stay 1..n.
    const rest = stmt(db, 'SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').pluck().all(m.id) as number[];
    // A moved item is a changed item: its version counts the move.
    const setPos = stmt(db, 'UPDATE agenda_items SET position = @position, version = version + 1 WHERE id = @id AND position <> @position');
    rest.forEach((id, i) => setPos.run({ position: i + 1, id }));
    auditMeetingChange(db, actor, 'agenda.remove', 'agenda_item', itemId, before, { meeting_id: m.id, order: rest },
      [['agenda_items', itemId], ...rest.map((id): [SealedTable, number] => ['agenda_items', id])], now);
    return requireMeeting(db, m.id);
  });
}

/** Who changed an agenda item last: its own rows (listing, settings) or a reorder or removal that moved it. */
const lastItemChange = (db: Db, itemId: number) => () => lastSealOf(db, 'agenda_items', itemId, ['agenda_item', 'meeting']);

/**
 * Puts the agenda in a new order. `versions[i]` is the version of `itemIds[i]` the screen showed: an item changed
 * (or moved) since is refused with CONFLICT naming who and when, so a stale order never undoes someone else's.
 */
export function reorderAgenda(
  db: Db, meetingId: number, itemIds: readonly number[], versions: readonly number[], actor: Actor, now = new Date().toISOString(),
): Meeting {
  return inTransaction(db, () => {
    const m = requireMeetingRow(db, meetingId, 'meeting_id');
    assertNotSigned(m);
    const rows = stmt(db, 'SELECT id, version FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as { id: number; version: number }[];
    const current = rows.map((r) => r.id);
    const given = new Set(itemIds);
    if (given.size !== itemIds.length || current.length !== itemIds.length || current.some((id) => !given.has(id))) {
      throw new DomainError('VALIDATION', `item_ids must list each of this meeting's ${current.length} agenda items exactly once`, 'item_ids');
    }
    if (versions.length !== itemIds.length) {
      throw new DomainError('VALIDATION', `versions must give the version of each of the ${itemIds.length} agenda items, in the same order`, 'versions');
    }
    const stored = new Map(rows.map((r) => [r.id, r.version]));
    itemIds.forEach((id, i) => requireVersion(`agenda item ${id}`, stored.get(id) ?? 0, versions[i], lastItemChange(db, id)));
    const setPos = stmt(db, 'UPDATE agenda_items SET position = @position, version = version + 1 WHERE id = @id AND position <> @position');
    itemIds.forEach((id, i) => setPos.run({ position: i + 1, id }));
    auditMeetingChange(db, actor, 'agenda.reorder', 'meeting', meetingId, { order: current }, { order: [...itemIds] },
      itemIds.map((id): [SealedTable, number] => ['agenda_items', id]), now);
    return requireMeeting(db, meetingId);
  });
}

/** Changes an agenda item's settings; `version` is the one the screen showed (stale: CONFLICT naming who and when). */
export function setAgendaItem(db: Db, itemId: number, version: number, settings: AgendaItemSettings, actor: Actor, now = new Date().toISOString()): AgendaItem {
  return inTransaction(db, () => {
    const item = requireItemRow(db, itemId);
    const m = requireMeetingRow(db, item.meeting_id);
    assertNotSigned(m);
    const before = stmt(db, 'SELECT minutes_allotted, presenter, standard_of_care, override_reason, ready_at_listing, version FROM agenda_items WHERE id = ?').get(itemId) as
      { minutes_allotted: number; presenter: string; standard_of_care: number; override_reason: string | null; ready_at_listing: number; version: number };
    requireVersion(`agenda item ${itemId}`, before.version, version, lastItemChange(db, itemId));
    let override = before.override_reason;
    if (settings.override_reason !== undefined) {
      const trimmed = settings.override_reason?.trim() ? settings.override_reason.trim() : null;
      if (trimmed === null && before.ready_at_listing === 0) {
        throw new DomainError('VALIDATION', 'this case was listed although not ready: its override reason cannot be removed', 'override_reason');
      }
      override = trimmed;
    }
    stmt(db, 'UPDATE agenda_items SET minutes_allotted = ?, presenter = ?, standard_of_care = ?, override_reason = ?, version = version + 1 WHERE id = ?').run(
      settings.minutes_allotted ?? before.minutes_allotted, settings.presenter ?? before.presenter,
      settings.standard_of_care === undefined ? before.standard_of_care : settings.standard_of_care ? 1 : 0, override, itemId,
    );
    const after = getAgendaItem(db, itemId);
    if (!after) throw new Error(`agenda item ${itemId} vanished`);
    auditMeetingChange(db, actor, 'agenda.update', 'agenda_item', itemId, before,
      { minutes_allotted: after.minutes_allotted, presenter: after.presenter, standard_of_care: after.standard_of_care, override_reason: after.override_reason, version: after.version },
      [['agenda_items', itemId]], now);
    return after;
  });
}

/**
 * Re-lists a patient: a new draft case copying the last case's facts, referral text and imaging/lab dates,
 * added to the meeting when one is named (subject to the gate).
 */
export function carryForwardCase(
  db: Db, input: { case_id: number; meeting_id?: number | undefined; override_reason?: string | undefined }, actor: Actor, now = new Date().toISOString(),
): { case: CaseRecord; item: AgendaItem | null } {
  return inTransaction(db, () => {
    const source = getCase(db, input.case_id);
    if (!source) throw new DomainError('NOT_FOUND', `case ${input.case_id} does not exist`, 'case_id');
    const created = createCase(db, {
      patient_id: source.patient.id,
      case: {
        referring_clinician: source.referring_clinician, question: source.question, diagnosis: source.diagnosis, status: 'draft',
        facts: source.facts, last_imaging_date: source.last_imaging_date ?? null, last_labs_date: source.last_labs_date ?? null,
      },
    }, actor.label, now);
    appendAudit(db, { actor: actor.label, action: 'case.carry_forward', entity: 'case', entityId: created.id, before: null, after: { from_case: source.id } }, now);
    const item = input.meeting_id === undefined ? null
      : addCaseToMeeting(db, { meeting_id: input.meeting_id, case_id: created.id, override_reason: input.override_reason }, actor, now);
    return { case: getCase(db, created.id) ?? created, item };
  });
}
