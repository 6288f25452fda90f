/** On the case screen: the case as an mCODE FHIR Bundle, saved as a file for the EHR. */
import { useState } from 'react';
import { useStores } from '../../stores/context';
import { failureOf } from '../../stores/data';
import { downloadText } from './download';

export function ExportFhirButton({ id }: { id: number }) {
  const stores = useStores();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const out = await stores.api.invoke('exports.caseFhir', { id });
      downloadText(out.file_name, out.content, 'application/fhir+json');
      stores.ui.getState().notify('FHIR saved.');
    } catch (e) {
      setError(failureOf(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-fhir">
      <button type="button" onClick={() => { void run(); }} disabled={busy}>{busy ? 'Exporting…' : 'Export FHIR'}</button>
      {error ? <span className="field-error" role="alert">The export failed: {error}</span> : null}
    </span>
  );
}
