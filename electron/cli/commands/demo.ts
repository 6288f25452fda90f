import { existsSync } from 'node:fs';
import { z } from 'zod';
import { intArg, parseCommandArgs, UsageError, type Command } from '../command';
import { withCore } from '../core';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'create a demo database of synthetic cases',
  usage: `tumour-board demo --db FILE [--cases N] [--seed S]

Creates FILE with N synthetic cases (default 240; at most 200000). Refuses an existing file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string' } },
      z.object({ db: z.string({ message: 'is required' }).min(1), cases: intArg(1, 200_000).default(240), seed: intArg(0, 2 ** 31).default(1) }),
    );
    if (existsSync(values.db)) throw new UsageError(`${values.db} already exists; demo creates a new database only`);
    const started = performance.now();
    return withCore(values.db, {}, async (core) => {
      const { cases } = await core.call('demo.seed', { cases: values.cases, seed: values.seed });
      io.out(`created ${values.db} with ${cases} demo cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    });
  },
};
