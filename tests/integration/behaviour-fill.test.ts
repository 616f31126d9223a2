/**
 * What happens to a fill after it was made (issue 14): its undo once an order of it was exported,
 * and a later order export that cancels, closes or only changes the after-sale of a filled order.
 * Each test pins the database itself: allocations, the items' states, the fills, the ledger.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/core/db/open';
import { fill, undoLastFill } from '../../main/core/services/allocation';
import { previewExport, runExport } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { verifyLedger } from '../../main/core/services/ledger';
import { getOrder, listOrders } from '../../main/core/services/orders';
import { AppError } from '../../shared/errors';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { laterExport, type LaterChanges } from '../fixtures/shipment';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

const tempDir = useTempDirs();
afterEach(() => { delete process.env.VSHIP_NOW; });

/** A code shop (stock for every waiting order and 3 more per product) with every order filled by one fill. */
function filledShop(count: number, seed: number) {
  process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
  const t = generateOrders({ count, seed, statusMix: 'all-shippable' });
  const dir = tempDir();
  const s = codeShop(dir, t, (_k, w) => w + 3);
  const f = fill(s.db, s.shopId, { cooldownHours: 2 });
  expect(f.filled).toBe(count);
  return { ...s, dir, t, f, nos: t.expected.map((e) => e.orderNo) };
}

/** Every row a fill, its undo or an import's release writes. */
function allocationState(db: Db) {
  return {
    allocations: db.prepare('SELECT * FROM allocations ORDER BY id').all(),
    items: db.prepare('SELECT id, product_id, state, busy_until FROM stock_items ORDER BY id').all(),
    fills: db.prepare('SELECT * FROM fills ORDER BY id').all(),
    ledger: db.prepare('SELECT count(*) FROM ledger').pluck().get(),
  };
}

const orderId = (db: Db, shopId: number, no: string) => getOrder(db, shopId, no)!.id;
/** The item ids an order holds now. */
const heldItems = (db: Db, shopId: number, no: string) =>
  db.prepare('SELECT item_id FROM allocations WHERE order_id = ? AND released_at IS NULL ORDER BY item_id').pluck().all(orderId(db, shopId, no)) as number[];
const stateOf = (db: Db, ids: number[]) => ids.map((id) => db.prepare('SELECT state FROM stock_items WHERE id = ?').pluck().get(id));

/** The next export of the shop, one hour on, with these orders changed. */
function importLater(db: Db, shopId: number, t: OrderTable, changes: LaterChanges, now = '2026-06-20T13:00:00+08:00') {
  process.env.VSHIP_NOW = now;
  const later = laterExport(t, changes);
  importOrderFiles(db, shopId, [{ name: `later-${now}.csv`, bytes: toCsv(later) }], { shipPromiseHours: 48 });
  return later;
}

describe('undoing a fill', () => {
  it('is refused with FILL_EXPORTED once one order of the fill was exported, and changes nothing', () => {
    const { db, dir, shopId, f, nos } = filledShop(12, 141);
    const exp = runExport(db, dir, { shopId, narrow: { orderNos: [nos[3]] } });
    expect(exp.orders).toBe(1);
    const before = allocationState(db);
    let err: unknown;
    try { undoLastFill(db, shopId); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILL_EXPORTED');
    expect(allocationState(db)).toEqual(before);
    // Not one order of the fill lost its items: the eleven not exported still hold theirs.
    expect(db.prepare('SELECT count(*) FROM allocations WHERE fill_id = ? AND released_at IS NULL').pluck().get(f.fillId)).toBe(f.items);
    expect(db.prepare('SELECT undone_at FROM fills WHERE id = ?').pluck().get(f.fillId)).toBeNull();
    expect(allocationViolations(db)).toEqual([]);
  });

  it('releases every item of the fill while none of its orders was exported', () => {
    const { db, shopId, f, nos } = filledShop(12, 142);
    const held = nos.flatMap((no) => heldItems(db, shopId, no));
    expect(held).toHaveLength(f.items);
    expect(undoLastFill(db, shopId)).toEqual({ fillId: f.fillId, released: f.items });
    expect(new Set(stateOf(db, held))).toEqual(new Set(['available']));
    expect(db.prepare('SELECT undone_at FROM fills WHERE id = ?').pluck().get(f.fillId)).toBe('2026-06-20T12:00:00+08:00');
    expect(verifyLedger(db).ok).toBe(true);
  });
});

describe('a later export cancels or closes a filled order', () => {
  for (const [change, status] of [['cancelled', '已取消'], ['closed', '交易关闭']] as const) {
    it(`${status} before export: its items go back to stock, the order is no longer shippable, the others keep theirs`, () => {
      const { db, shopId, t, nos } = filledShop(8, change === 'cancelled' ? 143 : 144);
      const [gone, kept] = [nos[2], nos[5]];
      const goneItems = heldItems(db, shopId, gone);
      const keptItems = heldItems(db, shopId, kept);
      expect([goneItems.length, keptItems.length].every((n) => n > 0)).toBe(true);
      importLater(db, shopId, t, { [change]: [gone] });
      const o = getOrder(db, shopId, gone)!;
      expect(o).toMatchObject({ status, shippable: false, reason: 'CANCELLED', items: [] });
      expect(stateOf(db, goneItems)).toEqual(goneItems.map(() => 'available'));
      expect(db.prepare('SELECT DISTINCT release_reason FROM allocations WHERE order_id = ?').pluck().all(o.id)).toEqual(['refunded']);
      expect(heldItems(db, shopId, kept)).toEqual(keptItems);
      expect(stateOf(db, keptItems)).toEqual(keptItems.map(() => 'reserved'));
      expect(allocationViolations(db)).toEqual([]);
    });

    it(`${status} after export: its items stay delivered and quarantined, and the order needs attention`, () => {
      const { db, dir, shopId, t, nos } = filledShop(8, change === 'cancelled' ? 145 : 146);
      const gone = nos[1];
      runExport(db, dir, { shopId, narrow: { orderNos: [gone] } });
      const goneItems = heldItems(db, shopId, gone);
      expect(goneItems.length).toBeGreaterThan(0);
      importLater(db, shopId, t, { [change]: [gone] });
      const o = getOrder(db, shopId, gone)!;
      expect(o).toMatchObject({ status, shippable: false, shipState: 'attention', shipNoteCode: 'CLOSED_AFTER_EXPORT' });
      expect(heldItems(db, shopId, gone)).toEqual(goneItems);
      expect(stateOf(db, goneItems)).toEqual(goneItems.map(() => 'delivered'));
      expect(db.prepare('SELECT count(*) FROM allocations WHERE order_id = ? AND quarantined_at IS NOT NULL').pluck().get(o.id)).toBe(goneItems.length);
      expect(allocationViolations(db)).toEqual([]);
    });
  }
});

describe('a later export changes only the after-sale of a filled order (订单状态 still 待发货)', () => {
  it('退款成功 before export: the refund came before shipment, so its items go back to stock', () => {
    const { db, shopId, t, nos } = filledShop(8, 147);
    const refunded = nos[4];
    const items = heldItems(db, shopId, refunded);
    expect(items.length).toBeGreaterThan(0);
    importLater(db, shopId, t, { afterSale: { [refunded]: '退款成功' } });
    const o = getOrder(db, shopId, refunded)!;
    expect(o).toMatchObject({ status: '待发货', afterSale: '退款成功', shippable: false, reason: 'REFUNDED', items: [] });
    expect(stateOf(db, items)).toEqual(items.map(() => 'available'));
    expect(o.changes.map((c) => c.field)).toEqual(['afterSale']);
    expect(allocationViolations(db)).toEqual([]);
  });

  it('退款成功 after export: the items stay delivered and are quarantined, and the order needs attention', () => {
    const { db, dir, shopId, t, nos } = filledShop(8, 148);
    const refunded = nos[0];
    runExport(db, dir, { shopId, narrow: { orderNos: [refunded] } });
    const items = heldItems(db, shopId, refunded);
    expect(items.length).toBeGreaterThan(0);
    importLater(db, shopId, t, { afterSale: { [refunded]: '退款成功' } });
    const o = getOrder(db, shopId, refunded)!;
    expect(o).toMatchObject({ status: '待发货', afterSale: '退款成功', shippable: false, reason: 'REFUNDED', shipState: 'attention', shipNoteCode: 'CLOSED_AFTER_EXPORT' });
    expect(heldItems(db, shopId, refunded)).toEqual(items);
    expect(stateOf(db, items)).toEqual(items.map(() => 'delivered'));
    expect(db.prepare('SELECT count(*) FROM allocations WHERE order_id = ? AND quarantined_at IS NOT NULL').pluck().get(o.id)).toBe(items.length);
  });

  it('退款中: the order keeps its items but is blocked (AFTER_SALE_OPEN) and left out of the export; when the after-sale is withdrawn it is ready again with the same items', () => {
    const { db, dir, shopId, t, nos } = filledShop(8, 149);
    const pending = nos[6];
    const items = heldItems(db, shopId, pending);
    expect(items.length).toBeGreaterThan(0);
    const before = allocationState(db);
    importLater(db, shopId, t, { afterSale: { [pending]: '退款中' } });
    const o = getOrder(db, shopId, pending)!;
    expect(o).toMatchObject({ status: '待发货', afterSale: '退款中', shippable: false, reason: 'AFTER_SALE' });
    expect(o.items.map((i) => i.itemId)).toEqual(items);
    expect(o.findings.filter((x) => x.severity === 'block').map((x) => x.rule)).toEqual(['AFTER_SALE_OPEN']);
    expect(allocationState(db).allocations).toEqual(before.allocations);
    expect(stateOf(db, items)).toEqual(items.map(() => 'reserved'));
    // Not ready, not in the shipment file; a fill gives it nothing more.
    expect(listOrders(db, { shopId, shipState: 'ready', limit: 100 }).rows.map((x) => x.orderNo)).not.toContain(pending);
    expect(previewExport(db, { shopId }).ready).toBe(nos.length - 1);
    expect(fill(db, shopId, { cooldownHours: 2 })).toMatchObject({ filled: 0, items: 0 });
    // The buyer withdrew the after-sale: shippable and ready again, the same items, nothing new written.
    importLater(db, shopId, t, { afterSale: { [pending]: '无售后或售后取消' } }, '2026-06-20T14:00:00+08:00');
    const back = getOrder(db, shopId, pending)!;
    expect(back).toMatchObject({ shippable: true, reason: null, shipState: 'ready' });
    expect(back.findings.filter((x) => x.severity === 'block')).toEqual([]);
    expect(back.items.map((i) => i.itemId)).toEqual(items);
    expect(allocationState(db).allocations).toEqual(before.allocations);
    const exp = runExport(db, dir, { shopId });
    expect(exp.orders).toBe(nos.length);
  });
});
