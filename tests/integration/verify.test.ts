/**
 * `verify` on a folder nobody touched: every check runs and finds nothing, and says exactly how
 * much it checked; its progress; the list of problems stops at 1,000; VShip's own writes (a request,
 * openCore, a request that fails) never look like rows added outside VShip.
 */
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/domain';
import { type Db } from '../../main/core/db/open';
import { verifyData, VERIFY_MAX_PROBLEMS } from '../../main/core/services/evidence/verify';
import { anchorLedgerHead } from '../../main/core/services/ledger';
import { importStock } from '../../main/core/services/stock';
import { listProducts } from '../../main/core/services/products';
import { openCore } from '../../main/handlers';
import { addEvidenceRows, tamper } from '../fixtures/verify';
import { codes } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';

const tempDir = useTempDirs();

const count = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number;

/** A delivered shop with evidence on two orders (one file on both), its head anchored as the core leaves it after a request. */
function ground() {
  const dir = tempDir();
  const s = deliveredShop(dir);
  addEvidenceRows(s.db, dir, s.shopId, s.exported[0], [1, 2]);
  addEvidenceRows(s.db, dir, s.shopId, s.exported[1], [2, 3]);
  anchorLedgerHead(s.db);
  return { dir, ...s };
}

describe('verify on an untouched folder', () => {
  it('is ok, and says exactly what it checked', () => {
    const { dir, db, record, exported } = ground();
    const r = verifyData(db, dir);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.moreProblems).toBe(0);
    const items = count(db, "SELECT count(*) FROM allocations WHERE exported_at IS NOT NULL AND kind = 'item'");
    expect(items).toBeGreaterThan(exported.length - 1);
    expect(r.checked).toEqual({
      ledgerEntries: count(db, 'SELECT count(*) FROM ledger'),
      evidenceFiles: 3,
      exportFiles: count(db, 'SELECT count(DISTINCT sha256) FROM export_files'),
      deliveries: record.orders,
      items,
      stockItems: count(db, 'SELECT count(*) FROM stock_items'),
    });
    expect(r.checked.deliveries).toBe(exported.length);
    expect(r.head).toEqual(db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get());
    expect(r.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*\+08:00$/);
    db.close();
  });

  it('reports its progress by phase, ending with each phase whole', () => {
    const { dir, db } = ground();
    const events: JobProgress[] = [];
    verifyData(db, dir, (e, p) => { if (e === 'job.progress') events.push(p as JobProgress); });
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['verify']));
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['ledger', 'files', 'deliveries']);
    for (const phase of ['ledger', 'files', 'deliveries']) {
      const last = events.filter((e) => e.phase === phase).at(-1)!;
      expect(last.done).toBe(last.total);
      expect(last.total).toBeGreaterThan(0);
    }
    db.close();
  });

  it('lists at most 1,000 problems and counts the rest', () => {
    const { dir, db, shopId } = ground();
    const p = listProducts(db, shopId)[0];
    importStock(db, { shopId, skuKey: p.skuKey, name: 'many.txt', text: codes('MANY', 1200) });
    anchorLedgerHead(db);
    expect(verifyData(db, dir).ok).toBe(true);
    tamper(dir, "UPDATE stock_items SET code = code || 'X' WHERE code LIKE 'MANY-%'");
    const r = verifyData(db, dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(VERIFY_MAX_PROBLEMS);
    // Each of the 1,200 items, named (their stored hashes untouched, so the batch's root still holds).
    expect(r.problems.length + r.moreProblems).toBe(1200);
    expect(new Set(r.problems.map((x) => x.code))).toEqual(new Set(['STOCK_CONTENT_DIFFERS']));
    db.close();
  });
});

describe('VShip\'s own writes are never taken for rows added outside it', () => {
  it('after requests through the core, one that fails after committing, and openCore\'s own writes', async () => {
    const { dir, db, shopId, exported } = ground();
    db.close();
    const core = openCore({ dataDir: dir, host: 'cli' });
    expect((await core.dispatch('allocation.reveal', { shopId, orderNo: exported[0] }, () => {})).ok).toBe(true);
    expect((await core.dispatch('export.run', { shopId }, () => {})).ok).toBe(false); // nothing ready: refused
    const r = await core.dispatch('evidence.verify', undefined, () => {});
    expect(r).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
    core.close();
    const again = openCore({ dataDir: dir, host: 'cli' });
    expect(await again.dispatch('evidence.verify', undefined, () => {})).toMatchObject({ ok: true, value: { ok: true } });
    again.close();
  });
});
