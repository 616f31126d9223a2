/** `vship stock import` names what each duplicate repeats, in Chinese, with the item masked. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrders, toCsv } from '../fixtures/orders';
import { codes, codeText } from '../fixtures/stock';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

useBuiltCli();

describe('vship stock import duplicates', () => {
  it('says 与第 N 行重复 within the file and 已在 MM-DD 导入的批次 #N 中 against history', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 30, seed: 63 })));
    expect(vship(['import', join(dir, 'o.csv'), '--data-dir', dir]).code).toBe(0);
    const sku = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout)[0].skuKey as string;
    vship(['product', 'set', sku, '--kind', 'code', '--data-dir', dir]);
    const [a, b] = codes(2, 74);
    const file = join(dir, 'codes.txt');
    writeFileSync(file, codeText([a, b, a]));
    const env = { VSHIP_NOW: '2026-11-28T10:00:00+08:00' };
    const first = vship(['stock', 'import', file, '--product', sku, '--data-dir', dir], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('第 3 行：重复（与第 1 行重复）');
    const again = vship(['stock', 'import', file, '--product', sku, '--data-dir', dir]);
    expect(again.stdout).toContain('第 1 行：重复（已在 11-28 导入的批次 #1 中，可用）');
    expect(again.stdout).toContain('第 2 行：重复（已在 11-28 导入的批次 #1 中，可用）');
    for (const secret of [a, b]) expect(first.stdout + again.stdout).not.toContain(secret);
  });
});
