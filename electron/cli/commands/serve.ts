import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { userInfo } from 'node:os';
import { callLocal, openAppContext, startAutoBackups } from '../../app/context';
import { defaultDbPath } from '../../app/paths';
import { startBrowserHost } from '../../host/server';
import { intArg, parseCommandArgs, UsageError, type Command } from '../command';

/** dist/cli.cjs sits beside dist/renderer/. */
export const rendererDir = (): string => path.join(__dirname, 'renderer');

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the browser host on 127.0.0.1 (the app in a browser)',
  usage: `tumour-board serve [--db FILE] [--port P]

Serves the app on 127.0.0.1 only, with a fresh access token each run, and prints the URL to open.
Backs the database up automatically (backups/ beside it: every 6 hours, the last 28 kept).
--db    the database (default: the app's user-data folder; a demo database is created if none exists)
--port  the port (default: any free port)`,
  async run(argv, io) {
    const { values } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, port: { type: 'string' } },
      z.object({ db: z.string().min(1).optional(), port: intArg(0, 65535).default(0) }),
    );
    const staticDir = rendererDir();
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      throw new UsageError(`the user interface is not built (${path.relative(process.cwd(), staticDir) || staticDir} is missing): run "npm run build" first`);
    }
    const dbPath = values.db ?? defaultDbPath();
    mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
    const ctx = openAppContext({ dbPath, transport: 'browser-host', demoIfMissing: true });
    if (ctx.createdDemo) io.out(`no database at ${dbPath}: created one with synthetic demo cases`);
    const backups = startAutoBackups(ctx, dbPath, { onError: (error) => io.err(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`) });
    const host = await startBrowserHost({ call: callLocal(ctx, 'browser-host', `${userInfo().username} (browser host)`), staticDir, port: values.port });
    io.out(`Tumour Board browser host: ${host.openUrl}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    backups.stop();
    await host.close();
    ctx.close();
    return 0;
  },
};
