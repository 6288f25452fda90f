/** Network mode: who is signed in (name and role) with a way to sign out, in place of the local profile chooser. */
import { ACCOUNT_ROLE_LABELS } from '../../shared/vocabulary/accounts';
import { useEffect, useState } from 'react';
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
  const connection = useStores().connection;
  const [problem, setProblem] = useState<string | null>(null);
  // The desktop app's shell knows why (a changed certificate is named with both fingerprints).
  useEffect(() => {
    if (online || !connection) return setProblem(null);
    let live = true;
    void connection.status().then((s) => { if (live) setProblem(s.problem); }, () => undefined);
    return () => { live = false; };
  }, [online, connection]);
  if (mode !== 'network' || online) return null;
  return (
    <p className="banner error connection-banner" role="alert">
      {problem && /certificate/.test(problem)
        ? `${problem} Changes cannot be saved.`
        : 'The board server cannot be reached. What you see stays on screen, but changes cannot be saved until the connection is back.'}
    </p>
  );
}
