import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectSep, parseStock } from '../../main/core/io/read-stock';
import { AppError } from '../../shared/errors';
import { maskSecret } from '../../shared/rules/mask';
import { suggestProfile } from '../../shared/rules/suggest';
import { quotedCsv } from '../fixtures/stock';

const text = (s: string) => ({ name: 'stock.txt', bytes: Buffer.from(s) });

describe('reading stock files', () => {
  it('reads card number and password with every separator', () => {
    for (const sep of ['----', '|', '\t', ',', ' ']) {
      const r = parseStock(text(`8831000012344410${sep}PW-aa01\n8831000012344411${sep}PW-aa02\n`), 'card');
      expect(r.sep).toBe(sep);
      expect(r.items.map((i) => [i.cardNo, i.password])).toEqual([['8831000012344410', 'PW-aa01'], ['8831000012344411', 'PW-aa02']]);
    }
  });
  it('reads one code per line, skipping blank lines, keeping line numbers', () => {
    const r = parseStock(text('AAAA-BBBB-CCCC\n\n  \nDDDD-EEEE-FFFF\r\n'), 'code');
    expect(r.items.map((i) => [i.line, i.code])).toEqual([[1, 'AAAA-BBBB-CCCC'], [4, 'DDDD-EEEE-FFFF']]);
  });
  it('reads accounts with extras and a trailing expiry date', () => {
    const r = parseStock(text('steam_user1----pass1----邮箱:a@b.c----2026-12-31\n'), 'account');
    expect(r.items[0]).toMatchObject({ login: 'steam_user1', password: 'pass1', extras: '邮箱:a@b.c', expiresAt: '2026-12-31T00:00:00+08:00' });
  });
  it('strips the labels suppliers leave in', () => {
    const r = parseStock(text('卡号：123456789012----密码：abcdef\n'), 'card');
    expect(r.items[0]).toMatchObject({ cardNo: '123456789012', password: 'abcdef' });
  });
  it('reads a GBK CSV with a header row', () => {
    const bytes = iconv.encode('卡号,密码,有效期\n0012345678901234,ＡＢ密码,2027/1/31\n', 'gb18030');
    const r = parseStock({ name: 'cards.csv', bytes }, 'card');
    expect(r.items[0]).toMatchObject({ cardNo: '0012345678901234', password: 'ＡＢ密码', expiresAt: '2027-01-31T00:00:00+08:00' });
  });
  it('rejects lines over 1,000 characters and lines missing a part, with their numbers', () => {
    const r = parseStock(text(`A----1\n${'x'.repeat(1001)}----2\nB\n`), 'card');
    expect(r.rejected).toEqual([{ line: 2, code: 'LINE_TOO_LONG', params: { max: 1000 }, reason: '超过 1000 个字符' }, { line: 3, code: 'MISSING_PASSWORD', reason: '缺少密码' }]);
  });
  it('refuses a binary file and a file with no item', () => {
    expect(() => parseStock({ name: 'x.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }, 'code')).toThrow(AppError);
    expect(() => parseStock(text('\n \n'), 'code')).toThrow(/没有任何/);
    expect(() => parseStock({ name: 'e.txt', bytes: Buffer.alloc(0) }, 'code')).toThrow(AppError);
  });
  it('reads quoted CSV as CSV: the header by its names, every secret without its quotes', () => {
    const r = parseStock({ name: 'c.csv', bytes: quotedCsv([{ cardNo: '6338000011112222', password: '670665' }, { cardNo: '6338000011113333', password: '6,7"0' }]) }, 'card');
    expect(r.items.map((i) => [i.line, i.cardNo, i.password])).toEqual([[2, '6338000011112222', '670665'], [3, '6338000011113333', '6,7"0']]);
    const codesCsv = parseStock(text('"激活码"\r\n"AAAA-1111"\r\n"BBBB-2222"\r\n'), 'code');
    expect(codesCsv.items.map((i) => i.code)).toEqual(['AAAA-1111', 'BBBB-2222']);
    // ---- and | lines stay as they are, a quote in a password included
    expect(parseStock(text('8831----pa"ss\n8832----pw\n'), 'card').items[0].password).toBe('pa"ss');
    expect(() => parseStock(text('"卡号","密码"\n"6338,"670665\n"unclosed,x\n'), 'card')).toThrow(AppError);
  });
  it('takes a row as a header only when most of its cells are header names', () => {
    expect(parseStock(text('卡号,密码,面值\n8831,pw,100\n'), 'card').items).toHaveLength(1);
    expect(parseStock(text('steam_a----pw----备注\n'), 'account').items[0]).toMatchObject({ login: 'steam_a', extras: '备注' });
  });
  it('recognises an order export by its header, whatever the separator or quoting', () => {
    for (const header of ['订单号,商品,订单状态', '"商品","订单号"', '商品\t订单状态\t商品数量(件)', '订单编号;商品名称']) {
      expect(() => parseStock(text(`${header}\nx,y,z\n`), 'code'), header).toThrow(/订单导出文件/);
    }
    // a stock header naming one order column is still stock
    expect(parseStock(text('商品,激活码\nVIP,AAAA-1\n'), 'code').items).toHaveLength(1);
  });
  it('refuses an impossible trailing date instead of keeping it in the secret', () => {
    const r = parseStock(text('AAAA-1,2026-02-30\nBBBB-2,2026-02-28\n'), 'code');
    expect(r.rejected).toEqual([{ line: 1, code: 'BAD_DATE', params: { value: '2026-02-30' }, reason: '日期「2026-02-30」不存在' }]);
    expect(r.items[0]).toMatchObject({ code: 'BBBB-2', expiresAt: '2026-02-28T00:00:00+08:00' });
  });
  it('detects the separator most lines share', () => {
    expect(detectSep(['a----b', 'c----d', 'e|f'], 'card')).toBe('----');
    expect(detectSep(['abc', 'def'], 'code')).toBeNull();
  });
});

describe('masking', () => {
  it('keeps the ends of a secret and hides the middle', () => {
    expect(maskSecret('8831000012344410')).toBe('88****10');
    expect(maskSecret('NDW9P2P200')).toBe('ND****0');
    expect(maskSecret('ABCDEFG')).toBe('A****G');
    expect(maskSecret('abcd')).toBe('a****');
    expect(maskSecret('abc')).toBe('****');
  });
  it('shows at most a third of a secret and never more than 4 characters, whatever its length', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn';
    // characters shown at the start / at the end, by length (shared/rules/mask.ts): none up to 3,
    // then a third rounded down (the start getting the odd one), 2 + 2 from 12 characters on
    const shown: Record<number, [number, number]> = { 1: [0, 0], 2: [0, 0], 3: [0, 0], 4: [1, 0], 5: [1, 0], 6: [1, 1], 7: [1, 1], 8: [1, 1], 9: [2, 1], 10: [2, 1], 11: [2, 1] };
    for (let len = 1; len <= 40; len++) {
      const s = alphabet.slice(0, len);
      const [head, tail] = shown[len] ?? [2, 2];
      const m = maskSecret(s);
      expect(m, s).toBe(s.slice(0, head) + '****' + s.slice(len - tail));
      // the middle is gone: not one of its (distinct) characters shows
      for (const ch of s.slice(head, len - tail)) expect(m, s).not.toContain(ch);
    }
    expect(maskSecret('  8831000012344410 ')).toBe('88****10');
  });
});

describe('delivery profile suggestions', () => {
  it('reads rentals with their term', () => {
    expect(suggestProfile('Steam 账号出租 7天', '')).toMatchObject({ kind: 'account', terms: { rentalDays: 7 } });
    expect(suggestProfile('王者荣耀 租号', '3小时')).toMatchObject({ kind: 'account', terms: { rentalDays: 1 } });
  });
  it('reads top-ups and their region lock', () => {
    expect(suggestProfile('江苏移动话费充值100元', '')).toMatchObject({ kind: 'recharge', terms: { region: ['江苏'] } });
    expect(suggestProfile('全国流量充值', '1G').terms.region).toBeUndefined();
  });
  it('reads codes, cards and stored value', () => {
    // 卡密 is a card (卡号+密码), issue 12; an activation code is 激活码.
    expect(suggestProfile('腾讯视频VIP月卡 卡密', '').kind).toBe('card');
    expect(suggestProfile('Office 激活码', '').kind).toBe('code');
    expect(suggestProfile('京东E卡 100元', '').kind).toBe('card');
    const kfc = suggestProfile('肯德基 电子券 30天有效', '');
    expect(kfc).toMatchObject({ kind: 'stored-value', terms: { validDays: 30 } });
    // Approval by category operations is never assumed: accepting the suggestion still blocks 30 days.
    expect(kfc.terms.brandApproved).toBeUndefined();
    expect(kfc.why.map((w) => w.code)).toContain('KNOWN_BRAND');
  });
  it('reads custom work with its default agreed time', () => {
    expect(suggestProfile('Logo 定制设计', '')).toMatchObject({ kind: 'custom', terms: { shipDays: 10 } });
  });
  it('suggests nothing from nothing', () => {
    expect(suggestProfile('神秘商品', '').kind).toBeNull();
    expect(suggestProfile('神秘商品', '').why).toEqual([]);
  });
  it('gives each reason a code, the values it names, and the Chinese sentence the CLI prints', () => {
    expect(suggestProfile('Steam 账号出租 7天', '').why).toEqual([
      { code: 'KIND_ACCOUNT', params: { word: '出租' }, text: '含「出租」：账号租赁' },
      { code: 'RENTAL_DAYS', params: { days: 7 }, text: '租期 7 天' },
    ]);
    expect(suggestProfile('江苏 浙江 移动话费充值', '').why).toEqual([
      { code: 'KIND_RECHARGE', params: { word: '话费' }, text: '含「话费」：直充' },
      { code: 'REGION', params: { regions: '江苏、浙江' }, text: '地区限定：江苏、浙江' },
    ]);
    expect(suggestProfile('肯德基 电子券 30天有效', '').why.map((w) => w.text)).toEqual(['含「电子券」：储值卡', '有效期 30 天', '知名品牌（可申请超过 15 天）']);
    expect(suggestProfile('Logo 定制设计', '').why.map((w) => w.text)).toEqual(['含「Logo」：定制', '定制默认约定 10 天发货']);
    expect(suggestProfile('上门保洁 3天内', '').why.map((w) => w.text)).toEqual(['含「上门」：线下服务', '履约 3 天']);
    expect(suggestProfile('Logo 定制 5天发货', '').why.map((w) => w.text)).toEqual(['含「Logo」：定制', '约定 5 天发货']);
  });
});
