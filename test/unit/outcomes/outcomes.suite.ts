/** Outcomes (response, toxicity, events) on the decisions of a demo board, on either engine (outcomes.test.ts: SQLite; outcomes.pg.test.ts: PostgreSQL). */
import { describe, expect, it, beforeAll } from 'vitest';
import { stmt } from '../../../db/statements';
import { sqlDb, type SqlDb } from '../../../db/sql/port';
import type { BoardStore } from '../../../electron/host/board';
import { verifyAuditChain } from '../../../db/audit';
import { verifySeals } from '../../../db/seals';
import {
  caseTimeline, getDecisionOutcomes, recordAssessment, recordEvent, recordToxicity, responseMethodFor, retractOutcome,
} from '../../../db/repositories/outcomes';
import { ACTOR, addDays, implement, openDemo, type DemoDecision } from './helpers';
import { seatCtx } from '../helpers/fixtures';
import { useEngine, type Engine } from '../helpers/engines';

export function outcomesSuite(engine: Engine): void {
  const fixture = useEngine(engine);
  let db: SqlDb;
  let store: BoardStore;
  let decisions: DemoDecision[];
  beforeAll(() => {
    ({ db, store, decisions } = openDemo(fixture));
  });

  const auditCount = () => stmt(db, 'SELECT count(*) FROM audit_log').pluck().get() as number;
  const lastAudit = () => stmt(db, 'SELECT action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; entity: string; entity_id: string };
  const pick = (primary: (p: string) => boolean, skip = 0) => {
    const d = decisions.filter((x) => primary(x.primary))[skip];
    if (!d) throw new Error('demo has no such decision');
    return d;
  };
  const lesions = (...mm: number[]) => mm.map((diameter_mm, i) => ({ id: `L${i + 1}`, diameter_mm }));

  describe(`response method from the primary on ${engine}`, () => {
    it('is mRECIST for HCC, RECIST 1.1 for metastases, none when the primary is unknown', () => {
      expect(responseMethodFor('hcc')).toBe('mrecist');
      expect(responseMethodFor('colorectal')).toBe('recist11');
      expect(responseMethodFor('neuroendocrine')).toBe('recist11');
      expect(responseMethodFor(null)).toBeNull();
    });
  });

  describe(`outcomes on a decision of a signed meeting on ${engine}`, () => {
    it('computes RECIST 1.1 from lesions, stores inputs and result, audits in the same transaction, follows the nadir', () => {
      const d = pick((p) => p !== 'hcc');
      const treated = implement(db, d);
      const now = `${addDays(d.meeting_day, 400)}T12:00:00.000Z`;
      const before = auditCount();
      // 60 + 40 = 100 mm → 42 + 28 = 70 mm: exactly −30 % → PR.
      const a1 = recordAssessment(db, { decision_id: d.id, date: addDays(treated, 90), baseline: lesions(60, 40), current: lesions(42, 28), new_lesions: false }, ACTOR, now);
      expect(a1).toMatchObject({ method: 'recist11', response: 'PR', days_after_treatment: 90, case_id: d.case_id });
      expect(a1.result).toMatchObject({ baseline_sum_mm: 100, nadir_sum_mm: 100, current_sum_mm: 70, change_from_baseline_pct: -30 });
      expect(a1.inputs.current.map((l) => l.diameter_mm)).toEqual([42, 28]);
      expect(auditCount()).toBe(before + 1);
      expect(lastAudit()).toEqual({ action: 'outcome.assessment.record', entity: 'response_assessment', entity_id: String(a1.id) });
      // Nadir 70 taken from the earlier assessment: 84 mm is +20 % and +14 mm → PD.
      const a2 = recordAssessment(db, { decision_id: d.id, date: addDays(treated, 180), baseline: lesions(60, 40), current: lesions(50, 34), new_lesions: false }, ACTOR, now);
      expect(a2.result).toMatchObject({ nadir_sum_mm: 70, current_sum_mm: 84, response: 'PD' });
      // EVIDENCE 3.9: nadir 20 mm → 24 mm is +20 % but only +4 mm → SD under RECIST 1.1.
      const a3 = recordAssessment(db, { decision_id: d.id, date: addDays(treated, 200), baseline: lesions(20, 10), current: lesions(14, 10), nadir_sum_mm: 20, new_lesions: false }, ACTOR, now);
      expect(a3.response).toBe('SD');
      // New lesions are progression whatever the sums.
      expect(recordAssessment(db, { decision_id: d.id, date: addDays(treated, 210), baseline: lesions(60, 40), current: lesions(10, 10), new_lesions: true }, ACTOR, now).response).toBe('PD');
      // The decision itself is untouched: every sealed row still matches its audit record; the chain verifies.
      expect(verifySeals(db).ok).toBe(true);
      expect(verifyAuditChain(db).ok).toBe(true);
    });

    it('uses mRECIST (viable tumour, no 5 mm rule) for HCC', () => {
      const d = pick((p) => p === 'hcc');
      const treated = implement(db, d);
      const now = `${addDays(d.meeting_day, 400)}T12:00:00.000Z`;
      const cr = recordAssessment(db, { decision_id: d.id, date: addDays(treated, 60), modality: 'MRI', baseline: lesions(40), current: lesions(0), new_lesions: false }, ACTOR, now);
      expect(cr).toMatchObject({ method: 'mrecist', response: 'CR' });
      // Nadir 20 → 24: +20 % is PD under mRECIST (RECIST 1.1 would say SD).
      const pd = recordAssessment(db, { decision_id: d.id, date: addDays(treated, 120), baseline: lesions(30), current: lesions(24), nadir_sum_mm: 20, new_lesions: false }, ACTOR, now);
      expect(pd.response).toBe('PD');
    });

    it('records CTCAE toxicities with the version and days after treatment, and progression / death once', () => {
      const d = pick((p) => p !== 'hcc', 1);
      const treated = implement(db, d, 5);
      const now = `${addDays(d.meeting_day, 400)}T12:00:00.000Z`;
      const t = recordToxicity(db, { decision_id: d.id, term: 'Blood bilirubin increased', grade: 3, date: addDays(treated, 28), timepoint: '30_day' }, ACTOR, now);
      expect(t).toMatchObject({ term: 'Blood bilirubin increased', grade: 3, ctcae_version: '5.0', days_after_treatment: 28, timepoint: '30_day' });
      expect(lastAudit().action).toBe('outcome.toxicity.record');
      const pain = recordToxicity(db, { decision_id: d.id, term: 'Abdominal pain', grade: 2, date: addDays(treated, 1), timepoint: '30_day', grouping: 'post-embolization syndrome' }, ACTOR, now);
      expect(pain.grouping).toBe('post-embolization syndrome');
      const hp = recordEvent(db, { decision_id: d.id, kind: 'hepatic_progression', date: addDays(treated, 150) }, ACTOR, now);
      expect(hp.days_after_treatment).toBe(150);
      expect(() => recordEvent(db, { decision_id: d.id, kind: 'hepatic_progression', date: addDays(treated, 160) }, ACTOR, now)).toThrow(/already recorded/);
      const death = recordEvent(db, { decision_id: d.id, kind: 'death', date: addDays(treated, 300) }, ACTOR, now);
      expect(() => recordEvent(db, { decision_id: d.id, kind: 'death', date: addDays(treated, 301) }, ACTOR, now)).toThrow(/already recorded/);
      // A wrong entry is retracted (audited), then the right one is recorded.
      const after = retractOutcome(db, { kind: 'event', id: death.id, reason: 'Entered on the wrong patient' }, ACTOR, now);
      expect(after.events.find((e) => e.id === death.id)).toMatchObject({ retracted_by: ACTOR.label, retraction_reason: 'Entered on the wrong patient' });
      expect(lastAudit().action).toBe('outcome.event.retract');
      expect(() => retractOutcome(db, { kind: 'event', id: death.id, reason: 'again' }, ACTOR, now)).toThrow(/already retracted/);
      expect(recordEvent(db, { decision_id: d.id, kind: 'death', date: addDays(treated, 310) }, ACTOR, now).days_after_treatment).toBe(310);
      const o = getDecisionOutcomes(db, d.id);
      expect(o.treatment_date).toBe(treated);
      expect(o.toxicities).toHaveLength(2);
      expect(verifyAuditChain(db).ok).toBe(true);
    });

    it('refuses dates before the meeting or treatment, in the future, unknown decisions and unknown lesions', () => {
      const d = pick((p) => p !== 'hcc', 2);
      const treated = implement(db, d, 3);
      const now = `${addDays(d.meeting_day, 30)}T12:00:00.000Z`;
      const base = { decision_id: d.id, baseline: lesions(20), current: lesions(10), new_lesions: false };
      expect(() => recordAssessment(db, { ...base, date: addDays(d.meeting_day, -1) }, ACTOR, now)).toThrow(/before the meeting/);
      expect(() => recordAssessment(db, { ...base, date: addDays(treated, -1) }, ACTOR, now)).toThrow(/before the treatment/);
      expect(() => recordAssessment(db, { ...base, date: addDays(d.meeting_day, 31) }, ACTOR, now)).toThrow(/in the future/);
      expect(() => recordAssessment(db, { ...base, decision_id: 99999, date: treated }, ACTOR, now)).toThrow(/does not exist/);
      expect(() => recordAssessment(db, { ...base, date: treated, current: [{ id: 'X9', diameter_mm: 3 }] }, ACTOR, now)).toThrow(/not a baseline target lesion/);
      expect(() => recordAssessment(db, { ...base, date: treated, baseline: lesions(8) }, ACTOR, now)).toThrow(/≥ 10 mm/);
      expect(() => recordToxicity(db, { decision_id: d.id, term: 'Nausea', grade: 6, date: treated, timepoint: '30_day' }, ACTOR, now)).toThrow(/1 to 5/);
    });

    it('keeps outcome rows append-only in the database itself', () => {
      const id = stmt(db, 'SELECT id FROM response_assessments LIMIT 1').pluck().get() as number;
      expect(() => stmt(db, "UPDATE response_assessments SET response = 'CR' WHERE id = ?").run(id)).toThrow(/append-only/);
      expect(() => stmt(db, 'DELETE FROM response_assessments WHERE id = ?').run(id)).toThrow(/append-only/);
      expect(() => stmt(db, 'DELETE FROM toxicities').run()).toThrow(/append-only/);
      expect(() => stmt(db, "UPDATE outcome_events SET date = '2000-01-01'").run()).toThrow(/append-only/);
    });

    it('puts referral, meeting, decision, treatment, assessments, toxicities, progression and death on the timeline in date order', () => {
      const d = pick((p) => p !== 'hcc', 1);
      const t = caseTimeline(db, d.case_id);
      const kinds = t.entries.map((e) => e.kind);
      expect(kinds[0]).toBe('referral');
      for (const k of ['meeting', 'decision', 'treatment', 'toxicity', 'hepatic_progression', 'death'] as const) expect(kinds).toContain(k);
      const dates = t.entries.map((e) => e.date);
      expect([...dates].sort()).toEqual(dates);
      expect(kinds.indexOf('decision')).toBeLessThan(kinds.indexOf('treatment'));
      expect(kinds.indexOf('hepatic_progression')).toBeLessThan(kinds.indexOf('death'));
      // The retracted death is not on the timeline; the corrected one is.
      expect(kinds.filter((k) => k === 'death')).toHaveLength(1);
      expect(t.entries.find((e) => e.kind === 'death')?.title).toBe('Death (day 310)');
    });
  });

  describe(`outcomes through the dispatcher on ${engine}`, () => {
    it('records, lists, shows the timeline and reports bad input by field', async () => {
      db.close();
      const app = fixture.app({ store, transport: 'cli' });
      try {
        const ctx = seatCtx('api tester');
        const d = pick((p) => p !== 'hcc', 3);
        const treated = implement(sqlDb(app.db), d, 1);
        const ok = await app.dispatch('outcomes.recordAssessment', { decision_id: d.id, date: addDays(treated, 7), baseline: lesions(50), current: lesions(30), new_lesions: false }, ctx);
        expect(ok).toMatchObject({ ok: true, value: { response: 'PR', method: 'recist11', recorded_by: 'api tester' } });
        const list = await app.dispatch('outcomes.list', { case_id: d.case_id }, ctx);
        expect(list).toMatchObject({ ok: true });
        const bad = await app.dispatch('outcomes.recordToxicity', { decision_id: d.id, term: 'Headache', grade: 2, date: treated, timepoint: '30_day' }, ctx);
        expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'term' } });
        const missing = await app.dispatch('outcomes.timeline', { case_id: 999999 }, ctx);
        expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        const timeline = await app.dispatch('outcomes.timeline', { case_id: d.case_id }, ctx);
        expect(timeline.ok && (timeline.value as { entries: { kind: string }[] }).entries.some((e) => e.kind === 'assessment')).toBe(true);
      } finally {
        app.close();
      }
    });
  });
}
