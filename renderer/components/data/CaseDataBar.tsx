/** Above a saved case: data out (FHIR export for the EHR). */
import '../../styles/data.css';
import { ExportFhirButton } from './ExportFhirButton';

export function CaseDataBar({ id }: { id: number }) {
  return (
    <div className="case-data-bar" aria-label="Case data" role="group">
      <ExportFhirButton id={id} />
    </div>
  );
}
