import type { Order } from '../../../../shared/domain';

/**
 * The product key of an order's first line: 商家编码-规格维度, else 样式ID, else 商品id + 商品规格.
 * Mirrors the core's rule (orders.sku_key) so the UI can look up an order's product.
 * TODO(one-home): a copy of the core's SKU key rule (orders.sku_key, LINE_SKU_KEY, allocation.ts);
 * import it from shared/rules once it lives there.
 */
export function orderSkuKey(o: Pick<Order, 'skuCode' | 'styleId' | 'productId' | 'spec'>): string {
  if (o.skuCode !== '') return o.skuCode;
  if (o.styleId !== '') return `style:${o.styleId}`;
  return `pid:${o.productId}|${o.spec}`;
}
