import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The runner (`npm test`, build/scripts/test.mjs) never prints "0 failed" or exits 0 while
 * something failed: each case runs a tiny project from tests/runner-fixtures/ through the real
 * script, as `npm test` would, and reads its closing line and exit code.
 */
const ROOT = join(__dirname, '..', '..');

function runner(args: string[], fixture?: string): { code: number | null; last: string; out: string } {
  // The child is a fresh run, not a worker of this one: none of this Vitest's own variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
  if (fixture) env.VSHIP_TEST_PROJECT = `tests/runner-fixtures/${fixture}`;
  const r = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'test.mjs'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 110_000 });
  const out = `${r.stdout}${r.stderr}`;
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, last: lines[lines.length - 1], out };
}

/** "N passed, N failed[, N skipped]" as numbers. */
function tally(line: string): { passed: number; failed: number; skipped: number } {
  const m = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line);
  expect(m, `closing line: ${line}`).not.toBeNull();
  return { passed: Number(m![1]), failed: Number(m![2]), skipped: Number(m![3] ?? 0) };
}

describe('the test runner counts every failure', () => {
  it('passes a project whose tests all pass (the control: the cases below fail for their own reason)', () => {
    const r = runner(['unit'], 'pass');
    expect(tally(r.last)).toEqual({ passed: 2, failed: 0, skipped: 0 });
    expect(r.code).toBe(0);
    const e = runner(['e2e'], 'e2e-pass');
    // One spec, two projects (web, electron).
    expect(tally(e.last)).toEqual({ passed: 2, failed: 0, skipped: 0 });
    expect(e.code).toBe(0);
  });

  it('counts a skip the suite means (skipIf, ctx.skip, todo) as skipped, not failed', () => {
    const r = runner(['unit'], 'skips');
    expect(tally(r.last)).toEqual({ passed: 1, failed: 0, skipped: 3 });
    expect(r.code).toBe(0);
  });

  it.each([
    ['a beforeAll that throws (its tests reported skipped)', 'before-all', 'build failed'],
    ['an afterAll that throws', 'after-all', 'cleanup failed'],
    ['an unhandled rejection in a passing test', 'unhandled', 'vitest exited with code 1'],
    ['a test worker killed mid-file', 'worker-killed', 'the worker died'],
    ['no test files matched', 'no-tests', 'collected no tests'],
    ['a stray it.only beside a failing test', 'only-vitest', 'only'],
  ])('fails on %s', (_what, fixture, why) => {
    const r = runner(['unit'], fixture);
    expect(tally(r.last).failed, r.out).toBeGreaterThanOrEqual(1);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(why);
  });

  it.each([
    ['a stray test.only in the Playwright suite', 'e2e-only', "'forbidOnly'"],
    ['no Playwright tests found', 'e2e-none', 'No tests found'],
  ])('fails on %s', (_what, fixture, why) => {
    const r = runner(['e2e'], fixture);
    expect(tally(r.last).failed, r.out).toBeGreaterThanOrEqual(1);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain(why);
  });

  it.each(['unti', 'unit e2e', '--watch'])('refuses the unknown argument "%s" before running anything', (given) => {
    const args = given.split(' ');
    const r = runner(args);
    expect(r.last).toBe('0 passed, 1 failed');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`unknown argument: ${args.join(' ')}`);
    // Refused at once: no build, no suite ran.
    expect(r.out).not.toMatch(/typecheck|RUN|Running \d+ test/);
  });
});
