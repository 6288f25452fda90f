/**
 * Outcomes behind the API: thin over db/repositories/outcomes.ts (which owns transactions and audit rows) and
 * the registry export. The audit actor is the transport's caller label (as for imports).
 */
import type { Db } from '../../db/connection';
import {
  caseTimeline, getDecisionOutcomes, listCaseOutcomes, recordAssessment, recordEvent, recordToxicity, retractOutcome,
} from '../../db/repositories/outcomes';
import type { Actor } from '../../db/repositories/profiles';
import type { outcomeOperations } from '../../shared/api/outcomes';
import type { CallContext, Handlers } from '../api/dispatcher';
import { buildRegistryExport } from '../exports/registry';

export type OutcomeHandlers = Pick<Handlers, keyof typeof outcomeOperations>;

const actorOf = (ctx: CallContext): Actor => ({ label: ctx.actor, profileId: null });

export function outcomeHandlers(db: Db): OutcomeHandlers {
  return {
    'outcomes.get': ({ decision_id }) => getDecisionOutcomes(db, decision_id),
    'outcomes.list': ({ case_id }) => listCaseOutcomes(db, case_id),
    'outcomes.recordAssessment': (input, ctx) => recordAssessment(db, input, actorOf(ctx)),
    'outcomes.recordToxicity': (input, ctx) => recordToxicity(db, input, actorOf(ctx)),
    'outcomes.recordEvent': (input, ctx) => recordEvent(db, input, actorOf(ctx)),
    'outcomes.retract': (input, ctx) => retractOutcome(db, input, actorOf(ctx)),
    'outcomes.timeline': ({ case_id }) => caseTimeline(db, case_id),
    'exports.registry': () => buildRegistryExport(db),
  };
}
