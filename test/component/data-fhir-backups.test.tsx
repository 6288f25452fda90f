/**
 * FHIR import report and link to the case, backups (back up now, restore confirmation, a restore that is refused, a
 * real restore), Export FHIR download — against the real core: the real FHIR mapper on a synthetic mCODE bundle, real
 * backup files beside the temporary database, the real restore. A refusal the core would not give here is injected.
 */
import { readFileSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutoBackups } from '../../electron/app/context';
import { ExportFhirButton } from '../../renderer/components/data/ExportFhirButton';
import { formatBytes } from '../../renderer/components/data/Backups';
import { DataView } from '../../renderer/views/data';
import { renderWithStores } from './render';
import { useRealCore, type RealCore } from './realApi';

const realCore = useRealCore();
/** A synthetic colorectal patient as an EHR exports it (test/fixtures/fhir). */
const bundle = readFileSync('test/fixtures/fhir/synthetic-crc-labs.json', 'utf8');

describe('FHIR import', () => {
  it('shows what was mapped, what was not and the missing facts, then imports and links to the case', async () => {
    const core = realCore();
    const api = core.api;
    const { user, stores } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'FHIR import' }));
    await user.upload(screen.getByLabelText('Choose a FHIR file'), new File([bundle], 'patient.json', { type: 'application/json' }));
    expect(await screen.findByRole('heading', { name: 'Mapped (16)' })).toBeInTheDocument();
    expect(api.callsOf('imports.fhirPreview')).toEqual([{ source: 'patient.json', content: bundle }]);
    const mapped = screen.getByRole('table', { name: 'What was mapped' });
    expect(mapped.querySelector('tr[data-target="primary_tumor"]')).toHaveTextContent('Primary tumour');
    expect(mapped.querySelector('tr[data-target="primary_tumor"]')).toHaveTextContent('colorectal');
    expect(mapped.querySelector('tr[data-target="ecog"]')).toHaveTextContent('ECOG performance status');
    expect(mapped.querySelector('tr[data-target="bilirubin_mg_dl"]')).toHaveTextContent('bilirubin 34.2 µmol/L, 2026-10-01');
    expect(screen.getByRole('heading', { name: 'Not mapped (1)' })).toBeInTheDocument();
    expect(screen.getByText(/LOINC 1920-8/)).toBeInTheDocument();
    const missing = within(screen.getByRole('list', { name: 'Missing facts' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(missing).toContain('Lung shunt fraction');
    expect(missing).not.toContain('Total bilirubin');
    expect(screen.getByText('Ødegård-Synthetic, Zoë')).toBeInTheDocument();
    expect(screen.getByText('New case')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Import' }));
    const open = await screen.findByRole('button', { name: 'Open case #1 (Ødegård-Synthetic, Zoë)' });
    expect(screen.getByRole('heading', { name: 'Imported: a new case' })).toBeInTheDocument();
    expect(api.callsOf('imports.fhirImport')).toEqual([{ source: 'patient.json', content: bundle }]);
    expect(await core.call('cases.get', { id: 1 })).toMatchObject({
      patient: { identifier: 'FHIR-CRC-0001', family_name: 'Ødegård-Synthetic' },
      facts: { primary_tumor: 'colorectal', ecog: 2, bilirubin_mg_dl: 2, prior_chemo_agents: ['oxaliplatin', 'capecitabine', 'irinotecan'] },
    });
    await user.click(open);
    expect(stores.ui.getState().view).toEqual({ name: 'case', id: 1 });
  });

  it('a file that is not FHIR shows why and imports nothing', async () => {
    const core = realCore();
    const api = core.api;
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'FHIR import' }));
    await user.upload(screen.getByLabelText('Choose a FHIR file'), new File(['nope'], 'bad.json'));
    expect(await screen.findByText(/bad\.json: not JSON/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(api.callsOf('imports.fhirImport')).toHaveLength(0);
    expect(await core.cases()).toEqual([]);
  });

  it('a refusal from the core shows its message (injected: a file over the size limit)', async () => {
    const api = realCore().api;
    api.failNext('imports.fhirPreview', { code: 'TOO_LARGE', message: 'the file is larger than 50 MB' });
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'FHIR import' }));
    await user.upload(screen.getByLabelText('Choose a FHIR file'), new File([bundle], 'huge.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('the file is larger than 50 MB');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });
});

/** A board with two cases and one automatic backup made by the real schedule. */
async function backedUp(): Promise<{ core: RealCore; auto: string }> {
  const core = realCore();
  await core.seedCases(2);
  startAutoBackups(core.context, core.dbPath, { setTimer: () => ({ cancel: () => undefined }) }).stop();
  const [auto] = await core.call('backups.list', {});
  if (!auto) throw new Error('no automatic backup was made');
  return { core, auto: auto.file };
}

describe('backups', () => {
  it('lists the backups and backs up now', async () => {
    const { core, auto } = await backedUp();
    const api = core.api;
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'Backups' }));
    const table = await screen.findByRole('table', { name: 'Backups, newest first' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    const [listed] = await core.call('backups.list', {});
    expect(table.querySelector(`tr[data-file="${auto}"]`)).toHaveTextContent('Scheduled');
    expect(table.querySelector(`tr[data-file="${auto}"]`)).toHaveTextContent(formatBytes(listed?.bytes ?? -1));

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const made = (await core.call('backups.list', {})).find((b) => b.kind === 'manual');
    expect(made?.file).toMatch(/^board-manual-\d{4}-\d{2}-\d{2}T[\d-]+Z\.sqlite$/);
    expect(await screen.findByText(`Backed up: ${made?.file ?? ''} (${formatBytes(made?.bytes ?? -1)}).`)).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveAttribute('data-file', made?.file ?? ''); // newest first
    expect(rows[0]).toHaveTextContent('Manual');
    expect(api.callsOf('backups.create')).toEqual([{}]);
  });

  it('restore asks first, saying the current database is kept as a backup; a refusal is shown; a restore names the safety copy', async () => {
    const { core, auto } = await backedUp();
    const api = core.api;
    await core.addCase({ identifier: 'LATER', family_name: 'Later', given_name: '', birth_date: null, sex: 'unknown' });
    api.failNext('backups.restore', { code: 'READ_ONLY', message: 'restore is not available in this window yet: use `tumour-board restore --db FILE --from FILE`' });
    const { user } = renderWithStores(<DataView />, api);
    await user.click(screen.getByRole('tab', { name: 'Backups' }));
    await user.click(await screen.findByRole('button', { name: `Restore ${auto}` }));
    const dialog = screen.getByRole('alertdialog', { name: 'Restore this backup?' });
    expect(dialog).toHaveTextContent('The current database is kept as a backup first');
    expect(dialog).toHaveTextContent(`(${auto})`);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsOf('backups.restore')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: `Restore ${auto}` }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not possible here: restore is not available in this window yet');
    expect(api.callsOf('backups.restore')).toEqual([{ file: auto }]);
    expect(await core.cases()).toHaveLength(3);

    // The real restore: the case added after the backup is gone, the previous database kept as a safety copy.
    await user.click(screen.getByRole('button', { name: `Restore ${auto}` }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    const done = await screen.findByText(/The previous database was kept as board-pre-restore-/);
    expect(done).toHaveTextContent('2 cases');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await core.cases()).map((c) => c.patient.identifier)).toEqual(['MRN1000', 'MRN1001']);
    expect((await core.call('backups.list', {})).map((b) => b.kind).sort()).toEqual(['auto', 'pre-restore']);
  });
});

describe('Export FHIR', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads the case as a FHIR bundle through a Blob URL', async () => {
    const core = realCore();
    await core.seedCases(1);
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return 'blob:case-1'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicks.push({ href: this.href, download: this.download }); });
    const { user, stores } = renderWithStores(<ExportFhirButton id={1} />, core.api);
    await user.click(screen.getByRole('button', { name: 'Export FHIR' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]).toEqual({ href: 'blob:case-1', download: 'case-1.fhir.json' }); // no identifier in the file name
    expect(created).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('application/fhir+json');
    const sent = JSON.parse(await blobs[0]?.text() ?? '{}') as { resourceType: string; entry: Array<{ resource: { resourceType: string; identifier?: Array<{ value: string }> } }> };
    expect(sent.resourceType).toBe('Bundle');
    const patient = sent.entry.find((e) => e.resource.resourceType === 'Patient')?.resource;
    expect(patient?.identifier?.map((i) => i.value)).toContain('MRN1000');
    expect(core.api.callsOf('exports.caseFhir')).toEqual([{ id: 1 }]);
    expect(stores.ui.getState().notice).toBe('FHIR saved.');
  });
});
