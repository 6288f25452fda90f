/**
 * The CLI asks for the passphrase on the terminal (no echo) when the database is encrypted and neither
 * TUMOUR_BOARD_PASSPHRASE nor --passphrase-file is given; without a terminal it keeps the clear error.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../electron/cli/command';
import { runCli } from '../../electron/cli/main';
import { PromptCancelled, readSecret } from '../../electron/cli/prompt';
const PASS = 'correct horse battery';

function io(answer: string | null | undefined): { io: CliIO; out: string[]; err: string[]; asked: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const base: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' };
  const withPrompt: CliIO = answer === undefined ? base : { ...base, promptSecret: async (q) => { asked.push(q); return answer; } };
  return { io: withPrompt, out, err, asked };
}

describe('passphrase prompt', () => {
  let dir = '';
  let board = '';
  beforeAll(async () => {
    expect(process.env.TUMOUR_BOARD_PASSPHRASE).toBeUndefined();
    dir = mkdtempSync(path.join(tmpdir(), 'tb-prompt-'));
    board = path.join(dir, 'board.sqlite');
    const passFile = path.join(dir, 'pass.txt');
    writeFileSync(passFile, `${PASS}\n`, { mode: 0o600 });
    const made = io(undefined);
    expect(await runCli(['demo', '--db', board, '--cases', '3', '--passphrase-file', passFile], made.io)).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks once, naming the file, and opens the encrypted board with what was typed', async () => {
    const r = io(PASS);
    expect(await runCli(['check', '--db', board], r.io)).toBe(0);
    expect(r.asked).toEqual(['Passphrase for board.sqlite: ']);
    expect(r.out.join('\n')).toMatch(/^ok: .*board\.sqlite: integrity ok/);
  });

  it('a wrong passphrase typed is refused by name and the file is left byte-identical', async () => {
    const before = readFileSync(board);
    const r = io('not the passphrase');
    expect(await runCli(['check', '--db', board], r.io)).toBe(1);
    expect(r.err.join('\n')).toContain('does not open board.sqlite: wrong passphrase or key; the file was not changed');
    expect(readFileSync(board).equals(before)).toBe(true);
  });

  it('without a terminal (the prompt answers null) the clear error stays', async () => {
    const r = io(null);
    expect(await runCli(['check', '--db', board], r.io)).toBe(1);
    expect(r.asked).toHaveLength(1);
    expect(r.err.join('\n')).toContain('board.sqlite is not a SQLite database, or it is encrypted: give its passphrase (TUMOUR_BOARD_PASSPHRASE or --passphrase-file)');
  });

  it('asks nobody for a plaintext board, nor when the passphrase is given', async () => {
    const plain = path.join(dir, 'plain.sqlite');
    const r = io('unused');
    expect(await runCli(['demo', '--db', plain, '--cases', '2'], r.io)).toBe(0);
    expect(await runCli(['check', '--db', plain], r.io)).toBe(0);
    const passFile = path.join(dir, 'pass.txt');
    expect(await runCli(['check', '--db', board, '--passphrase-file', passFile], r.io)).toBe(0);
    expect(r.asked).toEqual([]);
  });
});

class FakeTty extends EventEmitter {
  isTTY = true;
  raw: boolean[] = [];
  setRawMode(raw: boolean) {
    this.raw.push(raw);
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
}

describe('readSecret', () => {
  it('reads a line with echo off (raw mode on, then off), backspace edits, nothing typed is written back', async () => {
    const tty = new FakeTty();
    const written: string[] = [];
    const answer = readSecret('Passphrase: ', tty, { write: (t) => written.push(t) });
    tty.emit('data', Buffer.from('sx'));
    tty.emit('data', Buffer.from('\u007f'));
    tty.emit('data', Buffer.from('ecret\r'));
    await expect(answer).resolves.toBe('secret');
    expect(written).toEqual(['Passphrase: ', '\n']);
    expect(tty.raw).toEqual([true, false]);
    expect(tty.listenerCount('data')).toBe(0);
  });

  it('Ctrl-C cancels; a stream that is not a terminal is not asked', async () => {
    const tty = new FakeTty();
    const answer = readSecret('Passphrase: ', tty, { write: () => true });
    tty.emit('data', Buffer.from('ab\u0003'));
    await expect(answer).rejects.toBeInstanceOf(PromptCancelled);
    expect(tty.raw).toEqual([true, false]);
    const pipe = new FakeTty();
    pipe.isTTY = false;
    const written: string[] = [];
    await expect(readSecret('Passphrase: ', pipe, { write: (t) => written.push(t) })).resolves.toBeNull();
    expect(written).toEqual([]);
  });
});
