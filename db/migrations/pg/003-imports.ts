/** PostgreSQL schema v3, mirroring db/migrations/003-imports.ts: saved CSV column mappings. */
export default /* sql */ `
CREATE TABLE import_mappings (
  source     TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('csv')),
  mapping    TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
  updated_at TEXT NOT NULL
);
`;
