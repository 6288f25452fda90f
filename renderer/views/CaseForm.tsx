/**
 * Create or edit a case: the patient, the referral, and every clinical fact. A failed save never touches
 * what was typed; a VALIDATION error is shown next to its field; a CONFLICT says someone else saved first
 * and keeps the edits. Ctrl+S saves, Escape cancels (asking first when something changed).
 */
import { formatInstant, useClock } from '../components/clock';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CASE_STATUSES, SEXES, type CaseRecord, type Patient } from '../../shared/domain/case';
import { actorName } from '../../shared/domain/meeting';
import { CASE_STATUS_LABELS, SEX_LABELS } from '../../shared/vocabulary';
import type { CaseFacts } from '../../shared/facts/facts';
import type { LabAnalyte } from '../../shared/domain/units';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { MergeDialog, whoChanged } from '../components/MergeDialog';
import { CASE_MERGE_FIELDS, displayValue } from '../form/merge';
import { FactsSections } from '../components/FactsSections';
import { SelectField, TextField, fieldId } from '../components/fields/Field';
import {
  ALL_PATHS, FIELD_LABELS, emptyValues, labOriginsFromRecord, patientIntoValues, pathToField, validFacts, valuesFromRecord,
  type FieldPath, type FormValues, type LabUnits,
} from '../form/model';
import { useCaseForm } from '../form/useCaseForm';
import { useStores, useEditor, useUi } from '../stores/context';
import type { SaveRequest } from '../stores/editor';

const SEX_CHOICES = SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }));
const STATUS_CHOICES = CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));

export interface CaseFormProps {
  /** The case being edited; null for a new case. */
  record: CaseRecord | null;
  /** Called after a successful save with the stored record. */
  onSaved(record: CaseRecord, created: boolean): void;
  onClose(): void;
  /** Beside the form: the evidence options panel, fed the facts that are valid right now. */
  aside?: (facts: CaseFacts) => ReactNode;
}

type Lookup = { state: 'idle' } | { state: 'searching' } | { state: 'none'; identifier: string } | { state: 'found'; identifier: string; patient: Patient } | { state: 'error'; message: string };

function focusField(path: FieldPath): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLInputElement>('input') ?? el : el;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

export function CaseForm({ record, onSaved, onClose, aside }: CaseFormProps) {
  const clock = useClock();
  const stores = useStores();
  const labUnits = useUi((s) => s.labUnits);
  const saving = useEditor((s) => s.saving);
  const saveError = useEditor((s) => s.saveError);
  const remote = useEditor((s) => s.remote);
  // Read once: the form is keyed by the record it loaded, and later changes must not reset what is typed.
  const [initial] = useState(() => {
    const units: LabUnits = { ...labUnits };
    const values = record ? valuesFromRecord(record, units) : emptyValues();
    return { values, units, origins: record ? labOriginsFromRecord(record, values, units) : {} };
  });
  const form = useCaseForm(initial.values, initial.units, initial.origins);
  const { values, units, errors, dirty } = form;
  const [linked, setLinked] = useState<Patient | null>(null);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [confirmClose, setConfirmClose] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const creating = record === null;
  // The version this form builds on: the loaded record, then theirs once a conflict has been merged.
  const [base, setBase] = useState<CaseRecord | null>(record);
  const [merge, setMerge] = useState<{ theirs: CaseRecord; who: string; mine: FormValues } | null>(null);

  useEffect(() => () => stores.editor.getState().clearSaveError(), [stores]);

  // On arrival: a new case starts in its first field; an opened case announces its title.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (creating) document.getElementById(fieldId('patient.identifier'))?.focus();
    else titleRef.current?.focus({ preventScroll: true });
  }, [creating]); // `creating` never changes for a mounted form (it is keyed by record): runs once.

  const setUnit = useCallback((analyte: LabAnalyte, unit: string) => {
    form.setUnit(analyte, unit);
    stores.ui.getState().setLabUnit(analyte, unit);
  }, [form, stores]);

  const lookUpPatient = useCallback(async () => {
    const identifier = values['patient.identifier'].trim();
    if (!creating || !identifier || linked) return;
    // Already answered for this identifier (e.g. blur when moving to the "Use this patient" button).
    if ((lookup.state === 'found' || lookup.state === 'none') && lookup.identifier === identifier) return;
    setLookup({ state: 'searching' });
    try {
      const patient = await stores.editor.getState().findPatient(identifier);
      setLookup(patient ? { state: 'found', identifier, patient } : { state: 'none', identifier });
    } catch (error) {
      setLookup({ state: 'error', message: error instanceof Error ? error.message : 'lookup failed' });
    }
  }, [creating, linked, lookup, stores, values]);

  const usePatient = (patient: Patient): void => {
    const patch = { ...values };
    patientIntoValues(patch, patient);
    form.setMany(patch);
    setLinked(patient);
    setLookup({ state: 'idle' });
  };

  const unlink = (): void => { setLinked(null); setLookup({ state: 'idle' }); };

  const save = useCallback(async () => {
    if (stores.editor.getState().saving) return;
    setSummary(null);
    stores.editor.getState().clearSaveError();
    const built = form.validateAll();
    const invalid = ALL_PATHS.filter((p) => built.errors[p]);
    if (invalid.length > 0 || !built.case || !built.patient) {
      setSummary(invalid.length === 1 ? '1 field needs attention.' : `${invalid.length} fields need attention.`);
      if (invalid[0]) focusField(invalid[0]);
      return;
    }
    let request: SaveRequest;
    if (base) {
      request = { kind: 'update', input: { id: base.id, version: base.version, patient: built.patient, case: built.case } };
    } else if (linked) {
      request = { kind: 'create', input: { patient_id: linked.id, case: built.case } };
    } else {
      request = { kind: 'create', input: { patient: built.patient, case: built.case } };
    }
    const saved = await stores.editor.getState().save(request);
    if (saved) {
      if (!creating) setBase(saved);
      const savedValues = valuesFromRecord(saved, units);
      form.reset(savedValues, units, labOriginsFromRecord(saved, savedValues, units));
      onSaved(saved, creating);
      return;
    }
    const failure = stores.editor.getState().saveError;
    if (base && failure?.code === 'CONFLICT' && failure.field === undefined) {
      // Someone saved first: show their version beside these edits, field by field.
      try {
        const theirs = await stores.api.invoke('cases.get', { id: base.id });
        setMerge({ theirs, who: whoChanged(failure.message), mine: values });
      } catch { /* the banner still explains; the edits stay */ }
      return;
    }
    const path = pathToField(failure?.field);
    if (failure && path) {
      // The API names the field (a VALIDATION, or a CONFLICT such as an identifier already in use).
      const detail = failure.message.replace(/^[\w.]+:\s*/, '');
      form.setError(path, `${FIELD_LABELS[path]}: ${detail}`);
      focusField(path);
      if (creating && path === 'patient.identifier' && failure.code === 'CONFLICT') void lookUpPatient();
    }
  }, [base, creating, form, linked, lookUpPatient, onSaved, stores, units, values]);

  const requestClose = useCallback(() => {
    if (dirty) setConfirmClose(true); else onClose();
  }, [dirty, onClose]);

  // Ctrl+S / Cmd+S saves from anywhere on the page; Escape cancels.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      } else if (e.key === 'Escape' && !confirmClose && !e.defaultPrevented) {
        e.preventDefault();
        requestClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, requestClose, confirmClose]);

  // Leaving the window with unsaved edits asks first (Electron and the browser both honour this).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent): void => { e.preventDefault(); };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // Someone else saved this case (board server, live): nothing typed here, so show theirs at once.
  useEffect(() => {
    if (remote && !dirty && base && !merge) void stores.editor.getState().load(base.id);
  }, [remote, dirty, base, merge, stores]);

  const applyMerge = (merged: FormValues): void => {
    if (!merge) return;
    form.setMany(merged);
    setBase(merge.theirs);
    setMerge(null);
    stores.editor.getState().clearSaveError();
    setSummary(null);
    stores.ui.getState().notify('Merged with the other version: check the form, then save.');
  };

  const liveFacts = useMemo(() => validFacts(values, units, form.origins), [values, units, form.origins]);
  const patientReadOnly = linked !== null;
  const title = creating ? 'New case' : `${record.patient.family_name}${record.patient.given_name ? `, ${record.patient.given_name}` : ''}`;

  const p = (path: FieldPath) => ({
    path, label: FIELD_LABELS[path], value: values[path], error: errors[path],
    onChange: (v: string) => form.set(path, v), onBlur: () => form.touch(path),
  });

  return (
    <div className="case-view">
      <form ref={formRef} className="case-form" noValidate aria-labelledby="case-form-title"
        onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="form-bar">
          <div>
            <h1 id="case-form-title" ref={titleRef} tabIndex={-1}>{title}</h1>
            <p className="muted small">
              {creating || !base ? 'Register a referral to the board.' : `Case #${base.id} · version ${base.version} · last saved ${formatInstant(base.updated_at, clock)}`}
              {dirty ? <span className="dirty-mark"> · unsaved changes</span> : null}
            </p>
          </div>
          <div className="actions">
            <button type="button" onClick={requestClose}>Cancel <kbd>Esc</kbd></button>
            <button type="submit" className="primary" disabled={saving} aria-busy={saving}>
              {saving ? 'Saving…' : 'Save'} <kbd>Ctrl+S</kbd>
            </button>
          </div>
        </div>

        <div aria-live="assertive" className="form-messages">
          {summary ? <p className="banner error" role="alert">{summary}</p> : null}
          {remote && dirty ? (
            <p className="banner live-note" role="status">
              {actorName(remote.actor)} saved a newer version of this case at {formatInstant(remote.at, clock)}. Your edits are kept:
              when you save, their version is shown beside yours to merge.
            </p>
          ) : null}
          {saveError ? <SaveErrorBanner code={saveError.code} message={saveError.message} field={saveError.field}
            onReload={record ? () => { void stores.editor.getState().load(record.id); } : undefined} /> : null}
        </div>

        <section className="form-section" aria-labelledby="group-patient">
          <h2 id="group-patient">Patient</h2>
          <div className="field-grid">
            <TextField {...p('patient.identifier')} readOnly={patientReadOnly} maxLength={40}
              onBlur={() => { form.touch('patient.identifier'); void lookUpPatient(); }}
              onChange={(v) => { form.set('patient.identifier', v); if (lookup.state !== 'idle') setLookup({ state: 'idle' }); }} />
            <TextField {...p('patient.family_name')} readOnly={patientReadOnly} />
            <TextField {...p('patient.given_name')} readOnly={patientReadOnly} />
            <TextField {...p('patient.birth_date')} type="date" readOnly={patientReadOnly} />
            <SelectField {...p('patient.sex')} options={SEX_CHOICES} emptyLabel={null} readOnly={patientReadOnly} />
          </div>
          <PatientLookup creating={creating} lookup={lookup} linked={linked} onUse={usePatient} onUnlink={unlink}
            onLookUp={() => { void lookUpPatient(); }} canLookUp={values['patient.identifier'].trim() !== ''} />
        </section>

        <section className="form-section" aria-labelledby="group-referral">
          <h2 id="group-referral">Referral</h2>
          <div className="field-grid">
            <TextField {...p('case.referring_clinician')} />
            <SelectField {...p('case.status')} options={STATUS_CHOICES} emptyLabel={null} />
            <TextField {...p('case.diagnosis')} wide />
            <TextField {...p('case.question')} multiline />
            <TextField {...p('case.last_imaging_date')} type="date" />
            <TextField {...p('case.last_labs_date')} type="date" />
          </div>
        </section>

        <FactsSections values={values} units={units} errors={errors} set={form.set} setUnit={setUnit} touch={form.touch} />

        <div className="form-bar bottom">
          <span className="muted small">Unknown is a valid answer: leave a fact empty when it is not known.</span>
          <button type="submit" className="primary" disabled={saving}>{saving ? 'Saving…' : 'Save case'}</button>
        </div>
      </form>
      {aside ? aside(liveFacts) : null}
      {merge && base ? (
        <MergeDialog record="case" who={merge.who} fields={CASE_MERGE_FIELDS} display={displayValue}
          base={valuesFromRecord(base, units)} theirs={valuesFromRecord(merge.theirs, units)} mine={merge.mine}
          onApply={applyMerge} onCancel={() => setMerge(null)} />
      ) : null}
      <ConfirmDialog open={confirmClose} title="Discard your changes?"
        message="This case has changes that are not saved. If you leave now they are lost."
        confirmLabel="Discard changes" cancelLabel="Keep editing"
        onConfirm={() => { setConfirmClose(false); onClose(); }} onCancel={() => setConfirmClose(false)} />
    </div>
  );
}

function SaveErrorBanner({ code, message, field, onReload }: {
  code: string; message: string; field: string | undefined; onReload: (() => void) | undefined;
}) {
  if (code === 'CONFLICT' && field === undefined) {
    return (
      <div className="banner error" role="alert">
        <p><strong>Not saved: this case was changed by someone else after you opened it.</strong> Your edits are still here.
          Copy what you need, then load the latest version and apply your changes again.</p>
        <p className="muted small">{message}</p>
        {onReload ? <button type="button" onClick={onReload}>Load the latest version (discards your edits)</button> : null}
      </div>
    );
  }
  const lead = code === 'VALIDATION' || field !== undefined ? 'Not saved: a value was not accepted.' : 'Not saved.';
  return (
    <div className="banner error" role="alert">
      <p><strong>{lead}</strong> Your edits are still here; nothing was lost.</p>
      <p className="muted small">{message}</p>
    </div>
  );
}

function PatientLookup({ creating, lookup, linked, onUse, onUnlink, onLookUp, canLookUp }: {
  creating: boolean; lookup: Lookup; linked: Patient | null; onUse(p: Patient): void; onUnlink(): void; onLookUp(): void; canLookUp: boolean;
}) {
  if (!creating) return null;
  if (linked) {
    return (
      <div className="lookup linked" role="status">
        <span>Linked to the known patient <strong>{linked.family_name}{linked.given_name ? `, ${linked.given_name}` : ''}</strong> ({linked.identifier}).
          Their details are edited from one of their cases.</span>
        <button type="button" onClick={onUnlink}>Enter a different patient</button>
      </div>
    );
  }
  return (
    <div className="lookup" role="status">
      {lookup.state === 'searching' ? <span>Looking up the identifier…</span> : null}
      {lookup.state === 'none' ? <span>No patient with identifier {lookup.identifier} yet: a new patient will be registered.</span> : null}
      {lookup.state === 'error' ? <span className="field-error">Lookup failed: {lookup.message}</span> : null}
      {lookup.state === 'found' ? (
        <>
          <span>Known patient: <strong>{lookup.patient.family_name}{lookup.patient.given_name ? `, ${lookup.patient.given_name}` : ''}</strong>
            {lookup.patient.birth_date ? `, born ${lookup.patient.birth_date}` : ''} ({lookup.patient.identifier}).</span>
          <button type="button" className="primary" onClick={() => onUse(lookup.patient)}>Use this patient</button>
        </>
      ) : null}
      {lookup.state === 'idle' ? (
        <button type="button" className="link" onClick={onLookUp} disabled={!canLookUp}>Look up identifier</button>
      ) : null}
    </div>
  );
}

