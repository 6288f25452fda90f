/**
 * Board meetings: profiles (who is acting), boards (quorum and recency rules), meetings and their attendees,
 * the agenda with its completeness gate, decisions (with the engine snapshot the board saw), amendments of
 * signed decisions, follow-up of implementation, and the quality report. Types + zod schemas only.
 *
 * Lifecycle: planned → in_progress → concluded → signed (concluded → in_progress by `meetings.reopen`).
 * A signed meeting, its attendees, agenda and decisions are read-only (database triggers); a correction is an
 * amendment pointing to the decision it corrects.
 */
import { z } from 'zod';
import { engineOutputSchema } from '../engine/schema';
import { OPTION_WORDS, STRENGTHS } from '../engine/vocabulary';
import { CASE_STATUSES } from './case';
import { PRIMARY_TUMORS, caseFactsSchema } from '../facts/facts';
import { isCalendarDateTime, noBidi } from '../text/clean';

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, 'is required').max(max);
/** A person's or board's name: also no bidirectional overrides (shared/text/clean.ts). */
const nameText = (max: number) => noBidi(required(max));
const id = z.number().int().positive();

// ---- vocabulary ----------------------------------------------------------------------------------------

export const SPECIALTIES = [
  'medical_oncology', 'interventional_radiology', 'surgery', 'diagnostic_radiology', 'pathology', 'hepatology',
  'nuclear_medicine', 'radiation_oncology', 'nursing', 'coordinator', 'other',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];
export const specialtySchema = z.enum(SPECIALTIES);

/** The default quorum of a board (editable per board). */
export const DEFAULT_QUORUM: readonly Specialty[] = ['medical_oncology', 'interventional_radiology', 'surgery', 'diagnostic_radiology'];
/** Default recency: the latest imaging ≤ 56 days and labs ≤ 14 days before the meeting date. */
export const DEFAULT_IMAGING_MAX_DAYS = 56;
export const DEFAULT_LABS_MAX_DAYS = 14;

export const ROLES = ['coordinator', 'member', 'chair'] as const;
export type Role = (typeof ROLES)[number];

export const MEETING_STATUSES = ['planned', 'in_progress', 'concluded', 'signed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE = ['attended', 'apologies'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Plan types outside the engine's option words (which are UPPER_CASE; these are lower_case). */
export const PLAN_TYPES = ['resection', 'ablation', 'sbrt', 'transplant_referral', 'further_workup', 'other'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];
/** A plan: one of the engine's option words (e.g. `Y90_TARE`) or a plan type outside the engine. */
export const PLANS = [...OPTION_WORDS, ...PLAN_TYPES] as const;
export type Plan = (typeof PLANS)[number];
export const planSchema = z.enum(PLANS);
export const isEnginePlan = (plan: Plan): plan is (typeof OPTION_WORDS)[number] => (OPTION_WORDS as readonly string[]).includes(plan);

export const INTENTS = ['curative', 'palliative', 'bridging_to_transplant', 'consolidation', 'symptom_control'] as const;
export type Intent = (typeof INTENTS)[number];

export const CONSENSUS = ['unanimous', 'majority'] as const;
export type Consensus = (typeof CONSENSUS)[number];

/**
 * concordant: the plan is an engine option rated recommended or consider; discordant: rated not_recommended or
 * contraindicated (a reason is then required); not_assessed: the plan is outside the engine's options for this case.
 */
export const CONCORDANCE = ['concordant', 'discordant', 'not_assessed'] as const;
export type Concordance = (typeof CONCORDANCE)[number];

// ---- profiles and the acting session -------------------------------------------------------------------

/** A PIN is 4–12 digits; it is stored only as a salted scrypt hash. */
export const pinSchema = z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits');

/** A chair signs the record: a chair's PIN has at least CHAIR_PIN_DIGITS digits. */
export const CHAIR_PIN_DIGITS = 6;

export const profileInputSchema = z.strictObject({
  name: nameText(100),
  specialty: specialtySchema,
  role: z.enum(ROLES),
  pin: pinSchema.optional(),
}).refine((p) => p.role !== 'chair' || p.pin === undefined || p.pin.length >= CHAIR_PIN_DIGITS, {
  message: `a chair's PIN must be at least ${CHAIR_PIN_DIGITS} digits`, path: ['pin'],
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const profileSchema = z.object({
  id,
  name: z.string(),
  specialty: specialtySchema,
  role: z.enum(ROLES),
  has_pin: z.boolean(),
  created_at: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

/** How a profile is named in audit rows and records: "Name (role, profile N)". */
export const actorLabel = (p: Pick<Profile, 'id' | 'name' | 'role'>): string => `${p.name} (${p.role}, profile ${p.id})`;
/** The person's name from an actor label (what a clinician reads; the label stays in the audit log). */
export const actorName = (label: string): string => label.replace(/ \((chair|member|coordinator), profile \d+\)$/, '');

// ---- boards --------------------------------------------------------------------------------------------

export const boardInputSchema = z.strictObject({
  name: nameText(120),
  /** Specialties that must be present (attended) for the quorum. */
  quorum: z.array(specialtySchema).max(SPECIALTIES.length).refine((a) => new Set(a).size === a.length, 'lists a specialty twice'),
  imaging_max_days: z.number().int().min(1).max(365),
  labs_max_days: z.number().int().min(1).max(365),
});
export type BoardInput = z.infer<typeof boardInputSchema>;
/** `version` counts saves (optimistic concurrency): a save names the version it was based on. */
const version = z.number().int().positive();
export const boardSchema = boardInputSchema.extend({ id, version, updated_at: z.string() });
/** Creating a board (no version) or replacing its rules (the version the editor loaded). */
export const boardSaveSchema = boardInputSchema.extend({ version: version.optional() });
export type BoardSave = z.input<typeof boardSaveSchema>;
export type Board = z.infer<typeof boardSchema>;

// ---- meetings ------------------------------------------------------------------------------------------

export const attendeeInputSchema = z.strictObject({
  /** The local profile this attendee is, when they have one. */
  profile_id: id.nullable().default(null),
  name: nameText(100),
  specialty: specialtySchema,
  attendance: z.enum(ATTENDANCE),
});
export type AttendeeInput = z.input<typeof attendeeInputSchema>;
export const attendeeSchema = z.object({
  id,
  profile_id: id.nullable(),
  name: z.string(),
  specialty: specialtySchema,
  attendance: z.enum(ATTENDANCE),
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** Local date and time of the meeting, `YYYY-MM-DDTHH:MM` (no time zone: the board meets in one place). */
export const meetingTimeSchema = z.string().refine(isCalendarDateTime, 'must be a real date and time (YYYY-MM-DDTHH:MM)')
  .refine((v) => +v.slice(0, 4) >= 2000 && +v.slice(0, 4) <= 2100, 'must be a year between 2000 and 2100');

export const meetingInputSchema = z.strictObject({
  /** The board's name; a board seen for the first time is created with the default quorum and recency. */
  board: nameText(120),
  scheduled_at: meetingTimeSchema,
  location: text(200).default(''),
  video_link: text(500).default(''),
  chair_profile_id: id.nullable().default(null),
  coordinator_profile_id: id.nullable().default(null),
  /** Full list (replaces the stored one on update). */
  attendees: z.array(attendeeInputSchema).max(60).default([]),
});
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingInputParsed = z.output<typeof meetingInputSchema>;

export const quorumSchema = z.object({
  required: z.array(specialtySchema),
  present: z.array(specialtySchema),
  missing: z.array(specialtySchema),
  met: z.boolean(),
});
export type Quorum = z.infer<typeof quorumSchema>;

export const meetingSummarySchema = z.object({
  id,
  board: z.string(),
  scheduled_at: z.string(),
  location: z.string(),
  status: z.enum(MEETING_STATUSES),
  case_count: z.number().int().min(0),
  decided_count: z.number().int().min(0),
  quorum_met: z.boolean(),
  signed_at: z.string().nullable(),
  /** Who chaired and coordinated (local profiles): a new meeting of the same board starts with them. */
  chair_profile_id: id.nullable(),
  coordinator_profile_id: id.nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

// ---- readiness (the completeness gate) -----------------------------------------------------------------

export const recencySchema = z.object({
  /** The date recorded on the case, or null when not recorded. */
  date: z.string().nullable(),
  /** Days from that date to the meeting date (negative when after the meeting). */
  age_days: z.number().int().nullable(),
  max_days: z.number().int(),
  ok: z.boolean(),
});

export const readinessSchema = z.object({
  case_id: id,
  ready: z.boolean(),
  /** Facts the engine needs for this primary that are not recorded (these block listing). */
  missing_facts: z.array(z.object({ field: z.string(), why: z.string() })),
  /** Further facts the engine would use (informative; they do not block). */
  engine_missing: z.array(z.string()),
  imaging: recencySchema,
  labs: recencySchema,
  /** Every reason the case is not ready, as sentences (empty when ready). */
  reasons: z.array(z.string()),
});
export type Readiness = z.infer<typeof readinessSchema>;

/** Follow the presenter: the agenda item the room is on, who moved there and when (board server). */
export const presentingSchema = z.object({
  meeting_id: id,
  item_id: id,
  /** The item's place on the agenda (1-based). */
  position: z.number().int().positive(),
  by: z.string(),
  at: z.string(),
});
export type Presenting = z.infer<typeof presentingSchema>;

export const agendaItemSchema = z.object({
  id,
  meeting_id: id,
  case_id: id,
  position: z.number().int().min(1),
  minutes_allotted: z.number().int().min(1).max(120),
  presenter: z.string(),
  /** Listed as standard of care, without discussion. */
  standard_of_care: z.boolean(),
  /** Why a not-ready case was listed anyway (null when it was ready). */
  override_reason: z.string().nullable(),
  /** Whether the case passed the gate when it was listed. */
  ready_at_listing: z.boolean(),
  /** Counts changes to the item (settings, moves): a change names the version it was based on. */
  version,
  // What the agenda shows of the case.
  patient_id: id,
  identifier: z.string(),
  family_name: z.string(),
  given_name: z.string(),
  primary_tumor: z.enum(PRIMARY_TUMORS).nullable(),
  diagnosis: z.string(),
  question: z.string(),
  case_status: z.enum(CASE_STATUSES),
  /** The gate now (for a signed meeting: as it stands today, for information). */
  readiness: readinessSchema,
  decision_id: id.nullable(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingSchema = z.object({
  id,
  board: z.string(),
  board_id: id,
  scheduled_at: z.string(),
  location: z.string(),
  video_link: z.string(),
  chair_profile_id: id.nullable(),
  coordinator_profile_id: id.nullable(),
  status: z.enum(MEETING_STATUSES),
  version: z.number().int().positive(),
  attendees: z.array(attendeeSchema),
  quorum: quorumSchema,
  agenda: z.array(agendaItemSchema),
  started_at: z.string().nullable(),
  concluded_at: z.string().nullable(),
  signed_at: z.string().nullable(),
  signed_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const agendaItemSettingsSchema = z.strictObject({
  minutes_allotted: z.number().int().min(1).max(120).optional(),
  presenter: text(100).optional(),
  standard_of_care: z.boolean().optional(),
  /** Required when the case is not ready; null clears it (only allowed when the case is ready). */
  override_reason: text(1000).nullable().optional(),
});
export type AgendaItemSettings = z.infer<typeof agendaItemSettingsSchema>;

// ---- decisions -----------------------------------------------------------------------------------------

export const dissentSchema = z.strictObject({
  name: nameText(100),
  specialty: specialtySchema,
  view: required(2000),
});
export type Dissent = z.infer<typeof dissentSchema>;

export const actionSchema = z.strictObject({
  what: required(500),
  owner: nameText(100),
  due_date: isoDate.nullable().default(null),
});
export type Action = z.infer<typeof actionSchema>;

const decisionContentShape = {
  plan: planSchema,
  /** Free text qualifying the plan (required for plan `other`). */
  plan_detail: text(500).default(''),
  intent: z.enum(INTENTS),
  rationale: text(4000).default(''),
  consensus: z.enum(CONSENSUS),
  dissent: z.array(dissentSchema).max(30).default([]),
  actions: z.array(actionSchema).max(30).default([]),
  follow_up_date: isoDate.nullable().default(null),
  patient_preference_discussed: z.boolean(),
  /** Why the board chose a plan the engine rated not_recommended or contraindicated (required then). */
  discordance_reason: text(2000).nullable().default(null),
};

const contentRules = <T extends z.ZodType<{ plan?: Plan | undefined; plan_detail?: string | undefined; consensus?: Consensus | undefined; dissent?: Dissent[] | undefined }>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    if (v.plan === 'other' && v.plan_detail !== undefined && v.plan_detail.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['plan_detail'], message: 'is required when the plan is "other"' });
    }
    if (v.consensus === 'unanimous' && v.dissent && v.dissent.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['consensus'], message: 'cannot be unanimous when dissent is recorded' });
    }
  });

export const decisionContentSchema = contentRules(z.strictObject(decisionContentShape));
export type DecisionContent = z.output<typeof decisionContentSchema>;
export type DecisionContentInput = z.input<typeof decisionContentSchema>;
export const DECISION_FIELDS = Object.keys(decisionContentShape) as (keyof DecisionContent)[];

/** Recording (or, before sign-off, re-recording) the decision for one agenda item. */
/**
 * `version`: the version of the recorded decision the form was based on; absent for a first recording (a stale or
 * missing version is refused with CONFLICT naming who saved first).
 */
export const decisionRecordInputSchema = contentRules(z.strictObject({ agenda_item_id: id, version: version.optional(), ...decisionContentShape }));
export type DecisionRecordInput = z.input<typeof decisionRecordInputSchema>;

const decisionChangesSchema = contentRules(z.strictObject({
  plan: planSchema.optional(),
  plan_detail: text(500).optional(),
  intent: z.enum(INTENTS).optional(),
  rationale: text(4000).optional(),
  consensus: z.enum(CONSENSUS).optional(),
  dissent: z.array(dissentSchema).max(30).optional(),
  actions: z.array(actionSchema).max(30).optional(),
  follow_up_date: isoDate.nullable().optional(),
  patient_preference_discussed: z.boolean().optional(),
  discordance_reason: text(2000).nullable().optional(),
}));

/** An amendment of a decision of a signed meeting: the changed fields only, and why. */
export const amendmentInputSchema = z.strictObject({
  decision_id: id,
  reason: required(2000),
  changes: decisionChangesSchema.refine((c) => Object.keys(c).length > 0, 'change at least one field'),
});
export type AmendmentInput = z.input<typeof amendmentInputSchema>;

export const amendmentSchema = z.object({
  id,
  decision_id: id,
  reason: z.string(),
  amended_by: z.string(),
  amended_by_profile_id: id.nullable(),
  amended_at: z.string(),
  changed_fields: z.array(z.string()),
  /** The values before and after, for the changed fields only. */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
export type Amendment = z.infer<typeof amendmentSchema>;

const decisionContentOutput = z.object({
  plan: planSchema,
  plan_detail: z.string(),
  intent: z.enum(INTENTS),
  rationale: z.string(),
  consensus: z.enum(CONSENSUS),
  dissent: z.array(z.object({ name: z.string(), specialty: specialtySchema, view: z.string() })),
  actions: z.array(z.object({ what: z.string(), owner: z.string(), due_date: z.string().nullable() })),
  follow_up_date: z.string().nullable(),
  patient_preference_discussed: z.boolean(),
  discordance_reason: z.string().nullable(),
});

export const decisionSchema = decisionContentOutput.extend({
  id,
  meeting_id: id,
  agenda_item_id: id,
  case_id: id,
  recorded_by: z.string(),
  recorded_by_profile_id: id.nullable(),
  recorded_at: z.string(),
  /** Counts re-recordings before sign-off (amendments after it leave it unchanged). */
  version,
  /** The facts the engine was given, and what it answered, when the decision was recorded. */
  facts_snapshot: caseFactsSchema,
  engine_snapshot: engineOutputSchema,
  engine_version: z.string(),
  /** The engine's strength for the plan (null when the plan is not among the engine's options). */
  plan_strength: z.enum(STRENGTHS).nullable(),
  concordance: z.enum(CONCORDANCE),
  amendments: z.array(amendmentSchema),
  /** The decision as it stands after its amendments (equal to the recorded content when there are none). */
  current: decisionContentOutput.extend({ plan_strength: z.enum(STRENGTHS).nullable(), concordance: z.enum(CONCORDANCE) }),
});
export type Decision = z.infer<typeof decisionSchema>;

// ---- follow-up -----------------------------------------------------------------------------------------

export const IMPLEMENTATION = ['pending', 'implemented', 'changed'] as const;
export type Implementation = (typeof IMPLEMENTATION)[number];

export const followupInputSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ decision_id: id, outcome: z.literal('implemented'), date: isoDate, note: text(2000).default('') }),
  z.strictObject({ decision_id: id, outcome: z.literal('changed'), date: isoDate.nullable().default(null), reason: required(2000), note: text(2000).default('') }),
]);
export type FollowupInput = z.input<typeof followupInputSchema>;

export const followupSchema = z.object({
  id,
  decision_id: id,
  outcome: z.enum(['implemented', 'changed']),
  date: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string(),
  recorded_by: z.string(),
  recorded_at: z.string(),
});
export type Followup = z.infer<typeof followupSchema>;

export const followupQuerySchema = z.strictObject({
  board: z.string().trim().max(120).optional(),
  /** Only decisions whose follow-up date (or an action's due date) is on or before this date. */
  due_by: isoDate.optional(),
  status: z.enum(IMPLEMENTATION).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type FollowupQuery = z.input<typeof followupQuerySchema>;

export const followupRowSchema = z.object({
  decision_id: id,
  meeting_id: id,
  board: z.string(),
  meeting_date: z.string(),
  case_id: id,
  identifier: z.string(),
  family_name: z.string(),
  given_name: z.string(),
  plan: planSchema,
  intent: z.enum(INTENTS),
  follow_up_date: z.string().nullable(),
  actions: z.array(z.object({ what: z.string(), owner: z.string(), due_date: z.string().nullable() })),
  status: z.enum(IMPLEMENTATION),
  latest: followupSchema.nullable(),
});
export type FollowupRow = z.infer<typeof followupRowSchema>;

// ---- quality -------------------------------------------------------------------------------------------

export const qualityQuerySchema = z.strictObject({
  /** One board, or every board when omitted. */
  board: z.string().trim().max(120).optional(),
  from: isoDate,
  to: isoDate,
}).refine((q) => q.from <= q.to, { message: 'must be on or after from', path: ['to'] });

const rate = z.number().min(0).max(1).nullable();
export const qualityReportSchema = z.object({
  board: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  meetings: z.number().int().min(0),
  meetings_signed: z.number().int().min(0),
  meetings_quorum_met: z.number().int().min(0),
  cases_discussed: z.number().int().min(0),
  /** Days from referral (case created) to the meeting that discussed it. */
  referral_to_discussion_days: z.object({ n: z.number().int().min(0), median: z.number().nullable(), mean: z.number().nullable() }),
  decisions: z.number().int().min(0),
  decisions_with_rationale: z.number().int().min(0),
  concordant: z.number().int().min(0),
  discordant: z.number().int().min(0),
  not_assessed: z.number().int().min(0),
  /** concordant / (concordant + discordant). */
  concordance_rate: rate,
  implemented: z.number().int().min(0),
  changed: z.number().int().min(0),
  pending: z.number().int().min(0),
  /** implemented / (implemented + changed). */
  implementation_rate: rate,
  /** Cases listed although not ready (with an override reason). */
  override_count: z.number().int().min(0),
  standard_of_care_count: z.number().int().min(0),
  amendments: z.number().int().min(0),
});
export type QualityReport = z.infer<typeof qualityReportSchema>;
