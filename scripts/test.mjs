// `npm test`: every check the project has, in order, then one closing line `N passed, N failed, N skipped`
// summed from Vitest's and Playwright's JSON reports (CI reads that line). Exit 1 if any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [];
function run(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}
const npx = (name, ...args) => run(name, 'npx', ['--no-install', ...args]);

npx('typecheck (node)', 'tsc', '-p', 'tsconfig.node.json', '--noEmit');
npx('typecheck (renderer)', 'tsc', '-p', 'tsconfig.renderer.json', '--noEmit');
npx('typecheck (end-to-end tests)', 'tsc', '-p', 'tsconfig.e2e.json', '--noEmit');
npx('lint', 'eslint', '.');
npx('unit + component tests', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`);
const built = run('build', 'npm', ['run', 'build', '--silent']);
if (built) {
  npx('end-to-end tests (Chromium)', 'playwright', 'test', '--config', 'playwright.config.ts');
  npx('Electron smoke test', 'playwright', 'test', '--config', 'test/electron/playwright.config.ts');
  run('packaging layout', 'npm', ['run', 'pack:check', '--silent']);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function readJson(file) {
  const full = path.join(results, file);
  return existsSync(full) ? JSON.parse(readFileSync(full, 'utf8')) : null;
}
// Failed tests counted per test step: a test step that failed without a failed test in its report (a global setup
// that threw, e.g. no PostgreSQL in CI; a crash before the report was written) counts as one failure.
const failedInReport = new Map();
const vitest = readJson('vitest.json');
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
  failedInReport.set('unit + component tests', vitest.numFailedTests);
}
for (const [file, step] of [['e2e.json', 'end-to-end tests (Chromium)'], ['electron.json', 'Electron smoke test']]) {
  const pw = readJson(file);
  if (pw) {
    counts.passed += pw.stats.expected + pw.stats.flaky;
    counts.failed += pw.stats.unexpected;
    counts.skipped += pw.stats.skipped;
    failedInReport.set(step, pw.stats.unexpected);
  }
}
// A step that failed without failing a counted test (typecheck, lint, build, packaging) still fails the run.
const failedSteps = steps.filter((s) => !s.ok);
counts.failed += failedSteps.filter((s) => !/tests?$/.test(s.name) || !(failedInReport.get(s.name) > 0)).length;

process.stdout.write('\n=== summary\n');
for (const s of steps) process.stdout.write(`${s.ok ? 'ok    ' : 'FAILED'}  ${s.name} (${s.seconds.toFixed(1)} s)\n`);
process.stdout.write(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(failedSteps.length === 0 && counts.failed === 0 ? 0 : 1);
