/**
 * Demo meetings (synthetic, deterministic for a given day): board profiles, one SIGNED meeting two weeks ago with
 * 22 decided cases (a case listed with a completeness-gate override, a dissent, a discordant plan with its reason, actions, an amendment after sign-off) and one
 * PLANNED meeting next week being prepared (ready cases, an override, a standard-of-care item, a carried-forward
 * patient). Everything goes through the repositories, so audit rows and seals are as the app writes them.
 */
import type { DbLike as Db } from '../../db/sql/port';
import { amendDecision, recordDecision } from '../../db/repositories/decisions';
import { getCase, updateCase } from '../../db/repositories/cases';
import {
  addCaseToMeeting, carryForwardCase, createMeeting, readinessFor, requireMeeting, transitionMeeting,
} from '../../db/repositories/meetings';
import { actorOf, createProfile } from '../../db/repositories/profiles';
import type { DecisionContentInput, Intent, Plan, Profile, Specialty } from '../../shared/domain/meeting';
import { evaluate } from '../../shared/engine/evaluate';
import { engineTextInWords } from '../../shared/vocabulary';
import { stmt } from '../../db/statements';

/** Demo meetings are added when the demo has at least this many cases (smaller demos stay case-only). */
export const DEMO_MEETINGS_MIN_CASES = 100;
export const DEMO_BOARD = 'Liver & HPB tumour board';

const PEOPLE: { name: string; specialty: Specialty; role: Profile['role'] }[] = [
  { name: 'Dr. Helena Marsh', specialty: 'surgery', role: 'chair' },
  { name: 'Priya Natarajan', specialty: 'coordinator', role: 'coordinator' },
  { name: 'Dr. Tomás Ibarra', specialty: 'medical_oncology', role: 'member' },
  { name: 'Dr. Ines Kowalczyk', specialty: 'interventional_radiology', role: 'member' },
  { name: 'Dr. Samuel Okafor', specialty: 'diagnostic_radiology', role: 'member' },
  { name: 'Dr. Mei-Ling Cho', specialty: 'hepatology', role: 'member' },
  { name: 'Dr. Anders Lund', specialty: 'pathology', role: 'member' },
];

function isoDay(base: Date, offsetDays: number): string {
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate() + offsetDays));
  return d.toISOString().slice(0, 10);
}

const INTENT_FOR: Partial<Record<Plan, Intent>> = {
  SYSTEMIC_STANDARD: 'palliative', SYSTEMIC_MAINTENANCE: 'palliative', BEST_SUPPORTIVE_CARE: 'symptom_control',
  Y90_WITH_FIRST_LINE_CHEMO: 'consolidation', resection: 'curative', ablation: 'curative', further_workup: 'palliative',
};

export function seedDemoMeetings(db: Db, today = new Date(), now = new Date().toISOString()): { signed: number; planned: number } | null {
  const caseIds = stmt(db, 'SELECT id FROM cases WHERE primary_tumor IS NOT NULL ORDER BY id LIMIT 34').pluck().all() as number[];
  if (caseIds.length < 30) return null;
  const profiles = PEOPLE.map((p) => createProfile(db, p, null, now));
  const [chair, coordinator] = profiles;
  if (!chair || !coordinator) return null;
  const asChair = actorOf(chair);
  const asCoordinator = actorOf(coordinator);
  const attendees = profiles.map((p, i) => ({
    profile_id: p.id, name: p.name, specialty: p.specialty, attendance: i === 6 ? 'apologies' as const : 'attended' as const,
  }));

  const todayIso = isoDay(today, 0);
  const notAfter = (d: string, limit: string) => (d > limit ? limit : d);
  /** Imaging and labs dated relative to a meeting, so the gate passes (or, for `stale`, fails on imaging). */
  const dateCase = (caseId: number, meetingDay: string, stale = false) => {
    const c = getCase(db, caseId);
    if (!c) return;
    const base = new Date(`${meetingDay}T00:00:00Z`);
    const { id, version, patient, created_at: _c, updated_at: _u, ...input } = c;
    updateCase(db, {
      id, version, patient: { identifier: patient.identifier, family_name: patient.family_name, given_name: patient.given_name, birth_date: patient.birth_date, sex: patient.sex },
      // Never after today: a date in the future cannot be true (and is refused).
      case: { ...input, last_imaging_date: notAfter(isoDay(base, stale ? -90 : -12 - (caseId % 20)), todayIso), last_labs_date: notAfter(isoDay(base, -3 - (caseId % 7)), todayIso) },
    }, asCoordinator.label, now);
  };
  const list = (meetingId: number, meetingDay: string, caseId: number, extra: { standard_of_care?: boolean; presenter?: string } = {}) => {
    const readiness = readinessFor(db, meetingId, caseId);
    return addCaseToMeeting(db, {
      meeting_id: meetingId, case_id: caseId, minutes_allotted: 8 + (caseId % 3) * 2, presenter: extra.presenter ?? profiles[2 + (caseId % 3)]?.name ?? '',
      standard_of_care: extra.standard_of_care ?? false,
      ...(readiness.ready ? {} : { override_reason: 'Listed at the referrer\'s request although the latest imaging is older than the board\'s limit: new imaging is booked and will be shown at the meeting.' }),
    }, asCoordinator, now);
  };

  // -- the signed meeting, two weeks ago
  const signedDay = isoDay(today, -14);
  let signed = createMeeting(db, {
    board: DEMO_BOARD, scheduled_at: `${signedDay}T16:00`, location: 'Seminar room 3, level 2', video_link: '',
    chair_profile_id: chair.id, coordinator_profile_id: coordinator.id, attendees,
  }, asCoordinator, now);
  const signedCases = caseIds.slice(0, 22);
  // One case is listed through the completeness gate with an override (stale imaging), so the signed minutes show one.
  signedCases.forEach((id, i) => dateCase(id, signedDay, i === 7));
  const items = signedCases.map((id) => list(signed.id, signedDay, id));
  signed = transitionMeeting(db, signed.id, signed.version, 'start', asChair, now);
  let discordantDone = false;
  items.forEach((item, i) => {
    const facts = getCase(db, item.case_id)?.facts ?? {};
    const out = evaluate(facts);
    const favoured = out.options.find((o) => o.strength === 'recommended') ?? out.options.find((o) => o.strength === 'consider');
    const against = out.options.find((o) => o.strength === 'not_recommended');
    let plan: Plan = favoured?.option ?? 'further_workup';
    let discordance: string | null = null;
    if (i >= 5 && !discordantDone && against) {
      discordantDone = true;
      plan = against.option;
      discordance = 'Patient declined systemic therapy after a full discussion; the board accepts the higher-risk liver-directed option with close monitoring.';
    }
    if (i === 9) plan = 'resection';
    const content: DecisionContentInput = {
      plan, plan_detail: plan === 'further_workup' ? 'Complete the work-up, then re-list' : '', intent: INTENT_FOR[plan] ?? 'palliative',
      rationale: favoured && plan === favoured.option ? `Board agrees with the evidence: ${engineTextInWords(favoured.rationale)}` : 'See discussion; individualised plan.',
      consensus: i === 3 ? 'majority' : 'unanimous',
      dissent: i === 3 ? [{ name: 'Dr. Tomás Ibarra', specialty: 'medical_oncology', view: 'Would continue systemic therapy for two more cycles before any liver-directed treatment.' }] : [],
      actions: [{ what: 'Book treatment and inform the referring clinician', owner: coordinator.name, due_date: isoDay(today, -7 + (i % 10)) }],
      follow_up_date: isoDay(today, 28 + i), patient_preference_discussed: i % 4 !== 1, discordance_reason: discordance,
    };
    recordDecision(db, { agenda_item_id: item.id, ...content }, actorOf(profiles[2 + (i % 3)] ?? chair), now);
  });
  signed = requireMeeting(db, signed.id);
  signed = transitionMeeting(db, signed.id, signed.version, 'conclude', asChair, now);
  signed = transitionMeeting(db, signed.id, signed.version, 'sign', asChair, now);
  const firstDecision = stmt(db, 'SELECT id FROM decisions WHERE meeting_id = ? ORDER BY id LIMIT 1').pluck().get(signed.id) as number;
  amendDecision(db, {
    decision_id: firstDecision, reason: 'Follow-up date corrected: the imaging slot offered is a week later.',
    changes: { follow_up_date: isoDay(today, 35) },
  }, asChair, now);

  // -- the planned meeting, next week, being prepared
  const plannedDay = isoDay(today, 7);
  const planned = createMeeting(db, {
    board: DEMO_BOARD, scheduled_at: `${plannedDay}T16:00`, location: 'Seminar room 3, level 2', video_link: 'https://video.example.invalid/liver-mdt',
    chair_profile_id: chair.id, coordinator_profile_id: coordinator.id, attendees: attendees.map((a) => ({ ...a, attendance: 'attended' as const })),
  }, asCoordinator, now);
  const plannedCases = caseIds.slice(22, 30);
  plannedCases.forEach((id, i) => dateCase(id, plannedDay, i === 2));
  plannedCases.forEach((id, i) => list(planned.id, plannedDay, id, { standard_of_care: i === 4 }));
  // A patient from the signed meeting re-listed for review of their response.
  const relist = signedCases[1];
  if (relist !== undefined) carryForwardCase(db, { case_id: relist, meeting_id: planned.id, override_reason: 'Re-listed to review response; new imaging booked before the meeting.' }, asCoordinator, now);
  return { signed: signed.id, planned: planned.id };
}
