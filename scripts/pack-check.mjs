#!/usr/bin/env node
// npm run pack:check — package the app with electron-builder (`--dir --linux`) and check the result.
//
// The Electron runtime cannot be downloaded on the project's machines, so electron-builder is pointed
// (electronDist) at a stand-in "unpacked Electron" folder made here: a harmless executable named `electron`
// that carries Electron's fuse sentinel and a fuse wire in Electron's default state. electron-builder
// copies it, renames it to the app's executable and flips the fuses configured in electron-builder.yml in
// it exactly as it would in the real binary, so this check also proves the fuses are applied (nothing is
// skipped). Everything else is the real packaging: file selection, asar, asarUnpack.
//
// Asserts: app.asar holds dist/main.cjs, dist/preload.cjs, dist/core.cjs (the core's utility process), dist/renderer/index.html and package.json;
// better_sqlite3.node is in app.asar.unpacked (and marked unpacked in the archive); no .ts sources, tests,
// source maps, test_extension.node or build intermediates anywhere; the fuses are set as configured; the icon
// (assets/icon.png, 1024 px, drawn by scripts/make-icon.mjs) is packed as resources/icon.png.
// Prints a pass/fail list and exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const work = path.join(root, '.tmp', 'pack-check');
const standin = path.join(root, '.tmp', 'electron-standin');
const outDir = path.join(work, 'out');
const EXECUTABLE = 'tumour-board'; // linux.executableName in electron-builder.yml

// ---- 1. Built output ----------------------------------------------------------------------------------
const required = ['dist/main.cjs', 'dist/preload.cjs', 'dist/core.cjs', 'dist/renderer/index.html'];
if (required.some((file) => !existsSync(path.join(root, file)))) {
  console.log('pack:check: dist/ is incomplete, running `npm run build` first');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const still = required.filter((file) => !existsSync(path.join(root, file)));
  if (build.status !== 0 || still.length > 0) {
    console.error(`pack:check: FAIL — the build did not produce ${still.join(', ') || 'a clean result'}`);
    process.exit(1);
  }
}

// ---- 2. Stand-in Electron -----------------------------------------------------------------------------
// Same values as @electron/fuses' constants (not exported by its index).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 };
// Electron's defaults, in @electron/fuses' V1 order: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation,
// OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_WIRE = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));

function makeStandin() {
  rmSync(standin, { recursive: true, force: true });
  mkdirSync(path.join(standin, 'resources'), { recursive: true });
  mkdirSync(path.join(standin, 'locales'), { recursive: true });
  const script = Buffer.from(
    '#!/bin/sh\n' +
      'echo "This is the stand-in Electron used by npm run pack:check, not a real Electron runtime." >&2\n' +
      'exit 1\n# fuse wire: ',
  );
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]), Buffer.from('\n')]);
  const executable = path.join(standin, 'electron');
  writeFileSync(executable, Buffer.concat([script, wire]));
  chmodSync(executable, 0o755);
  writeFileSync(path.join(standin, 'version'), require('electron/package.json').version);
  writeFileSync(path.join(standin, 'LICENSE'), 'stand-in\n');
  writeFileSync(path.join(standin, 'locales', 'en-US.pak'), '');
}

// ---- 3. Package ---------------------------------------------------------------------------------------
makeStandin();
rmSync(work, { recursive: true, force: true });
const builderCli = require.resolve('electron-builder/cli.js');
const args = [
  builderCli, '--dir', '--linux', '--x64', '--publish', 'never',
  `-c.electronDist=${standin}`,
  `-c.directories.output=${outDir}`,
];
// PACK_CHECK_CONFIG=other.yml packs another configuration through the same checks (used to prove the
// checks fail on a configuration that ships sources, maps or a packed native module).
if (process.env.PACK_CHECK_CONFIG) args.push('--config', path.resolve(process.env.PACK_CHECK_CONFIG));
console.log(`pack:check: electron-builder ${args.slice(1).join(' ')}`);
const started = Date.now();
const packed = spawnSync(process.execPath, args, {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
});
const builderLog = `${packed.stdout ?? ''}${packed.stderr ?? ''}`;
if (packed.status !== 0) {
  console.error(builderLog);
  console.error(`pack:check: FAIL — electron-builder exited with ${packed.status}`);
  process.exit(1);
}
console.log(`pack:check: packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// ---- 4. Check -----------------------------------------------------------------------------------------
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

const appOut = path.join(outDir, 'linux-unpacked');
const resources = path.join(appOut, 'resources');
const archive = path.join(resources, 'app.asar');
const unpacked = path.join(resources, 'app.asar.unpacked');
const results = [];
const check = (name, ok, detail = '') => results.push({ name, ok: Boolean(ok), detail });

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full).concat(`${full}${path.sep}`) : [full];
  });
}

check('app.asar exists', existsSync(archive), archive);
const entries = existsSync(archive) ? asar.listPackage(archive, { isPack: false }).map((p) => p.replaceAll('\\', '/')) : [];
const inAsar = new Set(entries);
for (const file of ['/package.json', '/dist/main.cjs', '/dist/preload.cjs', '/dist/core.cjs', '/dist/renderer/index.html']) {
  check(`app.asar contains ${file.slice(1)}`, inAsar.has(file));
}
const rendererAssets = entries.filter((p) => p.startsWith('/dist/renderer/assets/') && /\.(js|css)$/.test(p));
check('app.asar contains the renderer assets', rendererAssets.length > 0, `${rendererAssets.length} js/css files`);

const packagedPkg = existsSync(archive) ? JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) : {};
check('packaged package.json main is dist/main.cjs', packagedPkg.main === 'dist/main.cjs', String(packagedPkg.main));
check('packaged package.json has no devDependencies or scripts',
  packagedPkg.devDependencies === undefined && packagedPkg.scripts === undefined);

// The icon: assets/icon.png is what scripts/make-icon.mjs draws (1024 × 1024), buildResources points at assets/
// (electron-builder derives the .ico and .icns from it), and it ships as resources/icon.png (the window's icon).
const iconSource = path.join(root, 'assets', 'icon.png');
const pngSize = (file) => {
  const bytes = readFileSync(file);
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) && bytes.toString('ascii', 12, 16) === 'IHDR';
  return isPng ? `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}` : 'not a PNG';
};
const builderConfig = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
check('electron-builder.yml buildResources is assets/', /^\s*buildResources:\s*assets\b/m.test(builderConfig));
check('assets/icon.png is 1024x1024', existsSync(iconSource) && pngSize(iconSource) === '1024x1024', existsSync(iconSource) ? pngSize(iconSource) : 'missing');
const iconDrawn = spawnSync(process.execPath, [path.join(root, 'scripts', 'make-icon.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
check('assets/icon.png is what scripts/make-icon.mjs draws', iconDrawn.status === 0, `${iconDrawn.stderr ?? ''}`.trim());
const iconPacked = path.join(resources, 'icon.png');
check('the icon is packed (resources/icon.png, same bytes as assets/icon.png)',
  existsSync(iconPacked) && existsSync(iconSource) && readFileSync(iconPacked).equals(readFileSync(iconSource)), iconPacked);

// Fonts: the two DejaVu faces the minutes use and their licence, not the whole font package.
for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt']) check(`app.asar contains dist/fonts/${file}`, inAsar.has(`/dist/fonts/${file}`));
check('the font package is not shipped (only the two faces in dist/fonts/)', !entries.some((p) => p.startsWith('/node_modules/dejavu-fonts-ttf/')));

const nativeRel = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
check('better_sqlite3.node is in app.asar.unpacked', existsSync(path.join(unpacked, nativeRel)), nativeRel);
let markedUnpacked;
try {
  markedUnpacked = asar.statFile(archive, nativeRel).unpacked === true;
} catch {
  markedUnpacked = false;
}
check('better_sqlite3.node is marked unpacked in app.asar', markedUnpacked);
check('better-sqlite3 JavaScript is in app.asar', inAsar.has('/node_modules/better-sqlite3/lib/index.js'));

// Everything that ships: the asar listing plus every real file in the output folder.
const shipped = [
  ...entries.map((p) => `app.asar${p}`),
  ...walk(appOut).map((p) => path.relative(appOut, p).replaceAll('\\', '/')),
];
const forbidden = [
  ['TypeScript sources (.ts/.tsx/.mts/.cts)', /\.(ts|tsx|mts|cts)$/],
  ['source maps (.map)', /\.map$/],
  ['test_extension.node', /test_extension\.node$/],
  ['test folders or test files', /(^|\/)(test|tests|__tests__|spec)\/|\.(test|spec)\.[cm]?js$/],
  ['better-sqlite3 C sources and SQLite amalgamation (src/, deps/)', /node_modules\/better-sqlite3\/(src|deps)\//],
  ['build intermediates (obj, .o, .a, Makefiles, .gypi)', /\/obj(\.target)?\/|\.(o|a|mk|gypi?)$|\/Makefile$/],
  ['project sources (electron/, shared/, db/, renderer/, scripts/, test/)', /^app\.asar\/(electron|shared|db|renderer|scripts|test|bench)\//],
  ['dev tooling in node_modules (electron, electron-builder, vite, vitest, typescript)',
    /node_modules\/(electron|electron-builder|vite|vitest|typescript|@playwright\/test|esbuild)\//],
  ['local state (.tmp/, .db files)', /(^|\/)\.tmp\/|\.db(-wal|-shm)?$/],
];
for (const [label, pattern] of forbidden) {
  const hits = shipped.filter((p) => pattern.test(p));
  check(`no ${label}`, hits.length === 0, hits.slice(0, 5).join(', ') + (hits.length > 5 ? `, … (${hits.length})` : ''));
}

const mainText = inAsar.has('/dist/main.cjs') ? asar.extractFile(archive, 'dist/main.cjs').toString('utf8') : '';
check('dist/main.cjs has no sourceMappingURL', !mainText.includes('sourceMappingURL'));

// Fuses, read back from the packaged executable (electron-builder flipped them in the stand-in).
const expectedFuses = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};
const executable = path.join(appOut, EXECUTABLE);
check(`executable ${EXECUTABLE} exists`, existsSync(executable));
if (existsSync(executable)) {
  const wire = await getCurrentFuseWire(executable);
  for (const [fuse, want] of Object.entries(expectedFuses)) {
    const state = wire[FuseV1Options[fuse]];
    const got = state === FuseState.ENABLE ? true : state === FuseState.DISABLE ? false : `state ${state}`;
    check(`fuse ${fuse} = ${want}`, got === want, `found ${got}`);
  }
}

const asarSize = existsSync(archive) ? statSync(archive).size : 0;
const unpackedSize = walk(unpacked).filter((p) => !p.endsWith(path.sep)).reduce((sum, p) => sum + statSync(p).size, 0);
console.log(`\npack:check: ${appOut}`);
console.log(`  app.asar ${(asarSize / 1e6).toFixed(1)} MB, ${entries.length} entries; app.asar.unpacked ${(unpackedSize / 1e6).toFixed(1)} MB\n`);
for (const { name, ok, detail } of results) {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}${!ok && detail ? `  — ${detail}` : ''}`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
