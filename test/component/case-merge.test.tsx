import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mergeRows } from '../../renderer/components/MergeDialog';
import { ALL_PATHS, emptyValues } from '../../renderer/form/model';
import { CaseView } from '../../renderer/views/CaseView';
import { renderWithStores } from './render';
import { useRealCore } from './realApi';

// Against the real core: the conflicting save is a real second writer (the core's version check answers CONFLICT).
const realCore = useRealCore();

const field = (label: string | RegExp) => screen.getByLabelText(label, { selector: 'input, select, textarea' });
const patient = { identifier: 'MRN7', family_name: 'Wróbel', given_name: 'Łukasz', birth_date: '1961-05-02', sex: 'male' } as const;

describe('merging after a conflicting save', () => {
  it('lists only differing fields, preselecting the side that changed it', () => {
    const base = { ...emptyValues(), 'case.diagnosis': 'mCRC', 'case.referring_clinician': 'Dr A', 'case.question': 'Q' };
    const theirs = { ...base, 'case.referring_clinician': 'Dr Other', 'case.question': 'Their Q' };
    const mine = { ...base, 'case.diagnosis': 'mCRC, liver-only', 'case.question': 'My Q' };
    expect(mergeRows(ALL_PATHS, base, theirs, mine)).toEqual([
      { key: 'case.referring_clinician', theirs: 'Dr Other', mine: 'Dr A', both: false, choice: 'theirs' },
      { key: 'case.diagnosis', theirs: 'mCRC', mine: 'mCRC, liver-only', both: false, choice: 'mine' },
      { key: 'case.question', theirs: 'Their Q', mine: 'My Q', both: true, choice: 'mine' },
    ]);
  });

  it('shows theirs and yours side by side in words, applies the choices, and saves on their version', async () => {
    const core = realCore();
    const api = core.api;
    const rec = await core.addCase(patient, { diagnosis: 'mCRC', status: 'draft', facts: { primary_tumor: 'colorectal', ecog: 1 } });
    const { user } = renderWithStores(<CaseView id={rec.id} />, api);
    await screen.findByDisplayValue('Wróbel');
    await core.call('cases.update', {
      id: rec.id, version: 1, patient,
      case: { referring_clinician: 'Dr Other', question: '', diagnosis: 'mCRC', status: 'ready', facts: { primary_tumor: 'colorectal', ecog: 2 } },
    });
    await user.clear(field('Diagnosis'));
    await user.type(field('Diagnosis'), 'mCRC, liver-only');
    await user.clear(field('ECOG performance status'));
    await user.type(field('ECOG performance status'), '0');
    await user.click(screen.getAllByRole('button', { name: /^Save/ })[0] as HTMLElement);

    const dialog = await screen.findByRole('dialog', { name: 'Someone else saved this case first' });
    const rows = within(dialog).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([
      expect.stringMatching(/^Referring clinician.*Dr Other/),
      expect.stringMatching(/^Diagnosis.*mCRC.*mCRC, liver-only/),
      expect.stringMatching(/^Status.*Ready.*Draft/),
      expect.stringMatching(/^ECOG performance status \(both changed\).*2.*0/),
    ]);
    // Only they changed the status: theirs is preselected; both changed ECOG: yours is, and we take theirs instead.
    expect(within(dialog).getByRole('radio', { name: 'Status: keep their value Ready' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'ECOG performance status: keep their value 2' }));
    await user.click(within(dialog).getByRole('button', { name: 'Use these values' }));

    expect(field('Diagnosis')).toHaveValue('mCRC, liver-only');
    expect(field('ECOG performance status')).toHaveValue('2');
    expect(field('Status')).toHaveValue('ready');
    expect(field('Referring clinician')).toHaveValue('Dr Other');
    await user.click(screen.getAllByRole('button', { name: /^Save/ })[0] as HTMLElement);
    await screen.findByText(/version 3/);
    const updates = api.callsOf('cases.update');
    expect(updates.at(-1)).toMatchObject({ version: 2, case: { diagnosis: 'mCRC, liver-only', status: 'ready', referring_clinician: 'Dr Other', facts: { ecog: 2 } } });
    expect(await core.call('cases.get', { id: rec.id })).toMatchObject({
      version: 3, diagnosis: 'mCRC, liver-only', status: 'ready', referring_clinician: 'Dr Other', facts: { primary_tumor: 'colorectal', ecog: 2 },
    });
  });
});
