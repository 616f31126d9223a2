import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { runFill } from '../../main/core/services/allocation';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { useBuiltCli } from '../helpers/cli';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { describeRounds, killRounds } from '../helpers/kill-rounds';
import { PINNED_ENV, withPinnedClock } from '../helpers/pinned-clock';

const tempDir = useTempDirs();

useBuiltCli();

describe('order imports across processes', () => {
  it('an order import killed (SIGKILL) at any moment leaves exactly the database before it or exactly the one after it', async () => {
    // Before: the first 1,500 orders of a later export, stocked and filled. The import brings the
    // whole later export: 6,000 orders, 4,500 new, and one in five of the known ones refunded
    // before shipment (their items go back to stock, their history grows): one transaction that
    // touches orders, lines, history, products, allocations, stock, findings and the ledger.
    const t = generateOrders({ count: 6000, seed: 91 });
    const known: OrderTable = { ...t, rows: t.rows.slice(0, 1500), expected: t.expected.slice(0, 1500) };
    const pristine = tempDir();
    withPinnedClock(() => {
      const { db, shopId } = codeShop(pristine, known, (_, waiting) => waiting);
      expect(runFill(db, shopId).filled).toBeGreaterThan(0);
      db.close();
    });
    const status = t.headers.indexOf('订单状态');
    const refund = (r: string[], i: number) => i < 1500 && i % 5 === 0 && r[status] === '待发货';
    const later: OrderTable = { ...t, rows: t.rows.map((r, i) => (refund(r, i) ? r.map((c, k) => (k === status ? '未发货，退款成功' : c)) : r)) };
    const file = join(tempDir(), 'later.csv');
    writeFileSync(file, toCsv(later));

    const k = await killRounds({ pristine, args: (dir) => ['import', file, '--data-dir', dir, '--json'], begin: 'import.begin', end: 'import.beforeCommit', committed: 'import.committed', rounds: 8, newDir: tempDir, env: PINNED_ENV });
    console.log(describeRounds('order import kill test', k));
    // The after-state holds the whole export, and the refunds gave items back.
    const db = openDatabase(k.afterDir);
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(6000);
    expect(db.prepare("SELECT count(*) FROM allocations WHERE release_reason = 'refunded'").pluck().get()).toBeGreaterThan(0);
    db.close();
    expect(k.rounds.filter((r) => r.midWork).length).toBeGreaterThan(k.rounds.length / 2);
  });
});
