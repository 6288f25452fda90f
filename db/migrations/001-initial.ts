/** Schema v1: patients, cases (referrals), the case search index, the hash-chained audit log, app metadata. */
export default /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
  id          INTEGER PRIMARY KEY,
  identifier  TEXT NOT NULL UNIQUE,
  family_name TEXT NOT NULL,
  given_name  TEXT NOT NULL DEFAULT '',
  birth_date  TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  sex         TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE cases (
  id                  INTEGER PRIMARY KEY,
  patient_id          INTEGER NOT NULL REFERENCES patients(id) ON DELETE RESTRICT,
  status              TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'listed', 'discussed', 'closed')),
  -- Copy of facts.primary_tumor, for filtering from an index.
  primary_tumor       TEXT,
  -- Workflow order, so sorting by status reads draft → closed rather than alphabetically.
  status_rank         INTEGER GENERATED ALWAYS AS (CASE status WHEN 'draft' THEN 0 WHEN 'ready' THEN 1
                        WHEN 'listed' THEN 2 WHEN 'discussed' THEN 3 ELSE 4 END) VIRTUAL,
  -- Copy of the patient's folded "family given" so the list can sort by name from an index.
  sort_name           TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;

-- The referral's text and clinical facts (CONTRACT.md input, one JSON object), kept out of the cases row
-- so that list queries filter and sort over narrow rows. Exactly one row per case, written with it.
CREATE TABLE case_details (
  case_id             INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  referring_clinician TEXT NOT NULL DEFAULT '',
  diagnosis           TEXT NOT NULL DEFAULT '',
  question            TEXT NOT NULL DEFAULT '',
  facts               TEXT NOT NULL CHECK (json_valid(facts) AND json_type(facts) = 'object')
) STRICT;

CREATE INDEX cases_patient ON cases (patient_id);
CREATE INDEX cases_updated ON cases (updated_at);
CREATE INDEX cases_name ON cases (sort_name);
CREATE INDEX cases_status ON cases (status, updated_at);
CREATE INDEX cases_status_rank ON cases (status_rank);
CREATE INDEX cases_primary ON cases (primary_tumor, updated_at);

-- Folded text of patient name, identifier, diagnosis, question and primary; rowid = cases.id.
-- Kept in step by db/repositories/cases.ts in the same transaction as every case or patient write.
CREATE VIRTUAL TABLE case_search USING fts5 (
  body,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '1 2 3'
);

-- Append-only, hash-chained: hash = sha256(prev_hash + canonical row). db/audit.ts writes and verifies it.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before    TEXT CHECK (before IS NULL OR json_valid(before)),
  after     TEXT CHECK (after IS NULL OR json_valid(after)),
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
