/**
 * Follow the presenter: the case the room is on. The presenter's screen records each move as an audit row
 * (`meeting.present`: who showed which agenda item when), which the board server's change feed streams to every
 * signed-in screen; members who follow read the latest move and go to that case. Nothing else changes.
 */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { inTransaction, stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import type { Presenting } from '../../shared/domain/meeting';
import type { Actor } from './profiles';

export function recordPresenting(db: Db, meetingId: number, itemId: number, actor: Actor, now = new Date().toISOString()): Presenting {
  return inTransaction(db, () => {
    const item = stmt(db, `SELECT a.id, a.position, m.status FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
      WHERE a.id = ? AND a.meeting_id = ?`).get(itemId, meetingId) as { id: number; position: number; status: string } | undefined;
    if (!item) throw new DomainError('NOT_FOUND', `agenda item ${itemId} is not on meeting ${meetingId}'s agenda`, 'item_id');
    if (item.status !== 'in_progress') throw new DomainError('CONFLICT', 'the room can be followed only while the meeting is in progress', 'meeting_id');
    const presenting: Presenting = { meeting_id: meetingId, item_id: item.id, position: item.position, by: actor.label, at: now };
    appendAudit(db, { actor: actor.label, action: 'meeting.present', entity: 'meeting', entityId: meetingId, before: null, after: { ...presenting } }, now);
    return presenting;
  });
}

/** The latest move of the presenter in this meeting, or null when nobody has presented it on the server. */
export function presentingOf(db: Db, meetingId: number): Presenting | null {
  const row = stmt(db, `SELECT after FROM audit_log WHERE action = 'meeting.present' AND entity = 'meeting' AND entity_id = ?
    ORDER BY id DESC LIMIT 1`).pluck().get(String(meetingId)) as string | undefined;
  if (row === undefined) return null;
  const p = JSON.parse(row) as Presenting;
  // The agenda may have been reordered since: the item's position now.
  const position = stmt(db, 'SELECT position FROM agenda_items WHERE id = ? AND meeting_id = ?').pluck().get(p.item_id, meetingId) as number | undefined;
  return position === undefined ? null : { ...p, position };
}
