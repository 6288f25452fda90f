/**
 * Board meetings: who is acting (profiles + the per-transport session), boards, meetings and the agenda with its
 * completeness gate, decisions and amendments, follow-up, the quality report.
 *
 * Who is acting: `profiles.select` checks the PIN and makes the profile the acting one for the caller's transport
 * session (Electron window, browser host run, CLI run) until `session.clear`; `session.current` reads it. Every
 * operation declares the roles allowed (FORBIDDEN otherwise, before any rule runs); signing needs the chair.
 * Errors: READ_ONLY for anything touching a signed meeting; CONFLICT for a wrong state (e.g. starting a signed
 * meeting, a stale version); VALIDATION naming the field (e.g. `override_reason`, `discordance_reason`).
 */
import { z } from 'zod';
import { caseRecordSchema } from '../domain/case';
import {
  agendaItemSchema, agendaItemSettingsSchema, amendmentInputSchema, boardSaveSchema, boardSchema,
  decisionRecordInputSchema, decisionSchema, followupInputSchema, followupQuerySchema, followupRowSchema, followupSchema,
  meetingInputSchema, meetingSchema, meetingSummarySchema, MEETING_STATUSES, pinSchema, profileInputSchema, profileSchema,
  presentingSchema, qualityQuerySchema, qualityReportSchema, readinessSchema,
} from '../domain/meeting';
import { ROLE_GROUPS, SIGNED_IN } from './access';
import { op } from './op';

const id = z.number().int().positive();
const idInput = z.strictObject({ id });
const version = z.number().int().positive();
const meetingTransition = z.strictObject({ id, version: z.number().int().positive() });

export const meetingOperations = {
  // -- who is acting
  'profiles.list': op(z.strictObject({}), z.array(profileSchema), SIGNED_IN),
  'profiles.create': op(profileInputSchema, profileSchema, ROLE_GROUPS.people),
  /** Makes the profile the acting one for this transport session; `pin` is required when the profile has one. */
  'profiles.select': op(z.strictObject({ id, pin: pinSchema.optional() }), profileSchema, SIGNED_IN),
  'session.current': op(z.strictObject({}), profileSchema.nullable(), SIGNED_IN),
  'session.clear': op(z.strictObject({}), z.object({ cleared: z.boolean() }), SIGNED_IN),

  // -- boards (quorum and recency rules)
  'boards.list': op(z.strictObject({}), z.array(boardSchema), SIGNED_IN),
  /**
   * Creates a board (no `version`) or replaces its rules (by name; `version` = the one the editor loaded). A stale
   * version, or creating a board that exists, is CONFLICT naming who changed it and when.
   */
  'boards.save': op(boardSaveSchema, boardSchema, ROLE_GROUPS.organisers),

  // -- meetings
  'meetings.list': op(
    z.strictObject({ statuses: z.array(z.enum(MEETING_STATUSES)).max(4).optional(), board: z.string().trim().max(120).optional() }),
    z.array(meetingSummarySchema),
    SIGNED_IN,
  ),
  'meetings.get': op(idInput, meetingSchema, SIGNED_IN),
  'meetings.create': op(meetingInputSchema, meetingSchema, ROLE_GROUPS.organisers),
  /** Full replacement of the meeting's details and attendees; `version` is the one the editor loaded. */
  'meetings.update': op(z.strictObject({ id, version: z.number().int().positive(), meeting: meetingInputSchema }), meetingSchema, ROLE_GROUPS.organisers),
  'meetings.start': op(meetingTransition, meetingSchema, ROLE_GROUPS.organisers),
  /** in_progress → concluded: every agenda item not marked standard of care must have a decision. */
  'meetings.conclude': op(meetingTransition, meetingSchema, ROLE_GROUPS.organisers),
  /** concluded → in_progress (before sign-off only). */
  'meetings.reopen': op(meetingTransition, meetingSchema, ROLE_GROUPS.chair),
  /** concluded → signed, by the acting chair (their PIN again when they have one). Read-only from then on. */
  'meetings.sign': op(
    z.strictObject({ id, version: z.number().int().positive(), pin: pinSchema.optional(), password: z.string().max(1024).optional() }),
    meetingSchema, ROLE_GROUPS.chair,
  ),

  // -- the agenda
  /** The completeness gate for a case against a meeting's date and board rules (no change). */
  'meetings.readiness': op(z.strictObject({ meeting_id: id, case_id: id }), readinessSchema, SIGNED_IN),
  /** Lists a case; a case that is not ready needs `override_reason` (VALIDATION on `override_reason` otherwise). */
  'meetings.addCase': op(
    z.strictObject({ meeting_id: id, case_id: id }).extend(agendaItemSettingsSchema.shape).strict(),
    agendaItemSchema,
    ROLE_GROUPS.organisers,
  ),
  'meetings.removeCase': op(z.strictObject({ item_id: id }), meetingSchema, ROLE_GROUPS.organisers),
  /**
   * `item_ids`: every agenda item of the meeting, in the new order; `versions`: each one's version as the screen
   * showed it (same order). An item changed or moved since: CONFLICT naming who and when.
   */
  'meetings.reorder': op(
    z.strictObject({ meeting_id: id, item_ids: z.array(id).min(1).max(500), versions: z.array(version).min(1).max(500) }),
    meetingSchema, ROLE_GROUPS.organisers,
  ),
  /** `version`: the item's version the screen showed (stale: CONFLICT naming who and when). */
  'meetings.setItem': op(z.strictObject({ item_id: id, version }).extend(agendaItemSettingsSchema.shape).strict(), agendaItemSchema, ROLE_GROUPS.organisers),
  /**
   * Re-lists a patient: a new draft case copying the facts, referral text and imaging/lab dates of `case_id`
   * (for review rather than retyping), added to `meeting_id` when given (subject to the gate and `override_reason`).
   */
  'meetings.carryForward': op(
    z.strictObject({ case_id: id, meeting_id: id.optional(), override_reason: z.string().trim().max(1000).optional() }),
    z.object({ case: caseRecordSchema, item: agendaItemSchema.nullable() }),
    ROLE_GROUPS.organisers,
  ),

  // -- decisions
  /** Records (or, before sign-off, replaces) the decision of an agenda item; stores the engine snapshot. */
  /** Follow the presenter: the presenter's screen says which case the room is on (streamed as `meeting.present`). */
  'meetings.present': op(z.strictObject({ meeting_id: id, item_id: id }), presentingSchema, ROLE_GROUPS.organisers),
  /** Where the room is: the presenter's latest move in this meeting, or null. */
  'meetings.presenting': op(z.strictObject({ meeting_id: id }), presentingSchema.nullable(), SIGNED_IN),
  'decisions.record': op(decisionRecordInputSchema, decisionSchema, ROLE_GROUPS.deciders),
  /** Amends a decision of a signed meeting (the original stays; the amendment points to it). */
  'decisions.amend': op(amendmentInputSchema, decisionSchema, ROLE_GROUPS.deciders),
  'decisions.get': op(z.strictObject({ id: id.optional(), agenda_item_id: id.optional() }).refine(
    (v) => (v.id === undefined) !== (v.agenda_item_id === undefined), { message: 'give either id or agenda_item_id', path: ['id'] },
  ), decisionSchema, SIGNED_IN),
  'decisions.listForMeeting': op(z.strictObject({ meeting_id: id }), z.array(decisionSchema), SIGNED_IN),

  // -- follow-up and quality
  'followups.list': op(followupQuerySchema, z.array(followupRowSchema), SIGNED_IN),
  'followups.record': op(followupInputSchema, followupSchema, ROLE_GROUPS.board),
  'quality.report': op(qualityQuerySchema, qualityReportSchema, SIGNED_IN),
} as const;
