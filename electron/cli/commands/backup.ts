import { existsSync } from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../../db/open';
import { backupTo } from '../../../db/backup';
import { parseCommandArgs, UsageError, type Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a consistent copy of the database',
  usage: `tumour-board backup --db FILE --out FILE

Safe while the app is running. Refuses to overwrite an existing --out file.`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, out: { type: 'string' } },
      z.object({ db: z.string({ message: 'is required' }).min(1), out: z.string({ message: 'is required' }).min(1) }),
    );
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    const { db } = openDatabase(values.db);
    try {
      backupTo(db, values.out);
    } finally {
      db.close();
    }
    io.out(`backed up ${values.db} to ${values.out}`);
    return 0;
  },
};
