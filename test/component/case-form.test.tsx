import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseView } from '../../renderer/views/CaseView';
import { fieldId } from '../../renderer/components/fields/Field';
import { relevanceOf } from '../../renderer/form/fields';
import { factPath } from '../../renderer/form/model';
import { CASE_FACT_KEYS } from '../../shared/facts/facts';
import { MemoryStorage, renderWithStores } from './render';
import { useRealCore } from './realApi';

// Against the real core: what the form sends is validated, converted and stored by the real dispatcher (read back
// with cases.get); only "the save fails" injects errors at the boundary.
const realCore = useRealCore();

const field = (label: string | RegExp) => screen.getByLabelText(label, { selector: 'input, select, textarea' });

async function fillPatient(user: ReturnType<typeof renderWithStores>['user'], identifier = 'MRN-T1') {
  await user.type(field('Identifier (MRN)'), identifier);
  await user.type(field('Family name'), 'Ødegård');
  await user.type(field('Given name'), 'Zoë');
}

describe('case form', () => {
  it('shows a validation message next to the field, linked with aria-describedby, and saves nothing', async () => {
    const { api, user } = renderWithStores(<CaseView id={null} />, realCore().api);
    await user.type(field('Identifier (MRN)'), 'MRN 1'); // a space is not allowed
    await user.type(field('ECOG performance status'), '7');
    await user.click(screen.getAllByRole('button', { name: /^Save/ })[0] as HTMLElement);

    const family = field('Family name');
    expect(family).toHaveAttribute('aria-invalid', 'true');
    const message = document.getElementById(family.getAttribute('aria-describedby') ?? '');
    expect(message).toHaveTextContent('Family name is required');
    expect(family.closest('.field')).toContainElement(message);
    expect(field('Identifier (MRN)')).toHaveFocus(); // the first invalid field in reading order
    const ecog = field('ECOG performance status');
    expect(ecog).toHaveAccessibleDescription(/ECOG performance status must be at most 4/);
    expect(field('Identifier (MRN)')).toHaveAccessibleDescription(/may hold letters, digits and - _ \/ \. only/);
    expect(screen.getByText('3 fields need attention.')).toBeInTheDocument();
    expect(api.callsOf('cases.create')).toHaveLength(0);

    // Fixing a field clears its message as soon as it is valid.
    await user.clear(ecog);
    await user.type(ecog, '1');
    expect(ecog).not.toHaveAttribute('aria-invalid');
  });

  it('converts SI lab units to the CONTRACT unit on save and shows the stored value while typing', async () => {
    const core = realCore();
    const { api, user, stores } = renderWithStores(<CaseView id={null} />, core.api);
    await fillPatient(user);
    await user.selectOptions(screen.getByLabelText('Total bilirubin unit'), 'µmol/L');
    await user.type(field('Total bilirubin'), '34.2');
    expect(screen.getByText('= 2 mg/dL')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Albumin unit'), 'g/L');
    await user.type(field('Albumin'), '35');
    await user.selectOptions(screen.getByLabelText('Creatinine unit'), 'µmol/L');
    await user.type(field('Creatinine'), '132,6'); // decimal comma
    await user.type(field('INR'), '1.1');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(api.callsOf('cases.create')).toHaveLength(1));
    const facts = api.callsOf('cases.create')[0]?.case.facts;
    expect(facts).toEqual({ bilirubin_mg_dl: 2, albumin_g_dl: 3.5, creatinine_mg_dl: 1.5, inr: 1.1 });
    await waitFor(async () => expect((await core.cases())[0]?.facts).toEqual({ bilirubin_mg_dl: 2, albumin_g_dl: 3.5, creatinine_mg_dl: 1.5, inr: 1.1 }));
    // The unit choice is remembered for the next case.
    expect(stores.ui.getState().labUnits).toEqual({ bilirubin: 'umol_l', albumin: 'g_l', creatinine: 'umol_l' });
  });

  it('shows a stored lab value in the unit the user works in, and a range message in that unit', async () => {
    const core = realCore();
    const api = core.api;
    const rec = await core.addCase({ identifier: 'MRN9', family_name: 'Núñez', given_name: 'José', birth_date: null, sex: 'male' },
      { facts: { bilirubin_mg_dl: 1.1696, albumin_g_dl: 3.5 } });
    const storage = new MemoryStorage();
    storage.setItem('tumour-board.lab-units', JSON.stringify({ bilirubin: 'umol_l', albumin: 'g_l', creatinine: 'mg_dl' }));
    const { user } = renderWithStores(<CaseView id={rec.id} />, api, storage);
    expect(await screen.findByDisplayValue('20')).toBe(field('Total bilirubin'));
    expect(field('Albumin')).toHaveValue('35');
    await user.clear(field('Total bilirubin'));
    await user.type(field('Total bilirubin'), '2000');
    await user.keyboard('{Control>}s{/Control}');
    expect(field('Total bilirubin')).toHaveAccessibleDescription(/Total bilirubin must be at most 1026 µmol\/L/);
  });

  it('switching a unit converts the number, is not an edit, and never shifts a stored value by rounding', async () => {
    const core = realCore();
    const api = core.api;
    const rec = await core.addCase({ identifier: 'MRN8', family_name: 'Jensen', given_name: 'Mette', birth_date: null, sex: 'female' },
      { facts: { bilirubin_mg_dl: 1.17, creatinine_mg_dl: 0.93, albumin_g_dl: 3.8 } });
    const { user } = renderWithStores(<CaseView id={rec.id} />, api);
    expect(await screen.findByDisplayValue('1.17')).toBe(field('Total bilirubin'));
    await user.selectOptions(screen.getByLabelText('Total bilirubin unit'), 'µmol/L');
    expect(field('Total bilirubin')).toHaveValue('20.01'); // 1.17 × 17.1 = 20.007
    await user.selectOptions(screen.getByLabelText('Creatinine unit'), 'µmol/L');
    expect(field('Creatinine')).toHaveValue('82.21');
    expect(screen.queryByText(/unsaved changes/)).toBeNull();
    // A typed value converts too, the other way.
    await user.selectOptions(screen.getByLabelText('Albumin unit'), 'g/L');
    expect(field('Albumin')).toHaveValue('38');
    await user.clear(field('Albumin'));
    await user.type(field('Albumin'), '41');
    await user.selectOptions(screen.getByLabelText('Albumin unit'), 'g/dL');
    expect(field('Albumin')).toHaveValue('4.1');
    expect(screen.getByText(/unsaved changes/)).toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.update')).toHaveLength(1));
    // 20.01 µmol/L would be 1.1702 mg/dL: the untouched stored 1.17 goes back exactly.
    expect(api.callsOf('cases.update')[0]?.case.facts).toEqual({ bilirubin_mg_dl: 1.17, creatinine_mg_dl: 0.93, albumin_g_dl: 4.1 });
  });

  it('keeps everything typed when the save fails, and shows an API field error next to the field', async () => {
    const core = realCore();
    const api = core.api;
    const { user } = renderWithStores(<CaseView id={null} />, api);
    await fillPatient(user);
    await user.type(field('Question for the board'), 'Y-90 or second-line chemotherapy?');
    await user.type(field('ECOG performance status'), '1');
    await user.click(within(screen.getByRole('group', { name: 'Frail' })).getByRole('radio', { name: 'No' }));

    api.failNext('cases.create', { code: 'INTERNAL', message: 'internal error in cases.create' });
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText(/Not saved\./)).toBeInTheDocument();
    expect(screen.getByText(/nothing was lost/)).toBeInTheDocument();
    expect(field('Family name')).toHaveValue('Ødegård');
    expect(field('Question for the board')).toHaveValue('Y-90 or second-line chemotherapy?');
    expect(field('ECOG performance status')).toHaveValue('1');
    expect(within(screen.getByRole('group', { name: 'Frail' })).getByRole('radio', { name: 'No' })).toBeChecked();

    api.failNext('cases.create', { code: 'VALIDATION', message: 'case.facts.ecog: not accepted by the server', field: 'case.facts.ecog' });
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(field('ECOG performance status')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('ECOG performance status')).toHaveAccessibleDescription('0–4 ECOG performance status: not accepted by the server'); // hint, then message
    expect(field('ECOG performance status')).toHaveValue('1');

    // And the third time it goes through, with what was typed.
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(async () => expect(await core.cases()).toHaveLength(1));
    expect((await core.cases())[0]).toMatchObject({ question: 'Y-90 or second-line chemotherapy?', facts: { ecog: 1, frail: false } });
  });

  it('says so on a version conflict and keeps the edits', async () => {
    const core = realCore();
    const api = core.api;
    const rec = await core.addCase({ identifier: 'MRN7', family_name: 'Wróbel', given_name: 'Łukasz', birth_date: '1961-05-02', sex: 'male' },
      { diagnosis: 'mCRC', status: 'draft', facts: { primary_tumor: 'colorectal', ecog: 1 } });
    const { user } = renderWithStores(<CaseView id={rec.id} />, api);
    await screen.findByDisplayValue('Wróbel');
    // Someone else saves first.
    await core.call('cases.update', {
      id: rec.id, version: 1, patient: { identifier: 'MRN7', family_name: 'Wróbel', given_name: 'Łukasz', birth_date: '1961-05-02', sex: 'male' },
      case: { referring_clinician: 'Dr Other', question: '', diagnosis: 'mCRC', status: 'ready', facts: { primary_tumor: 'colorectal' } },
    });
    await user.clear(field('Diagnosis'));
    await user.type(field('Diagnosis'), 'mCRC, liver-only, RAS wild type');
    await user.click(screen.getAllByRole('button', { name: /^Save/ })[0] as HTMLElement);
    expect(await screen.findByText(/changed by someone else after you opened it/)).toBeInTheDocument();
    expect(field('Diagnosis')).toHaveValue('mCRC, liver-only, RAS wild type');
    expect(screen.getByText(/unsaved changes/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Load the latest version/ })).toBeInTheDocument();
  });

  it('stores yes / no / unknown, with unknown omitted rather than false', async () => {
    const core = realCore();
    const { api, user } = renderWithStores(<CaseView id={null} />, core.api);
    await fillPatient(user);
    const bilobar = screen.getByRole('group', { name: 'Bilobar disease' });
    expect(within(bilobar).getByRole('radio', { name: 'Unknown' })).toBeChecked();
    await user.click(within(bilobar).getByRole('radio', { name: 'Yes' }));
    await user.click(within(screen.getByRole('group', { name: 'Cirrhosis' })).getByRole('radio', { name: 'No' }));
    await user.click(within(screen.getByRole('group', { name: 'Frail' })).getByRole('radio', { name: 'Yes' }));
    await user.click(within(screen.getByRole('group', { name: 'Frail' })).getByRole('radio', { name: 'Unknown' }));
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.create')).toHaveLength(1));
    expect(api.callsOf('cases.create')[0]?.case.facts).toEqual({ bilobar: true, cirrhosis: false });
    await waitFor(async () => expect((await core.cases())[0]?.facts).toEqual({ bilobar: true, cirrhosis: false }));
  });

  it('saves the dates of the latest imaging and labs that the agenda gate checks', async () => {
    const core = realCore();
    const { api, user } = renderWithStores(<CaseView id={null} />, core.api);
    await fillPatient(user);
    await user.type(field('Date of latest imaging'), '2026-11-02');
    await user.type(field('Date of latest labs'), '2026-11-20');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.create')).toHaveLength(1));
    expect(api.callsOf('cases.create')[0]?.case).toMatchObject({ last_imaging_date: '2026-11-02', last_labs_date: '2026-11-20' });
    await waitFor(async () => expect((await core.cases())[0]).toMatchObject({ last_imaging_date: '2026-11-02', last_labs_date: '2026-11-20' }));
  });

  it('has an input for every clinical fact, for the primary it applies to', async () => {
    const { user } = renderWithStores(<CaseView id={null} />, realCore().api);
    for (const primary of ['Colorectal', 'Neuroendocrine', 'Hepatocellular carcinoma'] as const) {
      await user.selectOptions(field('Primary tumour'), primary);
      const value = { Colorectal: 'colorectal', Neuroendocrine: 'neuroendocrine', 'Hepatocellular carcinoma': 'hcc' }[primary];
      for (const key of CASE_FACT_KEYS) {
        const relevance = relevanceOf(key);
        const shown = document.getElementById(fieldId(factPath(key))) !== null;
        expect(shown, `${key} with ${primary}`).toBe(relevance === undefined || relevance === value);
      }
    }
  });

  it('shows NET fields only for neuroendocrine, HCC fields only for HCC, and never drops an entered value', async () => {
    const { api, user } = renderWithStores(<CaseView id={null} />, realCore().api);
    await fillPatient(user);
    expect(screen.queryByLabelText('NET grade')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'NET features' })).toBeNull();
    expect(screen.queryByLabelText('BCLC stage')).toBeNull();

    await user.selectOptions(field('Primary tumour'), 'Neuroendocrine');
    expect(screen.getByRole('heading', { name: 'NET features' })).toBeInTheDocument();
    await user.selectOptions(field('NET grade'), 'G2');
    await user.type(field('Ki-67'), '8');
    expect(screen.queryByLabelText('BCLC stage')).toBeNull();

    await user.selectOptions(field('Primary tumour'), 'Hepatocellular carcinoma');
    expect(field('BCLC stage')).toBeInTheDocument();
    // The NET values typed before are still shown, with a note, and saved.
    expect(field('NET grade')).toHaveValue('G2');
    expect(field('NET grade')).toHaveAccessibleDescription(/Usually for neuroendocrine tumours, not Hepatocellular carcinoma; kept and saved/);
    expect(screen.queryByLabelText('NET primary site')).toBeNull(); // empty and not relevant: hidden
    await user.selectOptions(field('BCLC stage'), 'B (intermediate)');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.create')).toHaveLength(1));
    expect(api.callsOf('cases.create')[0]?.case.facts).toEqual({ primary_tumor: 'hcc', net_grade: 'G2', net_ki67_pct: 8, bclc_stage: 'B' });
  });

  it('looks up the identifier and reuses a known patient', async () => {
    const core = realCore();
    const api = core.api;
    await core.addCase({ identifier: 'MRN42', family_name: 'Ødegård', given_name: 'Zoë', birth_date: '1950-03-01', sex: 'female' }, {});
    const { user } = renderWithStores(<CaseView id={null} />, api);
    await user.type(field('Identifier (MRN)'), 'MRN42');
    await user.tab();
    await user.click(await screen.findByRole('button', { name: 'Use this patient' }));
    expect(field('Family name')).toHaveValue('Ødegård');
    expect(field('Family name')).toHaveAttribute('readonly');
    expect(screen.getByText(/Linked to the known patient/)).toBeInTheDocument();
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.create')).toHaveLength(1));
    const input = api.callsOf('cases.create')[0];
    expect(input?.patient_id).toBe(1);
    expect(input?.patient).toBeUndefined();
    const stored = await core.cases();
    expect(stored.map((c) => c.patient.id)).toEqual([1, 1]);
  });

  it('a duplicate identifier is named next to the field and the known patient is offered', async () => {
    const core = realCore();
    const api = core.api;
    await core.addCase({ identifier: 'MRN77', family_name: 'Núñez', given_name: 'José', birth_date: null, sex: 'male' }, {});
    const { user } = renderWithStores(<CaseView id={null} />, api);
    await user.type(field('Family name'), 'Nunez');
    // Typed without leaving the identifier field through blur-lookup: paste the value directly.
    await user.click(field('Identifier (MRN)'));
    await user.paste('MRN77');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(field('Identifier (MRN)')).toHaveAttribute('aria-invalid', 'true'));
    expect(field('Identifier (MRN)')).toHaveAccessibleDescription(/already exists: choose that patient/);
    expect(screen.queryByText(/changed by someone else/)).toBeNull();
    expect(screen.getByText(/a value was not accepted/)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Use this patient' }));
    expect(field('Family name')).toHaveValue('Núñez');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(async () => expect(await core.cases()).toHaveLength(2));
    expect((await core.cases())[1]?.patient).toMatchObject({ id: 1, family_name: 'Núñez' });
  });

  it('edits a case: loads every value and sends a full replacement with the version it loaded', async () => {
    const core = realCore();
    const api = core.api;
    const rec = await core.addCase({ identifier: 'MRN5', family_name: 'Smith', given_name: 'Anna', birth_date: '1955-01-31', sex: 'female' },
      { diagnosis: 'mCRC', status: 'ready', question: 'Y-90?', referring_clinician: 'Dr Jones',
        facts: { primary_tumor: 'colorectal', prior_chemo_agents: ['oxaliplatin', 'capecitabine'], liver_dominant: true, ecog: 0 } });
    const { user, stores } = renderWithStores(<CaseView id={rec.id} />, api);
    expect(await screen.findByDisplayValue('Smith')).toBe(field('Family name'));
    expect(field('Date of birth')).toHaveValue('1955-01-31');
    expect(field('Status')).toHaveValue('ready');
    expect(field('Prior chemotherapy agents')).toHaveValue('oxaliplatin, capecitabine');
    expect(within(screen.getByRole('group', { name: 'Liver-dominant disease' })).getByRole('radio', { name: 'Yes' })).toBeChecked();
    await user.selectOptions(field('Status'), 'Listed');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.update')).toHaveLength(1));
    expect(api.callsOf('cases.update')[0]).toMatchObject({
      id: rec.id, version: 1,
      patient: { identifier: 'MRN5', family_name: 'Smith', given_name: 'Anna', birth_date: '1955-01-31', sex: 'female' },
      case: { status: 'listed', question: 'Y-90?', facts: { primary_tumor: 'colorectal', prior_chemo_agents: ['oxaliplatin', 'capecitabine'], liver_dominant: true, ecog: 0 } },
    });
    await waitFor(() => expect(screen.getByText(/version 2/)).toBeInTheDocument());
    expect(screen.queryByText(/unsaved changes/)).toBeNull();
    expect(stores.ui.getState().notice).toBe(`Case #${rec.id} saved.`);
    expect(await core.call('cases.get', { id: rec.id })).toMatchObject({ version: 2, status: 'listed', question: 'Y-90?', referring_clinician: 'Dr Jones' });
  });

  it('Escape leaves at once when nothing changed, and asks first when something did', async () => {
    const { user, stores } = renderWithStores(<CaseView id={null} />, realCore().api);
    act(() => stores.ui.getState().show({ name: 'new' }));
    await user.type(field('Family name'), 'Núñez');
    await user.keyboard('{Escape}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(stores.ui.getState().view).toEqual({ name: 'new' });
    expect(field('Family name')).toHaveValue('Núñez');
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(stores.ui.getState().view).toEqual({ name: 'list' });
  });

  it('feeds the valid facts to the options panel slot as they are typed', async () => {
    const { user } = renderWithStores(<CaseView id={null} />, realCore().api);
    const slot = screen.getByRole('complementary', { name: 'Evidence options' });
    expect(slot).toHaveTextContent('0 clinical facts entered');
    await user.type(field('ECOG performance status'), '2');
    await user.type(field('Age'), '500'); // out of range: not passed on
    expect(slot).toHaveTextContent('1 clinical fact entered');
  });
});
