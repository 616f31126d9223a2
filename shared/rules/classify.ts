import type { ReasonCode } from '../domain';

/** The after-sale value of an order with no after-sale in progress. */
export const AFTER_SALE_NONE = '无售后或售后取消';

/** 售后状态 that means "no after-sale in progress": empty, or the export's own "none" value. */
export function isNoAfterSale(afterSale: string): boolean {
  const as = afterSale.trim();
  return as === '' || as === AFTER_SALE_NONE;
}

export interface Classification {
  shippable: boolean;
  reason: ReasonCode | null;
}

/** Half-width commas and stray spaces, as re-saved files write them, read like the backend's own. */
export function normalizeStatus(s: string): string {
  return s.replace(/\s+/g, '').replace(/,/g, '，');
}

/**
 * Shippable = 待发货 with no after-sale in progress (DOMAIN.md §3). Everything else says why not.
 * Pure: the UI uses it for hints, the core for the verdict.
 */
export function classifyOrder(status: string, afterSale: string, damaged: boolean): Classification {
  if (damaged) return { shippable: false, reason: 'DAMAGED_ORDER_NO' };
  const st = normalizeStatus(status);
  const as = afterSale.trim();
  if (st === '待发货') {
    if (isNoAfterSale(as)) return { shippable: true, reason: null };
    if (as.includes('退款成功')) return { shippable: false, reason: 'REFUNDED' };
    return { shippable: false, reason: 'AFTER_SALE' };
  }
  if (st === '待付款') return { shippable: false, reason: 'NOT_PAID' };
  if (st.includes('退款成功')) return { shippable: false, reason: 'REFUNDED' };
  if (st.startsWith('已发货')) return { shippable: false, reason: 'SHIPPED' };
  if (st === '已签收' || st === '已收货') return { shippable: false, reason: 'RECEIVED' };
  if (st === '已取消' || st === '交易关闭') return { shippable: false, reason: 'CANCELLED' };
  return { shippable: false, reason: 'UNKNOWN_STATUS' };
}

/**
 * What a later export says became of an order that may hold items: refunded or cancelled before
 * shipment — 已取消, 交易关闭, 未发货，退款成功, or still 待发货 with 售后状态 退款成功 — (its items may go
 * back to stock), refunded after shipment (they never do), or neither (null: it may still ship, or shipped).
 */
export function refundOrCancel(status: string, afterSale: string): 'beforeShipment' | 'afterShipment' | null {
  const { reason } = classifyOrder(status, afterSale, false);
  if (reason === 'CANCELLED') return 'beforeShipment';
  if (reason !== 'REFUNDED') return null;
  return normalizeStatus(status).startsWith('已发货') ? 'afterShipment' : 'beforeShipment';
}

/** Beijing time: every PDD timestamp is UTC+8 and carries no zone. */
export const BEIJING_OFFSET_MIN = 8 * 60;

/** ISO 8601 with +08:00 for an instant (ms since epoch). */
export function toBeijingIso(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET_MIN * 60_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}+08:00`;
}
