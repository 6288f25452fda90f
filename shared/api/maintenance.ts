/**
 * Looking after the database file: the checks behind `tumour-board check` and `audit`, a consistent copy written
 * where the host chooses (a save dialog; --out), restore from a file the host chooses (an open dialog; --from),
 * and synthetic demo data for an empty database. All of it is the administrator's, apart from copies.
 */
import { z } from 'zod';
import { restoreResultSchema } from '../domain/imports';
import { ROLE_GROUPS } from './access';
import { op } from './op';

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

export const maintenanceOperations = {
  /** Integrity, foreign keys, protection triggers, audit chain, record seals, search index. */
  'db.check': op(z.strictObject({}), z.object({
    ok: z.boolean(),
    /** Each problem in words (for the audit chain: the first broken row). */
    problems: z.array(z.string()),
    audit_rows: z.number().int().min(0),
    cases: z.number().int().min(0),
  }), ROLE_GROUPS.admin),
  /** The audit chain, then every meeting record against the state its last audit row recorded. */
  'audit.verify': op(z.strictObject({
    /** Also show this audit row (its id and short hash), e.g. the one printed on signed minutes. */
    row: z.number().int().positive().optional(),
  }), z.object({
    ok: z.boolean(),
    audit_rows: z.number().int().min(0),
    /** The newest row: id and the first 12 digits of its hash (null for an empty log). */
    head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
    /** The first row under the audit key (older rows verify under the earlier, unkeyed scheme); null when none. */
    keyed_from: z.number().int().nullable(),
    /** The row asked for with `row` (null when not asked for or not there). */
    row: z.object({ id: z.number().int(), hash: z.string(), at: z.string(), action: z.string() }).nullable(),
    /** Meeting record rows compared with their seals (0 when the chain is already broken). */
    record_rows: z.number().int().min(0),
    /** The first problem in words (the first broken link, or the anchored head missing), then any other altered rows. */
    problems: z.array(z.string()),
  }), ROLE_GROUPS.admin),
  /** A checked copy of the database (with its manifest) where the host chooses; `written: false` when cancelled. */
  'backups.export': op(z.strictObject({}), z.object({
    written: z.boolean(),
    file_name: z.string().nullable(),
    bytes: z.number().int().min(0),
    sha256: z.string().nullable(),
    audit_head: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
  }), ROLE_GROUPS.data),
  /** Restores a backup file the host chooses (validated first; the current database is kept); null when cancelled. */
  'backups.restoreFile': op(z.strictObject({}), restoreResultSchema.nullable(), ROLE_GROUPS.admin),
  /** Fills an EMPTY database with exactly `cases` synthetic cases (and demo meetings from 100 cases on). */
  'demo.seed': op(
    z.strictObject({ cases: whole(1, 200_000).default(240), seed: whole(0, 2 ** 31).default(1) }),
    z.object({ cases: z.number().int().min(0) }),
    ROLE_GROUPS.admin,
  ),
} as const;
