/**
 * One rule-check measurement in a fresh process, so peak memory (maxRSS) belongs to that one job:
 *   tsx bench-rules-child.ts check <dataDir>                 — open the data folder, full checkShop
 *   tsx bench-rules-child.ts bare-check <dataDir> <findings> — better-sqlite3 alone: read the same
 *       order rows, replace the shop's findings by <findings> rows, in one transaction
 *   tsx bench-rules-child.ts fill <dataDir> <rounds>         — fill (its scoped check inside), then
 *       the same scoped checkShop({ orderIds }) again, measured apart; undo; <rounds> times
 *   tsx bench-rules-child.ts bare-scoped <dataDir> <idsFile> <findings> — better-sqlite3 alone:
 *       per order of the fill, delete its findings and read its row; insert <findings> rows
 * Prints one JSON line.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../main/core/db/open';
import { fill, undoLastFill } from '../../main/core/services/allocation';
import { checkShop } from '../../main/core/services/rules/check';

const SHOP = 1;
const COLS = 'o.id, o.order_no, o.reason, o.after_sale, o.province, o.recharge_no, o.paid_at, o.ship_by, o.sku_key, o.line_count, o.shippable';
const TO_SHIP = "(o.shippable = 1 OR o.reason = 'AFTER_SALE') AND o.damaged = 0";
/** What stored findings look like: rule, severity, params JSON (the bare inserts cycle through them). */
const SAMPLES: [string, string, string][] = [
  ['LATE_SHIPMENT', 'warn', '{"reason":"overdue","hours":12}'],
  ['OUT_OF_STOCK', 'block', '{"need":2,"available":0}'],
  ['REGION_LOCK', 'block', '{"reason":"province","region":"江苏","province":"浙江"}'],
  ['AFTER_SALE_OPEN', 'block', '{"afterSale":"退款中"}'],
];

const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** better-sqlite3 on the same file with the pragmas VShip's connection uses (open.ts), so the comparison is of the work alone. */
function bareOpen(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, 'vship.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

function bareInsert(db: Database.Database, orderIds: number[], n: number): void {
  const insert = db.prepare('INSERT INTO findings (shop_id, order_id, product_id, rule, severity, origin, sku_key, params) VALUES (?, ?, NULL, ?, ?, \'order\', NULL, ?)');
  for (let i = 0; i < n; i++) {
    const [rule, severity, params] = SAMPLES[i % SAMPLES.length];
    insert.run(SHOP, orderIds[i % orderIds.length], rule, severity, params);
  }
}

function main(): void {
  const [mode, dataDir, a, b] = process.argv.slice(2);
  const t0 = performance.now();
  if (mode === 'check') {
    const db = openDatabase(dataDir);
    const opened = performance.now();
    checkShop(db, SHOP);
    const ms = performance.now() - t0;
    const orders = db.prepare(`SELECT count(*) FROM orders o WHERE o.shop_id = ? AND ${TO_SHIP}`).pluck().get(SHOP) as number;
    const findings = db.prepare('SELECT count(*) FROM findings WHERE shop_id = ?').pluck().get(SHOP) as number;
    db.close();
    out({ ms: Math.round(ms), openMs: Math.round(opened - t0), orders, findings, peakMB: peakMB() });
  } else if (mode === 'bare-check') {
    const db = bareOpen(dataDir);
    db.transaction(() => {
      db.prepare('DELETE FROM findings WHERE shop_id = ?').run(SHOP);
      db.prepare('SELECT id, sku_key, title, spec, kind, confirmed, terms FROM products WHERE shop_id = ?').all(SHOP);
      const rows = db.prepare(`SELECT ${COLS} FROM orders o WHERE o.shop_id = ? AND ${TO_SHIP}`).all(SHOP) as { id: number }[];
      bareInsert(db, rows.map((r) => r.id), Number(a));
    }).immediate();
    const ms = performance.now() - t0;
    db.close();
    out({ ms: Math.round(ms), peakMB: peakMB() });
  } else if (mode === 'fill') {
    const db = openDatabase(dataDir);
    const fills: number[] = [];
    const scoped: number[] = [];
    let filled = 0;
    let findings = 0;
    let ids: number[] = [];
    for (let round = 0; round < Number(a); round++) {
      let t = performance.now();
      const r = fill(db, SHOP, { cooldownHours: 2 });
      fills.push(performance.now() - t);
      ids = db.prepare('SELECT DISTINCT order_id FROM allocations WHERE fill_id = ? AND released_at IS NULL').pluck().all(r.fillId) as number[];
      filled = r.filled;
      t = performance.now();
      checkShop(db, SHOP, { orderIds: ids });
      scoped.push(performance.now() - t);
      findings = db.prepare(`SELECT count(*) FROM findings WHERE order_id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
      undoLastFill(db, SHOP);
    }
    db.close();
    out({ fillMs: Math.round(median(fills)), scopedMs: Math.round(median(scoped)), fills: fills.map(Math.round), scoped: scoped.map(Math.round), filled, ids, findings, peakMB: peakMB() });
  } else if (mode === 'bare-scoped') {
    const ids = JSON.parse(readFileSync(a, 'utf8')) as number[];
    const db = bareOpen(dataDir);
    const t = performance.now();
    db.transaction(() => {
      const del = db.prepare('DELETE FROM findings WHERE order_id = ?');
      const get = db.prepare(`SELECT ${COLS} FROM orders o WHERE o.id = ?`);
      for (const id of ids) { del.run(id); get.get(id); }
      bareInsert(db, ids, Number(b));
    }).immediate();
    const ms = performance.now() - t;
    db.close();
    out({ ms: Math.round(ms), peakMB: peakMB() });
  } else throw new Error(`unknown mode ${mode}`);
}

function out(v: unknown): void {
  process.stdout.write(JSON.stringify(v) + '\n');
}

main();
