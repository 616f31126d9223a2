import type { DeliveryKind, ProductTerms, SkipCode } from '../../../../shared/domain';
import { STOCKED_KINDS } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { skuKey, type SkuKeyColumns } from '../../../../shared/rules/sku-key';
import type { Db } from '../../db/open';

/** What an order needs from stock, judged by the shop's confirmed products; shared by fill and assign. */

interface ProfileRow { id: number; sku_key: string; kind: DeliveryKind | null; confirmed: number; terms: string }
export interface Profile { id: number; skuKey: string; kind: DeliveryKind | null; terms: ProductTerms }

export const DAY = 86_400_000;

export function loadProfiles(db: Db, shopId: number): Map<string, Profile> {
  const rows = db.prepare('SELECT id, sku_key, kind, confirmed, terms FROM products WHERE shop_id = ?').all(shopId) as ProfileRow[];
  // Only what the merchant confirmed drives a fill: a suggestion never hands out stock.
  return new Map(rows.map((r) => [r.sku_key, { id: r.id, skuKey: r.sku_key, kind: r.confirmed ? r.kind : null, terms: JSON.parse(r.terms) as ProductTerms }]));
}

export interface Need { profile: Profile; units: number }

/** An order line as read from `order_lines`: its SKU key columns and its quantity. */
export type NeedLine = SkuKeyColumns & { quantity: number };

/** What an order needs, line by line; or why it cannot be filled from stock. */
export function orderNeeds(lines: NeedLine[], profiles: Map<string, Profile>): Need[] | SkipCode {
  const needs = new Map<number, Need>();
  for (const l of lines) {
    const p = profiles.get(skuKey(l));
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

/** The shop's undamaged order of that number; ORDER_NOT_FOUND otherwise. */
export function orderRow(db: Db, shopId: number, orderNo: string): { id: number; order_no: string; shippable: number } {
  const o = db.prepare('SELECT id, order_no, shippable FROM orders WHERE shop_id = ? AND order_no = ? AND damaged = 0').get(shopId, orderNo) as { id: number; order_no: string; shippable: number } | undefined;
  if (!o) throw new AppError('ORDER_NOT_FOUND', { detail: orderNo });
  return o;
}

/** Whether the order holds items (or a recharge mark) now. */
export function isFilled(db: Db, orderId: number): boolean {
  return db.prepare('SELECT 1 FROM allocations WHERE order_id = ? AND released_at IS NULL').get(orderId) !== undefined;
}
