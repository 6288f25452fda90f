/**
 * The FakeApi plus the meetings contract (shared/api/meetings.ts) in memory: profiles and the acting session,
 * boards, meetings with attendees and quorum, the agenda with a readiness gate, decisions with the engine snapshot
 * and concordance, read-only after signing (READ_ONLY), amendments, follow-ups and a quality report. Inputs are
 * validated with the contract's schemas, as the dispatcher does.
 */
import { ApiError, operations, type OperationName, type OpInput, type OpOutput } from '../../shared/api';
import type { CaseRecord } from '../../shared/domain/case';
import {
  DEFAULT_QUORUM, isEnginePlan, type AgendaItem, type Amendment, type Attendee, type Board, type Decision, type Followup, type Meeting, type MeetingStatus, type Profile,
  type Readiness,
} from '../../shared/domain/meeting';
import { evaluate } from '../../shared/engine';
import { FakeApi } from './fakeApi';

type Op<N extends OperationName> = OpInput<N>;
interface StoredMeeting extends Omit<Meeting, 'attendees' | 'quorum' | 'agenda'> { attendees: Attendee[] }
interface StoredItem { id: number; meeting_id: number; case_id: number; position: number; minutes_allotted: number; presenter: string; standard_of_care: boolean; override_reason: string | null; ready_at_listing: boolean }

const MEETING_OPS = new Set(Object.keys(operations).filter((n) => /^(profiles|session|boards|meetings|decisions|followups|quality)\./.test(n)));
const NOW = '2026-03-03T10:00:00.000Z';
const fail = (code: ApiError['code'], message: string, field?: string): never => { throw new ApiError({ code, message, ...(field ? { field } : {}) }); };

export class FakeMeetingsApi extends FakeApi {
  profiles: Profile[] = [];
  pins = new Map<number, string>();
  acting: number | null = null;
  boards: Board[] = [];
  meetings: StoredMeeting[] = [];
  items: StoredItem[] = [];
  decisions: Decision[] = [];
  followups: Followup[] = [];
  private seq = 100;

  override async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    if (!MEETING_OPS.has(name)) return super.invoke(name, input);
    // Recorded, failure hooks and validation as in FakeApi (super records and validates, then we answer).
    this.calls.push({ name, input: structuredClone(input) });
    await new Promise((r) => setTimeout(r, 0));
    const parsed = operations[name].input.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.map(String).join('.');
      fail('VALIDATION', `${field}: ${issue?.message ?? 'invalid'}`, field);
    }
    return structuredClone(this.answer(name, parsed.data as OpInput<N>)) as OpOutput<N>;
  }

  // ---- seeding helpers
  addProfile(name: string, role: Profile['role'], specialty: Profile['specialty'], pin?: string): Profile {
    const p: Profile = { id: this.profiles.length + 1, name, role, specialty, has_pin: pin !== undefined, created_at: NOW };
    this.profiles.push(p);
    if (pin) this.pins.set(p.id, pin);
    return p;
  }

  private actor(roles?: Profile['role'][]): Profile {
    const p = this.profiles.find((x) => x.id === this.acting);
    if (!p) return fail('FORBIDDEN', 'choose who you are (select your profile) before making changes');
    if (roles && !roles.includes(p.role)) fail('FORBIDDEN', `only the ${roles.join(' or ')} can do this`);
    return p;
  }

  private board(name: string): Board {
    let b = this.boards.find((x) => x.name === name);
    if (!b) { b = { id: this.boards.length + 1, name, quorum: [...DEFAULT_QUORUM], imaging_max_days: 56, labs_max_days: 14, updated_at: NOW }; this.boards.push(b); }
    return b;
  }

  private stored(id: number): StoredMeeting {
    return this.meetings.find((m) => m.id === id) ?? fail('NOT_FOUND', `no meeting ${id}`);
  }

  private writable(m: StoredMeeting): void {
    if (m.status === 'signed') fail('READ_ONLY', `meeting ${m.id} is signed: it is read-only`);
  }

  private caseOf(id: number): CaseRecord {
    return this.cases.find((c) => c.id === id) ?? fail('NOT_FOUND', `no case ${id}`);
  }

  readinessOf(caseId: number): Readiness {
    const c = this.caseOf(caseId);
    const missing = (['primary_tumor', 'ecog', 'bilirubin_mg_dl', 'albumin_g_dl'] as const)
      .filter((k) => c.facts[k] === undefined || c.facts[k] === null)
      .map((field) => ({ field, why: 'needed for every case' }));
    const imaging = { date: c.last_imaging_date ?? null, age_days: c.last_imaging_date ? 10 : null, max_days: 56, ok: Boolean(c.last_imaging_date) };
    const labs = { date: c.last_labs_date ?? null, age_days: c.last_labs_date ? 3 : null, max_days: 14, ok: Boolean(c.last_labs_date) };
    const reasons = [...missing.map((m) => `${m.field} is missing`), ...(imaging.ok ? [] : ['no imaging date']), ...(labs.ok ? [] : ['no labs date'])];
    return { case_id: caseId, ready: reasons.length === 0, missing_facts: missing, engine_missing: [], imaging, labs, reasons };
  }

  meeting(id: number): Meeting {
    const m = this.stored(id);
    const b = this.board(m.board);
    const present = [...new Set(m.attendees.filter((a) => a.attendance === 'attended').map((a) => a.specialty))];
    const missing = b.quorum.filter((s) => !present.includes(s));
    const agenda: AgendaItem[] = this.items.filter((i) => i.meeting_id === id).sort((a, b2) => a.position - b2.position).map((i) => this.item(i));
    return { ...m, quorum: { required: b.quorum, present, missing, met: missing.length === 0 }, agenda };
  }

  private item(i: StoredItem): AgendaItem {
    const c = this.caseOf(i.case_id);
    return {
      ...i, patient_id: c.patient.id, identifier: c.patient.identifier, family_name: c.patient.family_name, given_name: c.patient.given_name,
      primary_tumor: c.facts.primary_tumor ?? null, diagnosis: c.diagnosis, question: c.question, case_status: c.status,
      readiness: this.readinessOf(c.id), decision_id: this.decisions.find((d) => d.agenda_item_id === i.id)?.id ?? null,
    };
  }

  private listCase(meetingId: number, caseId: number, s: Op<'meetings.setItem'> | Op<'meetings.addCase'>): AgendaItem {
    const m = this.stored(meetingId);
    this.writable(m);
    const ready = this.readinessOf(caseId).ready;
    if (!ready && !s.override_reason) fail('VALIDATION', 'the case is not ready: give the reason for listing it anyway', 'override_reason');
    const position = this.items.filter((i) => i.meeting_id === meetingId).length + 1;
    const item: StoredItem = {
      id: ++this.seq, meeting_id: meetingId, case_id: caseId, position, minutes_allotted: s.minutes_allotted ?? 10, presenter: s.presenter ?? '',
      standard_of_care: s.standard_of_care ?? false, override_reason: ready ? null : (s.override_reason ?? null), ready_at_listing: ready,
    };
    this.items.push(item);
    return this.item(item);
  }

  private decisionContent(plan: Decision['plan'], caseId: number) {
    const c = this.caseOf(caseId);
    const engine = evaluate(c.facts);
    const strength = isEnginePlan(plan) ? (engine.options.find((o) => o.option === plan)?.strength ?? null) : null;
    const concordance: Decision['concordance'] = strength === null ? 'not_assessed' : strength === 'recommended' || strength === 'consider' ? 'concordant' : 'discordant';
    return { engine, strength, concordance, facts: c.facts };
  }

  private answer<N extends OperationName>(name: N, input: OpInput<N>): unknown {
    switch (name) {
      case 'profiles.list': return this.profiles;
      case 'profiles.create': {
        const i = input as Op<'profiles.create'>;
        return this.addProfile(i.name, i.role, i.specialty, i.pin);
      }
      case 'profiles.select': {
        const i = input as Op<'profiles.select'>;
        const p = this.profiles.find((x) => x.id === i.id) ?? fail('NOT_FOUND', 'no such profile');
        const pin = this.pins.get(p.id);
        if (pin !== undefined && i.pin !== pin) fail('UNAUTHENTICATED', 'the PIN is not right', 'pin');
        this.acting = p.id;
        return p;
      }
      case 'session.current': return this.profiles.find((p) => p.id === this.acting) ?? null;
      case 'session.clear': { const had = this.acting !== null; this.acting = null; return { cleared: had }; }
      case 'boards.list': return this.boards;
      case 'boards.save': {
        this.actor();
        const i = input as Op<'boards.save'>;
        const b = this.board(i.name);
        Object.assign(b, { quorum: i.quorum, imaging_max_days: i.imaging_max_days, labs_max_days: i.labs_max_days });
        return b;
      }
      case 'meetings.list': return this.meetings.map((m) => {
        const full = this.meeting(m.id);
        return { id: m.id, board: m.board, scheduled_at: m.scheduled_at, location: m.location, status: m.status, case_count: full.agenda.length,
          decided_count: full.agenda.filter((a) => a.decision_id !== null).length, quorum_met: full.quorum.met, signed_at: m.signed_at,
          chair_profile_id: m.chair_profile_id, coordinator_profile_id: m.coordinator_profile_id };
      });
      case 'meetings.get': return this.meeting((input as Op<'meetings.get'>).id);
      case 'meetings.create': {
        this.actor();
        const i = input as Op<'meetings.create'>;
        const b = this.board(i.board);
        const m: StoredMeeting = {
          id: ++this.seq, board: b.name, board_id: b.id, scheduled_at: i.scheduled_at, location: i.location ?? '', video_link: i.video_link ?? '',
          chair_profile_id: i.chair_profile_id ?? null, coordinator_profile_id: i.coordinator_profile_id ?? null, status: 'planned', version: 1,
          attendees: (i.attendees ?? []).map((a) => ({ id: ++this.seq, profile_id: a.profile_id ?? null, name: a.name, specialty: a.specialty, attendance: a.attendance })),
          started_at: null, concluded_at: null, signed_at: null, signed_by: null, created_at: NOW, updated_at: NOW,
        };
        this.meetings.push(m);
        return this.meeting(m.id);
      }
      case 'meetings.start': case 'meetings.conclude': case 'meetings.reopen': case 'meetings.sign': {
        const i = input as Op<'meetings.sign'>;
        const m = this.stored(i.id);
        this.writable(m);
        if (m.version !== i.version) fail('CONFLICT', `meeting ${m.id} was changed`);
        const p = this.actor(name === 'meetings.sign' ? ['chair'] : undefined);
        const steps: Record<string, readonly [MeetingStatus, MeetingStatus]> = { 'meetings.start': ['planned', 'in_progress'], 'meetings.conclude': ['in_progress', 'concluded'],
          'meetings.reopen': ['concluded', 'in_progress'], 'meetings.sign': ['concluded', 'signed'] };
        const [from, to] = steps[name] ?? fail('INTERNAL', 'no such step');
        if (m.status !== from) fail('CONFLICT', `meeting ${m.id} is ${m.status}, not ${from}`);
        if (name === 'meetings.sign' && this.pins.has(p.id) && this.pins.get(p.id) !== i.pin) fail('UNAUTHENTICATED', 'the PIN is not right', 'pin');
        m.status = to;
        m.version += 1;
        if (to === 'signed') { m.signed_at = NOW; m.signed_by = p.name; }
        return this.meeting(m.id);
      }
      case 'meetings.readiness': return this.readinessOf((input as Op<'meetings.readiness'>).case_id);
      case 'meetings.addCase': {
        this.actor();
        const i = input as Op<'meetings.addCase'>;
        return this.listCase(i.meeting_id, i.case_id, i);
      }
      case 'meetings.removeCase': {
        const item = this.items.find((x) => x.id === (input as Op<'meetings.removeCase'>).item_id) ?? fail('NOT_FOUND', 'no such item');
        this.writable(this.stored(item.meeting_id));
        this.items = this.items.filter((x) => x !== item);
        return this.meeting(item.meeting_id);
      }
      case 'meetings.reorder': {
        this.actor();
        const i = input as Op<'meetings.reorder'>;
        this.writable(this.stored(i.meeting_id));
        i.item_ids.forEach((id, n) => { const it = this.items.find((x) => x.id === id); if (it) it.position = n + 1; });
        return this.meeting(i.meeting_id);
      }
      case 'meetings.setItem': {
        const i = input as Op<'meetings.setItem'>;
        const item = this.items.find((x) => x.id === i.item_id) ?? fail('NOT_FOUND', 'no such item');
        this.writable(this.stored(item.meeting_id));
        if (i.minutes_allotted !== undefined) item.minutes_allotted = i.minutes_allotted;
        if (i.presenter !== undefined) item.presenter = i.presenter;
        if (i.standard_of_care !== undefined) item.standard_of_care = i.standard_of_care;
        return this.item(item);
      }
      case 'meetings.carryForward': {
        this.actor();
        const i = input as Op<'meetings.carryForward'>;
        const from = this.caseOf(i.case_id);
        const copy = this.addCase(from.patient, { diagnosis: from.diagnosis, question: from.question, facts: structuredClone(from.facts) });
        copy.last_imaging_date = from.last_imaging_date ?? null;
        copy.last_labs_date = from.last_labs_date ?? null;
        const item = i.meeting_id ? this.listCase(i.meeting_id, copy.id, { override_reason: i.override_reason } as Op<'meetings.addCase'>) : null;
        return { case: copy, item };
      }
      case 'decisions.record': {
        const p = this.actor();
        const i = input as Op<'decisions.record'>;
        const item = this.items.find((x) => x.id === i.agenda_item_id) ?? fail('NOT_FOUND', 'no such item');
        const m = this.stored(item.meeting_id);
        this.writable(m);
        if (m.status === 'planned') fail('CONFLICT', 'start the meeting before recording decisions', 'agenda_item_id');
        const { engine, strength, concordance, facts } = this.decisionContent(i.plan, item.case_id);
        if (concordance === 'discordant' && !i.discordance_reason) fail('VALIDATION', 'give the reason for a plan the engine rates against', 'discordance_reason');
        const { agenda_item_id: _a, ...content } = i;
        const c = {
          plan: content.plan, plan_detail: content.plan_detail ?? '', intent: content.intent, rationale: content.rationale ?? '', consensus: content.consensus,
          dissent: content.dissent ?? [], actions: (content.actions ?? []).map((a) => ({ ...a, due_date: a.due_date ?? null })),
          follow_up_date: content.follow_up_date ?? null, patient_preference_discussed: content.patient_preference_discussed,
          discordance_reason: content.discordance_reason ?? null,
        };
        const d: Decision = {
          ...c, id: this.decisions.find((x) => x.agenda_item_id === item.id)?.id ?? ++this.seq, meeting_id: m.id, agenda_item_id: item.id, case_id: item.case_id,
          recorded_by: p.name, recorded_by_profile_id: p.id, recorded_at: NOW, facts_snapshot: facts, engine_snapshot: engine, engine_version: engine.engine_version,
          plan_strength: strength, concordance, amendments: [], current: { ...c, plan_strength: strength, concordance },
        };
        this.decisions = [...this.decisions.filter((x) => x.agenda_item_id !== item.id), d];
        return d;
      }
      case 'decisions.amend': {
        const p = this.actor();
        const i = input as Op<'decisions.amend'>;
        const d = this.decisions.find((x) => x.id === i.decision_id) ?? fail('NOT_FOUND', 'no such decision');
        if (this.stored(d.meeting_id).status !== 'signed') fail('CONFLICT', 'not signed yet');
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const current = d.current as unknown as Record<string, unknown>;
        for (const [k, v] of Object.entries(i.changes)) { before[k] = current[k]; after[k] = v; current[k] = v; }
        const a: Amendment = { id: ++this.seq, decision_id: d.id, reason: i.reason, amended_by: p.name, amended_by_profile_id: p.id, amended_at: NOW,
          changed_fields: Object.keys(i.changes), before, after };
        d.amendments.push(a);
        return d;
      }
      case 'decisions.get': {
        const i = input as Op<'decisions.get'>;
        return this.decisions.find((d) => d.id === i.id || d.agenda_item_id === i.agenda_item_id) ?? fail('NOT_FOUND', 'no such decision');
      }
      case 'decisions.listForMeeting': return this.decisions.filter((d) => d.meeting_id === (input as Op<'decisions.listForMeeting'>).meeting_id);
      case 'followups.list': return this.decisions.map((d) => {
        const m = this.stored(d.meeting_id);
        const c = this.caseOf(d.case_id);
        const latest = [...this.followups].reverse().find((f) => f.decision_id === d.id) ?? null;
        return { decision_id: d.id, meeting_id: m.id, board: m.board, meeting_date: m.scheduled_at, case_id: c.id, identifier: c.patient.identifier,
          family_name: c.patient.family_name, given_name: c.patient.given_name, plan: d.current.plan, intent: d.current.intent,
          follow_up_date: d.current.follow_up_date, actions: d.current.actions, status: latest?.outcome ?? 'pending', latest };
      }).filter((r) => !(input as Op<'followups.list'>).status || r.status === (input as Op<'followups.list'>).status);
      case 'followups.record': {
        const p = this.actor();
        const i = input as Op<'followups.record'>;
        const f: Followup = { id: ++this.seq, decision_id: i.decision_id, outcome: i.outcome, date: i.date ?? null, reason: i.outcome === 'changed' ? i.reason : null,
          note: i.note ?? '', recorded_by: p.name, recorded_at: NOW };
        this.followups.push(f);
        return f;
      }
      case 'quality.report': {
        const i = input as Op<'quality.report'>;
        const n = (c: Decision['concordance']) => this.decisions.filter((d) => d.current.concordance === c).length;
        const implemented = this.followups.filter((f) => f.outcome === 'implemented').length;
        const changed = this.followups.filter((f) => f.outcome === 'changed').length;
        return { board: i.board ?? null, from: i.from, to: i.to, meetings: this.meetings.length, meetings_signed: this.meetings.filter((m) => m.status === 'signed').length,
          meetings_quorum_met: this.meetings.filter((m) => this.meeting(m.id).quorum.met).length, cases_discussed: this.decisions.length,
          referral_to_discussion_days: { n: 0, median: null, mean: null }, decisions: this.decisions.length,
          decisions_with_rationale: this.decisions.filter((d) => d.current.rationale).length, concordant: n('concordant'), discordant: n('discordant'),
          not_assessed: n('not_assessed'), concordance_rate: n('concordant') + n('discordant') ? n('concordant') / (n('concordant') + n('discordant')) : null,
          implemented, changed, pending: this.decisions.length - implemented - changed, implementation_rate: implemented + changed ? implemented / (implemented + changed) : null,
          override_count: this.items.filter((x) => x.override_reason).length, standard_of_care_count: this.items.filter((x) => x.standard_of_care).length,
          amendments: this.decisions.reduce((s, d) => s + d.amendments.length, 0) };
      }
      default:
        return fail('UNKNOWN_OPERATION', `the fake API does not implement ${name}`);
    }
  }
}

/** Colorectal, second line: the engine recommends SYSTEMIC_STANDARD and rates Y90_WITH_SECOND_LINE_CHEMO not recommended. */
export const READY_CRC = {
  primary_tumor: 'colorectal', line_of_therapy: 'second_line', prior_systemic_lines: 1, ecog: 0, liver_dominant: true,
  extrahepatic_disease: 'none', bilirubin_mg_dl: 0.8, albumin_g_dl: 4, resectable_or_ablatable: false,
} as const;

/** A meeting API with profiles (a coordinator acting, a chair with PIN 2468), three ready cases, one not ready. */
export function meetingFixture(): { api: FakeMeetingsApi; coordinator: Profile; chair: Profile } {
  const api = new FakeMeetingsApi();
  const coordinator = api.addProfile('Priya Coordinator', 'coordinator', 'coordinator');
  const chair = api.addProfile('Helena Chair', 'chair', 'surgery', '2468');
  api.acting = coordinator.id;
  const dated = { last_imaging_date: '2026-02-20', last_labs_date: '2026-02-28' };
  const pats = [['Ødegård', 'Zoë', 'MRN1'], ['Núñez', 'José', 'MRN2'], ['Wróbel', 'Łukasz', 'MRN3'], ['Smith', 'Anna', 'MRN4']] as const;
  pats.forEach(([family, given, id], n) => {
    const c = api.addCase({ identifier: id, family_name: family, given_name: given, birth_date: '1950-03-01', sex: 'female' },
      { status: 'ready', diagnosis: `CRC liver metastases ${n + 1}`, question: 'Y-90 with second-line chemotherapy?', facts: n === 3 ? { primary_tumor: 'colorectal' } : { ...READY_CRC } });
    Object.assign(c, n === 3 ? { last_imaging_date: null, last_labs_date: null } : dated);
  });
  return { api, coordinator, chair };
}
