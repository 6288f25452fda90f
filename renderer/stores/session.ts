/**
 * Who is acting: the local profiles and the acting one for this window's session (`session.current`).
 * Every meeting write needs an acting profile; the header shows it with a way to switch.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/api';
import type { Profile, ProfileInput } from '../../shared/domain/meeting';

export interface SessionState {
  profiles: Profile[];
  current: Profile | null;
  /** 'loading' until the first answer; 'error' when the session could not be read (the app still works for cases). */
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** The chooser dialog is open. */
  choosing: boolean;
  /** Reads the profiles and the acting one; `askIfNone` opens the chooser (in the same update) when nobody is acting. */
  load(options?: { askIfNone?: boolean }): Promise<void>;
  openChooser(): void;
  closeChooser(): void;
  /** Makes the profile the acting one (throws the ApiError, e.g. a wrong PIN, for the form to show). */
  select(id: number, pin?: string): Promise<Profile>;
  /** Creates the profile and acts as it at once. */
  create(input: ProfileInput): Promise<Profile>;
  clear(): Promise<void>;
}

export type SessionStore = StoreApi<SessionState>;

export function createSessionStore(api: ApiClient): SessionStore {
  return createStore<SessionState>()((set, get) => ({
    profiles: [],
    current: null,
    status: 'loading',
    error: null,
    choosing: false,
    load: async (options) => {
      try {
        const [profiles, current] = await Promise.all([api.invoke('profiles.list', {}), api.invoke('session.current', {})]);
        set({ profiles, current, status: 'ready', error: null, ...(options?.askIfNone && !current ? { choosing: true } : {}) });
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : 'the session could not be read' });
      }
    },
    openChooser: () => {
      set({ choosing: true });
      void api.invoke('profiles.list', {}).then((profiles) => set({ profiles }), () => undefined);
    },
    closeChooser: () => set({ choosing: false }),
    select: async (id, pin) => {
      const profile = await api.invoke('profiles.select', pin ? { id, pin } : { id });
      set({ current: profile, choosing: false, status: 'ready', error: null });
      return profile;
    },
    create: async (input) => {
      const created = await api.invoke('profiles.create', input);
      set({ profiles: [...get().profiles, created] });
      return get().select(created.id, input.pin);
    },
    clear: async () => {
      await api.invoke('session.clear', {});
      set({ current: null });
    },
  }));
}
