/** The clinical facts, group by group, each field rendered by its kind. */
import { memo } from 'react';
import type { CaseFactKey } from '../../shared/facts/facts';
import { PRIMARY_TUMOR_LABELS } from '../../shared/vocabulary';
import { toContractUnit, unitsFor } from '../../shared/domain/units';
import { FACT_FIELDS, FACT_GROUPS, RELEVANCE_LABEL, relevanceOf } from '../form/fields';
import { factPath, parseNumber, type FieldErrors, type FieldPath, type FormValues, type LabUnits } from '../form/model';
import type { CaseFormApi } from '../form/useCaseForm';
import { NumberField, SelectField, TextField, TriStateField, fieldId } from './fields/Field';

interface Props {
  values: FormValues;
  units: LabUnits;
  errors: FieldErrors;
  set: CaseFormApi['set'];
  setUnit: CaseFormApi['setUnit'];
  touch: CaseFormApi['touch'];
}

/** A field is shown when it applies to the chosen primary, or whenever it already holds a value. */
export function isFieldShown(key: CaseFactKey, values: FormValues): boolean {
  const only = relevanceOf(key);
  if (!only) return true;
  return values['case.facts.primary_tumor'] === only || values[factPath(key)].trim() !== '';
}

function notApplicableNote(key: CaseFactKey, values: FormValues): string | undefined {
  const only = relevanceOf(key);
  if (!only || values['case.facts.primary_tumor'] === only) return undefined;
  const primary = values['case.facts.primary_tumor'];
  const chosen = primary ? PRIMARY_TUMOR_LABELS[primary as keyof typeof PRIMARY_TUMOR_LABELS] ?? primary : 'an unknown primary';
  return `Usually for ${RELEVANCE_LABEL[only]}, not ${chosen}; kept and saved. Clear it if it does not apply.`;
}

function FactField({ k, values, units, errors, set, setUnit, touch }: Props & { k: CaseFactKey }) {
  const field = FACT_FIELDS[k];
  const path: FieldPath = factPath(k);
  const common = {
    path,
    label: field.label,
    value: values[path],
    error: errors[path],
    hint: field.hint,
    note: notApplicableNote(k, values),
    onChange: (v: string) => set(path, v),
    onBlur: () => touch(path),
  };
  switch (field.kind) {
    case 'bool': return <TriStateField {...common} />;
    case 'enum': return <SelectField {...common} options={field.options} />;
    case 'text': return <TextField {...common} />;
    case 'list': return <TextField {...common} placeholder={field.placeholder} wide />;
    case 'int': return <NumberField {...common} unit={field.unit} integer />;
    case 'num': return <NumberField {...common} unit={field.unit} />;
    case 'lab': {
      const unit = units[field.analyte];
      const contract = unitsFor(field.analyte)[0];
      const n = parseNumber(values[path]);
      // Show what will be stored when the user types in a non-contract unit, so the conversion is never hidden.
      const stored = contract && unit !== contract.id && n !== null && !Number.isNaN(n)
        ? `= ${toContractUnit(field.analyte, n, unit)} ${contract.label}` : null;
      return (
        <NumberField {...common}
          unitControl={(
            <select className="unit-select" aria-label={`${field.label} unit`} value={unit}
              onChange={(e) => setUnit(field.analyte, e.target.value)}>
              {unitsFor(field.analyte).map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
            </select>
          )}
          after={stored ? <output className="converted" htmlFor={fieldId(path)} aria-live="polite">{stored}</output> : null} />
      );
    }
  }
}

/** Memoised: skips re-rendering when the form re-renders for something it does not show (saving, banners, lookup). */
export const FactsSections = memo(function FactsSections(props: Props) {
  return (
    <>
      {FACT_GROUPS.map((group) => {
        const keys = group.keys.filter((k) => isFieldShown(k, props.values));
        if (keys.length === 0) return null;
        const headingId = `group-${group.id}`;
        return (
          <section key={group.id} className="form-section" aria-labelledby={headingId} data-group={group.id}>
            <h2 id={headingId}>{group.title}</h2>
            <div className="field-grid">
              {keys.map((k) => <FactField key={k} k={k} {...props} />)}
            </div>
          </section>
        );
      })}
    </>
  );
});

