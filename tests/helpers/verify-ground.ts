import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DB_FILE, openDatabase, type Db } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation/fill';
import { runExport } from '../../main/core/services/export';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { png } from '../fixtures/evidence';
import { generateOrders, toCsv } from '../fixtures/orders';
import { cardText, cards } from '../fixtures/stock';
import { addEvidenceRows } from './evidence-rows';

/**
 * Ground for `verify`: evidence rows over the generator's screenshots, a card shop, and the
 * tampering someone with a SQLite editor could do.
 */

/** Screenshots from the generator (tests/fixtures/evidence.ts), one per seed, as evidence of the order in one evidence.add entry; returns the evidence ids and hashes. */
export function addEvidenceSeeds(db: Db, dataDir: string, shopId: number, orderNo: string, seeds: number[]): { id: number; sha256: string }[] {
  const ids = addEvidenceRows(db, dataDir, shopId, orderNo, seeds.map((seed) => ({ name: `${orderNo}-${seed}.png`, bytes: png({ seed, width: 16, height: 16 }), mime: 'image/png' as const, kind: 'official' as const })));
  const sha = db.prepare('SELECT sha256 FROM evidence WHERE id = ?').pluck();
  return ids.map((id) => ({ id, sha256: sha.get(id) as string }));
}

/** The database as someone with a SQLite editor sees it: the ledger's append-only triggers dropped first. */
export function tamper(dir: string, sql: string, params: unknown[] = []): void {
  const raw = new Database(join(dir, DB_FILE));
  raw.exec('DROP TRIGGER IF EXISTS ledger_no_update; DROP TRIGGER IF EXISTS ledger_no_delete;');
  if (params.length) raw.prepare(sql).run(...params);
  else raw.exec(sql);
  raw.close();
}

/**
 * Appends a row at the end of the ledger outside VShip, chained exactly as ledger.ts chains
 * (sha256 of the JSON of [prev, at, shopId, event, subject, detail]): the chain holds, only the
 * anchored head can tell it apart. Returns its id.
 */
export function forgeLedgerRow(dir: string, e: { shopId: number; event: string; subject: string; detail: Record<string, unknown> }): number {
  const raw = new Database(join(dir, DB_FILE));
  const prev = (raw.prepare('SELECT hash FROM ledger ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
  const at = '2026-06-20T10:00:00+08:00';
  const detail = JSON.stringify(e.detail);
  const hash = createHash('sha256').update(JSON.stringify([prev, at, e.shopId, e.event, e.subject, detail])).digest('hex');
  const id = Number(raw.prepare('INSERT INTO ledger (at, shop_id, event, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(at, e.shopId, e.event, e.subject, detail, prev, hash).lastInsertRowid);
  raw.close();
  return id;
}

/**
 * A shop in data folder `dir` whose products are all gift-card products (卡号----密码) with just
 * enough stock, every waiting order filled; exported once when `exported` (the delivery records
 * in the ledger). Set up through the services, as a merchant's session would leave it.
 */
export function cardShop(dir: string, opts: { count?: number; seed?: number; exported?: boolean } = {}): { db: Db; shopId: number; orderNos: string[] } {
  const t = generateOrders({ count: opts.count ?? 30, seed: opts.seed ?? 1102, statusMix: 'all-shippable' });
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
  listProducts(db, shopId).forEach((p, i) => {
    setProduct(db, shopId, p.skuKey, { kind: 'card' });
    if (p.waitingUnits > 0) importStock(db, { shopId, skuKey: p.skuKey, name: `cards-${i}.txt`, bytes: cardText(cards(p.waitingUnits, 500 + i)) });
  });
  fill(db, shopId, { cooldownHours: 2 });
  if (opts.exported) runExport(db, dir, { shopId });
  const orderNos = db.prepare('SELECT DISTINCT o.order_no FROM allocations a JOIN orders o ON o.id = a.order_id WHERE a.released_at IS NULL ORDER BY o.id').pluck().all() as string[];
  return { db, shopId, orderNos };
}
