import { createHash } from 'node:crypto';
import { IMPORT_WARNINGS, type ImportFileSummary } from '../../../../shared/domain';
import { AppError, fillParams } from '../../../../shared/errors';
import { cellText, ORDER_NO_RE, parseCents, parseIntCell, parseTime, rawCellText } from '../../io/cells';
import { mapHeader, type HeaderMap, type OrderField } from '../../io/header-map';
import { withLimits, type IoLimits } from '../../io/limits';
import { readSpreadsheet } from '../../io/read-spreadsheet';
import type { Cell, RawRow, TableInfo } from '../../io/table';

/** Reading one order export into orders, checked; nothing here touches the database. */

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgressEvent {
  file: string;
  phase: 'read' | 'write' | 'done';
  done: number;
  total: number | null;
}

export interface ImportOptions {
  shipPromiseHours: number;
  onProgress?: (p: ImportProgressEvent) => void;
  /** Replaces some of the reading limits (io/limits.ts); tests lower them to refuse small files. */
  limits?: Partial<IoLimits>;
}

export interface ParsedLine {
  productName: string;
  productId: string;
  spec: string;
  styleId: string;
  skuCode: string;
  quantity: number;
  /** The row's cells as the file holds them, as JSON: made when first needed (rawOf), from `cells`. */
  raw?: string;
  cells?: readonly Cell[];
  sourceRow: number;
}

/**
 * A line's raw cells as JSON, made on first use: an order that comes again unchanged is never
 * written, so its rows need no JSON at all.
 */
export function rawOf(l: ParsedLine): string {
  if (l.raw === undefined) {
    const cells = l.cells ?? [];
    const raw: string[] = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) raw[i] = rawCellText(cells[i]);
    l.raw = JSON.stringify(raw);
    l.cells = undefined;
  }
  return l.raw;
}

/** One order as this file states it (fields from its first row; lines from all its rows). */
export interface ParsedOrder {
  key: string;
  orderNo: string;
  damaged: boolean;
  status: string;
  afterSale: string;
  goodsCode: string;
  totalCents: number | null;
  paidCents: number | null;
  dealAt: string | null;
  paidAt: string | null;
  shipByExport: string | null;
  rechargeNo: string;
  buyerMemo: string;
  merchantMemo: string;
  province: string;
  city: string;
  district: string;
  lines: ParsedLine[];
}

/** What one file said about itself, once read: its label, hash, shape, counts and warnings. */
export interface FileFacts {
  name: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: string[];
  rows: number;
  /** Orders the file held (rows of one order merged). */
  orders: number;
  damaged: number;
  warnings: string[];
  warningCodes: ImportFileSummary['warningCodes'];
}

/** A file read whole into orders (tests, tools): the facts and every order by key. */
export interface ParsedFile extends Omit<FileFacts, 'orders'> {
  orders: Map<string, ParsedOrder>;
}

/** Where a file's orders go as they are read. */
export interface OrderSink {
  /** The header is known and accepted (called once, before any order). */
  header?(names: string[]): void;
  /** One whole order (all its rows merged). */
  order(o: ParsedOrder): void;
}

/**
 * Streaming hands on each order when the next row belongs to another one, and holds none of them:
 * a key that comes back later in the file (its rows not adjacent, as in two exports pasted into
 * one) cannot be merged into an order already handed on, so the streaming read stops with this,
 * and the caller reads the file again in `merge` mode, which holds the orders until its end.
 */
export class OrdersNotAdjacent extends Error {
  constructor(readonly key: string) {
    super('order rows not adjacent');
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
function pack(o: ParsedOrder): Uint8Array {
  for (const l of o.lines) rawOf(l);
  return encoder.encode(JSON.stringify(o));
}
function unpack(b: Uint8Array): ParsedOrder {
  return JSON.parse(decoder.decode(b)) as ParsedOrder;
}

/** An order being merged from its rows, unpacked; the raw text of its lines once it has several. */
interface OpenOrder {
  order: ParsedOrder;
  raws: Set<string> | null;
}

/**
 * In merge mode, orders with this many lines stay unpacked until the end of the file: merging a
 * row into a packed order costs the whole order, so a large order whose rows are not adjacent
 * must not be unpacked and repacked for each of them. Merging is linear in the rows either way.
 */
const KEEP_OPEN_LINES = 16;

/**
 * A copy of a short string that holds on to nothing else. A cell papaparse cuts from a megabyte
 * of text is a slice of that text and keeps all of it alive; a key kept for the whole file must
 * not, or the file's whole text stays in memory a slice at a time.
 */
export function ownString(s: string): string {
  return (s + ' ').slice(0, -1);
}

/** Reads one file whole into orders (merge mode). Throws AppError (with file, row, column) on anything it cannot trust. */
export function parseOrderFile(f: ImportFile, onProgress?: ImportOptions['onProgress'], limits?: Partial<IoLimits>): ParsedFile {
  const orders = new Map<string, ParsedOrder>();
  const facts = readOrderFile(f, { order: (o) => orders.set(o.key, o) }, 'merge', onProgress, limits);
  return { ...facts, orders };
}

/**
 * Reads one file and hands each order to the sink. `stream`: an order is handed on as soon as its
 * rows end, so memory stays flat whatever the file's size; throws OrdersNotAdjacent when an
 * order's rows are not together. `merge`: orders are held (packed) to the end of the file, then
 * handed on in key order. Either way a file that cannot be trusted throws AppError, possibly
 * after some orders were handed on: the caller writes inside a transaction it rolls back.
 */
export function readOrderFile(f: ImportFile, sink: OrderSink, mode: 'stream' | 'merge', onProgress?: ImportOptions['onProgress'], limits?: Partial<IoLimits>): FileFacts {
  const merging = mode === 'merge';
  const orders = new Map<string, Uint8Array>();
  // Streaming: the keys handed on (to see one come back). Merging: the large open orders.
  const handed = new Set<string>();
  const open = new Map<string, OpenOrder>();
  // The order of the previous row (an order's rows are usually adjacent).
  let current: OpenOrder | null = null;
  let count = 0;
  let map: HeaderMap | null = null;
  let format: TableInfo['format'] = 'csv';
  let lastKnown = -1;
  let rows = 0;
  let damaged = 0;
  const warningCodes: ImportFileSummary['warningCodes'] = [];
  let badTimes = 0;
  const close = (o: OpenOrder): void => {
    if (!merging) {
      handed.add(ownString(o.order.key));
      count++;
      sink.order(o.order);
    } else if (o.order.lines.length >= KEEP_OPEN_LINES) open.set(o.order.key, o); // packed at the end
    else orders.set(o.order.key, pack(o.order));
  };
  const info = readSpreadsheet(f.name, f.bytes, {
    header(cells, rowNo, fmt) {
      const m = mapHeader(cells);
      format = fmt;
      if (m.index.orderNo === undefined) throw new AppError('NO_ORDER_NO_COLUMN', { file: f.name, row: rowNo });
      if (m.duplicate) {
        const { first, second } = m.duplicate;
        const a = m.names[first];
        const b = m.names[second];
        throw new AppError('DUPLICATE_COLUMN', {
          file: f.name, row: rowNo, column: b,
          notes: [{ key: 'DUPLICATE_HEADER', params: { column: a === b ? a : `${a} / ${b}`, first: first + 1, second: second + 1 } }],
        });
      }
      lastKnown = Math.max(...(Object.values(m.index) as number[]));
      map = m;
      sink.header?.(m.names);
    },
    row(r: RawRow) {
      const m = map!;
      checkRowLength(r, m, f.name, format === 'csv' ? lastKnown : -1);
      rows++;
      const o = rowToOrder(r, m);
      if ((get(r, m, 'paidAt') !== '' && o.paidAt === null) || (get(r, m, 'shipBy') !== '' && o.shipByExport === null)) badTimes++;
      if (o.damaged) damaged++;
      if (current && current.order.key === o.key) {
        merge(current, o);
        return;
      }
      if (current) close(current);
      if (!merging) {
        if (handed.has(o.key)) throw new OrdersNotAdjacent(o.key);
        current = { order: o, raws: null };
        return;
      }
      let next = open.get(o.key);
      if (next) {
        open.delete(o.key);
        merge(next, o);
      } else {
        const packed = orders.get(o.key);
        if (packed) {
          // Seen before, not just now: unpack it to merge (it is small, or it would be open).
          orders.delete(o.key);
          next = { order: unpack(packed), raws: null };
          merge(next, o);
        } else {
          next = { order: o, raws: null };
        }
      }
      current = next;
    },
    progress(done, total) {
      onProgress?.({ file: f.name, phase: 'read', done, total });
    },
  }, withLimits(limits));
  if (!map) throw new AppError('EMPTY_FILE', { file: f.name });
  if (rows === 0) throw new AppError('HEADER_ONLY', { file: f.name });
  const last = current as OpenOrder | null;
  if (last) close(last);
  if (merging) {
    for (const o of open.values()) orders.set(o.order.key, pack(o.order));
    open.clear();
    // In key order: the unique index then grows at its end instead of at random pages.
    const keys = [...orders.keys()].sort();
    count = keys.length;
    for (const k of keys) {
      const o = unpack(orders.get(k)!);
      orders.delete(k);
      sink.order(o);
    }
  }
  if (damaged) warningCodes.push({ code: 'DAMAGED_ORDER_NOS', count: damaged });
  if (badTimes) warningCodes.push({ code: 'BAD_TIMES', count: badTimes });
  const warnings = warningCodes.map((w) => fillParams(IMPORT_WARNINGS[w.code], { count: w.count }));
  const label = info.entry ? `${f.name} › ${info.entry}` : f.name;
  return {
    name: label,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
    format: info.format,
    encoding: info.encoding,
    headers: (map as HeaderMap).names,
    rows,
    orders: count,
    damaged,
    warnings,
    warningCodes,
  };
}

/** Another row of the same order: a new item adds its line and amounts; the same row again adds nothing. */
function merge(into: OpenOrder, row: ParsedOrder): void {
  const line = row.lines[0];
  into.raws ??= new Set(into.order.lines.map(rawOf));
  const raw = rawOf(line);
  if (into.raws.has(raw)) return;
  into.raws.add(raw);
  const prev = into.order;
  prev.lines.push(line);
  if (row.paidCents !== null) prev.paidCents = (prev.paidCents ?? 0) + row.paidCents;
  if (row.totalCents !== null) prev.totalCents = (prev.totalCents ?? 0) + row.totalCents;
}

/**
 * Cells past the header are tolerated only when empty (a trailing comma or tab); data there means
 * a shifted row. A CSV row with fewer cells than the header is refused when a missing cell is one
 * VShip reads (`lastKnown`, the last column of a known field; -1 for XLSX, whose rows leave out
 * empty cells): read as empty, a missing 售后状态 would make a refunded order shippable. An
 * export that leaves out trailing empty cells of columns VShip never reads is tolerated.
 */
function checkRowLength(r: RawRow, m: HeaderMap, file: string, lastKnown: number): void {
  if (r.cells.length <= lastKnown) {
    throw new AppError('ROW_TOO_SHORT', { file, row: r.rowNo, column: m.names[r.cells.length], columnNo: r.cells.length + 1, notes: [{ key: 'TOO_FEW_CELLS', params: { header: m.names.length, cells: r.cells.length } }] });
  }
  if (r.cells.length <= m.names.length) return;
  for (let i = m.names.length; i < r.cells.length; i++) {
    if (cellText(r.cells[i]) !== '') throw new AppError('ROW_TOO_LONG', { file, row: r.rowNo, columnNo: i + 1, notes: [{ key: 'TOO_MANY_CELLS', params: { header: m.names.length, cells: r.cells.length } }] });
  }
}

function get(r: RawRow, m: HeaderMap, f: OrderField): string {
  const i = m.index[f];
  return i === undefined ? '' : cellText(r.cells[i]);
}
function cell(r: RawRow, m: HeaderMap, f: OrderField): Cell | undefined {
  const i = m.index[f];
  return i === undefined ? undefined : r.cells[i];
}

function rowToOrder(r: RawRow, m: HeaderMap): ParsedOrder {
  const orderCell = cell(r, m, 'orderNo');
  const orderNo = cellText(orderCell);
  // A numeric cell can never be a real order number: Excel has already turned it into a float.
  const damaged = typeof orderCell === 'number' || !ORDER_NO_RE.test(orderNo);
  // The row as the file holds it, untrimmed (one cell per header): what the export said, kept for the merchant's proof.
  const rowCells = r.cells.length === m.names.length ? r.cells : Array.from({ length: m.names.length }, (_, i) => r.cells[i]);
  const qty = parseIntCell(cell(r, m, 'quantity'));
  const line: ParsedLine = {
    productName: get(r, m, 'productName'),
    productId: get(r, m, 'productId'),
    spec: get(r, m, 'spec'),
    styleId: get(r, m, 'styleId'),
    skuCode: get(r, m, 'skuCode'),
    quantity: qty === null || qty < 1 ? 1 : qty,
    cells: rowCells,
    sourceRow: r.rowNo,
  };
  return {
    // Damaged rows cannot be matched to anything: each is its own record, keyed by its cells (trimmed,
    // as the key has always been made: the same damaged row imported again is the same record).
    key: damaged ? damagedKey(orderNo, r, m) : orderNo,
    orderNo: orderNo === '' ? '(空)' : orderNo,
    damaged,
    status: get(r, m, 'status'),
    afterSale: get(r, m, 'afterSale'),
    goodsCode: get(r, m, 'goodsCode'),
    totalCents: parseCents(cell(r, m, 'totalAmount')),
    paidCents: parseCents(cell(r, m, 'paidAmount')),
    dealAt: parseTime(cell(r, m, 'dealAt')),
    paidAt: parseTime(cell(r, m, 'paidAt')),
    shipByExport: parseTime(cell(r, m, 'shipBy')),
    rechargeNo: get(r, m, 'rechargeNo'),
    buyerMemo: get(r, m, 'buyerMemo'),
    merchantMemo: get(r, m, 'merchantMemo'),
    province: get(r, m, 'province'),
    city: get(r, m, 'city'),
    district: get(r, m, 'district'),
    lines: [line],
  };
}

function damagedKey(orderNo: string, r: RawRow, m: HeaderMap): string {
  const cells: string[] = new Array(m.names.length);
  for (let i = 0; i < m.names.length; i++) cells[i] = cellText(r.cells[i]);
  const text = JSON.stringify(cells);
  return `damaged:${orderNo}:${text.length}:${hashShort(text)}`;
}

function hashShort(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 16);
}

