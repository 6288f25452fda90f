import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { evaluate, runVignettes } from '../../../shared/engine';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';

async function readJson(source: string, io: CliIO): Promise<unknown> {
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : readFileSync(source, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${source}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${source === '-' ? 'standard input' : source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'run the evidence engine on case facts, or check a vignette file',
  usage: `tumour-board evaluate FILE|-
tumour-board evaluate --vignettes FILE

FILE (or - for standard input) holds one case-facts object (../shared/clinical/CONTRACT.md); the engine's
output object is printed as JSON. With --vignettes, every case of a vignette file is evaluated and checked
against its expected options, forbidden pairs and flags: one line per case, then "N passed, M failed";
exit 0 only when all pass.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { vignettes: { type: 'string' } }, z.object({ vignettes: z.string().min(1).optional() }), true);
    if (values.vignettes) {
      if (positionals.length) throw new UsageError('give either --vignettes FILE or a facts FILE, not both');
      const run = runVignettes(await readJson(values.vignettes, io));
      for (const r of run.results) io.out(`${r.passed ? 'PASS' : 'FAIL'}  ${r.id}${r.problems.length ? `: ${r.problems.join('; ')}` : ''}`);
      io.out(`${run.passed} passed, ${run.failed} failed`);
      return run.failed === 0 ? 0 : 1;
    }
    const [source, ...extra] = positionals;
    if (source === undefined || extra.length) throw new UsageError('give one facts FILE, or - for standard input');
    const facts = await readJson(source, io);
    io.out(JSON.stringify(evaluate(facts), null, 2));
    return 0;
  },
};
