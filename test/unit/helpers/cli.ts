import { runCli } from '../../../electron/cli/main';

/** Runs the CLI in-process, capturing what it prints: `{ code, out, err }` with lines joined by newlines. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string; notices: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  // The one-line plaintext notice (no passphrase in tests) is reported apart, so `err` holds only errors.
  const notices = err.filter((l) => /^note: .* is not encrypted/.test(l));
  return { code, out: out.join('\n'), err: err.filter((l) => !notices.includes(l)).join('\n'), notices };
}
