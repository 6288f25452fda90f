import { existsSync } from 'node:fs';
import { z } from 'zod';
import { openDatabase } from '../../../db/open';
import { backupTo } from '../../../db/backup';
import { parseCommandArgs, UsageError, type Command } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write a consistent copy of the database',
  usage: `tumour-board backup --db FILE --out FILE

Safe while the app is running. Refuses to overwrite an existing --out file. Writes FILE.manifest.json
beside it (size, SHA-256, audit head).`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, out: { type: 'string' } },
      z.object({ db: z.string({ message: 'is required' }).min(1), out: z.string({ message: 'is required' }).min(1) }),
    );
    if (!existsSync(values.db)) throw new UsageError(`${values.db} does not exist`);
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose a new file name`);
    const { db } = openDatabase(values.db);
    let manifest;
    try {
      manifest = backupTo(db, values.out);
    } finally {
      db.close();
    }
    const head = manifest.audit_head ? `audit head ${manifest.audit_head.id}:${manifest.audit_head.hash.slice(0, 16)}` : 'no audit rows';
    io.out(`backed up ${values.db} to ${values.out} (${manifest.bytes} bytes, SHA-256 ${manifest.sha256}, ${head}); manifest ${values.out}.manifest.json`);
    return 0;
  },
};
