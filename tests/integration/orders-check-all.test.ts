/**
 * orders.checkAll: what Ctrl+A checks — every order of the grid's query (not a page of it), in
 * the grid's order, each with what checking needs (ship state as the list derives it, filled).
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../../main/core/services/allocation';
import { checkAllOrders, listOrders } from '../../main/core/services/orders';
import { generateOrders } from '../fixtures/orders';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

describe('orders.checkAll', () => {
  it('returns every order of the query in grid order, light, agreeing with orders.list row by row', () => {
    const t = generateOrders({ count: 650, seed: 121 });
    // Stock for about half of what waits: some filled (ready), some not.
    const { db, shopId } = codeShop(tempDir(), t, (_k, w) => Math.floor(w / 2));
    fill(db, shopId, { cooldownHours: 2 });
    for (const q of [
      { shopId },
      { shopId, filter: 'shippable' as const, sort: 'orderNo' as const, desc: true },
      { shopId, filter: 'blocked' as const },
      { shopId, filled: false, sort: 'productName' as const },
      { shopId, shipState: 'ready' as const },
    ]) {
      const all = checkAllOrders(db, q);
      const listed = listOrders(db, { ...q, limit: 100_000 });
      expect(all.total, JSON.stringify(q)).toBe(listed.total);
      expect(all.rows.map((r) => r.orderNo)).toEqual(listed.rows.map((o) => o.orderNo));
      expect(all.rows).toEqual(listed.rows.map((o) => ({
        orderNo: o.orderNo, shipState: o.shipState, shippable: o.shippable, quantity: o.quantity, skuKey: o.skuKey,
        skuCode: o.skuCode, styleId: o.styleId, productId: o.productId, spec: o.spec, filled: o.items.length > 0,
      })));
    }
    // More than a page of the grid (200), and the mix the test means: filled and not, ready and not.
    const all = checkAllOrders(db, { shopId }).rows;
    expect(all.length).toBe(650);
    expect(all.some((r) => r.filled)).toBe(true);
    expect(all.some((r) => !r.filled && r.shippable)).toBe(true);
    expect(all.some((r) => r.shipState === 'ready')).toBe(true);
  });
});
