/**
 * What a duplicate report says about each line not imported: the line of the file it repeats, or
 * the earlier batch that holds it (with the date), and for an item already sent, the order and
 * when. Nothing of the secret beyond its masked form.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/core/db/open';
import { assign } from '../../main/core/services/allocation/assign';
import { runExport } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock, voidItems } from '../../main/core/services/stock';
import { AppError } from '../../shared/errors';
import { generateOrders, toCsv } from '../fixtures/orders';
import { codes, codeText } from '../fixtures/stock';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
const at = (iso: string) => { process.env.VSHIP_NOW = iso; };
afterEach(() => { delete process.env.VSHIP_NOW; });

/** A shop with orders from 2026-11-28 and two code products. */
function setup(): { db: Db; dir: string; shopId: number; sku: string; other: string; title: string; otherTitle: string } {
  at('2026-11-28T09:00:00+08:00');
  const dir = tempDir();
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: 300, seed: 61, now: new Date('2026-11-28T08:00:00+08:00') })) }], { shipPromiseHours: 48 });
  const [p, q] = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting);
  setProduct(db, shopId, p.skuKey, { kind: 'code' });
  setProduct(db, shopId, q.skuKey, { kind: 'code' });
  return { db, dir, shopId, sku: p.skuKey, other: q.skuKey, title: p.title, otherTitle: q.title };
}

const lines = (...xs: string[]) => xs.join('\n');

describe('the duplicate report', () => {
  it('within the file: names the line the item first appeared on', () => {
    const { db, shopId, sku } = setup();
    const [a, b] = codes(2, 71);
    const r = importStock(db, { shopId, skuKey: sku, name: 'a.txt', text: lines(a, b, a, 'X-1', b, a) });
    expect(r.added).toBe(3);
    expect(r.duplicates.map((d) => [d.line, d.where, d.firstLine])).toEqual([[3, 'file', 1], [5, 'file', 2], [6, 'file', 1]]);
    for (const d of r.duplicates) expect(d.batchId).toBeUndefined();
  });

  it('against an earlier batch: names the batch, when it came in, and its state now (voided, expired, another product)', () => {
    const { db, shopId, sku, other, otherTitle } = setup();
    const list = codes(4, 72);
    at('2026-11-28T10:15:00+08:00');
    const first = importStock(db, { shopId, skuKey: sku, name: 'first.txt', text: codeText(list.slice(0, 3)).toString() });
    const expiring = importStock(db, { shopId, skuKey: other, name: 'other.txt', text: list[3], expiresAt: '2026-11-29' });
    voidItems(db, { shopId, itemIds: [db.prepare('SELECT id FROM stock_items WHERE code = ?').pluck().get(list[1]) as number] });
    at('2026-12-01T09:00:00+08:00');
    const r = importStock(db, { shopId, skuKey: sku, name: 'again.txt', text: lines('NEW-1', list[0], list[1], list[3]) });
    expect(r.added).toBe(1);
    expect(r.duplicates).toEqual([
      { line: 2, where: 'history', masked: expect.any(String), batchId: first.batchId, importedAt: '2026-11-28T10:15:00+08:00', state: 'available' },
      { line: 3, where: 'history', masked: expect.any(String), batchId: first.batchId, importedAt: '2026-11-28T10:15:00+08:00', state: 'voided' },
      { line: 4, where: 'history', masked: expect.any(String), batchId: expiring.batchId, importedAt: '2026-11-28T10:15:00+08:00', state: 'expired', otherProduct: { skuKey: other, title: otherTitle } },
    ]);
    // Masked, never the code itself.
    for (const d of r.duplicates) expect(JSON.stringify(d)).not.toContain(list[0].slice(2, -2));
  });

  it('against a delivered item: names the order it was sent to and when; a reserved one its order, not yet sent', () => {
    const { db, dir, shopId, sku } = setup();
    const list = codes(2, 73);
    at('2026-11-28T10:00:00+08:00');
    const batch = importStock(db, { shopId, skuKey: sku, name: 'b.txt', text: lines(...list) });
    const orders = db.prepare("SELECT o.order_no FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.shop_id = ? AND o.shippable = 1 AND o.sku_key = ? AND o.quantity = 1 GROUP BY o.id HAVING count(*) = 1 ORDER BY o.id LIMIT 2").pluck().all(shopId, sku) as string[];
    expect(orders).toHaveLength(2);
    at('2026-11-28T11:00:00+08:00');
    assign(db, shopId, orders[0], [list[0]]);
    runExport(db, dir, { shopId, format: 'csv' });
    at('2026-11-28T12:00:00+08:00');
    assign(db, shopId, orders[1], [list[1]]);
    at('2026-12-01T09:00:00+08:00');
    const r = importStock(db, { shopId, skuKey: sku, name: 'again.txt', text: lines(list[0], list[1]) });
    expect(r.added).toBe(0);
    expect(r.duplicates).toEqual([
      { line: 1, where: 'history', masked: expect.any(String), batchId: batch.batchId, importedAt: '2026-11-28T10:00:00+08:00', state: 'delivered', orderNo: orders[0], deliveredAt: '2026-11-28T11:00:00+08:00' },
      { line: 2, where: 'history', masked: expect.any(String), batchId: batch.batchId, importedAt: '2026-11-28T10:00:00+08:00', state: 'reserved', orderNo: orders[1] },
    ]);
    // Nothing new was written: no empty batch, the ledger holds no order detail of the duplicates.
    expect(db.prepare('SELECT count(*) FROM stock_batches').pluck().get()).toBe(1);
  });
});

describe('an order export on a stored-value product', () => {
  it('is refused whole (STOCK_IS_ORDER_EXPORT), header row and all, nothing written', () => {
    const { db, shopId, sku } = setup();
    setProduct(db, shopId, sku, { kind: 'stored-value' });
    const bytes = toCsv(generateOrders({ count: 2000, seed: 62, optional: true, adversarial: true }));
    for (const input of [{ bytes }, { text: bytes.toString('utf8') }]) {
      let code = 'imported';
      try {
        importStock(db, { shopId, skuKey: sku, name: '订单导出_2000.csv', ...input });
      } catch (e) {
        code = e instanceof AppError ? e.code : String(e);
      }
      expect(code).toBe('STOCK_IS_ORDER_EXPORT');
    }
    expect(db.prepare('SELECT count(*) FROM stock_items').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stock_batches').pluck().get()).toBe(0);
  });
});
