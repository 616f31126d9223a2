// `npm run rebuild:electron`: builds better-sqlite3 for the installed Electron into
// native/electron-abi<N>/ (see electron-sqlite.cjs), leaving Node's build in node_modules as it is.
// Needs the network (a prebuilt binary from GitHub, or Electron's headers for node-gyp) and the
// Electron binary (to ask its ABI). Never `electron-builder install-app-deps`: that replaces
// Node's build, and the Node suites then fail to load it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { electronBinary } = require('./electron-binary.cjs');
const { electronSqlitePath } = require('./electron-sqlite.cjs');

const exe = electronBinary();
if (!exe) {
  console.error('No Electron binary is installed (node_modules/electron/dist): install it first (`npm install electron` with the network).');
  process.exit(1);
}
const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const abi = spawnSync(exe, ['-p', 'process.versions.modules'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' }).stdout.trim();
if (!/^\d+$/.test(abi)) {
  console.error(`Could not ask Electron ${version} for its ABI.`);
  process.exit(1);
}
const pkg = join(root, 'node_modules', 'better-sqlite3');
const work = mkdtempSync(join(tmpdir(), 'vship-sqlite-electron-'));
try {
  // A copy: prebuild-install and node-gyp write into the package's build/, which Node's suites use.
  cpSync(pkg, join(work, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${join(pkg, 'build')}`) });
  const dir = join(work, 'better-sqlite3');
  const target = ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`];
  const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  let ok = spawnSync(bin('prebuild-install'), target, { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  if (!ok) {
    console.log('No prebuilt binary: building from source with Electron headers (node-gyp).');
    ok = spawnSync(bin('node-gyp'), ['rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  }
  const built = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) {
    console.error('Building better-sqlite3 for Electron failed (see above).');
    process.exit(1);
  }
  const out = electronSqlitePath(root, abi);
  mkdirSync(dirname(out), { recursive: true });
  cpSync(built, out);
  const probe = spawnSync(exe, ['-e', `new (require(${JSON.stringify(join(pkg, 'lib'))}))(':memory:', { nativeBinding: ${JSON.stringify(out)} }).close()`], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'inherit' });
  if (probe.status !== 0) {
    console.error(`${out} was built but Electron cannot load it.`);
    process.exit(1);
  }
  console.log(`better-sqlite3 for Electron ${version} (ABI ${abi}): ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
