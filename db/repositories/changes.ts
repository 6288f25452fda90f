/**
 * Two people, one record (issue 10 point 4): a save names the version it was based on, and a stale one is refused
 * with CONFLICT naming who changed the record last and when (from the audit log), in the shape the case form
 * already reads: "<record> was changed by <who> at <when> UTC (now version N) (you edited version M); your edits are
 * kept: compare and merge". No field is named: the whole record is stale, and the screen offers the merge view.
 */
import type { DbLike as Db } from '../sql/port';
import { stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import { actorName } from '../../shared/domain/meeting';

export interface LastChange { actor: string; at: string }

/** The newest audit row of one entity id (decision, board, case…), or undefined. */
export function lastAuditOf(db: Db, entity: string, id: number): LastChange | undefined {
  return stmt(db, 'SELECT actor, at FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1').get(entity, String(id)) as LastChange | undefined;
}

/**
 * The newest audit row that wrote a sealed row (its `after.seals` names `table:id`), among the given entities: an
 * agenda item is changed by its own rows (agenda.add/update) and by the meeting's reorder or a removal beside it.
 */
export function lastSealOf(db: Db, table: string, id: number, entities: readonly string[]): LastChange | undefined {
  return stmt(db, `SELECT actor, at FROM audit_log WHERE entity IN (${entities.map(() => '?').join(', ')}) AND after LIKE ? ORDER BY id DESC LIMIT 1`)
    .get(...entities, `%"${table}:${id}"%`) as LastChange | undefined;
}

/** "at 2026-03-02 09:40 UTC" from an ISO instant. */
const whenOf = (at: string): string => `${at.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The words of a stale save: who changed `what` last and when, the version now and the one the editor had
 * (`given` undefined: the editor was writing a new record and someone saved one first).
 */
export function staleMessage(what: string, last: LastChange | undefined, current: number, given: number | undefined, plural = false): string {
  const who = last ? `${actorName(last.actor)} at ${whenOf(last.at)}` : 'someone else';
  const yours = given === undefined ? 'while you were writing yours' : `(you edited version ${given})`;
  return `${what} ${plural ? 'were' : 'was'} changed by ${who} (now version ${current}) ${yours}; your edits are kept: compare and merge`;
}

/** Refuses a save based on another version than the stored one (undefined: the editor expected no record yet). */
export function requireVersion(what: string, current: number, given: number | undefined, last: () => LastChange | undefined): void {
  if (current !== given) throw new DomainError('CONFLICT', staleMessage(what, last(), current, given));
}
