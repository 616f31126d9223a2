import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLATFORMS, DIVERSION_SEVERITY, findDiversion, findDiversionInSegments, findDiversionInTemplate, type DiversionHit,
} from '../../shared/rules/platform/diversion';
import { normalizeText } from '../../shared/rules/platform/normalize-text';
import { DEFAULT_TEMPLATES, renderMessage, renderMessageSegments, type MessageItem, type MessageOrder } from '../../shared/rules/message';
import { BLOCKED, PASSED, WARNED, renderedSegments, type DiversionCase } from '../fixtures/diversion-corpus';

const run = (c: DiversionCase): { raw: string; hits: DiversionHit[] } => ('text' in c
  ? { raw: c.text, hits: findDiversion(c.text, c.opts) }
  : { raw: c.segments.map((s) => s.text).join(''), hits: findDiversionInSegments(c.segments, c.opts) });
const kinds = (hits: DiversionHit[]) => hits.map((h) => h.kind);
const mapsBack = (raw: string, hits: DiversionHit[]) => hits.every((h) => h.start < h.end && h.text === raw.slice(h.start, h.end));

describe('the diversion corpus', () => {
  it('has at least 90 blocked and 90 passing messages', () => {
    expect(BLOCKED.length).toBeGreaterThanOrEqual(90);
    expect(PASSED.length).toBeGreaterThanOrEqual(90);
  });

  it.each(BLOCKED.map((c) => [c.note, c] as const))('blocks %s', (note, c) => {
    const { raw, hits } = run(c);
    expect(kinds(hits), `${note}: ${raw}`).toContain(c.expect);
    expect(DIVERSION_SEVERITY[c.expect!], note).toBe('block');
    expect(mapsBack(raw, hits), note).toBe(true);
  });

  it.each(WARNED.map((c) => [c.note, c] as const))('warns on %s and blocks nothing', (note, c) => {
    const { raw, hits } = run(c);
    expect(kinds(hits), `${note}: ${raw}`).toContain(c.expect);
    expect(hits.filter((h) => h.severity === 'block'), note).toEqual([]);
  });

  it.each(PASSED.map((c) => [c.note, c] as const))('passes %s', (note, c) => {
    const { raw, hits } = run(c);
    expect(hits, `${note}: ${raw}`).toEqual([]);
  });
});

describe('a hit', () => {
  it('covers the whole trick in the raw text', () => {
    const raw = '您好，薇 信：abc123 谢谢';
    const [hit] = findDiversion(raw);
    expect(hit).toMatchObject({ kind: 'CONTACT_VALUE', severity: 'block', text: '薇 信：abc123' });
    expect(raw.slice(hit.start, hit.end)).toBe(hit.text);
  });

  it('includes the keycaps and zero-width characters inside it', () => {
    const keycaps = '电话1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣。';
    expect(findDiversion(keycaps)).toMatchObject([{ kind: 'MOBILE', text: keycaps.slice(2, -1) }]);
    expect(findDiversion('加微\u200b信')[0].text).toBe('加微\u200b信');
  });

  it('is sorted by start and drops a warning that overlaps a block', () => {
    const hits = findDiversion('私信微信abc123，私聊');
    expect(hits.map((h) => h.start)).toEqual([...hits.map((h) => h.start)].sort((a, b) => a - b));
    expect(hits.filter((h) => h.kind === 'SOFT_TALK').map((h) => h.text)).toEqual(['私聊']);
    expect(kinds(hits)).not.toContain('PLATFORM_WORD');
  });
});

describe('allowed numbers', () => {
  it('exempt the order’s recharge number but not another number', () => {
    const opts = { allowedNumbers: ['138 0013 8000'] };
    expect(findDiversion('已为 13800138000 充值', opts)).toEqual([]);
    expect(findDiversion('已为 +86 138-0013-8000 充值', opts)).toEqual([]);
    expect(kinds(findDiversion('已为 13800138000 充值，客服 13912345678', opts))).toEqual(['MOBILE']);
    expect(kinds(findDiversion('已为QQ 123456789 充值', { allowedNumbers: ['123456789'] }))).not.toContain('QQ_NUMBER');
    expect(kinds(findDiversion('已为QQ 123456789 充值'))).toContain('QQ_NUMBER');
  });
});

describe('templates', () => {
  it('treat each variable as a hole nothing matches across', () => {
    expect(findDiversionInTemplate('加{商品}v')).toEqual([]);
    expect(kinds(findDiversionInTemplate('加v{商品}'))).toEqual(['CONTACT_COMMAND']);
    expect(findDiversionInTemplate('请联系138{数量}12345678')).toEqual([]);
    expect(findDiversionInTemplate('微信{订单号}')).toMatchObject([{ kind: 'PLATFORM_WORD', text: '微信' }]);
  });

  it('never count a variable as digits', () => {
    expect(findDiversionInTemplate('QQ {充值号码} 已充值')).toMatchObject([{ kind: 'PLATFORM_WORD' }]);
    expect(findDiversionInTemplate('{充值号码}{订单号}')).toEqual([]);
  });

  it('read an unknown {名字} as text, since it is sent as written', () => {
    expect(kinds(findDiversionInTemplate('{微信abc123}'))).toContain('CONTACT_VALUE');
  });

  it('pass every default template', () => {
    for (const t of Object.values(DEFAULT_TEMPLATES)) expect(findDiversionInTemplate(t), t).toEqual([]);
  });
});

describe('segments', () => {
  it('read only the template’s words: the same values as text are blocked', () => {
    const segs = renderedSegments('account', {}, [{ login: 'kefu@qq.com', password: '13812345678', rentalUntil: null }]);
    expect(findDiversionInSegments(segs)).toEqual([]);
    expect(kinds(findDiversion(segs.map((s) => s.text).join('')))).toEqual(expect.arrayContaining(['EMAIL', 'MOBILE']));
  });

  it('give offsets into the joined text', () => {
    const segs = [{ text: '卡号 ', from: 'template' as const }, { text: 'ABC', from: 'item' as const }, { text: '，加V ', from: 'template' as const }];
    const [hit] = findDiversionInSegments(segs);
    expect(hit).toMatchObject({ kind: 'CONTACT_COMMAND', start: 7, end: 9, text: '加V' });
  });
});

describe('options', () => {
  it('take a custom platform list instead of the default one', () => {
    expect(kinds(findDiversion('去拼好货下单'))).toEqual([]);
    expect(kinds(findDiversion('去拼好货下单', { platforms: ['拼好货'] }))).toContain('OTHER_PLATFORM');
    expect(findDiversion('去淘宝搜', { platforms: ['拼好货'] })).toEqual([]);
    expect(DEFAULT_PLATFORMS).toContain('淘宝');
  });

  it('take custom soft words and extra blocked words, normalised like the text', () => {
    expect(findDiversion('老 顾 客 专 享')).toEqual([]);
    expect(findDiversion('老 顾 客 专 享', { softWords: ['老顾客'] })).toMatchObject([{ kind: 'SOFT_TALK', severity: 'warn', text: '老 顾 客' }]);
    expect(findDiversion('私聊', { softWords: [] })).toEqual([]);
    expect(findDiversion('去 某 某 商 城 看看', { extraBlocked: ['某某商城'] })).toMatchObject([{ severity: 'block', text: '某 某 商 城' }]);
  });
});

describe('the normaliser', () => {
  it('folds look-alikes, numerals and separators and maps every unit back', () => {
    const raw = 'Ｖ❤信 幺三八';
    const { dense } = normalizeText(raw);
    expect(dense.text).toBe('微信138');
    expect(dense.start.length).toBe(dense.text.length);
    expect(raw.slice(dense.start[0], dense.end[1])).toBe('Ｖ❤信');
  });
});

describe('renderMessageSegments', () => {
  const order: MessageOrder = { orderNo: '260607-400000294410900', productName: '京东E卡', spec: '100元', quantity: 2, rechargeNo: '13800000000' };
  const items: MessageItem[] = [
    { cardNo: 'C1', password: 'P1', code: '', login: '', rentalUntil: null, expiresAt: '2026-07-01T23:59:59+08:00' },
    { cardNo: 'C2', password: '', code: '', login: '', rentalUntil: null, expiresAt: null },
  ];
  const templates = [...Object.values(DEFAULT_TEMPLATES), '订单{订单号} {商品}/{规格}×{数量}：{卡号} {密码} 至{有效期至} 充{充值号码} {未知}', '{toString}{卡号', '{}{{激活码}}', ''];

  it('join to renderMessage’s text for every template and item count', () => {
    for (const t of templates) for (const n of [0, 1, 2]) {
      expect(renderMessageSegments(t, order, items.slice(0, n)).map((s) => s.text).join(''), t).toBe(renderMessage(t, order, items.slice(0, n)));
    }
  });

  it('tell the order’s values, the items’ values and the template apart', () => {
    const segs = renderMessageSegments('{订单号}:{卡号}', order, items);
    expect(segs).toEqual([
      { text: order.orderNo, from: 'order' }, { text: ':', from: 'template' }, { text: 'C1', from: 'item' },
      { text: '\n', from: 'template' },
      { text: order.orderNo, from: 'order' }, { text: ':', from: 'template' }, { text: 'C2', from: 'item' },
    ]);
  });
});
