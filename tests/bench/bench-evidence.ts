/**
 * Delivery evidence at scale (issue 11), each beside the bare libraries doing the same work in the
 * same run, with peak memory:
 *   1. `vship evidence import <folder>`: a folder of 2,000 phone screenshots (mostly PNG, some JPEG
 *      with EXIF; named by order number, by recharge number, ~5% by nothing) into a shop of 2,400
 *      exported orders — target under 20 s. Bare: the same files read, SHA-256 hashed and written
 *      under their hash (node:crypto + fs).
 *   2. `vship verify`: an archive of 20,000 evidence files and 100,000 delivery records (100,000
 *      orders filled from stock and exported) — target under 30 s. Bare: the SHA-256 of the same
 *      files and the ledger's hash chain recomputed (node:crypto + better-sqlite3 iterate).
 * VShip's side is the built CLI (`node bin/vship.cjs …`, `node build/scripts/build.mjs --node`
 * first), a fresh process per run, on a fresh copy of the data folder for the import; its time and
 * maxRSS are read at exit by a preload (`--import`), from before the CLI bundle loads. The bare
 * side runs in bench-evidence-child.ts, a fresh process per run. The screenshots come from the
 * generator (tests/fixtures/evidence.ts); set-up is not timed. Run by `npm run bench`; prints
 * figures, asserts nothing. BENCH_EVIDENCE_FILES, BENCH_EVIDENCE_ARCHIVE, BENCH_EVIDENCE_ORDERS
 * (0: no verify measurement) change the sizes; BENCH_EVIDENCE_RUNS (default 1: the set-up takes
 * minutes; 3 gives medians) the runs; BENCH_EVIDENCE_KEEP keeps the folders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation';
import { importEvidence } from '../../main/core/services/evidence/add';
import { runExport } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { anchorLedgerHead } from '../../main/core/services/ledger';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { EVIDENCE_FILES_PER_REQUEST } from '../../shared/domain';
import { jpeg, jpegWithComment, png, pngWithText, screenshotNames } from '../fixtures/evidence';
import { generateOrders, toCsv } from '../fixtures/orders';
import { codes } from '../helpers/code-shop';
import { deliveredShop } from '../helpers/delivered-shop';
import { benchRow } from './row';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const BIN = join(ROOT, 'bin', 'vship.cjs');
const FILES = Number(process.env.BENCH_EVIDENCE_FILES ?? 2000);
const ARCHIVE = Number(process.env.BENCH_EVIDENCE_ARCHIVE ?? 20_000);
const ORDERS = Number(process.env.BENCH_EVIDENCE_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_EVIDENCE_RUNS ?? 1);
const NOW = '2026-12-01T12:00:00+08:00';
const ENV = { ...process.env, VSHIP_NOW: NOW };

/** Read by `node --import` before the CLI bundle loads: its time and peak memory, as the last line of stdout at exit. */
const PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; const t0 = performance.now(); process.on('exit', (code) => writeSync(1, '\\n' + JSON.stringify({ ms: Math.round(performance.now() - t0), exit: code, peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\\n'));",
)}`;

interface Measured { ms: number; peakMB: number }

/** The built CLI in a fresh process: its own output (one JSON value, --json) and the preload's measurement. */
function cli<T>(args: string[]): { out: T; m: Measured } {
  const r = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20, env: ENV });
  const lines = (r.stdout ?? '').trim().split('\n');
  const m = JSON.parse(lines.pop()!) as Measured & { exit: number };
  const out = JSON.parse(lines.filter((l) => l.trim()).pop() ?? 'null') as T;
  if (m.exit !== 0) throw new Error(`vship ${args.slice(0, 2).join(' ')} exited ${m.exit}: ${r.stderr} ${JSON.stringify(out).slice(0, 2000)}`);
  return { out, m };
}

function child<T>(args: string[]): T {
  const out = execFileSync(TSX, [join(__dirname, 'bench-evidence-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 16 << 20, env: ENV });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const n = (x: number) => x.toLocaleString('en');

/** Beijing wall-clock `YYYY-MM-DD HH:MM:SS`, `i` × 47 s after 2026-11-28 15:30:12. */
const shotTime = (i: number) => new Date(Date.UTC(2026, 10, 28, 15, 30, 12) + i * 47_000).toISOString().slice(0, 19).replace('T', ' ');

/** The phone screens the copies are made of: full-height, tall and long screenshots (PNG), and photos of a screen (JPEG, EXIF). */
function bases(): { pngs: Uint8Array[]; jpegs: Uint8Array[] } {
  const sizes = [[1080, 2340], [1080, 2400], [828, 1792], [1080, 2340], [720, 1600], [1080, 3600]] as const;
  const pngs = Array.from({ length: 18 }, (_, i) => png({ width: sizes[i % sizes.length]![0], height: sizes[i % sizes.length]![1], seed: 300 + i }));
  const jpegs = Array.from({ length: 3 }, (_, i) => jpeg({ width: 1080, height: 2340, seed: 400 + i, quality: 90, exif: { dateTimeOriginal: `2026:11:2${i} 15:3${i}:12`, imageDescription: '充值成功' } }));
  return { pngs, jpegs };
}

interface Folder { files: number; bytes: number; pngs: number; jpegs: number; byOrderNo: number; byRechargeNo: number; byNothing: number; orders: number }

/**
 * A shop of FILES × 1.2 exported orders in `shopDir`, and FILES screenshots of them in `folder`:
 * ~1 in 12 a JPEG with EXIF, 1 in 20 named by no order (WeChat's and QQ's own names), 5 in 20 by
 * the order's recharge number (where its number is its own), the rest by the order number.
 */
function screenshotFolder(shopDir: string, folder: string): Folder {
  process.env.VSHIP_NOW = NOW;
  const table = generateOrders({ count: Math.ceil(FILES * 1.2), seed: 2029, statusMix: 'all-shippable', optional: true });
  const { db, exported } = deliveredShop(shopDir, { table });
  db.close();
  const uses = new Map<string, number>();
  for (const e of table.expected) if (e.rechargeNo) uses.set(e.rechargeNo, (uses.get(e.rechargeNo) ?? 0) + 1);
  const exportedSet = new Set(exported);
  const byRecharge = table.expected.filter((e) => exportedSet.has(e.orderNo) && /^\d{5,20}$/.test(e.rechargeNo) && uses.get(e.rechargeNo) === 1);
  const { pngs, jpegs } = bases();
  const f: Folder = { files: 0, bytes: 0, pngs: 0, jpegs: 0, byOrderNo: 0, byRechargeNo: 0, byNothing: 0, orders: exported.length };
  for (let i = 0; i < FILES; i++) {
    const t = shotTime(i);
    const isJpeg = i % 12 === 3;
    let name: string;
    if (i % 20 === 0) { name = i % 40 === 0 ? screenshotNames.wechat(t) : screenshotNames.qq(t); f.byNothing++; }
    else if (i % 20 <= 5 && byRecharge.length) { name = screenshotNames.phone(byRecharge[i % byRecharge.length]!.rechargeNo, `充值到账 ${t.slice(11).replace(/:/g, '')}`); f.byRechargeNo++; }
    else { const no = exported[i % exported.length]!; name = isJpeg ? screenshotNames.merchant(no, `官网充值成功${i}`) : screenshotNames.windows(no, t); f.byOrderNo++; }
    if (isJpeg) name = name.replace(/\.png$/, '.jpg');
    const bytes = isJpeg ? jpegWithComment(jpegs[i % jpegs.length]!, `Screenshot ${t}`) : pngWithText(pngs[i % pngs.length]!, 'Creation Time', t);
    writeFileSync(join(folder, name), bytes);
    f.files++;
    f.bytes += bytes.length;
    if (isJpeg) f.jpegs++; else f.pngs++;
  }
  return f;
}

interface Archive { orders: number; files: number; bytes: number; matched: number; ordersS: number }

/**
 * ORDERS orders, one code each, every product a code product with just enough stock, filled and
 * exported (the delivery records in the ledger), then ARCHIVE smaller screenshots (540×1170 PNG,
 * 18 pictures made distinct by their tEXt time) on as many exported orders, added by the real
 * importEvidence in requests of EVIDENCE_FILES_PER_REQUEST as the CLI sends a folder.
 */
async function archive(dir: string): Promise<Archive> {
  process.env.VSHIP_NOW = NOW;
  const t = performance.now();
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
  anchorLedgerHead(db);
  const exported = db.prepare('SELECT o.order_no FROM export_orders e JOIN orders o ON o.id = e.order_id ORDER BY o.id').pluck().all() as string[];
  const pics = Array.from({ length: 18 }, (_, i) => png({ width: 540, height: 1170, seed: 500 + i }));
  const a: Archive = { orders: exported.length, files: 0, bytes: 0, matched: 0, ordersS: (performance.now() - t) / 1000 };
  for (let from = 0; from < ARCHIVE; from += EVIDENCE_FILES_PER_REQUEST) {
    const files = [];
    for (let i = from; i < Math.min(ARCHIVE, from + EVIDENCE_FILES_PER_REQUEST); i++) {
      const t = shotTime(i);
      const bytes = pngWithText(pics[i % pics.length]!, 'Creation Time', t);
      files.push({ name: screenshotNames.windows(exported[i % exported.length]!, t), bytes, modifiedAt: Date.parse(NOW) });
      a.files++;
      a.bytes += bytes.length;
    }
    a.matched += (await importEvidence(db, dir, { shopId, files })).matched.length;
    anchorLedgerHead(db);
  }
  db.close();
  return a;
}

interface ImportOut { files: number; matched: { by: string }[]; unmatched: unknown[]; refused: unknown[] }
interface VerifyOut { ok: boolean; problems: unknown[]; moreProblems: number; checked: Record<string, number> }

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.cjs'))) throw new Error('no built CLI: run `node build/scripts/build.mjs --node` first');
  const made: string[] = [];
  const temp = (what: string) => { const d = mkdtempSync(join(tmpdir(), `vship-bench-evidence-${what}-`)); made.push(d); return d; };
  try {
    const t0 = performance.now();
    const shopDir = temp('shop');
    const folder = temp('folder');
    const f = screenshotFolder(shopDir, folder);
    const t1 = performance.now();
    const archiveDir = ORDERS > 0 ? temp('archive') : null;
    const a = archiveDir ? await archive(archiveDir) : null;
    const t2 = performance.now();
    console.log(`VShip evidence bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, load ${loadavg()[0]!.toFixed(1)}, Node ${process.version}; set-up ${((t2 - t0) / 1000).toFixed(0)} s (folder ${((t1 - t0) / 1000).toFixed(0)} s, archive ${((t2 - t1) / 1000).toFixed(0)} s: orders ${a ? a.ordersS.toFixed(0) : 0} s, files ${a ? ((t2 - t1) / 1000 - a.ordersS).toFixed(0) : 0} s)`);
    console.log('| measurement | VShip | bare node:crypto + fs (+ better-sqlite3) | ratio | VShip peak RSS | bare peak RSS | target | work |');
    console.log('|---|---:|---:|---:|---:|---:|---|---|');

    const imports = Array.from({ length: RUNS }, () => {
      const d = temp('import-run');
      cpSync(shopDir, d, { recursive: true });
      return cli<ImportOut>(['evidence', 'import', folder, '--data-dir', d]);
    });
    const bareImports = Array.from({ length: RUNS }, () => {
      const out = temp('import-bare');
      mkdirSync(out, { recursive: true });
      return child<Measured & { files: number; bytes: number }>(['bare-import', folder, out]);
    });
    const io = imports[0]!.out;
    const by = (k: string) => io.matched.filter((m) => m.by === k).length;
    const ia = median(imports.map((r) => r.m.ms));
    const ib = median(bareImports.map((r) => r.ms));
    benchRow({ work: 'evidence import', file: `${n(f.files)} screenshots (${mb(f.bytes)})`, rows: f.files, ms: ia, bareMs: ib, peakMB: Math.max(...imports.map((r) => r.m.peakMB)), barePeakMB: Math.max(...bareImports.map((r) => r.peakMB)), note: 'bare node:crypto + fs; target < 20 s' });
    console.log(`| evidence import ${n(f.files)} screenshots (${mb(f.bytes)}: ${n(f.pngs)} PNG, ${n(f.jpegs)} JPEG with EXIF), \`vship evidence import\`, fresh process, fresh data folder | ${s(ia)} | ${s(ib)} | ${(ia / ib).toFixed(2)}× | ${Math.max(...imports.map((r) => r.m.peakMB))} MB | ${Math.max(...bareImports.map((r) => r.peakMB))} MB | < 20 s | matched ${n(io.matched.length)} (by order no ${n(by('orderNo'))}, by recharge no ${n(by('rechargeNo'))}, by metadata ${n(by('metadata'))}), unmatched ${n(io.unmatched.length)}, refused ${io.refused.length} (named: ${n(f.byOrderNo)} by order no, ${n(f.byRechargeNo)} by recharge no, ${n(f.byNothing)} by neither) in a shop of ${n(f.orders)} exported orders; bare ${n(bareImports[0]!.files)} files; runs ${imports.map((r) => r.m.ms).join('/')} ms |`);

    if (archiveDir && a) {
      const verifies = Array.from({ length: RUNS }, () => cli<VerifyOut>(['verify', '--data-dir', archiveDir]));
      const bareVerifies = Array.from({ length: RUNS }, () => child<Measured & { files: number; bytes: number; altered: number; ledgerRows: number; broken: number }>(['bare-verify', archiveDir]));
      const vo = verifies[0]!.out;
      const bv = bareVerifies[0]!;
      const c = vo.checked;
      const va = median(verifies.map((r) => r.m.ms));
      const vb = median(bareVerifies.map((r) => r.ms));
      benchRow({ work: 'verify', file: `${n(c.evidenceFiles ?? a.files)} evidence files + ${n(c.deliveries ?? a.orders)} deliveries`, rows: c.deliveries ?? a.orders, ms: va, bareMs: vb, peakMB: Math.max(...verifies.map((r) => r.m.peakMB)), barePeakMB: Math.max(...bareVerifies.map((r) => r.peakMB)), note: 'bare node:crypto + better-sqlite3; target < 30 s' });
      console.log(`| verify ${n(c.evidenceFiles ?? a.files)} evidence files (${mb(a.bytes)}) + ${n(c.deliveries ?? a.orders)} delivery records, \`vship verify\`, fresh process | ${s(va)} | ${s(vb)} | ${(va / vb).toFixed(2)}× | ${Math.max(...verifies.map((r) => r.m.peakMB))} MB | ${Math.max(...bareVerifies.map((r) => r.peakMB))} MB | < 30 s | ok ${vo.ok}, ${vo.problems.length + vo.moreProblems} problems; ${Object.entries(c).map(([k, v]) => `${k} ${n(v)}`).join(', ')}; set-up matched ${n(a.matched)} of ${n(a.files)}; bare ${n(bv.files)} files (${mb(bv.bytes)}, ${bv.altered} altered) + ${n(bv.ledgerRows)} ledger rows (${bv.broken} broken); runs ${verifies.map((r) => r.m.ms).join('/')} ms |`);
    }
  } finally {
    if (process.env.BENCH_EVIDENCE_KEEP) console.log(`kept: ${made.join(' ')}`);
    else for (const d of made) rmSync(d, { recursive: true, force: true });
  }
}

void main();
