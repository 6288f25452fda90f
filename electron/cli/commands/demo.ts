import { existsSync } from 'node:fs';
import { z } from 'zod';
import { intArg, parseCommandArgs, UsageError, type Command } from '../command';
import { STORE_OPTIONS, storeFields, storeOf } from '../store';
import { withCore } from '../core';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'create a demo database of synthetic cases',
  usage: `tumour-board demo --db FILE | --postgres URL [--cases N] [--seed S]

Creates FILE with N synthetic cases (default 240; at most 200000). Refuses an existing file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { ...STORE_OPTIONS, cases: { type: 'string' }, seed: { type: 'string' } },
      z.object({ ...storeFields, cases: intArg(1, 200_000).default(240), seed: intArg(0, 2 ** 31).default(1) }),
    );
    const store = storeOf(values, { mustExist: false });
    if (store.kind === 'file' && existsSync(store.file)) throw new UsageError(`${store.file} already exists; demo creates a new database only`);
    const started = performance.now();
    return withCore(store, {}, async (core) => {
      const { cases } = await core.call('demo.seed', { cases: values.cases, seed: values.seed });
      io.out(`created ${store.label} with ${cases} demo cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    });
  },
};
