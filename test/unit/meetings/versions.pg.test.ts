/** Record versions (issue 10 point 4) on PostgreSQL: the scenarios of versions.test.ts on the test cluster. */
import { afterEach, describe } from 'vitest';
import { openAppContext, type AppContext } from '../../../electron/app/context';
import { freshPostgresUrl, testPostgresUrl } from '../helpers/engines';
import { versionScenarios } from './versions-scenarios';

const open: AppContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

describe.runIf(testPostgresUrl() !== null)('PostgreSQL', () => {
  versionScenarios('PostgreSQL', () => {
    const app = openAppContext({ postgres: { url: freshPostgresUrl('versions'), poolSize: 2 }, transport: 'network' });
    open.push(app);
    return app;
  });
});
