/** Looks up the evidence ids behind a rule row or safety gate id, for statements that name their source. */
import { DISEASE_RULES, GATES } from '../../../shared/engine';

const EVIDENCE_BY_SOURCE: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const r of [...DISEASE_RULES, ...GATES]) {
    const list = map.get(r.id) ?? [];
    for (const id of r.evidence) if (!list.includes(id)) list.push(id);
    map.set(r.id, list);
  }
  return map;
})();

/** The evidence ids a rule row or gate cites (rows that share an id are merged); empty when unknown. */
export function evidenceOfSource(id: string): readonly string[] {
  return EVIDENCE_BY_SOURCE.get(id) ?? [];
}
