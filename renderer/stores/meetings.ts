/**
 * Board meetings: the list, the open meeting (details, attendees, quorum, agenda with readiness) and its
 * decisions, the facts of its cases (for the engine in presentation mode). Every change goes through the API
 * and the store takes the meeting the server answers, so the screen shows what is stored. Failures are thrown
 * as ApiError for the view that asked to show (next to the field it names).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError, type ApiClient, type OpInput } from '../../shared/api';
import type { CaseRecord } from '../../shared/domain/case';
import type {
  AgendaItem, AgendaItemSettings, AmendmentInput, Decision, DecisionRecordInput, MeetingInput, Meeting, MeetingStatus,
  MeetingSummary, Readiness,
} from '../../shared/domain/meeting';

export type Transition = 'start' | 'conclude' | 'reopen' | 'sign';

export interface MeetingsState {
  list: MeetingSummary[] | null;
  listError: string | null;
  meeting: Meeting | null;
  loadError: string | null;
  /** Decisions of the open meeting by agenda item id. */
  decisions: Record<number, Decision>;
  /** Cases of the open meeting by case id (facts for the engine), loaded on demand. */
  cases: Record<number, CaseRecord>;
  /**
   * Unsaved decision drafts by agenda item id, so moving between cases in presentation mode loses nothing typed.
   * The shape belongs to the decision form (components/meetings/DecisionForm.tsx).
   */
  drafts: Record<number, unknown>;
  setDraft(itemId: number, draft: unknown): void;
  loadList(statuses?: MeetingStatus[]): Promise<void>;
  open(id: number): Promise<void>;
  close(): void;
  create(input: MeetingInput): Promise<Meeting>;
  update(input: MeetingInput): Promise<Meeting>;
  /** `secret`: the chair's PIN at a local seat, or their password on a board server (step-up before signing). */
  transition(kind: Transition, secret?: { pin?: string; password?: string }): Promise<Meeting>;
  readiness(caseId: number): Promise<Readiness>;
  addCase(caseId: number, settings?: AgendaItemSettings): Promise<AgendaItem>;
  carryForward(caseId: number, overrideReason?: string): Promise<AgendaItem | null>;
  removeCase(itemId: number): Promise<void>;
  /**
   * Moves an item to an index; no-op at the ends. The order is sent with the versions shown: when someone else
   * changed the agenda meanwhile, the server refuses (CONFLICT naming who) and the store shows the agenda as it now is.
   */
  move(itemId: number, toIndex: number): Promise<void>;
  /** `version`: the item's version the change was based on (a stale one is CONFLICT naming who changed it). */
  setItem(itemId: number, version: number, settings: AgendaItemSettings): Promise<AgendaItem>;
  loadCase(caseId: number): Promise<CaseRecord>;
  record(input: DecisionRecordInput): Promise<Decision>;
  amend(input: AmendmentInput): Promise<Decision>;
}

export type MeetingsStore = StoreApi<MeetingsState>;

export const isReadOnly = (m: Pick<Meeting, 'status'> | null): boolean => m?.status === 'signed';

export function createMeetingsStore(api: ApiClient): MeetingsStore {
  return createStore<MeetingsState>()((set, get) => {
    const current = (): Meeting => {
      const m = get().meeting;
      if (!m) throw new Error('no meeting is open');
      return m;
    };
    /** Takes a fresh meeting from the server (after any agenda change). */
    const reload = async (): Promise<Meeting> => {
      const meeting = await api.invoke('meetings.get', { id: current().id });
      set({ meeting });
      return meeting;
    };
    const loadDecisions = async (meetingId: number): Promise<void> => {
      const list = await api.invoke('decisions.listForMeeting', { meeting_id: meetingId });
      if (get().meeting?.id !== meetingId) return;
      set({ decisions: Object.fromEntries(list.map((d) => [d.agenda_item_id, d])) });
    };
    return {
      list: null,
      listError: null,
      meeting: null,
      loadError: null,
      decisions: {},
      cases: {},
      drafts: {},
      setDraft: (itemId, draft) => {
        const { [itemId]: _old, ...rest } = get().drafts;
        set({ drafts: draft === null ? rest : { ...rest, [itemId]: draft } });
      },
      loadList: async (statuses) => {
        try {
          const list = await api.invoke('meetings.list', statuses?.length ? { statuses } : {});
          set({ list, listError: null });
        } catch (error) {
          set({ listError: error instanceof Error ? error.message : 'the meetings could not be loaded' });
        }
      },
      open: async (id) => {
        if (get().meeting?.id !== id) set({ meeting: null, decisions: {}, cases: {}, drafts: {}, loadError: null });
        try {
          const meeting = await api.invoke('meetings.get', { id });
          set({ meeting, loadError: null });
          await loadDecisions(id);
        } catch (error) {
          set({ loadError: error instanceof Error ? error.message : 'the meeting could not be opened' });
        }
      },
      close: () => set({ meeting: null, decisions: {}, cases: {}, drafts: {}, loadError: null }),
      create: async (input) => {
        const meeting = await api.invoke('meetings.create', input);
        set({ meeting, decisions: {}, cases: {} });
        return meeting;
      },
      update: async (input) => {
        const m = current();
        const meeting = await api.invoke('meetings.update', { id: m.id, version: m.version, meeting: input });
        set({ meeting });
        return meeting;
      },
      transition: async (kind, secret) => {
        const m = current();
        const input = { id: m.id, version: m.version };
        const meeting = kind === 'start' ? await api.invoke('meetings.start', input)
          : kind === 'conclude' ? await api.invoke('meetings.conclude', input)
            : kind === 'reopen' ? await api.invoke('meetings.reopen', input)
              : await api.invoke('meetings.sign', { ...input, ...(secret?.pin ? { pin: secret.pin } : {}), ...(secret?.password ? { password: secret.password } : {}) });
        set({ meeting });
        return meeting;
      },
      readiness: (caseId) => api.invoke('meetings.readiness', { meeting_id: current().id, case_id: caseId }),
      addCase: async (caseId, settings = {}) => {
        const item = await api.invoke('meetings.addCase', { meeting_id: current().id, case_id: caseId, ...settings });
        await reload();
        return item;
      },
      carryForward: async (caseId, overrideReason) => {
        const input: OpInput<'meetings.carryForward'> = { case_id: caseId, meeting_id: current().id };
        if (overrideReason) input.override_reason = overrideReason;
        const result = await api.invoke('meetings.carryForward', input);
        await reload();
        return result.item;
      },
      removeCase: async (itemId) => {
        set({ meeting: await api.invoke('meetings.removeCase', { item_id: itemId }) });
      },
      move: async (itemId, toIndex) => {
        const m = current();
        const ids = m.agenda.map((i) => i.id);
        const from = ids.indexOf(itemId);
        const to = Math.max(0, Math.min(ids.length - 1, toIndex));
        if (from < 0 || from === to) return;
        ids.splice(from, 1);
        ids.splice(to, 0, itemId);
        // Show the new order at once; the server's answer replaces it (or the old order comes back on failure).
        const byId = new Map(m.agenda.map((i) => [i.id, i]));
        set({ meeting: { ...m, agenda: ids.map((id, i) => ({ ...(byId.get(id) as AgendaItem), position: i + 1 })) } });
        try {
          set({ meeting: await api.invoke('meetings.reorder', { meeting_id: m.id, item_ids: ids, versions: ids.map((id) => byId.get(id)?.version ?? 0) }) });
        } catch (error) {
          set({ meeting: m });
          if (error instanceof ApiError && error.code === 'CONFLICT') await reload().catch(() => undefined);
          throw error;
        }
      },
      setItem: async (itemId, version, settings) => {
        const item = await api.invoke('meetings.setItem', { item_id: itemId, version, ...settings });
        const m = get().meeting;
        if (m) set({ meeting: { ...m, agenda: m.agenda.map((i) => (i.id === item.id ? item : i)) } });
        return item;
      },
      loadCase: async (caseId) => {
        const known = get().cases[caseId];
        if (known) return known;
        const record = await api.invoke('cases.get', { id: caseId });
        set({ cases: { ...get().cases, [caseId]: record } });
        return record;
      },
      record: async (input) => {
        const decision = await api.invoke('decisions.record', input);
        set({ decisions: { ...get().decisions, [decision.agenda_item_id]: decision } });
        const m = get().meeting;
        if (m) set({ meeting: { ...m, agenda: m.agenda.map((i) => (i.id === decision.agenda_item_id ? { ...i, decision_id: decision.id } : i)) } });
        return decision;
      },
      amend: async (input) => {
        const decision = await api.invoke('decisions.amend', input);
        set({ decisions: { ...get().decisions, [decision.agenda_item_id]: decision } });
        return decision;
      },
    };
  });
}
