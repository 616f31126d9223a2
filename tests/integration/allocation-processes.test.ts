import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { undoLastFill } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { importStock } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useBuiltCli, VSHIP } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

const tempDir = useTempDirs();

useBuiltCli();

/** A data folder with `count` shippable orders and stock for `ratio` of their units. */
function prepare(count: number, ratio: number): { dir: string; units: number } {
  const dir = tempDir();
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count, seed: 81, statusMix: 'all-shippable' })) }], { shipPromiseHours: 48 });
  let units = 0;
  listProducts(db, shopId).forEach((p, i) => {
    setProduct(db, shopId, p.skuKey, { kind: 'code' });
    const n = Math.floor(p.waitingUnits * ratio);
    units += p.waitingUnits;
    if (n) importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, text: Array.from({ length: n }, (_, k) => `K${i}-${k}`).join('\n') });
  });
  db.close();
  return { dir, units };
}

function runFill(dir: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [VSHIP, 'fill', '--data-dir', dir, '--json']);
    let out = '';
    p.stdout.on('data', (c) => { out += c; });
    p.on('close', (code) => resolve({ code, stdout: out }));
  });
}

describe('fills across processes', () => {
  it('two fills at once on one data folder never hand out one item twice', async () => {
    const { dir } = prepare(3000, 0.6);
    const [a, b] = await Promise.all([runFill(dir), runFill(dir)]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ra = JSON.parse(a.stdout);
    const rb = JSON.parse(b.stdout);
    const db = openDatabase(dir);
    expect(allocationViolations(db)).toEqual([]);
    const active = db.prepare('SELECT count(*) FROM allocations WHERE released_at IS NULL').pluck().get();
    expect(ra.items + rb.items).toBe(active);
    // serialised by SQLite: one of them found the work already done
    expect(Math.min(ra.filled, rb.filled)).toBe(0);
    expect(Math.max(ra.filled, rb.filled)).toBeGreaterThan(0);
    db.close();
  });

  it('a fill killed (SIGKILL) at any moment leaves the database as before or after, with every guarantee', async () => {
    const { dir } = prepare(6000, 1.2);
    // How long one whole run takes on this machine now (start-up, fill, commit), so the kills land
    // across the run rather than after it on a fast machine or before it on a slow one.
    const t0 = Date.now();
    const calibration = await runFill(dir);
    let runMs = Date.now() - t0;
    expect(calibration.code).toBe(0);
    let completed = 0;
    let interrupted = 0;
    for (let round = 0; round < 12; round++) {
      const db = openDatabase(dir);
      const shopId = ensureDefaultShop(db).id;
      if ((db.prepare('SELECT count(*) FROM allocations WHERE released_at IS NULL').pluck().get() as number) > 0) undoLastFill(db, shopId);
      const before = db.prepare('SELECT count(*) FROM allocations WHERE released_at IS NULL').pluck().get() as number;
      expect(before).toBe(0);
      db.close();
      const child = spawn(process.execPath, [VSHIP, 'fill', '--data-dir', dir, '--json'], { stdio: 'ignore' });
      // Random moments from start-up through the fill's transaction and commit (and a few after it).
      const delay = Math.floor(runMs * (0.1 + Math.random() * (round % 4 === 3 ? 1.5 : 0.85)));
      const started = Date.now();
      const exited = await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => { child.kill('SIGKILL'); resolve(false); }, delay);
        child.on('exit', () => { clearTimeout(t); resolve(true); });
      });
      await new Promise((r) => child.exitCode !== null || child.signalCode !== null ? r(null) : child.on('exit', r));
      if (exited) completed++; else interrupted++;
      // The first run pays for cold caches: a faster whole run since sets the scale.
      if (exited) runMs = Math.min(runMs, Date.now() - started);
      const after = openDatabase(dir);
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(allocationViolations(after)).toEqual([]);
      const n = after.prepare('SELECT count(*) FROM allocations WHERE released_at IS NULL').pluck().get() as number;
      const fills = after.prepare('SELECT count(*) FROM fills WHERE undone_at IS NULL').pluck().get() as number;
      // before (nothing) or after (the whole fill, recorded as one fill) — never between
      if (n === 0) expect(fills).toBe(0);
      else expect(fills).toBe(1);
      after.close();
    }
    expect(completed + interrupted).toBe(12);
    expect(interrupted).toBeGreaterThan(0);
    console.log(`kill test: ${interrupted} killed, ${completed} finished`);
  });
});
