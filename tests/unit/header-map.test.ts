import { describe, expect, it } from 'vitest';
import { mapHeader, normalizeHeader } from '../../main/core/io/header-map';

describe('header mapping', () => {
  it('finds columns by name wherever they are', () => {
    const m = mapHeader(['商品', '订单状态', '订单号']);
    expect(m.index.orderNo).toBe(2);
    expect(m.index.productName).toBe(0);
  });
  it('accepts full-width brackets, stray spaces, tabs and a BOM', () => {
    expect(normalizeHeader('\uFEFF 商品总价（元）\t')).toBe('商品总价(元)');
    const m = mapHeader(['\uFEFF订单号', ' 用户实付金额（元） ', '商品数量(件)\t']);
    expect(m.index.orderNo).toBe(0);
    expect(m.index.paidAmount).toBe(1);
    expect(m.index.quantity).toBe(2);
    expect(m.names[0]).toBe('订单号');
  });
  it('knows the legacy names', () => {
    const m = mapHeader(['订单编号', '商品名称', '商家编码-SKU维度', '拼单成功时间']);
    expect(m.index).toMatchObject({ orderNo: 0, productName: 1, skuCode: 2, dealAt: 3 });
  });
  it('maps 商品id and 样式ID case-insensitively', () => {
    expect(mapHeader(['商品ID', '样式id']).index).toMatchObject({ productId: 0, styleId: 1 });
  });
  it('finds a read column given twice, by the same name or two names of it', () => {
    expect(mapHeader(['订单号', '售后状态', '商品', '售后状态']).duplicate).toEqual({ field: 'afterSale', first: 1, second: 3 });
    expect(mapHeader(['订单编号', '商品', '订单号']).duplicate).toEqual({ field: 'orderNo', first: 0, second: 2 });
    expect(mapHeader(['订单号', '快递公司', '快递公司']).duplicate).toBeNull();
  });
  it('takes 订单成交时间 over 拼单成功时间 when an old export has both', () => {
    const m = mapHeader(['订单号', '拼单成功时间', '订单成交时间']);
    expect(m.index.dealAt).toBe(2);
    expect(m.duplicate).toBeNull();
    expect(mapHeader(['订单号', '订单成交时间', '订单成交时间']).duplicate).toMatchObject({ field: 'dealAt' });
  });
});
