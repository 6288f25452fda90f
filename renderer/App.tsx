/** The shell: header (with the demo marker), the current view, and the footer that says what the app is. */
import { useEffect } from 'react';
import { connectLiveUpdates } from './api/live';
import { AccountBadge, ConnectionBanner } from './components/AccountBadge';
import { BackupBanner } from './components/BackupBanner';
import { useAccount, useStores, useUi } from './stores/context';
import { LoginView } from './views/LoginView';
import { SettingsView } from './views/SettingsView';
import { CaseList } from './views/CaseList';
import { CaseView } from './views/CaseView';
import { EvidenceLibrary } from './views/EvidenceLibrary';
import { DataView } from './views/data';
import { MinutesView } from './views/minutes';
import { ActingProfile, isMeetingsView, MeetingsRoute, PresentationView, ProfileChooser } from './views/meetings';

export function App() {
  const stores = useStores();
  const view = useUi((s) => s.view);
  const info = useUi((s) => s.info);
  const notice = useUi((s) => s.notice);

  // On a board server nothing shows until someone is signed in; the account is who acts (no profile chooser).
  const mode = useAccount((s) => s.mode);
  const status = useAccount((s) => s.status);
  const network = mode === 'network';
  const ready = status === 'signed-in';
  useEffect(() => { if (network) void stores.account.getState().check(); }, [network, stores]);
  useEffect(() => { if (ready) void stores.ui.getState().loadInfo(); }, [ready, stores]);
  // Who is acting: asked when the app opens (and from the header at any time); on a board server, the account.
  useEffect(() => { if (ready) void stores.session.getState().load({ askIfNone: !network }); }, [ready, network, stores]);
  useEffect(() => (network && ready ? connectLiveUpdates(stores, stores.openEvents) : undefined), [network, ready, stores]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => stores.ui.getState().notify(null), 4000);
    return () => clearTimeout(timer);
  }, [notice, stores]);

  if (network && !ready) {
    return status === 'checking' ? <p className="panel muted" role="status">Connecting to the board server…</p> : <LoginView />;
  }

  if (view.name === 'present') {
    return (
      <div className="app present-app">
        <ConnectionBanner />
        <PresentationView id={view.id} index={view.index} />
        <span className="notice present-notice" role="status" aria-live="polite">{notice}</span>
        {network ? null : <ProfileChooser />}
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      <ConnectionBanner />
      <BackupBanner />
      <header className="app-header">
        <button type="button" className="brand" onClick={() => stores.ui.getState().show({ name: 'list' })}
          aria-label="Tumour Board: back to the case list">
          <span className="brand-mark" aria-hidden="true">◐</span> <span className="brand-name">Tumour Board</span>
        </button>
        <nav className="app-nav" aria-label="Main">
          <button type="button" aria-current={view.name === 'list' || view.name === 'new' || view.name === 'case' || view.name === 'edit' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'list' })}>Cases</button>
          <button type="button" aria-current={view.name === 'evidence' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'evidence' })}>Evidence library</button>
          <button type="button" aria-current={view.name === 'meetings' || view.name === 'meeting' || view.name === 'minutes' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'meetings' })}>Meetings</button>
          <button type="button" aria-current={view.name === 'followup' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'followup' })}>Follow-up</button>
          <button type="button" aria-current={view.name === 'quality' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'quality' })}>Quality</button>
          <button type="button" aria-current={view.name === 'data' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'data' })}>Data</button>
          <button type="button" aria-current={view.name === 'settings' ? 'page' : undefined} onClick={() => stores.ui.getState().show({ name: 'settings' })}>Settings</button>
        </nav>
        {info?.demo ? <span className="demo-badge" title="Synthetic patients for trying the app">Demo database</span> : null}
        <span className="spacer" />
        <span className="notice" role="status" aria-live="polite">{notice}</span>
        {network ? <AccountBadge /> : <ActingProfile />}
        {info ? <span className="muted small app-version">v{info.version}</span> : null}
      </header>
      <main id="main" className="app-main">
        {view.name === 'list' ? <CaseList />
          : view.name === 'evidence' ? <EvidenceLibrary />
          : view.name === 'data' ? <DataView />
          : view.name === 'minutes' ? <MinutesView meetingId={view.meetingId} />
            : isMeetingsView(view) ? <MeetingsRoute view={view} />
            : view.name === 'settings' ? <SettingsView />
            : <CaseView id={view.name === 'edit' || view.name === 'case' ? view.id : null} mode={view.name === 'case' ? 'overview' : 'edit'} />}
      </main>
      <footer className="app-footer">
        Decision support for the multidisciplinary tumour board. It supports, and does not replace, the board&apos;s clinical judgement.
      </footer>
      {network ? null : <ProfileChooser />}
    </div>
  );
}
