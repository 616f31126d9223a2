/**
 * The fill and the stock check read only the queue (issue #13): unfilled orders found through the
 * index orders_sku and the active allocations, single-line orders' needs from the order row, held
 * state asked of the queued orders, a partial check writing only the findings that changed. Checked
 * here against straightforward recomputations on generated data (multi-line orders, partial stock,
 * rentals, a product rule holding orders, an override, unstocked and unconfirmed products):
 * - every partial check (fill, stock import, assign, unassign, undo, a newer export) leaves exactly
 *   the findings a full check computes from the same data, OUT_OF_STOCK included, in the same order;
 * - a fill's result is the one the whole-shop queue gives (most urgent first, each order all or nothing).
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/core/db/open';
import { assign, fill, undoLastFill, unassign } from '../../main/core/services/allocation';
import { loadProfiles, orderNeeds, type NeedLine } from '../../main/core/services/allocation/needs';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders } from '../../main/core/services/orders';
import { listProducts, setProduct } from '../../main/core/services/products';
import { addOverride } from '../../main/core/services/rules';
import { checkShop } from '../../main/core/services/rules/check';
import { heldOrders } from '../../main/core/services/rules/findings';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import type { FillResult } from '../../shared/domain';
import { toBeijingIso } from '../../shared/rules/classify';
import { generateOrders, toCsv, withRuleCases } from '../fixtures/orders';
import { codes } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

const tempDir = useTempDirs();
const T0 = '2026-06-20T12:00:00+08:00';
const DAY = 86_400_000;
beforeEach(() => { process.env.VSHIP_NOW = T0; });
afterEach(() => { delete process.env.VSHIP_NOW; });

/** Every stored finding, as rows (multiset), and every order's findings as the grid shows them (order included). */
function findingsState(db: Db, shopId: number) {
  const rows = db.prepare(`SELECT coalesce(o.order_no, ''), coalesce(p.sku_key, ''), f.rule, f.severity, f.origin, coalesce(f.sku_key, ''), f.params
    FROM findings f LEFT JOIN orders o ON o.id = f.order_id LEFT JOIN products p ON p.id = f.product_id WHERE f.shop_id = ?`).raw().all(shopId) as string[][];
  rows.sort((a, b) => a.join('\u0001').localeCompare(b.join('\u0001')));
  const shown = allOrders(db, shopId).map((o) => [o.orderNo, o.findings.map((f) => [f.rule, f.severity, f.origin, f.skuKey ?? '', JSON.stringify(f.params)])]);
  return { rows, shown };
}

/** The partial check left what a full check of the same data writes. */
function expectSameAsFullCheck(db: Db, shopId: number, step: string): void {
  const before = findingsState(db, shopId);
  checkShop(db, shopId);
  const after = findingsState(db, shopId);
  expect(before.rows.length, step).toBeGreaterThan(0);
  expect(before.rows, step).toEqual(after.rows);
  expect(before.shown, step).toEqual(after.shown);
}

/**
 * What a fill must do, computed the plain way from the whole shop: every shippable order without
 * content in ship-by order (SQL), its lines read from order_lines, the shop's held orders, and each
 * product's usable count; an order takes all it needs or nothing.
 */
function expectedFill(db: Db, shopId: number): Pick<FillResult, 'filled' | 'items' | 'short' | 'skipped' | 'held'> {
  const now = Date.parse(T0);
  const orders = db.prepare(`SELECT o.id, o.order_no FROM orders o WHERE o.shop_id = ? AND o.shippable = 1
    AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL)
    ORDER BY (o.ship_by IS NULL), o.ship_by, o.id`).all(shopId) as { id: number; order_no: string }[];
  const lines = db.prepare('SELECT sku_code, style_id, product_id, spec, quantity FROM order_lines WHERE order_id = ? ORDER BY line_no');
  const profiles = loadProfiles(db, shopId);
  const held = heldOrders(db, shopId);
  const left = new Map<number, number>();
  const usable = (p: { id: number; kind: string | null; terms: { minValidityDays?: number } }) => {
    let n = left.get(p.id);
    if (n === undefined) {
      const minExp = toBeijingIso(now + (p.terms.minValidityDays ?? 0) * DAY);
      n = p.kind === 'account'
        ? db.prepare(`SELECT count(*) FROM stock_items WHERE product_id = ? AND state = 'available' AND (busy_until IS NULL OR busy_until <= ?)
            AND (expires_at IS NULL OR expires_at >= ?)`).pluck().get(p.id, toBeijingIso(now), minExp) as number
        : db.prepare(`SELECT count(*) FROM stock_items WHERE product_id = ? AND state = 'available' AND (expires_at IS NULL OR expires_at >= ?)`).pluck().get(p.id, minExp) as number;
      left.set(p.id, n);
    }
    return n;
  };
  const r: Pick<FillResult, 'filled' | 'items' | 'short' | 'skipped' | 'held'> = { filled: 0, items: 0, short: [], skipped: [], held: [] };
  for (const o of orders) {
    const needs = orderNeeds(lines.all(o.id) as NeedLine[], profiles);
    if (typeof needs === 'string') { r.skipped.push({ orderNo: o.order_no, code: needs, reason: expect.any(String) as unknown as string }); continue; }
    const rule = held.get(o.id);
    if (rule) { r.held.push({ orderNo: o.order_no, rule }); continue; }
    const lacking = needs.find((n) => usable(n.profile) < n.units);
    if (lacking) { r.short.push({ orderNo: o.order_no, skuKey: lacking.profile.skuKey, need: lacking.units, available: usable(lacking.profile) }); continue; }
    for (const n of needs) { left.set(n.profile.id, usable(n.profile) - n.units); r.items += n.units; }
    r.filled++;
  }
  return r;
}

function expectFillAsExpected(db: Db, shopId: number, step: string): FillResult {
  const expected = expectedFill(db, shopId);
  const r = fill(db, shopId, { cooldownHours: 2 });
  expect({ filled: r.filled, items: r.items, short: r.short, skipped: r.skipped, held: r.held }, step).toEqual(expected);
  expect(allocationViolations(db), step).toEqual([]);
  return r;
}

const CODE = ['JD-E100', 'JD-E1000', 'JD-E2000', 'MS365-FAM-1Y', 'KFC-50', 'KFC-100', 'LK-1', 'LK-5', 'YSJ-30', 'YSJ-60'];
const ACCOUNT = ['STEAM-R7', 'STEAM-R7-DLC'];
const RECHARGE = ['HF-30', 'HF-50', 'HF-100', 'HF-200'];
const HAIDILAO = 'HDL-200';

function shop() {
  const { table } = withRuleCases(generateOrders({ count: 1200, seed: 71, optional: true, multiLineEvery: 6 }));
  const db = openDatabase(tempDir());
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'a.csv', bytes: toCsv(table) }], { shipPromiseHours: 48 });
  const waiting = new Map(listProducts(db, shopId).map((p) => [p.skuKey, p.waitingUnits]));
  // Code products stocked for about two thirds of their demand (some with an expiry), accounts for
  // a few rentals, 海底捞 held by its product rule, top-ups marked recharge, the rest unconfirmed.
  CODE.forEach((k, i) => {
    setProduct(db, shopId, k, { kind: 'code', terms: i % 3 === 0 ? { minValidityDays: 2 } : {} });
    const n = Math.floor(((waiting.get(k) ?? 0) * 2) / 3);
    if (n > 0) importStock(db, { shopId, skuKey: k, name: `${k}.txt`, text: codes(k, n), expiresAt: i % 3 === 0 ? '2026-06-21' : null });
    if (i % 3 === 0) importStock(db, { shopId, skuKey: k, name: `${k}-late.txt`, text: codes(`${k}-L`, 5), expiresAt: '2026-12-31' });
  });
  for (const k of ACCOUNT) {
    setProduct(db, shopId, k, { kind: 'account', terms: { rentalDays: 7 } });
    importStock(db, { shopId, skuKey: k, name: `${k}.txt`, text: Array.from({ length: 6 }, (_, i) => `${k.toLowerCase()}${i}----pw${i}`).join('\n') });
  }
  for (const k of RECHARGE) setProduct(db, shopId, k, { kind: 'recharge' });
  setProduct(db, shopId, HAIDILAO, { kind: 'stored-value', terms: { validDays: 30 } });
  importStock(db, { shopId, skuKey: HAIDILAO, name: 'hdl.txt', text: codes('HDL', 40) });
  return { db, shopId };
}

describe('fill and stock check at the size of the queue', () => {
  it('partial checks equal a full check, and fills equal the whole-shop queue, through fills, stock, assign, unassign, undo and a newer export', () => {
    const { db, shopId } = shop();
    expectSameAsFullCheck(db, shopId, 'after set-up');
    const hdl = allOrders(db, shopId).filter((o) => o.skuKey === HAIDILAO && o.shippable).map((o) => o.orderNo);
    expect(hdl.length).toBeGreaterThan(1);
    addOverride(db, { shopId, rule: 'STORED_VALUE_MAX_DAYS', orderNo: hdl[0]!, reason: '书面同意' });
    expectSameAsFullCheck(db, shopId, 'after an override');

    const r1 = expectFillAsExpected(db, shopId, 'first fill');
    expect(r1.filled).toBeGreaterThan(50);
    expect(r1.short.length).toBeGreaterThan(10);
    expect(r1.held.length).toBeGreaterThan(0);
    expect(new Set(r1.skipped.map((s) => s.code))).toEqual(new Set(['PRODUCT_UNCONFIRMED', 'RECHARGE_PENDING']));
    expectSameAsFullCheck(db, shopId, 'after the first fill');
    const shortStored = db.prepare("SELECT count(*) FROM findings WHERE shop_id = ? AND rule = 'OUT_OF_STOCK'").pluck().get(shopId) as number;
    expect(shortStored).toBeGreaterThan(10);

    // More stock for one product: the queue moves.
    importStock(db, { shopId, skuKey: 'JD-E100', name: 'more.txt', text: codes('JD-MORE', 7) });
    expectSameAsFullCheck(db, shopId, 'after a stock import');

    // By hand: the last short order of a product takes items; a filled one gives them back.
    const short = r1.short.filter((s) => s.skuKey === 'KFC-50');
    const lastShort = short[short.length - 1] ?? r1.short[r1.short.length - 1]!;
    const o = allOrders(db, shopId).find((x) => x.orderNo === lastShort.orderNo)!;
    assign(db, shopId, o.orderNo, codes('HAND', lastShort.need).split('\n'));
    expectSameAsFullCheck(db, shopId, 'after an assign');
    const filledOne = allOrders(db, shopId).find((x) => x.items.length > 0 && x.skuKey === 'LK-1')!;
    unassign(db, shopId, filledOne.orderNo);
    expectSameAsFullCheck(db, shopId, 'after an unassign');

    // A second fill (the stock that came back, the new items), then its undo.
    expectFillAsExpected(db, shopId, 'second fill');
    expectSameAsFullCheck(db, shopId, 'after the second fill');
    undoLastFill(db, shopId);
    expectSameAsFullCheck(db, shopId, 'after an undo');

    // A newer export: new orders, and the old ones again; then stock for everyone, and a fill.
    const { table: more } = withRuleCases(generateOrders({ count: 400, seed: 72, optional: true, multiLineEvery: 5 }));
    importOrderFiles(db, shopId, [{ name: 'b.csv', bytes: toCsv(more) }], { shipPromiseHours: 48 });
    expectSameAsFullCheck(db, shopId, 'after a newer export');
    for (const p of listProducts(db, shopId)) if (CODE.includes(p.skuKey) && p.shortage > 0) importStock(db, { shopId, skuKey: p.skuKey, name: `${p.skuKey}-all.txt`, text: codes(`${p.skuKey}-ALL`, p.shortage) });
    const r3 = expectFillAsExpected(db, shopId, 'third fill');
    expect(r3.filled).toBeGreaterThan(0);
    expectSameAsFullCheck(db, shopId, 'after the third fill');
    db.close();
  });
});
