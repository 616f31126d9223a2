import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders } from '../../main/core/services/orders';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { skuKey, skuKeySql, type SkuKeyColumns } from '../../shared/rules/sku-key';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();

/** Characters that could trip a rule written twice: the key's own separators, quotes, SQL wildcards, 4-byte CJK. */
const ODD = ['A|B', "O'Brien", '"引号"', '50%_off', 'pid:1|x', 'style:9', '𠮷野家', '，全角', 'a,b', '  两端空格  ', '\\'];

/**
 * Generated orders, then lines without 商家编码, lines without 商家编码 and 样式ID, and odd
 * characters in every field the key reads.
 */
function variedTable(): OrderTable {
  const t = generateOrders({ count: 400, seed: 4242, optional: true, multiLineEvery: 6 });
  const at = (h: string) => t.headers.indexOf(h);
  const [sku, style, pid, spec] = [at('商家编码-规格维度'), at('样式ID'), at('商品id'), at('商品规格')];
  t.rows.forEach((r, i) => {
    const odd = ODD[i % ODD.length];
    switch (i % 7) {
      case 0: r[sku] = ''; break;
      case 1: r[sku] = ''; r[style] = ''; break;
      case 2: r[sku] = ''; r[style] = ''; r[spec] = `${r[spec]}${odd}`; break;
      case 3: r[sku] = `${r[sku]}${odd}`; break;
      case 4: r[sku] = ''; r[style] = odd; break;
      case 5: r[sku] = ''; r[style] = ''; r[pid] = ''; r[spec] = odd; break;
      default: break;
    }
  });
  return t;
}

describe('the SKU key rule', () => {
  it('gives the same key in SQL and in TypeScript for every imported line and order', () => {
    const db = openDatabase(tempDir());
    const shopId = ensureDefaultShop(db).id;
    importOrderFiles(db, shopId, [{ name: 'o.csv', bytes: toCsv(variedTable()) }], { shipPromiseHours: 48 });

    const lines = db.prepare(`SELECT l.sku_code, l.style_id, l.product_id, l.spec, ${skuKeySql('l')} AS k FROM order_lines l`).all() as (SkuKeyColumns & { k: string })[];
    expect(lines.length).toBeGreaterThan(400);
    for (const l of lines) expect(l.k, JSON.stringify(l)).toBe(skuKey(l));

    // The generated column orders.sku_key (migration 2's own SQL) and the bare-column builder agree too.
    const orders = db.prepare(`SELECT sku_code, style_id, product_id, spec, sku_key, ${skuKeySql()} AS k FROM orders`).all() as (SkuKeyColumns & { sku_key: string; k: string })[];
    for (const o of orders) {
      expect(o.sku_key, JSON.stringify(o)).toBe(skuKey(o));
      expect(o.k).toBe(o.sku_key);
    }
    // The domain form (an Order as the bridge carries it) takes the same function.
    for (const o of allOrders(db, shopId)) expect(skuKey(o)).toBe(o.skuKey);

    // Every branch of the rule, and the odd characters, were really exercised.
    const keys = lines.map((l) => l.k);
    expect(keys.some((k) => k.startsWith('style:'))).toBe(true);
    expect(keys.some((k) => k.startsWith('pid:'))).toBe(true);
    expect(keys.some((k) => k === 'pid:|A|B')).toBe(true);
    expect(keys.some((k) => !k.startsWith('style:') && !k.startsWith('pid:'))).toBe(true);
    for (const odd of ['A|B', "O'Brien", '50%_off', '𠮷野家']) expect(keys.some((k) => k.includes(odd)), odd).toBe(true);
    db.close();
  });

  it('builds the SQL for an alias or for bare columns', () => {
    expect(skuKeySql('l')).toBe(`CASE WHEN l.sku_code <> '' THEN l.sku_code WHEN l.style_id <> '' THEN 'style:' || l.style_id ELSE 'pid:' || l.product_id || '|' || l.spec END`);
    expect(skuKeySql()).toBe(`CASE WHEN sku_code <> '' THEN sku_code WHEN style_id <> '' THEN 'style:' || style_id ELSE 'pid:' || product_id || '|' || spec END`);
  });
});
