/** Outcomes after a decision (response, toxicity, progression, death), the case timeline, the registry export. */
import { z } from 'zod';
import {
  assessmentInputSchema, assessmentSchema, decisionOutcomesSchema, eventInputSchema, outcomeEventSchema, registryExportSchema,
  retractInputSchema, timelineSchema, toxicityInputSchema, toxicitySchema,
} from '../domain/outcomes';
import { ROLE_GROUPS, SIGNED_IN } from './access';
import { op } from './op';

const id = z.number().int().positive();

export const outcomeOperations = {
  /** Everything recorded after one decision (retracted entries included, marked). */
  'outcomes.get': op(z.strictObject({ decision_id: id }), decisionOutcomesSchema, SIGNED_IN),
  /** Per decision of the case. */
  'outcomes.list': op(z.strictObject({ case_id: id }), z.array(decisionOutcomesSchema), SIGNED_IN),
  /** Lesion measurements in; RECIST 1.1 or mRECIST (from the case's primary) computed and stored with them. */
  'outcomes.recordAssessment': op(assessmentInputSchema, assessmentSchema, ROLE_GROUPS.outcomes),
  'outcomes.recordToxicity': op(toxicityInputSchema, toxicitySchema, ROLE_GROUPS.outcomes),
  /** Hepatic progression, overall progression or death (one of each; retract to correct). */
  'outcomes.recordEvent': op(eventInputSchema, outcomeEventSchema, ROLE_GROUPS.outcomes),
  /** Retracts an entry made in error (once, with a reason); returns the decision's outcomes. */
  'outcomes.retract': op(retractInputSchema, decisionOutcomesSchema, ROLE_GROUPS.outcomes),
  /** Referral, meetings and decisions, follow-up, assessments, toxicities, progression and death, by date. */
  'outcomes.timeline': op(z.strictObject({ case_id: id }), timelineSchema, SIGNED_IN),
  /** De-identified registry export of treated cases: CSV text, FHIR Bundle JSON and the manifest of what was removed. */
  'exports.registry': op(z.strictObject({}), registryExportSchema, ROLE_GROUPS.data),
} as const;
