/**
 * Asking for a passphrase on the terminal without echoing it: raw mode, one character at a time, nothing
 * written back but the final newline. Only when standard input is a terminal; otherwise there is nobody to
 * ask and the caller keeps its clear error (scripts and CI give TUMOUR_BOARD_PASSPHRASE or --passphrase-file).
 */

/** The parts of a TTY read stream used here (a fake in tests). */
export interface SecretInput {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export class PromptCancelled extends Error {
  constructor() {
    super('cancelled: no passphrase was entered');
    this.name = 'PromptCancelled';
  }
}

/**
 * Writes `question` to `output` and reads one line from `input` with echo off. Resolves null when `input` is
 * not a terminal; rejects with PromptCancelled on Ctrl-C or Ctrl-D on an empty line.
 */
export function readSecret(question: string, input: SecretInput, output: { write(text: string): unknown }): Promise<string | null> {
  if (!input.isTTY || typeof input.setRawMode !== 'function') return Promise.resolve(null);
  const setRaw = input.setRawMode.bind(input);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.removeListener('data', onData);
      setRaw(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        const code = ch.codePointAt(0) ?? 0;
        if (ch === '\r' || ch === '\n') return finish(null);
        if (code === 3 || (code === 4 && typed === '')) return finish(new PromptCancelled());
        if (code === 127 || code === 8) typed = typed.slice(0, -1);
        else if (code >= 32) typed += ch;
      }
    };
    output.write(question);
    setRaw(true);
    input.resume();
    input.on('data', onData);
  });
}
