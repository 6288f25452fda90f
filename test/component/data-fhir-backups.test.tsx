/** FHIR import report and link to the case, backups (back up now, restore confirmation, READ_ONLY), Export FHIR download. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportFhirButton } from '../../renderer/components/data/ExportFhirButton';
import { DataView } from '../../renderer/views/data';
import { FakeDataApi } from './data-fakeApi';
import { renderWithStores } from './render';

const bundle = '{"resourceType":"Bundle","type":"collection","entry":[]}';

describe('FHIR import', () => {
  it('shows what was mapped, what was not and the missing facts, then imports and links to the case', async () => {
    const api = new FakeDataApi();
    const { user, stores } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'FHIR import' }));
    await user.upload(screen.getByLabelText('Choose a FHIR file'), new File([bundle], 'patient.json', { type: 'application/json' }));
    expect(await screen.findByRole('heading', { name: 'Mapped (2)' })).toBeInTheDocument();
    expect(api.callsOf('imports.fhirPreview')).toEqual([{ source: 'patient.json', content: bundle }]);
    const mapped = screen.getByRole('table', { name: 'What was mapped' });
    expect(mapped.querySelector('tr[data-target="primary_tumor"]')).toHaveTextContent('Primary tumour');
    expect(mapped.querySelector('tr[data-target="primary_tumor"]')).toHaveTextContent('breast');
    expect(mapped.querySelector('tr[data-target="ecog"]')).toHaveTextContent('ECOG performance status');
    expect(screen.getByRole('heading', { name: 'Not mapped (1)' })).toBeInTheDocument();
    expect(screen.getByText(/genomic variant \(estrogen receptor 1\)/)).toBeInTheDocument();
    const missing = screen.getByRole('list', { name: 'Missing facts' });
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Total bilirubin', 'Lung shunt fraction']);
    expect(screen.getByText('Lindqvist, Åsa')).toBeInTheDocument();
    expect(screen.getByText('New case')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import' }));
    const open = await screen.findByRole('button', { name: 'Open case #7 (Lindqvist, Åsa)' });
    expect(screen.getByRole('heading', { name: 'Imported: a new case' })).toBeInTheDocument();
    expect(api.callsOf('imports.fhirImport')).toEqual([{ source: 'patient.json', content: bundle }]);
    await user.click(open);
    expect(stores.ui.getState().view).toEqual({ name: 'case', id: 7 });
  });

  it('a file the API refuses shows its message and imports nothing', async () => {
    const api = new FakeDataApi();
    api.failNext('imports.fhirPreview', { code: 'VALIDATION', message: 'bad.json is not JSON: Unexpected token' });
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'FHIR import' }));
    await user.upload(screen.getByLabelText('Choose a FHIR file'), new File(['nope'], 'bad.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('bad.json is not JSON: Unexpected token');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(api.callsOf('imports.fhirImport')).toHaveLength(0);
  });
});

describe('backups', () => {
  it('lists the backups and backs up now', async () => {
    const api = new FakeDataApi();
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'Backups' }));
    const table = await screen.findByRole('table', { name: 'Backups, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(table.querySelector('tr[data-file="board-auto-2026-01-01T02-00-00Z.sqlite"]')).toHaveTextContent('Scheduled');
    expect(table.querySelector('tr[data-file="board-auto-2026-01-01T02-00-00Z.sqlite"]')).toHaveTextContent('2.1 MB');

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backed up: board-manual-2026-01-02T11-00-00-000Z.sqlite (2.2 MB).')).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveAttribute('data-file', 'board-manual-2026-01-02T11-00-00-000Z.sqlite'); // newest first
    expect(rows[0]).toHaveTextContent('Manual');
    expect(api.callsOf('backups.create')).toEqual([{}]);
  });

  it('restore asks first, saying the current database is kept as a backup, and shows a READ_ONLY answer', async () => {
    const api = new FakeDataApi();
    api.failNext('backups.restore', { code: 'READ_ONLY', message: 'restore is not available in this window yet: use `tumour-board restore --db FILE --from FILE`' });
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'Backups' }));
    await user.click(await screen.findByRole('button', { name: 'Restore board-auto-2026-01-01T02-00-00Z.sqlite' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent('The current database is kept as a backup first');
    expect(dialog).toHaveTextContent('(board-auto-2026-01-01T02-00-00Z.sqlite)');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsOf('backups.restore')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Restore board-auto-2026-01-01T02-00-00Z.sqlite' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not possible here: restore is not available in this window yet');
    expect(api.callsOf('backups.restore')).toEqual([{ file: 'board-auto-2026-01-01T02-00-00Z.sqlite' }]);

    // Where restore is available, the result names the safety copy.
    await user.click(screen.getByRole('button', { name: 'Restore board-auto-2026-01-01T02-00-00Z.sqlite' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(/The previous database was kept as board-pre-restore-2026-01-02T12-00-00Z\.sqlite\./)).toHaveTextContent('40 cases');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Export FHIR', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads the returned bundle as a file through a Blob URL', async () => {
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:case-4'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicks.push({ href: this.href, download: this.download }); });
    const api = new FakeDataApi();
    const { user, stores } = renderWithStores(<ExportFhirButton id={4} />, api);
    await user.click(screen.getByRole('button', { name: 'Export FHIR' }));
    await waitFor(() => expect(clicks).toEqual([{ href: 'blob:case-4', download: 'case-4-MRN.fhir.json' }]));
    expect(created).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('application/fhir+json');
    expect(await blobs[0]?.text()).toBe(bundle);
    expect(api.callsOf('exports.caseFhir')).toEqual([{ id: 4 }]);
    expect(stores.ui.getState().notice).toBe('FHIR saved.');
  });
});
