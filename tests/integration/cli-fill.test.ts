import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { verifyLedger } from '../../main/core/services/ledger';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

useBuiltCli();

describe('vship fill, assign, unassign, messages', () => {
  it('fills from stock, shows masked items, reveals on request (recorded), writes messages', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 80, seed: 95, statusMix: 'all-shippable' })));
    vship(['import', join(dir, 'o.csv'), '--data-dir', dir]);
    const products = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout) as { skuKey: string; waitingUnits: number }[];
    const [a, b] = products.sort((x, y) => y.waitingUnits - x.waitingUnits);
    vship(['product', 'set', a.skuKey, '--kind', 'code', '--template', '{订单号} 激活码 {激活码}', '--data-dir', dir]);
    vship(['product', 'set', b.skuKey, '--kind', 'card', '--data-dir', dir]);
    writeFileSync(join(dir, 'codes.txt'), Array.from({ length: a.waitingUnits }, (_, i) => `ACT-${1000 + i}-XYZ`).join('\n'));
    expect(vship(['stock', 'import', join(dir, 'codes.txt'), '--product', a.skuKey, '--data-dir', dir]).code).toBe(0);

    const r = vship(['fill', '--data-dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout);
    expect(f.filled).toBeGreaterThan(0);
    for (const k of ['filled', 'short', 'skipped']) expect(f).toHaveProperty(k);
    expect(f.short.every((s: { orderNo: string; need: number; available: number }) => typeof s.orderNo === 'string' && s.need > s.available)).toBe(true);
    expect(f.skipped.some((s: { reason: string }) => s.reason === '商品未确认发货方式')).toBe(true);
    expect(JSON.parse(vship(['fill', '--data-dir', dir, '--json']).stdout).filled).toBe(0);

    const orders = JSON.parse(vship(['orders', '--shippable', '--data-dir', dir, '--json']).stdout) as { orderNo: string; skuCode: string; quantity: number; items: { id: number; masked: string }[] }[];
    const filled = orders.filter((o) => o.items.length);
    expect(filled.length).toBe(f.filled);
    expect(filled[0].items[0].masked).toMatch(/^ACT-\*\*\*\*-XYZ$|^ACT-\*\*\*\*XYZ$|\*\*\*\*/);
    expect(JSON.stringify(orders)).not.toMatch(/ACT-\d{4}-XYZ/);
    const revealed = JSON.parse(vship(['orders', '--shippable', '--reveal', '--data-dir', dir, '--json']).stdout) as { orderNo: string; items: { code: string }[] }[];
    expect(revealed.find((o) => o.orderNo === filled[0].orderNo)!.items[0].code).toMatch(/^ACT-\d{4}-XYZ$/);

    // by hand: two orders of the card product
    const [o1, o2] = orders.filter((o) => o.skuCode === b.skuKey && o.items.length === 0);
    const cards = (n: number, from: number) => Array.from({ length: n }, (_, i) => `88310000123${String(from + i).padStart(5, '0')}----PWD-${from + i}`);
    const first = cards(o1.quantity, 0);
    const as = vship(['assign', o1.orderNo, ...first, '--data-dir', dir, '--json']);
    expect(as.code, as.stderr).toBe(0);
    expect(JSON.parse(as.stdout)[0].masked).toBe('88****00 / ******');
    const dup = vship(['assign', o2.orderNo, first[0], ...cards(o2.quantity - 1, 100), '--data-dir', dir, '--json']);
    expect(dup.code).toBe(1);
    expect(JSON.parse(dup.stdout).error.code).toBe('ASSIGN_DUPLICATE');
    expect(JSON.parse(vship(['unassign', o1.orderNo, '--data-dir', dir, '--json']).stdout)).toEqual({ released: o1.quantity, quarantined: 0 });

    const out = join(dir, '发货消息.csv');
    const m = vship(['messages', '--out', out, '--data-dir', dir, '--json']);
    expect(JSON.parse(m.stdout).count).toBe(f.filled);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain(`"${filled[0].orderNo}","${filled[0].orderNo} 激活码 ACT-`);

    const db = openDatabase(dir);
    // one recorded reveal for `orders --reveal` (all orders at once), one for the messages
    expect(db.prepare("SELECT count(*) FROM ledger WHERE event = 'reveal'").pluck().get()).toBe(2);
    expect(verifyLedger(db).ok).toBe(true);
    db.close();
  });
});
