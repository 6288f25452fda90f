// `npm run bench`: bundles bench/main.ts with esbuild (as the app's own code is bundled) and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.tmp', 'bench.cjs');
await build({
  entryPoints: [path.join(root, 'bench', 'main.ts')], outfile, bundle: true, platform: 'node', target: 'node20',
  format: 'cjs', external: ['better-sqlite3', 'electron', 'playwright-core', 'pg'], logLevel: 'warning',
});
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
