/**
 * Settings (issue 14): each one survives closing and reopening the data folder, and after a reopen
 * does what it says — the ship promise, the account cooldown, the shipment file's row limit, the
 * attention time, the current shop (the CLI's default) — and a product's low-stock line raises the
 * alert the products screen shows. Through the core as a host calls it (`openCore().dispatch`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/handlers';
import type { ExportRecord, FillResult, ImportSummary, Order, OrdersPage, Product, Settings, Shop } from '../../shared/domain';
import type { AppErrorData } from '../../shared/errors';
import { isLowStock } from '../../renderer/src/features/stock/stocked';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { laterExport } from '../fixtures/shipment';
import { accounts, accountText } from '../fixtures/stock';
import { useBuiltCli, vship } from '../helpers/cli';
import { codes } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
useBuiltCli();

const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  delete process.env.VSHIP_NOW;
});

const H = 3_600_000;
const DAY = 24 * H;
const iso = (ms: number) => new Date(ms + 8 * H).toISOString().replace(/\.\d{3}Z$/, '+08:00');

/** The data folder opened as a host opens it; `ok` unwraps a result or fails with its error. */
function core(dir: string) {
  const c = openCore({ dataDir: dir, host: 'cli' });
  open.push(c);
  const ok = async <T>(channel: string, req?: unknown): Promise<T> => {
    const r = await c.dispatch(channel, req, () => undefined);
    if (!r.ok) throw new Error(`${channel}: ${(r.error as AppErrorData).code} ${(r.error as AppErrorData).message}`);
    return r.value as T;
  };
  const close = () => { open.splice(open.indexOf(c), 1); c.close(); };
  return { ok, close };
}

const file = (t: OrderTable, name = 'o.csv') => ({ name, bytes: new Uint8Array(toCsv(t)) });
const firstShop = async (ok: ReturnType<typeof core>['ok']) => (await ok<Shop[]>('shops.list'))[0].id;
const allOrders = async (ok: ReturnType<typeof core>['ok'], shopId: number) => (await ok<OrdersPage>('orders.list', { shopId, limit: 100_000 })).rows;

/** A shop whose products are all code products with stock for every waiting order; every order filled. */
async function filledCodeShop(ok: ReturnType<typeof core>['ok'], t: OrderTable) {
  const shopId = await firstShop(ok);
  await ok<ImportSummary>('import.orders', { shopId, files: [file(t)] });
  for (const [i, p] of (await ok<Product[]>('products.list', { shopId })).entries()) {
    await ok('products.set', { shopId, skuKey: p.skuKey, kind: 'code' });
    if (p.waitingUnits) await ok('stock.import', { shopId, skuKey: p.skuKey, text: codes(`S${i}`, p.waitingUnits) });
  }
  const f = await ok<FillResult>('allocation.fill', { shopId });
  expect(f.short).toEqual([]);
  return shopId;
}

describe('settings', () => {
  it('every setting survives closing and reopening the data folder; a patch changes only what it names', async () => {
    const dir = tempDir();
    const a = core(dir);
    const first = await firstShop(a.ok);
    expect(await a.ok<Settings>('shops.getSettings')).toEqual({ shipPromiseHours: 48, currentShopId: first, accountCooldownHours: 2, exportMaxRows: 1000, attentionHours: 2 });
    const second = (await a.ok<Shop>('shops.create', { name: '第二家' })).id;
    const set = { shipPromiseHours: 24, currentShopId: second, accountCooldownHours: 5, exportMaxRows: 3, attentionHours: 4 };
    expect(await a.ok<Settings>('shops.setSettings', set)).toEqual(set);
    expect(await a.ok<Settings>('shops.setSettings', { attentionHours: 7 })).toEqual({ ...set, attentionHours: 7 });
    a.close();
    const b = core(dir);
    expect(await b.ok<Settings>('shops.getSettings')).toEqual({ ...set, attentionHours: 7 });
  });

  it('the ship promise gives orders without 承诺发货时间 their ship-by: 48 h by default, the set hours in imports after a reopen', async () => {
    const dir = tempDir();
    const a = core(dir);
    const shopId = await firstShop(a.ok);
    const early = generateOrders({ count: 20, seed: 161 });
    await a.ok('import.orders', { shopId, files: [file(early)] });
    await a.ok('shops.setSettings', { shipPromiseHours: 24 });
    a.close();
    const b = core(dir);
    const late = generateOrders({ count: 20, seed: 162 });
    await b.ok('import.orders', { shopId, files: [file(late, 'late.csv')] });
    const byNo = new Map((await allOrders(b.ok, shopId)).map((o) => [o.orderNo, o]));
    // 订单成交时间 (the fixture's paidAt) + the promise: no order of these exports has a 承诺发货时间.
    const shipBy = (e: OrderTable['expected'][number], hours: number) => iso(Date.parse(e.paidAt) + hours * H);
    expect(early.headers).not.toContain('承诺发货时间');
    for (const e of early.expected) expect(byNo.get(e.orderNo)!.shipBy, e.orderNo).toBe(shipBy(e, 48));
    for (const e of late.expected) expect(byNo.get(e.orderNo)!.shipBy, e.orderNo).toBe(shipBy(e, 24));
  });

  it('the account cooldown rests a rented account for that long after its rental ends', async () => {
    process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
    const now = Date.parse(process.env.VSHIP_NOW);
    const dir = tempDir();
    const a = core(dir);
    const shopId = await firstShop(a.ok);
    await a.ok('import.orders', { shopId, files: [file(generateOrders({ count: 60, seed: 163, statusMix: 'all-shippable' }))] });
    const p = (await a.ok<Product[]>('products.list', { shopId })).sort((x, y) => y.waitingUnits - x.waitingUnits)[0];
    await a.ok('products.set', { shopId, skuKey: p.skuKey, kind: 'account', terms: { rentalDays: 7 } });
    await a.ok('stock.import', { shopId, skuKey: p.skuKey, file: { name: 'accounts.txt', bytes: new Uint8Array(accountText(accounts(p.waitingUnits))) } });
    await a.ok('shops.setSettings', { accountCooldownHours: 5 });
    a.close();
    const b = core(dir);
    const f = await b.ok<FillResult>('allocation.fill', { shopId });
    expect(f.items).toBe(p.waitingUnits);
    const rented = await b.ok<{ busyUntil: string | null }[]>('allocation.accounts', { shopId, skuKey: p.skuKey });
    expect(rented).toHaveLength(p.waitingUnits);
    expect(rented.map((r) => r.busyUntil)).toEqual(rented.map(() => iso(now + 7 * DAY + 5 * H)));
    const items = (await allOrders(b.ok, shopId)).flatMap((o: Order) => o.items);
    expect(items).toHaveLength(p.waitingUnits);
    expect(items.map((i) => i.rentalUntil)).toEqual(items.map(() => iso(now + 7 * DAY)));
  });

  it('the row limit splits the shipment file into parts of at most that many rows', async () => {
    const dir = tempDir();
    const a = core(dir);
    const shopId = await filledCodeShop(a.ok, generateOrders({ count: 10, seed: 164, statusMix: 'all-shippable' }));
    await a.ok('shops.setSettings', { exportMaxRows: 3 });
    a.close();
    const b = core(dir);
    const r = await b.ok<ExportRecord>('export.run', { shopId });
    expect(r.orders).toBe(10);
    const parts = r.files.filter((f) => f.kind === 'shipment');
    const rows = parts.reduce((n, f) => n + f.rows, 0);
    expect(rows).toBeGreaterThanOrEqual(10);
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(rows / 3));
    for (const f of parts) expect(f.rows, f.name).toBeLessThanOrEqual(3);
  });

  it('the attention time: an exported order still 待发货 in a later export needs attention only once that many hours have passed', async () => {
    process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
    const t = generateOrders({ count: 6, seed: 165, statusMix: 'all-shippable' });
    const dir = tempDir();
    const a = core(dir);
    const shopId = await filledCodeShop(a.ok, t);
    await a.ok('export.run', { shopId });
    await a.ok('shops.setSettings', { attentionHours: 4 });
    a.close();
    const b = core(dir);
    const again = laterExport(t, {});
    const states = async () => (await allOrders(b.ok, shopId)).map((o) => [o.shipState, o.shipNoteCode, o.shipNoteParams]);
    // Three hours on: past the default 2 h, short of the 4 h set.
    process.env.VSHIP_NOW = '2026-06-20T15:00:00+08:00';
    await b.ok('import.orders', { shopId, files: [file(again, 'later.csv')] });
    expect(await states()).toEqual(t.expected.map(() => ['exported', null, {}]));
    process.env.VSHIP_NOW = '2026-06-20T16:00:00+08:00';
    await b.ok('import.orders', { shopId, files: [file(again, 'later2.csv')] });
    expect(await states()).toEqual(t.expected.map(() => ['attention', 'STILL_WAITING', { hours: 4 }]));
  });

  it('the current shop is the one the CLI works in when no --shop is given', async () => {
    const dir = tempDir();
    const a = core(dir);
    const first = await firstShop(a.ok);
    const second = (await a.ok<Shop>('shops.create', { name: '第二家' })).id;
    const [tA, tB] = [generateOrders({ count: 5, seed: 166 }), generateOrders({ count: 7, seed: 167 })];
    await a.ok('import.orders', { shopId: first, files: [file(tA)] });
    await a.ok('import.orders', { shopId: second, files: [file(tB)] });
    await a.ok('shops.setSettings', { currentShopId: second });
    a.close();
    const nos = (args: string[]) => {
      const r = vship(['orders', '--data-dir', dir, '--json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { orderNo: string }[]).map((o) => o.orderNo).sort();
    };
    expect(nos([])).toEqual(tB.expected.map((e) => e.orderNo).sort());
    expect(nos(['--shop', '默认店铺'])).toEqual(tA.expected.map((e) => e.orderNo).sort());
  });
});

describe('the low-stock alert', () => {
  it('is raised when a stocked product’s available items fall below its low-stock line, kept across a reopen, never without a line', async () => {
    const dir = tempDir();
    const a = core(dir);
    const shopId = await firstShop(a.ok);
    await a.ok('import.orders', { shopId, files: [file(generateOrders({ count: 80, seed: 168, statusMix: 'all-shippable' }))] });
    const [p, q, r] = (await a.ok<Product[]>('products.list', { shopId })).sort((x, y) => y.waitingUnits - x.waitingUnits);
    // p: enough for its orders and 6 more, line at 6; q: no line, no stock at all; r: a top-up (no stock) with a line.
    await a.ok('products.set', { shopId, skuKey: p.skuKey, kind: 'code', lowStock: 6 });
    await a.ok('products.set', { shopId, skuKey: q.skuKey, kind: 'code' });
    await a.ok('products.set', { shopId, skuKey: r.skuKey, kind: 'recharge', lowStock: 3 });
    await a.ok('stock.import', { shopId, skuKey: p.skuKey, text: codes('LOW', p.waitingUnits + 6) });
    const get = async (ok: typeof a.ok, skuKey: string) => (await ok<Product[]>('products.list', { shopId })).find((x) => x.skuKey === skuKey)!;
    expect(await get(a.ok, p.skuKey)).toMatchObject({ lowStock: 6, levels: { available: p.waitingUnits + 6 } });
    expect(isLowStock(await get(a.ok, p.skuKey))).toBe(false);
    a.close();
    const b = core(dir);
    await b.ok('allocation.fill', { shopId });
    const after = await get(b.ok, p.skuKey);
    expect(after).toMatchObject({ lowStock: 6, levels: { available: 6 } });
    expect(isLowStock(after)).toBe(false);
    const batch = (await b.ok<{ id: number }[]>('stock.batches', { shopId, skuKey: p.skuKey }))[0].id;
    const one = (await b.ok<{ rows: { id: number; state: string }[] }>('stock.items', { shopId, skuKey: p.skuKey, batchId: batch, state: 'available', limit: 1 })).rows[0].id;
    await b.ok('stock.void', { shopId, itemIds: [one] });
    const low = await get(b.ok, p.skuKey);
    expect(low.levels.available).toBe(5);
    expect(isLowStock(low)).toBe(true);
    const none = await get(b.ok, q.skuKey);
    expect(none).toMatchObject({ lowStock: 0, levels: { available: 0 } });
    expect(isLowStock(none)).toBe(false);
    const topUp = await get(b.ok, r.skuKey);
    expect(topUp).toMatchObject({ kind: 'recharge', lowStock: 3, levels: { available: 0 } });
    expect(isLowStock(topUp)).toBe(false);
    // Setting the line to 0 turns the alert off.
    expect(isLowStock(await b.ok<Product>('products.set', { shopId, skuKey: p.skuKey, lowStock: 0 }))).toBe(false);
  });
});
