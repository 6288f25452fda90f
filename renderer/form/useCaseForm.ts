/** Form state for the case form: typed text, lab units, per-field errors, dirty tracking. */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LabAnalyte } from '../../shared/domain/units';
import {
  buildInput, convertLabText, labPath, meaningOf, type BuiltInput, type FieldErrors, type FieldPath, type FormValues,
  type LabOrigins, type LabUnits,
} from './model';

export interface CaseFormApi {
  values: FormValues;
  units: LabUnits;
  origins: LabOrigins;
  errors: FieldErrors;
  dirty: boolean;
  set(path: FieldPath, value: string): void;
  setMany(patch: Partial<FormValues>): void;
  /** Switches a lab's unit and converts its number: the quantity never changes with the unit. */
  setUnit(analyte: LabAnalyte, unit: string): void;
  /** Checks one field (on blur), showing or clearing its message. */
  touch(path: FieldPath): void;
  /** Checks everything and shows every message. */
  validateAll(): BuiltInput;
  setError(path: FieldPath, message: string): void;
  /** After a save: the saved values become the new clean state. */
  reset(values: FormValues, units: LabUnits, origins: LabOrigins): void;
}

export function useCaseForm(initialValues: FormValues, initialUnits: LabUnits, initialOrigins: LabOrigins = {}): CaseFormApi {
  const [values, setValues] = useState(initialValues);
  const [units, setUnits] = useState(initialUnits);
  const [origins, setOrigins] = useState(initialOrigins);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Refs hold the latest state so quick successive edits never build on a stale copy.
  const valuesRef = useRef(initialValues);
  const unitsRef = useRef(initialUnits);
  const originsRef = useRef(initialOrigins);
  const [cleanMeaning, setCleanMeaning] = useState(() => meaningOf(initialValues, initialUnits, initialOrigins));

  const check = useCallback(() => buildInput(valuesRef.current, unitsRef.current, originsRef.current), []);

  /** Re-checks fields that already show a message, so it clears as soon as the field is fixed. */
  const recheck = useCallback((paths: readonly FieldPath[]) => {
    setErrors((current) => {
      const shown = paths.filter((p) => current[p] !== undefined);
      if (shown.length === 0) return current;
      const fresh = check().errors;
      const updated = { ...current };
      for (const p of shown) {
        if (fresh[p]) updated[p] = fresh[p]; else delete updated[p];
      }
      return updated;
    });
  }, [check]);

  const setMany = useCallback((patch: Partial<FormValues>) => {
    valuesRef.current = { ...valuesRef.current, ...patch };
    setValues(valuesRef.current);
    recheck(Object.keys(patch) as FieldPath[]);
  }, [recheck]);

  const set = useCallback((path: FieldPath, value: string) => setMany({ [path]: value }), [setMany]);

  const setUnit = useCallback((analyte: LabAnalyte, unit: string) => {
    const from = unitsRef.current[analyte];
    if (from === unit) return;
    const path = labPath(analyte);
    const text = valuesRef.current[path];
    const converted = convertLabText(analyte, text, from, unit);
    const origin = originsRef.current[analyte];
    if (origin && origin.text === text.trim() && origin.unit === from) {
      // Still the stored value, now shown in another unit: keep sending the stored value back exactly.
      originsRef.current = { ...originsRef.current, [analyte]: { ...origin, text: converted, unit } };
      setOrigins(originsRef.current);
    }
    unitsRef.current = { ...unitsRef.current, [analyte]: unit };
    setUnits(unitsRef.current);
    valuesRef.current = { ...valuesRef.current, [path]: converted };
    setValues(valuesRef.current);
    recheck([path]);
  }, [recheck]);

  const touch = useCallback((path: FieldPath) => {
    const message = check().errors[path];
    setErrors((current) => {
      if (current[path] === message) return current;
      const updated = { ...current };
      if (message) updated[path] = message; else delete updated[path];
      return updated;
    });
  }, [check]);

  const validateAll = useCallback((): BuiltInput => {
    const built = check();
    setErrors(built.errors);
    return built;
  }, [check]);

  const setError = useCallback((path: FieldPath, message: string) => setErrors((e) => ({ ...e, [path]: message })), []);

  const reset = useCallback((next: FormValues, nextUnits: LabUnits, nextOrigins: LabOrigins) => {
    valuesRef.current = next;
    unitsRef.current = nextUnits;
    originsRef.current = nextOrigins;
    setValues(next);
    setUnits(nextUnits);
    setOrigins(nextOrigins);
    setCleanMeaning(meaningOf(next, nextUnits, nextOrigins));
    setErrors({});
  }, []);

  const dirty = useMemo(() => meaningOf(values, units, origins) !== cleanMeaning, [values, units, origins, cleanMeaning]);

  return { values, units, origins, errors, dirty, set, setMany, setUnit, touch, validateAll, setError, reset };
}
