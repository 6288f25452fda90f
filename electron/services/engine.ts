/** The evidence engine behind the API: evaluation and the catalogue (pure shared code, no state). */
import { CATALOGUE_VERSION, evaluate, formatCitation, listEvidence, searchEvidence, type EvidenceRecord } from '../../shared/engine';
import type { Handlers } from '../../shared/api';

const toDto = (r: EvidenceRecord) => ({
  id: r.id, short_name: r.short_name, kind: r.kind, year: r.year, design: r.design, population: r.population,
  comparison: r.comparison, key_numbers: [...r.key_numbers], citation: r.citation, citation_text: formatCitation(r),
  provenance: [...r.provenance], provenance_note: r.provenance_note,
  ...(r.seed_discrepancies ? { seed_discrepancies: [...r.seed_discrepancies] } : {}),
});

export function engineHandlers(): Pick<Handlers, 'engine.evaluate' | 'evidence.list'> {
  return {
    'engine.evaluate': ({ facts }) => evaluate(facts),
    'evidence.list': ({ search }) => ({
      catalogue_version: CATALOGUE_VERSION,
      records: (search?.trim() ? searchEvidence(search) : listEvidence()).map(toDto),
    }),
  };
}
