/**
 * The screen in the address (`#/cases/12`, `#/meetings/3/present/2`), so a reload keeps it and Back goes back.
 * The hash holds only screen names and numeric ids (never a name, an MRN or a token: the browser host's token is
 * taken out of the hash before routing starts, renderer/api/client.ts).
 */
import type { UiStore, View } from './ui';

export function viewToHash(view: View): string {
  switch (view.name) {
    case 'list': return '#/cases';
    case 'new': return '#/cases/new';
    case 'case': return `#/cases/${view.id}`;
    case 'edit': return `#/cases/${view.id}/edit`;
    case 'evidence': return '#/evidence';
    case 'meetings': return '#/meetings';
    case 'meeting': return `#/meetings/${view.id}`;
    case 'present': return `#/meetings/${view.id}/present/${view.index}`;
    case 'minutes': return `#/meetings/${view.meetingId}/minutes`;
    case 'followup': return '#/follow-up';
    case 'quality': return '#/quality';
    case 'data': return '#/data';
    case 'settings': return '#/settings';
  }
}

const ID = String.raw`([1-9]\d{0,11})`;
const ROUTES: readonly [RegExp, (m: RegExpExecArray) => View][] = [
  [/^#\/cases\/new$/, () => ({ name: 'new' })],
  [new RegExp(String.raw`^#/cases/${ID}$`), (m) => ({ name: 'case', id: Number(m[1]) })],
  [new RegExp(String.raw`^#/cases/${ID}/edit$`), (m) => ({ name: 'edit', id: Number(m[1]) })],
  [/^#\/evidence$/, () => ({ name: 'evidence' })],
  [/^#\/meetings$/, () => ({ name: 'meetings' })],
  [new RegExp(String.raw`^#/meetings/${ID}$`), (m) => ({ name: 'meeting', id: Number(m[1]) })],
  [new RegExp(String.raw`^#/meetings/${ID}/present/(\d{1,4})$`), (m) => ({ name: 'present', id: Number(m[1]), index: Number(m[2]) })],
  [new RegExp(String.raw`^#/meetings/${ID}/minutes$`), (m) => ({ name: 'minutes', meetingId: Number(m[1]) })],
  [/^#\/follow-up$/, () => ({ name: 'followup' })],
  [/^#\/quality$/, () => ({ name: 'quality' })],
  [/^#\/data$/, () => ({ name: 'data' })],
  [/^#\/settings$/, () => ({ name: 'settings' })],
];

/** The view an address names; the case list for anything else. */
export function hashToView(hash: string): View {
  for (const [re, view] of ROUTES) {
    const m = re.exec(hash);
    if (m) return view(m);
  }
  return { name: 'list' };
}

/**
 * Keeps the address and the current view in step: the address's view on start, a new history entry when the view
 * changes, the view of the entry Back or Forward lands on. Returns the function that stops it.
 */
export function syncRoute(ui: UiStore, win: Window = window): () => void {
  const initial = hashToView(win.location.hash);
  if (initial.name !== 'list') ui.getState().show(initial);
  let applying = false;
  const unsubscribe = ui.subscribe((state, prev) => {
    if (state.view === prev.view || applying) return;
    const hash = viewToHash(state.view);
    if (win.location.hash !== hash) win.history.pushState(null, '', hash);
  });
  const onPop = (): void => {
    applying = true;
    try { ui.getState().show(hashToView(win.location.hash)); } finally { applying = false; }
  };
  win.addEventListener('popstate', onPop);
  return () => { unsubscribe(); win.removeEventListener('popstate', onPop); };
}
