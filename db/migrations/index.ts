/**
 * Numbered migrations. Append only: a shipped migration is never edited (a schema snapshot test guards it).
 * `version` is what PRAGMA user_version holds after the step.
 */
import m001 from './001-initial';
import m002 from './002-meetings';
import m003 from './003-imports';
import m004 from './004-outcomes';
import m005 from './005-pin-lockout';
import m006 from './006-seal-everything';
import m007 from './007-accounts';
import m008 from './008-record-versions';
import type { Db } from '../connection';
import { sealBaseline } from '../seals';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (hashing), run after `sql` in the same transaction. */
  after?: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'meetings', sql: m002 },
  { version: 3, name: 'imports', sql: m003 },
  { version: 4, name: 'outcomes', sql: m004 },
  { version: 5, name: 'pin-lockout', sql: m005 },
  { version: 6, name: 'seal-everything', sql: m006, after: (db) => sealBaseline(db, 6) },
  { version: 7, name: 'accounts', sql: m007 },
  { version: 8, name: 'record-versions', sql: m008 },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
