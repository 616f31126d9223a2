import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { assign, assignMany, fill, markRecharged, unassign, undoLastFill } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders, getOrder } from '../../main/core/services/orders';
import { getProduct, listProducts, setProduct } from '../../main/core/services/products';
import { importStock } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { AppError } from '../../shared/errors';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { codes, codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

const tempDir = useTempDirs();
/** A shop whose products are all code products; `stock` codes per product (by sku key order). */
const shop = (t: OrderTable, stockPer: (skuKey: string, waitingUnits: number) => number) => codeShop(tempDir(), t, stockPer);

describe('automatic fill', () => {
  it('fills every shippable order with exactly its items, and a second run changes nothing', () => {
    const t = generateOrders({ count: 300, seed: 71, multiLineEvery: 7 });
    const { db, shopId } = shop(t, (_k, w) => w + 5);
    const r = fill(db, shopId, { cooldownHours: 2 });
    const shippable = t.expected.filter((e) => e.shippable);
    expect(r.filled).toBe(shippable.length);
    expect(r.short).toEqual([]);
    expect(r.items).toBe(shippable.reduce((n, e) => n + e.quantity, 0));
    expect(allocationViolations(db)).toEqual([]);
    const before = db.prepare('SELECT count(*) FROM allocations').pluck().get();
    const again = fill(db, shopId, { cooldownHours: 2 });
    expect(again).toMatchObject({ filled: 0, items: 0, fillId: null });
    expect(db.prepare('SELECT count(*) FROM allocations').pluck().get()).toBe(before);
    // every shippable order holds exactly its quantity, not-shippable orders got nothing
    const all = allOrders(db, shopId);
    expect(all).toHaveLength(300);
    for (const o of all) expect(o.items.length, o.orderNo).toBe(o.shippable ? o.quantity : 0);
  });

  it('serves the most urgent orders first when stock runs short, and says why for the rest', () => {
    const t = generateOrders({ count: 200, seed: 72, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, () => 0);
    const p = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting)[0];
    const available = Math.floor(p.waitingUnits / 2);
    importStock(db, { shopId, skuKey: p.skuKey, name: 'half.txt', text: codes('HALF', available) });
    const r = fill(db, shopId, { cooldownHours: 2 });
    const mine = allOrders(db, shopId).filter((o) => o.lineCount === 1 && o.skuCode === p.skuKey);
    const filled = mine.filter((o) => o.items.length > 0);
    const waiting = mine.filter((o) => o.items.length === 0);
    expect(filled.length).toBeGreaterThan(0);
    expect(waiting.length).toBeGreaterThan(0);
    // everything more urgent than the first order left waiting was served
    const firstWaiting = Math.min(...waiting.map((o) => Date.parse(o.shipBy!)));
    const moreUrgent = mine.filter((o) => Date.parse(o.shipBy!) < firstWaiting);
    expect(moreUrgent.length).toBeGreaterThan(0);
    for (const o of moreUrgent) expect(o.items, o.orderNo).toHaveLength(o.quantity);
    for (const o of filled) expect(o.items, o.orderNo).toHaveLength(o.quantity);
    // each order left waiting says how many it needs and how many were left
    const shortOfP = new Map(r.short.filter((x) => x.skuKey === p.skuKey).map((x) => [x.orderNo, x]));
    for (const w of waiting) {
      const s = shortOfP.get(w.orderNo);
      expect(s, w.orderNo).toMatchObject({ orderNo: w.orderNo, skuKey: p.skuKey, need: w.quantity });
      expect(s!.available).toBeLessThan(s!.need);
    }
    expect(getProduct(db, shopId, p.skuKey).levels).toMatchObject({ reserved: filled.reduce((n, o) => n + o.quantity, 0) });
    expect(allocationViolations(db)).toEqual([]);
    // other products, with no stock, are short with 0 available
    const others = r.short.filter((s) => s.skuKey !== p.skuKey);
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((s) => s.available !== 0)).toEqual([]);
  });

  it('hands out first-expiring items first and never an expired one or one too close to expiry', () => {
    process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
    try {
      const t = generateOrders({ count: 60, seed: 73, statusMix: 'all-shippable' });
      const { db, shopId } = shop(t, () => 0);
      const p = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting)[0];
      setProduct(db, shopId, p.skuKey, { terms: { minValidityDays: 3 } });
      importStock(db, { shopId, skuKey: p.skuKey, name: 'expired.txt', text: codes('EXPIRED', 5), expiresAt: '2026-06-01' });
      importStock(db, { shopId, skuKey: p.skuKey, name: 'soon.txt', text: codes('SOON', 5), expiresAt: '2026-06-21' });
      importStock(db, { shopId, skuKey: p.skuKey, name: 'later.txt', text: codes('LATER', 2), expiresAt: '2026-12-31' });
      importStock(db, { shopId, skuKey: p.skuKey, name: 'first.txt', text: codes('FIRST', 2), expiresAt: '2026-07-01' });
      importStock(db, { shopId, skuKey: p.skuKey, name: 'never.txt', text: codes('NEVER', 500) });
      fill(db, shopId, { cooldownHours: 2 });
      const used = db.prepare("SELECT code FROM stock_items WHERE state = 'reserved' ORDER BY (SELECT min(a.id) FROM allocations a WHERE a.item_id = stock_items.id)").pluck().all() as string[];
      expect(used.slice(0, 4)).toEqual(['FIRST-000000', 'FIRST-000001', 'LATER-000000', 'LATER-000001']);
      expect(used.length).toBe(p.waitingUnits);
      expect(used.filter((c) => c.startsWith('EXPIRED') || c.startsWith('SOON'))).toEqual([]);
    } finally {
      delete process.env.VSHIP_NOW;
    }
  });

  it('takes quantity × items-per-unit items per order', () => {
    const t = generateOrders({ count: 40, seed: 74, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, (_k, w) => w * 3);
    for (const p of listProducts(db, shopId)) setProduct(db, shopId, p.skuKey, { terms: { itemsPerUnit: 2 } });
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.items).toBe(2 * t.expected.filter((e) => e.shippable).reduce((n, e) => n + e.quantity, 0));
    expect(allocationViolations(db)).toEqual([]);
  });

  it('skips products that are not set up, and top-ups wait for a recharge mark', () => {
    const t = generateOrders({ count: 80, seed: 75, statusMix: 'all-shippable' });
    const db = openDatabase(tempDir());
    const shopId = ensureDefaultShop(db).id;
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
    const [a, b] = listProducts(db, shopId);
    setProduct(db, shopId, a.skuKey, { kind: 'recharge' });
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.filled).toBe(0);
    expect(r.held).toEqual([]);
    expect(r.skipped.length).toBe(t.expected.filter((e) => e.shippable).length);
    expect(new Set(r.skipped.map((s) => s.code))).toEqual(new Set(['RECHARGE_PENDING', 'PRODUCT_UNCONFIRMED']));
    expect(new Set(r.skipped.map((s) => s.reason))).toEqual(new Set(['直充商品：充值后标记“已充值”', '商品未确认发货方式']));
    const orderNo = allOrders(db, shopId).find((o) => o.shippable && (o.skuCode === a.skuKey))!.orderNo;
    expect(markRecharged(db, shopId, orderNo, 'SUP-8812')[0]).toMatchObject({ kind: 'recharge', masked: '已充值（SUP-8812）' });
    expect(() => markRecharged(db, shopId, orderNo, 'again')).toThrow(AppError);
    void b;
  });
});

describe('account rentals', () => {
  it('rents an account to one order at a time and frees it after the term plus cooldown', () => {
    const t = generateOrders({ count: 60, seed: 76, statusMix: 'all-shippable' });
    const db = openDatabase(tempDir());
    const shopId = ensureDefaultShop(db).id;
    process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
    try {
      importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
      const p = listProducts(db, shopId).filter((x) => x.waitingUnits >= 8).sort((a, b) => b.waiting - a.waiting)[0];
      setProduct(db, shopId, p.skuKey, { kind: 'account', terms: { rentalDays: 7 } });
      importStock(db, { shopId, skuKey: p.skuKey, name: 'acc.txt', text: 'user_a----pw1\nuser_b----pw2\nuser_c----pw3\nuser_d----pw4\n' });
      // The queue, most urgent first: four accounts go to the first orders they fit, one account per unit.
      const queue = allOrders(db, shopId).filter((o) => o.shippable && o.skuKey === p.skuKey);
      const serve = (orders: typeof queue, accounts: number) => {
        const served: string[] = [];
        for (const o of orders) if (o.quantity <= accounts) { accounts -= o.quantity; served.push(o.orderNo); }
        return served;
      };
      const firstServed = serve(queue, 4);
      const unitsOf = (nos: string[]) => queue.filter((o) => nos.includes(o.orderNo)).reduce((n, o) => n + o.quantity, 0);
      const first = fill(db, shopId, { cooldownHours: 2 });
      const rented = db.prepare("SELECT count(*) FROM allocations a JOIN stock_items i ON i.id = a.item_id WHERE i.kind = 'account' AND a.released_at IS NULL").pluck().get() as number;
      expect(first.filled).toBe(firstServed.length);
      expect(rented).toBe(unitsOf(firstServed));
      expect(first.short.map((x) => x.orderNo).sort()).toEqual(queue.filter((o) => !firstServed.includes(o.orderNo)).map((o) => o.orderNo).sort());
      // each rented account serves one rental at a time, until rental (7 d) + cooldown (2 h)
      const busy = db.prepare("SELECT busy_until FROM stock_items WHERE kind = 'account' AND busy_until IS NOT NULL").pluck().all();
      expect(busy).toHaveLength(rented);
      expect(new Set(busy)).toEqual(new Set(['2026-06-27T14:00:00+08:00']));
      expect(new Set(db.prepare('SELECT rental_until FROM allocations WHERE released_at IS NULL').pluck().all())).toEqual(new Set(['2026-06-27T12:00:00+08:00']));
      // a day before it frees up: still busy
      process.env.VSHIP_NOW = '2026-06-26T12:00:00+08:00';
      expect(fill(db, shopId, { cooldownHours: 2 }).filled).toBe(0);
      // after rental (7 d) + cooldown (2 h): rentable again, to the next orders
      process.env.VSHIP_NOW = '2026-06-27T14:00:00+08:00';
      const later = fill(db, shopId, { cooldownHours: 2 });
      const laterServed = serve(queue.filter((o) => !firstServed.includes(o.orderNo)), 4);
      expect(laterServed.length).toBeGreaterThan(0);
      expect(later.filled).toBe(laterServed.length);
      expect(allOrders(db, shopId).filter((o) => o.items.length > 0).map((o) => o.orderNo).sort()).toEqual([...firstServed, ...laterServed].sort());
      expect(allocationViolations(db)).toEqual([]);
    } finally {
      delete process.env.VSHIP_NOW;
    }
  });
});

describe('by hand', () => {
  function oneProductShop() {
    const t = generateOrders({ count: 120, seed: 77, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, () => 0);
    const p = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting)[0];
    setProduct(db, shopId, p.skuKey, { kind: 'card' });
    const orders = allOrders(db, shopId).filter((o) => o.shippable && o.lineCount === 1 && o.skuCode === p.skuKey);
    return { db, shopId, p, orders };
  }

  it('fills an order with typed items, which join the stock history', () => {
    const { db, shopId, p, orders } = oneProductShop();
    const o = orders[0];
    const items = Array.from({ length: o.quantity }, (_, i) => `62220000000${i}----PW${i}`);
    const got = assign(db, shopId, o.orderNo, items);
    expect(got).toHaveLength(o.quantity);
    // 12-digit card numbers show their first 2 and last 2 (shared/rules/mask.ts), the password never.
    expect(got.map((x) => x.masked)).toEqual(items.map((_, i) => `62****0${i} / ******`));
    expect(JSON.stringify(got)).not.toMatch(/PW\d|2220000/);
    expect(getProduct(db, shopId, p.skuKey).levels.reserved).toBe(o.quantity);
    // the same card cannot go to another order, nor be imported as stock again
    const other = orders.find((x) => x.quantity === 1 && x.orderNo !== o.orderNo)!;
    expect(() => assign(db, shopId, other.orderNo, [items[0]])).toThrow(/已被使用|重复/);
    expect(importStock(db, { shopId, skuKey: p.skuKey, name: 'x.txt', text: items[0] }).duplicates).toHaveLength(1);
    expect(allocationViolations(db)).toEqual([]);
  });

  it('refuses the wrong count, and a paste over several orders is all or nothing', () => {
    const { db, shopId, orders } = oneProductShop();
    const o = orders.find((x) => x.quantity === 1)!;
    expect(() => assign(db, shopId, o.orderNo, ['1----a', '2----b'])).toThrow(/数量/);
    const ones = orders.filter((x) => x.quantity === 1).slice(0, 3);
    expect(() => assignMany(db, shopId, [
      { orderNo: ones[0].orderNo, items: ['9001----a'] },
      { orderNo: ones[1].orderNo, items: ['9002----b'] },
      { orderNo: ones[2].orderNo, items: ['9001----c'] }, // duplicate of the first
    ])).toThrow(new RegExp(`订单 ${ones[2].orderNo}：`));
    expect(db.prepare('SELECT count(*) FROM allocations').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stock_items').pluck().get()).toBe(0);
  });

  it('unassign returns items to stock before export; after export they are only quarantined', () => {
    const { db, shopId, p, orders } = oneProductShop();
    importStock(db, { shopId, skuKey: p.skuKey, name: 's.txt', text: Array.from({ length: 500 }, (_, i) => `7000${i}----p${i}`).join('\n') });
    fill(db, shopId, { cooldownHours: 2 });
    const [a, b] = orders;
    expect(unassign(db, shopId, a.orderNo)).toEqual({ released: a.quantity, quarantined: 0 });
    expect(getOrder(db, shopId, a.orderNo)!.items).toEqual([]);
    // an export (issue #5) stamps exported_at; after that nothing comes back
    db.prepare('UPDATE allocations SET exported_at = ? WHERE order_id = ?').run('2026-06-20T12:00:00+08:00', getOrder(db, shopId, b.orderNo)!.id);
    expect(() => db.prepare('UPDATE allocations SET released_at = ? WHERE order_id = ?').run('x', getOrder(db, shopId, b.orderNo)!.id)).toThrow(/cannot be released/);
    expect(unassign(db, shopId, b.orderNo)).toEqual({ released: 0, quarantined: b.quantity });
    const states = db.prepare("SELECT i.state FROM allocations a JOIN stock_items i ON i.id = a.item_id WHERE a.order_id = ?").pluck().all(getOrder(db, shopId, b.orderNo)!.id);
    expect(new Set(states)).toEqual(new Set(['delivered']));
    expect(allocationViolations(db)).toEqual([]);
  });

  it('undoes the last fill while nothing was exported', () => {
    const { db, shopId, p } = oneProductShop();
    importStock(db, { shopId, skuKey: p.skuKey, name: 's.txt', text: Array.from({ length: 500 }, (_, i) => `7000${i}----p${i}`).join('\n') });
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(undoLastFill(db, shopId)).toEqual({ fillId: r.fillId, released: r.items });
    expect(getProduct(db, shopId, p.skuKey).levels).toMatchObject({ available: 500, reserved: 0 });
    expect(undoLastFill(db, shopId)).toEqual({ fillId: null, released: 0 });
  });
});

describe('a newer export with refunds', () => {
  it('returns the items of an order refunded before shipment, and quarantines after shipment', () => {
    const t = generateOrders({ count: 120, seed: 78, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, (_k, w) => w + 10);
    fill(db, shopId, { cooldownHours: 2 });
    const statusCol = t.headers.indexOf('订单状态');
    const noCol = t.headers.indexOf('订单号');
    const [before, after] = [t.rows[0][noCol], t.rows[5][noCol]];
    db.prepare('UPDATE allocations SET exported_at = ? WHERE order_id = ?').run('2026-06-20T13:00:00+08:00', getOrder(db, shopId, after)!.id);
    const newer: OrderTable = { ...t, rows: t.rows.map((r) => r[noCol] === before ? r.map((v, i) => (i === statusCol ? '未发货，退款成功' : v)) : r[noCol] === after ? r.map((v, i) => (i === statusCol ? '已发货，退款成功' : v)) : r) };
    const reserved = db.prepare("SELECT count(*) FROM stock_items WHERE state = 'reserved'").pluck().get() as number;
    importOrderFiles(db, shopId, [{ name: 'newer.csv', bytes: toCsv(newer) }], { shipPromiseHours: 48 });
    expect(getOrder(db, shopId, before)!.items).toEqual([]);
    const qb = getOrder(db, shopId, before)!;
    expect(db.prepare("SELECT count(*) FROM stock_items WHERE state = 'reserved'").pluck().get()).toBe(reserved - qb.quantity - getOrder(db, shopId, after)!.quantity);
    expect(db.prepare('SELECT count(*) FROM allocations WHERE order_id = ? AND quarantined_at IS NOT NULL').pluck().get(getOrder(db, shopId, after)!.id)).toBe(getOrder(db, shopId, after)!.quantity);
    expect(allocationViolations(db)).toEqual([]);
  });
});
