import { describe, expect, it } from 'vitest';
import { csvCellText, generateOrders, toCsv, type CsvOptions } from '../fixtures/orders';
import { hostileCells, importAndCompare } from '../helpers/byte-exact';
import { useTempDirs } from '../helpers/data-dir';

/** Byte-exact at 100,000 orders: what is compared and what is not, in tests/helpers/byte-exact.ts. */

const tempDir = useTempDirs();

describe('byte-exact at 100,000 orders: every stored cell is the file\'s', () => {
  // Without the export's trailing TABs (an Excel re-save drops them; the raw record's TABs are
  // pinned in import.test.ts): a digit cell with leading zeros is then bare, as a reader that
  // turned it into a number would find it.
  it('imports a 100,000-order GBK CSV of the legacy export with every cell intact', () => {
    const t = generateOrders({ count: 100_000, seed: 72, optional: true, legacy: true, adversarial: true, multiLineEvery: 40 });
    const hostile = hostileCells(t);
    for (const [k, n] of Object.entries(hostile)) expect(n, k).toBeGreaterThan(100);
    const opts: CsvOptions = { encoding: 'gbk' };
    expect(importAndCompare(tempDir(), t, 'orders.csv', toCsv(t, opts), csvCellText(t, opts), 'csv')).toEqual([]);
  });
});
