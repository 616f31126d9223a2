import { createHash } from 'node:crypto';
import { IMPORT_WARNINGS, type ImportFileSummary } from '../../../../shared/domain';
import { AppError, fillParams } from '../../../../shared/errors';
import { cellText, ORDER_NO_RE, parseCents, parseIntCell, parseTime } from '../../io/cells';
import { mapHeader, type HeaderMap, type OrderField } from '../../io/header-map';
import { readSpreadsheet } from '../../io/read-spreadsheet';
import type { Cell, RawRow } from '../../io/table';

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
}

export interface ParsedLine {
  productName: string;
  productId: string;
  spec: string;
  styleId: string;
  skuCode: string;
  quantity: number;
  raw: string;
  sourceRow: number;
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

export interface ParsedFile {
  name: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  headers: string[];
  rows: number;
  /** Each order packed as UTF-8 JSON: a 100,000-order file then holds ~90 MB, not ~300 MB of objects. */
  orders: Map<string, Uint8Array>;
  damaged: number;
  warnings: string[];
  warningCodes: ImportFileSummary['warningCodes'];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export function pack(o: ParsedOrder): Uint8Array {
  return encoder.encode(JSON.stringify(o));
}
export function unpack(b: Uint8Array): ParsedOrder {
  return JSON.parse(decoder.decode(b)) as ParsedOrder;
}

/** Reads one file into orders. Throws AppError (with file, row, column) on anything it cannot trust. */
export function parseOrderFile(f: ImportFile, onProgress?: ImportOptions['onProgress']): ParsedFile {
  const orders = new Map<string, Uint8Array>();
  let map: HeaderMap | null = null;
  let rows = 0;
  let damaged = 0;
  const warningCodes: ImportFileSummary['warningCodes'] = [];
  let badTimes = 0;
  const info = readSpreadsheet(f.name, f.bytes, {
    header(cells) {
      map = mapHeader(cells);
      if (map.index.orderNo === undefined) throw new AppError('NO_ORDER_NO_COLUMN', { file: f.name, row: 1 });
    },
    row(r: RawRow) {
      const m = map!;
      checkRowLength(r, m, f.name);
      rows++;
      const o = rowToOrder(r, m);
      if ((get(r, m, 'paidAt') !== '' && o.paidAt === null) || (get(r, m, 'shipBy') !== '' && o.shipByExport === null)) badTimes++;
      if (o.damaged) damaged++;
      const packed = orders.get(o.key);
      if (!packed) orders.set(o.key, pack(o));
      else {
        const prev = unpack(packed);
        if (!prev.lines.some((l) => l.raw === o.lines[0].raw)) {
          // Another item of the same order: its amounts add to the order's.
          prev.lines.push(o.lines[0]);
          if (o.paidCents !== null) prev.paidCents = (prev.paidCents ?? 0) + o.paidCents;
          if (o.totalCents !== null) prev.totalCents = (prev.totalCents ?? 0) + o.totalCents;
          orders.set(o.key, pack(prev));
        }
      }
    },
    progress(done, total) {
      onProgress?.({ file: f.name, phase: 'read', done, total });
    },
  });
  if (!map) throw new AppError('EMPTY_FILE', { file: f.name });
  if (rows === 0) throw new AppError('HEADER_ONLY', { file: f.name });
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
    orders,
    damaged,
    warnings,
    warningCodes,
  };
}

/** Cells past the header are tolerated only when empty (a trailing comma or tab); data there means a shifted row. */
function checkRowLength(r: RawRow, m: HeaderMap, file: string): void {
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
  const rawCells: string[] = new Array(m.names.length);
  for (let i = 0; i < m.names.length; i++) rawCells[i] = cellText(r.cells[i]);
  const qty = parseIntCell(cell(r, m, 'quantity'));
  const line: ParsedLine = {
    productName: get(r, m, 'productName'),
    productId: get(r, m, 'productId'),
    spec: get(r, m, 'spec'),
    styleId: get(r, m, 'styleId'),
    skuCode: get(r, m, 'skuCode'),
    quantity: qty === null || qty < 1 ? 1 : qty,
    raw: JSON.stringify(rawCells),
    sourceRow: r.rowNo,
  };
  return {
    // Damaged rows cannot be matched to anything: each is its own record, keyed by where it was found.
    key: damaged ? `damaged:${orderNo}:${line.raw.length}:${hashShort(line.raw)}` : orderNo,
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

function hashShort(s: string): string {
  return createHash('sha1').update(s).digest('hex').slice(0, 16);
}

