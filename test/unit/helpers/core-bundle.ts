/**
 * Bundles the core entry (electron/core/main.ts) as `npm run build` does for dist/core.cjs, into a private
 * folder under .tmp/ (so require('better-sqlite3') resolves from the project's node_modules), for tests that run
 * the core in a worker thread.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../../..');

export async function buildCoreBundle(): Promise<string> {
  const dir = path.join(root, '.tmp', `core-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'core.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/core/main.ts')], outfile, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['better-sqlite3', 'electron', 'playwright-core'], logLevel: 'warning',
  });
  return outfile;
}
