import { describe, expect, it } from 'vitest';
import { refundOrCancel } from '../../shared/rules/classify';
import { AFTER_SALE_STATUSES, ORDER_STATUSES } from '../fixtures/orders';

describe('what a later export says became of an order', () => {
  it('cancelled, closed or refunded before shipment (its 售后状态 alone may say so) → beforeShipment; refunded after → afterShipment', () => {
    const verdicts: Record<string, string> = {};
    for (const st of ORDER_STATUSES) for (const as of AFTER_SALE_STATUSES) {
      const v = refundOrCancel(st, as);
      if (v) verdicts[`${st}|${as}`] = v;
    }
    const every = (st: string, v: string) => Object.fromEntries(AFTER_SALE_STATUSES.map((as) => [`${st}|${as}`, v]));
    expect(verdicts).toEqual({
      '待发货|退款成功': 'beforeShipment',
      ...every('已取消', 'beforeShipment'),
      ...every('交易关闭', 'beforeShipment'),
      ...every('未发货，退款成功', 'beforeShipment'),
      ...every('已发货，退款成功', 'afterShipment'),
    });
  });

  it('reads re-saved statuses (half-width comma, spaces) as the backend’s own', () => {
    expect(refundOrCancel('未发货, 退款成功', '')).toBe('beforeShipment');
    expect(refundOrCancel(' 已发货,退款成功', '退款成功')).toBe('afterShipment');
    expect(refundOrCancel('待发货', ' 退款成功 ')).toBe('beforeShipment');
    expect(refundOrCancel('待发货', '退款中')).toBeNull();
  });
});
