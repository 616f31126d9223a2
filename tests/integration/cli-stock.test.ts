import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateOrders, toCsv } from '../fixtures/orders';
import { cards, cardText, orderExport } from '../fixtures/stock';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

useBuiltCli();

describe('vship products and stock', () => {
  it('lists products, sets one, imports stock with duplicates reported, and shows levels', () => {
    const dir = tempDir();
    const orders = join(dir, 'orders.csv');
    const table = generateOrders({ count: 200, seed: 61 });
    writeFileSync(orders, toCsv(table));
    expect(vship(['import', orders, '--data-dir', dir]).code).toBe(0);

    // One product per SKU key of the export, every one listed with its waiting orders and units, none set up yet.
    const products = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout) as { skuKey: string; title: string; kind: string | null; suggestion: { kind: string } | null; confirmed: boolean; waiting: number; waitingUnits: number; available: number }[];
    const keyOf = (e: (typeof table.expected)[number]) => e.skuCode || `style:${e.styleId}`;
    const keys = [...new Set(table.expected.map(keyOf))].sort();
    expect(keys.length).toBeGreaterThan(1);
    expect(products.map((x) => x.skuKey).sort()).toEqual(keys);
    for (const x of products) {
      const mine = table.expected.filter((e) => e.shippable && keyOf(e) === x.skuKey);
      expect(Object.keys(x), x.skuKey).toEqual(expect.arrayContaining(['skuKey', 'title', 'spec', 'kind', 'confirmed', 'waiting', 'available']));
      // Not confirmed: the kind shown is VShip's suggestion, if any.
      expect({ kind: x.kind, confirmed: x.confirmed, waiting: x.waiting, waitingUnits: x.waitingUnits, available: x.available }, x.skuKey)
        .toEqual({ kind: x.suggestion?.kind ?? null, confirmed: false, waiting: mine.length, waitingUnits: mine.reduce((n, e) => n + e.quantity, 0), available: 0 });
      expect(table.expected.filter((e) => keyOf(e) === x.skuKey).map((e) => e.productName), x.skuKey).toContain(x.title);
    }
    const p = products.sort((a: { waiting: number }, b: { waiting: number }) => b.waiting - a.waiting)[0];

    const set = vship(['product', 'set', p.skuKey, '--kind', 'card', '--valid-days', '7', '--ship-hours', '24', '--region', '江苏,浙江', '--data-dir', dir, '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ kind: 'card', confirmed: true, terms: { validDays: 7, shipHours: 24, region: ['江苏', '浙江'] } });

    const cards = join(dir, 'cards.txt');
    writeFileSync(cards, iconv.encode('卡号----密码\n8831000012344410----甲PW1\n8831000012344411----PW2\n8831000012344410----PW3\n', 'gb18030'));
    const imp = vship(['stock', 'import', cards, '--product', p.skuKey, '--data-dir', dir, '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ added: 2, duplicates: [{ line: 4, where: 'file' }], rejected: [] });
    const again = JSON.parse(vship(['stock', 'import', cards, '--product', p.skuKey, '--data-dir', dir, '--json']).stdout);
    expect(again).toMatchObject({ added: 0, duplicates: [{ line: 2, where: 'history' }, { line: 3, where: 'history' }, { line: 4, where: 'file' }] });

    const levels = JSON.parse(vship(['stock', '--product', p.skuKey, '--data-dir', dir, '--json']).stdout);
    expect(levels).toEqual([expect.objectContaining({ skuKey: p.skuKey, available: 2, reserved: 0, delivered: 0, expired: 0, voided: 0, shortage: Math.max(0, p.waitingUnits - 2) })]);
    // nothing secret on any output: a duplicate is named by its line only
    expect(JSON.parse(imp.stdout).duplicates).toEqual([{ line: 4, where: 'file' }]);
    expect(again.duplicates).toEqual([{ line: 2, where: 'history' }, { line: 3, where: 'history' }, { line: 4, where: 'file' }]);
    for (const secret of ['PW1', 'PW2', 'PW3', '8831000012344410', '8831000012344411', '310000123444']) expect(imp.stdout + JSON.stringify(again), secret).not.toContain(secret);
  });

  it('rejects a stock file with a bad line: exit 1, line numbers, nothing imported', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 30, seed: 62 })));
    vship(['import', join(dir, 'o.csv'), '--data-dir', dir]);
    const sku = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout)[0].skuKey;
    vship(['product', 'set', sku, '--kind', 'code', '--data-dir', dir]);
    writeFileSync(join(dir, 'codes.txt'), `GOOD-1\n${'x'.repeat(1200)}\nGOOD-2\n`);
    const r = vship(['stock', 'import', join(dir, 'codes.txt'), '--product', sku, '--data-dir', dir, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 0, rejected: [{ line: 2 }] });
    expect(JSON.parse(vship(['stock', '--product', sku, '--data-dir', dir, '--json']).stdout)[0].available).toBe(0);
    // an unknown kind is a wrong command line: exit 2, code USAGE (cli-usage.test.ts)
    const bad = vship(['product', 'set', sku, '--kind', 'banana', '--data-dir', dir, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'USAGE', detail: '--kind' });
  });

  it('refuses an order export given as stock, and lines of another shape: exit 1, the code, nothing imported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 30, seed: 63 })));
    vship(['import', join(dir, 'o.csv'), '--data-dir', dir]);
    const sku = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout)[0].skuKey;
    vship(['product', 'set', sku, '--kind', 'code', '--data-dir', dir]);
    for (const format of ['csv', 'xlsx', 'zip'] as const) {
      const f = await orderExport(format);
      writeFileSync(join(dir, f.name), f.bytes);
      const r = vship(['stock', 'import', join(dir, f.name), '--product', sku, '--data-dir', dir, '--json']);
      expect(r.code, format).toBe(1);
      expect(JSON.parse(r.stdout).error, format).toMatchObject({ code: 'STOCK_IS_ORDER_EXPORT' });
      const plain = vship(['stock', 'import', join(dir, f.name), '--product', sku, '--data-dir', dir]);
      expect(plain.stderr, format).toContain('这是订单导出文件');
    }
    writeFileSync(join(dir, 'cards.txt'), cardText(cards(4)));
    const shape = vship(['stock', 'import', join(dir, 'cards.txt'), '--product', sku, '--data-dir', dir, '--json']);
    expect(shape.code).toBe(1);
    expect(JSON.parse(shape.stdout).error).toMatchObject({ code: 'STOCK_SHAPE_MISMATCH', notes: [{ key: 'LOOKS_LIKE_CARD' }, { key: 'SHAPE_LINES' }] });
    expect(JSON.parse(vship(['stock', '--product', sku, '--data-dir', dir, '--json']).stdout)[0].available).toBe(0);
  });
});
