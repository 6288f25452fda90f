/** Choose a file with the file input or by dropping it on the zone; the content is read as text here (never a path). */
import { useId, useState, type DragEvent } from 'react';
import type { ChosenFile } from '../../stores/data';

export interface FilePickerProps {
  label: string;
  hint: string;
  accept: string;
  onFile(file: ChosenFile): void;
  disabled?: boolean;
}

export async function readFileText(file: File): Promise<ChosenFile> {
  const content = typeof file.text === 'function' ? await file.text() : await new Response(file).text();
  return { name: file.name, content };
}

export function FilePicker({ label, hint, accept, onFile, disabled = false }: FilePickerProps) {
  const id = useId();
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      setError(null);
      onFile(await readFileText(file));
    } catch {
      setError(`The file ${file.name} could not be read.`);
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    if (!disabled) void take(e.dataTransfer.files[0]);
  };

  return (
    <div className={`drop-zone${over ? ' over' : ''}`} data-testid="drop-zone"
      onDragOver={(e) => { e.preventDefault(); if (!disabled) setOver(true); }}
      onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <label htmlFor={id} className="drop-label">{label}</label>
      <input id={id} type="file" accept={accept} disabled={disabled} aria-describedby={`${id}-hint`}
        onChange={(e) => { void take(e.target.files?.[0]); e.target.value = ''; }} />
      <p id={`${id}-hint`} className="muted small">{hint}</p>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
