/** The meeting workflow through the API, on either engine (workflow.test.ts: SQLite; workflow.pg.test.ts: PostgreSQL). */
import { ageOn, machineClock, todayIn } from '../../../shared/time/clock';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/engine/evaluate';
import { ENGINE_VERSION } from '../../../shared/engine/vocabulary';
import { verifyAuditChain } from '../../../db/audit';
import { checkDatabase } from '../../../db/check';
import { verifySeals } from '../../../db/seals';
import { stmt } from '../../../db/statements';
import { addFailingTrigger, dropTrigger, removeFailingTrigger, type Engine } from '../helpers/engines';
import { READY_FACTS, meetingWithChair, useApi, type Api } from './setup';

/** The age the repository derives from a birth date today (issue 13). */
const ageToday = (birth: string): number => ageOn(birth, todayIn(machineClock().time_zone));

interface Item { id: number; version: number; readiness: { ready: boolean; reasons: string[]; missing_facts: { field: string }[] }; override_reason: string | null; decision_id: number | null }
interface MeetingOut { id: number; version: number; status: string; agenda: Item[]; quorum: { met: boolean; missing: string[] } }

const CHEMO_NAIVE = { ...READY_FACTS, line_of_therapy: 'chemo_naive' as const };
const advice = evaluate(CHEMO_NAIVE);
const favoured = advice.options.find((o) => o.strength === 'recommended' || o.strength === 'consider');
const against = advice.options.find((o) => o.strength === 'not_recommended' || o.strength === 'contraindicated');

const decision = (itemId: number, over: Record<string, unknown> = {}) => ({
  agenda_item_id: itemId, plan: favoured?.option, intent: 'palliative', rationale: 'fits the evidence', consensus: 'unanimous',
  patient_preference_discussed: true, ...over,
});

async function started(api: Api, cases = 2) {
  const setup = await meetingWithChair(api);
  const items: Item[] = [];
  for (let i = 0; i < cases; i++) {
    const c = await api.newCase(CHEMO_NAIVE);
    items.push(await api.ok<Item>('meetings.addCase', { meeting_id: setup.meeting.id, case_id: c.id }));
  }
  const m = await api.ok<MeetingOut>('meetings.start', { id: setup.meeting.id, version: setup.meeting.version });
  return { ...setup, items, meeting: m };
}

async function signedMeeting(api: Api) {
  const s = await started(api, 2);
  const decisions = [];
  for (const item of s.items) decisions.push(await api.ok<{ id: number }>('decisions.record', decision(item.id)));
  let m = await api.ok<MeetingOut>('meetings.conclude', { id: s.meeting.id, version: s.meeting.version });
  await api.ok('profiles.select', { id: s.chair.id, pin: '123456' });
  m = await api.ok<MeetingOut>('meetings.sign', { id: m.id, version: m.version, pin: '123456' });
  return { ...s, meeting: m, decisions };
}

export function workflowSuite(engine: Engine): void {
  const open = useApi(engine);

  describe(`meetings on ${engine}: state machine`, () => {
    it('walks planned → in_progress → concluded → signed, and refuses every wrong step with CONFLICT', async () => {
      const api = open();
      const s = await meetingWithChair(api);
      expect(s.meeting.status).toBe('planned');
      expect(await api.call('meetings.conclude', { id: s.meeting.id, version: s.meeting.version }))
        .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('only when in progress') } });
      const c = await api.newCase();
      const item = await api.ok<Item>('meetings.addCase', { meeting_id: s.meeting.id, case_id: c.id });
      expect(await api.call('decisions.record', decision(item.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const m1 = await api.ok<MeetingOut>('meetings.start', { id: s.meeting.id, version: s.meeting.version });
      expect(m1.status).toBe('in_progress');
      // stale version
      expect(await api.call('meetings.conclude', { id: m1.id, version: s.meeting.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'version' } });
      // every case needs a decision before concluding
      expect(await api.call('meetings.conclude', { id: m1.id, version: m1.version }))
        .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Patient1 (MRN1)') } });
      await api.ok('decisions.record', decision(item.id));
      const m2 = await api.ok<MeetingOut>('meetings.conclude', { id: m1.id, version: m1.version });
      expect(m2.status).toBe('concluded');
      expect(m2.quorum.met).toBe(true);
      // only the chair signs, with their PIN
      expect(await api.call('meetings.sign', { id: m2.id, version: m2.version })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await api.call('profiles.select', { id: s.chair.id, pin: '9999' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'pin' } });
      await api.ok('profiles.select', { id: s.chair.id, pin: '123456' });
      expect(await api.call('meetings.sign', { id: m2.id, version: m2.version })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'pin' } });
      const m3 = await api.ok<MeetingOut & { signed_by: string }>('meetings.sign', { id: m2.id, version: m2.version, pin: '123456' });
      expect(m3.status).toBe('signed');
      expect(m3.signed_by).toBe(`Dr. Chair (chair, profile ${s.chair.id})`);
      expect(await api.call('meetings.start', { id: m3.id, version: m3.version })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      api.close();
    });

    it('needs an acting profile for changes, and stores the PIN only as a salted scrypt hash', async () => {
      const api = open();
      await api.ok('profiles.create', { name: 'X', specialty: 'surgery', role: 'chair', pin: '246810' });
      expect(await api.call('meetings.create', { board: 'B', scheduled_at: '2026-03-15T16:00' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const hash = stmt(api.db, 'SELECT pin_hash FROM profiles').pluck().get() as string;
      expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(hash).not.toContain('246810');
      expect(JSON.stringify(stmt(api.db, 'SELECT * FROM audit_log').all())).not.toContain('246810');
      api.close();
    });

    it('computes the quorum from the board rule (editable) and the attendees', async () => {
      const api = open();
      const s = await meetingWithChair(api);
      const m = await api.ok<MeetingOut>('meetings.update', { id: s.meeting.id, version: s.meeting.version, meeting: {
        board: 'Liver MDT', scheduled_at: '2026-03-15T16:00', attendees: [{ name: 'A', specialty: 'surgery', attendance: 'attended' }, { name: 'B', specialty: 'medical_oncology', attendance: 'apologies' }],
      } });
      expect(m.quorum).toMatchObject({ met: false, missing: ['medical_oncology', 'interventional_radiology', 'diagnostic_radiology'] });
      await api.ok('boards.save', { name: 'Liver MDT', quorum: ['surgery'], imaging_max_days: 56, labs_max_days: 14, version: 1 });
      expect((await api.ok<MeetingOut>('meetings.get', { id: m.id })).quorum).toMatchObject({ met: true, missing: [] });
      api.close();
    });
  });

  describe(`meetings on ${engine}: the list`, () => {
    it('gives each meeting its own agenda and decision counts and quorum, whatever the filter', async () => {
      const api = open();
      const signed = await signedMeeting(api);
      const running = await started(api, 3);
      await api.ok('decisions.record', decision(running.items[0]?.id ?? 0));
      // Another board, without the quorum (one attendee), empty agenda.
      const other = await api.ok<{ id: number }>('meetings.create', {
        board: 'HCC board', scheduled_at: '2026-03-20T09:00', attendees: [{ name: 'E', specialty: 'hepatology', attendance: 'attended' }],
      });
      await api.ok('boards.save', { name: 'HCC board', quorum: ['hepatology', 'surgery'], imaging_max_days: 56, labs_max_days: 14, version: 1 });
      type Summary = { id: number; board: string; status: string; case_count: number; decided_count: number; quorum_met: boolean };
      const all = await api.ok<Summary[]>('meetings.list', {});
      const byId = new Map(all.map((m) => [m.id, m]));
      expect(all).toHaveLength(3);
      expect(byId.get(signed.meeting.id)).toMatchObject({ board: 'Liver MDT', status: 'signed', case_count: 2, decided_count: 2, quorum_met: true });
      expect(byId.get(running.meeting.id)).toMatchObject({ board: 'Liver MDT', status: 'in_progress', case_count: 3, decided_count: 1, quorum_met: true });
      expect(byId.get(other.id)).toMatchObject({ board: 'HCC board', status: 'planned', case_count: 0, decided_count: 0, quorum_met: false });
      // Newest first; two at the same time, the later made first.
      expect(all.map((m) => m.id)).toEqual([other.id, running.meeting.id, signed.meeting.id]);
      expect((await api.ok<Summary[]>('meetings.list', { statuses: ['in_progress', 'planned'] })).map((m) => [m.id, m.case_count, m.decided_count]))
        .toEqual(expect.arrayContaining([[running.meeting.id, 3, 1], [other.id, 0, 0]]));
      expect(await api.ok<Summary[]>('meetings.list', { statuses: ['in_progress', 'planned'] })).toHaveLength(2);
      expect((await api.ok<Summary[]>('meetings.list', { board: 'HCC board' })).map((m) => m.id)).toEqual([other.id]);
      expect((await api.ok<Summary[]>('meetings.list', { board: 'Liver MDT', statuses: ['signed'] })).map((m) => [m.id, m.case_count])).toEqual([[signed.meeting.id, 2]]);
      expect(await api.ok<Summary[]>('meetings.list', { board: 'No such board' })).toEqual([]);
      api.close();
    });
  });

  describe(`meetings on ${engine}: the completeness gate`, () => {
    it('names the missing facts and stale or absent imaging/labs, and blocks listing without an override reason', async () => {
      const api = open();
      const s = await meetingWithChair(api);
      const incomplete = await api.newCase({ primary_tumor: 'hcc', ecog: 1, bilirubin_mg_dl: 1 }, { last_imaging_date: '2026-01-01', last_labs_date: null });
      const r = await api.ok<{ ready: boolean; missing_facts: { field: string; why: string }[]; imaging: { age_days: number; ok: boolean }; labs: { date: null }; reasons: string[] }>(
        'meetings.readiness', { meeting_id: s.meeting.id, case_id: incomplete.id });
      expect(r.ready).toBe(false);
      expect(r.missing_facts.map((m) => m.field)).toEqual(['albumin_g_dl', 'inr', 'ascites', 'encephalopathy', 'bclc_stage', 'portal_vein', 'resectable_or_ablatable']);
      expect(r.missing_facts[0]?.why).toContain('S-CHILD-C');
      expect(r.imaging).toMatchObject({ age_days: 73, ok: false });
      expect(r.reasons).toEqual([
        'missing facts: albumin_g_dl, inr, ascites, encephalopathy, bclc_stage, portal_vein, resectable_or_ablatable',
        'imaging of 2026-01-01 is 73 days before the meeting (limit 56)', 'no labs date recorded',
      ]);
      const blocked = await api.call('meetings.addCase', { meeting_id: s.meeting.id, case_id: incomplete.id });
      expect(blocked).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'override_reason', message: expect.stringContaining('missing facts: albumin_g_dl') } });
      expect(await api.call('meetings.addCase', { meeting_id: s.meeting.id, case_id: incomplete.id, override_reason: '   ' })).toMatchObject({ ok: false, error: { field: 'override_reason' } });
      const item = await api.ok<Item>('meetings.addCase', { meeting_id: s.meeting.id, case_id: incomplete.id, override_reason: 'urgent: bleeding risk' });
      expect(item).toMatchObject({ override_reason: 'urgent: bleeding risk', ready_at_listing: false });
      expect(await api.call('meetings.setItem', { item_id: item.id, version: item.version, override_reason: null })).toMatchObject({ ok: false, error: { field: 'override_reason' } });
      // labs 15 days old against a 14-day limit, then the board relaxes the limit
      const stale = await api.newCase(READY_FACTS, { last_imaging_date: '2026-03-01', last_labs_date: '2026-02-28' });
      expect((await api.ok<{ reasons: string[] }>('meetings.readiness', { meeting_id: s.meeting.id, case_id: stale.id })).reasons)
        .toEqual(['labs of 2026-02-28 is 15 days before the meeting (limit 14)']);
      await api.ok('boards.save', { name: 'Liver MDT', quorum: [], imaging_max_days: 56, labs_max_days: 21, version: 1 });
      const ready = await api.ok<Item>('meetings.addCase', { meeting_id: s.meeting.id, case_id: stale.id });
      expect(ready).toMatchObject({ ready_at_listing: true, override_reason: null, readiness: { ready: true, reasons: [] } });
      api.close();
    });

    it('reorders, sets time/presenter/standard of care, removes, and carries a patient forward', async () => {
      const api = open();
      const s = await meetingWithChair(api);
      const a = await api.ok<Item>('meetings.addCase', { meeting_id: s.meeting.id, case_id: (await api.newCase()).id });
      const b = await api.ok<Item>('meetings.addCase', { meeting_id: s.meeting.id, case_id: (await api.newCase()).id });
      const m = await api.ok<MeetingOut>('meetings.reorder', { meeting_id: s.meeting.id, item_ids: [b.id, a.id], versions: [b.version, a.version] });
      expect(m.agenda.map((i) => [i.id, i.version])).toEqual([[b.id, 2], [a.id, 2]]);
      expect(await api.call('meetings.reorder', { meeting_id: s.meeting.id, item_ids: [b.id], versions: [2] })).toMatchObject({ ok: false, error: { field: 'item_ids' } });
      expect(await api.ok('meetings.setItem', { item_id: a.id, version: 2, minutes_allotted: 15, presenter: 'Dr. IR', standard_of_care: true }))
        .toMatchObject({ minutes_allotted: 15, presenter: 'Dr. IR', standard_of_care: true, position: 2, version: 3 });
      const after = await api.ok<MeetingOut>('meetings.removeCase', { item_id: b.id });
      expect(after.agenda.map((i) => [i.id, (i as unknown as { position: number }).position])).toEqual([[a.id, 1]]);
      const carried = await api.ok<{ case: { id: number; facts: unknown; status: string; last_labs_date: string }; item: Item }>('meetings.carryForward', { case_id: a.id > 0 ? 1 : 1, meeting_id: s.meeting.id });
      expect(carried.case).toMatchObject({ facts: READY_FACTS, status: 'listed', last_labs_date: '2026-03-10' });
      expect(carried.item.readiness.ready).toBe(true);
      api.close();
    });
  });

  describe(`decisions on ${engine}`, () => {
    it('stores the engine snapshot and version, and the concordance of the plan', async () => {
      const api = open();
      const s = await started(api, 3);
      const d = await api.ok<{ engine_version: string; engine_snapshot: { options: unknown[] }; concordance: string; plan_strength: string; facts_snapshot: unknown; recorded_by: string }>(
        'decisions.record', decision(s.items[0]?.id ?? 0));
      expect(d.engine_version).toBe(ENGINE_VERSION);
      expect(d.engine_snapshot).toEqual(JSON.parse(JSON.stringify(advice)));
      expect(d.facts_snapshot).toEqual({ ...CHEMO_NAIVE, age: ageToday('1961-04-12') });
      expect(d).toMatchObject({ concordance: 'concordant', plan_strength: favoured?.strength, recorded_by: `Coord (coordinator, profile ${s.coordinator.id})` });
      const outside = await api.ok('decisions.record', decision(s.items[1]?.id ?? 0, { plan: 'resection', intent: 'curative' }));
      expect(outside).toMatchObject({ concordance: 'not_assessed', plan_strength: null });
      api.close();
    });

    it('requires a reason for a plan the engine rated not_recommended or contraindicated', async () => {
      const api = open();
      const s = await started(api, 1);
      const itemId = s.items[0]?.id ?? 0;
      expect(against).toBeDefined();
      expect(await api.call('decisions.record', decision(itemId, { plan: against?.option })))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'discordance_reason', message: expect.stringContaining(`rated ${against?.option}`.replace('rated ', 'rated ').slice(0, 6)) } });
      const d = await api.ok('decisions.record', decision(itemId, { plan: against?.option, discordance_reason: 'patient choice after discussion' }));
      expect(d).toMatchObject({ concordance: 'discordant', plan_strength: against?.strength, discordance_reason: 'patient choice after discussion' });
      // dissent cannot be unanimous; other needs detail
      expect(await api.call('decisions.record', decision(itemId, { dissent: [{ name: 'Y', specialty: 'surgery', view: 'no' }] })))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'consensus' } });
      expect(await api.call('decisions.record', decision(itemId, { plan: 'other' }))).toMatchObject({ ok: false, error: { field: 'plan_detail' } });
      api.close();
    });
  });

  describe(`sign-off makes the record read-only on ${engine}`, () => {
    it('through the API (READ_ONLY) and in SQL (the triggers reject UPDATE and DELETE)', async () => {
      const api = open();
      const s = await signedMeeting(api);
      const itemId = s.items[0]?.id ?? 0;
      for (const [name, input] of [
        ['decisions.record', decision(itemId, { rationale: 'changed', version: 1 })],
        ['meetings.addCase', { meeting_id: s.meeting.id, case_id: (await api.newCase()).id }],
        ['meetings.setItem', { item_id: itemId, version: 1, presenter: 'x' }],
        ['meetings.removeCase', { item_id: itemId }],
        ['meetings.reorder', { meeting_id: s.meeting.id, item_ids: s.items.map((i) => i.id).reverse(), versions: s.items.map((i) => i.version).reverse() }],
        ['meetings.update', { id: s.meeting.id, version: s.meeting.version, meeting: { board: 'Liver MDT', scheduled_at: '2026-03-16T16:00' } }],
      ] as const) {
        expect(await api.call(name, input), name).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      }
      const sqls = [
        ["UPDATE decisions SET rationale = 'x'", 'read-only: this decision belongs to a signed meeting'],
        ['DELETE FROM decisions', 'read-only: this decision belongs to a signed meeting'],
        ["INSERT INTO decisions SELECT NULL, meeting_id, agenda_item_id + 100, case_id, plan, plan_detail, intent, rationale, consensus, dissent, actions, follow_up_date, patient_preference_discussed, discordance_reason, facts_snapshot, engine_snapshot, engine_version, plan_strength, concordance, recorded_by, recorded_by_profile_id, recorded_at, version FROM decisions LIMIT 1", 'read-only'],
        ['UPDATE agenda_items SET position = position + 10', 'read-only: the agenda of a signed meeting'],
        ['DELETE FROM agenda_items', 'read-only: the agenda of a signed meeting'],
        ["UPDATE meetings SET location = 'elsewhere'", 'read-only: this meeting is signed'],
        ["UPDATE meetings SET status = 'concluded'", 'read-only: this meeting is signed'],
        ['DELETE FROM meetings', 'read-only: this meeting is signed'],
        ["UPDATE attendees SET name = 'x'", 'read-only: the attendees of a signed meeting'],
      ] as const;
      for (const [sql, message] of sqls) expect(() => stmt(api.db, sql).run(), sql).toThrow(message);
      expect(stmt(api.db, 'SELECT rationale FROM decisions ORDER BY id').pluck().all()).toEqual(['fits the evidence', 'fits the evidence']);
      expect(checkDatabase(api.db)).toMatchObject({ ok: true, problems: [] });
      api.close();
    });

    it('allows an amendment (pointing to the original, with reason, who and when) and shows it on the decision', async () => {
      const api = open();
      const s = await signedMeeting(api);
      const id = s.decisions[0]?.id ?? 0;
      expect(await api.call('decisions.amend', { decision_id: id, reason: 'typo', changes: { rationale: 'fits the evidence' } }))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'changes' } });
      const amended = await api.ok<{ rationale: string; current: { rationale: string; follow_up_date: string }; amendments: unknown[] }>('decisions.amend', {
        decision_id: id, reason: 'rationale misheard', changes: { rationale: 'fits the evidence; patient prefers outpatient care', follow_up_date: '2026-05-01' },
      });
      expect(amended.rationale).toBe('fits the evidence');
      expect(amended.current).toMatchObject({ rationale: 'fits the evidence; patient prefers outpatient care', follow_up_date: '2026-05-01' });
      expect(amended.amendments).toEqual([expect.objectContaining({
        decision_id: id, reason: 'rationale misheard', amended_by: `Dr. Chair (chair, profile ${s.chair.id})`, changed_fields: ['rationale', 'follow_up_date'],
        before: { rationale: 'fits the evidence', follow_up_date: null }, after: { rationale: 'fits the evidence; patient prefers outpatient care', follow_up_date: '2026-05-01' },
      })]);
      expect(() => stmt(api.db, "UPDATE decision_amendments SET reason = 'x'").run()).toThrow('amendments are append-only');
      // an amendment to a discordant plan needs its reason too
      expect(await api.call('decisions.amend', { decision_id: id, reason: 'r', changes: { plan: against?.option } }))
        .toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'changes.discordance_reason' } });
      expect(checkDatabase(api.db).ok).toBe(true);
      api.close();
    });

    it('amending before sign-off is refused: the decision itself is re-recorded instead', async () => {
      const api = open();
      const s = await started(api, 1);
      const d = await api.ok<{ id: number }>('decisions.record', decision(s.items[0]?.id ?? 0));
      expect(await api.call('decisions.amend', { decision_id: d.id, reason: 'r', changes: { rationale: 'x' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const again = await api.ok<{ id: number; rationale: string }>('decisions.record', decision(s.items[0]?.id ?? 0, { rationale: 'second thoughts', version: 1 }));
      expect(again).toMatchObject({ id: d.id, rationale: 'second thoughts', version: 2 });
      api.close();
    });
  });

  describe(`meeting audit on ${engine}`, () => {
    it('writes an audit row for every state change, in the same transaction, naming the acting profile', async () => {
      const api = open();
      const s = await started(api, 1);
      const actions = () => stmt(api.db, "SELECT action FROM audit_log WHERE entity NOT IN ('case', 'patient') ORDER BY id").pluck().all();
      const count = () => stmt(api.db, 'SELECT count(*) FROM audit_log').pluck().get() as number;
      expect(actions()).toEqual(['profile.create', 'profile.create', 'board.create', 'meeting.create', 'agenda.add', 'meeting.start']);
      const before = count();
      await api.ok('decisions.record', decision(s.items[0]?.id ?? 0));
      expect(count()).toBe(before + 2); // decision.record + case.status (listed → discussed)
      const row = stmt(api.db, "SELECT actor, after FROM audit_log WHERE action = 'decision.record'").get() as { actor: string; after: string };
      expect(row.actor).toBe(`Coord (coordinator, profile ${s.coordinator.id})`);
      expect(Object.keys(JSON.parse(row.after).seals as object)).toEqual(['decisions:1']);
      // a failing change leaves neither the change nor its audit row
      const n = count();
      expect(await api.call('meetings.setItem', { item_id: s.items[0]?.id, version: 1, override_reason: null })).toMatchObject({ ok: true });
      expect(count()).toBe(n + 1);
      addFailingTrigger(api.db, 'fail_audit', 'audit_log', "NEW.action = 'agenda.update'", 'boom');
      expect(await api.call('meetings.setItem', { item_id: s.items[0]?.id, version: 2, presenter: 'Someone' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(stmt(api.db, 'SELECT presenter FROM agenda_items').pluck().get()).toBe('');
      removeFailingTrigger(api.db, 'fail_audit', 'audit_log');
      expect(verifyAuditChain(api.db).ok).toBe(true);
      expect(verifySeals(api.db).ok).toBe(true);
      api.close();
    });

    it('detects a decision row altered outside the app (triggers dropped) and names it', async () => {
      const api = open();
      const s = await signedMeeting(api);
      api.close();
      // Someone with table rights, on a connection of their own.
      const raw = api.stores.reopen(api.store);
      dropTrigger(raw, 'decisions_signed_no_update', 'decisions');
      stmt(raw, "UPDATE decisions SET plan = 'resection' WHERE id = ?").run(s.decisions[1]?.id);
      raw.close();
      const db = api.stores.reopen(api.store);
      const report = checkDatabase(db);
      expect(report.ok).toBe(false);
      expect(report.problems).toContain('meetings: protection trigger decisions_signed_no_update is missing (signed records can be altered)');
      expect(report.problems.some((p) => p.startsWith(`decisions row ${s.decisions[1]?.id ?? 0}: altered outside the app (does not match its state in audit row`))).toBe(true);
      db.close();
    });
  });

  describe(`follow-up and quality on ${engine}`, () => {
    it('lists decisions due, records implementation, and reports the quality measures', async () => {
      const api = open();
      const s = await started(api, 3);
      const [i1, i2, i3] = s.items;
      const d1 = await api.ok<{ id: number }>('decisions.record', decision(i1?.id ?? 0, { follow_up_date: '2026-04-01', actions: [{ what: 'book', owner: 'Coord', due_date: '2026-03-20' }] }));
      const d2 = await api.ok<{ id: number }>('decisions.record', decision(i2?.id ?? 0, { plan: against?.option, discordance_reason: 'patient choice', rationale: '' }));
      await api.ok('meetings.setItem', { item_id: i3?.id, version: i3?.version, standard_of_care: true });
      const m = await api.ok<MeetingOut>('meetings.conclude', { id: s.meeting.id, version: s.meeting.version });
      expect(m.status).toBe('concluded');
      expect((await api.ok<{ decision_id: number }[]>('followups.list', { due_by: '2026-03-31' })).map((r) => r.decision_id)).toEqual([d1.id]);
      await api.ok('followups.record', { decision_id: d1.id, outcome: 'implemented', date: '2026-03-25' });
      expect(await api.call('followups.record', { decision_id: d2.id, outcome: 'changed' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'reason' } });
      await api.ok('followups.record', { decision_id: d2.id, outcome: 'changed', reason: 'progressed before treatment' });
      expect((await api.ok<{ status: string }[]>('followups.list', {})).map((r) => r.status)).toEqual(['implemented', 'changed']);
      const q = await api.ok('quality.report', { board: 'Liver MDT', from: '2026-03-01', to: '2026-03-31' });
      expect(q).toMatchObject({
        meetings: 1, meetings_signed: 0, meetings_quorum_met: 1, cases_discussed: 2, decisions: 2, decisions_with_rationale: 1,
        concordant: 1, discordant: 1, not_assessed: 0, concordance_rate: 0.5, implemented: 1, changed: 1, pending: 0,
        implementation_rate: 0.5, override_count: 0, standard_of_care_count: 1, amendments: 0,
      });
      expect(await api.ok('quality.report', { board: 'Other board', from: '2026-03-01', to: '2026-03-31' })).toMatchObject({ meetings: 0, concordance_rate: null });
      api.close();
    });
  });
}
