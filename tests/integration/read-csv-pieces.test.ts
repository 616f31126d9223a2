/**
 * The CSV reader streams (issue 13): it decodes a few megabytes at a time and parses the complete
 * rows of each piece. Cutting the text anywhere must change nothing: on generated exports, whole
 * and damaged, read in pieces of 1, 2, 3, 7, 64 and 1,000 bytes, the header, every row (its number
 * and cells) and the refusal (code, row, column) are exactly those of the file read as one piece.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { readCsv, type CsvChunking } from '../../main/core/io/read-csv';
import type { RawRow } from '../../main/core/io/table';
import { flipBytes, generateOrders, mixEncodings, oneOrderManyRows, shortRows, toCsv, truncate, unbalancedQuote } from '../fixtures/orders';

type Outcome =
  | { header: string[] | null; headerRow: number; rows: RawRow[]; progressEnd: number | null; encoding: string | null }
  | { refused: ReturnType<AppError["toData"]> };

function read(bytes: Uint8Array, chunking?: CsvChunking): Outcome {
  const rows: RawRow[] = [];
  let header: string[] | null = null;
  let headerRow = 0;
  let progressEnd: number | null = null;
  try {
    const info = readCsv(bytes, 'orders.csv', {
      header(cells, rowNo) { header = cells; headerRow = rowNo; },
      row(r) { rows.push({ rowNo: r.rowNo, cells: [...r.cells] }); },
      progress(done, total) { if (done === total) progressEnd = done; },
    }, undefined, chunking);
    return { header, headerRow, rows, progressEnd, encoding: info.encoding };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { refused: e.toData() };
  }
}

const PIECES = [1, 2, 3, 7, 64, 1000];

function samePieces(bytes: Uint8Array): Outcome {
  const whole = read(bytes, { pieceBytes: bytes.length + 1, headChars: 1 << 20 });
  for (const pieceBytes of PIECES) {
    expect(read(bytes, { pieceBytes, headChars: 16 }), `pieces of ${pieceBytes} bytes`).toEqual(whole);
  }
  return whole;
}

const table = generateOrders({ count: 60, seed: 13, optional: true, multiLineEvery: 7 });

describe('reading a CSV in pieces', () => {
  it('reads whole exports the same in any piece size: UTF-8, BOM, quoted, GBK, Excel re-save (CRLF)', () => {
    const files = [
      toCsv(table),
      toCsv(table, { encoding: 'utf8-bom', quoteAll: true, trailingTabs: true }),
      toCsv(table, { encoding: 'gbk', trailingTabs: true, fullWidthBrackets: true, headerSpaces: true }),
      toCsv(table, { excelResave: true }),
      toCsv(oneOrderManyRows(300)),
    ];
    for (const f of files) {
      const o = samePieces(f);
      expect('rows' in o && o.rows.length, 'a whole file reads its rows').toBeGreaterThan(50);
    }
  });

  it('reads line ends of every kind, quoted line breaks and blank lines the same in any piece size', () => {
    const text = '订单号,商品,备注\r\n"A1","x","两行\r\n备注"\r\n\r\nA2,y,"带""引号"""\r\n,,\r\nA3,z,\r\n';
    for (const t of [text, text.replace(/\r\n/g, '\n'), text.replace(/\r\n/g, '\r'), text.trimEnd()]) {
      const o = samePieces(Buffer.from(t, 'utf8'));
      expect('rows' in o && o.rows.map((r) => r.cells[0])).toEqual(['A1', 'A2', 'A3']);
    }
  });

  it('refuses damaged files the same in any piece size: cut off, bytes changed, short rows, bad quotes, two encodings', () => {
    const csv = toCsv(table, { quoteAll: true });
    const damaged = [
      truncate(csv, Math.floor(csv.length * 0.5)),
      truncate(csv, csv.length - 3),
      flipBytes(csv, 5, 4),
      toCsv(shortRows(table, 9, 4)),
      unbalancedQuote(table, { row: 12, header: '商品', kind: 'open' }),
      unbalancedQuote(table, { row: 30, header: '商品', kind: 'trailing' }),
      mixEncodings(generateOrders({ count: 20, seed: 1 }), generateOrders({ count: 20, seed: 2 })),
      truncate(toCsv(table, { encoding: 'gbk' }), toCsv(table, { encoding: 'gbk' }).length - 1),
    ];
    const codes = damaged.map((f) => {
      const o = samePieces(f);
      return 'refused' in o ? o.refused.code : 'read';
    });
    expect(codes.filter((c) => c !== 'read').length, codes.join(' ')).toBeGreaterThanOrEqual(5);
  });

  it('refuses a cell longer than the limit at its row and column, however the pieces fall', () => {
    const long = '订单号,商品\n' + 'A1,ok\n' + `A2,"${'长'.repeat(40)}"\n`;
    const limits = { maxFileBytes: 1 << 30, maxCellChars: 32, maxColumns: 16_384, maxEntryBytes: 1 << 30, maxTotalUnpackedBytes: 1 << 30, maxRatio: 1000, ratioFloorBytes: 1 << 20, maxSharedStrings: 1 << 24 };
    const whole = (() => { try { readCsv(Buffer.from(long), 'orders.csv', { header() {}, row() {} }, limits); return null; } catch (e) { return e as AppError; } })();
    expect(whole?.code).toBe('CELL_TOO_LONG');
    for (const pieceBytes of PIECES) {
      let err: AppError | null = null;
      try { readCsv(Buffer.from(long), 'orders.csv', { header() {}, row() {} }, limits, { pieceBytes, headChars: 4 }); } catch (e) { err = e as AppError; }
      expect([err?.code, err?.row, err?.column], `pieces of ${pieceBytes}`).toEqual([whole!.code, whole!.row, whole!.column]);
    }
  });
});
