/** What the screen shows: the current view, the selected row of the list, app facts, a passing notice. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, OpOutput } from '../../shared/api';
import type { LabAnalyte } from '../../shared/domain/units';
import type { BackupStatus } from '../../shared/domain/imports';

export type View = { name: 'list' } | { name: 'new' }
  // A case: its overview (what opening a case shows) and its full form.
  | { name: 'case'; id: number } | { name: 'edit'; id: number } | { name: 'evidence' }
  // Board meetings (renderer/views/meetings/): the list, one meeting, its presentation, follow-up, quality.
  | { name: 'meetings' } | { name: 'meeting'; id: number } | { name: 'present'; id: number; index: number }
  | { name: 'followup' } | { name: 'quality' }
  // Data in and out (renderer/views/data/): CSV and FHIR imports, backups.
  | { name: 'data' }
  // A meeting's minutes (renderer/views/minutes/): preview, PDF export, outcome letters.
  | { name: 'minutes'; meetingId: number }
  // The board's settings (time zone, locale, letterhead).
  | { name: 'settings' };
export type AppInfo = OpOutput<'app.info'>;
export type LabUnitPrefs = Record<LabAnalyte, string>;

const UNIT_PREFS_KEY = 'tumour-board.lab-units';
export const CONTRACT_UNIT_PREFS: LabUnitPrefs = { bilirubin: 'mg_dl', albumin: 'g_dl', creatinine: 'mg_dl' };

export interface UiState {
  view: View;
  /** Index of the selected row in the case list (keyboard cursor). */
  selectedIndex: number;
  info: AppInfo | null;
  infoError: string | null;
  notice: string | null;
  /** The last automatic backup (backups.status): the frame warns while it failed; null until asked or when unknown. */
  backupStatus: BackupStatus | null;
  /** The unit each lab was last entered in, remembered per machine. */
  labUnits: LabUnitPrefs;
  /** Board server, presentation: this screen moves to the case the room is on (opt-in, off by default). */
  followPresenter: boolean;
  setFollowPresenter(follow: boolean): void;
  show(view: View): void;
  select(index: number): void;
  notify(message: string | null): void;
  setLabUnit(analyte: LabAnalyte, unit: string): void;
  loadInfo(): Promise<void>;
  loadBackupStatus(): Promise<void>;
}

export type UiStore = StoreApi<UiState>;

function readUnitPrefs(storage: Storage | undefined): LabUnitPrefs {
  try {
    const raw = storage?.getItem(UNIT_PREFS_KEY);
    if (!raw) return CONTRACT_UNIT_PREFS;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return CONTRACT_UNIT_PREFS;
    const p = parsed as Partial<Record<LabAnalyte, unknown>>;
    const pick = (a: LabAnalyte): string => (typeof p[a] === 'string' ? (p[a] as string) : CONTRACT_UNIT_PREFS[a]);
    return { bilirubin: pick('bilirubin'), albumin: pick('albumin'), creatinine: pick('creatinine') };
  } catch {
    return CONTRACT_UNIT_PREFS;
  }
}

export function createUiStore(api: ApiClient, storage: Storage | undefined = globalThis.localStorage): UiStore {
  return createStore<UiState>()((set, get) => ({
    view: { name: 'list' },
    selectedIndex: 0,
    info: null,
    infoError: null,
    notice: null,
    backupStatus: null,
    labUnits: readUnitPrefs(storage),
    followPresenter: false,
    setFollowPresenter: (followPresenter) => set({ followPresenter }),
    show: (view) => set({ view }),
    select: (index) => set({ selectedIndex: Math.max(0, index) }),
    notify: (notice) => set({ notice }),
    setLabUnit: (analyte, unit) => {
      const labUnits = { ...get().labUnits, [analyte]: unit };
      set({ labUnits });
      try { storage?.setItem(UNIT_PREFS_KEY, JSON.stringify(labUnits)); } catch { /* preference only */ }
    },
    loadBackupStatus: async () => {
      try {
        set({ backupStatus: await api.invoke('backups.status', {}) });
      } catch {
        // Not known (not signed in, the server away): no warning rather than a wrong one; asked again later.
      }
    },
    loadInfo: async () => {
      try {
        set({ info: await api.invoke('app.info', {}), infoError: null });
      } catch (error) {
        set({ infoError: error instanceof Error ? error.message : 'unknown error' });
      }
    },
  }));
}
