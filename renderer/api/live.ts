/**
 * Live updates on a board server: `GET /api/events` (Server-Sent Events) tells of every committed change
 * `{ op, entity, id, version, actor, at }`. Open screens refresh what changed within a second: the case list,
 * the open case (reloaded when nothing is typed; otherwise the form says who changed it and merges on save),
 * the meetings list, the open meeting with its agenda and decisions, and a case shown in a meeting.
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing committed meanwhile is missed.
 */
import type { AppStores } from '../stores/context';

import { changeEventSchema, type ChangeNotice } from '../../shared/api/connection';

export interface EventSourceLike {
  onopen: ((this: EventSourceLike, ev: Event) => unknown) | null;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null;
  addEventListener(type: 'change', listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

/** Refreshes are gathered for this long, so a burst of changes (an import) costs one reload per screen. */
const GATHER_MS = 150;
const CASE_ENTITIES = new Set(['case', 'patient']);

/** Follow the presenter: a member who follows goes to the case the room is on (the presenter's latest move). */
export async function followRoom(stores: AppStores, meetingId: number): Promise<void> {
  const where = await stores.api.invoke('meetings.presenting', { meeting_id: meetingId });
  const ui = stores.ui.getState();
  const view = ui.view;
  if (!where || !ui.followPresenter || view.name !== 'present' || view.id !== meetingId) return;
  if (view.index !== where.position - 1) ui.show({ name: 'present', id: meetingId, index: where.position - 1 });
}

export function applyChanges(stores: AppStores, all: readonly ChangeNotice[], self: string | null): void {
  const moves = all.filter((n) => n.op === 'meeting.present');
  const view = stores.ui.getState().view;
  if (view.name === 'present' && stores.ui.getState().followPresenter && moves.some((n) => n.id === view.id && n.actor !== self)) {
    void followRoom(stores, view.id).catch(() => undefined);
  }
  // A presenter's move changes nothing on the record: no screen reloads for it.
  const notices = all.filter((n) => n.op !== 'meeting.present');
  const cases = notices.filter((n) => CASE_ENTITIES.has(n.entity));
  const meetingsChanged = notices.some((n) => !CASE_ENTITIES.has(n.entity) && n.entity !== 'profile' && n.entity !== 'import_mapping');
  if (cases.length > 0) {
    stores.cases.getState().refresh();
    const editor = stores.editor.getState();
    const open = editor.record;
    for (const n of cases) {
      if (!open || n.entity !== 'case' || n.id !== open.id) continue;
      if (n.version !== null && n.version <= open.version) continue; // our own save, already shown
      if (n.actor === self && editor.saving) continue;
      editor.noteRemote({ version: n.version, actor: n.actor, at: n.at });
    }
    const meetings = stores.meetings.getState();
    for (const n of cases) {
      const caseId = n.id;
      if (n.entity !== 'case' || typeof caseId !== 'number' || !meetings.cases[caseId]) continue;
      const { [caseId]: _stale, ...rest } = stores.meetings.getState().cases;
      stores.meetings.setState({ cases: rest });
      void stores.meetings.getState().loadCase(caseId).catch(() => undefined);
    }
  }
  if (meetingsChanged || cases.length > 0) {
    const meetings = stores.meetings.getState();
    if (meetings.meeting) void meetings.open(meetings.meeting.id);
    if (meetings.list) void meetings.loadList();
  }
}

export function connectLiveUpdates(stores: AppStores, open: () => EventSourceLike = () => new EventSource('./api/events', { withCredentials: true }) as unknown as EventSourceLike): () => void {
  const source = open();
  let pending: ChangeNotice[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  source.onopen = () => stores.account.getState().setOnline(true);
  source.onerror = () => {
    // EventSource retries by itself; the banner tells the user meanwhile. A 401 (session ended) closes it for good.
    stores.account.getState().setOnline(false);
    void stores.account.getState().check();
  };
  source.addEventListener('change', (ev) => {
    let notice: ChangeNotice;
    try {
      notice = changeEventSchema.parse(JSON.parse(ev.data));
    } catch {
      return;
    }
    pending.push(notice);
    timer ??= setTimeout(() => {
      timer = null;
      const batch = pending;
      pending = [];
      applyChanges(stores, batch, stores.account.getState().account?.name ?? null);
    }, GATHER_MS);
  });
  return () => {
    if (timer) clearTimeout(timer);
    source.close();
  };
}
