import { vi } from 'vitest';
import { contractSuite } from './contract.suite';

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>();
  return { handlers, ipcMain: { handle: (c: string, fn: (event: never, ...args: unknown[]) => Promise<unknown>) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) } };
});
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));

contractSuite('postgres', fake.handlers);
