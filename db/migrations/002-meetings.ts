/**
 * Schema v2: board meetings. Profiles (who is acting; PIN as a salted scrypt hash), boards (quorum and recency
 * rules), meetings, attendees, agenda items, decisions (with the engine snapshot), amendments, follow-ups; the
 * case's latest imaging and labs dates. Triggers make a signed meeting, its attendees, agenda and decisions
 * read-only in the database itself; amendments and follow-ups are append-only rows.
 */
export default /* sql */ `
ALTER TABLE case_details ADD COLUMN last_imaging_date TEXT
  CHECK (last_imaging_date IS NULL OR last_imaging_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
ALTER TABLE case_details ADD COLUMN last_labs_date TEXT
  CHECK (last_labs_date IS NULL OR last_labs_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

CREATE TABLE profiles (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  specialty   TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('coordinator', 'member', 'chair')),
  -- 'scrypt$N$r$p$salt_hex$hash_hex' or NULL; never the PIN itself.
  pin_hash    TEXT CHECK (pin_hash IS NULL OR pin_hash LIKE 'scrypt$%'),
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE boards (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  quorum           TEXT NOT NULL CHECK (json_valid(quorum) AND json_type(quorum) = 'array'),
  imaging_max_days INTEGER NOT NULL CHECK (imaging_max_days BETWEEN 1 AND 365),
  labs_max_days    INTEGER NOT NULL CHECK (labs_max_days BETWEEN 1 AND 365),
  updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE meetings (
  id                     INTEGER PRIMARY KEY,
  board_id               INTEGER NOT NULL REFERENCES boards(id) ON DELETE RESTRICT,
  scheduled_at           TEXT NOT NULL,
  location               TEXT NOT NULL DEFAULT '',
  video_link             TEXT NOT NULL DEFAULT '',
  chair_profile_id       INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  coordinator_profile_id INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  status                 TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'concluded', 'signed')),
  -- The quorum as recorded when the meeting concluded (JSON), for the minutes.
  quorum_record          TEXT CHECK (quorum_record IS NULL OR json_valid(quorum_record)),
  version                INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  started_at             TEXT,
  concluded_at           TEXT,
  signed_at              TEXT,
  signed_by              TEXT,
  signed_by_profile_id   INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_board_time ON meetings (board_id, scheduled_at);
CREATE INDEX meetings_status ON meetings (status, scheduled_at);

CREATE TABLE attendees (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
  profile_id  INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  name        TEXT NOT NULL,
  specialty   TEXT NOT NULL,
  attendance  TEXT NOT NULL CHECK (attendance IN ('attended', 'apologies')),
  position    INTEGER NOT NULL
) STRICT;
CREATE INDEX attendees_meeting ON attendees (meeting_id, position);

CREATE TABLE agenda_items (
  id                 INTEGER PRIMARY KEY,
  meeting_id         INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
  case_id            INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
  position           INTEGER NOT NULL CHECK (position >= 1),
  minutes_allotted   INTEGER NOT NULL DEFAULT 10 CHECK (minutes_allotted BETWEEN 1 AND 120),
  presenter          TEXT NOT NULL DEFAULT '',
  standard_of_care   INTEGER NOT NULL DEFAULT 0 CHECK (standard_of_care IN (0, 1)),
  override_reason    TEXT,
  ready_at_listing   INTEGER NOT NULL CHECK (ready_at_listing IN (0, 1)),
  -- The gate's result when the case was listed (JSON), so an override stays explained.
  readiness_at_listing TEXT NOT NULL CHECK (json_valid(readiness_at_listing)),
  created_at         TEXT NOT NULL,
  UNIQUE (meeting_id, case_id),
  CHECK (ready_at_listing = 1 OR override_reason IS NOT NULL)
) STRICT;
CREATE INDEX agenda_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_case ON agenda_items (case_id);

CREATE TABLE decisions (
  id                           INTEGER PRIMARY KEY,
  meeting_id                   INTEGER NOT NULL REFERENCES meetings(id) ON DELETE RESTRICT,
  agenda_item_id               INTEGER NOT NULL UNIQUE REFERENCES agenda_items(id) ON DELETE RESTRICT,
  case_id                      INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
  plan                         TEXT NOT NULL,
  plan_detail                  TEXT NOT NULL DEFAULT '',
  intent                       TEXT NOT NULL CHECK (intent IN ('curative', 'palliative', 'bridging_to_transplant', 'consolidation', 'symptom_control')),
  rationale                    TEXT NOT NULL DEFAULT '',
  consensus                    TEXT NOT NULL CHECK (consensus IN ('unanimous', 'majority')),
  dissent                      TEXT NOT NULL CHECK (json_valid(dissent) AND json_type(dissent) = 'array'),
  actions                      TEXT NOT NULL CHECK (json_valid(actions) AND json_type(actions) = 'array'),
  follow_up_date               TEXT,
  patient_preference_discussed INTEGER NOT NULL CHECK (patient_preference_discussed IN (0, 1)),
  discordance_reason           TEXT,
  facts_snapshot               TEXT NOT NULL CHECK (json_valid(facts_snapshot)),
  engine_snapshot              TEXT NOT NULL CHECK (json_valid(engine_snapshot)),
  engine_version               TEXT NOT NULL,
  plan_strength                TEXT CHECK (plan_strength IS NULL OR plan_strength IN ('recommended', 'consider', 'not_recommended', 'contraindicated')),
  concordance                  TEXT NOT NULL CHECK (concordance IN ('concordant', 'discordant', 'not_assessed')),
  recorded_by                  TEXT NOT NULL,
  recorded_by_profile_id       INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  recorded_at                  TEXT NOT NULL,
  CHECK (concordance <> 'discordant' OR (discordance_reason IS NOT NULL AND trim(discordance_reason) <> ''))
) STRICT;
CREATE INDEX decisions_meeting ON decisions (meeting_id);
CREATE INDEX decisions_case ON decisions (case_id);
CREATE INDEX decisions_follow_up ON decisions (follow_up_date);

CREATE TABLE decision_amendments (
  id                     INTEGER PRIMARY KEY,
  decision_id            INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
  reason                 TEXT NOT NULL CHECK (trim(reason) <> ''),
  changed_fields         TEXT NOT NULL CHECK (json_valid(changed_fields) AND json_type(changed_fields) = 'array'),
  before                 TEXT NOT NULL CHECK (json_valid(before)),
  after                  TEXT NOT NULL CHECK (json_valid(after)),
  amended_by             TEXT NOT NULL,
  amended_by_profile_id  INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  amended_at             TEXT NOT NULL
) STRICT;
CREATE INDEX amendments_decision ON decision_amendments (decision_id, id);

CREATE TABLE followups (
  id           INTEGER PRIMARY KEY,
  decision_id  INTEGER NOT NULL REFERENCES decisions(id) ON DELETE RESTRICT,
  outcome      TEXT NOT NULL CHECK (outcome IN ('implemented', 'changed')),
  date         TEXT,
  reason       TEXT,
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  CHECK (outcome <> 'changed' OR (reason IS NOT NULL AND trim(reason) <> '')),
  CHECK (outcome <> 'implemented' OR date IS NOT NULL)
) STRICT;
CREATE INDEX followups_decision ON followups (decision_id, id);

-- Sign-off is final: a signed meeting and everything under it is read-only; corrections are amendments.
CREATE TRIGGER meetings_signed_no_update BEFORE UPDATE ON meetings WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: this meeting is signed; record an amendment instead'); END;
CREATE TRIGGER meetings_signed_no_delete BEFORE DELETE ON meetings WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: this meeting is signed and cannot be deleted'); END;
-- Signing needs a concluded meeting (so no row reaches 'signed' by skipping the workflow).
CREATE TRIGGER meetings_sign_from_concluded BEFORE UPDATE OF status ON meetings
  WHEN NEW.status = 'signed' AND OLD.status <> 'concluded'
BEGIN SELECT RAISE(ABORT, 'a meeting can be signed only once concluded'); END;
CREATE TRIGGER meetings_insert_not_signed BEFORE INSERT ON meetings WHEN NEW.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'a meeting cannot be created signed'); END;

CREATE TRIGGER attendees_signed_no_insert BEFORE INSERT ON attendees
  WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: the attendees of a signed meeting cannot change'); END;
CREATE TRIGGER attendees_signed_no_update BEFORE UPDATE ON attendees
  WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed' OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: the attendees of a signed meeting cannot change'); END;
CREATE TRIGGER attendees_signed_no_delete BEFORE DELETE ON attendees
  WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: the attendees of a signed meeting cannot change'); END;

CREATE TRIGGER agenda_signed_no_insert BEFORE INSERT ON agenda_items
  WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: the agenda of a signed meeting cannot change'); END;
CREATE TRIGGER agenda_signed_no_update BEFORE UPDATE ON agenda_items
  WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed' OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: the agenda of a signed meeting cannot change'); END;
CREATE TRIGGER agenda_signed_no_delete BEFORE DELETE ON agenda_items
  WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: the agenda of a signed meeting cannot change'); END;

CREATE TRIGGER decisions_signed_no_insert BEFORE INSERT ON decisions
  WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: a signed meeting takes no new decisions; record an amendment instead'); END;
CREATE TRIGGER decisions_signed_no_update BEFORE UPDATE ON decisions
  WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed' OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: this decision belongs to a signed meeting; record an amendment instead'); END;
CREATE TRIGGER decisions_signed_no_delete BEFORE DELETE ON decisions
  WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'read-only: this decision belongs to a signed meeting; record an amendment instead'); END;

CREATE TRIGGER amendments_no_update BEFORE UPDATE ON decision_amendments
BEGIN SELECT RAISE(ABORT, 'read-only: amendments are append-only'); END;
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON decision_amendments
BEGIN SELECT RAISE(ABORT, 'read-only: amendments are append-only'); END;
CREATE TRIGGER amendments_only_when_signed BEFORE INSERT ON decision_amendments
  WHEN (SELECT m.status FROM decisions d JOIN meetings m ON m.id = d.meeting_id WHERE d.id = NEW.decision_id) IS NOT 'signed'
BEGIN SELECT RAISE(ABORT, 'an amendment is for a decision of a signed meeting; change the decision itself before sign-off'); END;

CREATE TRIGGER followups_no_update BEFORE UPDATE ON followups
BEGIN SELECT RAISE(ABORT, 'read-only: follow-ups are append-only; record a new one'); END;
CREATE TRIGGER followups_no_delete BEFORE DELETE ON followups
BEGIN SELECT RAISE(ABORT, 'read-only: follow-ups are append-only; record a new one'); END;
`;

/** The protection triggers of this migration, which `check` verifies are still in place. */
export const MEETING_TRIGGERS = [
  'meetings_signed_no_update', 'meetings_signed_no_delete', 'meetings_sign_from_concluded', 'meetings_insert_not_signed',
  'attendees_signed_no_insert', 'attendees_signed_no_update', 'attendees_signed_no_delete',
  'agenda_signed_no_insert', 'agenda_signed_no_update', 'agenda_signed_no_delete',
  'decisions_signed_no_insert', 'decisions_signed_no_update', 'decisions_signed_no_delete',
  'amendments_no_update', 'amendments_no_delete', 'amendments_only_when_signed',
  'followups_no_update', 'followups_no_delete',
] as const;
