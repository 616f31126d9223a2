import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/core/db/open';
import { verifyLedger } from '../../main/core/services/ledger';
import { importOrderFiles } from '../../main/core/services/import';
import { getProduct, listProducts, setProduct } from '../../main/core/services/products';
import { importStock, listBatches, listItems, moveItems, restoreItems, revealItem, voidItems } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { AppError } from '../../shared/errors';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

/** A shop with imported orders, and its busiest SKU set up as a code product. */
function setup(): { db: Db; shopId: number; sku: string; other: string } {
  const db = openDatabase(tempDir());
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: 400, seed: 51, optional: true })) }], { shipPromiseHours: 48 });
  const products = listProducts(db, shopId).sort((a, b) => b.waiting - a.waiting);
  const [sku, other] = [products[0].skuKey, products[1].skuKey];
  setProduct(db, shopId, sku, { kind: 'code' });
  setProduct(db, shopId, other, { kind: 'code' });
  return { db, shopId, sku, other };
}

const codes = (from: number, n: number) => Array.from({ length: n }, (_, i) => `CODE-${String(from + i).padStart(8, '0')}`).join('\n');

describe('products from orders', () => {
  it('finds one product per SKU key with the orders waiting for it', () => {
    const db = openDatabase(tempDir());
    const shopId = ensureDefaultShop(db).id;
    const t = generateOrders({ count: 300, seed: 52 });
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
    const products = listProducts(db, shopId);
    const keys = new Set(t.expected.map((e) => e.skuCode || `style:${e.styleId}`));
    expect(new Set(products.map((p) => p.skuKey))).toEqual(keys);
    const waiting = products.reduce((n, p) => n + p.waiting, 0);
    expect(waiting).toBe(t.expected.filter((e) => e.shippable).length);
    for (const p of products) expect(p.confirmed).toBe(false);
  });

  it('keeps what the merchant set across later imports', () => {
    const { db, shopId, sku } = setup();
    setProduct(db, shopId, sku, { terms: { validDays: 7, minValidityDays: 2 } });
    importOrderFiles(db, shopId, [{ name: 'o2.csv', bytes: toCsv(generateOrders({ count: 50, seed: 99 })) }], { shipPromiseHours: 48 });
    expect(getProduct(db, shopId, sku)).toMatchObject({ kind: 'code', confirmed: true, terms: { validDays: 7, minValidityDays: 2 } });
  });
});

describe('stock', () => {
  it('imports a batch and computes levels from the items', () => {
    const { db, shopId, sku } = setup();
    const r = importStock(db, { shopId, skuKey: sku, name: 'codes.txt', text: codes(1, 50) });
    expect(r).toMatchObject({ added: 50, duplicates: [], rejected: [] });
    expect(getProduct(db, shopId, sku).levels).toEqual({ available: 50, reserved: 0, delivered: 0, expired: 0, voided: 0 });
    expect(listBatches(db, shopId, sku)).toHaveLength(1);
  });

  it('catches duplicates within the file and against the whole history, delivered items included', () => {
    const { db, shopId, sku, other } = setup();
    importStock(db, { shopId, skuKey: sku, name: 'a.txt', text: codes(1, 10) });
    db.prepare("UPDATE stock_items SET state = 'delivered' WHERE code = 'CODE-00000001'").run();
    voidItems(db, { shopId, itemIds: [(db.prepare("SELECT id FROM stock_items WHERE code = 'CODE-00000002'").pluck().get() as number)] });
    // into another product, even: the shop's history is one
    const r = importStock(db, { shopId, skuKey: other, name: 'b.txt', text: `CODE-00000001\nCODE-00000002\nNEW-1\nNEW-1\nNEW-2` });
    expect(r.added).toBe(2);
    expect(r.duplicates).toEqual([
      { line: 1, where: 'history', masked: 'CO****01', state: 'delivered' },
      { line: 2, where: 'history', masked: 'CO****02', state: 'voided' },
      { line: 4, where: 'file', masked: 'N****', firstLine: 3 },
    ].map((d) => expect.objectContaining(d)));
  });

  it('is all or nothing: a rejected line and nothing is written', () => {
    const { db, shopId, sku } = setup();
    setProduct(db, shopId, sku, { kind: 'card' });
    const r = importStock(db, { shopId, skuKey: sku, name: 'cards.txt', text: '1111222233334444----pw1\n5555666677778888\n' });
    expect(r).toMatchObject({ added: 0, batchId: null, rejected: [{ line: 2, code: 'MISSING_PASSWORD', reason: '缺少密码' }] });
    expect(db.prepare('SELECT count(*) FROM stock_items').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM stock_batches').pluck().get()).toBe(0);
  });

  it('voids, restores and moves unused items; never touches delivered ones', () => {
    const { db, shopId, sku, other } = setup();
    const { batchId } = importStock(db, { shopId, skuKey: sku, name: 'a.txt', text: codes(1, 20) });
    const ids = db.prepare('SELECT id FROM stock_items ORDER BY id').pluck().all() as number[];
    db.prepare("UPDATE stock_items SET state = 'delivered' WHERE id = ?").run(ids[0]);
    expect(voidItems(db, { shopId, batchId: batchId! })).toEqual({ voided: 19 });
    expect(getProduct(db, shopId, sku).levels).toMatchObject({ available: 0, delivered: 1, voided: 19 });
    expect(restoreItems(db, { shopId, itemIds: ids.slice(1, 6) })).toEqual({ restored: 5 });
    expect(moveItems(db, { shopId, itemIds: ids.slice(1, 3), toSkuKey: other })).toEqual({ moved: 2 });
    expect(getProduct(db, shopId, sku).levels).toMatchObject({ available: 3, delivered: 1, voided: 14 });
    expect(getProduct(db, shopId, other).levels).toMatchObject({ available: 2 });
    expect(() => voidItems(db, { shopId, itemIds: [ids[0]] })).toThrow(AppError);
    expect(() => moveItems(db, { shopId, itemIds: [ids[0]], toSkuKey: other })).toThrow(/已发货/);
    const total = db.prepare('SELECT count(*) FROM stock_items').pluck().get();
    expect(total).toBe(20);
  });

  it('shows expired items apart and the shortage against waiting orders', () => {
    const { db, shopId, sku } = setup();
    process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
    try {
      importStock(db, { shopId, skuKey: sku, name: 'old.txt', text: codes(1, 3), expiresAt: '2026-06-01' });
      importStock(db, { shopId, skuKey: sku, name: 'new.txt', text: codes(100, 2), expiresAt: '2027-01-01' });
      const p = getProduct(db, shopId, sku);
      expect(p.levels).toMatchObject({ available: 2, expired: 3 });
      expect(p.shortage).toBe(Math.max(0, p.waitingUnits - 2));
      expect(p.waitingUnits).toBeGreaterThan(2);
      expect(listItems(db, { shopId, skuKey: sku, state: 'expired' }).total).toBe(3);
    } finally {
      delete process.env.VSHIP_NOW;
    }
  });

  it('masks secrets in lists; revealing one is recorded in the ledger without the secret', () => {
    const { db, shopId, sku } = setup();
    setProduct(db, shopId, sku, { kind: 'card' });
    importStock(db, { shopId, skuKey: sku, name: 'c.txt', text: '8831000012344410----SECRET-PW-1\n' });
    const { rows } = listItems(db, { shopId, skuKey: sku });
    expect(rows).toHaveLength(1);
    // 16 digits: the first 2 and the last 2 (shared/rules/mask.ts); the password never, not even its length.
    expect(rows[0].masked).toBe('88****10 / ******');
    for (const secret of ['SECRET-PW-1', '8831000012344410', '310000123444']) expect(JSON.stringify(rows), secret).not.toContain(secret);
    expect(revealItem(db, shopId, rows[0].id)).toMatchObject({ cardNo: '8831000012344410', password: 'SECRET-PW-1' });
    const entries = db.prepare("SELECT * FROM ledger WHERE event = 'stock.reveal'").all();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(db.prepare('SELECT * FROM ledger').all())).not.toContain('SECRET-PW-1');
    expect(JSON.stringify(db.prepare('SELECT * FROM ledger').all())).not.toContain('8831000012344410');
    expect(verifyLedger(db)).toMatchObject({ ok: true });
  });

  it('detects tampering with the ledger', () => {
    const { db, shopId, sku } = setup();
    importStock(db, { shopId, skuKey: sku, name: 'a.txt', text: codes(1, 3) });
    importStock(db, { shopId, skuKey: sku, name: 'b.txt', text: codes(10, 3) });
    expect(() => db.prepare("UPDATE ledger SET detail = '{}' WHERE id = 1").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER ledger_no_update');
    db.prepare("UPDATE ledger SET detail = '{\"added\":999}' WHERE id = 1").run();
    expect(verifyLedger(db)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('needs a stocked delivery kind before importing', () => {
    const { db, shopId, sku } = setup();
    setProduct(db, shopId, sku, { kind: 'recharge' });
    expect(() => importStock(db, { shopId, skuKey: sku, name: 'a.txt', text: 'X' })).toThrow(/不使用库存/);
  });
});
