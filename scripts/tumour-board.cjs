#!/usr/bin/env node
// The `tumour-board` command: runs the bundled CLI, building it first when a fresh checkout lacks dist/.
const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { stdio: 'inherit' });
}
require(cli).main();
