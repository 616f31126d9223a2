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
