import { normalizeStatus, refundOrCancel } from '../../../../shared/rules/classify';
import type { Db } from '../../db/open';
import { nowMs } from '../clock';
import { getSettings } from '../settings';

/**
 * The next order export is the truth about what shipped: an exported order that now shows 已发货
 * (or later) is shipped; one still 待发货 well after its export needs attention (items intact); one
 * refunded or closed after export needs attention too (its items were quarantined by the import).
 * An attention note is stored as its code (`STILL_WAITING:<hours>`, `CLOSED_AFTER_EXPORT`; SHIP_NOTES).
 */

export interface Outbound { id: number; state: string; exportedAt: string | null; attentionHours: number }

/** The shop's orders on their way out (exported, upload failed, needing attention), by id. */
export function exportedOrders(db: Db, shopId: number): Map<number, Outbound> {
  const m = new Map<number, Outbound>();
  const attentionHours = getSettings(db).attentionHours;
  for (const [id, state, exportedAt] of db.prepare("SELECT id, ship_state, exported_at FROM orders WHERE shop_id = ? AND ship_state IN ('exported', 'upload_failed', 'attention')").raw().iterate(shopId) as Iterable<[number, string, string | null]>) {
    m.set(id, { id, state, exportedAt, attentionHours });
  }
  return m;
}

/** One exported order as the new export shows it (inside the import's transaction). */
export function learnShipState(db: Db, o: Outbound, status: string, afterSale: string, importId: number, seenAt: string): void {
  const st = normalizeStatus(status);
  let next: string | null = null;
  let note = '';
  if (st.startsWith('已发货') || st === '已签收' || st === '已收货') next = 'shipped';
  else if (refundOrCancel(status, afterSale) === 'beforeShipment') { next = 'attention'; note = 'CLOSED_AFTER_EXPORT'; }
  else if (st === '待发货' && o.state === 'exported' && o.exportedAt) {
    const hours = o.attentionHours;
    if (nowMs() - Date.parse(o.exportedAt) >= hours * 3_600_000) { next = 'attention'; note = `STILL_WAITING:${hours}`; }
  }
  if (next === null || next === o.state) return;
  db.prepare('UPDATE orders SET ship_state = ?, ship_note = ? WHERE id = ?').run(next, note, o.id);
  db.prepare('INSERT INTO order_changes (order_id, import_id, seen_at, field, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(o.id, importId, seenAt, 'shipState', o.state, next);
  o.state = next;
}
