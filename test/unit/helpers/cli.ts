import { runCli } from '../../../electron/cli/main';

/** Runs the CLI in-process, capturing what it prints: `{ code, out, err }` with lines joined by newlines. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
