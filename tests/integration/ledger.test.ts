import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase, type Db } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { anchorLedgerHead, appendLedger, LEDGER_HEAD_FILE, readLedgerHead, verifyLedger } from '../../main/core/services/ledger';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { openCore } from '../../main/handlers';
import { generateOrders, toCsv } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

/**
 * The ledger is append-only and hash-chained, and its head is anchored outside the database
 * (LEDGER_HEAD_FILE), so each way of rewriting history is found: an entry edited, one deleted in
 * the middle, the last ones deleted, or the whole tail rewritten with a chain that holds.
 */
const tempDir = useTempDirs();

/** A data folder whose ledger holds `n` entries, anchored as the core anchors after a request. */
function ledgerOf(n: number): { dir: string; db: Db } {
  const dir = tempDir();
  const db = openDatabase(dir);
  for (let i = 0; i < n; i++) appendLedger(db, { shopId: 1, event: 'test', subject: `s:${i}`, detail: { i } });
  anchorLedgerHead(db);
  return { dir, db };
}

/** The database as someone with a SQLite editor sees it: the append-only triggers dropped first. */
function tamper(dir: string, sql: string): void {
  const raw = new Database(join(dir, DB_FILE));
  raw.exec('DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete;');
  raw.exec(sql);
  raw.close();
}

const ids = (db: Db): number[] => db.prepare('SELECT id FROM ledger ORDER BY id').pluck().all() as number[];

describe('the ledger', () => {
  it('verifies whole, with its head anchored beside the database', () => {
    const { dir, db } = ledgerOf(20);
    const last = db.prepare('SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    expect(JSON.parse(readFileSync(join(dir, LEDGER_HEAD_FILE), 'utf8'))).toMatchObject(last);
    expect(verifyLedger(db)).toEqual({ ok: true, entries: ids(db).length, brokenAt: null, headMissing: null });
    db.close();
  });

  it('refuses an edit or a delete through SQL while its triggers stand', () => {
    const { db } = ledgerOf(3);
    expect(() => db.prepare("UPDATE ledger SET subject = 'x' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger WHERE id = (SELECT max(id) FROM ledger)').run()).toThrow(/append-only/);
    db.close();
  });

  it('names the entry that was edited', () => {
    const { dir, db } = ledgerOf(20);
    db.close();
    const victim = ids(openDatabase(dir))[7];
    tamper(dir, `UPDATE ledger SET detail = '{"i":700}' WHERE id = ${victim}`);
    const after = openDatabase(dir);
    expect(verifyLedger(after)).toMatchObject({ ok: false, brokenAt: victim });
    after.close();
  });

  it('names the entry after one deleted in the middle', () => {
    const { dir, db } = ledgerOf(20);
    const all = ids(db);
    db.close();
    tamper(dir, `DELETE FROM ledger WHERE id = ${all[9]}`);
    const after = openDatabase(dir);
    expect(verifyLedger(after)).toMatchObject({ ok: false, brokenAt: all[10] });
    after.close();
  });

  it('finds the last entries deleted, which leave a chain that still holds', () => {
    const { dir, db } = ledgerOf(20);
    const all = ids(db);
    db.close();
    tamper(dir, `DELETE FROM ledger WHERE id > ${all[16]}`);
    const after = openDatabase(dir);
    expect(verifyLedger(after)).toEqual({ ok: false, entries: 17, brokenAt: null, headMissing: all[19] });
    // The core does not move the anchor back over the gap: the evidence stays.
    appendLedger(after, { shopId: 1, event: 'test', subject: 'later', detail: {} });
    anchorLedgerHead(after);
    expect(readLedgerHead(after)?.id).toBe(all[19]);
    expect(verifyLedger(after)).toMatchObject({ ok: false, headMissing: all[19] });
    after.close();
  });

  it('finds the tail rewritten with a consistent chain (same ids, new hashes)', () => {
    const { dir, db } = ledgerOf(10);
    const all = ids(db);
    db.close();
    // Delete the last three and append three others through the real code: the chain holds, the anchor does not.
    tamper(dir, `DELETE FROM ledger WHERE id > ${all[6]}`);
    const raw = new Database(join(dir, DB_FILE));
    for (let i = 0; i < 3; i++) appendLedger(raw, { shopId: 1, event: 'test', subject: `forged:${i}`, detail: {} });
    raw.close();
    const after = openDatabase(dir);
    expect(ids(after)).toEqual(all);
    expect(verifyLedger(after)).toMatchObject({ ok: false, brokenAt: null, headMissing: all[9] });
    after.close();
  });

  it('reports a damaged head file rather than trusting it', () => {
    const { dir, db } = ledgerOf(5);
    writeFileSync(join(dir, LEDGER_HEAD_FILE), '{"id":');
    expect(verifyLedger(db).ok).toBe(false);
    db.close();
  });

  it('is anchored by the core after each request, not inside a transaction', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    const shopId = ensureDefaultShop(db).id;
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: 30, seed: 14, statusMix: 'all-shippable' })) }], { shipPromiseHours: 48 });
    listProducts(db, shopId).forEach((p, i) => {
      setProduct(db, shopId, p.skuKey, { kind: 'code' });
      importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, text: Array.from({ length: p.waitingUnits }, (_, k) => `L${i}-${k}`).join('\n') });
    });
    // Inside a transaction nothing is anchored: the entry may still roll back.
    db.transaction(() => {
      appendLedger(db, { shopId, event: 'test', subject: 'rolled back', detail: {} });
      anchorLedgerHead(db);
    })();
    expect(existsSync(join(dir, LEDGER_HEAD_FILE))).toBe(false);
    db.close();
    const core = openCore({ dataDir: dir, host: 'cli' });
    const r = await core.dispatch('allocation.fill', { shopId }, () => {});
    expect(r.ok).toBe(true);
    const check = openDatabase(dir);
    const fillEntry = check.prepare("SELECT id, hash FROM ledger WHERE event = 'fill' ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string };
    expect(readLedgerHead(check)).toEqual(fillEntry);
    expect(verifyLedger(check).ok).toBe(true);
    check.close();
    core.close();
  });
});
