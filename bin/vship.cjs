#!/usr/bin/env node
// `vship` CLI launcher: runs the built bundle, building it first if this checkout has none yet.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const target = join(__dirname, '..', 'out', 'main', 'cli.cjs');
if (!existsSync(target)) {
  require('node:child_process').execFileSync(process.execPath, [join(__dirname, '..', 'build', 'scripts', 'build.mjs'), '--node'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
require(target);
