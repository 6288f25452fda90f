/** Board meetings behind the API (stub while the repositories are built; see shared/api/meetings.ts). */
import type { Db } from '../../db/connection';
import { meetingOperations } from '../../shared/api/meetings';
import { DomainError } from '../../shared/errors';
import type { Handlers } from '../api/dispatcher';

type MeetingOpName = keyof typeof meetingOperations;
export type MeetingHandlers = Pick<Handlers, MeetingOpName>;

export function meetingHandlers(_db: Db): MeetingHandlers {
  const notYet = (): never => {
    throw new DomainError('INTERNAL', 'not implemented yet');
  };
  const out: Partial<Record<MeetingOpName, () => never>> = {};
  for (const name of Object.keys(meetingOperations) as MeetingOpName[]) out[name] = notYet;
  return out as MeetingHandlers;
}
