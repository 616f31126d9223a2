/**
 * Stock import at scale: 100,000 codes into a pool that already holds 1,000,000 (issue #3;
 * target under 5 s). Run by `npm run bench`; prints time and peak memory, asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { importStock } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv } from '../fixtures/orders';

const codes = (prefix: string, n: number) => {
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = `${prefix}-${String(i).padStart(9, '0')}-${((i * 2654435761) >>> 0).toString(36).toUpperCase()}`;
  return out.join('\n');
};

const dir = mkdtempSync(join(tmpdir(), 'vship-bench-stock-'));
try {
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: 1000, seed: 3 })) }], { shipPromiseHours: 48 });
  const sku = listProducts(db, shopId)[0].skuKey;
  setProduct(db, shopId, sku, { kind: 'code' });
  let t = performance.now();
  for (let b = 0; b < 10; b++) importStock(db, { shopId, skuKey: sku, name: `seed-${b}.txt`, text: codes(`SEED${b}`, 100_000) });
  const seedS = (performance.now() - t) / 1000;
  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  const r = importStock(db, { shopId, skuKey: sku, name: 'new.txt', text: codes('NEW', 100_000) });
  const s = (performance.now() - t) / 1000;
  console.log(`| stock import | 100,000 codes into a pool of 1,000,000 | ${s.toFixed(2)} s | added ${r.added} | peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (RSS before ${Math.round(rssBefore / 1048576)} MB) | seeding 1M took ${seedS.toFixed(1)} s |`);
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
