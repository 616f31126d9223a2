import type { Db } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation/fill';
import { runExport } from '../../main/core/services/export';
import type { ExportRecord } from '../../shared/domain';
import { generateOrders, type OrderTable } from '../fixtures/orders';
import { codeShop } from './code-shop';

/**
 * A code shop in data folder `dir` whose waiting orders were all filled from stock and exported
 * once (the shipment file, its delivery records in the ledger): the ground evidence, records,
 * packs and `verify` work on. `exported` are the exported orders' numbers, in the export's order.
 */
export function deliveredShop(dir: string, opts: { count?: number; seed?: number; table?: OrderTable } = {}): { db: Db; shopId: number; table: OrderTable; record: ExportRecord; exported: string[] } {
  const table = opts.table ?? generateOrders({ count: opts.count ?? 40, seed: opts.seed ?? 1101, statusMix: 'all-shippable' });
  const { db, shopId } = codeShop(dir, table, (_k, w) => w);
  fill(db, shopId, { cooldownHours: 2 });
  const record = runExport(db, dir, { shopId });
  const exported = db.prepare('SELECT o.order_no FROM export_orders e JOIN orders o ON o.id = e.order_id WHERE e.export_id = ? ORDER BY o.id').pluck().all(record.id) as string[];
  return { db, shopId, table, record, exported };
}
