/**
 * Board meetings behind the API: profiles and the acting session, boards, meetings and the agenda, decisions,
 * follow-up, quality. Thin over the repositories (which own transactions and audit rows).
 *
 * Who is acting: `profiles.select` (PIN checked) stores the profile as the acting one for the caller's session,
 * keyed by transport (`ctx.transport`: one Electron window, one browser-host run, one CLI run each), until
 * `session.clear`. Writes need an acting profile (UNAUTHORIZED otherwise) and name it in every audit row and
 * record (`actorLabel`: "Name (role, profile N)"); signing needs the chair. `ctx.actor` is kept only as a
 * fallback label for creating the very first profile.
 */
import type { Db } from '../../db/connection';
import { listBoards, saveBoard } from '../../db/repositories/boards';
import { amendDecision, getDecision, getDecisionForItem, listDecisionsForMeeting, recordDecision } from '../../db/repositories/decisions';
import { listFollowups, qualityReport, recordFollowup } from '../../db/repositories/followups';
import {
  addCaseToMeeting, carryForwardCase, createMeeting, listMeetings, readinessFor, removeCaseFromMeeting, reorderAgenda,
  requireMeeting, setAgendaItem, transitionMeeting, updateMeeting, type MeetingTransition,
} from '../../db/repositories/meetings';
import { actorOf, checkProfilePin, createProfile, getProfile, listProfiles, type Actor } from '../../db/repositories/profiles';
import type { meetingOperations } from '../../shared/api/meetings';
import { DomainError } from '../../shared/errors';
import type { Profile, Role } from '../../shared/domain/meeting';
import type { CallContext, Handlers } from '../api/dispatcher';

type MeetingOpName = keyof typeof meetingOperations;
export type MeetingHandlers = Pick<Handlers, MeetingOpName>;

/** The acting profile per transport session. */
export class SessionStore {
  private readonly acting = new Map<string, number>();
  key(ctx: CallContext): string {
    return ctx.transport;
  }
  set(ctx: CallContext, profileId: number): void {
    this.acting.set(this.key(ctx), profileId);
  }
  get(ctx: CallContext): number | undefined {
    return this.acting.get(this.key(ctx));
  }
  clear(ctx: CallContext): boolean {
    return this.acting.delete(this.key(ctx));
  }
}

export function meetingHandlers(db: Db, sessions = new SessionStore()): MeetingHandlers {
  const acting = (ctx: CallContext): Profile | null => {
    const id = sessions.get(ctx);
    return id === undefined ? null : (getProfile(db, id) ?? null);
  };
  const actor = (ctx: CallContext, roles?: readonly Role[], what = 'do this'): Actor => {
    const p = acting(ctx);
    if (!p) throw new DomainError('UNAUTHORIZED', 'choose who you are (select your profile) before making changes');
    if (roles && !roles.includes(p.role)) throw new DomainError('UNAUTHORIZED', `only the ${roles.join(' or ')} can ${what}; ${p.name} is ${p.role}`);
    return actorOf(p);
  };
  const step = (s: MeetingTransition, roles?: readonly Role[]) =>
    (input: { id: number; version: number }, ctx: CallContext) => transitionMeeting(db, input.id, input.version, s, actor(ctx, roles, `${s} a meeting`));

  return {
    'profiles.list': () => listProfiles(db),
    'profiles.create': (input, ctx) => {
      // Profiles are created on the opening screen, before anyone is selected (the PIN guards selecting one).
      const current = acting(ctx);
      return createProfile(db, input, current ? actorOf(current) : null, undefined, current?.role ?? null);
    },
    'profiles.select': ({ id, pin }, ctx) => {
      const profile = checkProfilePin(db, id, pin);
      sessions.set(ctx, profile.id);
      return profile;
    },
    'session.current': (_input, ctx) => acting(ctx),
    'session.clear': (_input, ctx) => ({ cleared: sessions.clear(ctx) }),

    'boards.list': () => listBoards(db),
    'boards.save': (input, ctx) => saveBoard(db, input, actor(ctx, ['coordinator', 'chair'], 'change a board\'s rules')),

    'meetings.list': (q) => listMeetings(db, q),
    'meetings.get': ({ id }) => requireMeeting(db, id),
    'meetings.create': (input, ctx) => createMeeting(db, input, actor(ctx)),
    'meetings.update': ({ id, version, meeting }, ctx) => updateMeeting(db, id, version, meeting, actor(ctx)),
    'meetings.start': step('start', ['coordinator', 'chair']),
    'meetings.conclude': step('conclude', ['coordinator', 'chair']),
    'meetings.reopen': step('reopen', ['chair']),
    'meetings.sign': ({ id, version, pin }, ctx) => {
      const who = actor(ctx, ['chair'], 'sign a meeting');
      if (who.profileId !== null) checkProfilePin(db, who.profileId, pin);
      return transitionMeeting(db, id, version, 'sign', who);
    },

    'meetings.readiness': ({ meeting_id, case_id }) => readinessFor(db, meeting_id, case_id),
    'meetings.addCase': (input, ctx) => addCaseToMeeting(db, input, actor(ctx)),
    'meetings.removeCase': ({ item_id }, ctx) => removeCaseFromMeeting(db, item_id, actor(ctx)),
    'meetings.reorder': ({ meeting_id, item_ids }, ctx) => reorderAgenda(db, meeting_id, item_ids, actor(ctx)),
    'meetings.setItem': ({ item_id, ...settings }, ctx) => setAgendaItem(db, item_id, settings, actor(ctx)),
    'meetings.carryForward': (input, ctx) => carryForwardCase(db, input, actor(ctx)),

    'decisions.record': (input, ctx) => recordDecision(db, input, actor(ctx)),
    'decisions.amend': (input, ctx) => amendDecision(db, input, actor(ctx)),
    'decisions.get': ({ id, agenda_item_id }) => {
      const found = id !== undefined ? getDecision(db, id) : agenda_item_id !== undefined ? getDecisionForItem(db, agenda_item_id) : undefined;
      if (!found) throw new DomainError('NOT_FOUND', id !== undefined ? `decision ${id} does not exist` : `agenda item ${agenda_item_id ?? ''} has no decision`);
      return found;
    },
    'decisions.listForMeeting': ({ meeting_id }) => listDecisionsForMeeting(db, meeting_id),

    'followups.list': (q) => listFollowups(db, q),
    'followups.record': (input, ctx) => recordFollowup(db, input, actor(ctx)),
    'quality.report': (q) => qualityReport(db, q),
  };
}

