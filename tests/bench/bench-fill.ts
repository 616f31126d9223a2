/**
 * Filling 100,000 orders from pools holding 1,000,000 items (issue #4; target under 5 s).
 * Run by `npm run bench`; prints time and peak memory, asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { importStock } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv } from '../fixtures/orders';

const ORDERS = Number(process.env.BENCH_FILL_ORDERS ?? 100_000);
const ITEMS = Number(process.env.BENCH_FILL_ITEMS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'vship-bench-fill-'));
try {
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  let t = performance.now();
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: ORDERS, seed: 5, statusMix: 'all-shippable' })) }], { shipPromiseHours: 48 });
  const products = listProducts(db, shopId);
  const units = products.reduce((n, p) => n + p.waitingUnits, 0);
  for (const [i, p] of products.entries()) {
    setProduct(db, shopId, p.skuKey, { kind: 'code' });
    // pools in proportion to demand, ITEMS in all, imported in batches of 100k
    let n = Math.round((p.waitingUnits / units) * ITEMS);
    for (let b = 0; n > 0; b++) {
      const k = Math.min(n, 100_000);
      importStock(db, { shopId, skuKey: p.skuKey, name: `p${i}-${b}.txt`, text: Array.from({ length: k }, (_, j) => `P${i}-B${b}-${j}-${(j * 2654435761 >>> 0).toString(36)}`).join('\n') });
      n -= k;
    }
  }
  const prepS = (performance.now() - t) / 1000;
  t = performance.now();
  const r = fill(db, shopId, { cooldownHours: 2 });
  const s = (performance.now() - t) / 1000;
  console.log(`| fill | ${ORDERS.toLocaleString('en')} orders from pools of ${ITEMS.toLocaleString('en')} items | ${s.toFixed(2)} s | filled ${r.filled}, ${r.items} items, short ${r.short.length} | peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB | set-up ${prepS.toFixed(0)} s |`);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
