/**
 * Sign-in to a board server: name and password; the server's answer (wrong password, locked until when,
 * disabled, too many attempts) is shown as it is said. Nothing else of the app shows until someone is signed in.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAccount, useStores } from '../stores/context';
import { BoardServer } from '../components/data/BoardServer';

export function LoginView() {
  const stores = useStores();
  const reason = useAccount((s) => s.reason);
  const online = useAccount((s) => s.online);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => { nameRef.current?.focus(); }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim() || !password) {
      setError('Enter your name and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await stores.account.getState().signIn(name.trim(), password);
      setPassword('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Signing in failed.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="app login-app">
      <main id="main" className="login">
        <form className="panel login-panel" onSubmit={(e) => { void submit(e); }} aria-labelledby="login-title" noValidate>
          <h1 id="login-title"><span className="brand-mark" aria-hidden="true">◐</span> Tumour Board: sign in</h1>
          <p className="muted">This is your board&apos;s shared server. Sign in with the account your administrator gave you.</p>
          {reason ? <p className="banner" role="status">{reason}</p> : null}
          {!online ? <p className="banner error" role="alert">The board server cannot be reached. Check the network and try again.</p> : null}
          <div className="field">
            <label className="field-label" htmlFor="login-name">Name</label>
            <div className="field-control">
              <input id="login-name" ref={nameRef} name="username" autoComplete="username" value={name} maxLength={100}
                onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined} />
            </div>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="login-password">Password</label>
            <div className="field-control">
              <input id="login-password" type="password" name="password" autoComplete="current-password" value={password} maxLength={1024}
                onChange={(e) => setPassword(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'login-error' : undefined} />
            </div>
          </div>
          <div aria-live="assertive">{error ? <p id="login-error" className="banner error" role="alert">{error}</p> : null}</div>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
          </div>
        </form>
        {stores.connection ? <div className="panel login-panel"><BoardServer connection={stores.connection} compact /></div> : null}
      </main>
    </div>
  );
}
