/** Boards: each board's quorum rule and the recency limits of its completeness gate. */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { withSeals } from '../seals';
import { inTransaction, stmt } from '../statements';
import {
  DEFAULT_IMAGING_MAX_DAYS, DEFAULT_LABS_MAX_DAYS, DEFAULT_QUORUM, type Board, type BoardInput, type Specialty,
} from '../../shared/domain/meeting';
import type { Actor } from './profiles';

interface BoardRow {
  id: number;
  name: string;
  quorum: string;
  imaging_max_days: number;
  labs_max_days: number;
  updated_at: string;
}

const toBoard = (r: BoardRow): Board => ({
  id: r.id, name: r.name, quorum: JSON.parse(r.quorum) as Specialty[], imaging_max_days: r.imaging_max_days,
  labs_max_days: r.labs_max_days, updated_at: r.updated_at,
});

export function listBoards(db: Db): Board[] {
  return (stmt(db, 'SELECT * FROM boards ORDER BY name').all() as BoardRow[]).map(toBoard);
}

export function getBoard(db: Db, id: number): Board | undefined {
  const row = stmt(db, 'SELECT * FROM boards WHERE id = ?').get(id) as BoardRow | undefined;
  return row ? toBoard(row) : undefined;
}

export function findBoard(db: Db, name: string): Board | undefined {
  const row = stmt(db, 'SELECT * FROM boards WHERE name = ?').get(name) as BoardRow | undefined;
  return row ? toBoard(row) : undefined;
}

/** Creates or replaces a board's rules (by name). */
export function saveBoard(db: Db, input: BoardInput, actor: Actor, now = new Date().toISOString()): Board {
  return inTransaction(db, () => {
    const before = findBoard(db, input.name) ?? null;
    stmt(db, `INSERT INTO boards (name, quorum, imaging_max_days, labs_max_days, updated_at) VALUES (@name, @quorum, @imaging, @labs, @now)
      ON CONFLICT (name) DO UPDATE SET quorum = excluded.quorum, imaging_max_days = excluded.imaging_max_days,
        labs_max_days = excluded.labs_max_days, updated_at = excluded.updated_at`)
      .run({ name: input.name, quorum: JSON.stringify(input.quorum), imaging: input.imaging_max_days, labs: input.labs_max_days, now });
    const board = findBoard(db, input.name);
    if (!board) throw new Error(`board ${input.name} was not saved`);
    appendAudit(db, { actor: actor.label, action: before ? 'board.update' : 'board.create', entity: 'board', entityId: board.id, before, after: withSeals(db, board, [['boards', board.id]]) }, now);
    return board;
  });
}

/** The board of that name, created with the default rules when it is new. */
export function ensureBoard(db: Db, name: string, actor: Actor, now = new Date().toISOString()): Board {
  return findBoard(db, name) ?? saveBoard(db, {
    name, quorum: [...DEFAULT_QUORUM], imaging_max_days: DEFAULT_IMAGING_MAX_DAYS, labs_max_days: DEFAULT_LABS_MAX_DAYS,
  }, actor, now);
}
