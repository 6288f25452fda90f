/**
 * The minutes document: everything the signed minutes of one board meeting show, as plain data (zod schema +
 * types). It is built once (from the database: electron/minutes/load.ts, or in a test) and rendered by the one
 * pure HTML builder (html.ts); the PDF is Chromium's print of that HTML.
 *
 * What the board SAW is kept as it was: the options of each case are the engine snapshot stored with the
 * decision (option, strength, rationale, evidence ids) and the engine version of that snapshot, never a fresh
 * evaluation. Display words (labels) are resolved when the document is built so the builder only formats.
 *
 * Dates are strings: calendar dates `YYYY-MM-DD`, times `HH:MM` (the board's wall clock), instants ISO 8601.
 * The builder formats them through shared/time/clock.ts in the document's `clock` (the board's time zone and
 * locale, from the board settings), so a PDF is identical whatever the machine it is printed on.
 */
import { z } from 'zod';

const isoDate = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time (HH:MM)');
/** An instant as stored (ISO 8601, e.g. `2027-03-12T17:42:05.120Z`). */
const instant = z.string().min(10);

export const MEETING_STATUSES = ['planned', 'in_progress', 'concluded', 'signed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const attendeeSchema = z.object({
  name: z.string(),
  /** Display label of the specialty ("Interventional radiology"). */
  specialty: z.string(),
  /** Role on the board, when it matters for the minutes (chair, coordinator, presenter). */
  role: z.string().nullable(),
  attendance: z.enum(['attended', 'apologies']),
});
export type MinutesAttendee = z.infer<typeof attendeeSchema>;

export const quorumSchema = z.object({
  met: z.boolean(),
  /** The sentence the minutes print, e.g. "Quorum met: medical oncology, interventional radiology, … present." */
  statement: z.string(),
  /** Specialties the board's rule requires (labels). */
  required: z.array(z.string()),
  /** Required specialties with nobody attending (labels). */
  missing: z.array(z.string()),
});
export type MinutesQuorum = z.infer<typeof quorumSchema>;

/** The board's clock: every date and time of the document is printed in this zone and locale. */
export const clockSchema = z.object({ time_zone: z.string(), locale: z.string() });

/** A completeness-gate override: the case was listed although not ready, with the reason and who listed it. */
export const listingOverrideSchema = z.object({ reason: z.string(), by: z.string().nullable(), at: instant.nullable() });
export type MinutesListingOverride = z.infer<typeof listingOverrideSchema>;

export const meetingDetailsSchema = z.object({
  id: z.number().int().positive(),
  board_name: z.string(),
  date: isoDate,
  start_time: hhmm.nullable(),
  end_time: hhmm.nullable(),
  location: z.string().nullable(),
  video_link: z.string().nullable(),
  chair: z.string(),
  coordinator: z.string(),
  status: z.enum(MEETING_STATUSES),
});
export type MinutesMeeting = z.infer<typeof meetingDetailsSchema>;

export const patientIdentifiersSchema = z.object({
  family_name: z.string(),
  given_name: z.string(),
  /** Hospital identifier (MRN). */
  mrn: z.string(),
  birth_date: isoDate.nullable(),
  sex: z.string().nullable(),
});
export type MinutesPatient = z.infer<typeof patientIdentifiersSchema>;

/** One derived score as shown: "Child-Pugh" → "A (6)". */
export const derivedScoreSchema = z.object({ label: z.string(), value: z.string() });

export const optionRowSchema = z.object({
  /** Engine word (e.g. `Y90_TARE`). */
  option: z.string(),
  /** Display label ("Y-90 radioembolisation (TARE)"). */
  label: z.string(),
  /** Engine strength word: recommended | consider | not_recommended | contraindicated. */
  strength: z.string(),
  rationale: z.string(),
  /** Evidence ids the engine cited for this option (each listed in the document's references). */
  evidence: z.array(z.string()),
  /** Where sources disagree on this option, as the engine showed it (never hidden; minutes written before: none). */
  conflicts: z.array(z.object({
    summary: z.string(),
    sides: z.array(z.object({ position: z.string(), evidence: z.array(z.string()) })),
  })).default([]),
});
export type MinutesOption = z.infer<typeof optionRowSchema>;

export const flagSchema = z.object({ word: z.string(), label: z.string() });

export const dissentSchema = z.object({
  name: z.string(),
  specialty: z.string().nullable(),
  view: z.string(),
});

export const decisionSchema = z.object({
  /** The plan as recorded ("Y-90 radioembolisation (TARE)", "Resection", …). */
  plan: z.string(),
  /** Engine option word when the plan is one of the engine's options, else null. */
  plan_option: z.string().nullable(),
  intent: z.string(),
  rationale: z.string(),
  /** "Unanimous" or "Majority". */
  consensus: z.string(),
  dissent: z.array(dissentSchema),
  /** Whether the plan matches an option the engine rated recommended/consider; null when not assessed. */
  concordant: z.boolean().nullable(),
  /** Reason recorded when the plan goes against the engine's rating. */
  override_reason: z.string().nullable(),
  patient_preference_discussed: z.boolean().nullable(),
  recorded_by: z.string(),
  recorded_at: instant,
});
export type MinutesDecision = z.infer<typeof decisionSchema>;

export const actionSchema = z.object({
  description: z.string(),
  owner: z.string(),
  due_date: isoDate.nullable(),
});
export type MinutesAction = z.infer<typeof actionSchema>;

export const amendmentSchema = z.object({
  /** What changed ("Follow-up date: 2027-04-02 → 2027-04-16"). */
  what: z.string(),
  reason: z.string(),
  by: z.string(),
  at: instant,
});
export type MinutesAmendment = z.infer<typeof amendmentSchema>;

export const minutesCaseSchema = z.object({
  case_id: z.number().int().positive(),
  /** 1-based position on the agenda; the case's number in the minutes. */
  item: z.number().int().positive(),
  patient: patientIdentifiersSchema,
  referring_clinician: z.string(),
  presenter: z.string().nullable(),
  /** Primary tumour label and diagnosis text. */
  diagnosis: z.string(),
  question: z.string(),
  clinical_summary: z.string(),
  derived: z.array(derivedScoreSchema),
  /** The options exactly as the board saw them (the stored snapshot), in the engine's order. */
  options: z.array(optionRowSchema),
  flags: z.array(flagSchema),
  /** Facts the engine said it lacked when the board saw the case (labels as the case form shows them), from the same snapshot. */
  missing_facts: z.array(z.string()),
  /** Listed through the completeness gate with an override (null when the case was ready). */
  listing_override: listingOverrideSchema.nullable(),
  /** Version of the engine that produced this case's snapshot. */
  engine_version: z.string().nullable(),
  /** Null when the case was listed but no decision was recorded (deferred / not discussed). */
  decision: decisionSchema.nullable(),
  /** Said in place of a decision when there is none ("Deferred to next meeting: imaging awaited"). */
  no_decision_note: z.string().nullable(),
  actions: z.array(actionSchema),
  follow_up_date: isoDate.nullable(),
  amendments: z.array(amendmentSchema),
});
export type MinutesCase = z.infer<typeof minutesCaseSchema>;

export const evidenceReferenceSchema = z.object({
  id: z.string(),
  /** One-line citation (catalogue `formatCitation`). */
  citation: z.string(),
  short_name: z.string(),
});
export type EvidenceReference = z.infer<typeof evidenceReferenceSchema>;

export const signOffSchema = z.object({
  name: z.string(),
  signed_at: instant,
  /**
   * The audit row that recorded the signature (the head of the audit log at that moment): its id and the first
   * 12 digits of its hash, printed so a paper copy can be checked against the database later (`tumour-board
   * audit --row N`). Absent for documents built without a database (samples).
   */
  audit: z.object({ row: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{12}$/) }).nullable().optional(),
});
export type MinutesSignOff = z.infer<typeof signOffSchema>;

/**
 * The state of the signed PDF: `not_signed` while a draft; `signed` once the chair has signed (the file's
 * SHA-256 is recorded in the audit log when it is exported; a PDF cannot carry its own hash).
 */
export const pdfStatusSchema = z.object({
  state: z.enum(['not_signed', 'signed']),
  note: z.string(),
});

export const engineInfoSchema = z.object({
  /** Engine version(s) of the snapshots the board saw (usually one). */
  engine_versions: z.array(z.string()),
  catalogue_version: z.string().nullable(),
  disclaimer: z.string(),
});

export const minutesDocumentSchema = z.object({
  clock: clockSchema,
  meeting: meetingDetailsSchema,
  attendees: z.array(attendeeSchema),
  quorum: quorumSchema,
  cases: z.array(minutesCaseSchema),
  /** Every evidence id cited anywhere in the document, in order of first citation. */
  evidence: z.array(evidenceReferenceSchema),
  engine: engineInfoSchema,
  /** Null until the chair signs: the document is a DRAFT (running header and watermark say so). */
  sign_off: signOffSchema.nullable(),
  pdf: pdfStatusSchema,
  /** When this document was built (printed in the footer block of the last page). */
  generated_at: instant,
  /** The confidentiality notice of the running footer. */
  confidentiality: z.string(),
});
export type MinutesDocument = z.infer<typeof minutesDocumentSchema>;

/** The letterhead of outcome letters (board settings). */
export const letterheadSchema = z.object({
  hospital: z.string(),
  address: z.string(),
  /** A data: URL of the logo (the admin's, or the bundled one), or null for none. */
  logo: z.string().nullable(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;

/** The outcome letter for one case, addressed to the referring clinician. */
export const outcomeLetterSchema = z.object({
  clock: clockSchema,
  letterhead: letterheadSchema,
  meeting: meetingDetailsSchema,
  recipient: z.string(),
  case: minutesCaseSchema,
  evidence: z.array(evidenceReferenceSchema),
  engine: engineInfoSchema,
  sign_off: signOffSchema.nullable(),
  generated_at: instant,
  confidentiality: z.string(),
});
export type OutcomeLetter = z.infer<typeof outcomeLetterSchema>;

export const DEFAULT_CONFIDENTIALITY = 'CONFIDENTIAL: contains patient-identifiable information. For the care team only.';

export const isDraft = (doc: { sign_off: MinutesSignOff | null }): boolean => doc.sign_off === null;

/** The evidence references a set of cases cites, in order of first citation (ids unknown to `lookup` kept with a note). */
export function citedReferences(
  cases: readonly Pick<MinutesCase, 'options'>[],
  lookup: (id: string) => { citation: string; short_name: string } | undefined,
): EvidenceReference[] {
  const seen = new Map<string, EvidenceReference>();
  for (const c of cases) {
    for (const o of c.options) {
      // The evidence of each side of a conflict is listed too, so the conflict's references resolve.
      for (const id of [...o.evidence, ...(o.conflicts ?? []).flatMap((k) => k.sides.flatMap((sd) => sd.evidence))]) {
        if (seen.has(id)) continue;
        const found = lookup(id);
        seen.set(id, { id, citation: found?.citation ?? 'Not in the current evidence catalogue (cited by an earlier engine version).', short_name: found?.short_name ?? id });
      }
    }
  }
  return [...seen.values()];
}

const NO_LETTERHEAD: Letterhead = { hospital: '', address: '', logo: null };

/** The letter for one case of a minutes document (the same data, the same sign-off). */
export function letterFromMinutes(doc: MinutesDocument, caseId: number, letterhead: Letterhead = NO_LETTERHEAD): OutcomeLetter | undefined {
  const c = doc.cases.find((x) => x.case_id === caseId);
  if (!c) return undefined;
  const cited = new Set(c.options.flatMap((o) => o.evidence));
  return {
    clock: doc.clock,
    letterhead,
    meeting: doc.meeting,
    recipient: c.referring_clinician,
    case: c,
    evidence: doc.evidence.filter((e) => cited.has(e.id)),
    engine: { ...doc.engine, engine_versions: c.engine_version ? [c.engine_version] : doc.engine.engine_versions },
    sign_off: doc.sign_off,
    generated_at: doc.generated_at,
    confidentiality: doc.confidentiality,
  };
}
