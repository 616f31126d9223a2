import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../main/core/io/read-spreadsheet';
import { readXlsx } from '../../main/core/io/read-xlsx';
import type { Cell } from '../../main/core/io/table';
import { generateOrders, toCsv, toXlsx, type OrderTable } from '../fixtures/orders';

/** Collects what a reader yields, as the text of each cell padded to the header width. */
function collect(read: (sink: Parameters<typeof readXlsx>[2]) => void): { header: string[]; rows: string[][] } {
  let header: string[] = [];
  const rows: string[][] = [];
  read({
    header: (h) => { header = h; },
    row: (r) => {
      const cells = r.cells.map((c: Cell) => String(c));
      while (cells.length < header.length) cells.push('');
      rows.push(cells);
    },
  });
  return { header, rows };
}

function expectCellByCell(t: OrderTable, got: { header: string[]; rows: string[][] }, normalise: (s: string) => string = (s) => s): void {
  expect(got.header).toEqual(t.headers);
  expect(got.rows.length).toBe(t.rows.length);
  let mismatches = 0;
  let first = '';
  for (let r = 0; r < t.rows.length; r++) {
    const want = t.rows[r];
    const have = got.rows[r];
    for (let c = 0; c < want.length; c++) {
      if (normalise(have[c]) !== normalise(want[c])) {
        if (!mismatches) first = `row ${r + 2} col ${t.headers[c]}: ${JSON.stringify(have[c])} != ${JSON.stringify(want[c])}`;
        mismatches++;
      }
    }
  }
  expect(first).toBe('');
  expect(mismatches).toBe(0);
}

describe('every cell survives, in large files', () => {
  // 100,000 orders with Chinese in most cells: the sheet XML runs to ~100 MB, so tens of
  // thousands of chunk boundaries fall inside multi-byte characters.
  const big = generateOrders({ count: 100_000, seed: 7, optional: true });

  it('reads a 100,000-order XLSX cell by cell with nothing changed', async () => {
    const bytes = await toXlsx(big);
    expectCellByCell(big, collect((sink) => readXlsx(bytes, 'big.xlsx', sink)));
  });

  it('reads a 100,000-order GBK CSV cell by cell with nothing changed', () => {
    const bytes = toCsv(big, { encoding: 'gbk', trailingTabs: true });
    const got = collect((sink) => readSpreadsheet('big.csv', bytes, sink));
    // the trailing tabs are the export's, not the merchant's: compare without them
    expectCellByCell(big, got, (s) => s.replace(/\t$/, ''));
  });

  it('keeps characters whole even when every chunk boundary splits one', async () => {
    const small = generateOrders({ count: 300, seed: 8, optional: true });
    const bytes = await toXlsx(small);
    for (const chunk of [1, 2, 3, 7, 4093]) {
      expectCellByCell(small, collect((sink) => readXlsx(bytes, 'small.xlsx', sink, chunk)));
    }
  });
});
