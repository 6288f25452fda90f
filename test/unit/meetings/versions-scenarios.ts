/**
 * Two people, one record (issue 10 point 4): decisions, agenda items and boards carry a version; a save based on a
 * stale one is refused with CONFLICT naming who changed the record and when, and nothing is overwritten. The same
 * scenarios run on SQLite (versions.test.ts) and PostgreSQL (versions.pg.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/app/context';
import type { ApiResult, CallContext, UserRole } from '../../../shared/api';
import { todayIn } from '../../../shared/time/clock';
import { sqlDb } from '../../../db/sql/port';
import { caseInput, patient } from '../helpers/fixtures';
import { READY_FACTS } from './setup';

const person = (label: string, role: UserRole): CallContext => ({ transport: 'network', session: label, actor: { label, profileId: null, role } });
const alice = person('Alice', 'coordinator');
const bob = person('Bob', 'chair');

interface Item { id: number; case_id: number; version: number; presenter: string; minutes_allotted: number }
interface MeetingOut { id: number; version: number; agenda: Item[] }
interface DecisionOut { id: number; version: number; rationale: string; recorded_by: string }
interface BoardOut { id: number; name: string; version: number; labs_max_days: number; imaging_max_days: number }

/** "the decision for case 1 was changed by Alice at 2026-…  UTC (now version 2) (you edited version 1); …". */
const stale = (what: string, who: string, now: number, yours: string) => new RegExp(
  `^${what} was changed by ${who} at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC \\(now version ${now}\\) ${yours.replace(/[()]/g, '\\$&')}; your edits are kept: compare and merge$`,
);

export function versionScenarios(engine: string, open: () => AppContext): void {
  const call = async (app: AppContext, ctx: CallContext, name: string, input: unknown): Promise<ApiResult> => app.dispatch(name, input, ctx);
  const ok = async <T>(app: AppContext, ctx: CallContext, name: string, input: unknown): Promise<T> => {
    const r = await call(app, ctx, name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  /** A meeting held today with two listed cases, started. */
  async function startedMeeting(app: AppContext) {
    const items: Item[] = [];
    const meeting = await ok<MeetingOut>(app, alice, 'meetings.create', { board: 'Liver MDT', scheduled_at: `${todayIn('UTC')}T00:00` });
    for (const n of [1, 2]) {
      const c = await ok<{ id: number }>(app, alice, 'cases.create', {
        patient: patient({ identifier: `MRN${n}` }), case: { ...caseInput({ facts: READY_FACTS }), last_imaging_date: todayIn('UTC'), last_labs_date: todayIn('UTC') },
      });
      items.push(await ok<Item>(app, alice, 'meetings.addCase', { meeting_id: meeting.id, case_id: c.id, override_reason: 'listed for the test' }));
    }
    const started = await ok<MeetingOut>(app, alice, 'meetings.start', { id: meeting.id, version: meeting.version });
    return { meeting: started, items };
  }
  const decision = (itemId: number, over: Record<string, unknown> = {}) => ({
    agenda_item_id: itemId, plan: 'further_workup', intent: 'palliative', rationale: 'frail', consensus: 'unanimous',
    patient_preference_discussed: true, ...over,
  });

  describe(`record versions on ${engine}`, () => {
    it('a decision: re-recording names the version; a stale or missing one is refused naming who and when, nothing overwritten', async () => {
      const app = open();
      const { items } = await startedMeeting(app);
      const itemId = items[0]?.id ?? 0;
      const first = await ok<DecisionOut>(app, alice, 'decisions.record', decision(itemId, { rationale: 'Alice wrote this' }));
      expect(first).toMatchObject({ version: 1, rationale: 'Alice wrote this', recorded_by: 'Alice' });
      // Bob was writing a first decision for the same case too: refused, naming Alice.
      const racing = await call(app, bob, 'decisions.record', decision(itemId, { rationale: 'Bob wrote this' }));
      expect(racing).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(racing.ok ? '' : racing.error.message).toMatch(stale(`the decision for case ${items[0]?.case_id ?? 0}`, 'Alice', 1, 'while you were writing yours'));
      expect(racing.ok ? null : racing.error.field).toBeUndefined();
      // Alice changes it (version 1 → 2); Bob's save based on version 1 is refused.
      expect(await ok<DecisionOut>(app, alice, 'decisions.record', decision(itemId, { rationale: 'Alice, second thoughts', version: 1 })))
        .toMatchObject({ version: 2, rationale: 'Alice, second thoughts' });
      const staleSave = await call(app, bob, 'decisions.record', decision(itemId, { rationale: 'Bob wrote this', version: 1 }));
      expect(staleSave.ok ? '' : staleSave.error.message).toMatch(stale(`the decision for case ${items[0]?.case_id ?? 0}`, 'Alice', 2, '(you edited version 1)'));
      expect(await ok<DecisionOut>(app, bob, 'decisions.get', { agenda_item_id: itemId })).toMatchObject({ version: 2, rationale: 'Alice, second thoughts' });
      // Merged on the current version, Bob's save goes through.
      expect(await ok<DecisionOut>(app, bob, 'decisions.record', decision(itemId, { rationale: 'Alice, second thoughts; Bob: and frail', version: 2 })))
        .toMatchObject({ version: 3, recorded_by: 'Bob' });
      // A version for an item without a decision is refused too (nothing to change).
      expect(await call(app, bob, 'decisions.record', decision(items[1]?.id ?? 0, { version: 1 }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'version' } });
      // Every change is in the audit log with its version (the live change notice carries it).
      const audited = sqlDb(app.db).all<{ action: string; actor: string; after: string }>("SELECT action, actor, after FROM audit_log WHERE entity = 'decision' ORDER BY id");
      expect(audited.map((r) => [r.action, r.actor, (JSON.parse(r.after) as { version: number }).version]))
        .toEqual([['decision.record', 'Alice', 1], ['decision.update', 'Alice', 2], ['decision.update', 'Bob', 3]]);
    });

    it('an agenda item: settings and moves count; a stale change or order is refused naming who and when', async () => {
      const app = open();
      const { meeting, items } = await startedMeeting(app);
      const [a, b] = items as [Item, Item];
      expect([a.version, b.version]).toEqual([1, 1]);
      const set = await ok<Item>(app, alice, 'meetings.setItem', { item_id: a.id, version: 1, presenter: 'Dr. Alice' });
      expect(set).toMatchObject({ version: 2, presenter: 'Dr. Alice' });
      const bobs = await call(app, bob, 'meetings.setItem', { item_id: a.id, version: 1, presenter: 'Dr. Bob', minutes_allotted: 20 });
      expect(bobs.ok ? '' : bobs.error.message).toMatch(stale(`agenda item ${a.id}`, 'Alice', 2, '(you edited version 1)'));
      // The order Bob saw is stale once Alice moved the items: refused, naming her; the order stays hers.
      const moved = await ok<MeetingOut>(app, alice, 'meetings.reorder', { meeting_id: meeting.id, item_ids: [b.id, a.id], versions: [1, 2] });
      expect(moved.agenda.map((i) => [i.id, i.version])).toEqual([[b.id, 2], [a.id, 3]]);
      const bobsOrder = await call(app, bob, 'meetings.reorder', { meeting_id: meeting.id, item_ids: [a.id, b.id], versions: [2, 1] });
      expect(bobsOrder).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(bobsOrder.ok ? '' : bobsOrder.error.message).toMatch(stale(`agenda item ${a.id}`, 'Alice', 3, '(you edited version 2)'));
      const now = await ok<MeetingOut>(app, bob, 'meetings.get', { id: meeting.id });
      expect(now.agenda.map((i) => [i.id, i.presenter, i.minutes_allotted])).toEqual([[b.id, '', 10], [a.id, 'Dr. Alice', 10]]);
      expect(await call(app, bob, 'meetings.reorder', { meeting_id: meeting.id, item_ids: [a.id, b.id], versions: [3] }))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'versions' } });
    });

    it('a board: creating one that exists and a stale save of its rules are refused naming who and when', async () => {
      const app = open();
      const board = await ok<BoardOut>(app, alice, 'boards.save', { name: 'Lung MDT', quorum: ['surgery'], imaging_max_days: 42, labs_max_days: 14 });
      expect(board.version).toBe(1);
      const twice = await call(app, bob, 'boards.save', { name: 'Lung MDT', quorum: [], imaging_max_days: 60, labs_max_days: 30 });
      expect(twice.ok ? '' : twice.error.message).toMatch(stale('board Lung MDT', 'Alice', 1, 'while you were writing yours'));
      expect(await ok<BoardOut>(app, alice, 'boards.save', { name: 'Lung MDT', quorum: ['surgery'], imaging_max_days: 42, labs_max_days: 21, version: 1 }))
        .toMatchObject({ version: 2, labs_max_days: 21 });
      const staleSave = await call(app, bob, 'boards.save', { name: 'Lung MDT', quorum: [], imaging_max_days: 60, labs_max_days: 30, version: 1 });
      expect(staleSave).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(staleSave.ok ? '' : staleSave.error.message).toMatch(stale('board Lung MDT', 'Alice', 2, '(you edited version 1)'));
      expect(await ok<BoardOut[]>(app, bob, 'boards.list', {})).toEqual([expect.objectContaining({ name: 'Lung MDT', version: 2, imaging_max_days: 42, labs_max_days: 21 })]);
      expect(await call(app, bob, 'boards.save', { name: 'Nobody MDT', quorum: [], imaging_max_days: 60, labs_max_days: 30, version: 3 }))
        .toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'name' } });
    });
  });
}
