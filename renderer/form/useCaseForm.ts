/** Form state for the case form: typed text, lab units, per-field errors, dirty tracking. */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LabAnalyte } from '../../shared/domain/units';
import { ALL_PATHS, buildInput, type BuiltInput, type FieldErrors, type FieldPath, type FormValues, type LabUnits } from './model';

export interface CaseFormApi {
  values: FormValues;
  units: LabUnits;
  errors: FieldErrors;
  dirty: boolean;
  set(path: FieldPath, value: string): void;
  setMany(patch: Partial<FormValues>): void;
  setUnit(analyte: LabAnalyte, unit: string): void;
  /** Checks one field (on blur), showing or clearing its message. */
  touch(path: FieldPath): void;
  /** Checks everything and shows every message. */
  validateAll(): BuiltInput;
  setError(path: FieldPath, message: string): void;
  /** After a save: the saved values become the new clean state. */
  reset(values: FormValues, units?: LabUnits): void;
}

const sameValues = (a: FormValues, b: FormValues): boolean => ALL_PATHS.every((p) => a[p] === b[p]);

export function useCaseForm(initialValues: FormValues, initialUnits: LabUnits): CaseFormApi {
  const [values, setValues] = useState(initialValues);
  const [units, setUnits] = useState(initialUnits);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Refs hold the latest state so quick successive edits never build on a stale copy.
  const valuesRef = useRef(initialValues);
  const unitsRef = useRef(initialUnits);
  const [cleanValues, setCleanValues] = useState(initialValues);
  const [cleanUnits, setCleanUnits] = useState(initialUnits);

  /** Re-checks fields that already show a message, so it clears as soon as the field is fixed. */
  const recheck = useCallback((paths: readonly FieldPath[]) => {
    setErrors((current) => {
      const shown = paths.filter((p) => current[p] !== undefined);
      if (shown.length === 0) return current;
      const fresh = buildInput(valuesRef.current, unitsRef.current).errors;
      const updated = { ...current };
      for (const p of shown) {
        if (fresh[p]) updated[p] = fresh[p]; else delete updated[p];
      }
      return updated;
    });
  }, []);

  const setMany = useCallback((patch: Partial<FormValues>) => {
    valuesRef.current = { ...valuesRef.current, ...patch };
    setValues(valuesRef.current);
    recheck(Object.keys(patch) as FieldPath[]);
  }, [recheck]);

  const set = useCallback((path: FieldPath, value: string) => setMany({ [path]: value }), [setMany]);

  const setUnit = useCallback((analyte: LabAnalyte, unit: string) => {
    unitsRef.current = { ...unitsRef.current, [analyte]: unit };
    setUnits(unitsRef.current);
    recheck(ALL_PATHS.filter((p) => p.startsWith('case.facts.')));
  }, [recheck]);

  const touch = useCallback((path: FieldPath) => {
    const message = buildInput(valuesRef.current, unitsRef.current).errors[path];
    setErrors((current) => {
      if (current[path] === message) return current;
      const updated = { ...current };
      if (message) updated[path] = message; else delete updated[path];
      return updated;
    });
  }, []);

  const validateAll = useCallback((): BuiltInput => {
    const built = buildInput(valuesRef.current, unitsRef.current);
    setErrors(built.errors);
    return built;
  }, []);

  const setError = useCallback((path: FieldPath, message: string) => setErrors((e) => ({ ...e, [path]: message })), []);

  const reset = useCallback((next: FormValues, nextUnits?: LabUnits) => {
    setCleanValues(next);
    valuesRef.current = next;
    setValues(next);
    if (nextUnits) { unitsRef.current = nextUnits; setUnits(nextUnits); setCleanUnits(nextUnits); }
    setErrors({});
  }, []);

  const dirty = useMemo(() => !sameValues(values, cleanValues) || (
    // A unit change alters what a typed lab number means, so it counts as an edit.
    (Object.keys(units) as LabAnalyte[]).some((a) => units[a] !== cleanUnits[a])
  ), [values, units, cleanValues, cleanUnits]);

  return { values, units, errors, dirty, set, setMany, setUnit, touch, validateAll, setError, reset };
}
