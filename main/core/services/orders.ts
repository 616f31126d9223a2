import type { CheckedOrder } from '../../../shared/contract';
import type { Finding, Order, OrderDetail, OrdersPage, OrdersQuery, OrdersSummary, ReasonCode, ShipNoteCode } from '../../../shared/domain';
import { SHIP_NOTES } from '../../../shared/domain';
import { fillParams } from '../../../shared/errors';
import { toBeijingIso } from '../../../shared/rules/classify';
import { DUE_SOON_MS } from '../../../shared/rules/ship-by';
import { skuKeySql } from '../../../shared/rules/sku-key';
import type { Db } from '../db/open';
import { orderItems } from './allocation';
import { nowMs } from './clock';
import { ACTIVE_FINDING, findingsForOrders } from './rules/findings';
import { COLUMN_OF_STATE, READY_ORDER, STATE_OF_COLUMN } from './export/ready';

const SELECT = `SELECT id, shop_id, order_no, damaged, status, after_sale, shippable, reason, product_name, product_id, spec,
  style_id, sku_code, sku_key, goods_code, quantity, total_cents, paid_cents, deal_at, paid_at, ship_by, ship_by_from_export,
  recharge_no, buyer_memo, merchant_memo, province, city, district, first_seen_at, last_seen_at, last_changed_at, line_count,
  ship_state, ship_note, export_id, exported_at
  FROM orders`;

type Row = Record<string, string | number | null>;

/** What tells an order's product apart (its SKU key and the fields the key is made of). */
function productFields(r: Row): Pick<Order, 'productId' | 'spec' | 'styleId' | 'skuCode' | 'skuKey'> {
  return {
    productId: r.product_id as string,
    spec: r.spec as string,
    styleId: r.style_id as string,
    skuCode: r.sku_code as string,
    skuKey: r.sku_key as string,
  };
}

function toOrder(r: Row): Order {
  return {
    id: r.id as number,
    shopId: r.shop_id as number,
    orderNo: r.order_no as string,
    damaged: r.damaged === 1,
    status: r.status as string,
    afterSale: r.after_sale as string,
    shippable: r.shippable === 1,
    reason: (r.reason as ReasonCode | null) ?? null,
    productName: r.product_name as string,
    ...productFields(r),
    goodsCode: r.goods_code as string,
    quantity: r.quantity as number,
    totalCents: r.total_cents as number | null,
    paidCents: r.paid_cents as number | null,
    dealAt: r.deal_at as string | null,
    paidAt: r.paid_at as string | null,
    shipBy: r.ship_by as string | null,
    shipByFromExport: r.ship_by_from_export === 1,
    rechargeNo: r.recharge_no as string,
    buyerMemo: r.buyer_memo as string,
    merchantMemo: r.merchant_memo as string,
    province: r.province as string,
    city: r.city as string,
    district: r.district as string,
    firstSeenAt: r.first_seen_at as string,
    lastSeenAt: r.last_seen_at as string,
    lastChangedAt: r.last_changed_at as string,
    lineCount: r.line_count as number,
    items: [],
    findings: [],
    shipState: STATE_OF_COLUMN[r.ship_state as string] ?? null,
    ...shipNote(r.ship_state as string | null, (r.ship_note as string) ?? ''),
    exportId: (r.export_id as number | null) ?? null,
    exportedAt: (r.exported_at as string | null) ?? null,
  };
}

/** An attention note is stored as its code (learn.ts); a failed upload's note is the backend's own words. */
function shipNote(state: string | null, note: string): Pick<Order, 'shipNote' | 'shipNoteCode' | 'shipNoteParams'> {
  const m = state === 'attention' ? /^(STILL_WAITING|CLOSED_AFTER_EXPORT)(?::(\d+))?$/.exec(note) : null;
  if (!m) return { shipNote: note, shipNoteCode: null, shipNoteParams: {} };
  const code = m[1] as ShipNoteCode;
  const params: Record<string, number> = m[2] ? { hours: Number(m[2]) } : {};
  return { shipNote: fillParams(SHIP_NOTES[code], params), shipNoteCode: code, shipNoteParams: params };
}



function withItems(db: Db, orders: Order[]): Order[] {
  const items = orderItems(db, orders.map((o) => o.id));
  const findings = orders.length ? findingsForOrders(db, orders[0].shopId, orders) : new Map<number, Finding[]>();
  for (const o of orders) {
    o.items = items.get(o.id) ?? [];
    o.findings = findings.get(o.id) ?? [];
    if (o.shipState === null && o.shippable && o.items.length > 0 && !o.findings.some((f) => f.severity === 'block' && !f.override)) o.shipState = 'ready';
  }
  return orders;
}

const SORT_COLUMNS: Record<NonNullable<OrdersQuery['sort']>, string> = {
  shipBy: 'ship_by', paidAt: 'paid_at', orderNo: 'order_key', productName: 'product_name',
  quantity: 'quantity', status: 'status', paidCents: 'paid_cents',
};

function where(q: OrdersQuery, now: string): { sql: string; params: (string | number)[] } {
  const parts = ['shop_id = ?'];
  const params: (string | number)[] = [q.shopId];
  switch (q.filter ?? 'all') {
    case 'shippable': parts.push('shippable = 1'); break;
    case 'blocked': parts.push('shippable = 0'); break;
    case 'overdue': parts.push('shippable = 1 AND ship_by IS NOT NULL AND ship_by < ?'); params.push(now); break;
    case 'dueSoon': parts.push('shippable = 1 AND ship_by >= ? AND ship_by < ?'); params.push(now, toBeijingIso(nowMs() + DUE_SOON_MS)); break;
  }
  if (q.reason) { parts.push('reason = ?'); params.push(q.reason); }
  if (q.skuKey !== undefined) {
    parts.push(`(sku_key = ? OR id IN (SELECT l.order_id FROM order_lines l WHERE ${skuKeySql('l')} = ?))`);
    params.push(q.skuKey, q.skuKey);
  }
  if (q.rule || q.findings) {
    const cond = [q.rule ? 'f.rule = ?' : '', q.findings === 'block' || q.findings === 'warn' ? 'f.severity = ?' : ''].filter(Boolean);
    parts.push(`id IN (SELECT f.order_id FROM findings f WHERE f.order_id IS NOT NULL AND f.shop_id = orders.shop_id ${cond.map((c) => `AND ${c}`).join(' ')} AND ${ACTIVE_FINDING})`);
    if (q.rule) params.push(q.rule);
    if (q.findings === 'block' || q.findings === 'warn') params.push(q.findings);
  }
  if (q.shipState === 'ready') parts.push(READY_ORDER);
  else if (q.shipState) { parts.push('ship_state = ?'); params.push(COLUMN_OF_STATE[q.shipState]); }
  if (q.exportId !== undefined) { parts.push('id IN (SELECT x.order_id FROM export_orders x WHERE x.export_id = ?)'); params.push(q.exportId); }
  if (q.filled !== undefined) parts.push(`${q.filled ? '' : 'NOT '}EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = orders.id AND a.released_at IS NULL)`);
  const s = q.search?.trim();
  if (s) {
    // The order number, the recharge number or the product's title (a merchant types 「瑞幸」).
    parts.push("(instr(order_no, ?) > 0 OR (recharge_no <> '' AND instr(recharge_no, ?) > 0) OR instr(product_name, ?) > 0)");
    params.push(s, s, s);
  }
  return { sql: parts.join(' AND '), params };
}

/** A window of the shop's orders; the UI asks for the rows it shows, 100,000 rows or not. */
export function listOrders(db: Db, q: OrdersQuery): OrdersPage {
  const now = toBeijingIso(nowMs());
  const w = where(q, now);
  const total = (db.prepare(`SELECT count(*) AS n FROM orders WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  const col = SORT_COLUMNS[q.sort ?? 'shipBy'];
  const dir = q.desc ? 'DESC' : 'ASC';
  // id breaks ties so pages never overlap; the plain form lets the sort-key indexes serve it.
  const order = `${col} ${dir}, id ${dir}`;
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 200;
  const rows = db.prepare(`${SELECT} WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.params, limit, offset) as Row[];
  return { total, offset, rows: withItems(db, rows.map(toOrder)) };
}

/**
 * Every order of a query in the grid's order, light (no items, no findings): Ctrl+A checks them all,
 * not only the rows loaded so far. `shipState` is derived as in withItems (ready from READY_ORDER).
 */
export function checkAllOrders(db: Db, q: Omit<OrdersQuery, 'offset' | 'limit'>): { total: number; rows: CheckedOrder[] } {
  const now = toBeijingIso(nowMs());
  const w = where(q, now);
  const col = SORT_COLUMNS[q.sort ?? 'shipBy'];
  const dir = q.desc ? 'DESC' : 'ASC';
  const rows = db.prepare(`SELECT order_no, ship_state, shippable, quantity, sku_key, sku_code, style_id, product_id, spec,
      EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = orders.id AND a.released_at IS NULL) AS filled,
      CASE WHEN ship_state IS NULL AND ${READY_ORDER} THEN 1 ELSE 0 END AS ready
    FROM orders WHERE ${w.sql} ORDER BY ${col} ${dir}, id ${dir}`).all(...w.params) as Row[];
  return {
    total: rows.length,
    rows: rows.map((r) => ({
      orderNo: r.order_no as string,
      shipState: r.ready === 1 ? 'ready' : STATE_OF_COLUMN[r.ship_state as string] ?? null,
      shippable: r.shippable === 1,
      quantity: r.quantity as number,
      ...productFields(r),
      filled: r.filled === 1,
    })),
  };
}

/**
 * The count cards, exact, from indexes rather than the order rows (a 1,000,000-order shop is
 * ~800 MB of rows): the total and the reasons from orders_reason, 可发货 / 已超时 / 即将超时 from
 * orders_waiting (the shippable orders by deadline), the ship states from orders_ship_state, and
 * the active blocks from findings_order. Only the orders that are candidates for 可导出 (waiting
 * and filled) are read whole, to apply READY_ORDER itself.
 */
export function ordersSummary(db: Db, shopId: number): OrdersSummary {
  const now = toBeijingIso(nowMs());
  const soon = toBeijingIso(nowMs() + DUE_SOON_MS);
  const count = (sql: string, ...params: (string | number)[]) => db.prepare(sql).pluck().get(...params) as number;
  const total = count('SELECT count(*) FROM orders WHERE shop_id = ?', shopId);
  const shippable = count('SELECT count(*) FROM orders WHERE shop_id = ? AND shippable = 1', shopId);
  const overdue = count('SELECT count(*) FROM orders WHERE shop_id = ? AND shippable = 1 AND ship_by IS NOT NULL AND ship_by < ?', shopId, now);
  const dueSoon = count('SELECT count(*) FROM orders WHERE shop_id = ? AND shippable = 1 AND ship_by >= ? AND ship_by < ?', shopId, now, soon);
  const byReason: OrdersSummary['byReason'] = {};
  for (const x of db.prepare('SELECT reason, count(*) AS n FROM orders WHERE shop_id = ? AND reason IS NOT NULL GROUP BY reason').all(shopId) as { reason: ReasonCode; n: number }[]) {
    byReason[x.reason] = x.n;
  }
  const last = db.prepare('SELECT max(imported_at) AS t FROM imports WHERE shop_id = ?').get(shopId) as { t: string | null };
  // A shop's order findings carry its id (rules/check.ts), so counting from the shop's orders is
  // counting its findings' orders. With no override in force in the shop, every finding is active
  // (ACTIVE_FINDING can only lift one through an override of f.shop_id): the index alone answers.
  const lifting = db.prepare('SELECT 1 FROM rule_overrides WHERE shop_id = ? AND withdrawn_at IS NULL LIMIT 1').get(shopId) !== undefined;
  const ruleBlocked = count(`SELECT count(*) FROM orders o WHERE o.shop_id = ? AND o.shippable = 1
    AND EXISTS (SELECT 1 FROM findings f WHERE f.order_id = o.id AND f.severity = 'block' AND f.shop_id = ? AND ${lifting ? ACTIVE_FINDING : '1'})`, shopId, shopId);
  const byShipState: OrdersSummary['byShipState'] = { ready: 0, exported: 0, uploadFailed: 0, shipped: 0, attention: 0 };
  // READY_ORDER over the waiting, filled orders only (the index finds them; SQLite would otherwise
  // test the findings of every shippable order before its allocations).
  byShipState.ready = count(`WITH filled AS MATERIALIZED (SELECT id FROM orders WHERE shop_id = ? AND shippable = 1
      AND (ship_state IS NULL OR ship_state = 'upload_failed')
      AND EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = orders.id AND a.released_at IS NULL))
    SELECT count(*) FROM orders WHERE id IN (SELECT id FROM filled) AND shop_id = ? AND ${READY_ORDER}`, shopId, shopId);
  for (const x of db.prepare('SELECT ship_state AS s, count(*) AS n FROM orders WHERE shop_id = ? AND ship_state IS NOT NULL GROUP BY ship_state').all(shopId) as { s: string; n: number }[]) {
    byShipState[STATE_OF_COLUMN[x.s]] = x.n;
  }
  return { total, shippable, blocked: total - shippable, overdue, dueSoon, ruleBlocked, byShipState, byReason, lastImportAt: last.t };
}

export function getOrder(db: Db, shopId: number, orderNo: string): OrderDetail | null {
  const r = db.prepare(`${SELECT} WHERE shop_id = ? AND order_no = ? ORDER BY id LIMIT 1`).get(shopId, orderNo) as Row | undefined;
  if (!r) return null;
  const o = withItems(db, [toOrder(r)])[0];
  const lines = (db.prepare(`SELECT l.line_no, l.product_name, l.product_id, l.spec, l.style_id, l.sku_code, l.quantity, l.raw, l.source_row, i.file, i.headers
    FROM order_lines l JOIN imports i ON i.id = l.import_id WHERE l.order_id = ? ORDER BY l.line_no`).all(o.id) as Row[]).map((l) => {
    const headers = JSON.parse(l.headers as string) as string[];
    const cells = JSON.parse(l.raw as string) as string[];
    const raw: Record<string, string> = {};
    headers.forEach((h, i) => { raw[h] = cells[i] ?? ''; });
    return {
      lineNo: l.line_no as number, productName: l.product_name as string, productId: l.product_id as string,
      spec: l.spec as string, styleId: l.style_id as string, skuCode: l.sku_code as string, quantity: l.quantity as number,
      raw, sourceFile: l.file as string, sourceRow: l.source_row as number,
    };
  });
  const changes = (db.prepare('SELECT seen_at, import_id, field, before, after FROM order_changes WHERE order_id = ? ORDER BY id').all(o.id) as Row[]).map((c) => ({
    seenAt: c.seen_at as string, importId: c.import_id as number, field: c.field as string, before: c.before as string, after: c.after as string,
  }));
  return { ...o, lines, changes };
}

/** Every order of the shop, most urgent first, in one list (tests use it; the CLI and the grid page through listOrders). */
export function allOrders(db: Db, shopId: number, filter: OrdersQuery['filter'] = 'all'): Order[] {
  return listOrders(db, { shopId, filter, limit: 1_000_000_000 }).rows;
}
