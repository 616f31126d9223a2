import type { Order } from '../../../../shared/domain';
import { skuKey } from '../../../../shared/rules/sku-key';
import { t } from '../../i18n';
import { skuKeyParts } from './sku-key-parts';

export { skuCodeOf, skuKeyParts, type SkuKeyParts } from './sku-key-parts';

/** The product key of an order's first line (the one SKU key rule, shared with the core). */
export function orderSkuKey(o: Pick<Order, 'skuCode' | 'styleId' | 'productId' | 'spec'>): string {
  return skuKey(o);
}

/**
 * How a product is told apart, in the merchant's words: its 商家编码, or
 * 「无商家编码（按商品ID+规格识别）」 — never the internal key.
 */
export function skuKeyLabel(key: string): string {
  const parts = skuKeyParts(key);
  if (parts.by === 'code') return parts.code;
  return t('products.noSkuCodeBy', { by: t(parts.by === 'style' ? 'products.keyByStyle' : 'products.keyByProduct') });
}

/** The fallback's identifying number, for a tooltip: 样式ID 123 / 商品ID 456. */
export function skuKeyFallbackId(key: string): string | null {
  const parts = skuKeyParts(key);
  if (parts.by === 'style') return t('products.styleIdIs', { styleId: parts.styleId });
  if (parts.by === 'product') return t('products.productIdIs', { productId: parts.productId });
  return null;
}
