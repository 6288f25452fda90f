/**
 * The case being edited: loading it, saving it, and what went wrong. The typed values themselves live in
 * the form (renderer/form/), so a failed save never touches them.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError, type ApiClient, type ApiErrorCode, type OpInput } from '../../shared/api';
import type { CaseRecord, Patient } from '../../shared/domain/case';

export interface SaveFailure {
  code: ApiErrorCode;
  message: string;
  field: string | undefined;
}

export type SaveRequest =
  | { kind: 'create'; input: OpInput<'cases.create'> }
  | { kind: 'update'; input: OpInput<'cases.update'> };

/** Someone else saved the open case (network mode, from the live feed). */
export interface RemoteChange {
  version: number | null;
  actor: string;
  at: string;
}

export interface EditorState {
  record: CaseRecord | null;
  /** A newer version saved by someone else while this case is open; cleared on load and on save. */
  remote: RemoteChange | null;
  noteRemote(change: RemoteChange): void;
  /** Bumped on every load from the database: the form re-initialises from the record then, not after its own save. */
  loadCount: number;
  loading: boolean;
  loadError: string | null;
  saving: boolean;
  saveError: SaveFailure | null;
  load(id: number): Promise<void>;
  reset(): void;
  /** Resolves with the saved record, or null when the save failed (see `saveError`). */
  save(request: SaveRequest): Promise<CaseRecord | null>;
  clearSaveError(): void;
  findPatient(identifier: string): Promise<Patient | null>;
}

export type EditorStore = StoreApi<EditorState>;

const failure = (error: unknown): SaveFailure =>
  error instanceof ApiError
    ? { code: error.code, message: error.message, field: error.field }
    : { code: 'INTERNAL', message: error instanceof Error ? error.message : 'unknown error', field: undefined };

export function createEditorStore(api: ApiClient): EditorStore {
  let loadSeq = 0;
  return createStore<EditorState>()((set, get) => ({
    record: null,
    remote: null,
    noteRemote: (change) => set({ remote: change }),
    loadCount: 0,
    loading: false,
    loadError: null,
    saving: false,
    saveError: null,
    load: async (id) => {
      const seq = ++loadSeq;
      set({ loading: true, loadError: null, record: null, saveError: null, remote: null });
      try {
        const record = await api.invoke('cases.get', { id });
        if (seq === loadSeq) set({ record, loading: false, loadCount: get().loadCount + 1 });
      } catch (error) {
        if (seq === loadSeq) set({ loading: false, loadError: failure(error).message });
      }
    },
    reset: () => { loadSeq++; set({ record: null, loading: false, loadError: null, saving: false, saveError: null }); },
    save: async (request) => {
      if (get().saving) return null;
      set({ saving: true, saveError: null });
      try {
        const record = request.kind === 'create'
          ? await api.invoke('cases.create', request.input)
          : await api.invoke('cases.update', request.input);
        set({ record, saving: false, remote: null });
        return record;
      } catch (error) {
        set({ saving: false, saveError: failure(error) });
        return null;
      }
    },
    clearSaveError: () => set({ saveError: null }),
    findPatient: async (identifier) => {
      const trimmed = identifier.trim();
      if (!trimmed) return null;
      return api.invoke('patients.findByIdentifier', { identifier: trimmed });
    },
  }));
}
