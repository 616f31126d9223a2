/**
 * `npm run bench` — import speed and memory on generated exports (10,000 and 100,000 orders,
 * XLSX, UTF-8 CSV and GBK CSV), each beside the bare library read of the same file.
 * Targets (issue #2): import ≤ 1.3× the bare read; peak memory ≤ 600 MB at 100,000 orders.
 * A measurement, never a test: it prints figures and asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateOrders, toCsv, toXlsx } from '../fixtures/orders';

const DIR = join(__dirname, '..', '.tmp', 'bench');
const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

async function ensureFiles(n: number): Promise<string[]> {
  mkdirSync(DIR, { recursive: true });
  const files = ['xlsx', 'utf8.csv', 'gbk.csv'].map((k) => join(DIR, `orders-${n}.${k}`));
  if (files.every(existsSync)) return files;
  const t = generateOrders({ count: n, seed: 2026, optional: true, multiLineEvery: 50 });
  writeFileSync(files[0], await toXlsx(t));
  writeFileSync(files[1], toCsv(t, { encoding: 'utf8', quoteAll: true, trailingTabs: true }));
  writeFileSync(files[2], toCsv(t, { encoding: 'gbk', trailingTabs: true, fullWidthBrackets: true }));
  return files;
}

function child(args: string[]): { ms: number; rows: number; peakMB: number } {
  const out = execFileSync(TSX, [join(__dirname, 'bench-child.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  console.log(`VShip bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}`);
  console.log('| orders | file | size | bare read | VShip import | ratio | import peak RSS | bare peak RSS |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const files = await ensureFiles(n);
    for (const f of files) {
      const bare = child(['bare', f]);
      const dataDir = mkdtempSync(join(tmpdir(), 'vship-bench-'));
      const imp = child(['import', f, dataDir]);
      rmSync(dataDir, { recursive: true, force: true });
      if (bare.rows !== imp.rows) console.log(`  ! row counts differ: bare ${bare.rows}, import ${imp.rows}`);
      const mb = (statSync(f).size / 1048576).toFixed(1);
      console.log(`| ${n.toLocaleString('en')} | ${basename(f).split('.').slice(1).join('.')} | ${mb} MB | ${(bare.ms / 1000).toFixed(2)} s | ${(imp.ms / 1000).toFixed(2)} s | ${(imp.ms / bare.ms).toFixed(2)}× | ${imp.peakMB} MB | ${bare.peakMB} MB |`);
    }
  }
}

void main();
