import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBeijingIso } from '../../shared/rules/classify';
import { badFiles, generateOrders, toCsv, toXlsx } from '../fixtures/orders';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();


useBuiltCli();

describe('vship CLI', () => {
  const table = generateOrders({ count: 120, seed: 31, optional: true });
  const shippable = table.expected.filter((e) => e.shippable).length;

  it('imports files and prints a JSON summary', async () => {
    const dir = tempDir();
    const csv = join(dir, '订单导出.csv');
    writeFileSync(csv, toCsv(table, { encoding: 'gbk', trailingTabs: true }));
    const r = vship(['import', csv, '--data-dir', join(dir, 'data'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ read: 120, new: 120, updated: 0, unchanged: 0, shippable, notShippable: 120 - shippable });
    const again = JSON.parse(vship(['import', csv, '--data-dir', join(dir, 'data'), '--json']).stdout);
    expect(again).toMatchObject({ read: 120, new: 0, unchanged: 120 });
    // an XLSX of the same orders into another shop, by VSHIP_DATA_DIR
    const xlsx = join(dir, 'orders.xlsx');
    writeFileSync(xlsx, await toXlsx(table));
    const r2 = vship(['import', xlsx, '--shop', '二号店', '--json'], { VSHIP_DATA_DIR: join(dir, 'data') });
    expect(JSON.parse(r2.stdout)).toMatchObject({ shop: '二号店', new: 120 });
  });

  it('lists orders as JSON with every documented field, numbers as text', () => {
    const dir = tempDir();
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, toCsv(table));
    vship(['import', csv, '--data-dir', dir]);
    const all = JSON.parse(vship(['orders', '--data-dir', dir, '--json']).stdout);
    expect(all).toHaveLength(120);
    // Every row, every documented field, exactly as the export says (text stays text: ids and numbers as strings).
    const byNo = new Map(table.expected.map((e) => [e.orderNo, e]));
    expect(new Set(all.map((o: { orderNo: string }) => o.orderNo))).toEqual(new Set(byNo.keys()));
    for (const o of all) {
      const e = byNo.get(o.orderNo)!;
      expect(Object.keys(o), o.orderNo).toEqual(expect.arrayContaining(['orderNo', 'status', 'afterSale', 'shippable', 'reason', 'productName', 'productId', 'spec', 'skuCode', 'quantity', 'paidAt', 'shipBy', 'rechargeNo', 'province']));
      expect({
        orderNo: o.orderNo, status: o.status, afterSale: o.afterSale, shippable: o.shippable, productName: o.productName, productId: o.productId,
        spec: o.spec, skuCode: o.skuCode, quantity: o.quantity, paidAt: o.paidAt, rechargeNo: o.rechargeNo, province: o.province,
      }, o.orderNo).toEqual({
        orderNo: e.orderNo, status: e.status, afterSale: e.afterSale, shippable: e.shippable, productName: e.productName, productId: e.productId,
        spec: e.spec, skuCode: e.skuCode, quantity: e.quantity, paidAt: e.paidAt, rechargeNo: e.rechargeNo, province: e.province,
      });
      expect(o.reason === null, o.orderNo).toBe(e.shippable);
      expect(o.shipBy, o.orderNo).toBe(e.shipBy ?? toBeijingIso(Date.parse(e.paidAt) + 48 * 3600_000));
      expect(o.shipBy, o.orderNo).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
    const ok = JSON.parse(vship(['orders', '--shippable', '--data-dir', dir, '--json']).stdout);
    const blocked = JSON.parse(vship(['orders', '--blocked', '--data-dir', dir, '--json']).stdout);
    expect(ok).toHaveLength(shippable);
    expect(blocked).toHaveLength(120 - shippable);
    expect(blocked.filter((o: { reason: string | null }) => !o.reason)).toEqual([]);
    // urgent first
    const times = ok.map((o: { shipBy: string }) => Date.parse(o.shipBy));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const text = vship(['orders', '--data-dir', dir]);
    expect(text.stdout).toContain(table.expected[0].orderNo);
  });

  it('refuses an interrupted download with exit 1 and leaves the orders as they were', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, toCsv(table));
    expect(vship(['import', csv, '--data-dir', data, '--json']).code).toBe(0);
    const before = vship(['orders', '--data-dir', data, '--json']).stdout;
    const bad = (await badFiles()).truncatedCsv;
    const f = join(dir, bad.name);
    writeFileSync(f, bad.bytes);
    const r = vship(['import', f, '--data-dir', data, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/文件不完整/);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'FILE_TRUNCATED', file: bad.name, row: 5 });
    expect(vship(['orders', '--data-dir', data, '--json']).stdout).toBe(before);
  });

  it('refuses bad input with exit 1, a Chinese message on stderr and a JSON error on stdout', async () => {
    const dir = tempDir();
    const bad = (await badFiles()).legacyXls;
    const f = join(dir, bad.name);
    writeFileSync(f, bad.bytes);
    const r = vship(['import', f, '--data-dir', dir, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/另存为/);
    const e = JSON.parse(r.stdout);
    expect(e.error).toMatchObject({ code: 'XLS_LEGACY', file: bad.name });
    const missing = vship(['import', join(dir, 'nope.csv'), '--data-dir', dir, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toMatchObject({ code: 'FILE_NOT_FOUND', file: join(dir, 'nope.csv') });
    // A file over the import limit is refused from its size, before a byte is read (a sparse file).
    const huge = join(dir, 'huge.csv');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 1024 * 1024 * 1024 + 1);
    closeSync(fd);
    const tooBig = vship(['import', huge, '--data-dir', dir, '--json']);
    expect(tooBig.code).toBe(1);
    expect(JSON.parse(tooBig.stdout).error).toMatchObject({ code: 'FILE_TOO_LARGE', file: huge, notes: [{ key: 'SIZE_LIMIT', params: { limit: '1 GB' } }] });
    expect(tooBig.stderr).toMatch(/文件太大/);
    const unknownShop = vship(['orders', '--shop', '不存在', '--data-dir', dir, '--json']);
    expect(unknownShop.code).toBe(1);
    expect(JSON.parse(unknownShop.stdout).error.code).toBe('SHOP_NOT_FOUND');
    // a wrong command line is not bad input: exit 2 (cli-usage.test.ts)
    expect(vship(['frobnicate', '--data-dir', dir]).code).toBe(2);
  });

  it('manages shops', () => {
    const dir = tempDir();
    expect(vship(['shops', 'add', '旗舰店', '--data-dir', dir]).code).toBe(0);
    const shops = JSON.parse(vship(['shops', '--data-dir', dir, '--json']).stdout);
    expect(shops.map((s: { name: string }) => s.name)).toEqual(['默认店铺', '旗舰店']);
    expect(vship(['shops', 'add', '旗舰店', '--data-dir', dir, '--json']).code).toBe(1);
  });
});
