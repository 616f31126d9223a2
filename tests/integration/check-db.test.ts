import { describe, expect, it } from 'vitest';
import { fill } from '../../main/core/services/allocation';
import { checkDb } from '../../main/core/services/check-db';
import { listProducts } from '../../main/core/services/products';
import { generateOrders } from '../fixtures/orders';
import { useBuiltCli, vship } from '../helpers/cli';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
useBuiltCli();

/** A filled shop in which one reserved item was set back to 'available' behind the fill's back. */
function damagedShop(spare: number) {
  const dir = tempDir();
  const t = generateOrders({ count: 60, seed: 81, statusMix: 'all-shippable' });
  // The first product gets only what its first fill needs, plus `spare`; a second fill serves new orders.
  const { db, shopId } = codeShop(dir, t, (_k, w) => w + spare);
  const first = fill(db, shopId, { cooldownHours: 2 });
  expect(first.filled).toBeGreaterThan(0);
  const held = db.prepare(`SELECT a.item_id, o.order_no, p.sku_key, p.id AS product FROM allocations a JOIN orders o ON o.id = a.order_id
    JOIN stock_items i ON i.id = a.item_id JOIN products p ON p.id = i.product_id WHERE a.released_at IS NULL
    AND i.product_id IN (SELECT i2.product_id FROM allocations a2 JOIN stock_items i2 ON i2.id = a2.item_id WHERE a2.released_at IS NULL
      GROUP BY i2.product_id HAVING count(DISTINCT a2.order_id) >= 2) ORDER BY a.id LIMIT 1`).get() as { item_id: number; order_no: string; sku_key: string; product: number };
  db.prepare("UPDATE stock_items SET state = 'available' WHERE id = ?").run(held.item_id);
  return { dir, db, shopId, held };
}

/** Releases every allocation of the order so it is a fill candidate again (its items go back to the pool, as an undo would). */
function reopen(db: ReturnType<typeof damagedShop>['db'], orderNo: string) {
  const ids = db.prepare('SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? AND a.released_at IS NULL').pluck().all(orderNo) as number[];
  db.prepare("UPDATE allocations SET released_at = '2026-01-01T00:00:00+08:00', release_reason = 'test' WHERE order_id = (SELECT id FROM orders WHERE order_no = ?) AND released_at IS NULL").run(orderNo);
  for (const id of ids) db.prepare("UPDATE stock_items SET state = 'available' WHERE id = ?").run(id);
}

describe('an inconsistent stock row does not break the fill', () => {
  it('skips an available item another order holds, names it and its order, and gives the order needing stock another item', () => {
    const { db, shopId, held } = damagedShop(5);
    // Another order of the same product becomes a candidate again.
    const other = db.prepare(`SELECT o.order_no FROM orders o JOIN allocations a ON a.order_id = o.id JOIN stock_items i ON i.id = a.item_id
      WHERE i.product_id = ? AND a.released_at IS NULL AND o.order_no <> ? ORDER BY o.ship_by LIMIT 1`).pluck().get(held.product, held.order_no) as string;
    reopen(db, other);
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.inconsistent).toEqual([{ itemId: held.item_id, skuKey: held.sku_key, heldByOrderNo: held.order_no }]);
    expect(r.filled).toBe(1);
    expect(r.short).toEqual([]);
    const got = db.prepare('SELECT a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? AND a.released_at IS NULL').pluck().all(other) as number[];
    expect(got).toHaveLength(db.prepare('SELECT quantity FROM orders WHERE order_no = ?').pluck().get(other) as number);
    expect(got).not.toContain(held.item_id);
    // The damaged row is left as it was, for check-db to report.
    expect(db.prepare('SELECT state FROM stock_items WHERE id = ?').pluck().get(held.item_id)).toBe('available');
  });

  it('skips an order as ITEM_INCONSISTENT when only the damaged row would have completed it', () => {
    const { db, shopId, held } = damagedShop(0);
    const other = db.prepare(`SELECT o.order_no FROM orders o JOIN allocations a ON a.order_id = o.id JOIN stock_items i ON i.id = a.item_id
      WHERE i.product_id = ? AND a.released_at IS NULL AND o.order_no <> ? ORDER BY o.ship_by LIMIT 1`).pluck().get(held.product, held.order_no) as string;
    reopen(db, other);
    // Its own items go back to the pool; one is taken away, so the pool counts enough only with the damaged row.
    const own = db.prepare(`SELECT i.id FROM stock_items i WHERE i.product_id = ? AND i.state = 'available' AND i.id <> ? ORDER BY i.id`).pluck().all(held.product, held.item_id) as number[];
    expect(own.length).toBeGreaterThan(0);
    db.prepare("UPDATE stock_items SET state = 'voided', voided_at = '2026-01-01T00:00:00+08:00' WHERE id = ?").run(own[0]);
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.inconsistent.map((x) => x.itemId)).toEqual([held.item_id]);
    expect(r.skipped).toContainEqual({ orderNo: other, code: 'ITEM_INCONSISTENT', reason: expect.stringContaining('库存条目状态不一致') });
    expect(r.short.find((s) => s.orderNo === other)).toBeUndefined();
  });
});

describe('check-db', () => {
  it('reports a clean folder as clean, exit 0', () => {
    const dir = tempDir();
    const { db, shopId } = codeShop(dir, generateOrders({ count: 20, seed: 82 }), (_k, w) => w);
    fill(db, shopId, { cooldownHours: 2 });
    expect(checkDb(db)).toEqual({ ok: true, check: 'integrity_check', problems: [], more: 0 });
    db.close();
    const r = vship(['check-db', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('未发现问题');
    expect(JSON.parse(vship(['check-db', '--quick', '--data-dir', dir, '--json']).stdout)).toMatchObject({ ok: true, check: 'quick_check' });
  });

  it('names available items an order holds and reserved items nobody holds, exit 1 with --json', () => {
    const { dir, db, held } = damagedShop(3);
    const free = db.prepare("SELECT id FROM stock_items WHERE product_id = ? AND state = 'available' AND id <> ? LIMIT 1").pluck().get(held.product, held.item_id) as number;
    db.prepare("UPDATE stock_items SET state = 'reserved' WHERE id = ?").run(free);
    const r = checkDb(db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      { code: 'ITEM_AVAILABLE_HELD', params: { itemId: held.item_id, skuKey: held.sku_key, orderNo: held.order_no }, message: `库存条目 ${held.item_id}（${held.sku_key}）标为可用，但已填入订单 ${held.order_no}` },
      { code: 'ITEM_RESERVED_FREE', params: { itemId: free, skuKey: held.sku_key }, message: `库存条目 ${free}（${held.sku_key}）标为已占用，但没有订单使用它` },
    ]);
    db.close();
    const cli = vship(['check-db', '--data-dir', dir, '--json']);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, problems: [{ code: 'ITEM_AVAILABLE_HELD' }, { code: 'ITEM_RESERVED_FREE' }] });
    const text = vship(['check-db', '--data-dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`已填入订单 ${held.order_no}`);
  });

  it('reports rows that point at nothing (foreign keys) and SQLite’s own findings', () => {
    const { db, shopId } = codeShop(tempDir(), generateOrders({ count: 10, seed: 83 }), (_k, w) => w);
    const p = listProducts(db, shopId)[0];
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE stock_items SET batch_id = 9999 WHERE id = (SELECT min(id) FROM stock_items WHERE product_id = (SELECT id FROM products WHERE sku_key = ?))').run(p.skuKey);
    const r = checkDb(db);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'FOREIGN_KEY', params: expect.objectContaining({ table: 'stock_items', parent: 'stock_batches' }) }));
  });

  it('the CLI fill names the damaged row and its order', () => {
    const { dir, db, held } = damagedShop(5);
    const other = db.prepare(`SELECT o.order_no FROM orders o JOIN allocations a ON a.order_id = o.id JOIN stock_items i ON i.id = a.item_id
      WHERE i.product_id = ? AND a.released_at IS NULL AND o.order_no <> ? LIMIT 1`).pluck().get(held.product, held.order_no) as string;
    reopen(db, other);
    db.close();
    const r = vship(['fill', '--data-dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ filled: 1, inconsistent: [{ itemId: held.item_id, heldByOrderNo: held.order_no }] });
  });
});
