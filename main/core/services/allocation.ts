import type { RevealedItem } from '../../../shared/contract';
import type { DeliveryKind, FillResult, OrderItem, ProductTerms, SkipCode } from '../../../shared/domain';
import { SKIP_REASONS, STOCKED_KINDS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { toBeijingIso } from '../../../shared/rules/classify';
import { maskSecret } from '../../../shared/rules/mask';
import type { Db } from '../db/open';
import { parseStock } from '../io/read-stock';
import { nowMs } from './clock';
import { appendLedger } from './ledger';
import { getProductProfile } from './products';
import { getSettings } from './settings';
import { itemFingerprint, maskItem } from './stock';

/**
 * Binding stock to orders. Every entry point is one IMMEDIATE transaction, so SQLite serialises
 * writers across processes (the app and the CLI on one data folder) and a crash leaves the
 * database as before or after. The schema backs the guarantees: a partial unique index binds a
 * single-use item to at most one order, and a trigger refuses to release an exported allocation.
 */

interface ProfileRow { id: number; sku_key: string; kind: DeliveryKind | null; confirmed: number; terms: string }
interface Profile { id: number; skuKey: string; kind: DeliveryKind | null; terms: ProductTerms }

const DAY = 86_400_000;

/** The same rule as the `sku_key` column of orders, for a single line. */
export function lineSkuKey(l: { sku_code: string; style_id: string; product_id: string; spec: string }): string {
  if (l.sku_code !== '') return l.sku_code;
  if (l.style_id !== '') return `style:${l.style_id}`;
  return `pid:${l.product_id}|${l.spec}`;
}

function loadProfiles(db: Db, shopId: number): Map<string, Profile> {
  const rows = db.prepare('SELECT id, sku_key, kind, confirmed, terms FROM products WHERE shop_id = ?').all(shopId) as ProfileRow[];
  // Only what the merchant confirmed drives a fill: a suggestion never hands out stock.
  return new Map(rows.map((r) => [r.sku_key, { id: r.id, skuKey: r.sku_key, kind: r.confirmed ? r.kind : null, terms: JSON.parse(r.terms) as ProductTerms }]));
}

interface Need { profile: Profile; units: number }

/** What an order needs, line by line; or why it cannot be filled from stock. */
function orderNeeds(lines: { sku_code: string; style_id: string; product_id: string; spec: string; quantity: number }[], profiles: Map<string, Profile>): Need[] | SkipCode {
  const needs = new Map<number, Need>();
  for (const l of lines) {
    const p = profiles.get(lineSkuKey(l));
    if (!p || !p.kind) return 'PRODUCT_UNCONFIRMED';
    if (p.kind === 'recharge') return 'RECHARGE_PENDING';
    if (!STOCKED_KINDS.includes(p.kind)) return 'NOT_STOCKED';
    if (p.kind === 'account' && !p.terms.rentalDays) return 'RENTAL_DAYS_MISSING';
    const units = l.quantity * (p.terms.itemsPerUnit ?? 1);
    const n = needs.get(p.id);
    if (n) n.units += units;
    else needs.set(p.id, { profile: p, units });
  }
  return [...needs.values()];
}

interface Pool { ids: number[]; pos: number; reusable: boolean }

function loadPool(db: Db, p: Profile, now: number): Pool {
  const minExp = toBeijingIso(now + (p.terms.minValidityDays ?? 0) * DAY);
  if (p.kind === 'account') {
    const ids = db.prepare(`SELECT id FROM stock_items WHERE product_id = ? AND state = 'available'
      AND (busy_until IS NULL OR busy_until <= ?) AND (expires_at IS NULL OR expires_at >= ?)
      ORDER BY (busy_until IS NOT NULL), busy_until, id`).pluck().all(p.id, toBeijingIso(now), minExp) as number[];
    return { ids, pos: 0, reusable: true };
  }
  // First-expiring first; items without expiry last; expired or too-close-to-expiry never.
  // Two range scans in index order (product_id, state, expires_at, rowid): no sort of a big pool.
  const dated = db.prepare(`SELECT id FROM stock_items WHERE product_id = ? AND state = 'available' AND expires_at >= ? ORDER BY expires_at, id`).pluck().all(p.id, minExp) as number[];
  const undated = db.prepare(`SELECT id FROM stock_items WHERE product_id = ? AND state = 'available' AND expires_at IS NULL ORDER BY id`).pluck().all(p.id) as number[];
  return { ids: dated.length ? dated.concat(undated) : undated, pos: 0, reusable: false };
}

/**
 * Fills every shippable order that has no content, most urgent (ship-by) first, each with all its
 * items or none. Running it again changes nothing: filled orders are not candidates.
 */
export function fill(db: Db, shopId: number, opts: { cooldownHours: number }): FillResult {
  return db.transaction((): FillResult => {
    const now = nowMs();
    const nowIso = toBeijingIso(now);
    const profiles = loadProfiles(db, shopId);
    const orders = db.prepare(`SELECT o.id, o.order_no FROM orders o WHERE o.shop_id = ? AND o.shippable = 1
      AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL)
      ORDER BY (o.ship_by IS NULL), o.ship_by, o.id`).all(shopId) as { id: number; order_no: string }[];
    const result: FillResult = { fillId: null, filled: 0, items: 0, short: [], skipped: [] };
    if (orders.length === 0) return result;
    // All candidate lines in one pass rather than a query per order.
    const linesByOrder = new Map<number, { sku_code: string; style_id: string; product_id: string; spec: string; quantity: number }[]>();
    for (const l of db.prepare(`SELECT l.order_id, l.sku_code, l.style_id, l.product_id, l.spec, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.shop_id = ? AND o.shippable = 1 ORDER BY l.order_id, l.line_no`).iterate(shopId) as Iterable<{ order_id: number; sku_code: string; style_id: string; product_id: string; spec: string; quantity: number }>) {
      const list = linesByOrder.get(l.order_id);
      if (list) list.push(l);
      else linesByOrder.set(l.order_id, [l]);
    }
    const fillId = Number(db.prepare('INSERT INTO fills (shop_id, at, filled, items) VALUES (?, ?, 0, 0)').run(shopId, nowIso).lastInsertRowid);
    const insAlloc = db.prepare(`INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, fill_id, source, rental_until, created_at)
      VALUES (?, ?, ?, 'item', ?, ?, 'fill', ?, ?)`);
    const reserve = db.prepare("UPDATE stock_items SET state = 'reserved' WHERE id = ? AND state = 'available'");
    const rent = db.prepare('UPDATE stock_items SET busy_until = ? WHERE id = ?');
    const pools = new Map<number, Pool>();
    for (const o of orders) {
      const needs = orderNeeds(linesByOrder.get(o.id) ?? [], profiles);
      if (typeof needs === 'string') { result.skipped.push({ orderNo: o.order_no, code: needs, reason: SKIP_REASONS[needs] }); continue; }
      let lacking: { skuKey: string; need: number; available: number } | null = null;
      for (const n of needs) {
        let pool = pools.get(n.profile.id);
        if (!pool) { pool = loadPool(db, n.profile, now); pools.set(n.profile.id, pool); }
        const left = pool.ids.length - pool.pos;
        // Most urgent first; an order that does not fit waits, and a later one that fits is served.
        if (left < n.units) { lacking = { skuKey: n.profile.skuKey, need: n.units, available: left }; break; }
      }
      if (lacking) { result.short.push({ orderNo: o.order_no, ...lacking }); continue; }
      for (const n of needs) {
        const pool = pools.get(n.profile.id)!;
        const rentalUntil = pool.reusable ? toBeijingIso(now + n.profile.terms.rentalDays! * DAY) : null;
        for (let i = 0; i < n.units; i++) {
          const itemId = pool.ids[pool.pos++];
          insAlloc.run(shopId, o.id, itemId, pool.reusable ? 1 : 0, fillId, rentalUntil, nowIso);
          if (pool.reusable) rent.run(toBeijingIso(now + n.profile.terms.rentalDays! * DAY + opts.cooldownHours * 3_600_000), itemId);
          else if (reserve.run(itemId).changes !== 1) throw new Error(`item ${itemId} was not available`);
          result.items++;
        }
      }
      result.filled++;
    }
    if (result.filled === 0) {
      db.prepare('DELETE FROM fills WHERE id = ?').run(fillId);
    } else {
      db.prepare('UPDATE fills SET filled = ?, items = ? WHERE id = ?').run(result.filled, result.items, fillId);
      appendLedger(db, { shopId, event: 'fill', subject: `fill:${fillId}`, detail: { filled: result.filled, items: result.items, short: result.short.length } });
      result.fillId = fillId;
    }
    return result;
  }).immediate();
}

/** Undoes the shop's last fill while none of its orders was exported: items go back to stock. */
export function undoLastFill(db: Db, shopId: number): { fillId: number | null; released: number } {
  return db.transaction(() => {
    const last = db.prepare('SELECT id FROM fills WHERE shop_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get(shopId) as number | undefined;
    if (!last) return { fillId: null, released: 0 };
    if (db.prepare('SELECT 1 FROM allocations WHERE fill_id = ? AND exported_at IS NOT NULL').get(last)) throw new AppError('FILL_EXPORTED');
    const ids = db.prepare('SELECT id FROM allocations WHERE fill_id = ? AND released_at IS NULL').pluck().all(last) as number[];
    for (const id of ids) releaseAllocation(db, id, 'undo');
    db.prepare('UPDATE fills SET undone_at = ? WHERE id = ?').run(toBeijingIso(nowMs()), last);
    appendLedger(db, { shopId, event: 'fill.undo', subject: `fill:${last}`, detail: { released: ids.length } });
    return { fillId: last, released: ids.length };
  }).immediate();
}

/** Back to stock: the allocation ends, a single-use item is available again, an account is free. */
function releaseAllocation(db: Db, allocationId: number, reason: string): void {
  const a = db.prepare('SELECT item_id, reusable FROM allocations WHERE id = ?').get(allocationId) as { item_id: number | null; reusable: number };
  db.prepare('UPDATE allocations SET released_at = ?, release_reason = ? WHERE id = ?').run(toBeijingIso(nowMs()), reason, allocationId);
  if (a.item_id === null) return;
  if (a.reusable) db.prepare('UPDATE stock_items SET busy_until = NULL WHERE id = ?').run(a.item_id);
  else db.prepare("UPDATE stock_items SET state = 'available' WHERE id = ? AND state = 'reserved'").run(a.item_id);
}

/** Exported items never return: they stay delivered, and are marked quarantined. */
function quarantineAllocation(db: Db, allocationId: number): void {
  const a = db.prepare('SELECT item_id, reusable FROM allocations WHERE id = ?').get(allocationId) as { item_id: number | null; reusable: number };
  db.prepare('UPDATE allocations SET quarantined_at = coalesce(quarantined_at, ?) WHERE id = ?').run(toBeijingIso(nowMs()), allocationId);
  if (a.item_id !== null && !a.reusable) db.prepare("UPDATE stock_items SET state = 'delivered' WHERE id = ?").run(a.item_id);
}

function orderRow(db: Db, shopId: number, orderNo: string): { id: number; order_no: string; shippable: number } {
  const o = db.prepare('SELECT id, order_no, shippable FROM orders WHERE shop_id = ? AND order_no = ? AND damaged = 0').get(shopId, orderNo) as { id: number; order_no: string; shippable: number } | undefined;
  if (!o) throw new AppError('ORDER_NOT_FOUND', { detail: orderNo });
  return o;
}

/** Takes an order's items back: to stock before export, into quarantine after. */
export function unassign(db: Db, shopId: number, orderNo: string): { released: number; quarantined: number } {
  return db.transaction(() => {
    const o = orderRow(db, shopId, orderNo);
    const r = releaseOrQuarantine(db, o.id, 'unassign');
    appendLedger(db, { shopId, event: 'unassign', subject: `order:${orderNo}`, detail: r });
    return r;
  }).immediate();
}

export function releaseOrQuarantine(db: Db, orderId: number, reason: string): { released: number; quarantined: number } {
  const active = db.prepare('SELECT id, exported_at FROM allocations WHERE order_id = ? AND released_at IS NULL').all(orderId) as { id: number; exported_at: string | null }[];
  let released = 0;
  let quarantined = 0;
  for (const a of active) {
    if (a.exported_at) { quarantineAllocation(db, a.id); quarantined++; }
    else { releaseAllocation(db, a.id, reason); released++; }
  }
  return { released, quarantined };
}

/**
 * After a newer export: an order refunded or cancelled before shipment gives its items back;
 * one refunded after shipment quarantines them. Runs inside the import's transaction.
 */
export function applyStatusToAllocations(db: Db, orderId: number, status: string): void {
  const st = status.replace(/,/g, '，').replace(/\s+/g, '');
  if (st === '未发货，退款成功' || st === '已取消' || st === '交易关闭') releaseOrQuarantine(db, orderId, 'refunded');
  else if (st === '已发货，退款成功') {
    const active = db.prepare('SELECT id FROM allocations WHERE order_id = ? AND released_at IS NULL').pluck().all(orderId) as number[];
    for (const id of active) quarantineAllocation(db, id);
  }
}

/**
 * Fills one order by hand with typed or pasted items: exactly the units it needs. A new item
 * joins the product's stock (and so the duplicate history) in a batch named 手工录入; an item the
 * shop already has must be available and of this product.
 */
export function assign(db: Db, shopId: number, orderNo: string, texts: string[]): OrderItem[] {
  return db.transaction(() => assignInTx(db, shopId, orderNo, texts)).immediate();
}

/** Pasting a column from Excel over several selected orders: all of them or none. */
export function assignMany(db: Db, shopId: number, entries: { orderNo: string; items: string[] }[]): { assigned: number } {
  return db.transaction(() => {
    for (const e of entries) {
      try {
        assignInTx(db, shopId, e.orderNo, e.items);
      } catch (err) {
        // Say which order of the paste failed; nothing of the paste is kept.
        if (err instanceof AppError) throw Object.assign(err, { message: `订单 ${e.orderNo}：${err.message}` });
        throw err;
      }
    }
    return { assigned: entries.length };
  }).immediate();
}

function assignInTx(db: Db, shopId: number, orderNo: string, texts: string[]): OrderItem[] {
  const o = orderRow(db, shopId, orderNo);
  if (!o.shippable) throw new AppError('ORDER_NOT_SHIPPABLE', { detail: orderNo });
  if (db.prepare('SELECT 1 FROM allocations WHERE order_id = ? AND released_at IS NULL').get(o.id)) throw new AppError('ORDER_ALREADY_FILLED', { detail: orderNo });
  const profiles = loadProfiles(db, shopId);
  const needs = orderNeeds(db.prepare('SELECT sku_code, style_id, product_id, spec, quantity FROM order_lines WHERE order_id = ? ORDER BY line_no').all(o.id) as never[], profiles);
  if (typeof needs === 'string') throw new AppError('PRODUCT_KIND_NEEDED', { detail: SKIP_REASONS[needs] });
  if (needs.length !== 1) throw new AppError('ASSIGN_MULTI_PRODUCT', { detail: orderNo });
  const { profile, units } = needs[0];
  const clean = texts.map((t) => t.trim()).filter((t) => t !== '');
  if (clean.length !== units) throw new AppError('ASSIGN_COUNT', { detail: `需要 ${units} 个，提供了 ${clean.length} 个` });
  const shape = profile.kind === 'card' ? 'card' : profile.kind === 'account' ? 'account' : 'code';
  const parsed = parseStock({ name: '手工录入', text: clean.join('\n') }, shape);
  if (parsed.rejected.length) throw new AppError('ASSIGN_BAD_ITEM', { detail: parsed.rejected.map((r) => `第 ${r.line} 个：${r.reason}`).join('；') });
  const now = nowMs();
  const nowIso = toBeijingIso(now);
  let batchId: number | null = null;
  const seen = new Set<string>();
  const ids: number[] = [];
  for (const it of parsed.items) {
    const fp = itemFingerprint(shape, it);
    if (seen.has(fp)) throw new AppError('ASSIGN_DUPLICATE', { detail: maskSecret(shape === 'card' ? it.cardNo : shape === 'code' ? it.code : it.login) });
    seen.add(fp);
    const existing = db.prepare('SELECT id, product_id, state, busy_until FROM stock_items WHERE shop_id = ? AND fingerprint = ?').get(shopId, fp) as { id: number; product_id: number; state: string; busy_until: string | null } | undefined;
    if (existing) {
      const free = existing.state === 'available' && (shape !== 'account' || !existing.busy_until || existing.busy_until <= nowIso);
      if (!free || existing.product_id !== profile.id) throw new AppError('ASSIGN_DUPLICATE', { detail: `${maskSecret(shape === 'card' ? it.cardNo : shape === 'code' ? it.code : it.login)} 已在库存中（${existing.state === 'available' ? '属于其他商品' : '已被使用'}）` });
      ids.push(existing.id);
    } else {
      batchId ??= Number(db.prepare("INSERT INTO stock_batches (shop_id, product_id, source, sep, added, duplicates, expires_at, created_at) VALUES (?, ?, '手工录入', NULL, 0, 0, NULL, ?)").run(shopId, profile.id, nowIso).lastInsertRowid);
      const id = Number(db.prepare(`INSERT INTO stock_items (shop_id, product_id, batch_id, kind, card_no, password, code, login, extras, fingerprint, expires_at, state, line_no, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'available', ?, ?)`).run(shopId, profile.id, batchId, shape, it.cardNo, it.password, it.code, it.login, it.extras, fp, it.expiresAt, it.line, nowIso).lastInsertRowid);
      ids.push(id);
    }
  }
  if (batchId) db.prepare('UPDATE stock_batches SET added = (SELECT count(*) FROM stock_items WHERE batch_id = ?) WHERE id = ?').run(batchId, batchId);
  const reusable = shape === 'account';
  const rentalUntil = reusable ? toBeijingIso(now + (profile.terms.rentalDays ?? 0) * DAY) : null;
  for (const id of ids) {
    db.prepare(`INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, fill_id, source, rental_until, created_at) VALUES (?, ?, ?, 'item', ?, NULL, 'manual', ?, ?)`)
      .run(shopId, o.id, id, reusable ? 1 : 0, rentalUntil, nowIso);
    if (reusable) db.prepare('UPDATE stock_items SET busy_until = ? WHERE id = ?').run(toBeijingIso(now + (profile.terms.rentalDays ?? 0) * DAY), id);
    else db.prepare("UPDATE stock_items SET state = 'reserved' WHERE id = ?").run(id);
  }
  appendLedger(db, { shopId, event: 'assign', subject: `order:${orderNo}`, detail: { itemIds: ids } });
  return orderItems(db, [o.id]).get(o.id) ?? [];
}

/** A top-up order is ready once the merchant marks it topped up (with the supplier's reference). */
export function markRecharged(db: Db, shopId: number, orderNo: string, ref: string): OrderItem[] {
  return db.transaction(() => {
    const o = orderRow(db, shopId, orderNo);
    if (!o.shippable) throw new AppError('ORDER_NOT_SHIPPABLE', { detail: orderNo });
    if (db.prepare('SELECT 1 FROM allocations WHERE order_id = ? AND released_at IS NULL').get(o.id)) throw new AppError('ORDER_ALREADY_FILLED', { detail: orderNo });
    db.prepare(`INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, source, recharge_ref, created_at) VALUES (?, ?, NULL, 'recharge', 0, 'recharge', ?, ?)`)
      .run(shopId, o.id, ref, toBeijingIso(nowMs()));
    appendLedger(db, { shopId, event: 'recharge', subject: `order:${orderNo}`, detail: { ref } });
    return orderItems(db, [o.id]).get(o.id) ?? [];
  }).immediate();
}

interface ItemJoinRow {
  allocation_id: number; order_id: number; item_id: number | null; a_kind: string; source: 'fill' | 'manual' | 'recharge'; recharge_ref: string;
  rental_until: string | null; exported_at: string | null; kind: string | null; card_no: string | null; password: string | null; code: string | null;
  login: string | null; extras: string | null; expires_at: string | null;
}

function itemRows(db: Db, orderIds: number[]): ItemJoinRow[] {
  if (orderIds.length === 0) return [];
  const out: ItemJoinRow[] = [];
  const st = db.prepare(`SELECT a.id AS allocation_id, a.order_id, a.item_id, a.kind AS a_kind, a.source, a.recharge_ref, a.rental_until, a.exported_at,
      i.kind, i.card_no, i.password, i.code, i.login, i.extras, i.expires_at
    FROM allocations a LEFT JOIN stock_items i ON i.id = a.item_id WHERE a.order_id = ? AND a.released_at IS NULL ORDER BY a.id`);
  for (const id of orderIds) out.push(...(st.all(id) as ItemJoinRow[]));
  return out;
}

/** Each order's current items, masked. */
export function orderItems(db: Db, orderIds: number[]): Map<number, OrderItem[]> {
  const m = new Map<number, OrderItem[]>();
  for (const r of itemRows(db, orderIds)) {
    const list = m.get(r.order_id) ?? [];
    list.push({
      allocationId: r.allocation_id, itemId: r.item_id,
      kind: r.a_kind === 'recharge' ? 'recharge' : (r.kind as 'card' | 'code' | 'account'),
      masked: r.a_kind === 'recharge' ? `已充值${r.recharge_ref ? `（${r.recharge_ref}）` : ''}` : maskItem({ kind: r.kind!, card_no: r.card_no!, code: r.code!, login: r.login! }),
      source: r.source, rentalUntil: r.rental_until, expiresAt: r.expires_at, exported: r.exported_at !== null,
    });
    m.set(r.order_id, list);
  }
  return m;
}

/** An order's items in full — an explicit act, recorded in the ledger (ids only, never the secrets). */
export function revealOrderItems(db: Db, shopId: number, orderIds: number[], why: string): Map<number, RevealedItem[]> {
  const m = new Map<number, RevealedItem[]>();
  const rows = itemRows(db, orderIds);
  for (const r of rows) {
    const list = m.get(r.order_id) ?? [];
    list.push({ itemId: r.item_id, kind: r.a_kind === 'recharge' ? 'recharge' : r.kind!, cardNo: r.card_no ?? '', password: r.password ?? '', code: r.code ?? '', login: r.login ?? '', extras: r.extras ?? '', rentalUntil: r.rental_until, expiresAt: r.expires_at, rechargeRef: r.recharge_ref });
    m.set(r.order_id, list);
  }
  const itemIds = rows.filter((r) => r.item_id !== null).map((r) => r.item_id!);
  if (itemIds.length) appendLedger(db, { shopId, event: 'reveal', subject: why, detail: { orders: orderIds.length, items: itemIds.length, itemIds: itemIds.slice(0, 1000) } });
  return m;
}

/** When each rented account frees up (rental end + cooldown). */
export function accountAvailability(db: Db, shopId: number, productId: number): { itemId: number; masked: string; busyUntil: string | null }[] {
  return (db.prepare("SELECT id, kind, card_no, code, login, busy_until FROM stock_items WHERE shop_id = ? AND product_id = ? AND kind = 'account' AND state = 'available' ORDER BY (busy_until IS NOT NULL), busy_until, id").all(shopId, productId) as { id: number; kind: string; card_no: string; code: string; login: string; busy_until: string | null }[])
    .map((r) => ({ itemId: r.id, masked: maskItem(r), busyUntil: r.busy_until }));
}

/** `allocation.fill`: a fill with the account cooldown from settings. */
export function runFill(db: Db, shopId: number): FillResult {
  return fill(db, shopId, { cooldownHours: getSettings(db).accountCooldownHours });
}

/** Order numbers → order ids (undamaged orders of the shop); an unknown number is ORDER_NOT_FOUND. */
function orderIdsByNo(db: Db, shopId: number, orderNos: string[]): Map<number, string> {
  const ids = new Map<number, string>();
  const find = db.prepare('SELECT id FROM orders WHERE shop_id = ? AND order_no = ? AND damaged = 0').pluck();
  for (const no of orderNos) {
    const id = find.get(shopId, no) as number | undefined;
    if (id === undefined) throw new AppError('ORDER_NOT_FOUND', { detail: no });
    ids.set(id, no);
  }
  return ids;
}

/** `allocation.reveal`: one order's items in full, recorded in the ledger. */
export function revealOrder(db: Db, shopId: number, orderNo: string): RevealedItem[] {
  const id = db.prepare('SELECT id FROM orders WHERE shop_id = ? AND order_no = ? ORDER BY id LIMIT 1').pluck().get(shopId, orderNo) as number | undefined;
  if (id === undefined) throw new AppError('ORDER_NOT_FOUND', { detail: orderNo });
  return revealOrderItems(db, shopId, [id], `order:${orderNo}`).get(id) ?? [];
}

/** `allocation.revealMany`: many orders' items in full, as one recorded reveal. */
export function revealOrders(db: Db, shopId: number, orderNos: string[]): Record<string, RevealedItem[]> {
  const ids = orderIdsByNo(db, shopId, orderNos);
  const items = revealOrderItems(db, shopId, [...ids.keys()], `orders:${ids.size}`);
  const out: Record<string, RevealedItem[]> = {};
  for (const [id, no] of ids) out[no] = items.get(id) ?? [];
  return out;
}

/** `allocation.accounts`: a rental product's accounts and until when each is busy. */
export function productAccounts(db: Db, shopId: number, skuKey: string): { itemId: number; masked: string; busyUntil: string | null }[] {
  return accountAvailability(db, shopId, getProductProfile(db, shopId, skuKey).id);
}
