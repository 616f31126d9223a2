import { expect } from 'vitest';
import { toBeijingIso } from '../../shared/rules/classify';
import { openDatabase, type Db } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { LEGACY_NAMES, trimCell, TWISTS, type OrderTable } from '../fixtures/orders';

/**
 * Byte-exact at 100,000 orders (tests/integration/import-byte-exact-xlsx / -csv): a whole export,
 * hostile cells mixed in (GenOptions.adversarial), goes through the real import into SQLite, and
 * every stored value that comes from a cell is compared with what the generator wrote, row by
 * row, streamed from the database. One file per format, so the two run side by side.
 *
 * Exact, untrimmed: `order_lines.raw` (every cell of the row as the file holds it) and the header
 * record. The deliberate exceptions, each the product's own reading of a cell:
 * - the text fields of orders and lines (订单号, 商品, 充值号码, 买家留言, 省 …) are the cell without
 *   the white space at its ends (io/cells.ts cellText): the export pads cells with a TAB, and a
 *   number or code padded with spaces is the same number; everything inside a cell is kept;
 * - amounts, quantities and times are parsed: compared with the generator's values;
 * - a CSV written with the export's trailing TABs has them in its raw cells too (csvCellText).
 */

/** The columns of each table, each said to come from a cell (compared below) or not. */
const ORDER_COLUMNS = {
  fromCells: ['order_no', 'status', 'after_sale', 'product_name', 'product_id', 'spec', 'style_id', 'sku_code', 'goods_code', 'quantity',
    'total_cents', 'paid_cents', 'deal_at', 'paid_at', 'ship_by', 'recharge_no', 'buyer_memo', 'merchant_memo', 'province', 'city', 'district'],
  derived: ['damaged', 'shippable', 'reason', 'ship_by_from_export', 'line_count', 'fingerprint', 'sku_key'],
  bookkeeping: ['id', 'shop_id', 'order_key', 'first_seen_at', 'last_seen_at', 'last_changed_at', 'first_import_id', 'last_import_id',
    'ship_state', 'ship_note', 'export_id', 'exported_at'],
};
const LINE_COLUMNS = {
  fromCells: ['product_name', 'product_id', 'spec', 'style_id', 'sku_code', 'quantity', 'raw'],
  bookkeeping: ['order_id', 'line_no', 'import_id', 'source_row'],
};

const TEXT_FIELDS: [column: string, header: string][] = [
  ['order_no', '订单号'], ['status', '订单状态'], ['after_sale', '售后状态'], ['product_name', '商品'], ['product_id', '商品id'],
  ['spec', '商品规格'], ['style_id', '样式ID'], ['sku_code', '商家编码-规格维度'], ['goods_code', '商家编码-商品维度'],
  ['recharge_no', '充值号码'], ['buyer_memo', '买家留言'], ['merchant_memo', '商家备注'], ['province', '省'], ['city', '市'], ['district', '区'],
];
const LINE_TEXT_FIELDS = TEXT_FIELDS.filter(([c]) => ['product_name', 'product_id', 'spec', 'style_id', 'sku_code'].includes(c));

const cents = (s: string): number => Math.round(Number(trimCell(s)) * 100);
const iso = (cell: string): string | null => (trimCell(cell) === '' ? null : `${trimCell(cell).replace(' ', 'T')}+08:00`);

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_xinfo('${table}')`).pluck().all() as string[]).sort();
}

/**
 * Imports `bytes` into a fresh database and compares, streaming, every stored cell with the table.
 * `rawCell(r, c)` is what the file holds in data cell (r, c) (null: the table's own cell). Returns the differences (the first 20).
 */
export function importAndCompare(dataDir: string, t: OrderTable, name: string, bytes: Uint8Array, rawCell: ((r: number, c: number) => string) | null, format: 'csv' | 'xlsx'): string[] {
  const db = openDatabase(dataDir);
  const shopId = ensureDefaultShop(db).id;
  const s = importOrderFiles(db, shopId, [{ name, bytes }], { shipPromiseHours: 48 });
  const diffs: string[] = [];
  let ndiff = 0;
  const diff = (where: string, got: unknown, want: unknown) => {
    if (ndiff++ < 20) diffs.push(`${where}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  };
  expect(s).toMatchObject({ read: t.expected.length, new: t.expected.length, damaged: 0 });

  // A column added later must be placed in one of these lists, and so compared or said not to be.
  expect(columnsOf(db, 'orders')).toEqual([...ORDER_COLUMNS.fromCells, ...ORDER_COLUMNS.derived, ...ORDER_COLUMNS.bookkeeping].sort());
  expect(columnsOf(db, 'order_lines')).toEqual([...LINE_COLUMNS.fromCells, ...LINE_COLUMNS.bookkeeping].sort());

  const imp = db.prepare('SELECT file, format, rows, headers FROM imports').all() as { file: string; format: string; rows: number; headers: string }[];
  expect(imp).toHaveLength(1);
  expect(imp[0]).toMatchObject({ file: name, format, rows: t.rows.length });
  // The header cells are the file's, exactly (this export's headers carry no stray spaces).
  expect(JSON.parse(imp[0]!.headers)).toEqual(t.headers);

  // The table's columns by their current names (a legacy export calls 订单号 订单编号 …).
  const col = new Map(t.headers.map((h, i) => [h, i] as const));
  for (const [cur, old] of Object.entries(LEGACY_NAMES)) if (col.has(old)) col.set(cur, col.get(old)!);
  const at = (r: number, h: string): string => { const k = col.get(h); return k === undefined ? '' : t.rows[r]![k]!; };
  const textCols = TEXT_FIELDS.map(([column, header]) => [column, col.get(header) ?? -1] as const);
  const lineTextCols = LINE_TEXT_FIELDS.map(([column, header]) => [`l_${column}`, col.get(header) ?? -1] as const);
  const qtyCol = col.get('商品数量(件)')!;
  const noCol = col.get('订单号')!;

  // Where each order starts in the table, and what the generator says it is.
  const firstRow = new Map<string, number>();
  t.rows.forEach((_, i) => { const no = at(i, '订单号'); if (!firstRow.has(no)) firstRow.set(no, i); });
  const expected = new Map(t.expected.map((e) => [e.orderNo, e]));

  const select = [...ORDER_COLUMNS.fromCells.map((k) => `o.${k} AS o_${k}`), 'o.damaged AS o_damaged', 'o.shippable AS o_shippable', 'o.line_count AS o_line_count',
    ...LINE_COLUMNS.fromCells.map((k) => `l.${k} AS l_${k}`), 'l.line_no AS l_line_no', 'l.source_row AS l_source_row'].join(', ');
  const lines = db.prepare(`SELECT ${select} FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY l.source_row`);
  let next = 0;
  let orders = 0;
  for (const row of lines.iterate() as Iterable<Record<string, string | number | null>>) {
    const r = Number(row.l_source_row) - 2; // the header is row 1
    if (r !== next) diff(`source row ${row.l_source_row}`, r + 2, next + 2);
    next = r + 1;
    const want = t.rows[r];
    if (!want) continue;
    const where = `row ${r + 2}`;

    // The raw record: every cell, exactly as the file holds it.
    const rawWant = JSON.stringify(rawCell ? want.map((_, k) => rawCell(r, k)) : want);
    if (row.l_raw !== rawWant) {
      const got = JSON.parse(row.l_raw as string) as string[];
      const cellOf = (k: number) => (rawCell ? rawCell(r, k) : want[k]);
      const k = Math.max(0, want.findIndex((_, i) => got[i] !== cellOf(i)));
      diff(`${where} raw ${t.headers[k]}${got.length !== want.length ? ` (${got.length} cells, not ${want.length})` : ''}`, got[k], cellOf(k));
    }
    for (const [key, k] of lineTextCols) {
      const v = k < 0 ? '' : trimCell(want[k]!);
      if (row[key] !== v) diff(`${where} order_lines.${key.slice(2)}`, row[key], v);
    }
    const qty = Number(trimCell(want[qtyCol]!));
    if (row.l_quantity !== qty) diff(`${where} order_lines.quantity`, row.l_quantity, qty);

    const no = trimCell(want[noCol]!);
    const e = expected.get(no);
    if (!e) { diff(`${where} order`, no, '(an order of the table)'); continue; }
    if (row.l_line_no !== 1) continue;
    // The order's own columns, once, from its first row.
    orders++;
    const f = firstRow.get(no)!;
    if (f !== r) diff(`${where} first line`, r + 2, f + 2);
    const first = t.rows[f]!;
    for (const [column, k] of textCols) {
      const v = k < 0 ? '' : trimCell(first[k]!);
      if (row[`o_${column}`] !== v) diff(`${where} orders.${column}`, row[`o_${column}`], v);
    }
    const rows = t.rows.slice(f, f + e.lines);
    const parsed: Record<string, unknown> = {
      quantity: e.quantity, paid_cents: e.paidCents, total_cents: rows.reduce((n, x) => n + cents(x[col.get('商品总价(元)')!]!), 0),
      deal_at: iso(at(f, '订单成交时间')), paid_at: e.paidAt, ship_by: e.shipBy ?? toBeijingIso(Date.parse(e.paidAt) + 48 * 3600_000),
      damaged: 0, shippable: e.shippable ? 1 : 0, line_count: e.lines,
    };
    for (const [k, v] of Object.entries(parsed)) if (row[`o_${k}`] !== v) diff(`${where} orders.${k}`, row[`o_${k}`], v);
  }
  if (next !== t.rows.length) diff('lines stored', next, t.rows.length);
  if (orders !== t.expected.length) diff('orders stored', orders, t.expected.length);
  db.close();
  if (ndiff > diffs.length) diffs.push(`… ${ndiff - diffs.length} more`);
  return diffs;
}

/** How many cells of the table hold each kind of hostile content: proof the comparison had something to catch. */
export function hostileCells(t: OrderTable): Record<string, number> {
  const kinds: Record<string, RegExp> = {
    padded: /^\s|\s$/, cr: /\r/, crlf: /\r\n/, control: /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/, markup: /[&<>]/,
    leadingZero: /^0\d/, formula: /^[=+\-@]/, astral: /[\ud800-\udbff][\udc00-\udfff]/, literalEscape: /_x[0-9A-F]{4}_/,
  };
  const n: Record<string, number> = Object.fromEntries(Object.keys(kinds).map((k) => [k, 0]));
  // Only the columns twists write: the generator's other cells are plain (unit-tested in fixtures.test.ts).
  const cols = [...new Set(TWISTS.map((w) => t.headers.indexOf(LEGACY_NAMES[w.header] ?? w.header)).filter((k) => k >= 0))];
  const tests = Object.entries(kinds);
  for (const r of t.rows) for (const k of cols) { const v = r[k]!; for (const [kind, re] of tests) if (re.test(v)) n[kind]!++; }
  return n;
}

