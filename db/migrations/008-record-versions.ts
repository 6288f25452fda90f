/**
 * Schema v8 (issue 10 point 4, two people, one record): boards, agenda items and decisions carry a version for
 * optimistic concurrency, as cases and meetings do since v1/v2. A save names the version it was based on; a stale
 * one is refused (CONFLICT naming who changed the record and when) instead of silently overwriting. The counter is
 * bookkeeping, not what the record says: row seals (db/seals.ts) keep their columns, so rows sealed before v8
 * still verify. Rows already there start at version 1.
 */
export default /* sql */ `
ALTER TABLE boards ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE agenda_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
`;
