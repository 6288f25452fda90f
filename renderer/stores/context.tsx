/** One set of stores per app instance (tests build their own around a fake ApiClient). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../../shared/api';
import type { DesktopConnection } from '../api/desktop';
import type { EventSourceLike } from '../api/live';
import { createAccountStore, type AccountApi, type AccountState, type AccountStore } from './account';
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
  /** Network mode: the signed-in account and whether the board server answers; `local` otherwise. */
  account: AccountStore;
  /** The desktop app's "Board server" setting; null in a browser. */
  connection: DesktopConnection | null;
  /** Where live changes come from on a board server (default: the page's own EventSource). */
  openEvents?: () => EventSourceLike;
}

export interface DesktopParts {
  connection?: DesktopConnection;
  openEvents?: () => EventSourceLike;
}

export function createAppStores(api: ApiClient, storage?: Storage, accountApi: AccountApi | null = null, desktop: DesktopParts = {}): AppStores {
  return {
    api, cases: createCasesStore(api), ui: createUiStore(api, storage), editor: createEditorStore(api),
    session: createSessionStore(api), meetings: createMeetingsStore(api), data: createDataStore(api),
    account: createAccountStore(accountApi), connection: desktop.connection ?? null,
    ...(desktop.openEvents ? { openEvents: desktop.openEvents } : {}),
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
export const useAccount = <T,>(selector: (s: AccountState) => T): T => useStore(useStores().account, selector);
export const useData = <T,>(selector: (s: DataState) => T): T => useStore(useStores().data, selector);
