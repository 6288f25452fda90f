/**
 * The evidence options panel against the real engine: strengths, rationale, rules, citations that open the
 * evidence card, conflicts, warnings, the facts to complete (linked to the form), scores, versions, and an
 * invalid fact named as the blocker.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OptionsPanelSlot } from '../../renderer/components/OptionsPanelSlot';
import { CaseView } from '../../renderer/views/CaseView';
import type { CaseFacts } from '../../shared/facts/facts';
import { CATALOGUE_VERSION, ENGINE_VERSION } from '../../shared/engine';
import { useRealCore } from './realApi';
import { renderWithStores } from './render';

const CRC_NAIVE: CaseFacts = {
  primary_tumor: 'colorectal', line_of_therapy: 'chemo_naive', resectable_or_ablatable: false, liver_dominant: true, ecog: 0,
  bilirubin_mg_dl: 1.0,
};

const panel = () => screen.getByRole('complementary', { name: 'Evidence options' });
const option = (word: string): HTMLElement => {
  const el = panel().querySelector<HTMLElement>(`[data-option="${word}"]`);
  if (!el) throw new Error(`option ${word} is not shown`);
  return el;
};

describe('options panel', () => {
  it('shows a chemo-naive colorectal case: systemic recommended, Y-90 not recommended, with rule, rationale and SIRFLOX cited', () => {
    renderWithStores(<OptionsPanelSlot facts={CRC_NAIVE} />);
    const systemic = option('SYSTEMIC_STANDARD');
    expect(within(systemic).getByText('Recommended')).toHaveClass('strength');
    expect(within(systemic).getByText('first-line systemic therapy is standard')).toBeInTheDocument();
    // The rule behind it is a code: folded away under "Rule codes", never the text.
    expect(within(systemic).getByText('Rule codes')).toBeInTheDocument();
    expect(within(systemic).getByText('R-CRC-01').closest('details')).not.toHaveAttribute('open');

    const y90 = option('Y90_TARE');
    expect(y90).toHaveAttribute('data-strength', 'not_recommended');
    expect(within(y90).getByText('Not recommended')).toBeInTheDocument();
    expect(within(y90).getByRole('heading', { name: /Y-90 radioembolization/ })).toBeInTheDocument();
    const cites = within(y90).getByRole('list', { name: 'Evidence for Y-90 radioembolization (resin or glass)' });
    // Citations read as the study's name; the catalogue id is in the tooltip and the card only.
    const buttons = within(cites).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('data-evidence-id')))
      .toEqual(['EV-SIRFLOX-2016', 'EV-FOXFIRE-COMB-2017', 'EV-SEED-2018', 'GL-ASCO-MCRC-2023', 'GL-NICE-IPG672']);
    expect(buttons[0]).toHaveTextContent(/^SIRFLOX$/);
    expect(buttons[0]).toHaveAttribute('title', 'SIRFLOX (EV-SIRFLOX-2016)');
    expect(buttons[3]).toHaveTextContent(/^ASCO mCRC guideline 2023$/);
    expect(buttons.map((b) => b.textContent ?? '').filter((t) => /^(EV|GL)-/.test(t))).toEqual([]);
    expect(option('Y90_WITH_FIRST_LINE_CHEMO')).toHaveAttribute('data-strength', 'not_recommended');
    // Most favourable first, as the engine orders them.
    expect([...panel().querySelectorAll('[data-option]')].map((e) => e.getAttribute('data-option')))
      .toEqual(['SYSTEMIC_STANDARD', 'Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO']);

    expect(panel()).toHaveTextContent(`Evaluated from 6 clinical facts entered · engine ${ENGINE_VERSION} · catalogue ${CATALOGUE_VERSION}`);
    expect(within(panel()).getByRole('note')).toHaveTextContent("Decision support from published evidence; not a substitute for the board's judgement.");
    expect(panel().querySelector('[data-flag]')).toBeNull();
  });

  it('opens a citation as an evidence card dialog with the key numbers; Escape closes it and focus returns', async () => {
    const { user } = renderWithStores(<OptionsPanelSlot facts={CRC_NAIVE} />);
    const cite = within(option('Y90_TARE')).getByRole('button', { name: 'Evidence: SIRFLOX' });
    await user.click(cite);
    const dialog = await screen.findByRole('dialog', { name: /EV-SIRFLOX-2016 SIRFLOX/ });
    expect(dialog).toHaveTextContent('van Hazel GA et al. J Clin Oncol 2016;34(15):1723-1731. PMID 26903575. doi 10.1200/JCO.2015.66.1181.');
    expect(dialog).toHaveTextContent('RCT, open-label, multicentre, phase 3');
    expect(dialog).toHaveTextContent('chemotherapy-naive mCRC with liver metastases');
    expect(dialog).toHaveTextContent('Liver PFS (competing risk): 12.6 vs 20.5 months, HR 0.69 (0.55–0.90), P = .002 [V]');
    const tags = within(dialog).getByRole('list', { name: 'Provenance tags' });
    expect(within(tags).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['V verified against a primary source', 'K background knowledge, not verified', 'S as stated in the source review article']);
    expect(within(dialog).getByRole('button', { name: /Close/ })).toHaveFocus();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(cite).toHaveFocus());
  });

  it('shows a conflict with both sides, their evidence ids and the one-line disagreement', () => {
    renderWithStores(<OptionsPanelSlot facts={{
      primary_tumor: 'colorectal', line_of_therapy: 'second_line', liver_dominant: true, ecog: 0, first_line_backbone: 'oxaliplatin',
      resectable_or_ablatable: false,
    }} />);
    const epoch = option('Y90_WITH_SECOND_LINE_CHEMO');
    expect(epoch).toHaveAttribute('data-strength', 'not_recommended');
    const conflict = within(epoch).getByRole('region', { name: /^Sources disagree: Second-line mCRC: EPOCH met its PFS/ });
    expect(conflict).toHaveAttribute('data-conflict', 'C-CRC-EPOCH-ASCO');
    expect(conflict).toHaveTextContent('Sources disagree');
    expect(conflict).toHaveTextContent('EPOCH met its PFS and hepatic-PFS endpoints (HR 0.69 / 0.59) but showed no OS gain (HR 1.07)');
    expect(conflict).toHaveTextContent('EPOCH: PFS HR 0.69, hPFS HR 0.59, ORR 34.0% vs 21.1%');
    expect(conflict).toHaveTextContent('ASCO 2023: SIRT not routinely recommended');
    expect(within(conflict).getByRole('button', { name: 'Evidence: EPOCH' })).toHaveAttribute('data-evidence-id', 'EV-EPOCH-2021');
    expect(within(conflict).getByRole('button', { name: 'Evidence: ASCO mCRC guideline 2023' })).toHaveAttribute('data-evidence-id', 'GL-ASCO-MCRC-2023');
  });

  it('shows a raised flag as a warning with the contract wording, its gate and evidence; Y-90 turns contraindicated', () => {
    renderWithStores(<OptionsPanelSlot facts={{ ...CRC_NAIVE, bilirubin_mg_dl: 2.5 }} />);
    const flag = panel().querySelector<HTMLElement>('[data-flag="Y90_BILIRUBIN_GT_2"]');
    expect(flag).not.toBeNull();
    const f = flag as HTMLElement;
    expect(f).toHaveTextContent('Bilirubin above 2 mg/dL');
    expect(f).toHaveTextContent('Bilirubin > 2 mg/dL and no reversible cause recorded (unknown counts as no reversible cause).');
    // The flag word and its gate are codes on demand, not the text.
    expect(within(f).getByText('Y90_BILIRUBIN_GT_2').closest('details')).not.toHaveAttribute('open');
    expect(within(f).getByText('S-Y90-BILI').closest('details')).not.toHaveAttribute('open');
    expect(within(f).getByRole('button', { name: 'Evidence: Y-90 radioembolisation contraindications' })).toHaveAttribute('data-evidence-id', 'GL-Y90-CONTRA');
    for (const word of ['Y90_TARE', 'Y90_WITH_FIRST_LINE_CHEMO']) {
      expect(option(word)).toHaveAttribute('data-strength', 'contraindicated');
      expect(within(option(word)).getByText('Contraindicated')).toBeInTheDocument();
      expect(within(option(word)).getByText('S-Y90-BILI')).toBeInTheDocument();
    }
    expect(option('BEST_SUPPORTIVE_CARE')).toHaveAttribute('data-strength', 'consider');
  });

  it('shows the derived scores with units, a dash where an input is missing', () => {
    renderWithStores(<OptionsPanelSlot facts={{
      bilirubin_mg_dl: 1.0, albumin_g_dl: 3.5, inr: 1.1, ascites: 'none', encephalopathy: 'none', creatinine_mg_dl: 1.0,
      sodium_mmol_l: 130, height_cm: 170, weight_kg: 70,
    }} />);
    const row = (key: string) => panel().querySelector(`[data-derived="${key}"]`);
    expect(row('child_pugh_score')).toHaveTextContent('Child-Pugh score6 points (5–15)');
    expect(row('child_pugh_class')).toHaveTextContent('Child-Pugh classA');
    expect(row('albi_score')).toHaveTextContent('ALBI score-2.16');
    expect(row('albi_grade')).toHaveTextContent('ALBI grade2');
    expect(row('meld')).toHaveTextContent('MELD7 points');
    expect(row('meld_na')).toHaveTextContent('MELD-Na7 points');
    expect(row('bsa_m2')).toHaveTextContent('Body surface area (Mosteller)1.82 m²');

    renderWithStores(<OptionsPanelSlot facts={{ height_cm: 170 }} />);
    const second = screen.getAllByRole('complementary', { name: 'Evidence options' })[1] as HTMLElement;
    expect(second.querySelector('[data-derived="bsa_m2"]')).toHaveTextContent('not calculated: an input is missing');
  });

  it('names the field that blocks evaluation when a fact is invalid', () => {
    renderWithStores(<OptionsPanelSlot facts={{ ecog: 7 } as unknown as CaseFacts} />);
    const alert = within(panel()).getByRole('alert');
    expect(alert).toHaveTextContent('The options cannot be evaluated.');
    expect(alert).toHaveTextContent(/The field ECOG performance status blocks evaluation/);
    expect(alert).toHaveAttribute('data-blocked-by', 'ecog');
    expect(within(alert).getByRole('button', { name: 'ECOG performance status' })).toBeInTheDocument();
  });
});

describe('options panel in the case view', () => {
  // Against the real core: the case is created, read and saved by the real dispatcher.
  const realCore = useRealCore();
  async function openCase() {
    const core = realCore();
    const api = core.api;
    const rec = await core.addCase({ identifier: 'MRN-EV1', family_name: 'Rossi', given_name: 'Giulia', birth_date: '1958-02-01', sex: 'female' },
      { diagnosis: 'colorectal liver metastases', facts: CRC_NAIVE });
    return { rec, core, ...renderWithStores(<CaseView id={rec.id} />, api) };
  }

  it('a missing fact links to its field: focus moves there (numbers and yes/no groups alike)', async () => {
    const { user } = await openCase();
    await screen.findByRole('heading', { name: 'Rossi, Giulia' });
    const todo = within(panel()).getByRole('region', { name: /Facts to complete/ });
    await user.click(within(todo).getByRole('button', { name: 'Lung shunt fraction' }));
    expect(screen.getByLabelText('Lung shunt fraction', { selector: 'input' })).toHaveFocus();

    await user.click(within(todo).getByRole('button', { name: 'Uncorrectable hepatoenteric shunt' }));
    const group = screen.getByRole('group', { name: 'Uncorrectable hepatoenteric shunt' });
    expect(within(group).getByRole('radio', { name: 'Unknown' })).toHaveFocus();
  });

  it('updates as the facts are typed, and still shows the saved answer right after saving', async () => {
    const { user, api, core, rec } = await openCase();
    await screen.findByRole('heading', { name: 'Rossi, Giulia' });
    expect(option('Y90_TARE')).toHaveAttribute('data-strength', 'not_recommended');
    const bili = screen.getByLabelText('Total bilirubin', { selector: 'input' });
    await user.clear(bili);
    await user.type(bili, '2.5');
    expect(option('Y90_TARE')).toHaveAttribute('data-strength', 'contraindicated');
    expect(panel().querySelector('[data-flag="Y90_BILIRUBIN_GT_2"]')).not.toBeNull();

    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(api.callsOf('cases.update')).toHaveLength(1));
    expect(api.callsOf('cases.update')[0]?.case.facts.bilirubin_mg_dl).toBe(2.5);
    await screen.findByText(/version 2/);
    expect((await core.call('cases.get', { id: rec.id })).facts.bilirubin_mg_dl).toBe(2.5);
    expect(option('Y90_TARE')).toHaveAttribute('data-strength', 'contraindicated');
    expect(panel().querySelector('[data-flag="Y90_BILIRUBIN_GT_2"]')).toHaveTextContent('Bilirubin above 2 mg/dL');
  });
});

describe('facts to complete', () => {
  it('shows the first eight, most consequential first, and the rest on request', async () => {
    const { user } = renderWithStores(<OptionsPanelSlot facts={{}} />);
    const todo = within(panel()).getByRole('region', { name: /Facts to complete/ });
    expect(todo).toHaveTextContent('Facts to complete 28');
    expect(todo.querySelectorAll('[data-missing]')).toHaveLength(8);
    expect(todo.querySelector('[data-missing]')).toHaveAttribute('data-missing', 'ecog');
    const more = within(todo).getByRole('button', { name: 'Show all 28 facts to complete' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(todo.querySelectorAll('[data-missing]')).toHaveLength(28);
    expect(todo.querySelector('[data-missing="primary_tumor"]')).toHaveTextContent('needed to choose the disease rules');
    const options = within(panel()).getByRole('region', { name: /^Options/ });
    expect(options).toHaveTextContent('No option yet: the rules start from the primary tumour.');
    expect(within(options).getByRole('button', { name: 'primary tumour' })).toBeInTheDocument();
  });
});

describe('issue 14 on the panel', () => {
  const HCC: CaseFacts = {
    primary_tumor: 'hcc', nodules: 1, largest_nodule_cm: 2.5, ecog: 0, portal_vein: 'patent', macrovascular_invasion: false, extrahepatic_disease: 'none',
    bilirubin_mg_dl: 0.8, albumin_g_dl: 4.1, inr: 1.1, ascites: 'none', encephalopathy: 'none', resectable: true, ablatable: true,
    clinically_significant_portal_hypertension: false, total_tumour_diameter_cm: 2.5,
  };
  it('shows the derived BCLC stage beside the entered one and flags a mismatch', () => {
    // The entered stage B is the one the rules use (2.1 point 7): no resection or ablation row applies.
    renderWithStores(<OptionsPanelSlot facts={{ ...HCC, bclc_stage: 'B' }} />);
    expect(panel().querySelector('[data-option="RESECTION"]')).toBeNull();
    const row = panel().querySelector('[data-derived="bclc_stage_derived"]') as HTMLElement;
    expect(row).toHaveTextContent('A (early)');
    expect(row).toHaveTextContent('entered: B (intermediate)');
    expect(within(panel()).getByRole('alert')).toHaveTextContent('BCLC stage mismatch: entered B (intermediate), derived from the facts A (early)');
    expect(panel().querySelector('[data-derived="child_pugh_score"]')).toHaveTextContent('Pugh RNH et al. Br J Surg 1973');
    expect(panel()).not.toHaveTextContent('EVIDENCE.md section 3');
  });
  it('no mismatch banner when the entered stage agrees; the new options by their labels; the strengths notice', () => {
    renderWithStores(<OptionsPanelSlot facts={{ ...HCC, bclc_stage: 'A' }} />);
    expect(panel().querySelector('[data-bclc-mismatch]')).toBeNull();
    expect(within(option('RESECTION')).getByRole('heading')).toHaveTextContent('Surgical resection (curative intent)');
    expect(within(option('ABLATION')).getByRole('heading')).toHaveTextContent('Thermal ablation (RFA / MWA, curative intent)');
    expect(within(panel()).getByRole('note')).toHaveTextContent('not validated clinical advice');
    expect(within(panel()).getByRole('note')).toHaveTextContent("supports and does not replace the board's judgement");
  });
});
