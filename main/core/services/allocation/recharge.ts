import type { FilePayload } from '../../../../shared/contract';
import type { RechargedManyResult, RechargeRefusal, SupplierPreview } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { toBeijingIso } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import { cellText, ORDER_NO_RE } from '../../io/cells';
import { normalizeHeader } from '../../io/header-map';
import { readSpreadsheet } from '../../io/read-spreadsheet';
import type { Cell } from '../../io/table';
import { nowMs } from '../clock';
import { appendLedger } from '../ledger';
import { checkShop } from '../rules/check';
import { loadProfiles, orderNeeds, type NeedLine, type Profile } from './needs';

/**
 * Top-ups (直充) marked in bulk: checked orders from the grid, or a supplier's result file
 * (订单号, 供应商单号, maybe 状态). Every order is judged the same way — found, a top-up, still
 * shippable, not yet marked — and those that pass are marked in one transaction.
 */

/** Why an order cannot be marked now (null: it can). */
function judge(db: Db, shopId: number, orderNo: string, profiles: Map<string, Profile>): { id: number } | RechargeRefusal {
  const o = db.prepare('SELECT id, shippable FROM orders WHERE shop_id = ? AND order_no = ? AND damaged = 0').get(shopId, orderNo) as { id: number; shippable: number } | undefined;
  if (!o) return 'NOT_FOUND';
  const lines = db.prepare('SELECT sku_code, style_id, product_id, spec, quantity FROM order_lines WHERE order_id = ? ORDER BY line_no').all(o.id) as NeedLine[];
  if (orderNeeds(lines, profiles) !== 'RECHARGE_PENDING') return 'NOT_RECHARGE';
  if (db.prepare('SELECT 1 FROM allocations WHERE order_id = ? AND released_at IS NULL').get(o.id)) return 'ALREADY_FILLED';
  if (!o.shippable) return 'NOT_SHIPPABLE';
  return { id: o.id };
}

/** Marks many top-up orders 已充值 (each with its supplier reference, if any), in one transaction. */
export function markRechargedMany(db: Db, shopId: number, entries: { orderNo: string; ref?: string }[]): RechargedManyResult {
  return db.transaction((): RechargedManyResult => {
    const profiles = loadProfiles(db, shopId);
    const ins = db.prepare(`INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, source, recharge_ref, created_at) VALUES (?, ?, NULL, 'recharge', 0, 'recharge', ?, ?)`);
    const at = toBeijingIso(nowMs());
    const result: RechargedManyResult = { marked: 0, notMarked: [] };
    const seen = new Set<string>();
    const ids: number[] = [];
    for (const e of entries) {
      if (seen.has(e.orderNo)) { result.notMarked.push({ orderNo: e.orderNo, reason: 'DUPLICATE_ROW' }); continue; }
      seen.add(e.orderNo);
      const j = judge(db, shopId, e.orderNo, profiles);
      if (typeof j === 'string') { result.notMarked.push({ orderNo: e.orderNo, reason: j }); continue; }
      const ref = (e.ref ?? '').trim();
      ins.run(shopId, j.id, ref, at);
      appendLedger(db, { shopId, event: 'recharge', subject: `order:${e.orderNo}`, detail: { ref } });
      ids.push(j.id);
      result.marked++;
    }
    if (ids.length) checkShop(db, shopId, { orderIds: ids });
    return result;
  }).immediate();
}

/** Header names of the supplier file's columns (compared without spaces, brackets half-width). */
const ORDER_COLS = ['订单号', '订单编号', '拼多多订单号', '平台订单号', '外部订单号', '商户订单号'].map(normalizeHeader);
const REF_COLS = ['供应商单号', '供应商订单号', '充值单号', '流水号', '系统单号'].map(normalizeHeader);
const STATUS_COLS = ['状态', '充值状态', '结果', '充值结果'].map(normalizeHeader);
const FAILED = /失败|错误|异常|不成功|退款|取消|处理中|未充值/;

/** A number Excel made of an order number (2.31201E+20 in a CSV, a numeric cell in an .xlsx). */
const SCIENTIFIC = /^[+-]?\d(\.\d+)?e[+-]?\d+$/i;

/**
 * Reads a supplier's result file and judges each row against the shop's orders, writing nothing.
 * A file that cannot be trusted row by row is refused whole: no 订单号 column, no rows, or order
 * numbers Excel turned into numbers (the digits are lost, no order can be matched).
 */
export function previewSupplierFile(db: Db, shopId: number, file: FilePayload): SupplierPreview {
  let header: string[] | null = null;
  let headerRow = 0;
  const rows: { rowNo: number; cells: Cell[] }[] = [];
  readSpreadsheet(file.name, file.bytes, {
    header(cells, rowNo) { header = cells.map((c) => cellText(c)); headerRow = rowNo; },
    row(r) { rows.push({ rowNo: r.rowNo, cells: [...r.cells] }); },
  });
  const names = (header ?? [] as string[]).map((h) => normalizeHeader(h));
  const col = (wanted: string[]) => { for (const w of wanted) { const i = names.indexOf(w); if (i >= 0) return i; } return -1; };
  const orderCol = col(ORDER_COLS);
  if (orderCol < 0) throw new AppError('SUPPLIER_NO_ORDER_COLUMN', { file: file.name, row: headerRow || 1 });
  const refCol = col(REF_COLS);
  const statusCol = col(STATUS_COLS);
  const orderHeader = (header as string[] | null)?.[orderCol] ?? '订单号';
  const profiles = loadProfiles(db, shopId);
  const preview: SupplierPreview = { file: file.name, rows: 0, toMark: [], refused: [] };
  const seen = new Set<string>();
  for (const r of rows) {
    const cell = r.cells[orderCol];
    const orderNo = cellText(cell);
    if (orderNo === '' && r.cells.every((c) => cellText(c) === '')) continue;
    if (typeof cell === 'number' || SCIENTIFIC.test(orderNo)) {
      throw new AppError('SUPPLIER_ORDER_NO_NUMBER', { file: file.name, row: r.rowNo, column: orderHeader, detail: orderNo });
    }
    if (!ORDER_NO_RE.test(orderNo)) throw new AppError('SUPPLIER_BAD_ORDER_NO', { file: file.name, row: r.rowNo, column: orderHeader, detail: orderNo });
    preview.rows++;
    const status = statusCol >= 0 ? cellText(r.cells[statusCol]) : '';
    if (status && FAILED.test(status)) { preview.refused.push({ row: r.rowNo, orderNo, reason: 'SUPPLIER_FAILED', status }); continue; }
    if (seen.has(orderNo)) { preview.refused.push({ row: r.rowNo, orderNo, reason: 'DUPLICATE_ROW' }); continue; }
    seen.add(orderNo);
    const j = judge(db, shopId, orderNo, profiles);
    if (typeof j === 'string') { preview.refused.push({ row: r.rowNo, orderNo, reason: j }); continue; }
    preview.toMark.push({ row: r.rowNo, orderNo, ref: refCol >= 0 ? cellText(r.cells[refCol]).slice(0, 200) : '' });
  }
  if (preview.rows === 0) throw new AppError('SUPPLIER_NO_ROWS', { file: file.name });
  return preview;
}
