import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';

const ROOT = join(__dirname, '..', '..');
/** The CLI launcher, as `npx vship` runs it. */
export const VSHIP = join(ROOT, 'bin', 'vship.cjs');

/** Runs `vship ARGS` in a child process and returns its exit code and output. */
export function vship(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VSHIP, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Builds the Node bundles once for the file: the CLI runs from them, as after `npm install`. */
export function useBuiltCli(): void {
  beforeAll(() => {
    const b = spawnSync(process.execPath, [join(ROOT, 'build', 'scripts', 'build.mjs'), '--node'], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
  });
}
