/**
 * The CSV import wizard against the real core: mapping edits reach the request, the real importer answers problems by
 * row and column and counts, and writes (or, all-or-nothing, does not write) the cases.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataView } from '../../renderer/views/data';
import { renderWithStores } from './render';
import { useRealCore, type RealCore } from './realApi';

const realCore = useRealCore();
/** The file the tests choose: row 3 has ECOG 9; `bili` holds µmol/L values (75 is fine in µmol/L only); M-3 is known. */
const SAMPLE_CSV = 'mrn,family_name,ecog,bili\nM-1,Ødegård,1,75\nM-2,Núñez,9,12\nM-3,Wróbel,0,8\n';

/** A board that already has patient M-3, its name typed without diacritics (so row 4 updates it). */
async function board(): Promise<RealCore> {
  const core = realCore();
  await core.addCase({ identifier: 'M-3', family_name: 'Wrobel', given_name: 'Łukasz', birth_date: '1961-05-02', sex: 'male' }, { facts: { ecog: 1 } });
  return core;
}

const csvFile = (name = 'ward-list.csv') => new File([SAMPLE_CSV], name, { type: 'text/csv' });
const rowsTable = () => screen.getByRole('table', { name: 'Rows of the file' });
const bodyRows = () => within(rowsTable()).getAllByRole('row').slice(1);

async function chooseSample() {
  const core = await board();
  const r = renderWithStores(<DataView />, core.api);
  await r.user.upload(screen.getByLabelText('Choose a CSV file'), csvFile());
  await screen.findByRole('table', { name: 'Column mapping' });
  return { ...r, core };
}

describe('CSV import wizard', () => {
  it('reads the chosen file as text and shows the recognised mapping and every row', async () => {
    const { api } = await chooseSample();
    expect(api.callsOf('imports.csvPreview')).toEqual([{ source: 'ward-list.csv', content: SAMPLE_CSV }]);
    expect(screen.getByLabelText('Target for column mrn')).toHaveValue('patient.identifier');
    expect(screen.getByLabelText('Target for column ecog')).toHaveValue('fact.ecog');
    expect(screen.getByLabelText('Target for column bili')).toHaveValue('ignore');
    expect(screen.queryByLabelText('Unit of column bili')).toBeNull();
    expect(screen.getByText(/Columns recognised from their names/)).toBeInTheDocument();
    expect(screen.getByTestId('preview-summary')).toHaveTextContent('3 rows: 1 new, 1 to update, 0 unchanged, 1 row with problems.');
    expect(bodyRows().map((tr) => tr.getAttribute('data-row'))).toEqual(['2', '3', '4']);
    expect(bodyRows()[0]).toHaveTextContent('M-1');
    expect(bodyRows()[0]).toHaveTextContent('New case');
    expect(bodyRows()[2]).toHaveTextContent('Updates a case');
  });

  it('lists each row\'s problems by row and column, and filters to problem rows', async () => {
    const { user } = await chooseSample();
    const row3 = rowsTable().querySelector('tr[data-row="3"]') as HTMLElement;
    expect(row3).toHaveTextContent('Not valid');
    expect(within(row3).getByRole('list', { name: 'Problems in row 3' })).toHaveTextContent('ecog: 9: must be at most 4');
    await user.click(screen.getByLabelText('Only rows with problems'));
    expect(bodyRows().map((tr) => tr.getAttribute('data-row'))).toEqual(['3']);
    await user.click(screen.getByLabelText('Only rows with problems'));
    expect(bodyRows()).toHaveLength(3);
  });

  it('a mapping edit changes the next request: bilirubin in µmol/L, then saved for this source', async () => {
    const { api, user } = await chooseSample();
    await user.selectOptions(screen.getByLabelText('Target for column bili'), 'fact.bilirubin_mg_dl');
    // Taken as mg/dL, 75 is out of range: the answer to the new mapping names row 2, column bili.
    await waitFor(() => expect(rowsTable().querySelector('tr[data-row="2"]')).toHaveTextContent('bili: 75: must be at most 60'));
    expect(api.callsOf('imports.csvPreview').at(-1)?.mapping?.columns).toContainEqual({ column: 'bili', target: 'fact.bilirubin_mg_dl' });
    expect(screen.getByLabelText('Unit of column bili')).toHaveValue('mg_dl');

    await user.selectOptions(screen.getByLabelText('Unit of column bili'), 'umol_l');
    await waitFor(() => expect(rowsTable().querySelector('tr[data-row="2"]')).toHaveTextContent('None'));
    expect(api.callsOf('imports.csvPreview').at(-1)?.mapping?.columns).toContainEqual({ column: 'bili', target: 'fact.bilirubin_mg_dl', unit: 'umol_l' });
    expect(screen.getByText('Your mapping.')).toBeInTheDocument();

    const source = screen.getByLabelText('Source');
    await user.clear(source);
    await user.type(source, 'Oncology EHR export');
    await user.click(screen.getByRole('button', { name: 'Save mapping for this source' }));
    expect(await screen.findByText('Mapping saved for “Oncology EHR export”.')).toBeInTheDocument();
    expect(api.callsOf('imports.mappings.save')).toEqual([{
      source: 'Oncology EHR export',
      mapping: { columns: [
        { column: 'mrn', target: 'patient.identifier' }, { column: 'family_name', target: 'patient.family_name' },
        { column: 'ecog', target: 'fact.ecog' }, { column: 'bili', target: 'fact.bilirubin_mg_dl', unit: 'umol_l' },
      ] },
    }]);
  });

  it('mapping a target already used moves it: the other column is no longer imported', async () => {
    const { api, user } = await chooseSample();
    await user.selectOptions(screen.getByLabelText('Target for column family_name'), 'patient.identifier');
    await waitFor(() => expect(screen.getByLabelText('Target for column mrn')).toHaveValue('ignore'));
    const columns = api.callsOf('imports.csvPreview').at(-1)?.mapping?.columns ?? [];
    expect(columns.filter((c) => c.target === 'patient.identifier')).toEqual([{ column: 'family_name', target: 'patient.identifier' }]);
    expect(columns).toContainEqual({ column: 'mrn', target: 'ignore' });
  });

  it('an import with a bad row says nothing was imported and lists the problem by row and column', async () => {
    const { api, user, core } = await chooseSample();
    await user.click(screen.getByRole('button', { name: 'Import 3 rows' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Nothing was imported');
    expect(alert).toHaveTextContent('1 problem must be fixed first; the database is unchanged.');
    expect(within(alert).getByRole('list', { name: 'Import problems' })).toHaveTextContent('Row 3, column “ecog”: 9: must be at most 4');
    expect(api.callsOf('imports.csvImport')).toHaveLength(1);
    expect(api.callsOf('imports.csvImport')[0]).toMatchObject({ source: 'ward-list.csv', content: SAMPLE_CSV, dry_run: false });
    expect((await core.cases()).map((c) => c.patient.identifier)).toEqual(['M-3']);
  });

  it('dry run and import show the counts; the import sends the edited mapping and shows a progress bar meanwhile', async () => {
    const { api, user, stores, core } = await chooseSample();
    await user.selectOptions(screen.getByLabelText('Target for column ecog'), 'ignore'); // row 3 becomes valid
    await waitFor(() => expect(screen.getByTestId('preview-summary')).toHaveTextContent('3 rows: 2 new, 1 to update, 0 unchanged.'));

    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    const dry = await screen.findByRole('heading', { name: 'Dry run: nothing was written' });
    const dryBox = dry.closest('.import-result') as HTMLElement;
    expect(within(dryBox).getByText('Would create').nextElementSibling).toHaveTextContent('2');
    expect(within(dryBox).getByText('Would update').nextElementSibling).toHaveTextContent('1');
    expect(api.callsOf('imports.csvImport')[0]?.dry_run).toBe(true);

    const release = api.hold('imports.csvImport');
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 rows' }));
    expect(await screen.findByRole('progressbar', { name: 'Importing' })).not.toHaveAttribute('value');
    expect(screen.getByText('Importing 3 rows…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 3 rows' })).toBeDisabled();
    release();

    const done = await screen.findByRole('heading', { name: 'Imported' });
    const box = done.closest('.import-result') as HTMLElement;
    expect(box.querySelector('[data-count="create"]')).toHaveTextContent('2');
    expect(box.querySelector('[data-count="update"]')).toHaveTextContent('1');
    expect(box.querySelector('[data-count="unchanged"]')).toHaveTextContent('0');
    expect(screen.queryByRole('progressbar')).toBeNull();
    const sent = api.callsOf('imports.csvImport').at(-1);
    expect(sent?.dry_run).toBe(false);
    expect(sent?.mapping?.columns).toContainEqual({ column: 'ecog', target: 'ignore' });
    expect(stores.ui.getState().notice).toBe('CSV imported.');
    const stored = await core.cases();
    expect(stored.map((c) => [c.patient.identifier, c.patient.family_name])).toEqual([['M-3', 'Wróbel'], ['M-1', 'Ødegård'], ['M-2', 'Núñez']]);
  });

  it('applies a mapping saved earlier for another source', async () => {
    const core = await board();
    const api = core.api;
    const mapping = { columns: [
      { column: 'mrn', target: 'patient.identifier' as const }, { column: 'family_name', target: 'patient.family_name' as const },
      { column: 'ecog', target: 'ignore' as const }, { column: 'bili', target: 'fact.bilirubin_mg_dl' as const, unit: 'umol_l' },
    ] };
    await core.call('imports.mappings.save', { source: 'Oncology EHR export', mapping });
    const { user } = renderWithStores(<DataView />, api);
    await user.upload(screen.getByLabelText('Choose a CSV file'), csvFile());
    await user.selectOptions(await screen.findByLabelText('Apply a saved mapping'), 'Oncology EHR export');
    await waitFor(() => expect(screen.getByLabelText('Unit of column bili')).toHaveValue('umol_l'));
    expect(screen.getByLabelText('Target for column ecog')).toHaveValue('ignore');
    expect(screen.getByLabelText('Source')).toHaveValue('Oncology EHR export');
    expect(api.callsOf('imports.csvPreview').at(-1)).toEqual({ source: 'Oncology EHR export', content: SAMPLE_CSV, mapping });
    expect(screen.getByTestId('preview-summary')).toHaveTextContent('3 rows: 2 new, 1 to update, 0 unchanged.');
  });

  it('takes a dropped file too', async () => {
    const api = (await board()).api;
    renderWithStores(<DataView />, api);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [csvFile('dropped.csv')] } });
    await screen.findByRole('table', { name: 'Column mapping' });
    expect(api.callsOf('imports.csvPreview')[0]).toEqual({ source: 'dropped.csv', content: SAMPLE_CSV });
    expect(screen.getByText('dropped.csv')).toBeInTheDocument();
  });
});
