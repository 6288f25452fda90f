/** Each source column → a target field (and, for lab facts, the unit the column is in). */
import type { CsvMapping, CsvTarget } from '../../../shared/domain/imports';
import { LAB_UNITS } from '../../../shared/domain/units';
import { analyteOf } from '../../stores/data';
import { TARGET_GROUPS } from './labels';

export interface MappingTableProps {
  headers: readonly string[];
  mapping: CsvMapping;
  disabled: boolean;
  onChange(column: string, target: CsvTarget, unit?: string): void;
}

export function MappingTable({ headers, mapping, disabled, onChange }: MappingTableProps) {
  const byColumn = new Map(mapping.columns.map((c) => [c.column, c] as const));
  const columns = headers.filter((h) => h.trim() !== '');
  return (
    <table className="data-table mapping-table">
      <caption className="visually-hidden">Column mapping</caption>
      <thead>
        <tr><th scope="col">Column in the file</th><th scope="col">Imported as</th><th scope="col">Unit</th></tr>
      </thead>
      <tbody>
        {columns.map((column) => {
          const entry = byColumn.get(column);
          const target = (entry?.target ?? 'ignore') as CsvTarget;
          const analyte = analyteOf(target);
          return (
            <tr key={column} data-column={column} className={target === 'ignore' ? 'ignored' : undefined}>
              <th scope="row"><code>{column}</code></th>
              <td>
                <select value={target} disabled={disabled} aria-label={`Target for column ${column}`}
                  onChange={(e) => onChange(column, e.target.value as CsvTarget)}>
                  <option value="ignore">Not imported</option>
                  {TARGET_GROUPS.map((g) => (
                    <optgroup key={g.label} label={g.label}>
                      {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                    </optgroup>
                  ))}
                </select>
              </td>
              <td>
                {analyte ? (
                  <select value={entry?.unit ?? LAB_UNITS[analyte].contract.id} disabled={disabled} aria-label={`Unit of column ${column}`}
                    onChange={(e) => onChange(column, target, e.target.value)}>
                    {LAB_UNITS[analyte].units.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
                  </select>
                ) : <span className="muted small" aria-hidden="true">—</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
