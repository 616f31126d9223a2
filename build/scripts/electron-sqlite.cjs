// Where the Electron build of better-sqlite3 lives in a development checkout: one native build per
// runtime, side by side, so the Node suites (node_modules/better-sqlite3/build, Node's ABI) and the
// Electron suite (native/electron-abi<N>/, Electron's ABI) pass in the same `npm test`.
// `npm run rebuild:electron` writes it (network needed); main/app/main.ts selects it through
// better-sqlite3's `nativeBinding` option. The installed app needs none of this: electron-builder
// rebuilds node_modules for Electron when packing.
const { join } = require('node:path');

/** The Electron build for the given ABI (`process.versions.modules` inside Electron). */
function electronSqlitePath(root, abi) {
  return join(root, 'native', `electron-abi${abi}`, 'better_sqlite3.node');
}


const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');

/**
 * Whether the Electron binary (run as Node, same ABI) can load better-sqlite3, and which build:
 * native/'s Electron build when there is one, else node_modules' own (when it was built for
 * Electron). `{ ok: false }`: neither loads, run `npm run rebuild:electron`.
 */
function electronSqlite(exe, root) {
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  const abi = spawnSync(exe, ['-p', 'process.versions.modules'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 }).stdout?.trim() ?? '';
  const loads = (binding) => spawnSync(exe, ['-e', `new (require('better-sqlite3'))(':memory:', ${JSON.stringify(binding ? { nativeBinding: binding } : {})}).close()`], { cwd: root, env, stdio: 'ignore', timeout: 60_000 }).status === 0;
  const file = /^\d+$/.test(abi) ? electronSqlitePath(root, abi) : '';
  if (file && existsSync(file) && loads(file)) return { ok: true, binding: file };
  if (loads(null)) return { ok: true, binding: null };
  return { ok: false, binding: null };
}

/** What to do when Electron cannot load better-sqlite3, in one place for `npm start` and the E2E fixture. */
const ELECTRON_SQLITE_HELP =
  'better-sqlite3 has no build for this Electron: run `npm run rebuild:electron` once (needs internet). ' +
  'It builds one into native/ beside Node\'s own, so the Node suites and the desktop suite both run.';

module.exports = { electronSqlitePath, electronSqlite, ELECTRON_SQLITE_HELP };
