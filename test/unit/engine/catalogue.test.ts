/** The catalogue holds every id of EVIDENCE.md section 1, and every id the rules cite. */
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE, CATALOGUE_VERSION, CONFLICTS, DISEASE_RULES, EVIDENCE_IDS, GATES, citedEvidence, formatCitation, getEvidence,
  listEvidence, searchEvidence,
} from '../../../shared/engine';
import { readShared } from './paths';

const evidenceMd = readShared('clinical/EVIDENCE.md');
const section1 = evidenceMd.slice(evidenceMd.indexOf('## 1. Evidence catalogue'), evidenceMd.indexOf('## 2. Decision-rule draft'));
const section1Ids = [...new Set([...section1.matchAll(/\*\*((?:EV|GL|DEV)-[A-Z0-9-]+)\*\*/g)].map((m) => m[1] as string))];

describe('evidence catalogue', () => {
  it('has a version', () => expect(CATALOGUE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/));

  it('holds every id defined in EVIDENCE.md section 1 (73), and nothing else', () => {
    expect(section1Ids.length).toBe(73);
    expect([...EVIDENCE_IDS].sort()).toEqual([...section1Ids].sort());
  });

  it('every id cited by a rule row, gate or conflict exists in the catalogue', () => {
    const cited = citedEvidence();
    expect(cited.length).toBeGreaterThan(100);
    const unknown = cited.filter((c) => !CATALOGUE.has(c.id));
    expect(unknown).toEqual([]);
    // And every row/gate with options or effects cites something (R-CRC-07 is a flag-only row).
    for (const r of DISEASE_RULES) if (r.options.length > 0) expect(r.evidence.length, r.id).toBeGreaterThan(0);
    for (const g of GATES) expect(g.evidence.length, g.id).toBeGreaterThan(0);
    for (const c of CONFLICTS) expect(c.sides.length, c.id).toBeGreaterThanOrEqual(2);
  });

  it('every record is readable: design, population, key numbers with provenance tags, citation', () => {
    for (const r of listEvidence()) {
      expect(r.short_name.length, r.id).toBeGreaterThan(3);
      expect(r.design.length, r.id).toBeGreaterThan(3);
      expect(r.population.length, r.id).toBeGreaterThan(3);
      expect(r.key_numbers.length, r.id).toBeGreaterThan(0);
      for (const k of r.key_numbers) expect(k, r.id).toMatch(/\[(V|V2|K|S|NF)[^\]]*\]/);
      expect(r.provenance.length, r.id).toBeGreaterThan(0);
      expect(formatCitation(r).length, r.id).toBeGreaterThan(5);
    }
  });

  it('uses the published values where the seed differs (EVIDENCE.md 0.3)', () => {
    const sirflox = getEvidence('EV-SIRFLOX-2016');
    expect(sirflox?.key_numbers.join(' ')).toContain('control 10.2 vs SIRT 10.7 months');
    expect(sirflox?.key_numbers.join(' ')).toContain('12.6 vs 20.5 months');
    expect(sirflox?.key_numbers.join(' ')).not.toContain('12.5');
    expect(getEvidence('EV-NETTER1-2017')?.comparison).toContain('7.4 GBq every 8 weeks × 4');
    expect(getEvidence('EV-NET-EMBO-COMP')?.key_numbers.join(' ')).toContain('HR 2.1 (p = 0.02) unadjusted');
  });

  it('citations carry PMID and DOI where EVIDENCE.md gives them', () => {
    expect(getEvidence('EV-TACE-LLOVET-2002')?.citation).toMatchObject({ pmid: '12049862', journal: 'Lancet', year: 2002 });
    expect(getEvidence('EV-FOXFIRE-COMB-2017')?.citation).toMatchObject({ pmid: '28781171', doi: '10.1016/S1470-2045(17)30457-6' });
    expect(formatCitation(getEvidence('GL-ASCO-MCRC-2023')!)).toBe('Morris VK et al. J Clin Oncol 2023;41(3):678-700. PMID 36252154. doi 10.1200/JCO.22.01690.');
  });

  it('search finds records by trial name, author and number', () => {
    expect(searchEvidence('epoch').map((r) => r.id)).toContain('EV-EPOCH-2021');
    expect(searchEvidence('Strosberg').map((r) => r.id)).toEqual(['EV-NETTER1-2017']);
    expect(searchEvidence('').length).toBe(73);
  });
});
