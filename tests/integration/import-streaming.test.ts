/**
 * The import streams each order to the database as soon as its rows end (issue 13). When an
 * order's rows turn out not to be adjacent, the file is read again, merging, from a savepoint: the
 * result must be exactly what reading it whole gives. Checked against the same files imported one
 * by one with every order's rows put together first: the same orders, lines, changes and counts.
 */
import { describe, expect, it } from 'vitest';
import type { ImportFileSummary } from '../../shared/domain';
import { openDatabase, type Db } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv, toXlsx, type OrderTable } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

function freshDb(): { db: Db; shopId: number } {
  const db = openDatabase(tempDir());
  return { db, shopId: ensureDefaultShop(db).id };
}

/** Orders, their lines and their history by order number: what an import leaves, ids and times aside. */
function state(db: Db) {
  const orders = db.prepare(`SELECT order_key, order_no, status, after_sale, shippable, reason, product_name, sku_code, quantity, paid_cents, total_cents,
    paid_at, ship_by, recharge_no, fingerprint, line_count FROM orders ORDER BY order_key`).all();
  const lines = db.prepare(`SELECT o.order_key, l.line_no, l.product_name, l.sku_code, l.quantity, l.raw, l.source_row FROM order_lines l JOIN orders o ON o.id = l.order_id
    ORDER BY o.order_key, l.line_no`).all();
  const changes = db.prepare(`SELECT o.order_key, c.field, c.before, c.after FROM order_changes c JOIN orders o ON o.id = c.order_id ORDER BY o.order_key, c.field, c.before, c.after`).all();
  const products = db.prepare('SELECT sku_key, title, spec FROM products ORDER BY sku_key').all();
  return { orders, lines, changes, products };
}

const counts = (f: ImportFileSummary) => ({ rows: f.rows, read: f.read, new: f.new, updated: f.updated, unchanged: f.unchanged, shippable: f.shippable, notShippable: f.notShippable, damaged: f.damaged });

/** The table with some orders' status changed (the next export: shipped, refunded). */
function later(t: OrderTable, every: number): OrderTable {
  const status = t.headers.indexOf('订单状态');
  const after = t.headers.indexOf('售后状态');
  const nos = [...new Set(t.rows.map((r) => r[t.headers.indexOf('订单号')]))];
  const changed = new Set(nos.filter((_, i) => i % every === 0));
  return {
    ...t,
    rows: t.rows.map((r) => {
      if (!changed.has(r[t.headers.indexOf('订单号')]!)) return r;
      const c = [...r];
      c[status] = '已发货，待签收';
      if (after >= 0) c[after] = '退款中';
      return c;
    }),
  };
}

/** The rows with every order's rows together (stable: the first row of each order decides its place). */
function adjacent(t: OrderTable): OrderTable {
  const no = t.headers.indexOf('订单号');
  const first = new Map<string, number>();
  t.rows.forEach((r, i) => { if (!first.has(r[no]!)) first.set(r[no]!, i); });
  return { ...t, rows: t.rows.map((r, i) => [r, i] as const).sort((a, b) => first.get(a[0][no]!)! - first.get(b[0][no]!)! || a[1] - b[1]).map(([r]) => r) };
}

/** Rows dealt out of order: an order's rows end up far apart (as in two exports pasted into one). */
function scattered(t: OrderTable): OrderTable {
  const odd = t.rows.filter((_, i) => i % 2 === 1);
  const even = t.rows.filter((_, i) => i % 2 === 0);
  return { ...t, rows: [...even, ...odd, ...even.slice(0, 5)] };
}

describe('the streaming import', () => {
  it('reads a file whose order rows are not adjacent exactly as the same rows put together, in one import with other files', async () => {
    const a = generateOrders({ count: 80, seed: 131, optional: true, multiLineEvery: 4 });
    const b = generateOrders({ count: 60, seed: 132, optional: true, multiLineEvery: 3 });
    const aLater = later(a, 3);
    // b's rows scattered, with some of a's orders (changed) among them
    const mixed: OrderTable = scattered({ ...b, rows: [...b.rows, ...later(a, 2).rows.slice(0, 30)] });

    // One import of three files: a again (changed), the scattered file, and an XLSX of b unchanged.
    const one = freshDb();
    importOrderFiles(one.db, one.shopId, [{ name: 'a.csv', bytes: toCsv(a) }], { shipPromiseHours: 48 });
    const s = importOrderFiles(one.db, one.shopId, [
      { name: 'a-later.csv', bytes: toCsv(aLater) },
      { name: 'mixed.csv', bytes: toCsv(mixed, { encoding: 'gbk' }) },
      { name: 'b.xlsx', bytes: await toXlsx(b) },
    ], { shipPromiseHours: 48 });

    // The same, file by file, every order's rows together.
    const two = freshDb();
    importOrderFiles(two.db, two.shopId, [{ name: 'a.csv', bytes: toCsv(a) }], { shipPromiseHours: 48 });
    const parts = [
      importOrderFiles(two.db, two.shopId, [{ name: 'a-later.csv', bytes: toCsv(aLater) }], { shipPromiseHours: 48 }),
      importOrderFiles(two.db, two.shopId, [{ name: 'mixed.csv', bytes: toCsv(adjacent(mixed), { encoding: 'gbk' }) }], { shipPromiseHours: 48 }),
      importOrderFiles(two.db, two.shopId, [{ name: 'b.xlsx', bytes: await toXlsx(b) }], { shipPromiseHours: 48 }),
    ];

    // Counts file by file agree, but rows (a row's number is where it stood in its file).
    expect(s.files.map(counts)).toEqual(parts.map((p) => counts(p.files[0]!)));
    expect(s.files.map((f) => f.updated)).toEqual([expect.any(Number), expect.any(Number), 0]);
    expect(s.files[0]!.updated).toBeGreaterThan(0);
    expect(s.files[1]!.updated).toBeGreaterThan(0);
    const x = state(one.db);
    const y = state(two.db);
    expect(x.orders).toEqual(y.orders);
    expect(x.changes).toEqual(y.changes);
    expect(x.products).toEqual(y.products);
    // Lines: the same items with the same raw cells; their source rows are where each file had them.
    const strip = (ls: unknown[]) => (ls as Record<string, unknown>[]).map(({ source_row: _r, ...l }) => l);
    expect(strip(x.lines)).toEqual(strip(y.lines));
    // Nothing of the given-up streaming read is left: one import row per file, no order twice.
    expect(one.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(4);
    expect(one.db.prepare('SELECT count(*) FROM order_changes WHERE import_id NOT IN (SELECT id FROM imports)').pluck().get()).toBe(0);
  });

  it('rolls everything back when a later file is damaged, though the earlier ones were already written', () => {
    const { db, shopId } = freshDb();
    const a = generateOrders({ count: 40, seed: 133 });
    const bad = toCsv(generateOrders({ count: 40, seed: 134 }));
    const cut = bad.subarray(0, Math.floor(bad.length * 0.7));
    expect(() => importOrderFiles(db, shopId, [{ name: 'a.csv', bytes: toCsv(a) }, { name: 'cut.csv', bytes: cut }], { shipPromiseHours: 48 }))
      .toThrow(expect.objectContaining({ code: 'FILE_TRUNCATED', file: 'cut.csv' }));
    for (const t of ['orders', 'order_lines', 'imports', 'order_changes', 'products', 'findings']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    }
  });
});
