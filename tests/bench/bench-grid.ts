/**
 * The grid's first page after an import (issue #13: within 0.5 s at 100,000 orders). Imports a
 * generated export into a fresh data folder, then, in a child process with a fresh connection (as
 * the app's main process has), times what the renderer asks on the import's `changed()`, through
 * the core's dispatch (request validation included), in the order it sends them: orders.list
 * pages 0–3 (the visible page and the read-ahead, default filter and sort), then orders.summary,
 * products.list and rules.summary (App). Cold is the connection's first round; warm the median of
 * five more. `BENCH_GRID_ORDERS=1000000` for a year's export (imported as ten files, one by one).
 * `BENCH_GRID_KEEP=1` keeps the data folder under tests/.tmp/bench-grid/ and reuses it.
 * A measurement, never a test: it prints figures and asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRow } from './row';

const NOW = '2026-06-20T12:00:00+08:00';
process.env.VSHIP_NOW ??= NOW;
const ORDERS = Number(process.env.BENCH_GRID_ORDERS ?? 100_000);
const CHUNK = 100_000;
const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

interface Call { channel: string; req: Record<string, unknown> }
const PAGE = 200;
function firstScreen(shopId: number): Call[] {
  const list = { shopId, filter: 'all', sort: 'shipBy', desc: false };
  return [
    ...[0, 1, 2, 3].map((p) => ({ channel: 'orders.list', req: { ...list, offset: p * PAGE, limit: PAGE } })),
    { channel: 'orders.summary', req: { shopId } },
    { channel: 'products.list', req: { shopId } },
    { channel: 'rules.summary', req: { shopId } },
  ];
}

async function setUp(dir: string): Promise<void> {
  const { openDatabase } = await import('../../main/core/db/open');
  const { importOrderFiles } = await import('../../main/core/services/import');
  const { ensureDefaultShop } = await import('../../main/core/services/shops');
  const { generateOrders, toCsv } = await import('../fixtures/orders');
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  const t = generateOrders({ count: ORDERS, seed: 13, optional: true, multiLineEvery: 50 });
  const col = t.headers.findIndex((h) => h === '订单号' || h === '订单编号');
  // Files of ~CHUNK orders, never splitting an order's rows.
  for (let start = 0; start < t.rows.length;) {
    let end = Math.min(t.rows.length, start + CHUNK);
    while (end < t.rows.length && t.rows[end][col] === t.rows[end - 1][col]) end++;
    const bytes = toCsv({ headers: t.headers, rows: t.rows.slice(start, end), expected: [] });
    const s = importOrderFiles(db, shopId, [{ name: `orders-${start}.csv`, bytes }], { shipPromiseHours: 48 });
    process.stderr.write(`imported ${s.new} new orders (${(s.durationMs / 1000).toFixed(1)} s)\n`);
    start = end;
  }
  db.close();
}

/** The child: a fresh core on the folder, the first screen's calls cold, then warm. */
async function measure(dir: string): Promise<void> {
  const { openCore } = await import('../../main/handlers');
  const core = openCore({ dataDir: dir, host: 'electron' });
  const noEmit = () => undefined;
  const shopId = ((await core.dispatch('shops.list', undefined, noEmit)) as { ok: true; value: { id: number }[] }).value[0].id;
  const calls = firstScreen(shopId);
  const round = async () => {
    const ms: number[] = [];
    for (const c of calls) {
      const t = performance.now();
      const r = await core.dispatch(c.channel, c.req, noEmit);
      // The renderer gets it through structured clone; JSON is a fair stand-in for its cost.
      JSON.stringify(r);
      ms.push(performance.now() - t);
      if (!r.ok) throw new Error(`${c.channel}: ${JSON.stringify(r.error)}`);
    }
    return ms;
  };
  const cold = await round();
  const warm: number[][] = [];
  for (let i = 0; i < 5; i++) warm.push(await round());
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const warmMed = calls.map((_, i) => median(warm.map((w) => w[i])));
  const summary = (await core.dispatch('orders.summary', { shopId }, noEmit)) as { ok: true; value: unknown };
  core.close();
  console.log(JSON.stringify({ calls: calls.map((c) => `${c.channel}${c.channel === 'orders.list' ? ` @${c.req.offset as number}` : ''}`), cold, warm: warmMed, peakMB: Math.round(process.resourceUsage().maxRSS / 1024), summary: summary.value }));
}


async function main(): Promise<void> {
  if (process.argv[2] === '--child') return measure(process.argv[3]);
  const keep = process.env.BENCH_GRID_KEEP === '1';
  const dir = keep ? join(__dirname, '..', '.tmp', 'bench-grid', String(ORDERS)) : mkdtempSync(join(tmpdir(), 'vship-bench-grid-'));
  try {
    if (!keep || !existsSync(join(dir, 'vship.db'))) {
      mkdirSync(dir, { recursive: true });
      const t = performance.now();
      await setUp(dir);
      process.stderr.write(`set-up ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
    }
    const out = execFileSync(TSX, [__filename, '--child', dir], { encoding: 'utf8', maxBuffer: 1 << 24, env: process.env });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { calls: string[]; cold: number[]; warm: number[]; peakMB: number; summary: unknown };
    const n = `${ORDERS.toLocaleString('en')} orders`;
    const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    for (const [i, c] of r.calls.entries()) {
      console.log(`| grid call | ${n} | cold ${s(r.cold[i])} / warm ${s(r.warm[i])} | ${c} | |`);
    }
    const what = (k: 'cold' | 'warm') => `${k}: page 0 on screen; the whole first screen (pages 0–3, summary, products, rules summary) ${s(sum(r[k]))}`;
    console.log(`| grid first page | ${n} | ${s(r.cold[0])} | ${what('cold')} | peak RSS ${r.peakMB} MB |`);
    console.log(`| grid first page | ${n} | ${s(r.warm[0])} | ${what('warm')} | peak RSS ${r.peakMB} MB |`);
    console.log(`summary: ${JSON.stringify(r.summary)}`);
    const pages = r.calls.filter((c) => c.startsWith('orders.list')).length;
    benchRow({ work: 'grid: first page after an import', file: 'orders.list page 0, fresh connection', rows: ORDERS, ms: r.cold[0], bareMs: null, peakMB: r.peakMB, barePeakMB: null, note: `warm ${s(r.warm[0])}; target ≤ 0.5 s at 100,000` });
    benchRow({ work: 'grid: first screen after an import', file: `${pages} pages + the cards, products, rule summary`, rows: ORDERS, ms: sum(r.cold), bareMs: null, peakMB: r.peakMB, barePeakMB: null, note: `warm ${s(sum(r.warm))}; ${r.calls.filter((c) => !c.startsWith('orders.list')).map((c) => `${c} ${s(r.cold[r.calls.indexOf(c)])}`).join(', ')}` });
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  // `npm run bench -- --big`: the same at a year's export.
  if (process.argv.includes('--big') && ORDERS < 1_000_000) {
    execFileSync(TSX, [__filename], { stdio: 'inherit', env: { ...process.env, BENCH_GRID_ORDERS: '1000000' } });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
