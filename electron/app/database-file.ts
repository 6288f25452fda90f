/**
 * Work on the database FILE rather than through an open core: the process's database key (set once per run,
 * before any context opens) and in-place encryption or re-keying (the file must be closed). Front ends reach
 * db/ only through here and the app context.
 */
export { rekeyFile } from '../../db/encrypt';
export { currentKey, onPlaintextOpen, PASSPHRASE_ENV, resetProcessKey, setProcessKey } from '../../db/keys';
export { setProcessAuditKeyFile } from '../../db/auditKey';
export { hasPlainHeader } from '../../db/connection';
