/**
 * Schema v6 (issue 12, seals on everything): patients, cases, case details, profiles, boards and attendees are
 * sealed from now on (db/seals.ts). No table changes; after this step, db/migrations/index.ts seals every row
 * such a table already holds in one audit row ('seal.baseline'), so an upgraded file starts out verifiable.
 */
export default /* sql */ `
-- v6: rows of patients, cases, case_details, profiles, boards and attendees are sealed in the audit log.
`;
