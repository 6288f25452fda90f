/** Y-90 dosimetry from the case facts with the shared calculators: formula, limits, missing facts, sources. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EvidenceDialogProvider } from '../../renderer/components/evidence/EvidenceDialog';
import { Y90Dosimetry } from '../../renderer/components/evidence/Y90Dosimetry';
import type { CaseFacts } from '../../shared/facts/facts';
import { renderWithStores } from './render';

function renderDosimetry(facts: CaseFacts) {
  const r = renderWithStores(<EvidenceDialogProvider><Y90Dosimetry facts={facts} /></EvidenceDialogProvider>);
  const section = screen.getByRole('region', { name: 'Y-90 dosimetry' });
  const value = (name: string): string | null => section.querySelector(`[data-value="${name}"]`)?.textContent ?? null;
  return { ...r, section, value };
}

describe('Y-90 dosimetry', () => {
  it('resin BSA method: BSA, base activity, the lung-shunt bracket, reduced activity and lung dose against the limits', () => {
    const { section, value } = renderDosimetry({ planned_device: 'resin', height_cm: 170, weight_kg: 70, liver_replacement_pct: 30, lung_shunt_fraction_pct: 12, prior_y90: false });
    expect(section).toHaveTextContent('Device: resin microspheres');
    expect(section).toHaveTextContent('A (GBq) = (BSA − 0.2) + tumour involvement/100, then reduced by the lung-shunt bracket');
    // √(170 × 70 / 3600) = 1.818 m²; (1.818 − 0.2) + 0.30 = 1.918 GBq; LSF 12 % → −20 % → 1.535 GBq.
    expect(value('bsa')).toBe('1.82 m²');
    expect(value('base-activity')).toBe('1.92 GBq');
    expect(value('prescribed-activity')).toBe('1.53 GBq');
    expect(section).toHaveTextContent('(reduced by 20 %)');
    const current = section.querySelector('tr[aria-current="true"]');
    expect(current).toHaveTextContent('10 % ≤ LSF < 15 %reduce by 20 %← this case');
    // 50 × 1.535 × 12/100 = 9.2 Gy; no earlier Y-90, so the cumulative dose is the same.
    expect(value('lung-dose')).toBe('9.2 Gy');
    expect(section.querySelector('[data-limit="single"]')).toHaveTextContent('9.2 Gy is within the limit of 30 Gy per administration');
    expect(section.querySelector('[data-limit="cumulative"]')).toHaveTextContent('cumulative 9.2 Gy (prior 0.0 Gy) is within the limit of 50 Gy');
    expect(section).toHaveTextContent('(A = resin activity by the BSA method)');
    expect(within(section).getByRole('button', { name: 'Evidence: SIR-Spheres (resin) instructions for use' })).toBeInTheDocument();
    expect(section.querySelector('[data-needs]')).toBeNull();
  });

  it('resin: the BSA formula can be DuBois and a lobar treatment scales the whole activity by the share treated (EVIDENCE 3.4, 3.5)', async () => {
    const user = userEvent.setup();
    // 180 cm, 64.8 kg → Mosteller √(180 × 64.8 / 3600) = 1.80 m²; DuBois 0.007184 × 64.8^0.425 × 180^0.725 = 1.825 m².
    const { section, value } = renderDosimetry({ planned_device: 'resin', height_cm: 180, weight_kg: 64.8, liver_replacement_pct: 30, lung_shunt_fraction_pct: 5, prior_y90: false });
    expect(value('bsa')).toBe('1.80 m²');
    expect(value('base-activity')).toBe('1.90 GBq');
    const treated = within(section).getByLabelText('Share of the liver treated (%)');
    await user.clear(treated);
    await user.type(treated, '60');
    // The worked example: [(1.8 − 0.2) + 30/100] × 60/100 = 1.14 GBq (not 1.26, which scaled only the BSA term).
    expect(value('base-activity')).toBe('1.14 GBq');
    expect(value('prescribed-activity')).toBe('1.14 GBq');
    expect(section).toHaveTextContent('× 60/100');
    // The lung dose follows the activity the panel computes: 50 × 1.14 × 5/100 = 2.9 Gy.
    expect(value('lung-dose')).toBe('2.9 Gy');
    await user.selectOptions(within(section).getByLabelText('BSA formula'), 'dubois');
    expect(section).toHaveTextContent('BSA (DuBois & DuBois) = 0.007184 × 64.8 kg^0.425 × 180 cm^0.725');
    expect(value('bsa')).toBe('1.83 m²');
    // [(1.825 − 0.2) + 0.30] × 0.6 = 1.155 GBq.
    expect(value('base-activity')).toBe('1.16 GBq');
    await user.clear(treated);
    await user.type(treated, '0');
    expect(within(section).getByRole('alert')).toHaveTextContent('Share of the liver treated: give a percentage from 1 to 100');
    expect(value('base-activity')).toBe('1.93 GBq');
  });

  it('resin with a lung shunt above 20 %: do not treat', () => {
    const { section, value } = renderDosimetry({ height_cm: 180, weight_kg: 80, liver_replacement_pct: 40, lung_shunt_fraction_pct: 22 });
    expect(section).toHaveTextContent('Device: not chosen');
    expect(section).toHaveTextContent('the resin method is shown');
    expect(value('prescribed-activity')).toBe('✕ Do not treat with resin: LSF above 20 %.');
    expect(section.querySelector('tr[aria-current="true"]')).toHaveTextContent('LSF > 20 %do not treat');
  });

  it('glass: lung dose at the planned activity over both limits, the largest safe activity, and MIRD activity from planning values', async () => {
    const { section, value, user } = renderDosimetry({ planned_device: 'glass', planned_activity_gbq: 5, lung_shunt_fraction_pct: 15, prior_lung_dose_gy: 25 });
    expect(section).toHaveTextContent('Glass activity: MIRD single compartment');
    expect(section).toHaveTextContent('A (GBq) = D (Gy) × M (kg) ÷ [50 × (1 − LSF/100)]');
    // 50 × 5 × 0.15 = 37.5 Gy; + 25 Gy earlier = 62.5 Gy; largest activity min(30, 50 − 25) / 7.5 = 3.33 GBq.
    expect(value('lung-dose')).toBe('37.5 Gy');
    expect(section.querySelector('[data-limit="single"]')).toHaveTextContent('37.5 Gy exceeds the limit of 30 Gy per administration');
    expect(section.querySelector('[data-limit="cumulative"]')).toHaveTextContent('cumulative 62.5 Gy (prior 25.0 Gy) exceeds the limit of 50 Gy');
    expect(section).toHaveTextContent('Largest activity within both limits: 3.33 GBq');
    expect(value('glass-activity')).toBeNull();

    await user.type(within(section).getByLabelText('Target dose'), '120');
    await user.type(within(section).getByLabelText('Perfused liver mass'), '1.5');
    // 120 × 1.5 / (50 × 0.85) = 4.24 GBq
    expect(value('glass-activity')).toBe('4.24 GBq');
    expect(within(section).getByRole('button', { name: 'Evidence: TheraSphere (glass) package insert' })).toBeInTheDocument();
  });

  it('says what is missing to compute, each a link to the field', () => {
    const { section } = renderDosimetry({ planned_device: 'resin', height_cm: 165 });
    const needs = [...section.querySelectorAll('[data-needs]')].map((e) => e.getAttribute('data-needs'));
    expect(needs).toEqual(['weight_kg', 'liver_replacement_pct', 'lung_shunt_fraction_pct', 'lung_shunt_fraction_pct', 'planned_activity_gbq', 'prior_lung_dose_gy']);
    expect(within(section).getAllByRole('button', { name: 'Weight' })).toHaveLength(1);
    expect(section).toHaveTextContent('Missing to compute the resin activity:');
    expect(section).toHaveTextContent('Missing to compute the lung dose:');
    expect(section).toHaveTextContent('limits 30 Gy per administration, 50 Gy cumulative');
  });

  it('unknown prior lung dose: the cumulative limit is said to be unchecked', () => {
    const { section } = renderDosimetry({ planned_device: 'resin', planned_activity_gbq: 2, lung_shunt_fraction_pct: 8 });
    expect(section.querySelector('[data-value="lung-dose"]')).toHaveTextContent('8.0 Gy');
    expect(section).toHaveTextContent('(A = planned activity)');
    expect(section.querySelector('[data-limit="cumulative"]')).toHaveTextContent('cumulative limit of 50 Gy not checked: the prior lung dose is unknown');
  });
});
