/** Fills a database with synthetic demo cases (no real patient data), through the same repository path. */
import type { DbLike as Db } from '../../db/sql/port';
import { createCase } from '../../db/repositories/cases';
import { generateDemoCases } from '../../shared/demo/generate';
import { DEMO_MEETINGS_MIN_CASES, seedDemoMeetings } from './demoMeetings';
import { inTransaction, stmt } from '../../db/statements';

export const DEMO_ACTOR = 'demo-data';
export const DEFAULT_DEMO_CASES = 240;

/** Demo referrals arrive over the last six months, oldest first, so dates and sorting look like real use. */
const DEMO_SPAN_MS = 180 * 24 * 3600 * 1000;

/** Fills the database with exactly `count` cases: with demo meetings, one of them is the carried-forward re-listing. */
export function seedDemo(db: Db, count = DEFAULT_DEMO_CASES, seed = 1): number {
  const withMeetings = count >= DEMO_MEETINGS_MIN_CASES;
  const cases = generateDemoCases(withMeetings ? count - 1 : count, seed);
  inTransaction(db, () => {
    const nowMs = Date.now();
    const now = new Date(nowMs).toISOString();
    const step = DEMO_SPAN_MS / Math.max(cases.length, 1);
    cases.forEach((c, i) => {
      const at = new Date(nowMs - (cases.length - i) * step).toISOString();
      createCase(db, { patient: c.patient, case: c.case }, DEMO_ACTOR, at);
    });
    if (withMeetings) seedDemoMeetings(db, new Date(), now);
    stmt(db, "INSERT INTO meta (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'").run();
  });
  return stmt(db, 'SELECT count(*) FROM cases').pluck().get() as number;
}

export function isDemoDatabase(db: Db): boolean {
  return stmt(db, "SELECT value FROM meta WHERE key = 'demo'").pluck().get() === '1';
}
