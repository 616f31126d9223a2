import { describe, expect, it } from 'vitest';
import { generateOrders, toXlsx } from '../fixtures/orders';
import { hostileCells, importAndCompare } from '../helpers/byte-exact';
import { useTempDirs } from '../helpers/data-dir';

/** Byte-exact at 100,000 orders: what is compared and what is not, in tests/helpers/byte-exact.ts. */

const tempDir = useTempDirs();

describe('byte-exact at 100,000 orders: every stored cell is the file\'s', () => {
  it('imports a 100,000-order XLSX written the way Excel writes it (escaped shared strings, rich runs) with every cell intact', async () => {
    const t = generateOrders({ count: 100_000, seed: 71, optional: true, adversarial: true, multiLineEvery: 40 });
    const hostile = hostileCells(t);
    for (const [k, n] of Object.entries(hostile)) expect(n, k).toBeGreaterThan(100);
    const bytes = await toXlsx(t, { excel: true });
    expect(importAndCompare(tempDir(), t, 'orders.xlsx', bytes, null, 'xlsx')).toEqual([]);
  });
});
