import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain';
import { findingsVerdict, sortFindings } from '../../renderer/src/features/findings/verdict';

const override = { id: 1, subject: 'order' as const, key: 'A', rule: 'REGION_LOCK' as const, reason: '已确认', by: 'PC\\me', at: '2026-06-20T12:00:00+08:00' };
const block = (rule: Finding['rule'], lifted = false): Finding => ({ rule, severity: 'block', params: {}, origin: 'order', override: lifted ? { ...override, rule } : null });
const warn = (rule: Finding['rule']): Finding => ({ rule, severity: 'warn', params: {}, origin: 'order', override: null });

describe('the 规则 badge of an order or product', () => {
  it('counts the active blocks, warnings or not', () => {
    expect(findingsVerdict([block('REGION_LOCK'), warn('LATE_SHIPMENT'), block('RECHARGE_TARGET', true)])).toEqual({ tone: 'block', count: 1 });
  });
  it('says 已放行 once every block is lifted, even with warnings left', () => {
    expect(findingsVerdict([block('REGION_LOCK', true), warn('LATE_SHIPMENT')])).toEqual({ tone: 'overridden', count: 1 });
  });
  it('counts warnings when nothing blocks', () => {
    expect(findingsVerdict([warn('LATE_SHIPMENT'), warn('REGION_PRODUCT_OPEN')])).toEqual({ tone: 'warn', count: 2 });
  });
  it('shows nothing without findings', () => {
    expect(findingsVerdict([])).toBeNull();
  });
  it('lists active blocks first, then warnings, then lifted blocks', () => {
    const sorted = sortFindings([warn('LATE_SHIPMENT'), block('REGION_LOCK', true), block('RECHARGE_TARGET')]);
    expect(sorted.map((f) => f.rule)).toEqual(['RECHARGE_TARGET', 'LATE_SHIPMENT', 'REGION_LOCK']);
  });
});
