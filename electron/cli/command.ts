/** The shape of one CLI command, and argument parsing that validates with zod and names the argument. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  readStdin: () => Promise<string>;
  /** Asks for a secret without echo; null when there is no terminal to ask (absent: never ask). */
  promptSecret?: (question: string) => Promise<string | null>;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv against `options`, then validates the values with `schema` (messages name the --option). */
export function parseCommandArgs<S extends z.ZodType>(argv: string[], options: Options, schema: S, allowPositionals = false): { values: z.output<S>; positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error));
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path[0];
    throw new UsageError(key !== undefined ? `--${String(key)}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid arguments'));
  }
  return { values: result.data, positionals: parsed.positionals };
}

export const wantsHelp = (argv: string[]): boolean => argv.includes('--help') || argv.includes('-h');

/** A whole number given as text on the command line. */
export const intArg = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
