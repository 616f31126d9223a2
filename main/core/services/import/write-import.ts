import { createHash } from 'node:crypto';
import type { ImportFileSummary, ImportSummary } from '../../../../shared/domain';
import { classifyOrder } from '../../../../shared/rules/classify';
import { computeShipBy } from '../../../../shared/rules/ship-by';
import type { Db } from '../../db/open';
import { faultPoint } from '../../fault';
import { applyStatusToAllocations } from '../allocation';
import { nowIso } from '../clock';
import { syncProducts } from '../products';
import { OrdersNotAdjacent, ownString, rawOf, readOrderFile, type FileFacts, type ImportFile, type ImportOptions, type ParsedLine, type ParsedOrder } from './parse-file';
import { checkShop } from '../rules/check';
import { exportedOrders, learnShipState } from '../export/learn';

/** Writing read files into the shop: new, changed and unchanged orders, their history, products. */

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

/**
 * Reads the files and writes their orders into the shop, in one transaction: each order is written
 * as soon as the reader has all its rows, so no file is ever held as parsed orders (memory stays
 * flat at a million rows); a file that turns out damaged anywhere throws, and the whole import is
 * rolled back. A file whose order rows are not adjacent is read again, merging, from a savepoint
 * taken at its start. Consumes the files: each one's bytes are released once it has been read.
 */
export function writeImport(db: Db, shopId: number, files: ImportFile[], opts: ImportOptions): ImportSummary {
  const insImport = db.prepare(`INSERT INTO imports (shop_id, file, sha256, format, encoding, rows, new, updated, unchanged, damaged, headers, imported_at)
    VALUES (?, ?, '', 'csv', NULL, 0, 0, 0, 0, 0, ?, ?)`);
  const finishImport = db.prepare('UPDATE imports SET file = ?, sha256 = ?, format = ?, encoding = ?, rows = ?, damaged = ?, new = ?, updated = ?, unchanged = ? WHERE id = ?');
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
    faultPoint('import.begin');
    // One read of the shop's keys instead of a lookup per order; full rows only for changed ones.
    const existing = new Map<string, [number, string]>();
    for (const [k, id, fp] of known.iterate(shopId) as Iterable<[string, number, string]>) existing.set(k, [id, fp]);
    // Orders new in this import are looked up again only by a later file of the same import.
    const remember = files.length > 1;
    const outbound = exportedOrders(db, shopId);
    for (const f of files) {
      let fs!: ImportFileSummary;
      let importId = 0;
      let headers: string[] = [];
      // What the file changed in memory (`existing`, the exported orders' states), to put back
      // when its streaming read is given up (the database goes back by its savepoint).
      let undo: (() => void)[] = [];
      const learn = (id: number, status: string, afterSale: string) => {
        const out = outbound.get(id);
        if (!out) return;
        const state = out.state;
        learnShipState(db, out, status, afterSale, importId, now);
        if (out.state !== state) undo.push(() => { out.state = state; });
      };
      const sink = {
        header(names: string[]) {
          headers = names;
        },
        order(o: ParsedOrder) {
          if (importId === 0) importId = Number(insImport.run(shopId, f.name, JSON.stringify(headers), now).lastInsertRowid);
          const v = toValues(o, opts.shipPromiseHours);
          if (v.shippable) fs.shippable++;
          else fs.notShippable++;
          const seen = existing.get(o.key);
          if (!seen) {
            const id = Number(ins.run(shopId, o.key, ...params(v), now, now, now, importId, importId).lastInsertRowid);
            writeLines(id, o.lines, importId);
            if (remember) {
              const key = ownString(o.key);
              existing.set(key, [id, v.fingerprint]);
              undo.push(() => existing.delete(key));
            }
            fs.new++;
          } else if (seen[1] === v.fingerprint) {
            fs.unchanged++;
            learn(seen[0], v.status, v.afterSale);
          } else {
            const prev = find.get(shopId, o.key) as Record<Tracked, string | number | null> & { id: number; fingerprint: string };
            const fingerprint = seen[1];
            undo.push(() => { seen[1] = fingerprint; });
            seen[1] = v.fingerprint;
            upd.run(...params(v), now, now, importId, prev.id);
            if (prev.status !== v.status || prev.afterSale !== v.afterSale) applyStatusToAllocations(db, prev.id, v.status, v.afterSale);
            delLines.run(prev.id);
            writeLines(prev.id, o.lines, importId);
            for (const k of TRACKED) {
              const before = prev[k] ?? '';
              const after = (v as unknown as Record<Tracked, string | number | null>)[k] ?? '';
              if (String(before) !== String(after)) insChange.run(prev.id, importId, now, k, String(before), String(after));
            }
            learn(prev.id, v.status, v.afterSale);
            fs.updated++;
          }
        },
      };
      const start = () => {
        importId = 0;
        undo = [];
        fs = { file: f.name, format: 'csv', encoding: null, rows: 0, read: 0, new: 0, updated: 0, unchanged: 0, damaged: 0, shippable: 0, notShippable: 0, warnings: [], warningCodes: [] };
      };
      let facts: FileFacts;
      try {
        start();
        // A savepoint: given up, the streaming read leaves nothing behind.
        facts = db.transaction(() => readOrderFile(f, sink, 'stream', opts.onProgress, opts.limits))();
      } catch (e) {
        if (!(e instanceof OrdersNotAdjacent)) throw e;
        for (const u of undo.reverse()) u();
        start();
        facts = readOrderFile(f, sink, 'merge', opts.onProgress, opts.limits);
      }
      // The bytes are read: let them go (a 100,000-order export is ~40 MB).
      f.bytes = new Uint8Array(0);
      if (importId === 0) importId = Number(insImport.run(shopId, facts.name, JSON.stringify(facts.headers), now).lastInsertRowid);
      Object.assign(fs, { file: facts.name, format: facts.format, encoding: facts.encoding, rows: facts.rows, read: facts.orders, damaged: facts.damaged, warnings: facts.warnings, warningCodes: facts.warningCodes });
      finishImport.run(facts.name, facts.sha256, facts.format, facts.encoding, facts.rows, facts.damaged, fs.new, fs.updated, fs.unchanged, importId);
      // Read and written as it went: what is left of the file is the shop's own work (products, checks, commit).
      opts.onProgress?.({ file: facts.name, phase: 'write', done: facts.orders, total: facts.orders });
      summary.importIds.push(importId);
      summary.files.push(fs);
      for (const k of ['read', 'new', 'updated', 'unchanged', 'damaged', 'shippable', 'notShippable'] as const) summary[k] += fs[k];
    }
    syncProducts(db, shopId, summary.importIds);
    // The orders this import wrote are checked against the rules in the same transaction.
    checkShop(db, shopId, { importIds: summary.importIds });
    for (const fs of summary.files) opts.onProgress?.({ file: fs.file, phase: 'done', done: fs.read, total: fs.read });
    faultPoint('import.beforeCommit');
  }).immediate();
  faultPoint('import.committed');
  return summary;

  function writeLines(orderId: number, lines: ParsedLine[], importId: number): void {
    lines.forEach((l, i) => insLine.run(orderId, i + 1, l.productName, l.productId, l.spec, l.styleId, l.skuCode, l.quantity, rawOf(l), importId, l.sourceRow));
  }
}
