import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { importStock } from '../../main/core/services/stock';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { generateOrders, toCsv } from '../fixtures/orders';
import { accounts, accountText, codes, codeText } from '../fixtures/stock';
import { useBuiltCli } from '../helpers/cli';
import { useTempDirs } from '../helpers/data-dir';
import { copyDataFolder, folderSnapshot, snapshotDiff } from '../helpers/db-snapshot';
import { allocationViolations } from '../helpers/invariants';
import { describeRounds, killRounds, runTraced, type TracedRun } from '../helpers/kill-rounds';
import { PINNED_ENV as ENV, withPinnedClock } from '../helpers/pinned-clock';

const tempDir = useTempDirs();

useBuiltCli();

/**
 * A closed data folder with `count` shippable orders; one product in five rents accounts (7 days),
 * with accounts for `accountRatio` of its units, the others deliver codes, with codes for
 * `codeRatio` of their units.
 */
function prepare(dir: string, count: number, codeRatio: number, accountRatio: number, seed: number): void {
  withPinnedClock(() => {
    const db = openDatabase(dir);
    const shopId = ensureDefaultShop(db).id;
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count, seed, statusMix: 'all-shippable' })) }], { shipPromiseHours: 48 });
    listProducts(db, shopId).forEach((p, i) => {
      const account = i % 5 === 0;
      setProduct(db, shopId, p.skuKey, account ? { kind: 'account', terms: { rentalDays: 7 } } : { kind: 'code' });
      const n = Math.floor(p.waitingUnits * (account ? accountRatio : codeRatio));
      if (!n) return;
      // Logins made unique across products (the generator numbers them from 1 each time).
      const bytes = account ? accountText(accounts(n, seed * 100 + i).map((a, k) => ({ ...a, login: `p${i}_${a.login}_${k}` }))) : codeText(codes(n, seed * 100 + i));
      expect(importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, bytes }).added).toBe(n);
    });
    db.close();
  });
}

const fillArgs = (dir: string) => ['fill', '--data-dir', dir, '--json'];

/** Active allocations of cards/codes and of accounts. */
function held(dir: string): { single: number; rented: number } {
  const db = openDatabase(dir);
  try {
    const q = (reusable: number) => db.prepare('SELECT count(*) FROM allocations WHERE released_at IS NULL AND reusable = ?').pluck().get(reusable) as number;
    return { single: q(0), rented: q(1) };
  } finally {
    db.close();
  }
}

function checkedInvariants(dir: string): string[] {
  const db = openDatabase(dir);
  try {
    return allocationViolations(db);
  } finally {
    db.close();
  }
}

/** When (the child's Date.now()) the run last passed `prefix`, or its `:resumed` after a pause. */
function lastAt(r: TracedRun, prefix: string): number {
  const ps = r.points.filter((p) => p.name === prefix || p.name.startsWith(`${prefix}:`));
  expect(ps.length, `no ${prefix} in\n${r.stderr}`).toBeGreaterThan(0);
  return Math.max(...ps.map((p) => p.at));
}

/** When (the child's Date.now()) the run first passed `name`. */
function firstAt(r: TracedRun, name: string): number {
  const p = r.points.find((x) => x.name === name);
  expect(p, `no ${name} in\n${r.stderr}`).toBeDefined();
  return p!.at;
}

/**
 * The before-state both tests start from, copied afresh for every run: 4,000 orders; stock for
 * most of the code orders and half the account ones, so a fill leaves some short.
 */
let pristine = '';
beforeAll(() => {
  pristine = mkdtempSync(join(tmpdir(), 'vship-test-'));
  prepare(pristine, 4000, 0.8, 0.5, 82);
});
afterAll(() => { if (pristine) rmSync(pristine, { recursive: true, force: true }); });

/** `seen` is told each point as it comes; `passed` resolves once `n` of them were `point`. */
function whenAllPassed(point: string, n: number): { seen: (name: string) => void; passed: Promise<void> } {
  let count = 0;
  let done!: () => void;
  const passed = new Promise<void>((r) => { done = r; });
  return { seen: (name) => { if (name === point && ++count === n) done(); }, passed };
}

describe('fills across processes', () => {
  it('two fills at once on one data folder never hand out one card or one account twice', async () => {
    // What one fill alone does, for comparison.
    const alone = tempDir();
    copyDataFolder(pristine, alone);
    const single = await runTraced(fillArgs(alone), { env: ENV });
    expect(single.code, single.stderr).toBe(0);
    const after = folderSnapshot(alone);
    expect(checkedInvariants(alone)).toEqual([]);
    const h = held(alone);
    expect(h.single).toBeGreaterThan(0);
    expect(h.rented).toBeGreaterThan(0);

    for (let round = 0; round < 4; round++) {
      const dir = tempDir();
      copyDataFolder(pristine, dir);
      // The meeting is forced, not hoped for: this process holds the database's write lock until
      // both fills have asked for it (their fill.start point), then lets go; they race for it.
      // In odd rounds the winner also sits half a second on its finished, uncommitted work.
      const gate = new Database(join(dir, DB_FILE));
      gate.exec('BEGIN IMMEDIATE');
      const started = whenAllPassed('fill.start', 2);
      const env = round % 2 ? { ...ENV, VSHIP_FAULT: 'fill.beforeCommit', VSHIP_FAULT_ACTION: 'pause:500' } : ENV;
      const runs = [0, 1].map(() => runTraced(fillArgs(dir), { env, onPoint: (p) => started.seen(p.name) }));
      await Promise.race([started.passed, ...runs]);
      const releasedAt = Date.now();
      gate.exec('ROLLBACK');
      gate.close();
      const [x, y] = await Promise.all(runs);
      expect(x.code, x.stderr).toBe(0);
      expect(y.code, y.stderr).toBe(0);
      const [first, second] = firstAt(x, 'fill.begin') <= firstAt(y, 'fill.begin') ? [x, y] : [y, x];
      // They overlapped: both had asked for the write before either could begin; so the second
      // asked before the first committed …
      expect(firstAt(first, 'fill.start')).toBeLessThanOrEqual(releasedAt);
      expect(firstAt(second, 'fill.start')).toBeLessThanOrEqual(releasedAt);
      expect(firstAt(second, 'fill.start')).toBeLessThan(lastAt(first, 'fill.beforeCommit'));
      // … and began its work only once the first was done with its own.
      expect(firstAt(second, 'fill.begin')).toBeGreaterThanOrEqual(lastAt(first, 'fill.beforeCommit'));
      expect(checkedInvariants(dir)).toEqual([]);
      const r1 = JSON.parse(first.stdout) as { filled: number; items: number };
      const r2 = JSON.parse(second.stdout) as { filled: number; items: number };
      expect(r1.filled).toBeGreaterThan(0);
      // The second found the work done: nothing left that stock can fill.
      expect(r2).toMatchObject({ filled: 0, items: 0 });
      // Exactly what one fill alone leaves: no card, code or account handed out a second time.
      expect(snapshotDiff(after, folderSnapshot(dir))).toEqual([]);
    }
  });

  it('a fill killed (SIGKILL) at any moment leaves exactly the database before it or exactly the one after it', async () => {
    const k = await killRounds({ pristine, args: fillArgs, begin: 'fill.begin', end: 'fill.beforeCommit', committed: 'fill.committed', rounds: 10, newDir: tempDir, env: ENV });
    console.log(describeRounds('fill kill test', k));
    // The after-state is a real fill of cards and accounts, and keeps every guarantee.
    const h = held(k.afterDir);
    expect(h.single).toBeGreaterThan(0);
    expect(h.rented).toBeGreaterThan(0);
    expect(checkedInvariants(k.afterDir)).toEqual([]);
    expect(k.rounds.filter((r) => r.midWork).length).toBeGreaterThan(k.rounds.length / 2);
  });
});
