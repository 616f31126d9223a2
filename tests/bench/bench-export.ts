/**
 * Exporting the shipment file at scale (issue #10): 100,000 ready orders (filled from stock, no
 * block) into files of 1,000 rows, with the messages and the records — target under 5 s and under
 * 500 MB; beside the bare libraries (better-sqlite3 reading the same rows, exceljs's streaming
 * writer writing them) in the same run. Each run on a fresh copy of the same data folder, in a
 * fresh process. Run by `npm run bench`; prints figures, asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { generateOrders, toCsv } from '../fixtures/orders';
import { codes } from '../helpers/code-shop';
import { benchRow } from './row';

const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const ORDERS = Number(process.env.BENCH_EXPORT_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const MAX_ROWS = 1000;
const NOW = '2026-06-20T12:00:00+08:00';

function child<T>(args: string[]): T {
  const out = execFileSync(TSX, [join(__dirname, 'bench-export-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, VSHIP_NOW: NOW } });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** ORDERS waiting orders, one code each, every product a code product with just enough stock, all filled. */
function setUp(dir: string): number {
  process.env.VSHIP_NOW = NOW;
  const t = performance.now();
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  const table = generateOrders({ count: ORDERS, seed: 2027, statusMix: 'all-shippable' });
  importOrderFiles(db, shopId, [{ name: 'orders.csv', bytes: toCsv(table) }], { shipPromiseHours: 48 });
  listProducts(db, shopId).forEach((p, i) => {
    setProduct(db, shopId, p.skuKey, { kind: 'code' });
    importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, text: codes(`B${i}`, p.waitingUnits) });
  });
  fill(db, shopId, { cooldownHours: 2 });
  db.close();
  return (performance.now() - t) / 1000;
}

function copyDir(from: string): string {
  const to = mkdtempSync(join(tmpdir(), 'vship-bench-export-run-'));
  for (const f of ['vship.db', 'vship.db-wal']) if (existsSync(join(from, f))) copyFileSync(join(from, f), join(to, f));
  return to;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'vship-bench-export-'));
  const made: string[] = [dir];
  try {
    const setupS = setUp(dir);
    console.log(`VShip export bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()[0].toFixed(1)}, Node ${process.version}; set-up ${setupS.toFixed(0)} s`);
    console.log('| measurement | VShip | bare better-sqlite3 + exceljs | ratio | VShip peak RSS | bare peak RSS | target | work |');
    console.log('|---|---:|---:|---:|---:|---:|---|---|');
    const ours = Array.from({ length: RUNS }, () => {
      const d = copyDir(dir);
      made.push(d);
      return child<{ ms: number; orders: number; items: number; files: number; bytes: number; peakMB: number }>(['export', d, String(MAX_ROWS)]);
    });
    const bare = Array.from({ length: RUNS }, () => {
      const out = mkdtempSync(join(tmpdir(), 'vship-bench-export-bare-'));
      made.push(out);
      mkdirSync(out, { recursive: true });
      return child<{ ms: number; rows: number; files: number; peakMB: number }>(['bare', dir, String(MAX_ROWS), out]);
    });
    const a = median(ours.map((r) => r.ms));
    const b = median(bare.map((r) => r.ms));
    benchRow({ work: 'export (shipment files, messages, records)', file: `files of ${MAX_ROWS} rows`, rows: ours[0].orders, ms: a, bareMs: b, peakMB: Math.max(...ours.map((r) => r.peakMB)), barePeakMB: Math.max(...bare.map((r) => r.peakMB)), note: `bare better-sqlite3 + exceljs; ${ours[0].items.toLocaleString('en')} items in ${ours[0].files} files; target < 5 s` });
    console.log(`| export ${ours[0].orders.toLocaleString('en')} ready orders (shipment files, messages, records), fresh process | ${s(a)} | ${s(b)} | ${(a / b).toFixed(2)}× | ${Math.max(...ours.map((r) => r.peakMB))} MB | ${Math.max(...bare.map((r) => r.peakMB))} MB | < 5 s, < 500 MB | ${ours[0].items.toLocaleString('en')} items in ${ours[0].files} files (${(ours[0].bytes / 1e6).toFixed(1)} MB); bare ${bare[0].rows.toLocaleString('en')} rows in ${bare[0].files} files; runs ${ours.map((r) => r.ms).join('/')} ms |`);
  } finally {
    if (process.env.BENCH_EXPORT_KEEP) console.log(`kept: ${made.join(' ')}`);
    else for (const d of made) rmSync(d, { recursive: true, force: true });
  }
}

main();
