/** Bundle entry of dist/core.cjs: a core's utility process or worker thread. */
import { runCoreEntry } from './entry';

if (!runCoreEntry()) {
  process.stderr.write('dist/core.cjs is the application core: it is started by the app, not run by hand\n');
  process.exitCode = 1;
}
