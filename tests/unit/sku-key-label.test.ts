/**
 * 商家编码 in the merchant's words (renderer/src/features/products/sku-key.ts): a product's key is
 * shown as its 商家编码; without one, as 「无商家编码（按商品ID+规格识别）」 — never the internal key.
 */
import { describe, expect, it } from 'vitest';
import { skuKey } from '../../shared/rules/sku-key';
import { skuCodeOf, skuKeyFallbackId, skuKeyLabel, skuKeyParts } from '../../renderer/src/features/products/sku-key';

describe('a product key as the products list says it', () => {
  const line = { skuCode: 'JD-E100', styleId: '6120048871', productId: '700045128893', spec: '100元 电子卡' };

  it('is the 商家编码 when the orders carry one', () => {
    const key = skuKey(line);
    expect(skuCodeOf(key)).toBe('JD-E100');
    expect(skuKeyLabel(key)).toBe('JD-E100');
    expect(skuKeyFallbackId(key)).toBeNull();
  });

  it('says there is none, and what VShip tells the product apart by', () => {
    const byStyle = skuKey({ ...line, skuCode: '' });
    expect(skuKeyParts(byStyle)).toEqual({ by: 'style', styleId: '6120048871' });
    expect(skuCodeOf(byStyle)).toBeNull();
    expect(skuKeyLabel(byStyle)).toBe('无商家编码（按样式ID识别）');
    expect(skuKeyFallbackId(byStyle)).toBe('样式ID：6120048871');

    const byProduct = skuKey({ ...line, skuCode: '', styleId: '' });
    expect(skuKeyParts(byProduct)).toEqual({ by: 'product', productId: '700045128893', spec: '100元 电子卡' });
    expect(skuKeyLabel(byProduct)).toBe('无商家编码（按商品ID+规格识别）');
    expect(skuKeyLabel(byProduct)).not.toContain('pid:');
    expect(skuKeyFallbackId(byProduct)).toBe('商品ID：700045128893');
  });
});
