/** A row of toggle chips (aria-pressed), e.g. the statuses or the primary tumours to show. */
export interface Chip<T extends string> { value: T; label: string }

export function FilterChips<T extends string>({ label, chips, selected, onToggle }: {
  label: string; chips: readonly Chip<T>[]; selected: readonly T[]; onToggle(value: T): void;
}) {
  return (
    <div className="chips" role="group" aria-label={label}>
      <span className="chips-label" aria-hidden="true">{label}</span>
      {chips.map((c) => {
        const on = selected.includes(c.value);
        return (
          <button key={c.value} type="button" className={`chip${on ? ' on' : ''}`} aria-pressed={on} onClick={() => onToggle(c.value)}>
            {c.label}
          </button>
        );
      })}
    </div>
  );
}
