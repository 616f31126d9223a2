/**
 * Filling an order by hand (issue 14) where it cannot be done as asked: an account rented to
 * another buyer, an order of several products, an order that cannot ship. Each is refused with
 * its own code and where, and nothing is written; a free account is taken, and rests after the
 * rental as a fill's would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/open';
import { openDatabase } from '../../main/core/db/open';
import { assign, assignMany, fill, markRecharged, productAccounts, unassign } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders } from '../../main/core/services/orders';
import { listProducts, setProduct } from '../../main/core/services/products';
import { setSettings } from '../../main/core/services/settings';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { AppError, type AppErrorData } from '../../shared/errors';
import { generateOrders, toCsv } from '../fixtures/orders';
import { accounts, accountText } from '../fixtures/stock';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

const tempDir = useTempDirs();
afterEach(() => { delete process.env.VSHIP_NOW; });

const H = 3_600_000;
const DAY = 24 * H;
const NOW = '2026-06-20T12:00:00+08:00';
const iso = (ms: number) => new Date(ms + 8 * H).toISOString().replace(/\.\d{3}Z$/, '+08:00');

function refusal(fn: () => unknown): AppErrorData {
  try { fn(); } catch (e) { if (e instanceof AppError) return e.toData(); throw e; }
  throw new Error('expected a refusal');
}

/** What a refused assignment must leave as it was. */
const written = (db: Db) => ({
  allocations: db.prepare('SELECT * FROM allocations ORDER BY id').all(),
  items: db.prepare('SELECT id, state, busy_until FROM stock_items ORDER BY id').all(),
  batches: db.prepare('SELECT count(*) FROM stock_batches').pluck().get(),
  ledger: db.prepare('SELECT count(*) FROM ledger').pluck().get(),
});

function shop(opts: { statusMix?: 'all-shippable'; multiLineEvery?: number; seed: number }) {
  process.env.VSHIP_NOW = NOW;
  const db = openDatabase(tempDir());
  const shopId = ensureDefaultShop(db).id;
  const t = generateOrders({ count: 120, seed: opts.seed, statusMix: opts.statusMix, multiLineEvery: opts.multiLineEvery });
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
  return { db, shopId };
}

/** The product with the most single-unit orders, and those orders: accounts are rented one per unit. */
function mostSingleUnitOrders(db: Db, shopId: number): [string, string[]] {
  const single = allOrders(db, shopId).filter((o) => o.shippable && o.lineCount === 1 && o.quantity === 1);
  const bySku = new Map<string, string[]>();
  for (const o of single) bySku.set(o.skuKey, [...(bySku.get(o.skuKey) ?? []), o.orderNo]);
  return [...bySku.entries()].sort((x, y) => y[1].length - x[1].length)[0];
}

describe('assigning by hand', () => {
  it('refuses an account rented to another buyer (ACCOUNT_BUSY, until when), takes a free one, and rests it after the rental plus the cooldown', () => {
    const { db, shopId } = shop({ statusMix: 'all-shippable', seed: 181 });
    setSettings(db, { accountCooldownHours: 3 });
    const [skuKey, orderNos] = mostSingleUnitOrders(db, shopId);
    expect(orderNos.length).toBeGreaterThanOrEqual(3);
    setProduct(db, shopId, skuKey, { kind: 'account', terms: { rentalDays: 7 } });
    const list = accounts(2, 18);
    importStock(db, { shopId, skuKey, name: 'accounts.txt', bytes: accountText(list.slice(0, 1)) });
    // The fill rents the one account to the most urgent order of the product.
    expect(fill(db, shopId, { cooldownHours: 3 }).items).toBe(1);
    const busy = productAccounts(db, shopId, skuKey);
    expect(busy).toHaveLength(1);
    const waiting = allOrders(db, shopId).filter((o) => orderNos.includes(o.orderNo) && o.items.length === 0).map((o) => o.orderNo);
    const line = (a: (typeof list)[number]) => `${a.login}----${a.password}----${a.extras}`;
    const before = written(db);
    const e = refusal(() => assign(db, shopId, waiting[0], [line(list[0])]));
    expect(e).toMatchObject({ code: 'ASSIGN_DUPLICATE', notes: [{ key: 'ACCOUNT_BUSY', params: { until: busy[0].busyUntil!.slice(0, 16).replace('T', ' ') } }] });
    expect(e.message).toContain('出租中');
    expect(written(db)).toEqual(before);
    // A free account of the product (imported, then typed in) is taken; it rests like a fill's.
    importStock(db, { shopId, skuKey, name: 'more.txt', bytes: accountText(list.slice(1)) });
    const got = assign(db, shopId, waiting[0], [line(list[1])]);
    expect(got).toMatchObject([{ kind: 'account', rentalUntil: iso(Date.parse(NOW) + 7 * DAY) }]);
    expect(productAccounts(db, shopId, skuKey).find((a) => a.itemId === got[0].itemId)!.busyUntil).toBe(iso(Date.parse(NOW) + 7 * DAY + 3 * H));
    // Once its rental and cooldown are over, the first account can be typed in again.
    process.env.VSHIP_NOW = iso(Date.parse(busy[0].busyUntil!));
    expect(assign(db, shopId, waiting[1], [line(list[0])])).toMatchObject([{ itemId: busy[0].itemId }]);
    expect(allocationViolations(db)).toEqual([]);
  });

  it('refuses an order of several products (ASSIGN_MULTI_PRODUCT, the order number), whatever is typed', () => {
    const { db, shopId } = shop({ statusMix: 'all-shippable', multiLineEvery: 4, seed: 182 });
    for (const p of listProducts(db, shopId)) setProduct(db, shopId, p.skuKey, { kind: 'card' });
    const multi = allOrders(db, shopId).find((o) => o.lineCount === 2)!;
    expect(multi).toBeDefined();
    const before = written(db);
    for (const items of [['6222000000000001----pw1'], Array.from({ length: multi.quantity }, (_, i) => `62220000000001${i}----pw${i}`)]) {
      expect(refusal(() => assign(db, shopId, multi.orderNo, items))).toMatchObject({ code: 'ASSIGN_MULTI_PRODUCT', detail: multi.orderNo });
    }
    expect(written(db)).toEqual(before);
  });

  it('refuses an order that cannot ship (ORDER_NOT_SHIPPABLE, the order number) — typed items, a paste over several orders, a recharge mark', () => {
    const { db, shopId } = shop({ seed: 183 });
    for (const p of listProducts(db, shopId)) setProduct(db, shopId, p.skuKey, { kind: 'card' });
    const orders = allOrders(db, shopId);
    const blocked = orders.filter((o) => !o.shippable);
    expect(new Set(blocked.map((o) => o.reason)).size).toBeGreaterThanOrEqual(4);
    const ok = orders.find((o) => o.shippable && o.lineCount === 1 && o.quantity === 1)!;
    const before = written(db);
    for (const o of blocked) {
      const items = Array.from({ length: o.quantity }, (_, i) => `6222${o.orderNo.replace(/\D/g, '').slice(-10)}${i}----pw`);
      expect(refusal(() => assign(db, shopId, o.orderNo, items)), o.reason!).toMatchObject({ code: 'ORDER_NOT_SHIPPABLE', detail: o.orderNo });
      expect(refusal(() => markRecharged(db, shopId, o.orderNo, 'SUP-1')), o.reason!).toMatchObject({ code: 'ORDER_NOT_SHIPPABLE', detail: o.orderNo });
    }
    const paste = refusal(() => assignMany(db, shopId, [{ orderNo: ok.orderNo, items: ['6222999900000001----pw'] }, { orderNo: blocked[0].orderNo, items: ['6222999900000002----pw'] }]));
    expect(paste.code).toBe('ORDER_NOT_SHIPPABLE');
    expect(paste.message).toContain(`订单 ${blocked[0].orderNo}`);
    expect(written(db)).toEqual(before);
  });
});

describe('an account rented twice', () => {
  it('stays busy while its newer rental stands when the older one is taken back, and is rented to no third order', () => {
    const { db, shopId } = shop({ statusMix: 'all-shippable', seed: 184 });
    setSettings(db, { accountCooldownHours: 3 });
    const [skuKey, orderNos] = mostSingleUnitOrders(db, shopId);
    expect(orderNos.length).toBeGreaterThanOrEqual(3);
    setProduct(db, shopId, skuKey, { kind: 'account', terms: { rentalDays: 7 } });
    importStock(db, { shopId, skuKey, name: 'accounts.txt', bytes: accountText(accounts(1, 19)) });
    // Order X rents the account; after its rental and cooldown, order Y rents it again.
    expect(fill(db, shopId, { cooldownHours: 3 }).items).toBe(1);
    const first = productAccounts(db, shopId, skuKey)[0];
    const x = allOrders(db, shopId).find((o) => orderNos.includes(o.orderNo) && o.items.length === 1)!;
    process.env.VSHIP_NOW = iso(Date.parse(first.busyUntil!) + H);
    expect(fill(db, shopId, { cooldownHours: 3 }).items).toBe(1);
    const second = productAccounts(db, shopId, skuKey)[0];
    expect(second.busyUntil).toBe(iso(Date.parse(first.busyUntil!) + H + 7 * DAY + 3 * H));
    // Taking X's (older) rental back leaves the account busy until Y's ends, plus the cooldown.
    unassign(db, shopId, x.orderNo);
    expect(productAccounts(db, shopId, skuKey)[0].busyUntil).toBe(second.busyUntil);
    expect(fill(db, shopId, { cooldownHours: 3 }).items).toBe(0);
    expect(allocationViolations(db)).toEqual([]);
    // Taking Y's back too frees it.
    const y = allOrders(db, shopId).find((o) => orderNos.includes(o.orderNo) && o.items.length === 1)!;
    unassign(db, shopId, y.orderNo);
    expect(productAccounts(db, shopId, skuKey)[0].busyUntil).toBeNull();
  });
});
