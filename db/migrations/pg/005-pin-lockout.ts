/** PostgreSQL schema v5, mirroring db/migrations/005-pin-lockout.ts: wrong-PIN counting and lock. */
export default /* sql */ `
ALTER TABLE profiles ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
ALTER TABLE profiles ADD COLUMN pin_locked_until TEXT;
`;
