/** Data in and out: CSV case lists, FHIR import, backups (tabs, one panel at a time). */
import { useState, type KeyboardEvent } from 'react';
import '../../styles/data.css';
import { Backups } from '../../components/data/Backups';
import { CsvImportWizard } from '../../components/data/CsvImportWizard';
import { FhirImport } from '../../components/data/FhirImport';
import { RegistryExport } from '../../components/data/RegistryExport';
import { BoardServer } from '../../components/data/BoardServer';
import { useStores } from '../../stores/context';

const ALL_TABS = [
  { id: 'csv', label: 'CSV import' },
  { id: 'fhir', label: 'FHIR import' },
  { id: 'registry', label: 'Registry export' },
  { id: 'backups', label: 'Backups' },
  { id: 'server', label: 'Board server' },
] as const;
type TabId = (typeof ALL_TABS)[number]['id'];

export function DataView() {
  const connection = useStores().connection;
  // The "Board server" setting belongs to the desktop app (a browser is already on a server or on this computer).
  const TABS = ALL_TABS.filter((t) => t.id !== 'server' || connection !== null);
  const [tab, setTab] = useState<TabId>('csv');
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = TABS[next]?.id ?? 'csv';
    setTab(id);
    document.getElementById(`data-tab-${id}`)?.focus();
  };
  return (
    <div className="data-view">
      <div>
        <h1>Data</h1>
        <p className="muted small">Bring cases in from a CSV list or the EHR (FHIR), and keep the database safe with backups.</p>
      </div>
      <div role="tablist" aria-label="Data" className="data-tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`data-tab-${t.id}`} aria-selected={tab === t.id} aria-controls={tab === t.id ? `data-panel-${t.id}` : undefined}
            tabIndex={tab === t.id ? 0 : -1} onClick={() => setTab(t.id)}>{t.label}</button>
        ))}
      </div>
      <div role="tabpanel" id={`data-panel-${tab}`} aria-labelledby={`data-tab-${tab}`} className="data-panel">
        {tab === 'csv' ? <CsvImportWizard /> : tab === 'fhir' ? <FhirImport /> : tab === 'registry' ? <RegistryExport />
          : tab === 'server' && connection ? <BoardServer connection={connection} /> : <Backups />}
      </div>
    </div>
  );
}
