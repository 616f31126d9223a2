import type { Db } from '../../main/core/db/open';
import { skuKey as lineSkuKey } from '../../shared/rules/sku-key';

/**
 * The allocation guarantees, checked against the database itself (issue #4):
 * - each single-use item is bound to at most one order (active allocations), and a reserved item
 *   has exactly one active allocation, an available one none;
 * - each order holds 0 items or exactly the units it needs (quantity × items per unit).
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
