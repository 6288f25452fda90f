/** Errors from opening or migrating a database file; messages are meant for the person at the keyboard. */
export class DatabaseOpenError extends Error {
  constructor(message: string, readonly reason: 'too_new' | 'not_a_database' | 'not_ours' | 'migration_failed' | 'locked' | 'wrong_key' | 'not_encrypted') {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
