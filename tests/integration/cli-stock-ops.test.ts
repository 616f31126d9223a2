/**
 * The CLI's stock operations, undo of a fill and recharge marks (issue 14), through the built
 * `vship` as a script runs it: what each prints, what it leaves in the data folder, and each
 * refusal with its exit code and error code, nothing changed.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase } from '../../main/core/db/open';
import { verifyLedger } from '../../main/core/services/ledger';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, vship } from '../helpers/cli';
import { codes } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
useBuiltCli();

/** `vship ARGS --data-dir DIR --json`, its exit code and its JSON. */
function json(dir: string, args: string[]): { code: number | null; out: any; stderr: string } { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = vship([...args, '--data-dir', dir, '--json']);
  return { code: r.code, out: r.stdout.trim() ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}
function ok(dir: string, args: string[]) {
  const r = json(dir, args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.out;
}

/** A read-only look at the data folder (the CLI is the writer). */
function look<T>(dir: string, f: (db: Database.Database) => T): T {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try { return f(db); } finally { db.close(); }
}
const stockRows = (dir: string) => look(dir, (db) => db.prepare('SELECT id, product_id, state, voided_at IS NOT NULL AS voided FROM stock_items ORDER BY id').all());
const ledgerEvents = (dir: string) => look(dir, (db) => db.prepare('SELECT event FROM ledger ORDER BY id').pluck().all() as string[]);

/** A data folder with an imported export; products by most waiting units first. */
function shop(opts: { seed: number; statusMix?: 'all-shippable'; optional?: boolean }) {
  const dir = tempDir();
  writeFileSync(join(dir, 'o.csv'), toCsv(generateOrders({ count: 60, seed: opts.seed, statusMix: opts.statusMix, optional: opts.optional })));
  ok(dir, ['import', join(dir, 'o.csv')]);
  const products = (ok(dir, ['products']) as { skuKey: string; title: string; waitingUnits: number }[]).sort((a, b) => b.waitingUnits - a.waitingUnits);
  return { dir, products };
}

function stockFile(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, `${text}\n`);
  return p;
}

const levels = (dir: string, skuKey: string) => (ok(dir, ['stock', '--product', skuKey]) as { available: number; reserved: number; voided: number; delivered: number }[])[0];

describe('vship stock void | restore | move', () => {
  it('voids a batch, restores items, moves items to another product; each says how many and is recorded', () => {
    const { dir, products: [a, b] } = shop({ seed: 201 });
    ok(dir, ['product', 'set', a.skuKey, '--kind', 'code']);
    ok(dir, ['product', 'set', b.skuKey, '--kind', 'code']);
    const batch = ok(dir, ['stock', 'import', stockFile(dir, 'a.txt', codes('A', 10)), '--product', a.skuKey]).batchId as number;
    ok(dir, ['stock', 'import', stockFile(dir, 'b.txt', codes('B', 3)), '--product', b.skuKey]);
    const ids = look(dir, (db) => db.prepare('SELECT id FROM stock_items WHERE batch_id = ? ORDER BY id').pluck().all(batch) as number[]);
    expect(ids).toHaveLength(10);

    expect(vship(['stock', 'void', '--batch', String(batch), '--data-dir', dir]).stdout.trim()).toBe(`已作废 10 条（批次 ${batch}）`);
    expect(levels(dir, a.skuKey)).toMatchObject({ available: 0, voided: 10 });
    expect(ok(dir, ['stock', 'void', '--batch', String(batch)])).toEqual({ voided: 0 });

    expect(ok(dir, ['stock', 'restore', '--items', `${ids[0]},${ids[1]},${ids[2]}`])).toEqual({ restored: 3 });
    expect(levels(dir, a.skuKey)).toMatchObject({ available: 3, voided: 7 });

    expect(vship(['stock', 'move', '--items', `${ids[0]},${ids[1]}`, '--to', b.skuKey, '--data-dir', dir]).stdout.trim()).toBe(`已移动 2 条到「${b.skuKey}」`);
    expect(levels(dir, a.skuKey)).toMatchObject({ available: 1, voided: 7 });
    expect(levels(dir, b.skuKey)).toMatchObject({ available: 5 });
    expect(look(dir, (db) => db.prepare('SELECT DISTINCT p.sku_key FROM stock_items i JOIN products p ON p.id = i.product_id WHERE i.id IN (?, ?)').pluck().all(ids[0], ids[1]))).toEqual([b.skuKey]);

    expect(ok(dir, ['stock', 'restore', '--batch', String(batch)])).toEqual({ restored: 7 });
    expect(levels(dir, a.skuKey)).toMatchObject({ available: 8, voided: 0 });
    expect(ledgerEvents(dir).filter((e) => e.startsWith('stock.') && e !== 'stock.import')).toEqual(['stock.void', 'stock.restore', 'stock.move', 'stock.restore']);
    const db = openDatabase(dir, { readOnly: true });
    expect(verifyLedger(db).ok).toBe(true);
    db.close();
  });

  it('refuses what it must, with its exit code and error code, and changes nothing', () => {
    const { dir, products: [a, b, c] } = shop({ seed: 202, statusMix: 'all-shippable' });
    expect(c).toBeDefined();
    ok(dir, ['product', 'set', a.skuKey, '--kind', 'code']);
    ok(dir, ['product', 'set', b.skuKey, '--kind', 'card']);
    const batch = ok(dir, ['stock', 'import', stockFile(dir, 'a.txt', codes('A', a.waitingUnits + 2)), '--product', a.skuKey]).batchId as number;
    ok(dir, ['fill']);
    const reserved = look(dir, (db) => db.prepare("SELECT id FROM stock_items WHERE state = 'reserved' ORDER BY id LIMIT 1").pluck().get() as number);
    const free = look(dir, (db) => db.prepare("SELECT id FROM stock_items WHERE state = 'available' ORDER BY id LIMIT 1").pluck().get() as number);
    const before = { stock: stockRows(dir), ledger: ledgerEvents(dir) };
    const refusals: [string[], number, string][] = [
      [['stock', 'void'], 2, 'USAGE'],
      [['stock', 'move', '--batch', String(batch)], 2, 'USAGE'],
      [['stock', 'void', '--items', 'x,1'], 2, 'USAGE'],
      [['stock', 'void', '--items', String(reserved)], 1, 'ITEM_LOCKED'],
      [['stock', 'move', '--items', String(reserved), '--to', a.skuKey], 1, 'ITEM_LOCKED'],
      [['stock', 'void', '--items', '999999'], 1, 'ITEM_NOT_FOUND'],
      [['stock', 'move', '--items', String(free), '--to', b.skuKey], 1, 'PRODUCT_KIND_NEEDED'],
      [['stock', 'move', '--items', String(free), '--to', 'no-such-product'], 1, 'PRODUCT_NOT_FOUND'],
      [['stock', 'move', '--items', String(free), '--to', c.skuKey], 1, 'PRODUCT_KIND_NEEDED'],
    ];
    for (const [args, exit, code] of refusals) {
      const r = json(dir, args);
      expect(r.code, args.join(' ')).toBe(exit);
      expect(r.out.error.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect({ stock: stockRows(dir), ledger: ledgerEvents(dir) }).toEqual(before);
  });
});

describe('vship fill --undo', () => {
  it('undoes the last fill (items back to stock), says when there is nothing to undo, and refuses once its orders were exported', () => {
    const { dir, products: [a] } = shop({ seed: 203, statusMix: 'all-shippable' });
    ok(dir, ['product', 'set', a.skuKey, '--kind', 'code']);
    ok(dir, ['stock', 'import', stockFile(dir, 'a.txt', codes('A', a.waitingUnits)), '--product', a.skuKey]);
    const f = ok(dir, ['fill']) as { fillId: number; filled: number; items: number };
    expect(f.items).toBe(a.waitingUnits);
    expect(levels(dir, a.skuKey)).toMatchObject({ available: 0, reserved: a.waitingUnits });
    expect(ok(dir, ['fill', '--undo'])).toEqual({ fillId: f.fillId, released: f.items });
    expect(levels(dir, a.skuKey)).toMatchObject({ available: a.waitingUnits, reserved: 0 });
    expect(look(dir, (db) => db.prepare('SELECT count(*) FROM allocations WHERE released_at IS NULL').pluck().get())).toBe(0);
    expect(vship(['fill', '--undo', '--data-dir', dir]).stdout.trim()).toBe('没有可撤销的填充');
    expect(ok(dir, ['fill', '--undo'])).toEqual({ fillId: null, released: 0 });

    const again = ok(dir, ['fill']) as { fillId: number; items: number };
    expect(vship(['fill', '--undo', '--data-dir', dir]).stdout.trim()).toBe(`已撤销第 ${again.fillId} 次填充，退回库存 ${again.items} 条`);
    const third = ok(dir, ['fill']) as { fillId: number; items: number };
    ok(dir, ['export', '--out', join(dir, 'out')]);
    const before = { stock: stockRows(dir), allocations: look(dir, (db) => db.prepare('SELECT * FROM allocations ORDER BY id').all()), ledger: ledgerEvents(dir) };
    const r = json(dir, ['fill', '--undo']);
    expect(r.code).toBe(1);
    expect(r.out.error.code).toBe('FILL_EXPORTED');
    expect(vship(['fill', '--undo', '--data-dir', dir]).stderr).toContain('已有订单导出');
    expect({ stock: stockRows(dir), allocations: look(dir, (db) => db.prepare('SELECT * FROM allocations ORDER BY id').all()), ledger: ledgerEvents(dir) }).toEqual(before);
    expect(look(dir, (db) => db.prepare('SELECT undone_at FROM fills WHERE id = ?').pluck().get(third.fillId))).toBeNull();
  });
});

describe('vship recharge', () => {
  it('marks a top-up order recharged with the supplier’s reference, recorded; refuses it twice, an order that cannot ship, an unknown one', () => {
    const { dir } = shop({ seed: 204, optional: true });
    const orders = ok(dir, ['orders']) as { orderNo: string; skuCode: string; shippable: boolean; rechargeNo: string; productName: string }[];
    const topUp = orders.find((o) => o.shippable && o.rechargeNo !== '')!;
    expect(topUp).toBeDefined();
    ok(dir, ['product', 'set', topUp.skuCode, '--kind', 'recharge']);
    const r = ok(dir, ['recharge', topUp.orderNo, '--ref', 'SUP-20260620-01']) as { kind: string; masked: string; rechargeRef: string }[];
    expect(r).toEqual([expect.objectContaining({ kind: 'recharge', masked: '已充值（SUP-20260620-01）', rechargeRef: 'SUP-20260620-01' })]);
    expect(look(dir, (db) => db.prepare("SELECT a.kind, a.source, a.recharge_ref, a.item_id FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ? AND a.released_at IS NULL").all(topUp.orderNo)))
      .toEqual([{ kind: 'recharge', source: 'recharge', recharge_ref: 'SUP-20260620-01', item_id: null }]);
    const ledger = look(dir, (db) => db.prepare("SELECT subject, detail FROM ledger WHERE event = 'recharge'").all());
    expect(ledger).toEqual([{ subject: `order:${topUp.orderNo}`, detail: JSON.stringify({ ref: 'SUP-20260620-01' }) }]);
    expect((ok(dir, ['orders']) as { orderNo: string; items: { kind: string; masked: string }[] }[]).find((o) => o.orderNo === topUp.orderNo)!.items)
      .toEqual([expect.objectContaining({ kind: 'recharge', masked: '已充值（SUP-20260620-01）' })]);
    // A fill leaves it as it is.
    ok(dir, ['fill']);
    expect(look(dir, (db) => db.prepare('SELECT count(*) FROM allocations a JOIN orders o ON o.id = a.order_id WHERE o.order_no = ?').pluck().get(topUp.orderNo))).toBe(1);

    const blocked = orders.find((o) => !o.shippable)!;
    const before = look(dir, (db) => db.prepare('SELECT count(*) FROM allocations').pluck().get());
    for (const [args, code] of [
      [['recharge', topUp.orderNo, '--ref', 'SUP-2'], 'ORDER_ALREADY_FILLED'],
      [['recharge', blocked.orderNo], 'ORDER_NOT_SHIPPABLE'],
      [['recharge', '260101-000000000000009'], 'ORDER_NOT_FOUND'],
    ] as [string[], string][]) {
      const x = json(dir, args);
      expect(x.code, args.join(' ')).toBe(1);
      expect(x.out.error.code, args.join(' ')).toBe(code);
    }
    expect(look(dir, (db) => db.prepare('SELECT count(*) FROM allocations').pluck().get())).toBe(before);
    expect(vship(['recharge', '--data-dir', dir]).code).toBe(2);
  });
});
