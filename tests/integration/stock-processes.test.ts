import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFill } from '../../main/core/services/allocation';
import { listProducts } from '../../main/core/services/products';
import { generateOrders } from '../fixtures/orders';
import { useBuiltCli } from '../helpers/cli';
import { codes, codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { describeRounds, killRounds } from '../helpers/kill-rounds';
import { PINNED_ENV, withPinnedClock } from '../helpers/pinned-clock';

const tempDir = useTempDirs();

useBuiltCli();

describe('stock imports across processes', () => {
  it('a stock import killed (SIGKILL) at any moment leaves exactly the database before it or exactly the one after it', async () => {
    // Before: 2,000 orders, half stocked, filled. The import: 30,000 codes for one product (a
    // supplier's whole batch), and 20 the shop already has (reported as duplicates, not added).
    const pristine = tempDir();
    const { skuKey, had } = withPinnedClock(() => {
      const { db, shopId } = codeShop(pristine, generateOrders({ count: 2000, seed: 92, statusMix: 'all-shippable' }), (_, waiting) => Math.floor(waiting / 2));
      expect(runFill(db, shopId).filled).toBeGreaterThan(0);
      const p = listProducts(db, shopId).sort((a, b) => b.waitingUnits - a.waitingUnits)[0];
      const had = db.prepare('SELECT i.code FROM stock_items i JOIN products p ON p.id = i.product_id WHERE p.shop_id = ? AND p.sku_key = ? ORDER BY i.id LIMIT 20').pluck().all(shopId, p.skuKey) as string[];
      db.close();
      return { skuKey: p.skuKey, had };
    });
    expect(had).toHaveLength(20);
    const file = join(tempDir(), 'batch.txt');
    writeFileSync(file, `${codes('NEW', 30_000)}\n${had.join('\n')}\n`);

    const k = await killRounds({ pristine, args: (dir) => ['stock', 'import', file, '--product', skuKey, '--data-dir', dir, '--json'], begin: 'stock.import.begin', end: 'stock.import.beforeCommit', committed: 'stock.import.committed', rounds: 8, newDir: tempDir, env: PINNED_ENV });
    console.log(describeRounds('stock import kill test', k));
    expect(k.after.tables.stock_items.rows - k.before.tables.stock_items.rows).toBe(30_000);
    expect(k.after.tables.stock_batches.rows - k.before.tables.stock_batches.rows).toBe(1);
    expect(k.rounds.filter((r) => r.midWork).length).toBeGreaterThan(k.rounds.length / 2);
  });
});
