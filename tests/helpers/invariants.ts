import type { Db } from '../../main/core/db/open';
import { skuKey as lineSkuKey } from '../../shared/rules/sku-key';

/**
 * The allocation guarantees, checked against the database itself (issue #4):
 * - each single-use item is bound to at most one order (active allocations), and a reserved item
 *   has exactly one active allocation, an available one none;
 * - each order holds 0 items or exactly the units it needs (quantity × items per unit);
 * - an account (reusable: rented, never reserved) serves one rental at a time: the active rentals
 *   of one account, each from its start (created_at) to its end (rental_until), never overlap, and
 *   while it has one the account is marked busy (busy_until) at least until the latest ends, so
 *   no fill or assignment can rent it again meanwhile; an allocation is reusable exactly when its
 *   item is an account, and an account is never reserved or delivered like a card.
 * Returns the list of violations (empty when all hold).
 */
export function allocationViolations(db: Db): string[] {
  const v: string[] = [];
  for (const r of db.prepare(`SELECT item_id, count(*) AS n FROM allocations WHERE released_at IS NULL AND reusable = 0 AND item_id IS NOT NULL GROUP BY item_id HAVING n > 1`).all() as { item_id: number; n: number }[]) {
    v.push(`item ${r.item_id} bound to ${r.n} orders`);
  }
  for (const r of db.prepare(`SELECT i.id, i.state, (SELECT count(*) FROM allocations a WHERE a.item_id = i.id AND a.released_at IS NULL) AS n FROM stock_items i WHERE i.kind <> 'account'`).all() as { id: number; state: string; n: number }[]) {
    if (r.state === 'reserved' && r.n !== 1) v.push(`reserved item ${r.id} has ${r.n} active allocations`);
    if (r.state === 'available' && r.n !== 0) v.push(`available item ${r.id} has ${r.n} active allocations`);
  }
  v.push(...accountViolations(db));
  const products = new Map((db.prepare('SELECT shop_id, sku_key, terms FROM products').all() as { shop_id: number; sku_key: string; terms: string }[]).map((p) => [`${p.shop_id}|${p.sku_key}`, JSON.parse(p.terms) as { itemsPerUnit?: number }]));
  const lines = db.prepare('SELECT sku_code, style_id, product_id, spec, quantity FROM order_lines WHERE order_id = ?');
  for (const o of db.prepare(`SELECT o.id, o.shop_id, o.order_no, (SELECT count(*) FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL AND a.kind = 'item') AS n FROM orders o`).all() as { id: number; shop_id: number; order_no: string; n: number }[]) {
    if (o.n === 0) continue;
    const need = (lines.all(o.id) as { sku_code: string; style_id: string; product_id: string; spec: string; quantity: number }[])
      .reduce((s, l) => s + l.quantity * (products.get(`${o.shop_id}|${lineSkuKey(l)}`)?.itemsPerUnit ?? 1), 0);
    if (o.n !== need) v.push(`order ${o.order_no} holds ${o.n} items, needs ${need}`);
  }
  return v;
}

/** The account part of allocationViolations. */
function accountViolations(db: Db): string[] {
  const v: string[] = [];
  for (const r of db.prepare(`SELECT a.id, i.id AS item_id, i.kind, a.reusable FROM allocations a JOIN stock_items i ON i.id = a.item_id
    WHERE a.released_at IS NULL AND (a.reusable = 1) <> (i.kind = 'account')`).all() as { id: number; item_id: number; kind: string; reusable: number }[]) {
    v.push(`allocation ${r.id} of ${r.kind} item ${r.item_id} has reusable = ${r.reusable}`);
  }
  for (const r of db.prepare("SELECT id, state FROM stock_items WHERE kind = 'account' AND state IN ('reserved', 'delivered')").all() as { id: number; state: string }[]) {
    v.push(`account ${r.id} is ${r.state}`);
  }
  const rentals = db.prepare(`SELECT a.item_id, o.order_no, a.created_at, a.rental_until, i.busy_until FROM allocations a
    JOIN orders o ON o.id = a.order_id JOIN stock_items i ON i.id = a.item_id
    WHERE a.released_at IS NULL AND a.reusable = 1 ORDER BY a.item_id, a.created_at, a.id`).all() as { item_id: number; order_no: string; created_at: string; rental_until: string | null; busy_until: string | null }[];
  // Every stored time is ISO 8601 in +08:00 (toBeijingIso): as strings they sort as times.
  let prev: (typeof rentals)[number] | undefined;
  let latestEnd = '';
  for (const [k, r] of rentals.entries()) {
    if (r.rental_until === null) v.push(`account ${r.item_id} rented to ${r.order_no} without an end`);
    else if (prev?.item_id === r.item_id && prev.rental_until !== null && r.created_at < prev.rental_until) {
      v.push(`account ${r.item_id} rented to ${prev.order_no} (${prev.created_at} – ${prev.rental_until}) and to ${r.order_no} (from ${r.created_at}) at once`);
    }
    if (prev?.item_id !== r.item_id) latestEnd = '';
    if (r.rental_until !== null && r.rental_until > latestEnd) latestEnd = r.rental_until;
    const last = rentals[k + 1]?.item_id !== r.item_id;
    if (last && latestEnd && (r.busy_until === null || r.busy_until < latestEnd)) {
      v.push(`account ${r.item_id} is rented until ${latestEnd} but marked busy until ${r.busy_until ?? 'never'}`);
    }
    prev = r;
  }
  return v;
}
