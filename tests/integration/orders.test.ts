import { describe, expect, it } from 'vitest';
import { fill } from '../../main/core/services/allocation';
import { listOrders } from '../../main/core/services/orders';
import { listProducts } from '../../main/core/services/products';
import { generateOrders, type OrderTable } from '../fixtures/orders';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
/** A shop whose products are all code products; `stock` codes per product (by sku key order). */
const shop = (t: OrderTable, stockPer: (skuKey: string, waitingUnits: number) => number) => codeShop(tempDir(), t, stockPer);

describe('order queries for the grid', () => {
  it('filters by product and by filled', () => {
    const t = generateOrders({ count: 100, seed: 91, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, (_k, w) => w);
    const p = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting)[0];
    const mine = listOrders(db, { shopId, skuKey: p.skuKey, limit: 1000 });
    expect(mine.total).toBe(t.expected.filter((e) => e.items.some((i) => i.skuCode === p.skuKey)).length);
    expect(listOrders(db, { shopId, filled: true }).total).toBe(0);
    fill(db, shopId, { cooldownHours: 2 });
    const filled = listOrders(db, { shopId, filled: true, limit: 1000 });
    const unfilled = listOrders(db, { shopId, filled: false, limit: 1000 });
    // Stock for every waiting order: filled are exactly the shippable ones, each with its quantity of items.
    const shippable = t.expected.filter((e) => e.shippable);
    expect(filled.total).toBe(shippable.length);
    expect(unfilled.total).toBe(100 - shippable.length);
    expect(filled.rows.map((o) => o.orderNo).sort()).toEqual(shippable.map((e) => e.orderNo).sort());
    for (const o of filled.rows) expect(o.items, o.orderNo).toHaveLength(o.quantity);
    expect(unfilled.rows).toHaveLength(unfilled.total);
    expect(unfilled.rows.filter((o) => o.items.length > 0).map((o) => o.orderNo)).toEqual([]);
  });

  it('search finds an order by its number, its recharge number or its product title, and nothing else', () => {
    const t = generateOrders({ count: 300, seed: 92, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, () => 0);
    const all = listOrders(db, { shopId, limit: 1000 }).rows;
    // A word of one product's title that no order number or recharge number holds.
    const title = all[0].productName;
    const word = [...title].slice(0, 4).join('');
    const byTitle = listOrders(db, { shopId, search: word, limit: 1000 });
    const expected = all.filter((o) => o.productName.includes(word) || o.orderNo.includes(word) || o.rechargeNo.includes(word));
    expect(byTitle.total).toBeGreaterThan(0);
    expect(byTitle.rows.map((o) => o.orderNo).sort()).toEqual(expected.map((o) => o.orderNo).sort());
    expect(byTitle.total).toBeLessThan(all.length);
    // A part of an order number still finds that order.
    const part = all[7].orderNo.slice(-9);
    expect(listOrders(db, { shopId, search: part }).rows.map((o) => o.orderNo)).toContain(all[7].orderNo);
    expect(listOrders(db, { shopId, search: '不存在的商品名' }).total).toBe(0);
  });
});
