/**
 * Fill time against the orders filled, not the shop's size (issue #13):
 *  (a) 100,000 orders from pools holding 1,000,000 items (target ≤ 3 s);
 *  (b) 10,000 orders in a 100,000-order shop (target ≤ 0.5 s), two ways: the shop already filled
 *      but for 10,000 orders left short by an earlier fill, whose stock arrives now ("rest"); and
 *      a shop where only the products of ~10,000 orders are stocked, the others not ("some").
 * Run by `npm run bench`; prints one markdown row per case, asserts nothing.
 * Env: BENCH_FILL_ORDERS / BENCH_FILL_ITEMS (case a), BENCH_FILL_SHOP / BENCH_FILL_PART (case b),
 * BENCH_FILL_CASES=a,rest,some (default all), BENCH_FILL_PROF=<dir> writes a .cpuprofile of each timed fill.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FillResult, Product } from '../../shared/domain';
import { openDatabase, type Db } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { importStock } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv } from '../fixtures/orders';
import { benchRow, peakMB } from './row';

const ORDERS = Number(process.env.BENCH_FILL_ORDERS ?? 100_000);
const ITEMS = Number(process.env.BENCH_FILL_ITEMS ?? 1_000_000);
const SHOP = Number(process.env.BENCH_FILL_SHOP ?? 100_000);
const PART = Number(process.env.BENCH_FILL_PART ?? 10_000);
const CASES = (process.env.BENCH_FILL_CASES ?? 'a,rest,some').split(',');
const PROF = process.env.BENCH_FILL_PROF;
const n = (x: number) => x.toLocaleString('en');

interface Shop { db: Db; dir: string; shopId: number }

function openShop(orders: number, seed: number): Shop {
  const dir = mkdtempSync(join(tmpdir(), 'vship-bench-fill-'));
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: orders, seed, statusMix: 'all-shippable' })) }], { shipPromiseHours: 48 });
  return { db, dir, shopId };
}

/** `count` items into the product's pool, in batches of 100k; `tag` keeps items of separate calls distinct. */
function stock(s: Shop, p: Product, count: number, tag: string): void {
  for (let b = 0; count > 0; b++) {
    const k = Math.min(count, 100_000);
    importStock(s.db, { shopId: s.shopId, skuKey: p.skuKey, name: `${tag}-${b}.txt`, text: Array.from({ length: k }, (_, j) => `${tag}-B${b}-${j}-${(j * 2654435761 >>> 0).toString(36)}`).join('\n') });
    count -= k;
  }
}

async function timedFill(s: Shop, name: string): Promise<{ s: number; r: FillResult }> {
  let session: Session | null = null;
  if (PROF) { session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
  const t = performance.now();
  const r = fill(s.db, s.shopId, { cooldownHours: 2 });
  const secs = (performance.now() - t) / 1000;
  if (session && PROF) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROF, { recursive: true });
    writeFileSync(join(PROF, `fill-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  return { s: secs, r };
}

function row(what: string, secs: number, r: FillResult, prepS: number): void {
  benchRow({ work: 'fill', file: what, rows: r.filled, ms: secs * 1000, bareMs: null, peakMB: peakMB(), barePeakMB: null, note: `${n(r.items)} items, short ${n(r.short.length)}, skipped ${n(r.skipped.length)}; peak includes set-up; targets: 10,000 in a 100,000 shop ≤ 0.5 s, 100,000 from 1,000,000 items ≤ 3 s` });
  console.log(`| fill | ${what} | ${secs.toFixed(2)} s | filled ${n(r.filled)}, ${n(r.items)} items, short ${n(r.short.length)}, skipped ${n(r.skipped.length)} | peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB | set-up ${prepS.toFixed(0)} s |`);
}

function close(s: Shop): void {
  s.db.close();
  rmSync(s.dir, { recursive: true, force: true });
}

/** (a) Every order of the shop, from pools in proportion to demand, ITEMS in all. */
async function caseAll(): Promise<void> {
  const t = performance.now();
  const s = openShop(ORDERS, 5);
  try {
    const products = listProducts(s.db, s.shopId);
    const units = products.reduce((k, p) => k + p.waitingUnits, 0);
    for (const [i, p] of products.entries()) {
      setProduct(s.db, s.shopId, p.skuKey, { kind: 'code' });
      stock(s, p, Math.round((p.waitingUnits / units) * ITEMS), `P${i}`);
    }
    const prepS = (performance.now() - t) / 1000;
    const { s: secs, r } = await timedFill(s, 'all');
    row(`${n(ORDERS)} orders from pools of ${n(ITEMS)} items`, secs, r, prepS);
  } finally { close(s); }
}

/**
 * (b, rest) A shop of SHOP orders filled by an earlier fill but for ~PART orders it ran short of
 * (every product stocked to cover its demand less its share of PART orders' units); their stock
 * arrives and the fill of those is timed.
 */
async function caseRest(): Promise<void> {
  const t = performance.now();
  const s = openShop(SHOP, 7);
  try {
    const products = listProducts(s.db, s.shopId);
    const share = PART / SHOP;
    for (const [i, p] of products.entries()) {
      setProduct(s.db, s.shopId, p.skuKey, { kind: 'code' });
      stock(s, p, Math.round(p.waitingUnits * (1 - share)), `R${i}`);
    }
    fill(s.db, s.shopId, { cooldownHours: 2 });
    for (const [i, p] of listProducts(s.db, s.shopId).entries()) if (p.shortage > 0) stock(s, p, p.shortage, `S${i}`);
    const prepS = (performance.now() - t) / 1000;
    const { s: secs, r } = await timedFill(s, 'rest');
    row(`~${n(PART)} orders left short in a ${n(SHOP)}-order shop, their stock in`, secs, r, prepS);
  } finally { close(s); }
}

/** (b, some) A shop of SHOP orders where only the products of ~PART orders are stocked (the smallest first). */
async function caseSome(): Promise<void> {
  const t = performance.now();
  const s = openShop(SHOP, 9);
  try {
    const products = listProducts(s.db, s.shopId).sort((a, b) => a.waiting - b.waiting || a.skuKey.localeCompare(b.skuKey));
    let orders = 0;
    for (const [i, p] of products.entries()) {
      if (orders + p.waiting > PART * 1.05) continue;
      orders += p.waiting;
      setProduct(s.db, s.shopId, p.skuKey, { kind: 'code' });
      stock(s, p, p.waitingUnits, `Q${i}`);
    }
    const prepS = (performance.now() - t) / 1000;
    const { s: secs, r } = await timedFill(s, 'some');
    row(`~${n(PART)} orders of the stocked products in a ${n(SHOP)}-order shop`, secs, r, prepS);
  } finally { close(s); }
}

async function main(): Promise<void> {
  if (CASES.includes('a')) await caseAll();
  if (CASES.includes('rest')) await caseRest();
  if (CASES.includes('some')) await caseSome();
}
void main();
