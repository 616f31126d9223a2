// `npm test`: builds the app, runs the Node suites (vitest: unit + integration) and the UI suites
// (Playwright: browser mode, and Electron where its binary exists), then prints one closing line
// "N passed, N failed, N skipped" summed over all suites. Exit code 1 when anything failed.
// Browser mode runs in the Chromium (or Chrome, Edge) find-chromium.cjs finds; where there is none,
// its page tests are reported skipped and one line before the closing one says what to install.
//
// The line never says "0 failed" while something failed: a suite that failed outside its tests
// (a throwing beforeAll/afterAll, a crashed worker, an unhandled rejection), a runner's non-zero
// exit, a run that collected no tests and a stray `.only` each count as a failure, and an argument
// the runner does not know is refused before anything runs. tests/unit/test-runner.test.ts pins it
// by running the tiny projects in tests/runner-fixtures/ through this script
// (`VSHIP_TEST_PROJECT=<dir>`: no build, no static checks, results in a folder of their own).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { findChromium, NO_CHROMIUM } = createRequire(import.meta.url)('./find-chromium.cjs');
const USAGE = 'usage: npm test [-- unit|e2e]   (unit: vitest only; e2e: Playwright only; nothing: everything)';
const args = process.argv.slice(2);
if (args.length > 1 || (args.length === 1 && !['unit', 'e2e'].includes(args[0]))) {
  // `npm test -- unti` must not quietly run a smaller suite (and skip the static checks).
  console.log(`unknown argument: ${args.join(' ')}\n${USAGE}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const only = args[0];
const project = process.env.VSHIP_TEST_PROJECT; // the runner's own test: a fixture project
const results = project ? mkdtempSync(join(tmpdir(), 'vship-runner-')) : join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (n) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${n}.cmd` : n);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

let passed = 0, failed = 0, skipped = 0;
let notice = '';
/** Counts one failure that no test reported, and says what it was. */
const failure = (why) => { console.log(`counted as failed: ${why}`); failed += 1; };

if (!project && run(process.execPath, [join(root, 'build', 'scripts', 'build.mjs')]) !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Static checks gate the run: a type error or a boundary violation is a failure.
if (!only && !project) {
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
  const j = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  let counted = 0;
  if (j) {
    passed += j.numPassedTests; skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    counted += j.numFailedTests;
    for (const f of j.testResults ?? []) {
      const tests = f.assertionResults ?? [];
      const name = f.name.startsWith(root) ? f.name.slice(root.length + 1) : f.name;
      // A file that failed with no failing test: its beforeAll/afterAll threw, or it never ran.
      if (f.status === 'failed' && !tests.some((t) => t.status === 'failed')) { console.log(`counted as failed: ${name}: ${(f.message || 'the file failed outside its tests').split('\n')[0]}`); counted += 1; }
      // Tests left pending: the worker died under them (out of memory, a native crash, a kill).
      else if (tests.some((t) => t.status === 'pending')) { console.log(`counted as failed: ${name}: its tests never finished (the worker died)`); counted += 1; }
    }
    if (j.numTotalTests === 0) { console.log('counted as failed: vitest collected no tests'); counted = Math.max(counted, 1); }
  }
  failed += counted;
  // Vitest's own verdict stands: an unhandled error or rejection fails the run even when every test passed.
  if (code !== 0 && counted === 0) failure(`vitest exited with code ${code}${j ? ' (an error outside any test: see "Unhandled Errors" above)' : ' and wrote no report'}`);
}

if (only !== 'unit') {
  const out = join(results, 'e2e.json');
  rmSync(out, { force: true });
  if (!findChromium()) notice = `[web] ${NO_CHROMIUM}`;
  // The notice is printed here, at the end, not also by the suites' global setup.
  const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: out, VSHIP_CHROMIUM_NOTICE: '0', ...(project ? { VSHIP_TEST_RESULTS: join(results, 'e2e') } : {}) };
  const code = run(bin('playwright'), ['test'], env);
  const j = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
  let counted = 0;
  if (j) {
    const s = j.stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0); skipped += s.skipped ?? 0;
    counted += s.unexpected ?? 0;
    // Errors outside any test: a forbidden `.only`, a throwing global setup, "No tests found".
    for (const e of j.errors ?? []) { console.log(`counted as failed: playwright: ${String(e.message ?? e).split('\n')[0]}`); counted += 1; }
    if (!(s.expected || s.unexpected || s.flaky || s.skipped) && !(j.errors ?? []).length) { console.log('counted as failed: playwright collected no tests'); counted += 1; }
  }
  failed += counted;
  if (code !== 0 && counted === 0) failure(`playwright exited with code ${code}${j ? '' : ' and wrote no report'}`);
}

if (project) rmSync(results, { recursive: true, force: true });
if (notice) console.log(notice);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
