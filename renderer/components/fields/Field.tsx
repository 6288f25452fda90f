/**
 * Form controls that wire label, hint and error together: `aria-invalid` and `aria-describedby` point at
 * the message shown right next to the field.
 */
import type { ReactNode } from 'react';
import type { Choice } from '../../form/fields';

export const fieldId = (path: string): string => `f-${path.replaceAll('.', '-')}`;

export interface FieldProps {
  path: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Shown with the field when the value does not usually apply (e.g. NET fields for a colorectal case). */
  note?: string | undefined;
  readOnly?: boolean;
  onChange(value: string): void;
  onBlur?(): void;
}

function describedBy(id: string, hint: unknown, error: unknown, note: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', note ? `${id}-note` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Messages({ id, hint, error, note }: { id: string; hint?: string | undefined; error?: string | undefined; note?: string | undefined }) {
  return (
    <>
      {hint ? <span className="field-hint" id={`${id}-hint`}>{hint}</span> : null}
      {note ? <span className="field-note" id={`${id}-note`}>{note}</span> : null}
      {error ? <span className="field-error" id={`${id}-error`} role="alert">{error}</span> : null}
    </>
  );
}

function Shell({ id, label, children, error, hint, note, wide, suffix, after }: {
  id: string; label: string; children: ReactNode; error?: string | undefined; hint?: string | undefined; note?: string | undefined;
  wide?: boolean | undefined; suffix?: ReactNode; after?: ReactNode;
}) {
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' has-error' : ''}${note ? ' has-note' : ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      <div className="field-control">{children}{suffix}</div>
      {after}
      <Messages id={id} hint={hint} error={error} note={note} />
    </div>
  );
}

export function TextField(props: FieldProps & { type?: 'text' | 'date'; multiline?: boolean; wide?: boolean; placeholder?: string; autoComplete?: string; maxLength?: number }) {
  const id = fieldId(props.path);
  const common = {
    id,
    name: props.path,
    value: props.value,
    readOnly: props.readOnly,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error, props.note),
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    onBlur: props.onBlur,
  } as const;
  return (
    <Shell id={id} label={props.label} error={props.error} hint={props.hint} note={props.note} wide={props.wide ?? props.multiline}>
      {props.multiline
        ? <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
        : <input {...common} type={props.type ?? 'text'} autoComplete={props.autoComplete ?? 'off'} spellCheck={false}
            onChange={(e) => props.onChange(e.target.value)} />}
    </Shell>
  );
}

export function NumberField(props: FieldProps & { unit?: string | undefined; integer?: boolean; unitControl?: ReactNode; after?: ReactNode }) {
  const id = fieldId(props.path);
  return (
    <Shell id={id} label={props.label} error={props.error} hint={props.hint} note={props.note} after={props.after}
      suffix={props.unitControl ?? (props.unit ? <span className="unit">{props.unit}</span> : null)}>
      {/* type="text" + inputmode: keeps exactly what was typed (including "1,5") instead of the browser's
          number parsing, which silently empties a field it cannot read. */}
      <input id={id} name={props.path} type="text" inputMode={props.integer ? 'numeric' : 'decimal'} className="num"
        value={props.value} readOnly={props.readOnly} autoComplete="off"
        aria-invalid={props.error ? true : undefined} aria-describedby={describedBy(id, props.hint, props.error, props.note)}
        onChange={(e) => props.onChange(e.target.value)} onBlur={props.onBlur} />
    </Shell>
  );
}

export function SelectField(props: FieldProps & { options: readonly Choice[]; emptyLabel?: string | null }) {
  const id = fieldId(props.path);
  const known = props.value === '' || props.options.some((o) => o.value === props.value);
  return (
    <Shell id={id} label={props.label} error={props.error} hint={props.hint} note={props.note}>
      <select id={id} name={props.path} value={props.value} disabled={props.readOnly}
        aria-invalid={props.error ? true : undefined} aria-describedby={describedBy(id, props.hint, props.error, props.note)}
        onChange={(e) => props.onChange(e.target.value)} onBlur={props.onBlur}>
        {props.emptyLabel === null ? null : <option value="">{props.emptyLabel ?? 'Unknown'}</option>}
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {known ? null : <option value={props.value}>{props.value} (not a known value)</option>}
      </select>
    </Shell>
  );
}

const TRI: readonly Choice[] = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: '', label: 'Unknown' }];

/** Yes / No / Unknown: unknown is a real answer clinically, so it is never collapsed into "no". */
export function TriStateField(props: FieldProps) {
  const id = fieldId(props.path);
  return (
    <fieldset className={`field tri${props.error ? ' has-error' : ''}${props.note ? ' has-note' : ''}`} id={id}
      aria-describedby={describedBy(id, props.hint, props.error, props.note)}>
      <legend className="field-label">{props.label}</legend>
      <div className="segmented">
        {TRI.map((c) => (
          <label key={c.label} className={props.value === c.value ? 'on' : undefined}>
            <input type="radio" name={props.path} value={c.value} checked={props.value === c.value} disabled={props.readOnly}
              onChange={() => props.onChange(c.value)} onBlur={props.onBlur} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <Messages id={id} hint={props.hint} error={props.error} note={props.note} />
    </fieldset>
  );
}
