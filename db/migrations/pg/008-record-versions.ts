/** PostgreSQL schema v8, mirroring db/migrations/008-record-versions.ts: versions on boards, agenda items, decisions. */
export default /* sql */ `
ALTER TABLE boards ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE agenda_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
`;
