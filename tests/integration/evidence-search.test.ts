/**
 * evidence.search: an order found by its order number, its recharge number, a delivered code (by
 * identity hash: look-alike spellings too, and the `~<id>` look-alikes migration 5 keeps), a
 * supplier's order number, and the days it was delivered; each hit with its evidence count.
 */
import { describe, expect, it } from 'vitest';
import { fill } from '../../main/core/services/allocation';
import { markRecharged } from '../../main/core/services/allocation/assign';
import { identityFingerprint } from '../../main/core/db/stock-fingerprint';
import { addEvidence, hideEvidence } from '../../main/core/services/evidence/add';
import { searchEvidence } from '../../main/core/services/evidence/list';
import { runExport } from '../../main/core/services/export';
import { listProducts } from '../../main/core/services/products';
import { evidenceOrders, png } from '../fixtures/evidence';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

const at = <T>(iso: string, f: () => T): T => {
  process.env.VSHIP_NOW = iso;
  try { return f(); } finally { delete process.env.VSHIP_NOW; }
};

/**
 * A code shop whose first product got no stock: one of its orders is marked topped up by a
 * supplier (`ref`); everything filled is exported in two runs, on 2026-06-20 (`day1`) and
 * 2026-06-22 (the rest).
 */
function shop() {
  const dir = tempDir();
  const o = evidenceOrders({ count: 60, seed: 1121 });
  const first = { sku: '' };
  const { db, shopId } = at('2026-06-20T12:00:00+08:00', () => codeShop(dir, o.table, (k, w) => {
    if (!first.sku) { first.sku = k; return 0; }
    return w;
  }));
  const unstocked = db.prepare('SELECT order_no FROM orders WHERE shop_id = ? AND sku_key = ? AND shippable = 1 ORDER BY id').pluck().all(shopId, first.sku) as string[];
  const recharged = unstocked[0]!;
  const ref = 'GY202606200001';
  at('2026-06-20T12:00:00+08:00', () => { markRecharged(db, shopId, recharged, ref); fill(db, shopId, { cooldownHours: 2 }); });
  const filled = db.prepare('SELECT DISTINCT o.order_no FROM allocations a JOIN orders o ON o.id = a.order_id WHERE a.released_at IS NULL ORDER BY o.id').pluck().all() as string[];
  const day1 = filled.slice(0, 5);
  at('2026-06-20T15:00:00+08:00', () => runExport(db, dir, { shopId, narrow: { orderNos: [...day1, recharged].filter((x, i, a) => a.indexOf(x) === i) } }));
  at('2026-06-22T09:00:00+08:00', () => runExport(db, dir, { shopId }));
  const exported = db.prepare('SELECT order_no, exported_at FROM orders WHERE shop_id = ? AND exported_at IS NOT NULL ORDER BY id').all(shopId) as { order_no: string; exported_at: string }[];
  const search = (req: { query?: string; from?: string; to?: string; onlyWithEvidence?: boolean; limit?: number }) => searchEvidence(db, { shopId, ...req });
  return { dir, db, shopId, ...o, recharged, ref, day1, exported, search, products: listProducts(db, shopId) };
}

/** A delivered code and the order it went to. */
function deliveredCode(db: ReturnType<typeof shop>['db']): { orderNo: string; code: string; itemId: number } {
  return db.prepare(`SELECT o.order_no AS orderNo, s.code, s.id AS itemId FROM allocations a JOIN stock_items s ON s.id = a.item_id JOIN orders o ON o.id = a.order_id
    WHERE a.exported_at IS NOT NULL ORDER BY a.id LIMIT 1`).get() as { orderNo: string; code: string; itemId: number };
}

describe('evidence.search by each key', () => {
  it('the order number, with the order and its evidence count (hidden items not counted)', async () => {
    const { search, exported, db, shopId, dir } = shop();
    const no = exported[0]!.order_no;
    const r1 = await addEvidence(db, dir, { shopId, orderNo: no, files: [{ name: 'a.png', bytes: png({ seed: 1 }) }, { name: 'b.png', bytes: png({ seed: 2 }) }] });
    hideEvidence(db, shopId, r1.added[1]!.id, '重复的截图');
    const { hits, more } = search({ query: ` ${no} ` });
    expect(more).toBe(false);
    expect(hits).toEqual([expect.objectContaining({ orderNo: no, matchedBy: 'orderNo', evidence: 1, exportedAt: exported[0]!.exported_at, shipState: 'exported' })]);
    expect(hits[0]!.productName).not.toBe('');
  });

  it('the recharge number: every order topped up to it', () => {
    const { search, shared, withRecharge } = shop();
    expect(search({ query: shared.rechargeNo }).hits.map((h) => [h.orderNo, h.matchedBy]).sort()).toEqual(shared.orderNos.map((n) => [n, 'rechargeNo']).sort());
    expect(search({ query: withRecharge[0]!.rechargeNo }).hits.map((h) => h.orderNo)).toEqual([withRecharge[0]!.orderNo]);
    // Part of a number is not the number.
    expect(search({ query: withRecharge[0]!.rechargeNo.slice(0, -1) }).hits).toEqual([]);
  });

  it('a delivered code, exactly or in a look-alike spelling (case, dashes, spaces, full-width), never by a part of it', () => {
    const { search, db } = shop();
    const d = deliveredCode(db);
    const lookAlike = d.code.toLowerCase().replace('-', ' ').replace(/0/g, '０');
    for (const q of [d.code, lookAlike]) expect(search({ query: q }).hits.map((h) => [h.orderNo, h.matchedBy])).toEqual([[d.orderNo, 'item']]);
    expect(search({ query: d.code.slice(0, -1) }).hits).toEqual([]);
  });

  it('a look-alike kept beside the first by migration 5 (fingerprint `…~<id>`)', () => {
    const { search, db } = shop();
    const d = deliveredCode(db);
    db.prepare('UPDATE stock_items SET fingerprint = ? WHERE id = ?').run(`${identityFingerprint(d.code)}~${d.itemId}`, d.itemId);
    expect(search({ query: d.code }).hits.map((h) => h.orderNo)).toEqual([d.orderNo]);
  });

  it("the supplier's order number of a topped-up order", () => {
    const { search, recharged, ref } = shop();
    expect(search({ query: ref }).hits.map((h) => [h.orderNo, h.matchedBy])).toEqual([[recharged, 'rechargeRef']]);
  });

  it('nothing for a number nobody has, and the query is stored nowhere', () => {
    const { search, db } = shop();
    const q = 'NOSUCH-CARD-123456';
    const ledgerBefore = db.prepare('SELECT COUNT(*) FROM ledger').pluck().get();
    expect(search({ query: q })).toEqual({ hits: [], more: false });
    expect(db.prepare('SELECT COUNT(*) FROM ledger').pluck().get()).toBe(ledgerBefore);
  });
});

describe('evidence.search by date', () => {
  it('only dates: the orders delivered in the range (Beijing days, inclusive), newest first', () => {
    const { search, exported, day1, recharged } = shop();
    const firstDay = exported.filter((e) => e.exported_at.startsWith('2026-06-20')).map((e) => e.order_no);
    expect(new Set(firstDay)).toEqual(new Set([...day1, recharged]));
    const later = exported.filter((e) => e.exported_at.startsWith('2026-06-22')).map((e) => e.order_no);
    expect(later.length).toBeGreaterThan(0);
    expect(new Set(search({ from: '2026-06-20', to: '2026-06-20' }).hits.map((h) => h.orderNo))).toEqual(new Set(firstDay));
    expect(search({ from: '2026-06-21', to: '2026-06-21' }).hits).toEqual([]);
    const both = search({ from: '2026-06-20', to: '2026-06-22' }).hits;
    expect(both.map((h) => h.matchedBy)).toEqual(both.map(() => 'date'));
    expect(both.slice(0, later.length).map((h) => h.orderNo).sort()).toEqual([...later].sort());
    expect(search({ from: '2026-06-22' }).hits).toHaveLength(later.length);
    expect(search({ to: '2026-06-20' }).hits).toHaveLength(firstDay.length);
  });

  it('a query narrowed by dates; only orders with evidence; the limit and `more`', async () => {
    const { search, exported, db, shopId, dir, shared } = shop();
    const e = exported.find((x) => x.exported_at.startsWith('2026-06-22'))!;
    expect(search({ query: e.order_no, from: '2026-06-20', to: '2026-06-21' }).hits).toEqual([]);
    expect(search({ query: e.order_no, from: '2026-06-22', to: '2026-06-22' }).hits).toHaveLength(1);
    await addEvidence(db, dir, { shopId, orderNo: e.order_no, files: [{ name: 'x.png', bytes: png({ seed: 3 }) }] });
    expect(search({ from: '2026-06-20', to: '2026-06-22', onlyWithEvidence: true }).hits.map((h) => [h.orderNo, h.evidence])).toEqual([[e.order_no, 1]]);
    const r = search({ from: '2026-06-20', to: '2026-06-22', limit: 2 });
    expect(r).toMatchObject({ more: true });
    expect(r.hits).toHaveLength(2);
    const one = search({ query: shared.rechargeNo, limit: 1 });
    expect(one.more).toBe(true);
    expect(one.hits).toHaveLength(1);
    expect(shared.orderNos).toContain(one.hits[0]!.orderNo);
  });
});
