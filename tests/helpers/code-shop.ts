import { openDatabase, type Db } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { listProducts, setProduct } from '../../main/core/services/products';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import { toCsv, type OrderTable } from '../fixtures/orders';

/** `n` distinct codes `PREFIX-000000`, one a line. */
export const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(6, '0')}`).join('\n');

/** A shop in data folder `dir` whose products are all code products; `stockPer` codes per product (by sku key order). */
export function codeShop(dir: string, t: OrderTable, stockPer: (skuKey: string, waitingUnits: number) => number): { db: Db; shopId: number } {
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(t) }], { shipPromiseHours: 48 });
  listProducts(db, shopId).forEach((p, i) => {
    setProduct(db, shopId, p.skuKey, { kind: 'code' });
    const n = stockPer(p.skuKey, p.waitingUnits);
    if (n > 0) importStock(db, { shopId, skuKey: p.skuKey, name: `s${i}.txt`, text: codes(`P${i}`, n) });
  });
  return { db, shopId };
}
