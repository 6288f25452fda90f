/** A demo database (signed meeting with decisions) and helpers for the outcomes tests. */
import { stmt } from '../../../db/statements';
import type { SqlDb } from '../../../db/sql/port';
import type { BoardStore } from '../../../electron/host/board';
import type { EngineFixture } from '../helpers/engines';
import { recordFollowup } from '../../../db/repositories/followups';
import { seedDemo } from '../../../electron/services/demo';
import { followupInputSchema } from '../../../shared/domain/meeting';

export const ACTOR = { label: 'Outcomes tester', profileId: null };

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface DemoDecision { id: number; case_id: number; primary: string; meeting_day: string }

/** A demo board (100 cases) on the fixture's engine, kept for the whole test file (set up in beforeAll). */
export function openDemo(engine: EngineFixture): { db: SqlDb; store: BoardStore; decisions: DemoDecision[] } {
  const store = engine.place({ label: 'demo', scope: 'file' });
  const db = engine.reopen(store, 'file');
  seedDemo(db, 100);
  const decisions = stmt(db, `SELECT d.id, d.case_id, c.primary_tumor AS "primary", substr(m.scheduled_at, 1, 10) AS meeting_day
    FROM decisions d JOIN cases c ON c.id = d.case_id JOIN meetings m ON m.id = d.meeting_id WHERE m.status = 'signed' ORDER BY d.id`).all() as DemoDecision[];
  return { db, store, decisions };
}

/** Marks a decision carried out `afterDays` after its meeting; returns the treatment date. */
export function implement(db: SqlDb, d: DemoDecision, afterDays = 2): string {
  const date = addDays(d.meeting_day, afterDays);
  recordFollowup(db, followupInputSchema.parse({ decision_id: d.id, outcome: 'implemented', date }), ACTOR);
  return date;
}
