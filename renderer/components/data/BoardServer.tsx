/**
 * The desktop app's "Board server" setting. Connecting: type the address the administrator gave, check it, compare
 * the fingerprint the server presents with the administrator's, confirm: the certificate is pinned and the app
 * starts again on the server (sign-in screen). Connected: one button goes back to this computer's database, which
 * was left as it was. A changed certificate is refused by the shell; this panel says so in words.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ConnectionStatus, ProbeResult } from '../../../shared/api/connection';
import type { DesktopConnection } from '../../api/desktop';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : 'That did not work.');

export function BoardServer({ connection, compact = false }: { connection: DesktopConnection; compact?: boolean }) {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [url, setUrl] = useState('');
  const [probe, setProbe] = useState<ProbeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void connection.status().then((s) => {
      if (!live) return;
      setStatus(s);
      if (s.url) setUrl(s.url);
    }, (e: unknown) => setError(messageOf(e)));
    return () => { live = false; };
  }, [connection]);

  const run = async (step: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const check = (e: FormEvent) => {
    e.preventDefault();
    if (!url.trim()) {
      setError('Enter the board server\u2019s address, as your administrator gave it (for example https://board.hospital.local:8443).');
      return;
    }
    void run(async () => {
      setProbe(null);
      setProbe(await connection.probe(url.trim()));
    });
  };
  const confirm = () => void run(async () => {
    if (!probe) return;
    await connection.connect(probe.url, probe.fingerprint);
    connection.restart();
  });
  const reconnect = () => void run(async () => {
    if (!status?.url || !status.fingerprint) return;
    await connection.connect(status.url, status.fingerprint);
    connection.restart();
  });
  const useLocal = () => void run(async () => {
    await connection.useLocal();
    connection.restart();
  });
  const forget = () => void run(async () => {
    setStatus(await connection.forget());
    setProbe(null);
  });

  if (!status) return error ? <p className="banner error" role="alert">{error}</p> : <p className="muted" role="status">Reading the board server setting…</p>;

  if (status.mode === 'server') {
    return (
      <section className="board-server" aria-labelledby="board-server-title">
        <h2 id="board-server-title">Board server</h2>
        <p>This app works on the board server <strong>{status.url}</strong>. This computer&apos;s own database is kept as it was.</p>
        {compact ? null : <p className="muted small">Certificate fingerprint (SHA-256): <code className="fingerprint">{status.fingerprint}</code></p>}
        {status.problem ? <p className="banner error" role="alert">{status.problem}</p> : null}
        {error ? <p className="banner error" role="alert">{error}</p> : null}
        <button type="button" onClick={useLocal} disabled={busy}>Use this computer&apos;s database</button>
      </section>
    );
  }

  const pinnedChanged = probe !== null && probe.pinned !== null && probe.pinned !== probe.fingerprint;
  return (
    <section className="board-server" aria-labelledby="board-server-title">
      <h2 id="board-server-title">Board server</h2>
      <p className="muted small">Work on your board&apos;s shared server instead of this computer&apos;s database. This computer&apos;s database stays as it is, and you can come back to it at any time.</p>
      {status.url && status.fingerprint ? (
        <p>
          Confirmed before: <strong>{status.url}</strong>{' '}
          <button type="button" onClick={reconnect} disabled={busy}>Connect again</button>{' '}
          <button type="button" onClick={forget} disabled={busy}>Forget this server</button>
        </p>
      ) : null}
      <form onSubmit={check} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="board-server-url">Board server address</label>
          <div className="field-control">
            <input id="board-server-url" value={url} maxLength={300} placeholder="https://board.hospital.local:8443" inputMode="url"
              onChange={(e) => { setUrl(e.target.value); setProbe(null); }} aria-invalid={error ? true : undefined} aria-describedby={error ? 'board-server-error' : undefined} />
          </div>
        </div>
        <button type="submit" disabled={busy}>Check the server</button>
      </form>
      {probe ? (
        <div className="panel" aria-live="polite">
          <p>The server at <strong>{probe.url}</strong> presents this certificate fingerprint (SHA-256):</p>
          <p><code className="fingerprint">{probe.fingerprint}</code></p>
          {pinnedChanged ? (
            <p className="banner error" role="alert">
              This is not the certificate you confirmed before ({probe.pinned}). Do not connect unless your administrator tells you the
              certificate was replaced; then choose “Forget this server” and check again.
            </p>
          ) : (
            <>
              <p>Compare it, digit by digit, with the fingerprint your administrator gave you. Connect only if they are the same.</p>
              <button type="button" className="primary" onClick={confirm} disabled={busy}>They are the same: connect</button>
            </>
          )}
        </div>
      ) : null}
      {error ? <p id="board-server-error" className="banner error" role="alert">{error}</p> : null}
    </section>
  );
}
