import type { DbCheckResult, DbProblem, DbProblemCode } from '../../../shared/domain';
import { DB_PROBLEMS } from '../../../shared/domain';
import { fillParams } from '../../../shared/errors';
import type { Db } from '../db/open';

const LISTED = 1000;

/**
 * `shops.checkDb` (`vship check-db`): reads the whole data folder and lists what is wrong —
 * SQLite's own check of the file (integrity_check, or quick_check without the index checks),
 * rows that point at rows that do not exist, and stock items whose state contradicts the
 * allocations (available but held by an order; reserved but held by none). Changes nothing, so
 * it runs on a read-only folder too.
 */
export function checkDb(db: Db, opts: { quick?: boolean } = {}): DbCheckResult {
  const check = opts.quick ? 'quick_check' : 'integrity_check';
  const problems: DbProblem[] = [];
  let more = 0;
  const add = (code: DbProblemCode, params: DbProblem['params']) => {
    if (problems.length < LISTED) problems.push({ code, params, message: fillParams(DB_PROBLEMS[code], params) });
    else more++;
  };
  for (const line of db.pragma(check, { simple: false }) as Record<string, string>[]) {
    const text = Object.values(line)[0];
    if (text !== 'ok') add('INTEGRITY', { detail: text });
  }
  for (const r of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    add('FOREIGN_KEY', { table: r.table, rowid: r.rowid, parent: r.parent });
  }
  for (const r of db.prepare(`SELECT i.id, p.sku_key, o.order_no FROM allocations a
      JOIN stock_items i ON i.id = a.item_id JOIN products p ON p.id = i.product_id JOIN orders o ON o.id = a.order_id
      WHERE a.released_at IS NULL AND a.reusable = 0 AND i.state = 'available' ORDER BY i.id`).iterate() as Iterable<{ id: number; sku_key: string; order_no: string }>) {
    add('ITEM_AVAILABLE_HELD', { itemId: r.id, skuKey: r.sku_key, orderNo: r.order_no });
  }
  for (const r of db.prepare(`SELECT i.id, p.sku_key FROM stock_items i JOIN products p ON p.id = i.product_id
      WHERE i.state = 'reserved' AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.item_id = i.id AND a.released_at IS NULL)
      ORDER BY i.id`).iterate() as Iterable<{ id: number; sku_key: string }>) {
    add('ITEM_RESERVED_FREE', { itemId: r.id, skuKey: r.sku_key });
  }
  return { ok: problems.length === 0, check, problems, more };
}
