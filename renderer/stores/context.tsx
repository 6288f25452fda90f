/** One set of stores per app instance (tests build their own around a fake ApiClient). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../../shared/api';
import { createCasesStore, type CasesState, type CasesStore } from './cases';
import { createDataStore, type DataState, type DataStore } from './data';
import { createEditorStore, type EditorState, type EditorStore } from './editor';
import { createMeetingsStore, type MeetingsState, type MeetingsStore } from './meetings';
import { createSessionStore, type SessionState, type SessionStore } from './session';
import { createUiStore, type UiState, type UiStore } from './ui';

export interface AppStores {
  api: ApiClient;
  cases: CasesStore;
  ui: UiStore;
  editor: EditorStore;
  session: SessionStore;
  meetings: MeetingsStore;
  data: DataStore;
}

export function createAppStores(api: ApiClient, storage?: Storage): AppStores {
  return {
    api, cases: createCasesStore(api), ui: createUiStore(api, storage), editor: createEditorStore(api),
    session: createSessionStore(api), meetings: createMeetingsStore(api), data: createDataStore(api),
  };
}

const StoresContext = createContext<AppStores | null>(null);

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing');
  return stores;
}

export const useCases = <T,>(selector: (s: CasesState) => T): T => useStore(useStores().cases, selector);
export const useUi = <T,>(selector: (s: UiState) => T): T => useStore(useStores().ui, selector);
export const useEditor = <T,>(selector: (s: EditorState) => T): T => useStore(useStores().editor, selector);
export const useSession = <T,>(selector: (s: SessionState) => T): T => useStore(useStores().session, selector);
export const useMeetings = <T,>(selector: (s: MeetingsState) => T): T => useStore(useStores().meetings, selector);
export const useData = <T,>(selector: (s: DataState) => T): T => useStore(useStores().data, selector);
