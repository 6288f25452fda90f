/** Network mode: who is signed in (name and role) with a way to sign out, in place of the local profile chooser. */
import { ACCOUNT_ROLE_LABELS } from '../../shared/domain/accounts';
import { useAccount, useStores } from '../stores/context';

export function AccountBadge() {
  const stores = useStores();
  const account = useAccount((s) => s.account);
  if (!account) return null;
  return (
    <span className="account-badge">
      <span>Signed in as <strong>{account.name}</strong> ({ACCOUNT_ROLE_LABELS[account.role]})</span>
      <button type="button" onClick={() => { void stores.account.getState().signOut(); }}>Sign out</button>
    </span>
  );
}

/** Shown while the board server cannot be reached: what is on screen stays; changes are refused, never queued. */
export function ConnectionBanner() {
  const online = useAccount((s) => s.online);
  const mode = useAccount((s) => s.mode);
  if (mode !== 'network' || online) return null;
  return (
    <p className="banner error connection-banner" role="alert">
      The board server cannot be reached. What you see stays on screen, but changes cannot be saved until the connection is back.
    </p>
  );
}
