import type { Order } from '../../../../shared/domain';
import { skuKey } from '../../../../shared/rules/sku-key';

/** The product key of an order's first line (the one SKU key rule, shared with the core). */
export function orderSkuKey(o: Pick<Order, 'skuCode' | 'styleId' | 'productId' | 'spec'>): string {
  return skuKey(o);
}
