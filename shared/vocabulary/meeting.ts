/** Words a clinician reads for the meetings vocabulary (shared/domain/meeting.ts). */
import type {
  Concordance, Consensus, Implementation, Intent, MeetingStatus, Plan, PlanType, Role, Specialty,
} from '../domain/meeting';
import { optionLabel } from './engine';
import { humanise } from './humanise';

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  medical_oncology: 'Medical oncology', interventional_radiology: 'Interventional radiology', surgery: 'Surgery',
  diagnostic_radiology: 'Diagnostic radiology', pathology: 'Pathology', hepatology: 'Hepatology / gastroenterology',
  nuclear_medicine: 'Nuclear medicine', radiation_oncology: 'Radiation oncology', nursing: 'Nursing',
  coordinator: 'Coordinator', other: 'Other',
};

export const ROLE_LABELS: Record<Role, string> = { coordinator: 'Coordinator', member: 'Board member', chair: 'Chair' };

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned', in_progress: 'In progress', concluded: 'Concluded', signed: 'Signed',
};

export const INTENT_LABELS: Record<Intent, string> = {
  curative: 'Curative', palliative: 'Palliative', bridging_to_transplant: 'Bridging to transplant',
  consolidation: 'Consolidation', symptom_control: 'Symptom control',
};

export const CONSENSUS_LABELS: Record<Consensus, string> = { unanimous: 'Unanimous', majority: 'Majority' };

export const CONCORDANCE_LABELS: Record<Concordance, string> = {
  concordant: 'Concordant with the engine', discordant: 'Discordant with the engine',
  not_assessed: 'Not assessed (plan outside the engine’s options)',
};

export const IMPLEMENTATION_LABELS: Record<Implementation, string> = { pending: 'Pending', implemented: 'Implemented', changed: 'Changed' };

/** Plans outside the engine's options. */
export const PLAN_TYPE_LABELS: Record<PlanType, string> = {
  resection: 'Resection', ablation: 'Ablation', sbrt: 'Stereotactic body radiotherapy (SBRT)',
  transplant_referral: 'Transplant referral', further_workup: 'Further work-up', other: 'Other',
};

/**
 * A plan as a clinician reads it: an engine option's label or a plan type's, with the free-text detail after a
 * colon. Takes a stored word too (a plan recorded by another version is made readable, never printed as a code).
 */
export function planLabel(plan: Plan | string, detail = ''): string {
  const label = Object.hasOwn(PLAN_TYPE_LABELS, plan) ? PLAN_TYPE_LABELS[plan as PlanType] : optionLabel(plan);
  return detail.trim() ? `${label}: ${detail.trim()}` : label;
}

/** An intent as a clinician reads it, from a stored word. */
export const intentLabel = (word: string): string => (Object.hasOwn(INTENT_LABELS, word) ? INTENT_LABELS[word as Intent] : humanise(word));

/** The decision's fields as the decision form labels them (amendments and error messages name fields this way). */
export const DECISION_FIELD_LABELS: Readonly<Record<string, string>> = {
  plan: 'Plan', plan_detail: 'Plan detail', intent: 'Intent', rationale: 'Rationale', consensus: 'Consensus', dissent: 'Dissent',
  actions: 'Actions', follow_up_date: 'Follow-up date', patient_preference_discussed: 'Patient preference discussed',
  discordance_reason: 'Reason for a plan the engine did not favour',
};
