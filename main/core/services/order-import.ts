import { createHash } from 'node:crypto';
import type { ImportFileSummary, ImportSummary } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { classifyOrder, computeShipBy } from '../../../shared/rules/classify';
import type { Db } from '../db/open';
import { cellText, ORDER_NO_RE, parseCents, parseIntCell, parseTime } from '../io/cells';
import { mapHeader, type HeaderMap, type OrderField } from '../io/header-map';
import { readSpreadsheet } from '../io/read-spreadsheet';
import type { Cell, RawRow } from '../io/table';
import { nowIso } from './clock';
import { applyStatusToAllocations } from './allocation';
import { syncProducts } from './products';
import { getShop } from './shops';

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

interface ParsedLine {
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
interface ParsedOrder {
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

interface ParsedFile {
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
}

/**
 * Imports order exports into a shop. All files are read and checked first; only then is
 * everything written, in one transaction: a bad file anywhere leaves the database untouched.
 * Consumes the files: each one's bytes are released once it has been read.
 */
export function importOrderFiles(db: Db, shopId: number, files: ImportFile[], opts: ImportOptions): ImportSummary {
  const started = Date.now();
  getShop(db, shopId);
  const parsed = files.map((f) => {
    const p = parseOrderFile(f, opts.onProgress);
    // The bytes are read: let them go before the write phase (a 100,000-order export is ~40 MB).
    f.bytes = new Uint8Array(0);
    return p;
  });
  const summary = writeImport(db, shopId, parsed, opts);
  summary.durationMs = Date.now() - started;
  return summary;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
function pack(o: ParsedOrder): Uint8Array {
  return encoder.encode(JSON.stringify(o));
}
function unpack(b: Uint8Array): ParsedOrder {
  return JSON.parse(decoder.decode(b)) as ParsedOrder;
}

/** Reads one file into orders. Throws AppError (with file, row, column) on anything it cannot trust. */
export function parseOrderFile(f: ImportFile, onProgress?: ImportOptions['onProgress']): ParsedFile {
  const orders = new Map<string, Uint8Array>();
  let map: HeaderMap | null = null;
  let rows = 0;
  let damaged = 0;
  const warnings: string[] = [];
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
  if (damaged) warnings.push(`${damaged} 行订单号已损坏`);
  if (badTimes) warnings.push(`${badTimes} 行的时间无法识别`);
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
  };
}

/** Cells past the header are tolerated only when empty (a trailing comma or tab); data there means a shifted row. */
function checkRowLength(r: RawRow, m: HeaderMap, file: string): void {
  if (r.cells.length <= m.names.length) return;
  for (let i = m.names.length; i < r.cells.length; i++) {
    if (cellText(r.cells[i]) !== '') throw new AppError('ROW_TOO_LONG', { file, row: r.rowNo, column: `第 ${i + 1} 列`, detail: `表头 ${m.names.length} 列，此行 ${r.cells.length} 列` });
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

/** The fields whose changes are kept in the order's history, in display order. */
const TRACKED = ['status', 'afterSale', 'productName', 'spec', 'skuCode', 'quantity', 'paidCents', 'paidAt', 'shipBy', 'rechargeNo', 'buyerMemo', 'merchantMemo'] as const;
type Tracked = (typeof TRACKED)[number];

interface OrderValues {
  orderNo: string; damaged: number; status: string; afterSale: string; shippable: number; reason: string | null;
  productName: string; productId: string; spec: string; styleId: string; skuCode: string; goodsCode: string;
  quantity: number; totalCents: number | null; paidCents: number | null; dealAt: string | null; paidAt: string | null;
  shipBy: string | null; shipByFromExport: number; rechargeNo: string; buyerMemo: string; merchantMemo: string;
  province: string; city: string; district: string; fingerprint: string; lineCount: number;
}

function toValues(o: ParsedOrder, promiseHours: number): OrderValues {
  const first = o.lines[0];
  const c = classifyOrder(o.status, o.afterSale, o.damaged);
  const paid = o.paidAt ?? o.dealAt;
  const sb = computeShipBy(o.shipByExport, paid, promiseHours);
  const quantity = o.lines.reduce((n, l) => n + l.quantity, 0);
  // What the export said, not what we derived: a changed promise setting is not a change of the order.
  const fingerprint = createHash('sha1').update(JSON.stringify([
    o.orderNo, o.status, o.afterSale, o.goodsCode, o.totalCents, o.paidCents, o.dealAt, o.paidAt, o.shipByExport,
    o.rechargeNo, o.buyerMemo, o.merchantMemo, o.province, o.city, o.district,
    o.lines.map((l) => [l.productName, l.productId, l.spec, l.styleId, l.skuCode, l.quantity]),
  ])).digest('hex');
  return {
    orderNo: o.orderNo, damaged: o.damaged ? 1 : 0, status: o.status, afterSale: o.afterSale,
    shippable: c.shippable ? 1 : 0, reason: c.reason,
    productName: first.productName, productId: first.productId, spec: first.spec, styleId: first.styleId,
    skuCode: first.skuCode, goodsCode: o.goodsCode, quantity, totalCents: o.totalCents, paidCents: o.paidCents,
    dealAt: o.dealAt, paidAt: paid, shipBy: sb.shipBy, shipByFromExport: sb.fromExport ? 1 : 0,
    rechargeNo: o.rechargeNo, buyerMemo: o.buyerMemo, merchantMemo: o.merchantMemo,
    province: o.province, city: o.city, district: o.district, fingerprint, lineCount: o.lines.length,
  };
}

const COLS = `order_no, damaged, status, after_sale, shippable, reason, product_name, product_id, spec, style_id,
  sku_code, goods_code, quantity, total_cents, paid_cents, deal_at, paid_at, ship_by, ship_by_from_export,
  recharge_no, buyer_memo, merchant_memo, province, city, district, fingerprint, line_count`;
/** The values of COLS, in order (positional binding: much cheaper than named, per row). */
function params(v: OrderValues): unknown[] {
  return [v.orderNo, v.damaged, v.status, v.afterSale, v.shippable, v.reason, v.productName, v.productId, v.spec, v.styleId,
    v.skuCode, v.goodsCode, v.quantity, v.totalCents, v.paidCents, v.dealAt, v.paidAt, v.shipBy, v.shipByFromExport,
    v.rechargeNo, v.buyerMemo, v.merchantMemo, v.province, v.city, v.district, v.fingerprint, v.lineCount];
}
const MARKS = Array.from({ length: 27 }, () => '?').join(', ');

function writeImport(db: Db, shopId: number, files: ParsedFile[], opts: ImportOptions): ImportSummary {
  const insImport = db.prepare(`INSERT INTO imports (shop_id, file, sha256, format, encoding, rows, new, updated, unchanged, damaged, headers, imported_at)
    VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)`);
  const finishImport = db.prepare('UPDATE imports SET new = ?, updated = ?, unchanged = ? WHERE id = ?');
  const known = db.prepare('SELECT order_key, id, fingerprint FROM orders WHERE shop_id = ?').raw();
  const find = db.prepare(`SELECT id, fingerprint, status, after_sale AS afterSale, product_name AS productName, spec, sku_code AS skuCode,
    quantity, paid_cents AS paidCents, paid_at AS paidAt, ship_by AS shipBy, recharge_no AS rechargeNo, buyer_memo AS buyerMemo,
    merchant_memo AS merchantMemo FROM orders WHERE shop_id = ? AND order_key = ?`);
  const ins = db.prepare(`INSERT INTO orders (shop_id, order_key, ${COLS}, first_seen_at, last_seen_at, last_changed_at, first_import_id, last_import_id)
    VALUES (?, ?, ${MARKS}, ?, ?, ?, ?, ?)`);
  const upd = db.prepare(`UPDATE orders SET (${COLS}, last_seen_at, last_changed_at, last_import_id) = (${MARKS}, ?, ?, ?) WHERE id = ?`);
  const delLines = db.prepare('DELETE FROM order_lines WHERE order_id = ?');
  const insLine = db.prepare(`INSERT INTO order_lines (order_id, line_no, product_name, product_id, spec, style_id, sku_code, quantity, raw, import_id, source_row)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insChange = db.prepare('INSERT INTO order_changes (order_id, import_id, seen_at, field, before, after) VALUES (?, ?, ?, ?, ?, ?)');

  const summary: ImportSummary = { importIds: [], files: [], read: 0, new: 0, updated: 0, unchanged: 0, damaged: 0, shippable: 0, notShippable: 0, durationMs: 0 };
  const now = nowIso();
  db.transaction(() => {
    // One read of the shop's keys instead of a lookup per order; full rows only for changed ones.
    const existing = new Map<string, [number, string]>();
    for (const [k, id, fp] of known.iterate(shopId) as Iterable<[string, number, string]>) existing.set(k, [id, fp]);
    for (const f of files) {
      const importId = Number(insImport.run(shopId, f.name, f.sha256, f.format, f.encoding, f.rows, f.damaged, JSON.stringify(f.headers), now).lastInsertRowid);
      const fs: ImportFileSummary = { file: f.name, format: f.format, encoding: f.encoding, rows: f.rows, read: f.orders.size, new: 0, updated: 0, unchanged: 0, damaged: f.damaged, shippable: 0, notShippable: 0, warnings: f.warnings };
      let done = 0;
      // In key order: the unique index then grows at its end instead of at random pages.
      const keys = [...f.orders.keys()].sort();
      for (const key of keys) {
        const o = unpack(f.orders.get(key)!);
        const v = toValues(o, opts.shipPromiseHours);
        if (v.shippable) fs.shippable++;
        else fs.notShippable++;
        const seen = existing.get(o.key);
        if (!seen) {
          const id = Number(ins.run(shopId, o.key, ...params(v), now, now, now, importId, importId).lastInsertRowid);
          writeLines(id, o.lines, importId);
          existing.set(o.key, [id, v.fingerprint]);
          fs.new++;
        } else if (seen[1] === v.fingerprint) {
          fs.unchanged++;
        } else {
          const prev = find.get(shopId, o.key) as Record<Tracked, string | number | null> & { id: number; fingerprint: string };
          seen[1] = v.fingerprint;
          upd.run(...params(v), now, now, importId, prev.id);
          if (prev.status !== v.status) applyStatusToAllocations(db, prev.id, v.status);
          delLines.run(prev.id);
          writeLines(prev.id, o.lines, importId);
          for (const k of TRACKED) {
            const before = prev[k] ?? '';
            const after = (v as unknown as Record<Tracked, string | number | null>)[k] ?? '';
            if (String(before) !== String(after)) insChange.run(prev.id, importId, now, k, String(before), String(after));
          }
          fs.updated++;
        }
        if (++done % 5000 === 0) opts.onProgress?.({ file: f.name, phase: 'write', done, total: f.orders.size });
      }
      finishImport.run(fs.new, fs.updated, fs.unchanged, importId);
      opts.onProgress?.({ file: f.name, phase: 'done', done: f.orders.size, total: f.orders.size });
      summary.importIds.push(importId);
      summary.files.push(fs);
      for (const k of ['read', 'new', 'updated', 'unchanged', 'damaged', 'shippable', 'notShippable'] as const) summary[k] += fs[k];
    }
    syncProducts(db, shopId, summary.importIds);
  }).immediate();
  return summary;

  function writeLines(orderId: number, lines: ParsedLine[], importId: number): void {
    lines.forEach((l, i) => insLine.run(orderId, i + 1, l.productName, l.productId, l.spec, l.styleId, l.skuCode, l.quantity, l.raw, importId, l.sourceRow));
  }
}
