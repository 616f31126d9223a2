import type { OrderItem } from '../../../../shared/domain';
import { BATCH_SOURCES } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { toBeijingIso } from '../../../../shared/rules/classify';
import { maskSecret } from '../../../../shared/rules/mask';
import { itemIdentity, stockShape } from '../../../../shared/rules/stock-shape';
import type { Db } from '../../db/open';
import { parseStock } from '../../io/read-stock';
import { nowMs } from '../clock';
import { contentKey, ContentRoot, itemContentHash } from '../content';
import { appendLedger } from '../ledger';
import { getSettings } from '../settings';
import { itemFingerprint } from '../stock';
import { orderItems } from './items';
import { DAY, isFilled, loadProfiles, orderNeeds, orderRow, type NeedLine } from './needs';
import { checkShop } from '../rules/check';

/**
 * Fills one order by hand with typed or pasted items: exactly the units it needs. A new item
 * joins the product's stock (and so the duplicate history) in a batch named 手工录入; an item the
 * shop already has must be available and of this product.
 */
export function assign(db: Db, shopId: number, orderNo: string, texts: string[]): OrderItem[] {
  return db.transaction(() => {
    const items = assignInTx(db, shopId, orderNo, texts);
    checkShop(db, shopId, { orderIds: [orderRow(db, shopId, orderNo).id] });
    return items;
  }).immediate();
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
    checkShop(db, shopId, { orderIds: entries.map((e) => orderRow(db, shopId, e.orderNo).id) });
    return { assigned: entries.length };
  }).immediate();
}

function assignInTx(db: Db, shopId: number, orderNo: string, texts: string[]): OrderItem[] {
  const o = orderRow(db, shopId, orderNo);
  if (!o.shippable) throw new AppError('ORDER_NOT_SHIPPABLE', { detail: orderNo });
  if (isFilled(db, o.id)) throw new AppError('ORDER_ALREADY_FILLED', { detail: orderNo });
  const profiles = loadProfiles(db, shopId);
  const needs = orderNeeds(db.prepare('SELECT sku_code, style_id, product_id, spec, quantity FROM order_lines WHERE order_id = ? ORDER BY line_no').all(o.id) as NeedLine[], profiles);
  if (typeof needs === 'string') throw new AppError('PRODUCT_KIND_NEEDED', { notes: [{ key: 'PRODUCT_SKIPPED', params: { skipCode: needs } }] });
  if (needs.length !== 1) throw new AppError('ASSIGN_MULTI_PRODUCT', { detail: orderNo });
  const { profile, units } = needs[0];
  const clean = texts.map((t) => t.trim()).filter((t) => t !== '');
  if (clean.length !== units) throw new AppError('ASSIGN_COUNT', { notes: [{ key: 'COUNT_MISMATCH', params: { need: units, given: clean.length } }] });
  // orderNeeds lets only stocked kinds through, so the product has a shape.
  const shape = stockShape(profile.kind)!;
  const parsed = parseStock({ name: BATCH_SOURCES.manual, text: clean.join('\n') }, shape);
  if (parsed.rejected.length) throw new AppError('ASSIGN_BAD_ITEM', { notes: parsed.rejected.map((r) => ({ key: 'ITEM_REJECTED' as const, params: { n: r.line, rejectCode: r.code, ...r.params } })) });
  const now = nowMs();
  const nowIso = toBeijingIso(now);
  let batchId: number | null = null;
  const seen = new Set<string>();
  const ids: number[] = [];
  // The items typed in join the stock in their own batch, committed to in the assign entry (its root).
  const root = new ContentRoot();
  for (const it of parsed.items) {
    const fp = itemFingerprint(shape, it);
    if (seen.has(fp)) throw new AppError('ASSIGN_DUPLICATE', { detail: maskSecret(itemIdentity(shape, it)) });
    seen.add(fp);
    const existing = db.prepare('SELECT id, product_id, state, busy_until FROM stock_items WHERE shop_id = ? AND fingerprint = ?').get(shopId, fp) as { id: number; product_id: number; state: string; busy_until: string | null } | undefined;
    if (existing) {
      const item = maskSecret(itemIdentity(shape, it));
      if (existing.state !== 'available') throw new AppError('ASSIGN_DUPLICATE', { notes: [{ key: 'ITEM_USED', params: { item } }] });
      if (existing.product_id !== profile.id) throw new AppError('ASSIGN_DUPLICATE', { notes: [{ key: 'ITEM_IN_OTHER_PRODUCT', params: { item } }] });
      // An account rented to another buyer (or resting after the rental) says until when, in Beijing time.
      if (shape === 'account' && existing.busy_until && existing.busy_until > nowIso) {
        throw new AppError('ASSIGN_DUPLICATE', { notes: [{ key: 'ACCOUNT_BUSY', params: { item, until: existing.busy_until.slice(0, 16).replace('T', ' ') } }] });
      }
      ids.push(existing.id);
    } else {
      batchId ??= Number(db.prepare('INSERT INTO stock_batches (shop_id, product_id, source, sep, added, duplicates, expires_at, created_at) VALUES (?, ?, ?, NULL, 0, 0, NULL, ?)').run(shopId, profile.id, BATCH_SOURCES.manual, nowIso).lastInsertRowid);
      const content = itemContentHash(contentKey(db), { kind: shape, card_no: it.cardNo, password: it.password, code: it.code, login: it.login, extras: it.extras });
      const id = Number(db.prepare(`INSERT INTO stock_items (shop_id, product_id, batch_id, kind, card_no, password, code, login, extras, fingerprint, expires_at, state, line_no, created_at, content_hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'available', ?, ?, ?)`).run(shopId, profile.id, batchId, shape, it.cardNo, it.password, it.code, it.login, it.extras, fp, it.expiresAt, it.line, nowIso, content).lastInsertRowid);
      root.add(id, content);
      ids.push(id);
    }
  }
  if (batchId) db.prepare('UPDATE stock_batches SET added = (SELECT count(*) FROM stock_items WHERE batch_id = ?) WHERE id = ?').run(batchId, batchId);
  const reusable = shape === 'account';
  const rentalUntil = reusable ? toBeijingIso(now + (profile.terms.rentalDays ?? 0) * DAY) : null;
  // A rented account rests after the rental before the next buyer, as a fill's does.
  const busyUntil = reusable ? toBeijingIso(now + (profile.terms.rentalDays ?? 0) * DAY + getSettings(db).accountCooldownHours * 3_600_000) : null;
  for (const id of ids) {
    db.prepare(`INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, fill_id, source, rental_until, created_at) VALUES (?, ?, ?, 'item', ?, NULL, 'manual', ?, ?)`)
      .run(shopId, o.id, id, reusable ? 1 : 0, rentalUntil, nowIso);
    if (reusable) db.prepare('UPDATE stock_items SET busy_until = ? WHERE id = ?').run(busyUntil, id);
    else db.prepare("UPDATE stock_items SET state = 'reserved' WHERE id = ?").run(id);
  }
  appendLedger(db, { shopId, event: 'assign', subject: `order:${orderNo}`, detail: { itemIds: ids, ...(batchId ? { batchId, contentRoot: root.digest() } : {}) } });
  return orderItems(db, [o.id]).get(o.id) ?? [];
}

/** A top-up order is ready once the merchant marks it topped up (with the supplier's reference). */
export function markRecharged(db: Db, shopId: number, orderNo: string, ref: string): OrderItem[] {
  return db.transaction(() => {
    const o = orderRow(db, shopId, orderNo);
    if (!o.shippable) throw new AppError('ORDER_NOT_SHIPPABLE', { detail: orderNo });
    if (isFilled(db, o.id)) throw new AppError('ORDER_ALREADY_FILLED', { detail: orderNo });
    db.prepare(`INSERT INTO allocations (shop_id, order_id, item_id, kind, reusable, source, recharge_ref, created_at) VALUES (?, ?, NULL, 'recharge', 0, 'recharge', ?, ?)`)
      .run(shopId, o.id, ref, toBeijingIso(nowMs()));
    appendLedger(db, { shopId, event: 'recharge', subject: `order:${orderNo}`, detail: { ref } });
    checkShop(db, shopId, { orderIds: [o.id] });
    return orderItems(db, [o.id]).get(o.id) ?? [];
  }).immediate();
}
