// The desktop's rotating log file: one line per event, rotated by size, a bounded number of old files kept.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLog, LOG_FILE } from '../../electron/app/file-log';
import { useTempDir } from './helpers/fixtures';

const tempDir = useTempDir();
const at = () => new Date('2026-12-02T10:00:00.000Z');

describe('createFileLog', () => {
  it('writes one line per message with its time, newlines folded', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = createFileLog({ dir, now: at });
    log('automatic backup failed: disk full');
    log('two\nlines');
    expect(readFileSync(path.join(dir, LOG_FILE), 'utf8')).toBe(
      '2026-12-02T10:00:00.000Z automatic backup failed: disk full\n2026-12-02T10:00:00.000Z two lines\n',
    );
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = tempDir();
    // Each line is 24 + 1 + 10 + 1 = 36 bytes; 80 bytes hold two lines.
    const log = createFileLog({ dir, maxBytes: 80, keep: 2, now: at });
    for (let i = 0; i < 7; i++) log(`message ${String(i).padStart(2, '0')}`);
    expect(readdirSync(dir).sort()).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    const lines = (name: string) => readFileSync(path.join(dir, name), 'utf8').trim().split('\n').map((l) => l.slice(25));
    expect(lines(LOG_FILE)).toEqual(['message 06']);
    expect(lines(`${LOG_FILE}.1`)).toEqual(['message 04', 'message 05']);
    expect(lines(`${LOG_FILE}.2`)).toEqual(['message 02', 'message 03']);
  });

  it('never throws when the folder cannot be written', () => {
    const dir = tempDir();
    const log = createFileLog({ dir: path.join(dir, LOG_FILE, 'not-a-folder') });
    createFileLog({ dir })('a file where the folder should be');
    expect(() => log('lost')).not.toThrow();
  });
});
