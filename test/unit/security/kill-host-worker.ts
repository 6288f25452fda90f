/**
 * Child process for the kill-loop test: the real browser host (HTTP on 127.0.0.1, the app context, the
 * dispatcher) on one database, with the token the test gives. Prints `listening PORT` once it answers.
 */
import { callLocal, openAppContext } from '../../../electron/app/context';
import { startBrowserHost } from '../../../electron/host/server';

const [file, staticDir, token] = process.argv.slice(2);
if (!file || !staticDir || !token) throw new Error('usage: kill-host-worker DB STATIC_DIR TOKEN');
const ctx = openAppContext({ dbPath: file, transport: 'browser-host' });
startBrowserHost({ call: callLocal(ctx, 'browser-host', 'Kill test (browser host)'), staticDir, port: 0, token }).then(
  (host) => { process.stdout.write(`listening ${host.port}\n`); },
  (error: unknown) => { process.stderr.write(`${String(error)}\n`); process.exit(1); },
);
