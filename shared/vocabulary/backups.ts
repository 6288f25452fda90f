/** Why an automatic backup failed, in the words the warning banner, the log and the CLI print. */
import type { BackupProblem } from '../domain/imports';

export const BACKUP_PROBLEM_WORDS: Record<BackupProblem, string> = {
  disk_full: 'the disk is full, so there was no room for the copy',
  no_access: 'the backups folder could not be written (no permission, or the disk is read-only)',
  disk_error: 'the disk reported an error while the copy was written',
  busy: 'the database was busy for too long',
  other: 'the copy could not be made',
};
