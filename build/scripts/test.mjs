// `npm test`: builds the app, runs the Node suites (vitest: unit + integration) and the UI suites
// (Playwright: browser mode, and Electron where its binary exists), then prints one closing line
// "N passed, N failed, N skipped" summed over all suites. Exit code 1 when anything failed.
// Browser mode runs in the Chromium (or Chrome, Edge) find-chromium.cjs finds; where there is none,
// its page tests are reported skipped and one line before the closing one says what to install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { findChromium, NO_CHROMIUM } = createRequire(import.meta.url)('./find-chromium.cjs');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (n) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${n}.cmd` : n);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

const only = process.argv[2]; // optional: "unit" or "e2e"
let passed = 0, failed = 0, skipped = 0;
let notice = '';

if (run(process.execPath, [join(root, 'build', 'scripts', 'build.mjs')]) !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Static checks gate the run: a type error or a boundary violation is a failure.
if (!only) {
  for (const [label, cmd, args] of [
    ['typecheck', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json']],
    ['typecheck (renderer)', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.web.json']],
    ['typecheck (electron shell)', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.app.json']],
    ['lint', bin('eslint'), ['.']],
  ]) {
    if (run(cmd, args) !== 0) { console.log(`${label} failed`); failed += 1; }
  }
}

if (only !== 'e2e') {
  const out = join(results, 'vitest.json');
  rmSync(out, { force: true });
  const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed += j.numPassedTests; failed += j.numFailedTests; skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    // A suite that crashed before its tests ran counts as one failure.
    failed += (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  } else if (code !== 0) failed += 1;
}

if (only !== 'unit') {
  const out = join(results, 'e2e.json');
  rmSync(out, { force: true });
  if (!findChromium()) notice = `[web] ${NO_CHROMIUM}`;
  // The notice is printed here, at the end, not also by the suites' global setup.
  const code = run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, VSHIP_CHROMIUM_NOTICE: '0' });
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0); failed += s.unexpected ?? 0; skipped += s.skipped ?? 0;
    if (code !== 0 && !(s.unexpected > 0)) failed += 1;
  } else if (code !== 0) failed += 1;
}

if (notice) console.log(notice);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
