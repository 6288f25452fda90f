/**
 * Schema v4 (issue 6, outcomes follow-up): imaging response assessments (inputs and computed result), CTCAE
 * toxicities (with the CTCAE version) and progression/death events, each tied to a decision. Rows are
 * append-only: the only change allowed is a one-time retraction (who, when, why) of an entry made in error.
 */
export default /* sql */ `
CREATE TABLE response_assessments (
  id                   INTEGER PRIMARY KEY,
  decision_id          INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
  case_id              INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
  date                 TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  method               TEXT NOT NULL CHECK (method IN ('recist11', 'mrecist')),
  modality             TEXT NOT NULL,
  inputs               TEXT NOT NULL CHECK (json_valid(inputs) AND json_type(inputs) = 'object'),
  result               TEXT NOT NULL CHECK (json_valid(result) AND json_type(result) = 'object'),
  response             TEXT NOT NULL CHECK (response IN ('CR', 'PR', 'SD', 'PD')),
  days_after_treatment INTEGER,
  note                 TEXT NOT NULL DEFAULT '',
  recorded_by          TEXT NOT NULL,
  recorded_at          TEXT NOT NULL,
  retracted_at         TEXT,
  retracted_by         TEXT,
  retraction_reason    TEXT,
  CHECK (retracted_at IS NULL OR (retracted_by IS NOT NULL AND trim(retraction_reason) <> ''))
) STRICT;
CREATE INDEX response_assessments_decision ON response_assessments (decision_id, date);
CREATE INDEX response_assessments_case ON response_assessments (case_id, date);

CREATE TABLE toxicities (
  id                   INTEGER PRIMARY KEY,
  decision_id          INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
  case_id              INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
  term                 TEXT NOT NULL CHECK (trim(term) <> ''),
  grade                INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
  ctcae_version        TEXT NOT NULL CHECK (trim(ctcae_version) <> ''),
  date                 TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  days_after_treatment INTEGER,
  timepoint            TEXT NOT NULL CHECK (timepoint IN ('30_day', '6_month', 'other')),
  grouping             TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  recorded_by          TEXT NOT NULL,
  recorded_at          TEXT NOT NULL,
  retracted_at         TEXT,
  retracted_by         TEXT,
  retraction_reason    TEXT,
  CHECK (retracted_at IS NULL OR (retracted_by IS NOT NULL AND trim(retraction_reason) <> ''))
) STRICT;
CREATE INDEX toxicities_decision ON toxicities (decision_id, date);
CREATE INDEX toxicities_case ON toxicities (case_id, date);

CREATE TABLE outcome_events (
  id                   INTEGER PRIMARY KEY,
  decision_id          INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
  case_id              INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
  kind                 TEXT NOT NULL CHECK (kind IN ('hepatic_progression', 'overall_progression', 'death')),
  date                 TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  days_after_treatment INTEGER,
  note                 TEXT NOT NULL DEFAULT '',
  recorded_by          TEXT NOT NULL,
  recorded_at          TEXT NOT NULL,
  retracted_at         TEXT,
  retracted_by         TEXT,
  retraction_reason    TEXT,
  CHECK (retracted_at IS NULL OR (retracted_by IS NOT NULL AND trim(retraction_reason) <> ''))
) STRICT;
CREATE INDEX outcome_events_decision ON outcome_events (decision_id, kind);
CREATE INDEX outcome_events_case ON outcome_events (case_id, kind);

-- Append-only: no delete; the only update is a one-time retraction that changes nothing else.
CREATE TRIGGER response_assessments_no_delete BEFORE DELETE ON response_assessments
BEGIN SELECT RAISE(ABORT, 'read-only: outcome entries are append-only; retract it instead'); END;
CREATE TRIGGER response_assessments_retract_only BEFORE UPDATE ON response_assessments
  WHEN OLD.retracted_at IS NOT NULL OR NEW.retracted_at IS NULL OR NEW.id IS NOT OLD.id OR NEW.decision_id IS NOT OLD.decision_id
    OR NEW.case_id IS NOT OLD.case_id OR NEW.date IS NOT OLD.date OR NEW.method IS NOT OLD.method OR NEW.modality IS NOT OLD.modality
    OR NEW.inputs IS NOT OLD.inputs OR NEW.result IS NOT OLD.result OR NEW.response IS NOT OLD.response
    OR NEW.days_after_treatment IS NOT OLD.days_after_treatment OR NEW.note IS NOT OLD.note OR NEW.recorded_by IS NOT OLD.recorded_by
    OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'read-only: outcome entries are append-only; retract it (once) instead'); END;

CREATE TRIGGER toxicities_no_delete BEFORE DELETE ON toxicities
BEGIN SELECT RAISE(ABORT, 'read-only: outcome entries are append-only; retract it instead'); END;
CREATE TRIGGER toxicities_retract_only BEFORE UPDATE ON toxicities
  WHEN OLD.retracted_at IS NOT NULL OR NEW.retracted_at IS NULL OR NEW.id IS NOT OLD.id OR NEW.decision_id IS NOT OLD.decision_id
    OR NEW.case_id IS NOT OLD.case_id OR NEW.term IS NOT OLD.term OR NEW.grade IS NOT OLD.grade OR NEW.ctcae_version IS NOT OLD.ctcae_version
    OR NEW.date IS NOT OLD.date OR NEW.days_after_treatment IS NOT OLD.days_after_treatment OR NEW.timepoint IS NOT OLD.timepoint
    OR NEW.grouping IS NOT OLD.grouping OR NEW.note IS NOT OLD.note OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'read-only: outcome entries are append-only; retract it (once) instead'); END;

CREATE TRIGGER outcome_events_no_delete BEFORE DELETE ON outcome_events
BEGIN SELECT RAISE(ABORT, 'read-only: outcome entries are append-only; retract it instead'); END;
CREATE TRIGGER outcome_events_retract_only BEFORE UPDATE ON outcome_events
  WHEN OLD.retracted_at IS NOT NULL OR NEW.retracted_at IS NULL OR NEW.id IS NOT OLD.id OR NEW.decision_id IS NOT OLD.decision_id
    OR NEW.case_id IS NOT OLD.case_id OR NEW.kind IS NOT OLD.kind OR NEW.date IS NOT OLD.date
    OR NEW.days_after_treatment IS NOT OLD.days_after_treatment OR NEW.note IS NOT OLD.note OR NEW.recorded_by IS NOT OLD.recorded_by
    OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'read-only: outcome entries are append-only; retract it (once) instead'); END;
`;
