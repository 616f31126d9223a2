/**
 * The SKU key: what links an order line to a product and its stock. 商家编码-规格维度 when the
 * merchant set one, else 样式ID, else 商品id + 商品规格. One rule in two forms — for a line in hand
 * and in SQL — which a test keeps in agreement.
 */

/** A line as the domain names it (an `Order`, an order line, a product). */
export interface SkuKeyFields { skuCode: string; styleId: string; productId: string; spec: string }
/** A line as the database names it (rows of `orders` and `order_lines`). */
export interface SkuKeyColumns { sku_code: string; style_id: string; product_id: string; spec: string }

export function skuKey(line: SkuKeyFields | SkuKeyColumns): string {
  const [skuCode, styleId, productId, spec] = 'sku_code' in line
    ? [line.sku_code, line.style_id, line.product_id, line.spec]
    : [line.skuCode, line.styleId, line.productId, line.spec];
  if (skuCode !== '') return skuCode;
  if (styleId !== '') return `style:${styleId}`;
  return `pid:${productId}|${spec}`;
}

/**
 * The same rule as an SQL expression over the columns of the table aliased `alias` (none: bare
 * column names). The generated column `orders.sku_key` (migration 2) holds this rule too, in its
 * own historic text.
 */
export function skuKeySql(alias = ''): string {
  const c = (name: string) => (alias ? `${alias}.${name}` : name);
  return `CASE WHEN ${c('sku_code')} <> '' THEN ${c('sku_code')} WHEN ${c('style_id')} <> '' THEN 'style:' || ${c('style_id')} ELSE 'pid:' || ${c('product_id')} || '|' || ${c('spec')} END`;
}
