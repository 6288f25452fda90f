/**
 * A board's plan as the FHIR resource an EHR or a registry expects, with the mCODE profile where one fits:
 * surgery and ablation as CancerRelatedSurgicalProcedure, external-beam and internal radiation (SBRT, Y-90,
 * 177Lu-PRRT) as CancerRelatedRadiationProcedure, named or guideline systemic therapy as
 * CancerRelatedMedicationRequest. Transarterial chemo-/bland embolisation, trials and supportive care have no
 * mCODE profile and stay plain Procedures. The code is the plan word (for machines) with the clinician's label
 * as its display and text (for people).
 */
import type { CodeableConcept, MedicationRequest, Patient, Procedure, Reference } from '@medplum/fhirtypes';
import type { Plan } from '../../shared/domain/meeting';
import { planLabel } from '../../shared/vocabulary';

const MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition';
/** The code system of the board's plan words (options of the evidence engine and plan types outside it). */
export const PLAN_CODE_SYSTEM = 'urn:tumour-board:plan';

export type PlanResourceKind = 'surgical' | 'radiation' | 'medication' | 'procedure';

export const PLAN_RESOURCE_KIND: Record<Plan, PlanResourceKind> = {
  // Surgery, ablation, transplant: CancerRelatedSurgicalProcedure.
  RESECTION: 'surgical', ABLATION: 'surgical', LIVER_TRANSPLANT_EVALUATION: 'surgical', HAI_PUMP: 'surgical',
  resection: 'surgical', ablation: 'surgical', transplant_referral: 'surgical',
  // Radiation delivered to the tumour, external or internal: CancerRelatedRadiationProcedure.
  SBRT: 'radiation', sbrt: 'radiation', Y90_TARE: 'radiation', Y90_WITH_FIRST_LINE_CHEMO: 'radiation',
  Y90_WITH_SECOND_LINE_CHEMO: 'radiation', LU177_PRRT: 'radiation',
  // Systemic therapy: CancerRelatedMedicationRequest.
  SYSTEMIC_STANDARD: 'medication', SYSTEMIC_MAINTENANCE: 'medication', PERIOPERATIVE_CHEMO: 'medication',
  CONVERSION_SYSTEMIC: 'medication', ATEZOLIZUMAB_BEVACIZUMAB: 'medication', DURVALUMAB_TREMELIMUMAB: 'medication',
  LENVATINIB_OR_SORAFENIB: 'medication', SECOND_LINE_HCC_SYSTEMIC: 'medication', TEBENTAFUSP: 'medication',
  // No mCODE profile fits: plain Procedure.
  CTACE_LIPIODOL: 'procedure', DEB_TACE: 'procedure', TACE_ANY: 'procedure', BLAND_TAE: 'procedure',
  TACE_PLUS_SYSTEMIC: 'procedure', LIVER_DIRECTED_ANY: 'procedure', HEPATIC_PERFUSION: 'procedure',
  TRIAL_OR_REGISTRY: 'procedure', BEST_SUPPORTIVE_CARE: 'procedure', further_workup: 'procedure', other: 'procedure',
};

export const PLAN_PROFILE: Record<PlanResourceKind, string | null> = {
  surgical: `${MCODE}/mcode-cancer-related-surgical-procedure`,
  radiation: `${MCODE}/mcode-cancer-related-radiation-procedure`,
  medication: `${MCODE}/mcode-cancer-related-medication-request`,
  procedure: null,
};

export function planConcept(plan: Plan): CodeableConcept {
  const label = planLabel(plan);
  return { coding: [{ system: PLAN_CODE_SYSTEM, code: plan, display: label }], text: label };
}

export interface PlanResourceInput {
  id: string;
  plan: Plan;
  subject: Reference<Patient>;
  /** completed: carried out; planned: decided, not yet done; unknown: the registry does not know. */
  state: 'completed' | 'planned' | 'unknown';
  reasonText?: string;
  notes?: readonly string[];
  extension?: Procedure['extension'];
}

/** The plan as a Procedure or a MedicationRequest, profiled by mCODE where a profile fits. */
export function planResource(input: PlanResourceInput): Procedure | MedicationRequest {
  const kind = PLAN_RESOURCE_KIND[input.plan];
  const profile = PLAN_PROFILE[kind];
  const meta = profile ? { meta: { profile: [profile] } } : {};
  const note = input.notes?.length ? { note: input.notes.map((text) => ({ text })) } : {};
  const extension = input.extension?.length ? { extension: input.extension } : {};
  if (kind === 'medication') {
    return {
      resourceType: 'MedicationRequest', id: input.id, ...meta, ...extension,
      status: input.state === 'completed' ? 'completed' : input.state === 'planned' ? 'active' : 'unknown',
      intent: input.state === 'planned' ? 'plan' : 'order',
      medicationCodeableConcept: planConcept(input.plan), subject: input.subject,
      ...(input.reasonText ? { reasonCode: [{ text: input.reasonText }] } : {}), ...note,
    };
  }
  return {
    resourceType: 'Procedure', id: input.id, ...meta, ...extension,
    status: input.state === 'completed' ? 'completed' : input.state === 'planned' ? 'preparation' : 'unknown',
    code: planConcept(input.plan), subject: input.subject,
    ...(input.reasonText ? { reasonCode: [{ text: input.reasonText }] } : {}), ...note,
  };
}
