/**
 * Opens the application core on one database file: connection + migrations, services, dispatcher.
 * Every transport (Electron main, browser host, CLI) starts here; none of this imports 'electron'.
 */
import type { Dispatch } from '../api/dispatcher';

export interface OpenOptions {
  dbPath: string;
  transport: 'electron' | 'browser-host' | 'cli';
  /** When the file does not exist yet, fill it with synthetic demo cases (never start on an empty screen). */
  demoIfMissing?: boolean;
}

export interface AppContext {
  dispatch: Dispatch;
  /** True when this run created the demo database. */
  createdDemo: boolean;
  close(): void;
}

export declare function openAppContext(options: OpenOptions): AppContext;
