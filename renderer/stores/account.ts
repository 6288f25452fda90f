/**
 * Network mode (the app served by a board server): who is signed in, and whether the server can be reached.
 * In local mode (the desktop app, the loopback host) this store stays `local` and nothing here is called.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SignedIn } from '../../shared/domain/accounts';

export interface AccountApi {
  signIn(name: string, password: string): Promise<SignedIn>;
  signOut(): Promise<void>;
  signedIn(): Promise<SignedIn | null>;
}

export interface AccountState {
  mode: 'local' | 'network';
  status: 'checking' | 'signed-out' | 'signed-in';
  account: SignedIn | null;
  /** Why the user is looking at the sign-in screen again (session ended), if they were signed in. */
  reason: string | null;
  /** False while the board server cannot be reached (a banner says so; writes are refused, never queued). */
  online: boolean;
  check(): Promise<void>;
  signIn(name: string, password: string): Promise<SignedIn>;
  signOut(): Promise<void>;
  /** The server answered 401 to a call: the session ended (idle, expired, signed out elsewhere). */
  sessionEnded(): void;
  setOnline(online: boolean): void;
}

export type AccountStore = StoreApi<AccountState>;

export function createAccountStore(api: AccountApi | null): AccountStore {
  return createStore<AccountState>()((set, get) => ({
    mode: api ? 'network' : 'local',
    status: api ? 'checking' : 'signed-in',
    account: null,
    reason: null,
    online: true,
    check: async () => {
      if (!api) return;
      try {
        const account = await api.signedIn();
        set(account ? { account, status: 'signed-in', online: true } : { account: null, status: 'signed-out', online: true });
      } catch {
        set({ status: get().account ? 'signed-in' : 'signed-out', online: false });
      }
    },
    signIn: async (name, password) => {
      if (!api) throw new Error('not a board server');
      const account = await api.signIn(name, password);
      set({ account, status: 'signed-in', reason: null, online: true });
      return account;
    },
    signOut: async () => {
      if (!api) return;
      try { await api.signOut(); } finally { set({ account: null, status: 'signed-out', reason: null }); }
    },
    sessionEnded: () => {
      if (get().mode !== 'network' || get().status !== 'signed-in') return;
      set({ account: null, status: 'signed-out', reason: 'Your session has ended (unused for a while, or signed out). Sign in again; nothing you saved is lost.' });
    },
    setOnline: (online) => { if (get().online !== online) set({ online }); },
  }));
}
