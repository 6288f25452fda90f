/**
 * The board's plans in FHIR: every plan word maps to an mCODE-profiled resource where one fits (surgery and
 * ablation → CancerRelatedSurgicalProcedure, SBRT / Y-90 / PRRT → CancerRelatedRadiationProcedure, systemic
 * therapy → CancerRelatedMedicationRequest), carries the clinician's label as display and text and the word as
 * its code; the registry bundle and a case's bundle (exports.caseFhir) carry them (plan-fhir.suite.ts, both engines).
 */
import { describe, expect, it } from 'vitest';
import { PLAN_CODE_SYSTEM, PLAN_PROFILE, PLAN_RESOURCE_KIND, planResource } from '../../../electron/exports/plan-resource';
import { PLANS } from '../../../shared/domain/meeting';
import { planLabel } from '../../../shared/vocabulary';
import { planExportsSuite } from './plan-fhir.suite';

const subject = { reference: 'Patient/p1' };
const MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition';

describe('plan → FHIR resource', () => {
  it.each([
    ['RESECTION', 'Procedure', `${MCODE}/mcode-cancer-related-surgical-procedure`],
    ['ABLATION', 'Procedure', `${MCODE}/mcode-cancer-related-surgical-procedure`],
    ['LIVER_TRANSPLANT_EVALUATION', 'Procedure', `${MCODE}/mcode-cancer-related-surgical-procedure`],
    ['SBRT', 'Procedure', `${MCODE}/mcode-cancer-related-radiation-procedure`],
    ['Y90_TARE', 'Procedure', `${MCODE}/mcode-cancer-related-radiation-procedure`],
    ['LU177_PRRT', 'Procedure', `${MCODE}/mcode-cancer-related-radiation-procedure`],
    ['ATEZOLIZUMAB_BEVACIZUMAB', 'MedicationRequest', `${MCODE}/mcode-cancer-related-medication-request`],
    ['DURVALUMAB_TREMELIMUMAB', 'MedicationRequest', `${MCODE}/mcode-cancer-related-medication-request`],
    ['TEBENTAFUSP', 'MedicationRequest', `${MCODE}/mcode-cancer-related-medication-request`],
    ['sbrt', 'Procedure', `${MCODE}/mcode-cancer-related-radiation-procedure`],
    ['DEB_TACE', 'Procedure', undefined],
    ['BEST_SUPPORTIVE_CARE', 'Procedure', undefined],
  ] as const)('%s is a %s profiled %s', (plan, type, profile) => {
    const r = planResource({ id: 'x', plan, subject, state: 'planned' });
    expect(r.resourceType).toBe(type);
    expect(r.meta?.profile?.[0]).toBe(profile);
  });

  it('gives every plan word its label as display and text, the word as the code, and a status for each state', () => {
    for (const plan of PLANS) {
      const done = planResource({ id: 'x', plan, subject, state: 'completed' });
      const planned = planResource({ id: 'y', plan, subject, state: 'planned' });
      const concept = done.resourceType === 'MedicationRequest' ? done.medicationCodeableConcept : done.code;
      expect(concept).toEqual({ coding: [{ system: PLAN_CODE_SYSTEM, code: plan, display: planLabel(plan) }], text: planLabel(plan) });
      expect(concept?.text).not.toMatch(/_/);
      expect(done.status).toBe('completed');
      if (planned.resourceType === 'MedicationRequest') expect([planned.status, planned.intent]).toEqual(['active', 'plan']);
      else expect(planned.status).toBe('preparation');
      const kind = PLAN_RESOURCE_KIND[plan];
      expect(done.meta?.profile?.[0]).toBe(PLAN_PROFILE[kind] ?? undefined);
    }
  });
});

planExportsSuite('sqlite');
