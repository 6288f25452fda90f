/**
 * Opens the application core on one database file: connection + migrations, services, dispatcher.
 * Every transport (Electron main, browser host, CLI) starts here; none of this imports 'electron'.
 */
import { createDispatcher, type Dispatch, type Handlers } from '../api/dispatcher';
import { openDatabase } from '../../db/open';
import type { Db } from '../../db/connection';
import { countCases } from '../../db/repositories/cases';
import { caseHandlers } from '../services/cases';
import { importHandlers } from '../services/imports';
import { engineHandlers } from '../services/engine';
import { meetingHandlers } from '../services/meetings';
import { minutesHandlers } from '../minutes/service';
import { isDemoDatabase, seedDemo } from '../services/demo';
import { APP_VERSION } from './version';

export interface OpenOptions {
  dbPath: string;
  transport: 'electron' | 'browser-host' | 'cli';
  /** When the file does not exist yet, fill it with synthetic demo cases (never start on an empty screen). */
  demoIfMissing?: boolean;
  demoCases?: number;
}

export interface AppContext {
  db: Db;
  dispatch: Dispatch;
  /** True when this run created the demo database. */
  createdDemo: boolean;
  close(): void;
}

export function buildHandlers(db: Db, transport: OpenOptions['transport']): Handlers {
  return {
    'app.info': () => ({ version: APP_VERSION, transport, demo: isDemoDatabase(db), case_count: countCases(db) }),
    ...caseHandlers(db),
    ...importHandlers(db),
    ...engineHandlers(),
    ...meetingHandlers(db),
    ...minutesHandlers(db),
  };
}

export function openAppContext(options: OpenOptions): AppContext {
  const { db, created } = openDatabase(options.dbPath);
  let createdDemo = false;
  if (created && options.demoIfMissing) {
    seedDemo(db, options.demoCases);
    createdDemo = true;
  }
  const dispatch = createDispatcher(buildHandlers(db, options.transport));
  return {
    db,
    dispatch,
    createdDemo,
    close: () => {
      if (db.open) db.close();
    },
  };
}
