/**
 * 商家编码 in the merchant's words (renderer/src/features/products/sku-key-parts.ts): a product's key
 * is read back as its 商家编码, or as what VShip tells it apart by without one (its 样式ID, or its
 * 商品ID with its 规格) — so the list says 「无商家编码（按商品ID+规格识别）」, never the internal key.
 */
import { describe, expect, it } from 'vitest';
import { skuKey } from '../../shared/rules/sku-key';
import { skuCodeOf, skuKeyParts } from '../../renderer/src/features/products/sku-key-parts';

describe('a product key as the products list says it', () => {
  const line = { skuCode: 'JD-E100', styleId: '6120048871', productId: '700045128893', spec: '100元 电子卡' };

  it('is the 商家编码 when the orders carry one', () => {
    const key = skuKey(line);
    expect(skuCodeOf(key)).toBe('JD-E100');
  });

  it('says there is none, and what VShip tells the product apart by', () => {
    const byStyle = skuKey({ ...line, skuCode: '' });
    expect(skuKeyParts(byStyle)).toEqual({ by: 'style', styleId: '6120048871' });
    expect(skuCodeOf(byStyle)).toBeNull();

    const byProduct = skuKey({ ...line, skuCode: '', styleId: '' });
    expect(skuKeyParts(byProduct)).toEqual({ by: 'product', productId: '700045128893', spec: '100元 电子卡' });
  });
});
