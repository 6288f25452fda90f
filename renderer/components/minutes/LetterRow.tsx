/** One case on the agenda: preview its outcome letter, export it as PDF (with its own progress and result). */
import type { ApiClient } from '../../../shared/api';
import type { AgendaItem } from '../../../shared/domain/meeting';
import { ExportOutcome } from './ExportResult';
import { useExport } from './useExport';

export interface LetterRowProps {
  api: ApiClient;
  meetingId: number;
  item: AgendaItem;
  previewing: boolean;
  onPreview(caseId: number | null): void;
}

export const itemName = (item: Pick<AgendaItem, 'family_name' | 'given_name'>): string =>
  item.given_name.trim() === '' ? item.family_name : `${item.family_name}, ${item.given_name}`;

export function LetterRow({ api, meetingId, item, previewing, onPreview }: LetterRowProps) {
  const { state, run } = useExport(api, { meeting_id: meetingId, case_id: item.case_id });
  const name = itemName(item);
  const running = state.phase === 'running';
  return (
    <li className={`letter-row${previewing ? ' on' : ''}`} data-case-id={item.case_id} aria-label={`${item.position}. ${name}`}>
      <div className="letter-who">
        <span className="letter-name">{item.position}. {name}</span>
        <span className="muted small">{item.identifier}</span>
      </div>
      <div className="letter-actions">
        <button type="button" className="small-button" aria-pressed={previewing}
          aria-label={`Preview the letter for ${name}`}
          onClick={() => onPreview(previewing ? null : item.case_id)}>Preview</button>
        <button type="button" className="small-button" disabled={running} aria-label={`Export the letter for ${name} as PDF`}
          onClick={() => void run()}>{running ? 'Exporting…' : 'Letter'}</button>
      </div>
      <div className="letter-outcome" role="status" aria-busy={running}>
        <ExportOutcome state={state} what="letter" />
      </div>
    </li>
  );
}
