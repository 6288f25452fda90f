/**
 * The board's plans in FHIR: every plan word maps to an mCODE-profiled resource where one fits (surgery and
 * ablation → CancerRelatedSurgicalProcedure, SBRT / Y-90 / PRRT → CancerRelatedRadiationProcedure, systemic
 * therapy → CancerRelatedMedicationRequest), carries the clinician's label as display and text and the word as
 * its code; the registry bundle and a case's bundle (exports.caseFhir) carry them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Bundle, MedicationRequest, Procedure } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openAppContext } from '../../../electron/app/context';
import { buildRegistryExport } from '../../../electron/exports/registry';
import { PLAN_CODE_SYSTEM, PLAN_PROFILE, PLAN_RESOURCE_KIND, planResource } from '../../../electron/exports/plan-resource';
import { PLANS, type Plan } from '../../../shared/domain/meeting';
import { planLabel } from '../../../shared/vocabulary';
import { seatCtx } from '../helpers/fixtures';
import { implement, openDemo, type DemoDecision } from './helpers';
import { stmt } from '../../../db/statements';

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

describe('plans in the exports', () => {
  let dir = '';
  let file = '';
  let decisions: DemoDecision[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-plan-fhir-'));
    const demo = openDemo(dir);
    file = demo.file;
    decisions = demo.decisions;
    const first = decisions[0];
    if (!first) throw new Error('demo has no signed decision');
    implement(demo.db, first, 3);
    demo.db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const planOf = (id: number, app: ReturnType<typeof openAppContext>): Plan =>
    (stmt(app.db, 'SELECT plan FROM decisions WHERE id = ?').pluck().get(id) as Plan);

  it('the registry bundle carries the carried-out plan with its label and profile', async () => {
    const app = openAppContext({ dbPath: file, transport: 'cli' });
    try {
      const first = decisions[0];
      if (!first) throw new Error('no decision');
      const plan = planOf(first.id, app);
      // k = 1: this checks the plan's mapping on one treated case, which k-anonymity (k = 5) would withhold.
      const reg = buildRegistryExport(app.db, { k: 1 });
      const bundle = JSON.parse(reg.fhir) as Bundle;
      const treatments = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Procedure | MedicationRequest =>
        (r?.resourceType === 'Procedure' || r?.resourceType === 'MedicationRequest') && (r.id ?? '').endsWith('-treatment'));
      expect(treatments).toHaveLength(1);
      const t = treatments[0];
      const concept = t?.resourceType === 'MedicationRequest' ? t.medicationCodeableConcept : t?.code;
      expect(concept?.coding?.[0]).toEqual({ system: PLAN_CODE_SYSTEM, code: plan, display: planLabel(plan) });
      expect(t?.meta?.profile?.[0]).toBe(PLAN_PROFILE[PLAN_RESOURCE_KIND[plan]] ?? undefined);
      expect(t?.status).toBe('completed');
    } finally {
      app.close();
    }
  });

  it('a case bundle (exports.caseFhir) carries each plan the board decided, as planned', async () => {
    const app = openAppContext({ dbPath: file, transport: 'cli' });
    try {
      const first = decisions[0];
      if (!first) throw new Error('no decision');
      const plan = planOf(first.id, app);
      const r = await app.dispatch('exports.caseFhir', { id: first.case_id }, seatCtx('tester'));
      if (!r.ok) throw new Error(r.error.message);
      const bundle = JSON.parse(z.object({ content: z.string() }).parse(r.value).content) as Bundle;
      const planned = (bundle.entry ?? []).map((e) => e.resource).find((x) => x?.id === `case-${first.case_id}-decision-${first.id}`) as Procedure | MedicationRequest | undefined;
      expect(planned).toBeDefined();
      const concept = planned?.resourceType === 'MedicationRequest' ? planned.medicationCodeableConcept : planned?.code;
      expect(concept?.text).toBe(planLabel(plan));
      expect(planned?.resourceType === 'MedicationRequest' ? planned.intent : planned?.status).toBe(planned?.resourceType === 'MedicationRequest' ? 'plan' : 'preparation');
    } finally {
      app.close();
    }
  });
});
