/**
 * Two shops in one data folder are two worlds (issue 14): the same export imported into both,
 * the same codes in both stocks, and nothing of one shop — orders, stock, duplicate history, fills
 * and their undo, exports, a later export's cancellations — ever reaches the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/core/db/open';
import { assign, fill, undoLastFill } from '../../main/core/services/allocation';
import { runExport } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders, getOrder, ordersSummary } from '../../main/core/services/orders';
import { getProduct, listProducts, setProduct } from '../../main/core/services/products';
import { createShop, ensureDefaultShop } from '../../main/core/services/shops';
import { importStock, moveItems, restoreItems, revealItem, voidItems } from '../../main/core/services/stock';
import { AppError, type ErrorCode } from '../../shared/errors';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { laterExport } from '../fixtures/shipment';
import { codes } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

const tempDir = useTempDirs();
afterEach(() => { delete process.env.VSHIP_NOW; });

const refusal = (fn: () => unknown): ErrorCode => {
  try { fn(); } catch (e) { if (e instanceof AppError) return e.code; throw e; }
  throw new Error('expected a refusal');
};

/** Shops A and B holding the same export, every product a code product in both; no stock yet. */
function twoShops(t: OrderTable = generateOrders({ count: 40, seed: 171, statusMix: 'all-shippable' })) {
  process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
  const db = openDatabase(tempDir());
  const a = ensureDefaultShop(db).id;
  const b = createShop(db, '第二家').id;
  for (const shopId of [a, b]) {
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
    for (const p of listProducts(db, shopId)) setProduct(db, shopId, p.skuKey, { kind: 'code' });
  }
  const products = listProducts(db, a);
  return { db, a, b, t, products, nos: t.expected.map((e) => e.orderNo) };
}

/** Codes for every waiting unit of each product, prefixed per product (the same text whatever the shop). */
function stockUp(db: Db, shopId: number, products: { skuKey: string; waitingUnits: number }[], extra = 0) {
  products.forEach((p, i) => importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, text: codes(`C${i}`, p.waitingUnits + extra) }));
}

/** Everything of one shop the other must never change. */
function shopState(db: Db, shopId: number) {
  return {
    orders: db.prepare('SELECT * FROM orders WHERE shop_id = ? ORDER BY id').all(shopId),
    allocations: db.prepare('SELECT * FROM allocations WHERE shop_id = ? ORDER BY id').all(shopId),
    items: db.prepare('SELECT id, product_id, state, busy_until, voided_at FROM stock_items WHERE shop_id = ? ORDER BY id').all(shopId),
    batches: db.prepare('SELECT * FROM stock_batches WHERE shop_id = ? ORDER BY id').all(shopId),
    fills: db.prepare('SELECT * FROM fills WHERE shop_id = ? ORDER BY id').all(shopId),
  };
}

describe('two shops in one data folder', () => {
  it('keep the same export as two sets of orders: an import into one, cancelling filled orders, changes nothing in the other', () => {
    const { db, a, b, t, nos, products } = twoShops();
    expect(allOrders(db, a).map((o) => o.orderNo).sort()).toEqual([...nos].sort());
    expect(allOrders(db, b).map((o) => o.orderNo).sort()).toEqual([...nos].sort());
    const ids = (shopId: number) => new Set(allOrders(db, shopId).map((o) => o.id));
    expect([...ids(a)].filter((id) => ids(b).has(id))).toEqual([]);
    for (const shopId of [a, b]) {
      stockUp(db, shopId, products);
      expect(fill(db, shopId, { cooldownHours: 2 }).filled).toBe(40);
    }
    const before = shopState(db, a);
    importOrderFiles(db, b, [{ name: 'later.csv', bytes: toCsv(laterExport(t, { cancelled: [nos[0]], afterSale: { [nos[1]]: '退款中' }, newOrders: 3 })) }], { shipPromiseHours: 48 });
    expect(shopState(db, a)).toEqual(before);
    expect(getOrder(db, a, nos[0])!.status).toBe('待发货');
    expect(getOrder(db, b, nos[0])!).toMatchObject({ status: '已取消', items: [] });
    expect(getOrder(db, a, nos[0])!.items.length).toBeGreaterThan(0);
    expect(ordersSummary(db, a)).toMatchObject({ total: 40, shippable: 40 });
    expect(ordersSummary(db, b)).toMatchObject({ total: 43, shippable: 41 });
  });

  it('a fill of one shop never takes the other shop’s stock', () => {
    const { db, a, b, products } = twoShops();
    stockUp(db, a, products);
    const r = fill(db, b, { cooldownHours: 2 });
    expect(r).toMatchObject({ filled: 0, items: 0, fillId: null });
    expect(r.short.length).toBe(40);
    expect(db.prepare("SELECT count(*) FROM stock_items WHERE shop_id = ? AND state <> 'available'").pluck().get(a)).toBe(0);
    const ra = fill(db, a, { cooldownHours: 2 });
    expect(ra.filled).toBe(40);
    // Every item an order holds is of the order's own shop.
    expect(db.prepare('SELECT count(*) FROM allocations x JOIN orders o ON o.id = x.order_id JOIN stock_items i ON i.id = x.item_id WHERE i.shop_id <> o.shop_id OR x.shop_id <> o.shop_id').pluck().get()).toBe(0);
    expect(allOrders(db, b).every((o) => o.items.length === 0)).toBe(true);
    for (const p of products) expect(getProduct(db, b, p.skuKey).levels).toMatchObject({ available: 0, reserved: 0 });
  });

  it('keeps one duplicate history per shop: a code of shop A’s stock, even one delivered, is new to shop B', () => {
    const { db, a, b, products } = twoShops();
    stockUp(db, a, products, 2);
    fill(db, a, { cooldownHours: 2 });
    runExport(db, tempDir(), { shopId: a });
    expect(db.prepare("SELECT count(*) FROM stock_items WHERE shop_id = ? AND state = 'delivered'").pluck().get(a)).toBeGreaterThan(0);
    const p = products[0];
    const text = codes('C0', p.waitingUnits + 2);
    // The same lines again: all duplicates in A, all new in B.
    expect(importStock(db, { shopId: a, skuKey: p.skuKey, name: 'again.txt', text })).toMatchObject({ added: 0, batchId: null });
    const inB = importStock(db, { shopId: b, skuKey: p.skuKey, name: 'again.txt', text });
    expect(inB).toMatchObject({ added: p.waitingUnits + 2, duplicates: [] });
    // And B's own history catches them from then on.
    expect(importStock(db, { shopId: b, skuKey: p.skuKey, name: 'thrice.txt', text }).duplicates).toHaveLength(p.waitingUnits + 2);
    // Typed by hand in B: a code that is A's (delivered) is B's new item; A's item is untouched.
    const orderB = allOrders(db, b).find((o) => o.shippable && o.lineCount === 1 && o.quantity === 1)!;
    expect(orderB).toBeDefined();
    const aItem = db.prepare('SELECT id, code, state FROM stock_items WHERE id = ?').get(getOrder(db, a, orderB.orderNo)!.items[0].itemId) as { id: number; code: string; state: string };
    expect(aItem.state).toBe('delivered');
    const got = assign(db, b, orderB.orderNo, [aItem.code]);
    expect(got).toHaveLength(1);
    expect(db.prepare('SELECT shop_id FROM stock_items WHERE id = ?').pluck().get(got[0].itemId)).toBe(b);
    expect(db.prepare('SELECT state FROM stock_items WHERE id = ?').pluck().get(aItem.id)).toBe('delivered');
    expect(allocationViolations(db)).toEqual([]);
  });

  it('stock of one shop cannot be voided, restored, moved or revealed through the other', () => {
    const { db, a, b, products } = twoShops();
    stockUp(db, a, products.slice(0, 2));
    stockUp(db, b, products.slice(0, 2));
    const itemOfA = db.prepare('SELECT id FROM stock_items WHERE shop_id = ? ORDER BY id LIMIT 1').pluck().get(a) as number;
    const batchOfA = db.prepare('SELECT id FROM stock_batches WHERE shop_id = ? ORDER BY id LIMIT 1').pluck().get(a) as number;
    const [before, beforeB] = [shopState(db, a), shopState(db, b)];
    expect(refusal(() => voidItems(db, { shopId: b, itemIds: [itemOfA] }))).toBe('ITEM_NOT_FOUND');
    expect(voidItems(db, { shopId: b, batchId: batchOfA })).toEqual({ voided: 0 });
    expect(refusal(() => moveItems(db, { shopId: b, itemIds: [itemOfA], toSkuKey: products[1].skuKey }))).toBe('ITEM_NOT_FOUND');
    expect(refusal(() => revealItem(db, b, itemOfA))).toBe('ITEM_NOT_FOUND');
    expect([shopState(db, a), shopState(db, b)]).toEqual([before, beforeB]);
    // Voided in A, it cannot be restored from B.
    voidItems(db, { shopId: a, itemIds: [itemOfA] });
    expect(refusal(() => restoreItems(db, { shopId: b, itemIds: [itemOfA] }))).toBe('ITEM_NOT_FOUND');
    expect(db.prepare('SELECT state FROM stock_items WHERE id = ?').pluck().get(itemOfA)).toBe('voided');
    expect(shopState(db, b)).toEqual(beforeB);
  });

  it('undo and export act on their own shop only', () => {
    const { db, a, b, products, nos } = twoShops();
    stockUp(db, a, products);
    stockUp(db, b, products);
    const fa = fill(db, a, { cooldownHours: 2 });
    const fb = fill(db, b, { cooldownHours: 2 });
    expect([fa.filled, fb.filled]).toEqual([40, 40]);
    // B's fill is the folder's last one; undoing A's undoes A's.
    const beforeB = shopState(db, b);
    expect(undoLastFill(db, a)).toEqual({ fillId: fa.fillId, released: fa.items });
    expect(shopState(db, b)).toEqual(beforeB);
    fill(db, a, { cooldownHours: 2 });
    const beforeA = shopState(db, a);
    const exp = runExport(db, tempDir(), { shopId: b });
    expect(exp.orders).toBe(40);
    expect(shopState(db, a)).toEqual(beforeA);
    expect(getOrder(db, a, nos[0])!.shipState).toBe('ready');
    expect(getOrder(db, b, nos[0])!.shipState).toBe('exported');
    // B's fill is exported: its undo is refused, A's next fill still undoes.
    expect(refusal(() => undoLastFill(db, b))).toBe('FILL_EXPORTED');
    expect(undoLastFill(db, a).released).toBe(fa.items);
  });
});
