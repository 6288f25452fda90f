/**
 * The change feed behind `GET /api/events`: every committed change already writes an audit row in its own
 * transaction, so the feed reads the audit log after each call (and on a short timer, for changes made by another
 * process such as the CLI) and turns new rows into notices `{ op, entity, id, version, actor, at }`. The audit row
 * id is the event id, so a client that reconnects with `Last-Event-ID` gets exactly what it missed. Sign-in rows
 * (entity `user`) are not broadcast: who signs in when is nobody else's business.
 */
import type { Db } from '../../db/connection';

export interface ChangeEvent {
  /** The audit row id (SSE `id:`). */
  seq: number;
  op: string;
  entity: string;
  id: number | string;
  version: number | null;
  actor: string;
  at: string;
}

interface Row { id: number; at: string; actor: string; action: string; entity: string; entity_id: string; version: number | null }

const PRIVATE_ENTITIES = new Set(['user']);
const BATCH = 500;

export class ChangeFeed {
  private last: number;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  constructor(private readonly db: () => Db) {
    this.last = this.maxId();
  }

  private maxId(): number {
    return (this.db().prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number);
  }

  /** Notices for audit rows in (after, upTo], oldest first, without private ones; `through` is the last row read. */
  since(after: number, upTo: number, limit = BATCH): { events: ChangeEvent[]; through: number } {
    const rows = this.db().prepare(`SELECT id, at, actor, action, entity, entity_id,
        CASE WHEN json_valid(after) THEN json_extract(after, '$.version') END AS version
      FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`).all(after, upTo, limit) as Row[];
    const events = rows.filter((r) => !PRIVATE_ENTITIES.has(r.entity)).map((r) => ({
      seq: r.id, op: r.action, entity: r.entity, id: /^\d+$/.test(r.entity_id) ? Number(r.entity_id) : r.entity_id,
      version: typeof r.version === 'number' ? r.version : null, actor: r.actor, at: r.at,
    }));
    return { events, through: rows.at(-1)?.id ?? upTo };
  }

  /** Reads what was committed since the last poll and tells every listener. Cheap when nothing changed. */
  poll(): void {
    const max = this.maxId();
    if (max < this.last) this.last = max; // a restore brought an older log back: carry on from there
    while (max > this.last) {
      const { events, through } = this.since(this.last, max);
      this.last = through;
      for (const event of events) for (const listener of this.listeners) listener(event);
    }
  }

  get lastSeq(): number {
    return this.last;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
