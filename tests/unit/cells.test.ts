import { describe, expect, it } from 'vitest';
import { cellText, numberText, parseCents, parseIntCell, parseTime } from '../../main/core/io/cells';

describe('cell text', () => {
  it('drops the trailing TAB the export puts after numbers, and nothing else', () => {
    expect(cellText('168.99\t')).toBe('168.99');
    expect(cellText('\t')).toBe('');
    expect(cellText('  京东E卡\u3000')).toBe('京东E卡');
    expect(cellText('a\tb')).toBe('a\tb');
  });
  it('writes numeric XLSX cells without float noise or exponent for integers', () => {
    expect(numberText(123456789012)).toBe('123456789012');
    expect(numberText(168.99000000000001)).toBe('168.99');
    expect(numberText(2.60607e20)).toBe('260607000000000000000');
  });
});

describe('money', () => {
  it('reads fen exactly from the forms exports and re-saves write', () => {
    expect(parseCents('168.99\t')).toBe(16899);
    expect(parseCents('1,234.50')).toBe(123450);
    expect(parseCents('¥12')).toBe(1200);
    expect(parseCents('0.1')).toBe(10);
    expect(parseCents('19.995')).toBe(2000);
    expect(parseCents('－3.00')).toBe(-300);
    expect(parseCents(12.3)).toBe(1230);
    expect(parseCents('')).toBeNull();
    expect(parseCents('abc')).toBeNull();
  });
  it('reads counts', () => {
    expect(parseIntCell('1\t')).toBe(1);
    expect(parseIntCell('2.0')).toBe(2);
    expect(parseIntCell(3)).toBe(3);
    expect(parseIntCell('x')).toBeNull();
  });
});

describe('times (Beijing)', () => {
  it('reads the backend form', () => {
    expect(parseTime('2026-06-20 10:21:37')).toBe('2026-06-20T10:21:37+08:00');
  });
  it('reads the Excel re-save form without seconds or zero padding', () => {
    expect(parseTime('2026/6/6 13:41')).toBe('2026-06-06T13:41:00+08:00');
  });
  it('reads Excel date serials as Beijing wall-clock time', () => {
    // 46193.5 = 2026-06-20 12:00 in Excel's calendar
    expect(parseTime(46193.5)).toBe('2026-06-20T12:00:00+08:00');
    expect(parseTime('46193.5')).toBe('2026-06-20T12:00:00+08:00');
  });
  it('refuses impossible dates rather than guessing', () => {
    expect(parseTime('2026-02-30 10:00:00')).toBeNull();
    expect(parseTime('昨天')).toBeNull();
    expect(parseTime('')).toBeNull();
  });
});
