/**
 * Order exports that are not whole (issue 8): cut off, short, lying, ambiguous, mixed or hostile.
 * Each is refused with its own code, where it is (file, row, column), and nothing is written: the
 * shop's orders stay exactly as they were.
 */
import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders, getOrder } from '../../main/core/services/orders';
import { ensureDefaultShop } from '../../main/core/services/shops';
import type { IoLimits } from '../../main/core/io/limits';
import { AppError, type ErrorCode } from '../../shared/errors';
import {
  badFiles, duplicateColumn, generateOrders, mixEncodings, oneOrderManyRows, shortRows, toCsv, toXlsx, toZip, truncate, zipBomb,
  type BadFileKey, type OrderTable,
} from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

function freshDb(): { db: Db; shopId: number } {
  const db = openDatabase(tempDir());
  return { db, shopId: ensureDefaultShop(db).id };
}

function importBytes(db: Db, shopId: number, name: string, bytes: Uint8Array, limits?: Partial<IoLimits>) {
  return importOrderFiles(db, shopId, [{ name, bytes }], { shipPromiseHours: 48, limits });
}

/** Every table an import writes, whole. */
function dump(db: Db) {
  return {
    orders: db.prepare('SELECT * FROM orders ORDER BY id').all(),
    lines: db.prepare('SELECT * FROM order_lines ORDER BY order_id, line_no').all(),
    changes: db.prepare('SELECT * FROM order_changes ORDER BY id').all(),
    imports: db.prepare('SELECT * FROM imports ORDER BY id').all(),
    products: db.prepare('SELECT * FROM products ORDER BY id').all(),
  };
}

/** A shop that already holds orders (of other seeds than the bad files'), and its dump. */
function shopWithOrders() {
  const { db, shopId } = freshDb();
  importBytes(db, shopId, 'earlier.csv', toCsv(generateOrders({ count: 40, seed: 77, optional: true })));
  return { db, shopId, before: dump(db) };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

const table = generateOrders({ count: 5, seed: 5 });

describe('damaged order exports are refused, with nothing written', () => {
  const cases: [BadFileKey, ErrorCode, { row?: number; column?: string }][] = [
    ['shortRow', 'ROW_TOO_SHORT', { row: 3, column: '售后状态' }],
    ['truncatedCsv', 'FILE_TRUNCATED', { row: 5 }],
    ['unterminatedQuote', 'FILE_TRUNCATED', { row: 6 }],
    ['zipBadCrc', 'ZIP_CHECKSUM', {}],
    ['zipBadSize', 'ZIP_CHECKSUM', {}],
    ['xlsxBadCrc', 'XLSX_CORRUPT', {}],
    ['duplicateColumn', 'DUPLICATE_COLUMN', { row: 1, column: '售后状态' }],
    ['duplicateAlias', 'DUPLICATE_COLUMN', { row: 1, column: '订单编号' }],
    ['mixedEncoding', 'MIXED_ENCODING', { row: 7 }],
    ['hugeCell', 'CELL_TOO_LONG', { row: 4, column: '商家备注' }],
    ['tooManyColumns', 'TOO_MANY_COLUMNS', { row: 1 }],
    ['zipBomb', 'UNPACKED_TOO_LARGE', {}],
    ['zipBombLying', 'ZIP_CHECKSUM', {}],
    ['xlsxBomb', 'UNPACKED_TOO_LARGE', {}],
    ['badCellRef', 'XLSX_CORRUPT', { row: 3 }],
    ['farCellRef', 'TOO_MANY_COLUMNS', { row: 3 }],
  ];
  for (const [key, code, where] of cases) {
    it(`refuses ${key} with ${code}${where.row ? ` at row ${where.row}` : ''}${where.column ? ` in 「${where.column}」` : ''}`, async () => {
      const bad = (await badFiles())[key];
      const { db, shopId, before } = shopWithOrders();
      const e = refusal(() => importBytes(db, shopId, bad.name, bad.bytes));
      expect(e.code).toBe(code);
      expect(e.file).toBe(bad.name);
      expect(e.message).toContain(bad.name);
      // Where it says, exactly: a row and a column only when the case names them.
      expect({ row: e.row, column: e.column }).toEqual({ row: where.row, column: where.column });
      expect(dump(db)).toEqual(before);
    });
  }

  it('says which columns a duplicate header holds, and what a short or long row lacks', async () => {
    const bad = await badFiles();
    const { db, shopId } = freshDb();
    const dup = refusal(() => importBytes(db, shopId, bad.duplicateAlias.name, bad.duplicateAlias.bytes));
    expect(dup.where.notes).toEqual([{ key: 'DUPLICATE_HEADER', params: { column: '订单号 / 订单编号', first: 2, second: 28 } }]);
    const short = refusal(() => importBytes(db, shopId, bad.shortRow.name, bad.shortRow.bytes));
    expect(short.where.notes).toEqual([{ key: 'TOO_FEW_CELLS', params: { header: 27, cells: 19 } }]);
    expect(short.message).toContain('第 3 行 「售后状态」列');
    const mixed = refusal(() => importBytes(db, shopId, bad.mixedEncoding.name, bad.mixedEncoding.bytes));
    expect(mixed.where.notes).toEqual([{ key: 'MIXED_ROWS', params: { first: 7, last: 9 } }]);
    const huge = refusal(() => importBytes(db, shopId, bad.hugeCell.name, bad.hugeCell.bytes));
    expect(huge.where.notes).toEqual([{ key: 'CELL_LIMIT', params: { length: 40_000, max: 32_767 } }]);
    const bomb = refusal(() => importBytes(db, shopId, bad.zipBomb.name, bad.zipBomb.bytes));
    expect(bomb.where.notes).toEqual([{ key: 'UNPACKED_LIMIT', params: { entry: 'orders.csv', limit: '1.5 GB' } }]);
    const crc = refusal(() => importBytes(db, shopId, bad.zipBadCrc.name, bad.zipBadCrc.bytes));
    expect(crc.where.notes).toEqual([{ key: 'ZIP_ENTRY', params: { entry: 'orders.csv' } }]);
  });

  it('writes nothing when a good file comes with a damaged one', async () => {
    const bad = await badFiles();
    const { db, shopId, before } = shopWithOrders();
    const good = { name: 'good.csv', bytes: toCsv(generateOrders({ count: 20, seed: 3 })) };
    const e = refusal(() => importOrderFiles(db, shopId, [good, bad.truncatedCsv], { shipPromiseHours: 48 }));
    expect(e.code).toBe('FILE_TRUNCATED');
    expect(dump(db)).toEqual(before);
  });
});

describe('short rows', () => {
  it('would have made a refunded order shippable: its 售后状态 is missing', () => {
    const t = generateOrders({ count: 60, seed: 41 });
    const after = t.headers.indexOf('售后状态');
    const refunded = t.rows.findIndex((r) => r[after] === '退款中' || r[after] === '售后处理中');
    expect(refunded).toBeGreaterThanOrEqual(0);
    const { db, shopId } = freshDb();
    const e = refusal(() => importBytes(db, shopId, 'short.csv', toCsv(shortRows(t, refunded, after))));
    expect(e).toMatchObject({ code: 'ROW_TOO_SHORT', row: refunded + 2, column: '售后状态' });
  });

  it('tolerates rows that leave out trailing cells of columns VShip does not read', () => {
    // The last four columns (是否分期 … 分期方式) are not read: an export may omit them when empty.
    const t = generateOrders({ count: 30, seed: 42 });
    const cut: OrderTable = { ...t, rows: t.rows.map((r, i) => (i % 3 === 0 ? r.slice(0, t.headers.indexOf('是否分期')) : r)) };
    const { db, shopId } = freshDb();
    const s = importBytes(db, shopId, 'trimmed.csv', toCsv(cut));
    expect(s.new).toBe(30);
    const byNo = new Map(allOrders(db, shopId).map((o) => [o.orderNo, o]));
    for (const e of t.expected) expect(byNo.get(e.orderNo)).toMatchObject({ afterSale: e.afterSale, status: e.status, paidCents: e.paidCents });
  });

  it('reads an XLSX whose rows leave out empty cells (that is how XLSX stores them)', async () => {
    const t = generateOrders({ count: 80, seed: 43 });
    const after = t.headers.indexOf('售后状态');
    // Empty 售后状态 and everything after it: the cells are simply absent from the sheet.
    const sparse: OrderTable = { ...t, rows: t.rows.map((r) => (r[after] === '' ? r.map((v, c) => (c >= after ? '' : v)) : r)) };
    const { db, shopId } = freshDb();
    expect(importBytes(db, shopId, 'sparse.xlsx', await toXlsx(sparse)).new).toBe(80);
  });
});

describe('interrupted downloads', () => {
  const t = generateOrders({ count: 50, seed: 44, optional: true });

  it('imports a file whose last row is whole but has no line break', () => {
    const csv = toCsv(t);
    const { db, shopId } = freshDb();
    expect(importBytes(db, shopId, 'no-eol.csv', truncate(csv, csv.length - 1)).new).toBe(50);
  });

  it('refuses a UTF-8 file cut inside a character, and a GBK one cut between the bytes of one', () => {
    const utf8 = toCsv(t);
    const { db, shopId } = freshDb();
    // The last character of the file before its line break is Chinese (区).
    expect(refusal(() => importBytes(db, shopId, 'cut.csv', truncate(utf8, utf8.length - 2))).code).toBe('FILE_TRUNCATED');
    const gbk = toCsv(t, { encoding: 'gbk' });
    expect(refusal(() => importBytes(db, shopId, 'cut-gbk.csv', truncate(gbk, gbk.length - 2))).code).toBe('FILE_TRUNCATED');
    expect(allOrders(db, shopId)).toHaveLength(0);
  });

  it('refuses a file cut in the middle of a row (which used to overwrite that order with half its fields)', () => {
    const csv = toCsv(t, { encoding: 'gbk', trailingTabs: true });
    const { db, shopId } = freshDb();
    importBytes(db, shopId, 'monday.csv', csv);
    const before = dump(db);
    const lastRowStart = csv.lastIndexOf(0x0a, csv.length - 2) + 1;
    for (const at of [lastRowStart + 10, lastRowStart + 200, csv.length - 40]) {
      const e = refusal(() => importBytes(db, shopId, 'tuesday.csv', truncate(csv, at)));
      expect(e).toMatchObject({ code: 'FILE_TRUNCATED', row: t.rows.length + 1 });
    }
    expect(dump(db)).toEqual(before);
  });

  it('calls a stray quote that swallowed the rows after it malformed, not cut off', () => {
    const productCol = t.headers.indexOf('商品');
    const memos = ['商家备注', '买家留言'].map((h) => t.headers.indexOf(h));
    // No quoted cell anywhere (memos emptied), then one stray quote at the start of row 12's 商品.
    const plain: OrderTable = { ...t, rows: t.rows.map((r) => r.map((v, c) => (memos.includes(c) ? '' : v))) };
    const text = toCsv(plain).toString('utf8').split('\n');
    const cells = text[11]!.split(',');
    cells[productCol] = `"${cells[productCol]}`;
    text[11] = cells.join(',');
    const { db, shopId } = freshDb();
    expect(refusal(() => importBytes(db, shopId, 'stray.csv', Buffer.from(text.join('\n'), 'utf8'))).code).toBe('CSV_MALFORMED');
  });
});

describe('line ends', () => {
  const t = generateOrders({ count: 1000, seed: 45, optional: true });

  it('reads a CSV saved with CR-only line ends (old Mac Excel) as rows, not as one row of 26,000 cells', () => {
    const text = toCsv(t).toString('utf8').replace(/\r?\n/g, '\r');
    const { db, shopId } = freshDb();
    expect(importBytes(db, shopId, 'mac.csv', Buffer.from(text, 'utf8'))).toMatchObject({ read: 1000, new: 1000 });
    const gbk = iconv.encode(toCsv(t).toString('utf8').replace(/\r?\n/g, '\r'), 'gb18030');
    const other = freshDb();
    expect(importBytes(other.db, other.shopId, 'mac-gbk.csv', gbk)).toMatchObject({ read: 1000, new: 1000 });
  });

  it('still refuses a CR-only CSV with a short row or cut off mid-row, at its row', () => {
    const short = toCsv(shortRows(t, 7, 3)).toString('utf8').replace(/\r?\n/g, '\r');
    const { db, shopId } = freshDb();
    expect(refusal(() => importBytes(db, shopId, 'mac-short.csv', Buffer.from(short, 'utf8')))).toMatchObject({ code: 'ROW_TOO_SHORT', row: 9 });
    const whole = Buffer.from(toCsv(t).toString('utf8').replace(/\r?\n/g, '\r'), 'utf8');
    expect(refusal(() => importBytes(db, shopId, 'mac-cut.csv', truncate(whole, whole.length - 40)))).toMatchObject({ code: 'FILE_TRUNCATED', row: t.rows.length + 1 });
    expect(allOrders(db, shopId)).toHaveLength(0);
  });

  it('names the odd rows of a CR-only file of two encodings', () => {
    const a = generateOrders({ count: 10, seed: 46 });
    const b = generateOrders({ count: 10, seed: 47 });
    const text = (x: Buffer) => Buffer.from(x.toString('latin1').replace(/\r?\n/g, '\r'), 'latin1');
    const mixed = text(mixEncodings(a, b));
    const { db, shopId } = freshDb();
    const e = refusal(() => importBytes(db, shopId, 'mac-mixed.csv', mixed));
    expect(e.code).toBe('MIXED_ENCODING');
    expect(e.row).toBe(12); // the first GBK row: header + 10 UTF-8 rows before it
  });
});

describe('xlsx sheets written by other programs, or edited', () => {
  const t = generateOrders({ count: 6, seed: 48 });
  /** The xlsx with its sheet XML changed (a zip with true CRCs: the damage is inside the XML). */
  async function withSheet(edit: (xml: string, strings: string[]) => string): Promise<Buffer> {
    const parts = unzipSync(await toXlsx(t));
    const xml = Buffer.from(parts['xl/worksheets/sheet1.xml']!).toString('utf8');
    const sst = Buffer.from(parts['xl/sharedStrings.xml']!).toString('utf8');
    const strings = [...sst.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
    parts['xl/worksheets/sheet1.xml'] = Buffer.from(edit(xml, strings), 'utf8');
    return Buffer.from(zipSync(parts));
  }

  it('refuses a row number that is not one (r="abc", r="0", beyond Excel\'s last row) as a damaged file, not an internal error', async () => {
    const { db, shopId } = freshDb();
    for (const r of ['abc', '0', '-2', '2.5', '1048577', '99999999999999999999']) {
      const bytes = await withSheet((xml) => xml.replace('<row r="3"', `<row r="${r}"`));
      const err = refusal(() => importBytes(db, shopId, 'bad-row.xlsx', bytes));
      expect(err.code, r).toBe('XLSX_CORRUPT');
      expect(err.where.notes, r).toEqual([{ key: 'XLSX_BAD_ROW_REF', params: { ref: r } }]);
    }
    expect(allOrders(db, shopId)).toHaveLength(0);
  });

  it('reads inline-string cells (t="inlineStr") as other programs write them', async () => {
    const bytes = await withSheet((xml, strings) => xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_m, ref: string, a: string, b: string, i: string) => `<c r="${ref}"${a} t="inlineStr"${b}><is><t>${strings[Number(i)]}</t></is></c>`));
    const { db, shopId } = freshDb();
    expect(importBytes(db, shopId, 'inline.xlsx', bytes)).toMatchObject({ read: 6, new: 6 });
    const byNo = new Map(allOrders(db, shopId).map((o) => [o.orderNo, o]));
    for (const e of t.expected) expect(byNo.get(e.orderNo)).toMatchObject({ afterSale: e.afterSale, status: e.status });
  });

  it('refuses a sheet whose XML is cut off, though every CRC is true', async () => {
    const { db, shopId } = freshDb();
    for (const cut of [0.5, 0.95]) {
      const bytes = await withSheet((xml) => xml.slice(0, Math.floor(xml.length * cut)));
      expect(refusal(() => importBytes(db, shopId, 'cut-sheet.xlsx', bytes)).code).toBe('XLSX_CORRUPT');
    }
    const noEnd = await withSheet((xml) => xml.slice(0, xml.indexOf('</sheetData>')));
    expect(refusal(() => importBytes(db, shopId, 'cut-sheet.xlsx', noEnd)).code).toBe('XLSX_CORRUPT');
    expect(allOrders(db, shopId)).toHaveLength(0);
  });
});

describe('mixed encodings', () => {
  it('refuses UTF-8 rows followed by GBK rows, and GBK rows followed by UTF-8 ones, naming the odd rows', () => {
    const a = generateOrders({ count: 500, seed: 45 });
    const b = generateOrders({ count: 20, seed: 46 });
    const { db, shopId } = freshDb();
    const e = refusal(() => importBytes(db, shopId, 'pasted.csv', mixEncodings(a, b)));
    expect(e.code).toBe('MIXED_ENCODING');
    expect(e.where.notes).toEqual([{ key: 'MIXED_ROWS', params: { first: 502, last: 521 } }]);
    const gbkFirst = Buffer.concat([toCsv(a, { encoding: 'gbk' }), toCsv(b).subarray(toCsv(b).indexOf(0x0a) + 1)]);
    expect(refusal(() => importBytes(db, shopId, 'pasted2.csv', gbkFirst)).where.notes).toEqual([{ key: 'MIXED_ROWS', params: { first: 502, last: 521 } }]);
    expect(allOrders(db, shopId)).toHaveLength(0);
  });

  it('still reads a genuine GBK export, four-byte characters and all', () => {
    const t = generateOrders({ count: 300, seed: 47, optional: true });
    const { db, shopId } = freshDb();
    expect(importBytes(db, shopId, 'gbk.csv', iconv.encode(toCsv(t).toString('utf8'), 'gb18030')).new).toBe(300);
  });
});

describe('duplicate columns', () => {
  it('tolerates two columns of a name VShip does not read', () => {
    const t = duplicateColumn(generateOrders({ count: 10, seed: 48 }), '快递公司');
    const { db, shopId } = freshDb();
    expect(importBytes(db, shopId, 'dup-unread.csv', toCsv(t)).new).toBe(10);
  });

  it('refuses the same read column twice in an XLSX, and in a CSV inside a .zip', async () => {
    const t = duplicateColumn(generateOrders({ count: 10, seed: 48 }), '订单状态');
    const { db, shopId } = freshDb();
    expect(refusal(() => importBytes(db, shopId, 'dup.zip', toZip([{ name: 'dup.csv', bytes: toCsv(t) }])))).toMatchObject({ code: 'DUPLICATE_COLUMN', column: '订单状态', row: 1 });
    const xlsx = await toXlsx(t);
    expect(refusal(() => importBytes(db, shopId, 'dup.xlsx', xlsx))).toMatchObject({ code: 'DUPLICATE_COLUMN', column: '订单状态', row: 1 });
  });
});

describe('resource limits', () => {
  const big = generateOrders({ count: 60, seed: 49, optional: true });
  let xlsx: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    xlsx = await toXlsx(big);
  });

  it('refuses a file larger than the limit before reading it', () => {
    const { db, shopId } = freshDb();
    const e = refusal(() => importBytes(db, shopId, 'big.csv', toCsv(table), { maxFileBytes: 1000 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.where.notes).toEqual([{ key: 'SIZE_LIMIT', params: { limit: '1000 B' } }]);
  });

  it('refuses a workbook with more shared strings than the limit', async () => {
    const { db, shopId } = freshDb();
    const e = refusal(() => importBytes(db, shopId, 'many.xlsx', xlsx, { maxSharedStrings: 50 }));
    expect(e.code).toBe('TOO_MANY_STRINGS');
    expect(e.where.notes).toEqual([{ key: 'STRINGS_LIMIT', params: { max: 50 } }]);
  });

  it('refuses an entry or a total unpacked beyond the limits, from the declared sizes', () => {
    const { db, shopId } = freshDb();
    const e = refusal(() => importBytes(db, shopId, 'orders.xlsx', xlsx, { maxEntryBytes: 4096 }));
    expect(e.code).toBe('UNPACKED_TOO_LARGE');
    expect(e.where.notes?.[0]?.params?.entry).toBe('xl/worksheets/sheet1.xml');
    const zipped = toZip([{ name: 'orders.xlsx', bytes: xlsx }]);
    const t = refusal(() => importBytes(db, shopId, 'orders.zip', zipped, { maxTotalUnpackedBytes: xlsx.length + 20_000 }));
    expect(t.code).toBe('UNPACKED_TOO_LARGE');
    expect(allOrders(db, shopId)).toHaveLength(0);
    // With the real limits the same files import.
    expect(importBytes(db, shopId, 'orders.zip', zipped).new).toBe(60);
  });

  it('holds a CSV inside a .zip to the file limit by its declared size, before inflating it', () => {
    const { db, shopId } = freshDb();
    // The entry says 4 MiB and holds 2: a reader that inflated first would find the lie (ZIP_CHECKSUM);
    // refused from the record, the 1.4 GB a 10 MB zip can honestly hold is never allocated.
    const e = refusal(() => importBytes(db, shopId, 'big.zip', zipBomb(2 << 20, 4 << 20), { maxFileBytes: 1 << 20, ratioFloorBytes: 64 << 20 }));
    expect(e).toMatchObject({ code: 'FILE_TOO_LARGE', file: 'big.zip › orders.csv' });
  });

  it('refuses a row with more cells than the column limit, in a CSV and in an XLSX', () => {
    const { db, shopId } = freshDb();
    expect(refusal(() => importBytes(db, shopId, 'wide.csv', toCsv(big), { maxColumns: 20 })).code).toBe('TOO_MANY_COLUMNS');
    expect(refusal(() => importBytes(db, shopId, 'wide.xlsx', xlsx, { maxColumns: 20 })).code).toBe('TOO_MANY_COLUMNS');
  });

  it('refuses an over-long cell in an XLSX, naming its row and column', async () => {
    const memo = big.headers.indexOf('商品');
    const t: OrderTable = { ...big, rows: big.rows.map((r, i) => (i === 7 ? r.map((v, c) => (c === memo ? '长'.repeat(40_000) : v)) : r)) };
    const { db, shopId } = freshDb();
    const bytes = await toXlsx(t);
    const e = refusal(() => importBytes(db, shopId, 'long.xlsx', bytes));
    // A shared string is checked as the strings are read, before any row: it has no row yet.
    expect(e.code).toBe('CELL_TOO_LONG');
    const inline = refusal(() => importBytes(db, shopId, 'long.csv', toCsv(t)));
    expect(inline).toMatchObject({ code: 'CELL_TOO_LONG', row: 9, column: '商品' });
  });

});

describe('an order of many rows', () => {
  it('merges 4,000 rows of one order number into one order of 4,000 lines', () => {
    const t = oneOrderManyRows(4000);
    const { db, shopId } = freshDb();
    const s = importBytes(db, shopId, 'one-order.csv', toCsv(t));
    expect(s).toMatchObject({ read: 1, new: 1 });
    const e = t.expected[0]!;
    const o = getOrder(db, shopId, e.orderNo)!;
    expect(o).toMatchObject({ quantity: 4000, paidCents: 400_000, lineCount: 4000, spec: e.spec, skuCode: e.skuCode });
    expect(o.lines.map((l) => l.skuCode)).toEqual(e.items.map((i) => i.skuCode));
  });

  it('merges them when other orders come between its rows, and counts a repeated row once', () => {
    const many = oneOrderManyRows(600);
    const others = generateOrders({ count: 600, seed: 50, statusMix: 'all-shippable' });
    const rows: string[][] = [];
    for (let i = 0; i < 600; i++) rows.push(many.rows[i]!, others.rows[i]!);
    rows.push(many.rows[3]!); // the same row again: not another item
    const { db, shopId } = freshDb();
    const s = importBytes(db, shopId, 'interleaved.csv', toCsv({ ...many, rows }));
    expect(s).toMatchObject({ read: 601, new: 601 });
    expect(getOrder(db, shopId, many.expected[0]!.orderNo)).toMatchObject({ quantity: 600, lineCount: 600, paidCents: 60_000 });
    const byNo = new Map(allOrders(db, shopId).map((o) => [o.orderNo, o]));
    for (const e of others.expected) expect(byNo.get(e.orderNo)).toMatchObject({ quantity: e.quantity, paidCents: e.paidCents, lineCount: 1 });
  });
});
