/**
 * Y-90 dosimetry from the case's facts, with the shared calculators (shared/engine/calculators/y90.ts):
 * resin activity by the BSA method with the lung-shunt reduction bracket, glass activity by the MIRD single
 * compartment, and the lung dose 50 × A × LSF/100 per 1 kg lung against the limits (30 Gy per session, 50 Gy
 * cumulative). It says which formula and which limits it used, and which facts are still needed.
 */
import { useId, useState, type ReactNode } from 'react';
import type { CaseFacts, CaseFactKey } from '../../../shared/facts/facts';
import { calculators, EngineInputError, hasEvidence } from '../../../shared/engine';
import { CitationList } from './CitationButton';
import { factLabel, focusFact } from './focusField';

const {
  bsaM2, resinActivityBsa, glassActivityGbq, glassLungDoseCheck, lungDoseGy,
  LUNG_DOSE_LIMIT_SINGLE_GY, LUNG_DOSE_LIMIT_CUMULATIVE_GY, GY_KG_PER_GBQ,
} = calculators;
type ResinLsfBracket = calculators.ResinLsfBracket;
type BsaFormula = calculators.BsaFormula;

/** The resin method's choices (EVIDENCE.md 3.4 and 3.5): the BSA formula, and the share of the liver treated (lobar). */
interface ResinChoices { formula: BsaFormula; treatedPct: number }
const FORMULA_WORDS: Record<BsaFormula, { label: string; calc: (h: string, w: string) => string }> = {
  mosteller: { label: 'Mosteller', calc: (h, w) => `√(${h} cm × ${w} kg ÷ 3600)` },
  dubois: { label: 'DuBois & DuBois', calc: (h, w) => `0.007184 × ${w} kg^0.425 × ${h} cm^0.725` },
};

const RESIN_SOURCES = ['DEV-SIRSPHERES-IFU', 'GL-Y90-CONTRA', 'GL-LEVILLAIN-2021'].filter(hasEvidence);
const GLASS_SOURCES = ['DEV-THERASPHERE-IFU', 'DEV-AAPM-MPPG14A', 'GL-EANM-2022'].filter(hasEvidence);

const BRACKETS: ReadonlyArray<{ bracket: ResinLsfBracket; range: string; action: string }> = [
  { bracket: 'no_reduction', range: 'LSF < 10 %', action: 'full activity' },
  { bracket: 'reduce_20', range: '10 % ≤ LSF < 15 %', action: 'reduce by 20 %' },
  { bracket: 'reduce_40', range: '15 % ≤ LSF ≤ 20 %', action: 'reduce by 40 %' },
  { bracket: 'contraindicated', range: 'LSF > 20 %', action: 'do not treat' },
];

const gbq = (n: number): string => `${n.toFixed(2)} GBq`;
const gy = (n: number): string => `${n.toFixed(1)} Gy`;
const num = (n: number, dp: number): string => n.toFixed(dp);

function parsePositive(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^\d*\.?\d+$/.test(t)) return null;
  const n = Number(t);
  return n > 0 ? n : null;
}

function messageOf(error: unknown): string {
  if (error instanceof EngineInputError) return `${factLabel(error.field)}: ${error.message.replace(/^[\w.]+:\s*/, '')}`;
  return error instanceof Error ? error.message : 'the calculation failed';
}

/** Facts still needed, each a link to its field. */
function Needs({ keys, what }: { keys: readonly CaseFactKey[]; what: string }) {
  if (keys.length === 0) return null;
  return (
    <div className="dosi-needs">
      <p className="small"><strong>Missing to compute {what}:</strong></p>
      <ul className="todo compact">
        {keys.map((k) => (
          <li key={k} data-needs={k}>
            <span aria-hidden="true" className="todo-box">☐</span>
            <button type="button" className="link todo-link" onClick={() => focusFact(k)}>{factLabel(k)}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LungDose({ activity, activitySource, lsf, prior, priorKnown }: {
  activity: number; activitySource: string; lsf: number; prior: number; priorKnown: boolean;
}) {
  let check: ReturnType<typeof glassLungDoseCheck>;
  try {
    check = glassLungDoseCheck({ activity_gbq: activity, lung_shunt_fraction_pct: lsf, prior_lung_dose_gy: prior });
  } catch (error) {
    return <p className="dosi-error" role="alert">{messageOf(error)}</p>;
  }
  const single = lungDoseGy({ activity_gbq: activity, lung_shunt_fraction_pct: lsf });
  return (
    <div className="dosi-block" data-calc="lung-dose">
      <h4 className="dosi-title">Lung dose</h4>
      <p className="formula">D<sub>lung</sub> = {GY_KG_PER_GBQ} × A × LSF/100 ÷ 1 kg lung</p>
      <p className="calc">= {GY_KG_PER_GBQ} × {num(activity, 2)} × {num(lsf, 1)}/100 ÷ 1 = <strong data-value="lung-dose">{gy(single)}</strong>
        <span className="muted small"> (A = {activitySource})</span></p>
      <ul className="limits">
        <li className={check.exceeds_single_limit ? 'over' : 'within'} data-limit="single">
          <span aria-hidden="true">{check.exceeds_single_limit ? '✕' : '✓'}</span> {gy(check.lung_dose_gy)} {check.exceeds_single_limit ? 'exceeds' : 'is within'} the
          limit of {LUNG_DOSE_LIMIT_SINGLE_GY} Gy per administration
        </li>
        {priorKnown ? (
          <li className={check.exceeds_cumulative_limit ? 'over' : 'within'} data-limit="cumulative">
            <span aria-hidden="true">{check.exceeds_cumulative_limit ? '✕' : '✓'}</span> cumulative {gy(check.cumulative_lung_dose_gy)} (prior {gy(prior)}) {check.exceeds_cumulative_limit ? 'exceeds' : 'is within'} the
            limit of {LUNG_DOSE_LIMIT_CUMULATIVE_GY} Gy
          </li>
        ) : (
          <li className="unknown" data-limit="cumulative">
            <span aria-hidden="true">?</span> cumulative limit of {LUNG_DOSE_LIMIT_CUMULATIVE_GY} Gy not checked: the prior lung dose is unknown
          </li>
        )}
      </ul>
      {check.max_activity_gbq !== null ? (
        <p className="small">Largest activity within both limits{priorKnown ? '' : ' (prior dose taken as 0)'}: <strong>{gbq(check.max_activity_gbq)}</strong></p>
      ) : null}
    </div>
  );
}

function ResinBsa({ facts, choices, onChoices }: { facts: CaseFacts; choices: ResinChoices; onChoices: (c: ResinChoices) => void }) {
  const ids = useId();
  const treatedValid = Number.isFinite(choices.treatedPct) && choices.treatedPct > 0 && choices.treatedPct <= 100;
  const needs: CaseFactKey[] = [];
  if (facts.height_cm == null) needs.push('height_cm');
  if (facts.weight_kg == null) needs.push('weight_kg');
  if (facts.liver_replacement_pct == null) needs.push('liver_replacement_pct');
  if (facts.lung_shunt_fraction_pct == null) needs.push('lung_shunt_fraction_pct');
  let body: ReactNode = null;
  if (needs.length === 0 && facts.height_cm != null && facts.weight_kg != null && facts.liver_replacement_pct != null && facts.lung_shunt_fraction_pct != null) {
    try {
      const bsa = bsaM2({ height_cm: facts.height_cm, weight_kg: facts.weight_kg, formula: choices.formula });
      const treated = treatedValid ? choices.treatedPct : 100;
      const r = resinActivityBsa({ bsa_m2: bsa, tumour_involvement_pct: facts.liver_replacement_pct, lung_shunt_fraction_pct: facts.lung_shunt_fraction_pct, treated_liver_pct: treated });
      body = (
        <>
          <p className="calc">BSA ({FORMULA_WORDS[choices.formula].label}) = {FORMULA_WORDS[choices.formula].calc(num(facts.height_cm, 0), num(facts.weight_kg, 1))} = <strong data-value="bsa">{num(bsa, 2)} m²</strong></p>
          <p className="calc">A<sub>base</sub> = [({num(bsa, 2)} − 0.2) + {num(facts.liver_replacement_pct, 0)}/100]{treated < 100 ? ` × ${num(treated, 0)}/100` : ''} = <strong data-value="base-activity">{gbq(r.base_activity_gbq)}</strong></p>
          <table className="brackets">
            <caption className="small">Lung-shunt reduction brackets (LSF {num(facts.lung_shunt_fraction_pct, 1)} %)</caption>
            <tbody>
              {BRACKETS.map((b) => (
                <tr key={b.bracket} className={b.bracket === r.bracket ? 'current' : undefined} aria-current={b.bracket === r.bracket ? 'true' : undefined}>
                  <td>{b.range}</td><td>{b.action}</td><td>{b.bracket === r.bracket ? <strong>← this case</strong> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.prescribed_activity_gbq === null ? (
            <p className="calc over" data-value="prescribed-activity"><span aria-hidden="true">✕ </span><strong>Do not treat with resin:</strong> LSF above 20 %.</p>
          ) : (
            <p className="calc">A = {gbq(r.base_activity_gbq)}{r.reduction_pct > 0 ? ` × ${(100 - r.reduction_pct) / 100}` : ''} = <strong data-value="prescribed-activity">{gbq(r.prescribed_activity_gbq)}</strong>
              {r.reduction_pct > 0 ? <span className="muted small"> (reduced by {r.reduction_pct} %)</span> : <span className="muted small"> (no reduction)</span>}</p>
          )}
        </>
      );
    } catch (error) {
      body = <p className="dosi-error" role="alert">{messageOf(error)}</p>;
    }
  }
  return (
    <div className="dosi-block" data-calc="resin">
      <h4 className="dosi-title">Resin activity: BSA method</h4>
      <p className="formula">A (GBq) = (BSA − 0.2) + tumour involvement/100, then reduced by the lung-shunt bracket: &lt; 10 % none; 10–15 % by 20 %; 15–20 % by 40 %; &gt; 20 % do not treat.</p>
      <p className="formula small">Lobar or segmental treatment scales the whole activity by the share of the liver treated (EVIDENCE 3.5; confirm against the current instructions for use).</p>
      <div className="dosi-choices">
        <label className="inline-field" htmlFor={`${ids}-formula`}><span className="field-label">BSA formula</span></label>
        <select id={`${ids}-formula`} value={choices.formula} onChange={(e) => onChoices({ ...choices, formula: e.target.value === 'dubois' ? 'dubois' : 'mosteller' })}>
          <option value="mosteller">{FORMULA_WORDS.mosteller.label}</option>
          <option value="dubois">{FORMULA_WORDS.dubois.label}</option>
        </select>
        <label className="inline-field" htmlFor={`${ids}-treated`}><span className="field-label">Share of the liver treated (%)</span></label>
        <input id={`${ids}-treated`} type="number" min={1} max={100} step={1} value={Number.isFinite(choices.treatedPct) ? choices.treatedPct : ''}
          aria-invalid={!treatedValid} aria-describedby={treatedValid ? undefined : `${ids}-treated-error`}
          onChange={(e) => onChoices({ ...choices, treatedPct: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
        {treatedValid ? null : <p id={`${ids}-treated-error`} className="field-error" role="alert">Share of the liver treated: give a percentage from 1 to 100 (whole liver = 100); the whole-liver activity is shown meanwhile.</p>}
      </div>
      {body}
      <Needs keys={needs} what="the resin activity" />
      <CitationList ids={RESIN_SOURCES} label="Evidence for the resin BSA method" />
    </div>
  );
}

function GlassMird({ facts }: { facts: CaseFacts }) {
  const uid = useId();
  const [dose, setDose] = useState('');
  const [mass, setMass] = useState('');
  const d = parsePositive(dose), m = parsePositive(mass);
  const lsf = facts.lung_shunt_fraction_pct;
  let result: ReactNode = null;
  if (d !== null && m !== null && lsf != null) {
    try {
      const a = glassActivityGbq({ target_dose_gy: d, target_mass_kg: m, lung_shunt_fraction_pct: lsf });
      result = <p className="calc">A = {num(d, 0)} × {num(m, 2)} ÷ [{GY_KG_PER_GBQ} × (1 − {num(lsf / 100, 3)})] = <strong data-value="glass-activity">{gbq(a)}</strong></p>;
    } catch (error) {
      result = <p className="dosi-error" role="alert">{messageOf(error)}</p>;
    }
  }
  return (
    <div className="dosi-block" data-calc="glass">
      <h4 className="dosi-title">Glass activity: MIRD single compartment</h4>
      <p className="formula">A (GBq) = D (Gy) × M (kg) ÷ [{GY_KG_PER_GBQ} × (1 − LSF/100)], residual activity taken as 0.</p>
      <p className="small muted">The target dose and the perfused liver mass are planning values the case does not hold: enter them to compute (not saved).</p>
      <div className="dosi-inputs">
        <label htmlFor={`${uid}-dose`}>Target dose</label>
        <span><input id={`${uid}-dose`} inputMode="decimal" className="num" value={dose} onChange={(e) => setDose(e.target.value)} /> <span className="unit">Gy</span></span>
        <label htmlFor={`${uid}-mass`}>Perfused liver mass</label>
        <span><input id={`${uid}-mass`} inputMode="decimal" className="num" value={mass} onChange={(e) => setMass(e.target.value)} /> <span className="unit">kg</span></span>
      </div>
      {result}
      {lsf == null ? <Needs keys={['lung_shunt_fraction_pct']} what="the glass activity" /> : null}
      <CitationList ids={GLASS_SOURCES} label="Evidence for the glass MIRD method" />
    </div>
  );
}

export function Y90Dosimetry({ facts }: { facts: CaseFacts }) {
  const [resinChoices, setResinChoices] = useState<ResinChoices>({ formula: 'mosteller', treatedPct: 100 });
  const treatedPct = Number.isFinite(resinChoices.treatedPct) && resinChoices.treatedPct > 0 && resinChoices.treatedPct <= 100 ? resinChoices.treatedPct : 100;
  const device = facts.planned_device ?? null;
  const lsf = facts.lung_shunt_fraction_pct;
  const prior = facts.prior_lung_dose_gy ?? (facts.prior_y90 === false ? 0 : null);

  // The activity the lung dose is computed for: the planned one, else (resin) the BSA-method one.
  let activity: number | null = facts.planned_activity_gbq ?? null;
  let activitySource = 'planned activity';
  if (activity === null && device !== 'glass' && facts.height_cm != null && facts.weight_kg != null && facts.liver_replacement_pct != null && lsf != null) {
    try {
      const bsa = bsaM2({ height_cm: facts.height_cm, weight_kg: facts.weight_kg, formula: resinChoices.formula });
      activity = resinActivityBsa({ bsa_m2: bsa, tumour_involvement_pct: facts.liver_replacement_pct, lung_shunt_fraction_pct: lsf, treated_liver_pct: treatedPct }).prescribed_activity_gbq;
      activitySource = 'resin activity by the BSA method';
    } catch { activity = null; }
  }
  const lungNeeds: CaseFactKey[] = [];
  if (lsf == null) lungNeeds.push('lung_shunt_fraction_pct');
  if (facts.planned_activity_gbq == null && (device === 'glass' || activity === null)) lungNeeds.push('planned_activity_gbq');
  if (prior === null) lungNeeds.push('prior_lung_dose_gy');

  return (
    <section className="ev-section dosimetry" aria-labelledby="y90-title" data-device={device ?? 'none'}>
      <h3 id="y90-title" className="ev-heading">Y-90 dosimetry</h3>
      <p className="small">
        Device: <strong>{device === 'resin' ? 'resin microspheres' : device === 'glass' ? 'glass microspheres' : 'not chosen'}</strong>
        {device === null ? <span className="muted"> — the resin method is shown (an unchosen device is treated as resin); choose glass in <button type="button" className="link inline" onClick={() => focusFact('planned_device')}>{factLabel('planned_device')}</button> for the MIRD method.</span> : null}
      </p>
      {device === 'glass' ? <GlassMird facts={facts} /> : <ResinBsa facts={facts} choices={resinChoices} onChoices={setResinChoices} />}
      {activity !== null && lsf != null
        ? <LungDose activity={activity} activitySource={activitySource} lsf={lsf} prior={prior ?? 0} priorKnown={prior !== null} />
        : (
          <div className="dosi-block" data-calc="lung-dose">
            <h4 className="dosi-title">Lung dose</h4>
            <p className="formula">D<sub>lung</sub> = {GY_KG_PER_GBQ} × A × LSF/100 ÷ 1 kg lung; limits {LUNG_DOSE_LIMIT_SINGLE_GY} Gy per administration, {LUNG_DOSE_LIMIT_CUMULATIVE_GY} Gy cumulative.</p>
          </div>
        )}
      <Needs keys={lungNeeds} what="the lung dose" />
      <p className="muted small">Limits used: lung dose ≤ {LUNG_DOSE_LIMIT_SINGLE_GY} Gy per administration and ≤ {LUNG_DOSE_LIMIT_CUMULATIVE_GY} Gy cumulative (<code>DEV-THERASPHERE-IFU</code>);
        resin lung-shunt brackets &lt; 10 / 10–15 / 15–20 / &gt; 20 % (<code>DEV-SIRSPHERES-IFU</code>). Personalised (partition-model) dosimetry is recommended for resin prescription (<code>GL-LEVILLAIN-2021</code>).</p>
    </section>
  );
}
