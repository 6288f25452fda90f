import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError, type OperationName, type OpInput, type OpOutput } from '../../shared/api';
import { buildLetterHtml, buildMinutesHtml, letterStylesheet, minutesStylesheet } from '../../shared/minutes/html';
import { letterFromMinutes } from '../../shared/minutes/model';
import { sampleMinutes } from '../../shared/minutes/sample';
import { App } from '../../renderer/App';
import { MinutesView } from '../../renderer/views/minutes';
import { FakeMeetingsApi, meetingFixture } from './fakeMeetingsApi';
import { renderWithStores } from './render';

type Export = OpOutput<'minutes.exportPdf'>;
const SHA = 'b1946ac92492d2347c6235b4d2611184d7a1b9e7d0f5e0c2a3c1d8e9f6a7b8c9';

/** The meetings fake plus the minutes operations, answered from the real HTML builder on a sample document. */
class MinutesApi extends FakeMeetingsApi {
  signed = true;
  /** Whether `exports.show` can hand the file to the desktop (the Electron transport). */
  desktop = true;
  /** While set, exports wait for `release()`. */
  private held: Array<() => void> = [];
  hold = false;
  /** The next export fails with this message. */
  failExport: string | null = null;

  release(): void { for (const go of this.held.splice(0)) go(); }

  override async invoke<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
    if (name === 'exports.show') {
      this.calls.push({ name, input: structuredClone(input) });
      return { shown: this.desktop } as OpOutput<N>;
    }
    if (name !== 'minutes.preview' && name !== 'minutes.exportPdf') return super.invoke(name, input);
    this.calls.push({ name, input: structuredClone(input) });
    const doc = sampleMinutes(2, { signed: this.signed });
    const i = input as { meeting_id: number; case_id?: number; styles?: string };
    if (name === 'minutes.preview') {
      const none = i.styles === 'none';
      if (i.case_id !== undefined) {
        const letter = letterFromMinutes(doc, doc.cases[0]!.case_id)!;
        const out = { html: buildLetterHtml(letter, { fontUrls: null, styles: none ? 'none' : 'inline' }), draft: !this.signed, title: 'Outcome letter: Sample',
          ...(none ? { css: letterStylesheet(letter, null) } : {}) };
        return out as OpOutput<N>;
      }
      const out = { html: buildMinutesHtml(doc, { fontUrls: null, styles: none ? 'none' : 'inline' }), draft: !this.signed, title: 'Liver MDT: minutes 3 March 2026',
        ...(none ? { css: minutesStylesheet(doc, null) } : {}) };
      return out as OpOutput<N>;
    }
    if (this.hold) await new Promise<void>((go) => this.held.push(go));
    const failure = this.failExport;
    this.failExport = null;
    if (failure) throw new ApiError({ code: 'INTERNAL', message: failure });
    const result: Export = {
      written: true, file_name: i.case_id === undefined ? 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf' : `letter-MRN${i.case_id}-2026-03-03.pdf`,
      folder: '/home/coordinator/Minutes', bytes: 123_456, sha256: SHA, draft: !this.signed, audited: this.signed,
      meeting_id: i.meeting_id ?? 1, cases: i.case_id === undefined ? 3 : 1, patient: null, recipient: null,
    };
    return result as OpOutput<N>;
  }
}

async function setup(signed = true) {
  const fx = meetingFixture();
  const api = Object.assign(new MinutesApi(), { profiles: fx.api.profiles, pins: fx.api.pins, acting: fx.api.acting, cases: fx.api.cases, patients: fx.api.patients });
  api.signed = signed;
  const m = await api.invoke('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
  for (const id of [1, 2]) await api.invoke('meetings.addCase', { meeting_id: m.id, case_id: id, minutes_allotted: 7 });
  const r = renderWithStores(<MinutesView meetingId={m.id} />, api);
  return { ...r, api, meeting: m };
}

const frame = (): HTMLIFrameElement => screen.getByTitle(/^Preview: /) as HTMLIFrameElement;

describe('minutes view', () => {
  it('shows the preview HTML in a script-less sandboxed frame, without a <style> element (the CSS is applied apart)', async () => {
    const { api, meeting } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    const f = frame();
    expect(f).toHaveAttribute('title', 'Preview: Liver MDT: minutes 3 March 2026');
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
    const { api, user, meeting } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    api.hold = true;
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

    act(() => api.release());
    const status = (await screen.findByText('Recorded in the audit log.')).closest('[data-export="done"]') as HTMLElement;
    expect(status).not.toBeNull();
    expect(within(status).getByText('minutes-Liver-MDT-2026-03-03-meeting-1.pdf')).toBeInTheDocument();
    expect(within(status).getByText(SHA)).toBeInTheDocument();
    expect(within(status).getByText('120.6 kB (123,456 bytes)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
    expect(api.calls.find((c) => c.name === 'minutes.exportPdf')?.input).toEqual({ meeting_id: meeting.id });
  });

  it('after an export says which folder, and on the desktop opens the file or shows it in its folder', async () => {
    const { api, user, stores } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    act(() => stores.ui.setState({ info: { version: '0.1.0-test', transport: 'electron', demo: false, case_count: 4, time_zone: 'Europe/Oslo', locale: 'en-GB' } }));
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    const status = (await screen.findByText('Recorded in the audit log.')).closest('[data-export="done"]') as HTMLElement;
    expect(within(status).getByText('/home/coordinator/Minutes')).toBeInTheDocument();
    await user.click(within(status).getByRole('button', { name: 'Open' }));
    await user.click(within(status).getByRole('button', { name: 'Show in folder' }));
    expect(api.calls.filter((c) => c.name === 'exports.show').map((c) => c.input)).toEqual([
      { file_name: 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf', how: 'open' },
      { file_name: 'minutes-Liver-MDT-2026-03-03-meeting-1.pdf', how: 'folder' },
    ]);
    expect(within(status).queryByRole('alert')).toBeNull();
  });

  it('in a browser says only where the file went (no desktop to open it with)', async () => {
    const { api, user, stores } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    act(() => stores.ui.setState({ info: { version: '0.1.0-test', transport: 'browser-host', demo: false, case_count: 4, time_zone: 'Europe/Oslo', locale: 'en-GB' } }));
    api.desktop = false;
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    const status = (await screen.findByText('Recorded in the audit log.')).closest('[data-export="done"]') as HTMLElement;
    expect(within(status).getByText('/home/coordinator/Minutes')).toBeInTheDocument();
    expect(within(status).queryByRole('button', { name: 'Open' })).toBeNull();
    expect(within(status).queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });

  it('exports a case\'s outcome letter with its case id, and previews it', async () => {
    const { api, user, meeting } = await setup();
    await waitFor(() => expect(frame()).toBeInTheDocument());
    const row = screen.getByRole('listitem', { name: '2. Núñez, José' });
    await user.click(within(row).getByRole('button', { name: 'Export the letter for Núñez, José as PDF' }));
    expect(await within(row).findByText('letter-MRN2-2026-03-03.pdf')).toBeInTheDocument();
    expect(within(row).getByText('Recorded in the audit log.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.name === 'minutes.exportPdf').map((c) => c.input)).toEqual([{ meeting_id: meeting.id, case_id: 2 }]);

    await user.click(within(row).getByRole('button', { name: 'Preview the letter for Núñez, José' }));
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toContain('Dear '));
    expect(api.calls.filter((c) => c.name === 'minutes.preview').at(-1)?.input).toEqual({ meeting_id: meeting.id, embed_fonts: false, styles: 'none', case_id: 2 });
    await user.click(screen.getByRole('button', { name: 'Back to the minutes' }));
    await waitFor(() => expect(frame().getAttribute('srcdoc')).toContain('<h2>Sign-off</h2>'));
  });

  it('a draft export says it is not audited; a failed export says why', async () => {
    const { api, user } = await setup(false);
    await waitFor(() => expect(frame()).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByText('Not recorded in the audit log: only the signed minutes are.')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.name === 'minutes.exportPdf')).toHaveLength(1);
    api.failExport = 'no Chromium found: install chromium';
    await user.click(screen.getByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByText('The minutes could not be exported: no Chromium found: install chromium')).toBeInTheDocument();
    expect(screen.queryByText('Not recorded in the audit log: only the signed minutes are.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export PDF' })).toBeEnabled();
  });
});

describe('the way in', () => {
  it('each meeting in the list has a Minutes button that opens its minutes', async () => {
    const fx = meetingFixture();
    const m = await fx.api.invoke('meetings.create', { board: 'Liver MDT', scheduled_at: '2026-03-03T16:00' });
    const { stores, user } = renderWithStores(<App />, fx.api);
    act(() => stores.ui.getState().show({ name: 'meetings' }));
    await user.click(await screen.findByRole('button', { name: /^Minutes of Liver MDT, / }));
    expect(stores.ui.getState().view).toEqual({ name: 'minutes', meetingId: m.id });
  });
});
