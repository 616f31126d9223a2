import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltCli } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const DEMO = join(ROOT, 'build', 'scripts', 'demo.ts');

/** Runs `npm run demo` as the script itself (the build is done once for the file by useBuiltCli). */
function demo(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [TSX, DEMO, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, VSHIP_DATA_DIR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run demo', () => {
  useBuiltCli();
  const tempDir = useTempDirs();

  it('runs import → products → stock → fill → check → export on a fresh data folder and ends with the files written', () => {
    const out = join(tempDir(), 'demo-output');
    const r = demo(['--out', out, '--count', '40']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const cmd of ['vship import', 'vship product set', 'vship stock import', 'vship fill', 'vship check', 'vship export --out']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toMatch(/完成：文件在这里 \/ Done: the files are here/);

    const files = readdirSync(out);
    const shipment = files.filter((f) => /无物流发货.*\.xlsx$/.test(f));
    expect(shipment.length, files.join(', ')).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThanOrEqual(shipment.length + 2); // with the messages and exceptions files
    for (const f of files.filter((x) => x.endsWith('.xlsx') || x.endsWith('.csv'))) expect(readFileSync(join(out, f)).length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'input')).some((f) => f.endsWith('.csv'))).toBe(true);
    expect(existsSync(join(out, 'data'))).toBe(true);
    // The closing list names the files written.
    for (const f of shipment) expect(r.stdout).toContain(f);

    // Run again: the previous output is replaced, not added to (a fresh data folder each time).
    const again = demo(['--out', out, '--count', '40']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/第 1 次导出/);
  });

  it('never empties a folder that is not a previous demo output', () => {
    const out = tempDir();
    mkdirSync(join(out, 'mine'));
    writeFileSync(join(out, 'mine', 'keep.txt'), 'keep');
    const r = demo(['--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/不是演示输出文件夹/);
    expect(readFileSync(join(out, 'mine', 'keep.txt'), 'utf8')).toBe('keep');
  });
});
