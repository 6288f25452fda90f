/**
 * Schema v3 (issue 6, data in and out): saved CSV column mappings per source. Registered after v2 (meetings).
 */
export default /* sql */ `
CREATE TABLE import_mappings (
  source     TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('csv')),
  mapping    TEXT NOT NULL CHECK (json_valid(mapping) AND json_type(mapping) = 'object'),
  updated_at TEXT NOT NULL
) STRICT;
`;
