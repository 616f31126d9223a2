import type { Order } from '../../../../shared/domain';
import { skuKey } from '../../../../shared/rules/sku-key';
import { t } from '../../i18n';

/** The product key of an order's first line (the one SKU key rule, shared with the core). */
export function orderSkuKey(o: Pick<Order, 'skuCode' | 'styleId' | 'productId' | 'spec'>): string {
  return skuKey(o);
}

/**
 * What a product's key is made of (shared/rules/sku-key): the merchant's 商家编码, else the
 * fallback VShip identifies it by — its 样式ID, or its 商品ID with its 规格.
 */
export type SkuKeyParts =
  | { by: 'code'; code: string }
  | { by: 'style'; styleId: string }
  | { by: 'product'; productId: string; spec: string };

export function skuKeyParts(key: string): SkuKeyParts {
  if (key.startsWith('style:')) return { by: 'style', styleId: key.slice('style:'.length) };
  if (key.startsWith('pid:')) {
    const rest = key.slice('pid:'.length);
    const bar = rest.indexOf('|');
    return bar < 0 ? { by: 'product', productId: rest, spec: '' } : { by: 'product', productId: rest.slice(0, bar), spec: rest.slice(bar + 1) };
  }
  return { by: 'code', code: key };
}

/** The 商家编码 as the merchant wrote it, or null when the orders carry none. */
export function skuCodeOf(key: string): string | null {
  const parts = skuKeyParts(key);
  return parts.by === 'code' ? parts.code : null;
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
