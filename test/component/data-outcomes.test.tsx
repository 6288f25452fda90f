/** Outcomes on the case screen and the registry export, against the in-memory data API. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseOutcomes } from '../../renderer/components/data/CaseOutcomes';
import { DataView } from '../../renderer/views/data';
import { FakeDataApi } from './data-fakeApi';
import { renderWithStores } from './render';
import { formatDay, machineClock } from '../../shared/time/clock';

/** The components show dates in the board's clock: the machine's until app.info says otherwise. */
const day = (iso: string): string => formatDay(iso, machineClock());

const timelineItems = () => within(screen.getByRole('list', { name: 'Case timeline' })).getAllByRole('listitem');

describe('case outcomes', () => {
  it('shows the timeline and records an imaging assessment with the response computed from the lesions', async () => {
    const api = new FakeDataApi();
    const { user } = renderWithStores(<CaseOutcomes caseId={3} primary="colorectal" />, api);
    await waitFor(() => expect(timelineItems()).toHaveLength(2));
    expect(timelineItems()[1]).toHaveTextContent(`${day('2025-12-15')}DecisionSIRT (Y-90)Liver MDT`);

    await user.click(screen.getByText('Add an imaging assessment'));
    const form = screen.getByRole('form', { name: 'Imaging assessment' });
    expect(within(form).getByRole('columnheader', { name: 'Node' })).toBeInTheDocument(); // RECIST 1.1 measures nodes
    const date = within(form).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2026-02-10');
    await user.type(within(form).getByLabelText('Lesion 1 baseline diameter (mm)'), '50');
    await user.type(within(form).getByLabelText('Lesion 1 current diameter (mm)'), '30');
    expect(screen.getByTestId('computed-response')).toHaveTextContent('Computed: PR (partial response): sum 50 → 30 mm, −40 % from baseline');
    await user.click(within(form).getByRole('button', { name: 'Add lesion' }));
    await user.type(within(form).getByLabelText('Lesion 2 baseline diameter (mm)'), '20');
    await user.type(within(form).getByLabelText('Lesion 2 current diameter (mm)'), '14');
    expect(screen.getByTestId('computed-response')).toHaveTextContent('PR (partial response): sum 70 → 44 mm, −37.1 % from baseline');
    await user.click(within(form).getByLabelText('New lesions'));
    expect(screen.getByTestId('computed-response')).toHaveTextContent('PD (progressive disease)');
    await user.click(within(form).getByLabelText('New lesions'));

    await user.click(within(form).getByRole('button', { name: 'Record assessment' }));
    expect(await within(form).findByText(/^Recorded by RECIST 1.1: PR \(partial response\): sum 70 → 44 mm/)).toBeInTheDocument();
    expect(api.callsOf('outcomes.recordAssessment')).toEqual([{
      decision_id: 21, date: '2026-02-10', modality: 'CT', new_lesions: false, non_target_progression: false,
      baseline: [{ id: 'L1', organ: 'liver', node: false, diameter_mm: 50 }, { id: 'L2', organ: 'liver', node: false, diameter_mm: 20 }],
      current: [{ id: 'L1', organ: 'liver', node: false, diameter_mm: 30 }, { id: 'L2', organ: 'liver', node: false, diameter_mm: 14 }],
    }]);
    await waitFor(() => expect(timelineItems()).toHaveLength(3));
    expect(timelineItems()[2]).toHaveTextContent(`${day('2026-02-10')}ResponseResponse PR (RECIST 1.1)`);
  });

  it('records a CTCAE toxicity and a progression date', async () => {
    const api = new FakeDataApi();
    const { user } = renderWithStores(<CaseOutcomes caseId={3} primary="colorectal" />, api);
    await waitFor(() => expect(timelineItems()).toHaveLength(2));
    await user.click(screen.getByText('Add a toxicity (CTCAE v5.0)'));
    const tox = screen.getByRole('form', { name: 'Toxicity' });
    await user.selectOptions(within(tox).getByLabelText('Term'), 'Fatigue');
    await user.selectOptions(within(tox).getByLabelText('Grade'), '3');
    await user.clear(within(tox).getByLabelText('Onset'));
    await user.type(within(tox).getByLabelText('Onset'), '2026-01-22');
    await user.click(within(tox).getByRole('button', { name: 'Record toxicity' }));
    expect(await within(tox).findByText('Recorded: Fatigue, grade 3 (CTCAE v5.0).')).toBeInTheDocument();
    expect(api.callsOf('outcomes.recordToxicity')).toEqual([{ decision_id: 21, term: 'Fatigue', grade: 3, date: '2026-01-22', timepoint: '30_day' }]);

    await user.click(screen.getByText('Add progression or death'));
    const ev = screen.getByRole('form', { name: 'Progression or death' });
    await user.selectOptions(within(ev).getByLabelText('Event'), 'overall_progression');
    await user.clear(within(ev).getByLabelText('Date'));
    await user.type(within(ev).getByLabelText('Date'), '2026-04-01');
    await user.click(within(ev).getByRole('button', { name: 'Record event' }));
    expect(await within(ev).findByText('Recorded: Overall progression on 2026-04-01.')).toBeInTheDocument();
    expect(api.callsOf('outcomes.recordEvent')).toEqual([{ decision_id: 21, kind: 'overall_progression', date: '2026-04-01' }]);
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['referral', 'decision', 'toxicity', 'overall_progression']));

    // A wrong entry is retracted with a reason, never deleted silently.
    await user.click(screen.getByRole('button', { name: `Retract toxicity of ${day('2026-01-22')}` }));
    const retract = screen.getByRole('form', { name: `Retract Toxicity of ${day('2026-01-22')}` });
    await user.click(within(retract).getByRole('button', { name: 'Retract' }));
    expect(within(retract).getByRole('alert')).toHaveTextContent('A reason is required');
    expect(api.callsOf('outcomes.retract')).toHaveLength(0);
    await user.type(within(retract).getByLabelText('Why is this entry wrong? (required)'), 'entered on the wrong patient');
    await user.click(within(retract).getByRole('button', { name: 'Retract' }));
    await waitFor(() => expect(timelineItems().map((li) => li.getAttribute('data-kind'))).toEqual(['referral', 'decision', 'overall_progression']));
    expect(api.callsOf('outcomes.retract')).toEqual([{ kind: 'toxicity', id: 101, reason: 'entered on the wrong patient' }]);
  });

  it('HCC uses mRECIST (viable diameters, no node column); an undecided case says outcomes need a decision', async () => {
    const api = new FakeDataApi();
    api.outcomes[0] = { ...(api.outcomes[0] as NonNullable<(typeof api.outcomes)[0]>), method: 'mrecist' };
    const { user, unmount } = renderWithStores(<CaseOutcomes caseId={3} primary="hcc" />, api);
    await user.click(await screen.findByText('Add an imaging assessment'));
    expect(screen.getByText('(mRECIST)')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Imaging assessment' });
    expect(within(form).getByRole('columnheader', { name: 'Viable now (mm)' })).toBeInTheDocument();
    expect(within(form).queryByRole('columnheader', { name: 'Node' })).toBeNull();
    await user.type(within(form).getByLabelText('Lesion 1 baseline diameter (mm)'), '40');
    await user.type(within(form).getByLabelText('Lesion 1 current diameter (mm)'), '0');
    expect(screen.getByTestId('computed-response')).toHaveTextContent('CR (complete response): sum 40 → 0 mm, −100 % from baseline');
    unmount();

    const none = new FakeDataApi();
    none.outcomes = [];
    renderWithStores(<CaseOutcomes caseId={3} primary="colorectal" />, none);
    expect(await screen.findByText('Outcomes are recorded against a board decision; this case has none yet.')).toBeInTheDocument();
    expect(screen.queryByText('Add an imaging assessment')).toBeNull();
  });
});

describe('registry export', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves the CSV at once and shows the manifest of what was removed', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:registry'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    const api = new FakeDataApi();
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'Registry export' }));
    await user.click(screen.getByRole('button', { name: 'Export registry CSV' }));
    expect(await screen.findByTestId('registry-counts')).toHaveTextContent('12 records of 11 patients · saved as registry-2026-01-05.csv');
    expect(names).toEqual(['registry-2026-01-05.csv']);
    expect(await blobs[0]?.text()).toBe('record,age_band,primary_tumor\nR1,65-69,colorectal\n');
    expect(screen.getByTestId('registry-disclosure')).toHaveTextContent(
      'Every published combination of age band, sex, primary tumour and baseline facts is shared by at least 5 patients; 3 records withheld, 6 values left empty.');
    expect(screen.getByText('Matching on the quasi-identifiers points to no fewer than 5 patients.')).toBeInTheDocument();
    const removed = screen.getByRole('list', { name: 'Removed fields' });
    expect(within(removed).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['family_name: direct identifier', 'birth_date: replaced by age in years']);
    expect(screen.getByText('days from the treatment date')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download manifest' }));
    expect(names.at(-1)).toBe('registry-2026-01-05.manifest.json');
    expect(JSON.parse(await (blobs.at(-1) as Blob).text())).toMatchObject({ records: 12, patients: 11 });
  });
});
