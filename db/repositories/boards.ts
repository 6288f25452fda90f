/** Boards: each board's quorum rule and the recency limits of its completeness gate. */
import type { DbLike as Db } from '../sql/port';
import { appendAudit } from '../audit';
import { withSeals } from '../seals';
import { inTransaction, stmt } from '../statements';
import { DomainError } from '../../shared/errors';
import { lastAuditOf, requireVersion } from './changes';
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
  version: number;
  updated_at: string;
}

const toBoard = (r: BoardRow): Board => ({
  id: r.id, name: r.name, quorum: JSON.parse(r.quorum) as Specialty[], imaging_max_days: r.imaging_max_days,
  labs_max_days: r.labs_max_days, version: r.version, updated_at: r.updated_at,
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

/**
 * Creates a board, or replaces its rules (by name) when `version` is the one stored: a save based on an older
 * version is refused (CONFLICT naming who changed the board and when), and so is creating a board that exists.
 */
export function saveBoard(db: Db, input: BoardInput & { version?: number | undefined }, actor: Actor, now = new Date().toISOString()): Board {
  return inTransaction(db, () => {
    const before = findBoard(db, input.name) ?? null;
    const values = { name: input.name, quorum: JSON.stringify(input.quorum), imaging: input.imaging_max_days, labs: input.labs_max_days, now };
    if (before) {
      requireVersion(`board ${before.name}`, before.version, input.version, () => lastAuditOf(db, 'board', before.id));
      stmt(db, `UPDATE boards SET quorum = @quorum, imaging_max_days = @imaging, labs_max_days = @labs, updated_at = @now,
        version = version + 1 WHERE name = @name`).run(values);
    } else {
      if (input.version !== undefined) throw new DomainError('NOT_FOUND', `there is no board named ${input.name}`, 'name');
      stmt(db, 'INSERT INTO boards (name, quorum, imaging_max_days, labs_max_days, updated_at) VALUES (@name, @quorum, @imaging, @labs, @now)').run(values);
    }
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
