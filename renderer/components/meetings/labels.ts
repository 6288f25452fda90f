/** Helpers the meetings screens share: meeting times and API failures. Their words come from shared/vocabulary. */
import type { ApiErrorCode } from '../../../shared/api';
import { ApiError } from '../../../shared/api';
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
