import type { ExportNarrowing, LeftOutCode, LeftOutOrder, RuleId } from '../../../../shared/domain';
import { maskSecret } from '../../../../shared/rules/mask';
import { missingPart, type ShipItem } from '../../../../shared/rules/export-columns';
import { skuKeySql } from '../../../../shared/rules/sku-key';
import type { Db } from '../../db/open';
import { assertItemIntact } from '../content';
import { ACTIVE_FINDING } from '../rules/findings';

/**
 * Which waiting orders go into a shipment file and which stay out, and why. The rule is the one
 * of READY_ORDER (ready.ts): filled or recharged, no active block, never exported (or the
 * backend reported the upload failed); an exported order goes again only when asked by number.
 */

export interface Candidate {
  id: number; orderNo: string; skuKey: string; productName: string; spec: string; quantity: number;
  shipBy: string | null; rechargeNo: string; state: string | null; filled: boolean; block: RuleId | null;
}

/** An item with what the file and the message need; `fingerprint`: its identity hash (the delivery record's); `contentHash`: its content's (content.ts). */
export interface LoadedItem extends ShipItem {
  allocationId: number; itemId: number | null; reusable: boolean; fingerprint: string; contentHash: string; rechargeRef: string;
  extras: string; rentalUntil: string | null; expiresAt: string | null;
}

export interface Selection {
  ready: Candidate[];
  /** Exported orders asked for again (with `reexport`). */
  again: Candidate[];
  leftOut: (LeftOutOrder & { id: number })[];
  notChosen: number;
}

/** Every waiting order of the shop (待发货, no after-sale, undamaged), most urgent first (no ship-by last). */
export function candidates(db: Db, shopId: number): Candidate[] {
  // The first active block of each order, in one pass over the shop's blocks (most orders have none).
  const block = new Map<number, RuleId>();
  for (const [orderId, rule] of db.prepare(`SELECT f.order_id, f.rule FROM findings f WHERE f.shop_id = ? AND f.order_id IS NOT NULL AND f.severity = 'block' AND ${ACTIVE_FINDING} ORDER BY f.id`)
    .raw().iterate(shopId) as Iterable<[number, RuleId]>) if (!block.has(orderId)) block.set(orderId, rule);
  // In the order of the ship-by index (orders_by_ship_by), no sort; the orders without a ship-by come first there and go last here.
  const rows = db.prepare(`SELECT o.id, o.order_no, o.sku_key, o.product_name, o.spec, o.quantity, o.ship_by, o.recharge_no, o.ship_state,
      EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL) AS filled
    FROM orders o WHERE o.shop_id = ? AND o.shippable = 1 AND o.damaged = 0 ORDER BY o.ship_by, o.id`).raw().all(shopId) as [number, string, string, string, string, number, string | null, string, string | null, number][];
  const out = rows.map(([id, orderNo, skuKey, productName, spec, quantity, shipBy, rechargeNo, state, filled]): Candidate => ({
    id, orderNo, skuKey, productName, spec, quantity, shipBy, rechargeNo, state, filled: filled === 1, block: block.get(id) ?? null,
  }));
  const undated = out.findIndex((c) => c.shipBy !== null);
  return undated <= 0 ? out : out.slice(undated).concat(out.slice(0, undated));
}

/** The narrowing as a test of one order (a multi-line order matches a product by any of its lines). */
function chooser(db: Db, shopId: number, n: ExportNarrowing | undefined): (c: Candidate) => boolean {
  if (!n) return () => true;
  const skus = n.skuKeys ? new Set(n.skuKeys) : null;
  const nos = n.orderNos ? new Set(n.orderNos) : null;
  let lineKeys: Map<number, Set<string>> | null = null;
  if (skus) {
    lineKeys = new Map();
    for (const [id, key] of db.prepare(`SELECT l.order_id, ${skuKeySql('l')} FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.shop_id = ? AND o.line_count > 1`).raw().iterate(shopId) as Iterable<[number, string]>) {
      (lineKeys.get(id) ?? lineKeys.set(id, new Set()).get(id)!).add(key);
    }
  }
  return (c) => {
    if (nos && !nos.has(c.orderNo)) return false;
    if (skus && !skus.has(c.skuKey) && ![...(lineKeys!.get(c.id) ?? [])].some((k) => skus.has(k))) return false;
    if (n.shipByBefore && (c.shipBy === null || c.shipBy >= n.shipByBefore)) return false;
    if (n.shipByFrom && (c.shipBy === null || c.shipBy < n.shipByFrom)) return false;
    return true;
  };
}

const leftOut = (c: Candidate, code: LeftOutCode, extra: Partial<LeftOutOrder> = {}): LeftOutOrder & { id: number } =>
  ({ id: c.id, orderNo: c.orderNo, productName: c.productName, spec: c.spec, code, ...extra });

/** Sorts the waiting orders into ready, asked-for-again, left out (with why) and outside the narrowing. */
export function selectOrders(db: Db, shopId: number, narrow: ExportNarrowing | undefined, reexport: string[] = []): Selection {
  const chosen = chooser(db, shopId, narrow);
  const again = new Set(reexport);
  const named = new Set(narrow?.orderNos ?? []);
  const s: Selection = { ready: [], again: [], leftOut: [], notChosen: 0 };
  for (const c of candidates(db, shopId)) {
    const exported = c.state !== null && c.state !== 'upload_failed';
    if (exported) {
      if (again.has(c.orderNo)) {
        if (c.filled && !c.block) s.again.push(c);
      } else if (named.has(c.orderNo)) s.leftOut.push(leftOut(c, 'EXPORTED'));
      continue;
    }
    const ready = c.filled && !c.block;
    if (!chosen(c)) {
      if (ready) s.notChosen++;
      continue;
    }
    if (!c.filled) s.leftOut.push(leftOut(c, 'NOT_FILLED'));
    else if (c.block) s.leftOut.push(leftOut(c, 'RULE_BLOCKED', { rule: c.block }));
    else s.ready.push(c);
  }
  return s;
}

type ItemRow = [orderId: number, allocationId: number, itemId: number | null, aKind: string, reusable: number, rechargeRef: string, rentalUntil: string | null,
  kind: string | null, cardNo: string | null, password: string | null, code: string | null, login: string | null, extras: string | null,
  fingerprint: string | null, expiresAt: string | null, contentHash: string | null];

/**
 * The items of these orders, in full (`reveal`) or masked (for the preview). One pass over the
 * shop's active allocations instead of a query per order.
 */
export function loadItems(db: Db, shopId: number, orderIds: ReadonlySet<number>, reveal: boolean): Map<number, LoadedItem[]> {
  const m = new Map<number, LoadedItem[]>();
  const show = (s: string | null) => (s ? (reveal ? s : maskSecret(s)) : '');
  for (const r of db.prepare(`SELECT a.order_id, a.id, a.item_id, a.kind, a.reusable, a.recharge_ref, a.rental_until,
      i.kind, i.card_no, i.password, i.code, i.login, i.extras, i.fingerprint, i.expires_at, i.content_hash
    FROM allocations a LEFT JOIN stock_items i ON i.id = a.item_id WHERE a.shop_id = ? AND a.released_at IS NULL ORDER BY a.order_id, a.id`).raw().iterate(shopId) as Iterable<ItemRow>) {
    if (!orderIds.has(r[0])) continue;
    // Served in full (a shipment file, its messages): only what was committed for it.
    if (reveal && r[2] !== null) assertItemIntact(db, { id: r[2], kind: r[7]!, card_no: r[8]!, password: r[9]!, code: r[10]!, login: r[11]!, extras: r[12]!, content_hash: r[15] });
    const it: LoadedItem = {
      kind: (r[3] === 'recharge' ? 'recharge' : r[7]) as ShipItem['kind'], cardNo: show(r[8]), password: show(r[9]), code: show(r[10]), login: show(r[11]),
      allocationId: r[1], itemId: r[2], reusable: r[4] === 1, fingerprint: r[13] ?? '', contentHash: r[15] ?? '',
      rechargeRef: r[5], extras: reveal ? (r[12] ?? '') : '', rentalUntil: r[6], expiresAt: r[14],
    };
    const list = m.get(r[0]);
    if (list) list.push(it);
    else m.set(r[0], [it]);
  }
  return m;
}

/** Ready orders whose items have a part the template has no column for move to the left-out list. */
export function dropUnplaceable(s: Selection, items: Map<number, LoadedItem[]>, columns: Parameters<typeof missingPart>[0]): void {
  const keep: Candidate[] = [];
  for (const c of s.ready) {
    const part = missingPart(columns, { orderNo: c.orderNo, rechargeNo: c.rechargeNo, items: items.get(c.id) ?? [] });
    if (part) s.leftOut.push(leftOut(c, 'NO_COLUMN', { part }));
    else keep.push(c);
  }
  s.ready = keep;
}
