// The Electron executable, or null — shared by `npm start` and the Electron E2E fixture.
// Reads what the `electron` package's index.js reads, without requiring it: that require tries
// to download the binary when it is missing, and on an offline machine it can only hang or fail.
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..', '..');

function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override ? join(override, relative || 'electron') : relative ? join(pkgDir, 'dist', relative) : '';
  return exe && existsSync(exe) ? exe : null;
}

module.exports = { electronBinary };
