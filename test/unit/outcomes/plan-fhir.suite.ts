/** The plans in the registry bundle and a case's FHIR bundle of a demo board, on either engine (plan-fhir.test.ts runs it on SQLite, plan-fhir.pg.test.ts on PostgreSQL). */
import type { Bundle, MedicationRequest, Procedure } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppContext } from '../../../electron/app/context';
import type { BoardStore } from '../../../electron/host/board';
import { buildRegistryExport } from '../../../electron/exports/registry';
import { PLAN_CODE_SYSTEM, PLAN_PROFILE, PLAN_RESOURCE_KIND } from '../../../electron/exports/plan-resource';
import type { Plan } from '../../../shared/domain/meeting';
import { planLabel } from '../../../shared/vocabulary';
import { seatCtx } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';
import { implement, openDemo, type DemoDecision } from './helpers';
import { stmt } from '../../../db/statements';

export function planExportsSuite(engine: Engine): void {
  const fixture = useEngine(engine);
  describe(`plans in the exports on ${engine}`, () => {
    let store: BoardStore;
    let decisions: DemoDecision[] = [];
    beforeAll(() => {
      const demo = openDemo(fixture);
      store = demo.store;
      decisions = demo.decisions;
      const first = decisions[0];
      if (!first) throw new Error('demo has no signed decision');
      implement(demo.db, first, 3);
      demo.db.close();
    });

    const planOf = (id: number, app: AppContext): Plan =>
      (stmt(app.db, 'SELECT plan FROM decisions WHERE id = ?').pluck().get(id) as Plan);

    it('the registry bundle carries the carried-out plan with its label and profile', async () => {
      const app = fixture.app({ store, transport: 'cli' });
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
      const app = fixture.app({ store, transport: 'cli' });
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
}
