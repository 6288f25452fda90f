// The whole contract, table-driven: every operation declares who may call it (here); the dispatcher enforces exactly
// that for every role and every transport reaches every operation (contract.suite.ts, run here on SQLite and by
// contract.pg.test.ts on PostgreSQL).
import { describe, expect, it, vi } from 'vitest';
import { operations, OPERATION_NAMES, SIGNED_IN, USER_ROLES } from '../../shared/api';
import { contractSuite } from './contract.suite';

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>();
  return { handlers, ipcMain: { handle: (c: string, fn: (event: never, ...args: unknown[]) => Promise<unknown>) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) } };
});
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));

describe('the contract declares who may call each operation', () => {
  it.each(OPERATION_NAMES)('%s', (name) => {
    const access = operations[name].access;
    if (access === SIGNED_IN) return;
    expect(access.length).toBeGreaterThan(0);
    for (const role of access) expect(USER_ROLES).toContain(role);
  });

  it('reads are open to every signed-in role; users and restore are the administrator\'s; signing the chair\'s', () => {
    expect(operations['cases.list'].access).toBe(SIGNED_IN);
    expect(operations['cases.update'].access).toEqual(['coordinator', 'admin']);
    expect(operations['imports.csvImport'].access).toEqual(['coordinator', 'admin']);
    expect(operations['decisions.record'].access).toEqual(['chair', 'coordinator']);
    expect(operations['meetings.sign'].access).toEqual(['chair']);
    expect(operations['backups.restore'].access).toEqual(['admin']);
    expect(operations['backups.restoreFile'].access).toEqual(['admin']);
  });
});

contractSuite('sqlite', fake.handlers);
