/** Helpers the meetings screens share: meeting times and API failures. Their words come from shared/vocabulary. */
import type { ApiErrorCode } from '../../../shared/api';
import { ApiError } from '../../../shared/api';
import { readableError } from '../../../shared/vocabulary';
import { formatWall, todayIn, type Clock } from '../../../shared/time/clock';

/** "3 Mar 2026, 16:00 CET" from the meeting's wall-clock `YYYY-MM-DDTHH:MM`, in the board's zone and locale. */
export const formatWhen = (scheduledAt: string, clock: Clock): string => formatWall(scheduledAt, clock);

export interface Failure { code: ApiErrorCode; message: string; field: string | undefined }
export const failureOf = (error: unknown): Failure => (error instanceof ApiError
  ? { code: error.code, message: readableError(error.message, error.field), field: error.field }
  : { code: 'INTERNAL', message: error instanceof Error ? error.message : 'unknown error', field: undefined });

/** Today as YYYY-MM-DD in the board's zone: the one today of the product (shared/time/clock.ts). */
export const today = (clock: Clock): string => todayIn(clock.time_zone);
