/**
 * Rule checks at scale (issue #9): (a) checking 100,000 orders, all rules, from a fresh start
 * (a new process opens the data folder and runs a full checkShop) — target under 2 s; (b) the
 * re-check after a fill of 10,000 orders (the scoped checkShop({ orderIds }) a fill runs,
 * measured apart, and the whole fill) — target under 0.5 s. Each beside better-sqlite3 alone
 * doing the same reads and writes in the same run (the ratio is what to compare across
 * machines). Run by `npm run bench`; prints figures, asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { STOCKED_KINDS } from '../../shared/domain';
import { generateOrders, toCsv } from '../fixtures/orders';
import { benchRow } from './row';

const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const ORDERS = Number(process.env.BENCH_RULES_ORDERS ?? 100_000);
const FILL = Number(process.env.BENCH_RULES_FILL ?? 10_000);
const RUNS = Number(process.env.BENCH_RULES_RUNS ?? 3);
/** The fixture's clock (its orders were paid in the three days before), so deadlines and findings are the same every run. */
const NOW = '2026-06-20T12:00:00+08:00';

function child<T>(args: string[]): T {
  const out = execFileSync(TSX, [join(__dirname, 'bench-rules-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, VSHIP_NOW: NOW } });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * 100,000 orders (省 and 充值号码 exported, so REGION_LOCK and RECHARGE_TARGET have work), every
 * product confirmed as suggested, and stock for about FILL orders of stocked products. The
 * products are confirmed while the shop holds the first few thousand rows only (each products.set
 * re-checks that product's orders); the whole export is imported after.
 */
function setUp(dir: string): { setupS: number; stocked: string[] } {
  process.env.VSHIP_NOW = NOW;
  const t = performance.now();
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  const table = generateOrders({ count: ORDERS, seed: 2026, optional: true, multiLineEvery: 50 });
  importOrderFiles(db, shopId, [{ name: 'first.csv', bytes: toCsv({ ...table, rows: table.rows.slice(0, 4000) }) }], { shipPromiseHours: 48 });
  for (const p of listProducts(db, shopId)) setProduct(db, shopId, p.skuKey, { acceptSuggestion: true });
  importOrderFiles(db, shopId, [{ name: 'orders.csv', bytes: toCsv(table) }], { shipPromiseHours: 48 });

  // Stock for the first stocked products (rental accounts aside: one order at a time each) until about FILL orders can fill.
  const stocked: string[] = [];
  let orders = 0;
  for (const p of listProducts(db, shopId)) {
    if (orders >= FILL) break;
    if (!p.confirmed || !p.kind || !STOCKED_KINDS.includes(p.kind) || p.kind === 'account' || p.findings.some((f) => f.severity === 'block')) continue;
    const take = Math.min(p.waiting, FILL - orders);
    const units = Math.ceil((p.waitingUnits * take) / p.waiting);
    const text = Array.from({ length: units }, (_, j) => (p.kind === 'card' ? `8831${String(stocked.length).padStart(2, '0')}${String(j).padStart(10, '0')}----PW${j}` : `${p.skuKey}-${j}-${((j * 2654435761) >>> 0).toString(36).toUpperCase()}`)).join('\n');
    importStock(db, { shopId, skuKey: p.skuKey, name: `${p.skuKey}.txt`, text });
    stocked.push(`${p.skuKey} ${units}`);
    orders += take;
  }
  db.close();
  return { setupS: (performance.now() - t) / 1000, stocked };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'vship-bench-rules-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'vship-bench-rules-bare-'));
  try {
    const { setupS, stocked } = setUp(dir);
    for (const f of ['vship.db', 'vship.db-wal']) if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(bareDir, f));
    console.log(`VShip rule-check bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()[0].toFixed(1)}, Node ${process.version}; set-up ${setupS.toFixed(0)} s (stock: ${stocked.join(', ')})`);
    console.log('| measurement | VShip | bare better-sqlite3 | ratio | VShip peak RSS | bare peak RSS | target | work |');
    console.log('|---|---:|---:|---:|---:|---:|---|---|');

    // (a) full check, fresh process each time; the bare run replaces the findings with as many rows.
    const full = Array.from({ length: RUNS }, () => child<{ ms: number; openMs: number; orders: number; findings: number; peakMB: number }>(['check', dir]));
    const bareFull = Array.from({ length: RUNS }, () => child<{ ms: number; peakMB: number }>(['bare-check', bareDir, String(full[0].findings)]));
    const a = median(full.map((r) => r.ms));
    const ab = median(bareFull.map((r) => r.ms));
    benchRow({ work: 'rule check, all orders', file: 'fresh process (open + checkShop)', rows: full[0].orders, ms: a, bareMs: ab, peakMB: Math.max(...full.map((r) => r.peakMB)), barePeakMB: Math.max(...bareFull.map((r) => r.peakMB)), note: `bare better-sqlite3 same reads and writes; ${full[0].findings.toLocaleString('en')} findings; target < 2 s` });
    console.log(`| (a) full check, fresh process (open + checkShop) | ${s(a)} | ${s(ab)} | ${(a / ab).toFixed(2)}× | ${Math.max(...full.map((r) => r.peakMB))} MB | ${Math.max(...bareFull.map((r) => r.peakMB))} MB | < 2 s | ${ORDERS.toLocaleString('en')} orders, ${full[0].orders.toLocaleString('en')} to ship, ${full[0].findings.toLocaleString('en')} findings written; runs ${full.map((r) => r.ms).join('/')} ms (open ${full[0].openMs} ms) |`);

    // (b) fill, then its scoped check again on the filled orders, measured apart; undone between rounds.
    const f = child<{ fillMs: number; scopedMs: number; fills: number[]; scoped: number[]; filled: number; ids: number[]; findings: number; peakMB: number }>(['fill', dir, String(RUNS)]);
    const idsFile = join(bareDir, 'ids.json');
    writeFileSync(idsFile, JSON.stringify(f.ids));
    const bareScoped = Array.from({ length: RUNS }, () => child<{ ms: number; peakMB: number }>(['bare-scoped', bareDir, idsFile, String(f.findings)]));
    const bs = median(bareScoped.map((r) => r.ms));
    benchRow({ work: 'rule check after a fill', file: 'checkShop({ orderIds })', rows: f.filled, ms: f.scopedMs, bareMs: bs, peakMB: f.peakMB, barePeakMB: Math.max(...bareScoped.map((r) => r.peakMB)), note: `${f.findings.toLocaleString('en')} findings on them; target < 0.5 s` });
    console.log(`| (b) re-check after a fill: checkShop({ orderIds }) | ${s(f.scopedMs)} | ${s(bs)} | ${(f.scopedMs / bs).toFixed(2)}× | ${f.peakMB} MB | ${Math.max(...bareScoped.map((r) => r.peakMB))} MB | < 0.5 s | ${f.filled.toLocaleString('en')} orders filled, ${f.findings.toLocaleString('en')} findings on them; runs ${f.scoped.join('/')} ms |`);
    console.log(`| (b) the whole fill (its scoped check included) | ${s(f.fillMs)} | — | — | ${f.peakMB} MB | — | — | runs ${f.fills.join('/')} ms |`);
  } finally {
    // BENCH_RULES_KEEP=1 keeps the data folders (to profile a check on them).
    if (process.env.BENCH_RULES_KEEP) console.log(`kept: ${dir} ${bareDir}`);
    else for (const d of [dir, bareDir]) rmSync(d, { recursive: true, force: true });
  }
}

main();
