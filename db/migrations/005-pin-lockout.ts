/**
 * Schema v5 (issue 12, PINs that resist guessing): each profile counts wrong PINs in a row; the fifth locks
 * it until `pin_locked_until` (ISO time). Both columns are bookkeeping, not part of what a profile is: the
 * lock itself is audited (profile.lock).
 */
export default /* sql */ `
ALTER TABLE profiles ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
ALTER TABLE profiles ADD COLUMN pin_locked_until TEXT;
`;
