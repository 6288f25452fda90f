// The relay and the core behind a MessagePort, with the core in worker threads (the same modules the desktop runs
// in Electron utility processes): calls are relayed, host requests come back to the relay's side, long jobs run in
// the jobs core so the relay keeps answering, and a core that goes away is answered for.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRelay, type Relay, type RelayHost, type RelayOptions } from '../../electron/core/relay';
import { spawnWorkerCore } from '../../electron/core/worker';
import type { CoreLink } from '../../electron/core/relay';
import { LONG_OPERATIONS, RESTORE_OPERATIONS } from '../../electron/core/protocol';
import { isOperationName } from '../../shared/api';
import { DomainError } from '../../shared/errors';
import { syntheticCsv } from '../../bench/imports';
import { buildCoreBundle } from './helpers/core-bundle';
import { useTempDir } from './helpers/fixtures';

let script = '';
beforeAll(async () => {
  script = await buildCoreBundle();
}, 60_000);
afterAll(() => {
  rmSync(path.dirname(script), { recursive: true, force: true });
});

const tempDir = useTempDir();
const relays: Relay[] = [];
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

interface Recorded {
  host: RelayHost;
  asked: string[];
  logs: string[];
  progress: number[];
}

function recordingHost(dir: string, over: Partial<RelayHost> = {}): Recorded {
  const asked: string[] = [];
  const logs: string[] = [];
  const progress: number[] = [];
  const host: RelayHost = {
    renderPdf: async () => new Uint8Array([37, 80, 68, 70]),
    choosePath: async (request) => {
      asked.push(`choosePath:${request.kind}`);
      return path.join(dir, request.suggestedName);
    },
    chooseFile: async () => {
      asked.push('chooseFile');
      throw new DomainError('READ_ONLY', 'no file picker in this test');
    },
    revealFile: async (file) => {
      asked.push(`revealFile:${path.basename(file)}`);
    },
    openFile: async (file) => {
      asked.push(`openFile:${path.basename(file)}`);
    },
    progress: (_task, done) => progress.push(done),
    log: (message) => logs.push(message),
    ...over,
  };
  return { host, asked, logs, progress };
}

function startRelay(
  dir: string, host: RelayHost, spawned: CoreLink[] = [], onCoreExit?: (role: string) => void, onJobsRestart?: RelayOptions['onJobsRestart'],
): Relay {
  const relay = createRelay({
    spawn: () => {
      const link = spawnWorkerCore(script);
      spawned.push(link);
      return link;
    },
    init: { dbPath: path.join(dir, 'board.sqlite'), key: null, transport: 'electron', seat: 'seat-user' },
    host,
    ...(onCoreExit ? { onCoreExit } : {}),
    ...(onJobsRestart ? { onJobsRestart } : {}),
  });
  relays.push(relay);
  return relay;
}

describe('relay and core over a MessagePort', () => {
  it('starts an interactive and a jobs core in worker threads and relays calls', async () => {
    const dir = tempDir();
    const { host } = recordingHost(dir);
    const relay = startRelay(dir, host);
    const ready = await relay.start();
    expect(ready.interactive.process).toBe('worker');
    expect(ready.jobs.process).toBe('worker');
    expect(ready.interactive.createdDemo).toBe(false);
    const info = await relay.call('app.info', {}, 'electron');
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', case_count: 0 } });
    const unknown = await relay.call('no.such', {}, 'electron');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('refuses to start on a file it cannot open, with the core\'s reason', async () => {
    const dir = tempDir();
    const { host } = recordingHost(dir);
    const relay = createRelay({
      spawn: () => spawnWorkerCore(script),
      init: { dbPath: path.join(dir, 'no-such-folder', 'board.sqlite'), key: null, transport: 'electron', seat: 'seat-user' },
      host,
    });
    relays.push(relay);
    await expect(relay.start()).rejects.toThrow(/no-such-folder|directory|unable to open/i);
  });

  it('keeps answering app.info while a 10,000-row CSV import and a backup run', async () => {
    const dir = tempDir();
    const recorded = recordingHost(dir);
    const relay = startRelay(dir, recorded.host);
    await relay.start();
    let jobsDone = false;
    const jobs = Promise.all([
      relay.call('imports.csvImport', { source: 'big.csv', content: syntheticCsv(10_000) }, 'electron'),
      relay.call('backups.export', {}, 'electron'),
    ]).finally(() => {
      jobsDone = true;
    });
    const answers: boolean[] = [];
    while (!jobsDone) {
      const info = await relay.call('app.info', {}, 'electron');
      if (!jobsDone) answers.push(info.ok);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [imported, exported] = await jobs;
    expect(imported).toMatchObject({ ok: true, value: { counts: { create: 10_000 } } });
    expect(exported).toMatchObject({ ok: true, value: { written: true } });
    // Answered all along, every time, while the jobs core was busy.
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.every((ok) => ok)).toBe(true);
    // The save dialog was the relay's (the main process's), the file the jobs core wrote is there, and progress came back.
    expect(recorded.asked).toEqual(['choosePath:backup']);
    const fileName = exported.ok ? (exported.value as { file_name: string }).file_name : '';
    expect(existsSync(path.join(dir, fileName))).toBe(true);
    expect(recorded.progress.at(-1)).toBe(10_000);
    const info = await relay.call('app.info', {}, 'electron');
    expect(info).toMatchObject({ ok: true, value: { case_count: 10_000 } });
  }, 120_000);

  it('runs a job as the profile acting in the interactive core (a member may not import)', async () => {
    const dir = tempDir();
    const { host } = recordingHost(dir);
    const relay = startRelay(dir, host);
    await relay.start();
    const created = await relay.call('profiles.create', { name: 'Dr Member', specialty: 'diagnostic_radiology', role: 'member' }, 'electron');
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: number }).id : 0;
    expect(await relay.call('profiles.select', { id }, 'electron')).toMatchObject({ ok: true });
    const refused = await relay.call('imports.csvImport', { source: 'a.csv', content: syntheticCsv(2) }, 'electron');
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Another session (window) still acts as the seat.
    const other = await relay.call('imports.csvImport', { source: 'a.csv', content: syntheticCsv(2) }, 'other-window');
    expect(other).toMatchObject({ ok: true, value: { counts: { create: 2 } } });
  }, 60_000);

  it('opens or shows in its folder only a file it has just exported, through the main process', async () => {
    const dir = tempDir();
    const recorded = recordingHost(dir);
    const relay = startRelay(dir, recorded.host);
    await relay.start();
    expect(await relay.call('demo.seed', { cases: 100 }, 'electron')).toMatchObject({ ok: true });
    const meetings = await relay.call('meetings.list', {}, 'electron');
    const signed = meetings.ok ? (meetings.value as { id: number; status: string }[]).find((m) => m.status === 'signed') : undefined;
    expect(signed).toBeDefined();
    const exported = await relay.call('minutes.exportPdf', { meeting_id: signed?.id ?? 0 }, 'electron');
    expect(exported).toMatchObject({ ok: true, value: { written: true, folder: dir } });
    const name = exported.ok ? (exported.value as { file_name: string }).file_name : '';
    expect(await relay.call('exports.show', { file_name: name, how: 'open' }, 'electron')).toEqual({ ok: true, value: { shown: true } });
    expect(await relay.call('exports.show', { file_name: name, how: 'folder' }, 'electron')).toEqual({ ok: true, value: { shown: true } });
    expect(recorded.asked.slice(-2)).toEqual([`openFile:${name}`, `revealFile:${name}`]);
    const other = await relay.call('exports.show', { file_name: 'board.sqlite', how: 'open' }, 'electron');
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'file_name' } });
    expect(recorded.asked.slice(-2)).toEqual([`openFile:${name}`, `revealFile:${name}`]);
  }, 60_000);

  it("carries a host's refusal back with its code", async () => {
    const dir = tempDir();
    const recorded = recordingHost(dir);
    const relay = startRelay(dir, recorded.host);
    await relay.start();
    const result = await relay.call('backups.restoreFile', {}, 'electron');
    expect(result).toEqual({ ok: false, error: { code: 'READ_ONLY', message: 'no file picker in this test' } });
    expect(recorded.asked).toEqual(['chooseFile']);
  });

  it('starts a new jobs core at once when the jobs core goes away (not on the next job), and the next job runs there', async () => {
    const dir = tempDir();
    const { host } = recordingHost(dir);
    const spawned: CoreLink[] = [];
    const exits: string[] = [];
    const restarts: Parameters<NonNullable<RelayOptions['onJobsRestart']>>[0][] = [];
    let restarted: () => void = () => undefined;
    const back = new Promise<void>((resolve) => { restarted = resolve; });
    const relay = startRelay(dir, host, spawned, (role) => exits.push(role), (result) => { restarts.push(result); restarted(); });
    const started = await relay.start();
    expect(spawned).toHaveLength(2);
    spawned[1]?.terminate();
    // No call is made: the relay starts the new jobs core by itself (automatic backups run there).
    await back;
    expect(exits).toEqual(['jobs']);
    expect(restarts).toEqual([{ ok: true, ready: { process: 'worker', pid: started.jobs.pid, createdDemo: false } }]);
    expect(spawned).toHaveLength(3);
    const checked = await relay.call('db.check', {}, 'electron');
    expect(checked).toMatchObject({ ok: true, value: { ok: true } });
    expect(spawned).toHaveLength(3);
  }, 60_000);

  it('a jobs core that keeps going away is started again, each time by itself, and the relay keeps answering', async () => {
    const dir = tempDir();
    const { host } = recordingHost(dir);
    const spawned: CoreLink[] = [];
    let restarted: () => void = () => undefined;
    const relay = startRelay(dir, host, spawned, undefined, () => restarted());
    await relay.start();
    for (let n = 1; n <= 3; n++) {
      const back = new Promise<void>((resolve) => { restarted = resolve; });
      spawned.at(-1)?.terminate();
      await back;
      expect(spawned).toHaveLength(2 + n);
    }
    expect(await relay.call('app.info', {}, 'electron')).toMatchObject({ ok: true });
    expect(await relay.call('db.check', {}, 'electron')).toMatchObject({ ok: true, value: { ok: true } });
    expect(spawned).toHaveLength(5);
  }, 60_000);

  it('restores in the interactive core, then restarts the jobs core on the restored file', async () => {
    const dir = tempDir();
    const { host } = recordingHost(dir);
    const spawned: CoreLink[] = [];
    const relay = startRelay(dir, host, spawned);
    await relay.start();
    const backup = await relay.call('backups.create', {}, 'electron');
    expect(backup).toMatchObject({ ok: true, value: { kind: 'manual' } });
    const file = backup.ok ? (backup.value as { file: string }).file : '';
    // After the backup, two cases are imported (by the jobs core); the restore takes the file back to none.
    expect(await relay.call('imports.csvImport', { source: 'a.csv', content: syntheticCsv(2) }, 'electron')).toMatchObject({ ok: true, value: { counts: { create: 2 } } });
    expect(await relay.call('app.info', {}, 'electron')).toMatchObject({ ok: true, value: { case_count: 2 } });
    expect(spawned).toHaveLength(2);
    const restored = await relay.call('backups.restore', { file }, 'electron');
    expect(restored).toMatchObject({ ok: true, value: { restored_from: file, cases: 0 } });
    expect(spawned).toHaveLength(3);
    expect(await relay.call('app.info', {}, 'electron')).toMatchObject({ ok: true, value: { case_count: 0 } });
    // The new jobs core works on the restored file: the two cases import again, not as duplicates.
    expect(await relay.call('imports.csvImport', { source: 'a.csv', content: syntheticCsv(2) }, 'electron')).toMatchObject({ ok: true, value: { counts: { create: 2 } } });
    expect(await relay.call('db.check', {}, 'electron')).toMatchObject({ ok: true, value: { ok: true, cases: 2 } });
  }, 60_000);

  it('lists only operations of the contract as long or restoring', () => {
    expect([...LONG_OPERATIONS, ...RESTORE_OPERATIONS].filter((name) => !isOperationName(name))).toEqual([]);
  });
});
