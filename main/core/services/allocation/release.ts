import { refundOrCancel, toBeijingIso } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import { nowMs } from '../clock';
import { appendLedger } from '../ledger';
import { getSettings } from '../settings';
import { orderRow } from './needs';
import { checkShop } from '../rules/check';

/** Back to stock: the allocation ends, a single-use item is available again, an account is free. */
export function releaseAllocation(db: Db, allocationId: number, reason: string): void {
  const a = db.prepare('SELECT item_id, reusable FROM allocations WHERE id = ?').get(allocationId) as { item_id: number | null; reusable: number };
  db.prepare('UPDATE allocations SET released_at = ?, release_reason = ? WHERE id = ?').run(toBeijingIso(nowMs()), reason, allocationId);
  if (a.item_id === null) return;
  if (a.reusable) {
    // An account may hold an older rental beside a newer one (rented again after the first ended):
    // it stays busy until the latest rental still standing ends, plus the cooldown; free only with none.
    const latest = db.prepare('SELECT max(rental_until) FROM allocations WHERE item_id = ? AND released_at IS NULL').pluck().get(a.item_id) as string | null;
    const busyUntil = latest ? toBeijingIso(Date.parse(latest) + getSettings(db).accountCooldownHours * 3_600_000) : null;
    db.prepare('UPDATE stock_items SET busy_until = ? WHERE id = ?').run(busyUntil, a.item_id);
  } else db.prepare("UPDATE stock_items SET state = 'available' WHERE id = ? AND state = 'reserved'").run(a.item_id);
}

/** Exported items never return: they stay delivered, and are marked quarantined. */
function quarantineAllocation(db: Db, allocationId: number): void {
  const a = db.prepare('SELECT item_id, reusable FROM allocations WHERE id = ?').get(allocationId) as { item_id: number | null; reusable: number };
  db.prepare('UPDATE allocations SET quarantined_at = coalesce(quarantined_at, ?) WHERE id = ?').run(toBeijingIso(nowMs()), allocationId);
  if (a.item_id !== null && !a.reusable) db.prepare("UPDATE stock_items SET state = 'delivered' WHERE id = ?").run(a.item_id);
}

/** Takes an order's items back: to stock before export, into quarantine after. */
export function unassign(db: Db, shopId: number, orderNo: string): { released: number; quarantined: number } {
  return db.transaction(() => {
    const o = orderRow(db, shopId, orderNo);
    const r = releaseOrQuarantine(db, o.id, 'unassign');
    appendLedger(db, { shopId, event: 'unassign', subject: `order:${orderNo}`, detail: r });
    checkShop(db, shopId, { orderIds: [o.id] });
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
 * After a newer export: an order refunded or cancelled before shipment gives its items back (its
 * 售后状态 alone may say so: 待发货 with 退款成功); one refunded after shipment quarantines them.
 * Runs inside the import's transaction.
 */
export function applyStatusToAllocations(db: Db, orderId: number, status: string, afterSale: string): void {
  const end = refundOrCancel(status, afterSale);
  if (end === 'beforeShipment') releaseOrQuarantine(db, orderId, 'refunded');
  else if (end === 'afterShipment') {
    const active = db.prepare('SELECT id FROM allocations WHERE order_id = ? AND released_at IS NULL').pluck().all(orderId) as number[];
    for (const id of active) quarantineAllocation(db, id);
  }
}
