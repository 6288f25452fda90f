/**
 * Schema v7 (issue 10, the board server): accounts for network mode and their sign-in sessions.
 * A password is kept only as a salted scrypt hash; a session only as the SHA-256 of its cookie value, so a
 * copy of the database (a backup) cannot be used to sign in or to ride a session.
 */
export default /* sql */ `
CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 100),
  role           TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'chair', 'member')),
  -- 'scrypt$N$r$p$salt_hex$hash_hex'; never the password itself.
  password_hash  TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  -- The meeting profile this account acts as (chair, attendee...); NULL for an administrator.
  profile_id     INTEGER REFERENCES profiles(id) ON DELETE RESTRICT,
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins  INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
  token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  ended_at      TEXT,
  end_reason    TEXT CHECK (end_reason IS NULL OR end_reason IN ('logout', 'idle', 'expired', 'disabled', 'password_reset'))
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id, ended_at);
`;
