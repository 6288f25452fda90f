/** Words a board member reads for the meetings vocabulary (shared/domain/meeting.ts). */
import type { ApiErrorCode } from '../../../shared/api';
import { ApiError } from '../../../shared/api';
import {
  isEnginePlan, PLAN_TYPE_LABELS, type Concordance, type Consensus, type Implementation, type Intent, type MeetingStatus, type Plan, type Role,
} from '../../../shared/domain/meeting';
import { OPTION_LABELS } from '../evidence/labels';

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned', in_progress: 'In progress', concluded: 'Concluded', signed: 'Signed',
};
export const ROLE_LABELS: Record<Role, string> = { coordinator: 'Coordinator', member: 'Board member', chair: 'Chair' };
export const INTENT_LABELS: Record<Intent, string> = {
  curative: 'Curative', palliative: 'Palliative', bridging_to_transplant: 'Bridging to transplant',
  consolidation: 'Consolidation', symptom_control: 'Symptom control',
};
export const CONSENSUS_LABELS: Record<Consensus, string> = { unanimous: 'Unanimous', majority: 'Majority' };
export const CONCORDANCE_LABELS: Record<Concordance, string> = {
  concordant: 'Concordant with the engine', discordant: 'Discordant with the engine', not_assessed: 'Not assessed (plan outside the engine’s options)',
};
export const IMPLEMENTATION_LABELS: Record<Implementation, string> = { pending: 'Pending', implemented: 'Implemented', changed: 'Changed' };

export const planLabel = (plan: Plan): string => (isEnginePlan(plan) ? OPTION_LABELS[plan] : PLAN_TYPE_LABELS[plan]);

/** "Tue 3 Mar 2026, 16:00" from the meeting's local `YYYY-MM-DDTHH:MM`. */
export function formatWhen(scheduledAt: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(scheduledAt);
  if (!m) return scheduledAt;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${day}, ${m[4]}:${m[5]}`;
}

export interface Failure { code: ApiErrorCode; message: string; field: string | undefined }
export const failureOf = (error: unknown): Failure => (error instanceof ApiError
  ? { code: error.code, message: error.message, field: error.field }
  : { code: 'INTERNAL', message: error instanceof Error ? error.message : 'unknown error', field: undefined });

/** Today as YYYY-MM-DD in local time. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
