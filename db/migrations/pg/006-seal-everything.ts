/** PostgreSQL schema v6, mirroring db/migrations/006-seal-everything.ts: no table changes (seals start here). */
export default /* sql */ `
-- v6: rows of patients, cases, case_details, profiles, boards and attendees are sealed in the audit log.
SELECT 1;
`;
