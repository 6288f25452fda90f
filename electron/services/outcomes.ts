/**
 * Outcomes behind the API: thin over db/repositories/outcomes.ts (which owns transactions and audit rows) and
 * the registry export. Who acts (`ctx.actor`) is named in every audit row.
 */
import type { DbLike as Db } from '../../db/sql/port';
import {
  caseTimeline, getDecisionOutcomes, listCaseOutcomes, recordAssessment, recordEvent, recordToxicity, retractOutcome,
} from '../../db/repositories/outcomes';
import type { outcomeOperations } from '../../shared/api/outcomes';
import type { Handlers } from '../../shared/api';
import { buildRegistryExport } from '../exports/registry';

export type OutcomeHandlers = Pick<Handlers, keyof typeof outcomeOperations>;

export function outcomeHandlers(db: Db): OutcomeHandlers {
  return {
    'outcomes.get': ({ decision_id }) => getDecisionOutcomes(db, decision_id),
    'outcomes.list': ({ case_id }) => listCaseOutcomes(db, case_id),
    'outcomes.recordAssessment': (input, ctx) => recordAssessment(db, input, ctx.actor),
    'outcomes.recordToxicity': (input, ctx) => recordToxicity(db, input, ctx.actor),
    'outcomes.recordEvent': (input, ctx) => recordEvent(db, input, ctx.actor),
    'outcomes.retract': (input, ctx) => retractOutcome(db, input, ctx.actor),
    'outcomes.timeline': ({ case_id }) => caseTimeline(db, case_id),
    'exports.registry': () => buildRegistryExport(db),
  };
}
