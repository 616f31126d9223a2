/**
 * `verify` at scale (issue 11): an archive of 20,000 evidence files and 100,000 delivery records
 * (100,000 orders filled from stock and exported) — target under 30 s. The set-up runs once; the
 * verification runs in a fresh process (its peak RSS its own). Prints figures, asserts nothing.
 * BENCH_VERIFY_ORDERS, BENCH_VERIFY_FILES, BENCH_VERIFY_FILE_KB (default 64 KB a file) change the size.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation';
import { storeEvidenceBytes } from '../../main/core/services/evidence/store';
import { verifyData } from '../../main/core/services/evidence/verify';
import { runExport } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { anchorLedgerHead, appendLedger } from '../../main/core/services/ledger';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { generateOrders, toCsv } from '../fixtures/orders';
import { codes } from '../helpers/code-shop';

const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const ORDERS = Number(process.env.BENCH_VERIFY_ORDERS ?? 100_000);
const FILES = Number(process.env.BENCH_VERIFY_FILES ?? 20_000);
const FILE_KB = Number(process.env.BENCH_VERIFY_FILE_KB ?? 64);
const NOW = '2026-06-20T12:00:00+08:00';

function setUp(dir: string): void {
  process.env.VSHIP_NOW = NOW;
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  const table = generateOrders({ count: ORDERS, seed: 2028, statusMix: 'all-shippable' });
  importOrderFiles(db, shopId, [{ name: 'orders.csv', bytes: toCsv(table) }], { shipPromiseHours: 48 });
  listProducts(db, shopId).forEach((p, i) => {
    setProduct(db, shopId, p.skuKey, { kind: 'code' });
    if (p.waitingUnits) importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, text: codes(`V${i}`, p.waitingUnits) });
  });
  fill(db, shopId, { cooldownHours: 2 });
  runExport(db, dir, { shopId });
  // The archive: files of FILE_KB (a PNG signature, then random bytes), on the exported orders,
  // added 50 at a time with one evidence.add entry each, as the app adds a dropped folder.
  const orders = db.prepare('SELECT id, order_no FROM orders WHERE ship_state IS NOT NULL ORDER BY id').raw().all() as [number, string][];
  const insFile = db.prepare("INSERT OR IGNORE INTO evidence_files (sha256, bytes, mime, stored_at) VALUES (?, ?, 'image/png', ?)");
  const insEv = db.prepare("INSERT INTO evidence (shop_id, order_id, sha256, name, kind, source, added_at) VALUES (?, ?, ?, ?, 'official', 'folder', ?)");
  for (let from = 0; from < FILES; from += 50) {
    db.transaction(() => {
      const items: Record<string, unknown>[] = [];
      for (let i = from; i < Math.min(FILES, from + 50); i++) {
        const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(FILE_KB * 1024 - 8)]);
        const { sha256 } = storeEvidenceBytes(dir, bytes, 'image/png');
        insFile.run(sha256, bytes.length, NOW);
        const [orderId, orderNo] = orders[i % orders.length];
        const id = Number(insEv.run(shopId, orderId, sha256, `${orderNo}.png`, NOW).lastInsertRowid);
        items.push({ evidenceId: id, orderNo, sha256, name: `${orderNo}.png`, mime: 'image/png', bytes: bytes.length, kind: 'official' });
      }
      appendLedger(db, { shopId, event: 'evidence.add', subject: 'evidence:batch', detail: { items } });
    })();
  }
  anchorLedgerHead(db);
  db.close();
}

function child(dir: string): void {
  const db = openDatabase(dir, { readOnly: true });
  const t = performance.now();
  const r = verifyData(db, dir);
  const ms = Math.round(performance.now() - t);
  console.log(JSON.stringify({ ms, ok: r.ok, problems: r.problems.length, checked: r.checked, peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

function main(): void {
  if (process.argv[2] === 'child') return child(process.argv[3]);
  const dir = mkdtempSync(join(tmpdir(), 'vship-bench-verify-'));
  try {
    const t = performance.now();
    setUp(dir);
    const setupS = (performance.now() - t) / 1000;
    console.log(`VShip verify bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()[0].toFixed(1)}, Node ${process.version}; set-up ${setupS.toFixed(0)} s`);
    const runs = [1, 2].map(() => JSON.parse(execFileSync(TSX, [__filename, 'child', dir], { encoding: 'utf8', maxBuffer: 16 << 20 }).trim().split('\n').pop()!) as { ms: number; ok: boolean; problems: number; checked: Record<string, number>; peakMB: number });
    const r = runs[runs.length - 1];
    console.log('| measurement | VShip | peak RSS | target | work |');
    console.log('|---|---:|---:|---|---|');
    console.log(`| verify ${r.checked.deliveries.toLocaleString('en')} delivery records and ${r.checked.evidenceFiles.toLocaleString('en')} evidence files (${FILE_KB} KB each), fresh process | ${(r.ms / 1000).toFixed(2)} s | ${r.peakMB} MB | < 30 s | ok ${r.ok}, ${r.problems} problems; ${r.checked.ledgerEntries.toLocaleString('en')} ledger entries, ${r.checked.items.toLocaleString('en')} items, ${r.checked.stockItems.toLocaleString('en')} stock items, ${r.checked.exportFiles} export files; runs ${runs.map((x) => x.ms).join('/')} ms |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
