import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { verifyLedger } from '../../main/core/services/ledger';
import type { FillResult } from '../../shared/domain';
import { maskSecret } from '../../shared/rules/mask';
import { RULES } from '../../shared/rules/platform/catalogue';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, vship } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

useBuiltCli();

describe('vship fill, assign, unassign, messages', () => {
  it('says which orders a rule holds back from the fill, and why (--json: held)', () => {
    const dir = tempDir();
    const t = generateOrders({ count: 60, seed: 97, statusMix: 'all-shippable', optional: true });
    writeFileSync(join(dir, 'o.csv'), toCsv(t));
    vship(['import', join(dir, 'o.csv'), '--data-dir', dir]);
    const products = JSON.parse(vship(['products', '--data-dir', dir, '--json']).stdout) as { skuKey: string; waitingUnits: number }[];
    const a = products.sort((x, y) => y.waitingUnits - x.waitingUnits)[0];
    // Sold to 西藏 only: no order of the export comes from there, so the region lock holds every one.
    expect(vship(['product', 'set', a.skuKey, '--kind', 'code', '--region', '西藏', '--data-dir', dir]).code).toBe(0);
    writeFileSync(join(dir, 'codes.txt'), Array.from({ length: a.waitingUnits }, (_, i) => `REG-${1000 + i}-XYZ`).join('\n'));
    expect(vship(['stock', 'import', join(dir, 'codes.txt'), '--product', a.skuKey, '--data-dir', dir]).code).toBe(0);
    const orders = JSON.parse(vship(['orders', '--shippable', '--data-dir', dir, '--json']).stdout) as { orderNo: string; skuCode: string }[];
    const ofA = orders.filter((o) => o.skuCode === a.skuKey).map((o) => o.orderNo).sort();
    expect(ofA.length).toBeGreaterThanOrEqual(2);
    const f = JSON.parse(vship(['fill', '--data-dir', dir, '--json']).stdout) as FillResult;
    expect(f.filled).toBe(0);
    expect([...f.held].sort((x, y) => x.orderNo.localeCompare(y.orderNo))).toEqual(ofA.map((orderNo) => ({ orderNo, rule: 'REGION_LOCK' })));
    const text = vship(['fill', '--data-dir', dir]);
    expect(text.stdout).toContain(`规则拦截 ${ofA.length} 个：${RULES.REGION_LOCK.title}（REGION_LOCK`);
  });


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
    const f = JSON.parse(r.stdout) as FillResult;
    expect(f.fillId).toBe(1);
    expect(f.inconsistent).toEqual([]);
    expect(JSON.parse(vship(['fill', '--data-dir', dir, '--json']).stdout).filled).toBe(0);

    const orders = JSON.parse(vship(['orders', '--shippable', '--data-dir', dir, '--json']).stdout) as { orderNo: string; skuCode: string; quantity: number; items: { id: number; masked: string }[] }[];
    const nosOf = (pred: (o: (typeof orders)[number]) => boolean) => orders.filter(pred).map((o) => o.orderNo).sort();
    // The code product's orders are filled (its stock is exactly what they need), the card product's are short
    // (no stock: each needs its quantity, 0 left), every other product's are skipped (not confirmed).
    const filled = orders.filter((o) => o.items.length);
    expect(filled.map((o) => o.orderNo).sort()).toEqual(nosOf((o) => o.skuCode === a.skuKey));
    expect(f.filled).toBe(filled.length);
    expect(f.items).toBe(a.waitingUnits);
    for (const o of filled) expect(o.items, o.orderNo).toHaveLength(o.quantity);
    const cardOrders = orders.filter((o) => o.skuCode === b.skuKey);
    expect(cardOrders.length).toBeGreaterThanOrEqual(2);
    expect([...f.short].sort((x, y) => x.orderNo.localeCompare(y.orderNo))).toEqual(
      [...cardOrders].sort((x, y) => x.orderNo.localeCompare(y.orderNo)).map((o) => ({ orderNo: o.orderNo, skuKey: b.skuKey, need: o.quantity, available: 0 })));
    const others = nosOf((o) => o.skuCode !== a.skuKey && o.skuCode !== b.skuKey);
    expect(others.length).toBeGreaterThan(0);
    expect(f.skipped.map((s) => s.orderNo).sort()).toEqual(others);
    expect(new Set(f.skipped.map((s) => [s.code, s.reason].join(' ')))).toEqual(new Set(['PRODUCT_UNCONFIRMED 商品未确认发货方式']));

    // Masked: a code ACT-1000-XYZ (12 characters) shows its first 2 and last 2 only, as shared/rules/mask.ts says.
    expect(maskSecret('ACT-1000-XYZ')).toBe('AC****YZ');
    for (const o of filled) expect(o.items.map((i) => i.masked), o.orderNo).toEqual(Array(o.quantity).fill('AC****YZ'));
    const listed = JSON.stringify(orders);
    expect(listed).not.toMatch(/ACT-\d{4}-XYZ/);
    expect(listed).not.toMatch(/T-\d{4}-X|-\d{4}-/);
    const revealed = JSON.parse(vship(['orders', '--shippable', '--reveal', '--data-dir', dir, '--json']).stdout) as { orderNo: string; items: { code: string }[] }[];
    const codesOf = new Map(revealed.map((o) => [o.orderNo, o.items.map((i) => i.code)]));
    const handedOut = filled.flatMap((o) => codesOf.get(o.orderNo)!);
    expect(handedOut.sort()).toEqual(Array.from({ length: a.waitingUnits }, (_, i) => `ACT-${1000 + i}-XYZ`).sort());

    // by hand: two orders of the card product
    const [o1, o2] = orders.filter((o) => o.skuCode === b.skuKey && o.items.length === 0);
    const cards = (n: number, from: number) => Array.from({ length: n }, (_, i) => `88310000123${String(from + i).padStart(5, '0')}----PWD-${from + i}`);
    const first = cards(o1.quantity, 0);
    const as = vship(['assign', o1.orderNo, ...first, '--data-dir', dir, '--json']);
    expect(as.code, as.stderr).toBe(0);
    // 16-digit card numbers show 2 + 2, the password never: one masked line per item, in the order given.
    expect(JSON.parse(as.stdout).map((x: { masked: string }) => x.masked)).toEqual(first.map((c) => `${maskSecret(c.split('----')[0])} / ******`));
    expect(JSON.parse(as.stdout).map((x: { masked: string }) => x.masked)).toEqual(first.map((_, i) => `88****${String(i).padStart(5, '0').slice(-2)} / ******`));
    expect(as.stdout).not.toMatch(/8831000012|PWD-/);
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
