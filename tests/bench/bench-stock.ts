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
import Database from 'better-sqlite3';
import { generateOrders, toCsv } from '../fixtures/orders';
import { benchRow, peakMB } from './row';

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
  const peak = peakMB();
  db.close();
  // Bare: better-sqlite3 alone adding the same 100,000 codes, one transaction, to a uniquely
  // indexed table already holding the same 1,000,000 (no normal forms, no history, no ledger).
  const bare = new Database(join(dir, 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)');
  const ins = bare.prepare('INSERT INTO items (code) VALUES (?)');
  const addAll = bare.transaction((text: string) => { for (const c of text.split('\n')) ins.run(c); });
  for (let b = 0; b < 10; b++) addAll(codes(`SEED${b}`, 100_000));
  const tb = performance.now();
  addAll(codes('NEW', 100_000));
  const bareS = (performance.now() - tb) / 1000;
  bare.close();
  benchRow({ work: 'stock import', file: '100,000 codes into a pool of 1,000,000', rows: 100_000, ms: s * 1000, bareMs: bareS * 1000, peakMB: peak, barePeakMB: null, note: `bare better-sqlite3 inserts into a unique index (same process); added ${r.added}; target < 5 s` });
  console.log(`| stock import | 100,000 codes into a pool of 1,000,000 | ${s.toFixed(2)} s | added ${r.added} | peak RSS ${peak} MB (RSS before ${Math.round(rssBefore / 1048576)} MB) | seeding 1M took ${seedS.toFixed(1)} s |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
