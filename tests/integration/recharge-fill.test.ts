/**
 * Issue 12, filling and top-ups: what a fill was short of, by product (orders, units needed,
 * units left), and top-ups marked in bulk — checked orders (allocation.rechargedMany) or a
 * supplier's result file read first (allocation.supplierPreview); a damaged file is refused whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fill, markRechargedMany, previewSupplierFile } from '../../main/core/services/allocation';
import { listProducts, setProduct } from '../../main/core/services/products';
import { AppError } from '../../shared/errors';
import { generateOrders } from '../fixtures/orders';
import { rechargeOrderNos, supplierResultFile, supplierRows } from '../fixtures/supplier';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
afterEach(() => { delete process.env.VSHIP_NOW; });

const TOP_UPS = ['HF-30', 'HF-50', 'HF-100', 'HF-200'];

function shop(stockPer: (skuKey: string, waiting: number) => number, count = 400, seed = 12) {
  process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
  const t = generateOrders({ count, seed, statusMix: 'all-shippable' });
  return { t, ...codeShop(tempDir(), t, stockPer) };
}

describe('shortByProduct', () => {
  it('groups the short orders by product: orders, units they need, units left, named as the product', () => {
    // Half of what each product waits for (rounded down), so every product with 2+ units waiting runs short.
    const { db, shopId } = shop((_k, w) => Math.floor(w / 2));
    // Two units per order on one product: its units are twice its quantities.
    const [doubled] = listProducts(db, shopId).filter((p) => p.waiting >= 4);
    setProduct(db, shopId, doubled.skuKey, { terms: { itemsPerUnit: 2 } });
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.short.length).toBeGreaterThan(10);
    expect(r.shortByProduct.reduce((n, g) => n + g.orders, 0)).toBe(r.short.length);
    const left = db.prepare("SELECT count(*) FROM stock_items i JOIN products p ON p.id = i.product_id WHERE p.shop_id = ? AND p.sku_key = ? AND i.state = 'available'").pluck();
    for (const g of r.shortByProduct) {
      const mine = r.short.filter((s) => s.skuKey === g.skuKey);
      expect(g.orders, g.skuKey).toBe(mine.length);
      expect(g.need, g.skuKey).toBe(mine.reduce((n, s) => n + s.need, 0));
      expect(g.available, g.skuKey).toBe(left.get(shopId, g.skuKey));
      expect(g.need).toBeGreaterThan(g.available);
      const p = listProducts(db, shopId).find((x) => x.skuKey === g.skuKey)!;
      expect(g).toMatchObject({ productName: p.title, spec: p.spec, kind: 'code' });
      expect(g.skuCode).toBe(/^(style:|pid:)/.test(g.skuKey) ? '' : g.skuKey);
    }
    // Most units short first.
    const shortUnits = r.shortByProduct.map((g) => g.need - g.available);
    expect(shortUnits).toEqual([...shortUnits].sort((a, b) => b - a));
    const d = r.shortByProduct.find((g) => g.skuKey === doubled.skuKey)!;
    expect(d.need % 2).toBe(0);
    const quantities = new Map(listProducts(db, shopId).map((p) => [p.skuKey, p.waitingUnits]));
    expect(d.need).toBeLessThanOrEqual(quantities.get(doubled.skuKey)!);
  });

  it('is empty when nothing is short', () => {
    const { db, shopId } = shop((_k, w) => w, 100);
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.short).toEqual([]);
    expect(r.shortByProduct).toEqual([]);
  });
});

describe('top-ups in bulk', () => {
  function topUpShop() {
    const s = shop(() => 0, 300, 21);
    for (const p of listProducts(s.db, s.shopId)) if (TOP_UPS.includes(p.skuKey)) setProduct(s.db, s.shopId, p.skuKey, { kind: 'recharge' });
    const nos = rechargeOrderNos(s.t, TOP_UPS);
    expect(nos.length).toBeGreaterThanOrEqual(8);
    const other = s.t.expected.find((e) => e.shippable && !TOP_UPS.includes(e.skuCode))!.orderNo;
    const count = (sql: string) => s.db.prepare(sql).pluck().get() as number;
    const state = () => ({ allocations: count('SELECT count(*) FROM allocations'), ledger: count('SELECT count(*) FROM ledger') });
    return { ...s, nos, other, state };
  }

  it('rechargedMany marks the top-ups and says why the others were not', () => {
    const { db, shopId, nos, other, state } = topUpShop();
    const before = state();
    const r = markRechargedMany(db, shopId, [
      { orderNo: nos[0], ref: 'GYS-1' }, { orderNo: nos[1] }, { orderNo: nos[2], ref: '  ' },
      { orderNo: other }, { orderNo: '260101-000000000000001' }, { orderNo: nos[0] },
    ]);
    expect(r.marked).toBe(3);
    expect(r.notMarked).toEqual([
      { orderNo: other, reason: 'NOT_RECHARGE' },
      { orderNo: '260101-000000000000001', reason: 'NOT_FOUND' },
      { orderNo: nos[0], reason: 'DUPLICATE_ROW' },
    ]);
    const rows = db.prepare("SELECT o.order_no, a.kind, a.recharge_ref FROM allocations a JOIN orders o ON o.id = a.order_id WHERE a.released_at IS NULL ORDER BY a.id").all();
    expect(rows).toEqual([
      { order_no: nos[0], kind: 'recharge', recharge_ref: 'GYS-1' },
      { order_no: nos[1], kind: 'recharge', recharge_ref: '' },
      { order_no: nos[2], kind: 'recharge', recharge_ref: '' },
    ]);
    expect(state()).toEqual({ allocations: before.allocations + 3, ledger: before.ledger + 3 });
    // Again: already marked, nothing written.
    const again = markRechargedMany(db, shopId, [{ orderNo: nos[0] }, { orderNo: nos[1] }]);
    expect(again).toEqual({ marked: 0, notMarked: [{ orderNo: nos[0], reason: 'ALREADY_FILLED' }, { orderNo: nos[1], reason: 'ALREADY_FILLED' }] });
    expect(state().allocations).toBe(before.allocations + 3);
  });

  it('a supplier file is previewed by row (failed, unknown, not a top-up) and its good rows marked with their references', async () => {
    const { db, shopId, nos, other, state } = topUpShop();
    const rows = supplierRows([...nos, other], { failEvery: 3, unknown: 2 });
    const before = state();
    const preview = previewSupplierFile(db, shopId, { name: '充值结果.xlsx', bytes: await supplierResultFile(rows) });
    // Reading writes nothing.
    expect(state()).toEqual(before);
    expect(preview.rows).toBe(rows.length);
    const failed = rows.map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => r.status === '失败');
    expect(failed.length).toBeGreaterThan(0);
    expect(preview.refused).toEqual(expect.arrayContaining([
      ...failed.map(({ r, row }) => ({ row, orderNo: r.orderNo, reason: 'SUPPLIER_FAILED', status: '失败' })),
      { row: rows.length, orderNo: rows[rows.length - 2].orderNo, reason: 'NOT_FOUND' },
      { row: rows.length + 1, orderNo: rows[rows.length - 1].orderNo, reason: 'NOT_FOUND' },
    ]));
    const otherRow = rows.findIndex((r) => r.orderNo === other);
    if (rows[otherRow].status === '成功') expect(preview.refused).toContainEqual({ row: otherRow + 2, orderNo: other, reason: 'NOT_RECHARGE' });
    const good = rows.filter((r) => nos.includes(r.orderNo) && r.status === '成功');
    expect(preview.toMark).toEqual(good.map((r) => ({ row: rows.indexOf(r) + 2, orderNo: r.orderNo, ref: r.ref })));
    const done = markRechargedMany(db, shopId, preview.toMark);
    expect(done).toEqual({ marked: good.length, notMarked: [] });
    expect(db.prepare("SELECT o.order_no AS orderNo, a.recharge_ref AS ref FROM allocations a JOIN orders o ON o.id = a.order_id WHERE a.kind = 'recharge' ORDER BY a.id").all())
      .toEqual(good.map((r) => ({ orderNo: r.orderNo, ref: r.ref })));
    // The same file again: every good row is already marked.
    const again = previewSupplierFile(db, shopId, { name: '充值结果.xlsx', bytes: await supplierResultFile(rows) });
    expect(again.toMark).toEqual([]);
    expect(again.refused.filter((x) => x.reason === 'ALREADY_FILLED')).toHaveLength(good.length);
  });

  it('a CSV without 状态 marks every known top-up', async () => {
    const { db, shopId, nos } = topUpShop();
    const preview = previewSupplierFile(db, shopId, { name: 'r.csv', bytes: await supplierResultFile(supplierRows(nos), { format: 'csv', noStatus: true }) });
    expect(preview.toMark.map((x) => x.orderNo)).toEqual(nos);
    expect(preview.refused).toEqual([]);
  });

  const damaged: [string, () => Promise<{ name: string; bytes: Buffer }>, { code: string; row?: number; column?: string }][] = [
    ['no 订单号 column', async () => ({ name: 'a.xlsx', bytes: await supplierResultFile(supplierRows(['260620-000000000000001']), { orderHeader: '单号' }) }), { code: 'SUPPLIER_NO_ORDER_COLUMN', row: 1 }],
    ['order numbers as numeric cells (xlsx)', async () => ({ name: 'b.xlsx', bytes: await supplierResultFile(supplierRows(['260620-000000000000001', '260620-000000000000002']), { numericOrderNos: true }) }), { code: 'SUPPLIER_ORDER_NO_NUMBER', row: 2, column: '订单号' }],
    ['order numbers as 2.6062E+20 (csv)', async () => ({ name: 'c.csv', bytes: await supplierResultFile(supplierRows(['260620-000000000000001']), { format: 'csv', numericOrderNos: true }) }), { code: 'SUPPLIER_ORDER_NO_NUMBER', row: 2, column: '订单号' }],
    ['a header and no rows', async () => ({ name: 'd.csv', bytes: await supplierResultFile([], { format: 'csv' }) }), { code: 'SUPPLIER_NO_ROWS' }],
    ['not a spreadsheet', async () => ({ name: 'e.xlsx', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]) }), { code: 'NOT_SPREADSHEET' }],
  ];
  for (const [name, make, want] of damaged) {
    it(`refuses a damaged file whole, writing nothing: ${name}`, async () => {
      const { db, shopId, state } = topUpShop();
      const before = state();
      const file = await make();
      let err: unknown;
      try { previewSupplierFile(db, shopId, file); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.code).toBe(want.code);
      if (want.code !== 'NOT_SPREADSHEET') expect(e.file).toBe(file.name);
      if (want.row !== undefined) expect(e.row).toBe(want.row);
      if (want.column !== undefined) expect(e.column).toBe(want.column);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(state()).toEqual(before);
    });
  }
});
