import type { RevealedItem } from '../../../../shared/contract';
import type { OrderItem } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/open';
import { assertItemIntact } from '../content';
import { appendLedger } from '../ledger';
import { getProductProfile } from '../products';
import { maskItem } from '../stock';

/** What orders hold: masked for lists, in full as a recorded reveal; and when rented accounts free up. */

interface ItemJoinRow {
  allocation_id: number; order_id: number; item_id: number | null; a_kind: string; source: 'fill' | 'manual' | 'recharge'; recharge_ref: string;
  rental_until: string | null; exported_at: string | null; kind: string | null; card_no: string | null; password: string | null; code: string | null;
  login: string | null; extras: string | null; expires_at: string | null; content_hash: string | null;
}

function itemRows(db: Db, orderIds: number[]): ItemJoinRow[] {
  if (orderIds.length === 0) return [];
  const out: ItemJoinRow[] = [];
  const st = db.prepare(`SELECT a.id AS allocation_id, a.order_id, a.item_id, a.kind AS a_kind, a.source, a.recharge_ref, a.rental_until, a.exported_at,
      i.kind, i.card_no, i.password, i.code, i.login, i.extras, i.expires_at, i.content_hash
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
      ...(r.a_kind === 'recharge' ? { rechargeRef: r.recharge_ref ?? '' } : {}),
    });
    m.set(r.order_id, list);
  }
  return m;
}

/** An order's items in full — an explicit act, recorded in the ledger (ids only, never the secrets). */
export function revealOrderItems(db: Db, shopId: number, orderIds: number[], why: string): Map<number, RevealedItem[]> {
  const m = new Map<number, RevealedItem[]>();
  const rows = itemRows(db, orderIds);
  // Nothing is served that is not what was committed for it (ITEM_ALTERED names the item, never its content).
  for (const r of rows) {
    if (r.item_id !== null) assertItemIntact(db, { id: r.item_id, kind: r.kind!, card_no: r.card_no!, password: r.password!, code: r.code!, login: r.login!, extras: r.extras!, content_hash: r.content_hash });
  }
  for (const r of rows) {
    const list = m.get(r.order_id) ?? [];
    list.push({ itemId: r.item_id, kind: r.a_kind === 'recharge' ? 'recharge' : r.kind!, cardNo: r.card_no ?? '', password: r.password ?? '', code: r.code ?? '', login: r.login ?? '', extras: r.extras ?? '', rentalUntil: r.rental_until, expiresAt: r.expires_at, rechargeRef: r.recharge_ref });
    m.set(r.order_id, list);
  }
  const itemIds = rows.filter((r) => r.item_id !== null).map((r) => r.item_id!);
  if (itemIds.length) appendLedger(db, { shopId, event: 'reveal', subject: why, detail: { orders: orderIds.length, items: itemIds.length, itemIds: itemIds.slice(0, 1000) } });
  return m;
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

/** When each rented account frees up (rental end + cooldown). */
export function accountAvailability(db: Db, shopId: number, productId: number): { itemId: number; masked: string; busyUntil: string | null }[] {
  return (db.prepare("SELECT id, kind, card_no, code, login, busy_until FROM stock_items WHERE shop_id = ? AND product_id = ? AND kind = 'account' AND state = 'available' ORDER BY (busy_until IS NOT NULL), busy_until, id").all(shopId, productId) as { id: number; kind: string; card_no: string; code: string; login: string; busy_until: string | null }[])
    .map((r) => ({ itemId: r.id, masked: maskItem(r), busyUntil: r.busy_until }));
}

/** `allocation.accounts`: a rental product's accounts and until when each is busy. */
export function productAccounts(db: Db, shopId: number, skuKey: string): { itemId: number; masked: string; busyUntil: string | null }[] {
  return accountAvailability(db, shopId, getProductProfile(db, shopId, skuKey).id);
}
