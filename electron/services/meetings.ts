/**
 * Board meetings behind the API: profiles and the acting session, boards, meetings and the agenda, decisions,
 * follow-up, quality. Thin over the repositories (which own transactions and audit rows).
 *
 * Who may do what is declared in the contract (shared/api/meetings.ts) and checked by the dispatcher before any
 * handler here runs; every record and audit row names `ctx.actor` (for a profile: "Name (role, profile N)").
 * `profiles.select` (PIN checked) makes a profile the acting one for the caller's session (`ctx.session`) until
 * `session.clear`; the transport resolves it into `ctx.actor` on the next call (electron/app/seats.ts).
 */
import type { DbLike as Db } from '../../db/sql/port';
import { listBoards, saveBoard } from '../../db/repositories/boards';
import { amendDecision, getDecision, getDecisionForItem, listDecisionsForMeeting, recordDecision } from '../../db/repositories/decisions';
import { listFollowups, qualityReport, recordFollowup } from '../../db/repositories/followups';
import {
  addCaseToMeeting, carryForwardCase, createMeeting, listMeetings, readinessFor, removeCaseFromMeeting, reorderAgenda,
  requireMeeting, setAgendaItem, transitionMeeting, updateMeeting, type MeetingTransition,
} from '../../db/repositories/meetings';
import { presentingOf, recordPresenting } from '../../db/repositories/presenting';
import { checkProfilePin, createProfile, getProfile, listProfiles } from '../../db/repositories/profiles';
import { confirmPassword } from '../../db/repositories/users';
import type { ActingContext, Handlers } from '../../shared/api';
import type { meetingOperations } from '../../shared/api/meetings';
import { DomainError } from '../../shared/errors';
import type { LocalSeats } from '../app/seats';

type MeetingOpName = keyof typeof meetingOperations;
export type MeetingHandlers = Pick<Handlers, MeetingOpName>;

export function meetingHandlers(db: Db, seats: LocalSeats): MeetingHandlers {
  const step = (s: MeetingTransition) =>
    (input: { id: number; version: number }, ctx: ActingContext) => transitionMeeting(db, input.id, input.version, s, ctx.actor);

  return {
    'profiles.list': () => listProfiles(db),
    // Profiles are created on the opening screen, often before anyone is chosen (the PIN guards choosing one).
    // Only an acting chair makes another chair: the local seat's administrator role does not count.
    'profiles.create': (input, ctx) => createProfile(db, input, ctx.actor, undefined, ctx.actor.role === 'admin' ? null : ctx.actor.role),
    'profiles.select': ({ id, pin }, ctx) => {
      if (ctx.transport === 'network') throw new DomainError('FORBIDDEN', 'on the board server you act as the account you signed in with; sign in as that person instead');
      const profile = checkProfilePin(db, id, pin);
      seats.select(ctx.session, profile.id);
      return profile;
    },
    // On a board server the acting profile is the signed-in account's own (none for an administrator).
    'session.current': (_input, ctx) => (ctx.transport === 'network'
      ? (ctx.actor.profileId !== null ? getProfile(db, ctx.actor.profileId) ?? null : null)
      : seats.current(ctx.session)),
    'session.clear': (_input, ctx) => ({ cleared: ctx.transport === 'network' ? false : seats.clear(ctx.session) }),

    'boards.list': () => listBoards(db),
    'boards.save': (input, ctx) => saveBoard(db, input, ctx.actor),

    'meetings.list': (q) => listMeetings(db, q),
    'meetings.get': ({ id }) => requireMeeting(db, id),
    'meetings.create': (input, ctx) => createMeeting(db, input, ctx.actor),
    'meetings.update': ({ id, version, meeting }, ctx) => updateMeeting(db, id, version, meeting, ctx.actor),
    'meetings.start': step('start'),
    'meetings.conclude': step('conclude'),
    'meetings.reopen': step('reopen'),
    // The chair's PIN again at the moment of signing (step-up), when the chair has one.
    'meetings.sign': ({ id, version, pin, password }, ctx) => {
      // Step-up: the chair confirms with their password on a board server, their PIN at a local seat.
      if (ctx.transport === 'network') confirmPassword(db, ctx.actor.label, password);
      else if (ctx.actor.profileId !== null) checkProfilePin(db, ctx.actor.profileId, pin);
      return transitionMeeting(db, id, version, 'sign', ctx.actor);
    },

    'meetings.readiness': ({ meeting_id, case_id }) => readinessFor(db, meeting_id, case_id),
    'meetings.addCase': (input, ctx) => addCaseToMeeting(db, input, ctx.actor),
    'meetings.removeCase': ({ item_id }, ctx) => removeCaseFromMeeting(db, item_id, ctx.actor),
    'meetings.present': ({ meeting_id, item_id }, ctx) => recordPresenting(db, meeting_id, item_id, ctx.actor),
    'meetings.presenting': ({ meeting_id }) => presentingOf(db, meeting_id),
    'meetings.reorder': ({ meeting_id, item_ids, versions }, ctx) => reorderAgenda(db, meeting_id, item_ids, versions, ctx.actor),
    'meetings.setItem': ({ item_id, version, ...settings }, ctx) => setAgendaItem(db, item_id, version, settings, ctx.actor),
    'meetings.carryForward': (input, ctx) => carryForwardCase(db, input, ctx.actor),

    'decisions.record': (input, ctx) => recordDecision(db, input, ctx.actor),
    'decisions.amend': (input, ctx) => amendDecision(db, input, ctx.actor),
    'decisions.get': ({ id, agenda_item_id }) => {
      const found = id !== undefined ? getDecision(db, id) : agenda_item_id !== undefined ? getDecisionForItem(db, agenda_item_id) : undefined;
      if (!found) throw new DomainError('NOT_FOUND', id !== undefined ? `decision ${id} does not exist` : `agenda item ${agenda_item_id ?? ''} has no decision`);
      return found;
    },
    'decisions.listForMeeting': ({ meeting_id }) => listDecisionsForMeeting(db, meeting_id),

    'followups.list': (q) => listFollowups(db, q),
    'followups.record': (input, ctx) => recordFollowup(db, input, ctx.actor),
    'quality.report': (q) => qualityReport(db, q),
  };
}

