import { existsSync } from 'node:fs';
import { z } from 'zod';
import path from 'node:path';
import { parseCommandArgs, UsageError, type Command } from '../command';
import { withCore } from '../core';

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
    // The copy goes where the host chooses: here, --out.
    const out = path.resolve(values.out);
    return withCore(values.db, { host: { choosePath: () => Promise.resolve(out) } }, async (core) => {
      const r = await core.call('backups.export', {});
      const head = r.audit_head ? `audit head ${r.audit_head.id}:${r.audit_head.hash.slice(0, 16)}` : 'no audit rows';
      io.out(`backed up ${values.db} to ${values.out} (${r.bytes} bytes, SHA-256 ${r.sha256 ?? ''}, ${head}); manifest ${values.out}.manifest.json`);
      return 0;
    });
  },
};
