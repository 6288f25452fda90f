import path from 'node:path';
import { expect, it } from 'vitest';
import { startBoardServer } from '../../../electron/host/board';
import { useEngine } from '../helpers/engines';
import { networkSuite, startServer } from './network.suite';

networkSuite('sqlite');

// A self-signed certificate kept beside the database file is a SQLite-only matter (PostgreSQL's is given).
const fixture = useEngine('sqlite');
it('keeps the same certificate across restarts, so a pinned fingerprint stays valid', async () => {
  const first = await startServer(fixture);
  const fingerprint = first.server.tls.fingerprint;
  await first.server.close();
  const dbPath = first.store.dbPath ?? '';
  const again = fixture.track(await startBoardServer({ dbPath, staticDir: path.join(first.dir, 'renderer'), host: '127.0.0.1', port: 0 }));
  expect(again.tls.created).toBe(false);
  expect(again.tls.fingerprint).toBe(fingerprint);
});
