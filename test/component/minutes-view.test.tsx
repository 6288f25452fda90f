import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { ChromiumNotFoundError } from '../../electron/minutes/render';
import { NO_PDF_ENGINE } from '../../electron/minutes/service';
import { formatDay, machineClock } from '../../shared/time/clock';
import { MinutesView } from '../../renderer/views/minutes';
import { renderWithStores } from './render';
import { CHAIR_PIN, meetingFixture, useRealCore } from './realApi';

// Against the real core: the minutes and letters are built from the stored meeting by the real service, exports
// are written, hashed and audited by it. Only the host's PDF engine (Chromium) is replaced by one that answers
// fixed bytes, and can be held (a slow render) or made to fail: the host boundary is where a window's core meets
// the machine.
const realCore = useRealCore();
/** What the stand-in PDF engine answers: 123,456 bytes that look like a PDF. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(123_456 - 15, 0x20), Buffer.from('%%EOF\n')]);
const SHA = createHash('sha256').update(PDF).digest('hex');

/** The PDF engine and the desktop's "open / show in folder", as the main process would answer them. */
class TestHost {
  private held: Array<() => void> = [];
  hold = false;
  /** The next render fails as the real engine does when no Chromium is installed. */
  failNext = false;
  shown: Array<{ how: 'open' | 'folder'; file: string }> = [];
  release(): void { for (const go of this.held.splice(0)) go(); }
  readonly capabilities = {
    renderPdf: async (): Promise<Buffer> => {
      if (this.hold) await new Promise<void>((go) => this.held.push(go));
      const failure = this.failNext;
      this.failNext = false;
      if (failure) throw new ChromiumNotFoundError(['/usr/bin/chromium']);
      return PDF;
    },
    openFile: (file: string): Promise<void> => { this.shown.push({ how: 'open', file: path.basename(file) }); return Promise.resolve(); },
    revealFile: (file: string): Promise<void> => { this.shown.push({ how: 'folder', file: path.basename(file) }); return Promise.resolve(); },
  };
}

/** A meeting of 3 March 2026 with cases 1 and 2; signed: decided, concluded and signed by the chair with her PIN. */
async function setup(signed = true) {
  const host = new TestHost();
  const fx = await meetingFixture(realCore({ host: host.capabilities }));
  const { core } = fx;
  let m = await core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
  for (const id of [1, 2]) await core.call('meetings.addCase', { meeting_id: m.id, case_id: id, minutes_allotted: 7 });
  if (signed) {
    m = await core.call('meetings.start', { id: m.id, version: m.version });
    for (const item of m.agenda) {
      await core.call('decisions.record', { agenda_item_id: item.id, plan: 'SYSTEMIC_STANDARD', intent: 'palliative', consensus: 'unanimous', patient_preference_discussed: true });
    }
    m = await core.call('meetings.conclude', { id: m.id, version: m.version });
    await core.call('profiles.select', { id: fx.chair.id, pin: CHAIR_PIN });
    m = await core.call('meetings.sign', { id: m.id, version: m.version, pin: CHAIR_PIN });
  }
  const r = renderWithStores(<MinutesView meetingId={m.id} />, core.api);
  return { ...r, api: core.api, core, host, meeting: m, exports: path.join(core.dir, 'exports') };
}

const frame = (): HTMLIFrameElement => screen.getByTitle(/^Preview: /) as HTMLIFrameElement;

describe('minutes view', () => {
  it('shows the preview HTML in a script-less sandboxed frame, without a <style> element (the CSS is applied apart)', async () => {
    const { api, meeting } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    const f = frame();
    expect(f).toHaveAttribute('title', `Preview: Liver MDT: minutes ${formatDay('2026-03-03', machineClock())}`);
    expect(f.getAttribute('sandbox')).toBe('allow-same-origin');
    const srcdoc = f.getAttribute('srcdoc') ?? '';
    expect(srcdoc).toContain('<h2>Sign-off</h2>');
    expect(srcdoc).toContain('References');
    expect(srcdoc).not.toMatch(/<style/i);
    expect(srcdoc).not.toMatch(/<script/i);
    expect(api.calls.find((c) => c.name === 'minutes.preview')?.input).toEqual({ meeting_id: meeting.id, embed_fonts: false, styles: 'none' });
    expect(screen.queryByTestId('draft-tag')).toBeNull();
    expect(screen.getByText('Signed minutes: the PDF’s SHA-256 is recorded in the audit log when you export it.')).toBeInTheDocument();
    // The agenda's cases, each with its letter.
    const letters = screen.getByRole('complementary', { name: 'Outcome letters' });
    expect(within(letters).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual(['1. Ødegård, Zoë', '2. Núñez, José']);
  });

  it('says DRAFT for a meeting that is not signed', async () => {
    await setup(false);
    expect(await screen.findByTestId('draft-tag')).toHaveTextContent('DRAFT');
    expect(screen.getByText('DRAFT: the meeting is not signed.')).toBeInTheDocument();
    expect(frame().getAttribute('srcdoc')).toContain('DRAFT: not signed.');
  });

  it('exports: the button is disabled with progress while it renders, then the file name, size, SHA-256 and audit', async () => {
    const { api, user, meeting, host, exports } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    host.hold = true;
    const button = screen.getByRole('button', { name: 'Export PDF' });
    await user.click(button);
    const busy = screen.getByRole('button', { name: /Exporting/ });
    expect(busy).toBeDisabled();
    expect(screen.getByText(/Rendering minutes as PDF…/)).toBeInTheDocument();
    await user.click(busy); // disabled: nothing more happens
    expect(api.calls.filter((c) => c.name === 'minutes.exportPdf')).toHaveLength(1);
    // The rest of the view still works while it renders.
    await user.click(screen.getByRole('button', { name: 'Preview the letter for Ødegård, Zoë' }));
    expect(await screen.findByRole('heading', { name: 'Outcome letter: Ødegård, Zoë' })).toBeInTheDocument();

    act(() => host.release());
    const status = (await screen.findByText('Recorded in the audit log.')).closest('[data-export="done"]') as HTMLElement;
    expect(status).not.toBeNull();
    expect(within(status).getByText('minutes-Liver-MDT-2026-03-03-meeting-1.pdf')).toBeInTheDocument();
    expect(within(status).getByText(SHA)).toBeInTheDocument();
    expect(within(status).getByText('120.6 kB (123,456 bytes)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
    expect(api.calls.find((c) => c.name === 'minutes.exportPdf')?.input).toEqual({ meeting_id: meeting.id });
    // The core wrote the file it names, with the hash it shows.
    expect(createHash('sha256').update(readFileSync(path.join(exports, 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf'))).digest('hex')).toBe(SHA);
  });

  it('after an export says which folder, and on the desktop opens the file or shows it in its folder', async () => {
    const { api, user, stores, exports, host } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    act(() => stores.ui.setState({ info: { version: '0.1.0-test', transport: 'electron', demo: false, case_count: 4, time_zone: 'Europe/Oslo', locale: 'en-GB' } }));
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    const status = (await screen.findByText('Recorded in the audit log.')).closest('[data-export="done"]') as HTMLElement;
    expect(within(status).getByText(exports)).toBeInTheDocument();
    await user.click(within(status).getByRole('button', { name: 'Open' }));
    await user.click(within(status).getByRole('button', { name: 'Show in folder' }));
    expect(api.calls.filter((c) => c.name === 'exports.show').map((c) => c.input)).toEqual([
      { file_name: 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf', how: 'open' },
      { file_name: 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf', how: 'folder' },
    ]);
    expect(host.shown).toEqual([
      { how: 'open', file: 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf' }, { how: 'folder', file: 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf' },
    ]);
    expect(within(status).queryByRole('alert')).toBeNull();
  });

  it('in a browser says only where the file went (no desktop to open it with)', async () => {
    const { user, stores, exports } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    act(() => stores.ui.setState({ info: { version: '0.1.0-test', transport: 'browser-host', demo: false, case_count: 4, time_zone: 'Europe/Oslo', locale: 'en-GB' } }));
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    const status = (await screen.findByText('Recorded in the audit log.')).closest('[data-export="done"]') as HTMLElement;
    expect(within(status).getByText(exports)).toBeInTheDocument();
    expect(within(status).queryByRole('button', { name: 'Open' })).toBeNull();
    expect(within(status).queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });

  it('exports a case\'s outcome letter with its case id, and previews it', async () => {
    const { api, user, meeting } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    const row = screen.getByRole('listitem', { name: '2. Núñez, José' });
    await user.click(within(row).getByRole('button', { name: 'Export the letter for Núñez, José as PDF' }));
    expect(await within(row).findByText('letter-case-2-2026-03-03.pdf')).toBeInTheDocument();
    expect(within(row).getByText('Recorded in the audit log.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.name === 'minutes.exportPdf').map((c) => c.input)).toEqual([{ meeting_id: meeting.id, case_id: 2 }]);

    await user.click(within(row).getByRole('button', { name: 'Preview the letter for Núñez, José' }));
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toContain('Dear '));
    expect(api.calls.filter((c) => c.name === 'minutes.preview').at(-1)?.input).toEqual({ meeting_id: meeting.id, embed_fonts: false, styles: 'none', case_id: 2 });
    await user.click(screen.getByRole('button', { name: 'Back to the minutes' }));
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toContain('<h2>Sign-off</h2>'));
  });

  it('a draft export says it is not audited; a failed export says why', async () => {
    const { api, user, host } = await setup(false);
    await waitFor(() => expect(frame()).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByText('Not recorded in the audit log: only the signed minutes are.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.name === 'minutes.exportPdf')).toHaveLength(1);
    host.failNext = true;
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByText(`The minutes could not be exported: ${NO_PDF_ENGINE}`)).toBeInTheDocument();
    expect(screen.queryByText('Not recorded in the audit log: only the signed minutes are.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
  });
});

describe('the way in', () => {
  it('each meeting in the list has a Minutes button that opens its minutes', async () => {
    const fx = await meetingFixture(realCore());
    const m = await fx.core.call('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
    const { stores, user } = renderWithStores(<App />, fx.api);
    act(() => stores.ui.getState().show({ name: 'meetings' }));
    await user.click(await screen.findByRole('button', { name: /^Minutes of Liver MDT, / }));
    expect(stores.ui.getState().view).toEqual({ name: 'minutes', meetingId: m.id });
  });
});
