/**
 * `npm run bench` — one table of what VShip's work costs on generated data, each figure beside the
 * bare library doing the same work in the same run (a ratio: this machine is noisy, absolute times
 * drift), with peak memory. `npm run bench -- --big` adds the 1,000,000-order exports.
 *
 * Rows: import of 10,000 and 100,000 orders (and 1,000,000 with --big) as XLSX, UTF-8 CSV and
 * GB18030 CSV, each a whole process — the built CLI, `vship import` (its import runs in the job
 * worker, as in the app) into a fresh data folder — beside the bare library read as a whole
 * process in plain Node (tests/bench/bare-read.cjs: exceljs's streaming read / TextDecoder +
 * papaparse); the re-import of the same file (nothing changed); then the other
 * benchmark scripts (stock, fill, rule check, grid, export, evidence), whose rows come back as
 * BENCHROW lines (tests/bench/row.ts). Targets are in issue 13 and the README; nothing is asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateOrders, toCsv, toXlsx } from '../fixtures/orders';
import { ROW_MARK, type BenchRow } from './row';

const DIR = join(__dirname, '..', '.tmp', 'bench');
const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
if (!existsSync(join(__dirname, '..', '..', 'out', 'main', 'cli.cjs'))) throw new Error('build first: node build/scripts/build.mjs --node (npm run bench does)');
const big = process.argv.includes('--big');
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [10_000, 100_000, ...(big ? [1_000_000] : [])];
/** Runs per measurement; the median is shown (BENCH_RUNS, default 1; 1,000,000 orders run once). */
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const KINDS = ['xlsx', 'utf8.csv', 'gbk.csv'] as const;
/** The other scripts, each printing BENCHROW lines (BENCH_ONLY=import skips them). */
const SCRIPTS = ['bench-stock.ts', 'bench-fill.ts', 'bench-rules.ts', 'bench-grid.ts', 'bench-export.ts', 'bench-evidence.ts'];

/**
 * The generated exports of n orders (made once, kept in tests/.tmp/bench). At 1,000,000 orders
 * only the CSVs: the fixture generator writes an XLSX through exceljs in memory, which a
 * million rows would take minutes and gigabytes to write.
 */
function kindsFor(n: number): readonly (typeof KINDS)[number][] {
  return n >= 1_000_000 ? ['utf8.csv', 'gbk.csv'] : KINDS;
}
async function ensureFiles(n: number): Promise<string[]> {
  mkdirSync(DIR, { recursive: true });
  const kinds = kindsFor(n);
  const files = kinds.map((k) => join(DIR, `orders-${n}.${k}`));
  if (files.every(existsSync)) return files;
  const t = generateOrders({ count: n, seed: 2026, optional: true, multiLineEvery: 50 });
  const write = (k: (typeof KINDS)[number], bytes: Uint8Array) => { if (kinds.includes(k)) writeFileSync(join(DIR, `orders-${n}.${k}`), bytes); };
  write('utf8.csv', toCsv(t, { encoding: 'utf8', quoteAll: true, trailingTabs: true }));
  write('gbk.csv', toCsv(t, { encoding: 'gbk', trailingTabs: true, fullWidthBrackets: true }));
  if (kinds.includes('xlsx')) write('xlsx', await toXlsx(t));
  return files;
}

interface Measure { ms: number; rows: number; peakMB: number }

const CLI = join(__dirname, '..', '..', 'out', 'main', 'cli.cjs');
/** One whole process, timed from spawn to exit, its peak memory written by peak.cjs at exit. */
function whole(args: string[], rowsOf: (out: string) => number): Measure {
  const peakFile = join(tmpdir(), `vship-bench-peak-${process.pid}`);
  const t = performance.now();
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8', maxBuffer: 16 << 20,
    env: { ...process.env, NODE_OPTIONS: `--require ${join(__dirname, 'peak.cjs')}`, BENCH_PEAK_FILE: peakFile },
  });
  const ms = performance.now() - t;
  const peakMB = Number(readFileSync(peakFile, 'utf8'));
  rmSync(peakFile, { force: true });
  return { ms: Math.round(ms), rows: rowsOf(out), peakMB };
}
function child(args: string[]): Measure {
  const [mode, file, dataDir] = args;
  if (mode === 'bare') return whole([join(__dirname, 'bare-read.cjs'), file], (out) => (JSON.parse(out.trim().split('\n').pop()!) as { rows: number }).rows);
  return whole([CLI, 'import', file, '--data-dir', dataDir, '--json'], (out) => {
    const s = JSON.parse(out) as { files: { rows: number }[] };
    return s.files[0].rows;
  });
}

function median(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const rows: BenchRow[] = [];
const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
function printRow(r: BenchRow): void {
  const ratio = r.bareMs ? `${(r.ms / r.bareMs).toFixed(2)}×` : '—';
  console.log(`| ${r.work} | ${r.file} | ${r.rows.toLocaleString('en')} | ${s(r.ms)} | ${s(r.bareMs)} | ${ratio} | ${r.peakMB} MB | ${r.barePeakMB === null ? '—' : `${r.barePeakMB} MB`} | ${r.note ?? ''} |`);
}
function add(r: BenchRow): void {
  rows.push(r);
  process.stderr.write(`  ${r.work} ${r.file} ${r.rows}: ${s(r.ms)}\n`);
}

async function importRows(): Promise<void> {
  for (const n of sizes) {
    const files = await ensureFiles(n);
    const runs = n >= 1_000_000 ? 1 : RUNS;
    for (const [i, f] of files.entries()) {
      const kind = kindsFor(n)[i];
      const mb = (statSync(f).size / 1048576).toFixed(1);
      const bare: Measure[] = [];
      const imp: Measure[] = [];
      const again: Measure[] = [];
      for (let r = 0; r < runs; r++) {
        bare.push(child(['bare', f]));
        const dataDir = mkdtempSync(join(tmpdir(), 'vship-bench-'));
        try {
          imp.push(child(['import', f, dataDir]));
          // The same file again, in a fresh process, into the database the first import wrote.
          again.push(child(['import', f, dataDir]));
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      const b = median(bare.map((m) => m.ms));
      const barePeak = Math.max(...bare.map((m) => m.peakMB));
      if (bare[0].rows !== imp[0].rows) process.stderr.write(`  ! row counts differ: bare ${bare[0].rows}, import ${imp[0].rows}\n`);
      const runsNote = (m: Measure[]) => (m.length > 1 ? `; runs ${m.map((x) => (x.ms / 1000).toFixed(2)).join(' / ')} s` : '');
      add({ work: 'import', file: kind, rows: n, ms: median(imp.map((m) => m.ms)), bareMs: b, peakMB: Math.max(...imp.map((m) => m.peakMB)), barePeakMB: barePeak, note: `${mb} MB${runsNote(imp)}` });
      add({ work: 're-import (nothing changed)', file: kind, rows: n, ms: median(again.map((m) => m.ms)), bareMs: b, peakMB: Math.max(...again.map((m) => m.peakMB)), barePeakMB: barePeak, note: `${mb} MB${runsNote(again)}` });
    }
  }
}

function otherRows(): void {
  for (const script of SCRIPTS) {
    const path = join(__dirname, script);
    if (!existsSync(path)) continue;
    process.stderr.write(`${script}\n`);
    const r = spawnSync(TSX, [path, ...(big ? ['--big'] : [])], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
    for (const line of (r.stdout ?? '').split('\n')) {
      if (line.startsWith(ROW_MARK)) add(JSON.parse(line.slice(ROW_MARK.length)) as BenchRow);
      else if (line.trim()) process.stderr.write(`  ${line}\n`);
    }
    if (r.status !== 0) process.stderr.write(`  ! ${script} exited with ${r.status}\n`);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await importRows();
  if (process.env.BENCH_ONLY !== 'import') otherRows();
  console.log(`VShip bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg()[0].toFixed(1)} at the end, ${Math.round((Date.now() - started) / 1000)} s in all`);
  console.log('| work | file | rows | VShip | bare | ratio | VShip peak | bare peak | notes |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) printRow(r);
}

void main();
