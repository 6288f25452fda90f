/**
 * `tumour-board call OPERATION`: any operation of the contract from the command line, as the app would call it
 * (roles checked, input validated, the same answer). What makes the CLI a full transport, for scripts and tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { OPERATION_NAMES } from '../../../shared/api';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

async function readInput(values: { input?: string | undefined; 'input-file'?: string | undefined }, io: CliIO): Promise<unknown> {
  if (values.input !== undefined && values['input-file'] !== undefined) throw new UsageError('give --input or --input-file, not both');
  const file = values['input-file'];
  let text = values.input ?? '{}';
  if (file !== undefined) {
    if (file !== '-' && !existsSync(file)) throw new UsageError(`--input-file: ${file} does not exist`);
    text = file === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${file === undefined ? '--input' : '--input-file'} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const callCommand: Command = {
  name: 'call',
  summary: 'call any API operation (JSON in, JSON out), as the app does',
  usage: `tumour-board call OPERATION --db FILE | --postgres URL [--input JSON | --input-file FILE|-] [--as NAME]

Prints the operation's answer as JSON (exit 0), or its error as "CODE: message" (exit 1). The caller is the
local operator (administrator); --as NAME acts as that profile (PIN from $TUMOUR_BOARD_PIN), with its role.
Operations: ${OPERATION_NAMES.join(', ')}`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { ...STORE_OPTIONS, input: { type: 'string' }, 'input-file': { type: 'string' }, as: { type: 'string' } },
      z.object({
        ...storeFields, input: z.string().optional(), 'input-file': z.string().min(1).optional(),
        as: z.string().min(1).optional(),
      }),
      true,
    );
    const [name, ...extra] = positionals;
    if (name === undefined || extra.length) throw new UsageError('give exactly one OPERATION');
    const store = storeOf(values);
    const input = await readInput(values, io);
    return withCore(store, { as: values.as }, async (core) => {
      // An unknown name still goes to the dispatcher, which answers UNKNOWN_OPERATION like every transport.
      const result = await core.dispatch(name, input);
      if (!result.ok) {
        io.err(`${result.error.code}: ${result.error.message}`);
        return 1;
      }
      io.out(JSON.stringify(result.value, null, 2));
      return 0;
    });
  },
};
