/** Record versions (issue 10 point 4) on SQLite; versions.pg.test.ts runs the same scenarios on PostgreSQL. */
import path from 'node:path';
import { afterEach } from 'vitest';
import { openAppContext, type AppContext } from '../../../electron/app/context';
import { useTempDir } from '../helpers/fixtures';
import { versionScenarios } from './versions-scenarios';

const tmp = useTempDir();
const open: AppContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

versionScenarios('SQLite', () => {
  const app = openAppContext({ dbPath: path.join(tmp(), 'versions.db'), transport: 'network' });
  open.push(app);
  return app;
});
