/**
 * Counts in UI sentences are grouped by thousands (50,000), as the seller centres show them;
 * identifiers (a recharge number, a row, an id) are never touched, whatever type they arrive as.
 */
import { describe, expect, it } from 'vitest';
import zhCN from '../../renderer/src/i18n/zh-CN.json';
import { fillVars } from '../../renderer/src/i18n/fill-vars';
import { formatCount } from '../../renderer/src/lib/format/count';

describe('numbers in UI sentences', () => {
  it('groups counts by thousands', () => {
    expect(fillVars(zhCN['grid.total'], { total: 50000 })).toBe('共 50,000 个订单');
    expect(fillVars(zhCN['grid.total'], { total: 999 })).toBe('共 999 个订单');
    expect(fillVars(zhCN['grid.total'], { total: 1234567 })).toBe('共 1,234,567 个订单');
    expect(formatCount(25197)).toBe('25,197');
    expect(formatCount(0)).toBe('0');
  });

  it('leaves identifiers and strings as written', () => {
    // A recharge number passed as a number must come out digit for digit.
    expect(fillVars(zhCN['rules.RECHARGE_TARGET.message.mobile'], { number: 13812345678 })).toBe('充值号码 13812345678 不是有效的手机号');
    expect(fillVars(zhCN['errors.note.XLSX_BAD_ROW_REF'], { ref: 1048577 })).toBe('行号「1048577」无效');
    // A string that looks like a number is a string: not grouped; an unknown name stays.
    expect(fillVars(zhCN['grid.total'], { total: '50000' })).toBe('共 50000 个订单');
    expect(fillVars('{a} 与 {b}', { a: 1200 })).toBe('1,200 与 {b}');
  });

  it('names the unit of a kind’s items', () => {
    expect(zhCN['unit.card']).toBe('张');
    expect(zhCN['unit.stored-value']).toBe('张');
    expect(zhCN['unit.code']).toBe('个');
    expect(zhCN['unit.account']).toBe('个');
  });
});
