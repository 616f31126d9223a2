import { describe, expect, it } from 'vitest';
import { classifyOrder, isNoAfterSale } from '../../shared/rules/classify';
import { computeShipBy } from '../../shared/rules/ship-by';

describe('shippable or not', () => {
  it('ships 待发货 with no after-sale', () => {
    expect(classifyOrder('待发货', '无售后或售后取消', false)).toEqual({ shippable: true, reason: null });
    expect(classifyOrder('待发货', '', false)).toEqual({ shippable: true, reason: null });
  });
  it('reads empty or the export’s “none” (spaces aside) as no after-sale, and nothing else', () => {
    expect(isNoAfterSale('')).toBe(true);
    expect(isNoAfterSale('  ')).toBe(true);
    expect(isNoAfterSale(' 无售后或售后取消 ')).toBe(true);
    expect(isNoAfterSale('售后处理中')).toBe(false);
    expect(isNoAfterSale('退款成功')).toBe(false);
  });
  it('never ships an order in after-sale silently', () => {
    expect(classifyOrder('待发货', '售后处理中', false).reason).toBe('AFTER_SALE');
    expect(classifyOrder('待发货', '退款中', false).reason).toBe('AFTER_SALE');
    expect(classifyOrder('待发货', '退款成功', false).reason).toBe('REFUNDED');
  });
  it('says why each other status cannot ship', () => {
    expect(classifyOrder('待付款', '', false).reason).toBe('NOT_PAID');
    expect(classifyOrder('已发货，待签收', '无售后或售后取消', false).reason).toBe('SHIPPED');
    expect(classifyOrder('已发货,待收货', '', false).reason).toBe('SHIPPED');
    expect(classifyOrder('已签收', '', false).reason).toBe('RECEIVED');
    expect(classifyOrder('未发货，退款成功', '退款成功', false).reason).toBe('REFUNDED');
    expect(classifyOrder('已发货，退款成功', '退款成功', false).reason).toBe('REFUNDED');
    expect(classifyOrder('已取消', '', false).reason).toBe('CANCELLED');
    expect(classifyOrder('交易关闭', '', false).reason).toBe('CANCELLED');
    expect(classifyOrder('奇怪的状态', '', false).reason).toBe('UNKNOWN_STATUS');
  });
  it('reports a damaged order number before anything else', () => {
    expect(classifyOrder('待发货', '', true)).toEqual({ shippable: false, reason: 'DAMAGED_ORDER_NO' });
  });
});

describe('ship-by', () => {
  it('uses 承诺发货时间 when the export has it', () => {
    expect(computeShipBy('2026-06-21T10:00:00+08:00', '2026-06-20T10:00:00+08:00', 48)).toEqual({ shipBy: '2026-06-21T10:00:00+08:00', fromExport: true });
  });
  it('else paid time plus the promise', () => {
    expect(computeShipBy(null, '2026-06-20T23:30:00+08:00', 48).shipBy).toBe('2026-06-22T23:30:00+08:00');
    expect(computeShipBy(null, '2026-06-20T23:30:00+08:00', 24).shipBy).toBe('2026-06-21T23:30:00+08:00');
    expect(computeShipBy(null, null, 48).shipBy).toBeNull();
  });
});
