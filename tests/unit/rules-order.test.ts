/**
 * The order-level platform rules (shared/rules/platform/order-rules.ts), each at its threshold,
 * just under, just over, and with its parameter changed (issue #9, "Tests"); and every message of
 * every rule rendered with its values (finding-text.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import type { DeliveryKind, ProductTerms, RuleHit, RuleId, RuleParams } from '../../shared/domain';
import { RULE_IDS } from '../../shared/domain';
import { toBeijingIso } from '../../shared/rules/classify';
import { defaultRuleParams, RULES } from '../../shared/rules/platform/catalogue';
import { findingText, messageKey } from '../../shared/rules/platform/finding-text';
import { checkOrder, shortProvince } from '../../shared/rules/platform/order-rules';
import { rechargeTargetOf } from '../../shared/rules/platform/recharge';
import type { RuleEnv, RuleOrder, RuleProduct } from '../../shared/rules/platform/subjects';

const NOW = Date.parse('2026-06-20T12:00:00+08:00');
const S = 1000;
const H = 3_600_000;
const D = 86_400_000;
const at = (ms: number) => toBeijingIso(ms);

type Params = Record<RuleId, RuleParams>;
function env(change?: (p: Params) => void, over: Partial<RuleEnv> = {}): RuleEnv {
  const params = defaultRuleParams();
  change?.(params);
  return { now: NOW, params, shopType: 'enterprise', ...over };
}
const product = (kind: DeliveryKind | null, terms: ProductTerms, title: string, spec = '', confirmed = kind !== null): RuleProduct =>
  ({ skuKey: `${title}|${spec}`, title, spec, kind, confirmed, terms });

/** A card product with nothing to find: the default line of an order. */
const CARD = product('card', {}, '京东E卡 100元 卡密', '100元 电子卡');
const JIANGSU = product('recharge', { region: ['江苏'] }, '江苏移动话费充值100元 快充 24小时内到账', '100元 快充');
const PHONE = product('recharge', {}, '全国三网话费充值【移动/联通/电信】手机话费 自动充值', '100元');
const QQ = product('recharge', {}, 'QQ音乐绿钻豪华版 1个月 自动充值', '1个月');
const VIDEO = product('recharge', {}, '腾讯视频VIP月卡 腾讯视频会员1个月 官方直充', '直充到手机号');
const LOGO = (terms: ProductTerms) => product('custom', terms, 'LOGO设计 原创商标设计 满意为止（定制）', '基础版 3稿');

function order(o: Partial<RuleOrder> = {}): RuleOrder {
  return {
    orderNo: '260620-100000000000001', reason: null, afterSale: '无售后或售后取消', province: '江苏省', rechargeNo: '',
    paidAt: at(NOW - 2 * H), shipBy: null, products: [CARD], items: [], stockShort: null, ...o,
  };
}
const check = (o: Partial<RuleOrder>, e: RuleEnv = env()): RuleHit[] => checkOrder(order(o), e);
const only = (rule: RuleId, o: Partial<RuleOrder>, e: RuleEnv = env()): RuleHit[] => check(o, e).filter((h) => h.rule === rule);

describe('a plain order', () => {
  it('has no finding', () => {
    expect(check({})).toEqual([]);
  });
});

describe('REGION_LOCK (seed §8(5))', () => {
  const lock = (o: Partial<RuleOrder>, e?: RuleEnv) => only('REGION_LOCK', { products: [JIANGSU], rechargeNo: '13812345678', ...o }, e);

  it('by the order’s 省: 江苏省 inside 江苏 passes, 广东省 blocks', () => {
    expect(shortProvince('江苏省')).toBe('江苏');
    expect(shortProvince('广西壮族自治区')).toBe('广西');
    expect(shortProvince('  ')).toBe('');
    expect(lock({ province: '江苏省' })).toEqual([]);
    expect(lock({ province: '江苏' })).toEqual([]);
    expect(lock({ province: '广东省' })).toEqual([{ rule: 'REGION_LOCK', severity: 'block', params: { reason: 'province', region: '江苏', province: '广东' } }]);
  });

  it('reads a region given with full names, and several regions', () => {
    const full = product('recharge', { region: ['江苏省'] }, JIANGSU.title, JIANGSU.spec);
    expect(lock({ province: '江苏省', products: [full] })).toEqual([]);
    const two = product('recharge', { region: ['江苏', '浙江'] }, '江浙沪移动流量包', '10GB');
    expect(lock({ province: '浙江省', products: [two] })).toEqual([]);
    expect(lock({ province: '上海市', products: [two] })).toEqual([{ rule: 'REGION_LOCK', severity: 'block', params: { reason: 'province', region: '江苏、浙江', province: '上海' } }]);
  });

  it('without 省, by the number’s home province (the province decides when both are known)', () => {
    const ofNumber = vi.fn((no: string) => (no.startsWith('138') ? '江苏' : no.startsWith('135') ? '广东' : null));
    const e = env(undefined, { provinceOfNumber: ofNumber });
    expect(lock({ province: '', rechargeNo: '13812345678' }, e)).toEqual([]);
    expect(lock({ province: '', rechargeNo: '+86 135-1234-5678' }, e)).toEqual([
      { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'number', region: '江苏', number: '13512345678', province: '广东' } },
    ]);
    expect(ofNumber).toHaveBeenLastCalledWith('13512345678');
    expect(lock({ province: '江苏省', rechargeNo: '13512345678' }, e)).toEqual([]);
  });

  it('warns when the region cannot be known: no 省 and an unknown number, no number, or no number data', () => {
    const unknown: RuleHit = { rule: 'REGION_LOCK', severity: 'warn', params: { reason: 'unknown', region: '江苏' } };
    const e = env(undefined, { provinceOfNumber: () => null });
    expect(lock({ province: '', rechargeNo: '19912345678' }, e)).toEqual([unknown]);
    expect(lock({ province: '', rechargeNo: '' }, e)).toEqual([unknown]);
    expect(lock({ province: '', rechargeNo: '12345678' }, env(undefined, { provinceOfNumber: () => '江苏' }))).toEqual([unknown]);
    expect(lock({ province: '' }, env())).toEqual([unknown]);
  });

  it('with byNumber=false does not look at the number: warn', () => {
    const ofNumber = vi.fn(() => '江苏');
    const e = env((p) => { p.REGION_LOCK.byNumber = false; }, { provinceOfNumber: ofNumber });
    expect(lock({ province: '' }, e)).toEqual([{ rule: 'REGION_LOCK', severity: 'warn', params: { reason: 'unknown', region: '江苏' } }]);
    expect(ofNumber).not.toHaveBeenCalled();
    expect(lock({ province: '广东省' }, e)[0]?.params.reason).toBe('province');
  });

  it('leaves a product without a region alone', () => {
    expect(lock({ province: '广东省', products: [PHONE] })).toEqual([]);
  });
});

describe('RECHARGE_TARGET (seed §8(4))', () => {
  const target = (p: RuleProduct, rechargeNo: string) => only('RECHARGE_TARGET', { products: [p], rechargeNo });
  const block = (reason: string, number?: string): RuleHit[] => [{ rule: 'RECHARGE_TARGET', severity: 'block', params: number === undefined ? { reason } : { reason, number } }];

  it('reads the target from the title: 话费/流量 → mobile, QQ → qq, else either', () => {
    expect(rechargeTargetOf(PHONE.title, PHONE.spec, {})).toBe('mobile');
    expect(rechargeTargetOf(QQ.title, QQ.spec, {})).toBe('qq');
    expect(rechargeTargetOf(VIDEO.title, VIDEO.spec, {})).toBe('any');
    expect(rechargeTargetOf(QQ.title, QQ.spec, { rechargeTarget: 'mobile' })).toBe('mobile');
  });

  it('blocks a top-up with no number', () => {
    expect(target(PHONE, '')).toEqual(block('missing'));
    expect(target(PHONE, '  ')).toEqual(block('missing'));
    expect(target(QQ, '')).toEqual(block('missing'));
  });

  it('mobile: 11 digits 1[3-9]… (with +86, spaces, dashes) pass; 10, 12 digits, letters, a landline block', () => {
    expect(target(PHONE, '13812345678')).toEqual([]);
    expect(target(PHONE, '+86 138 1234 5678')).toEqual([]);
    expect(target(PHONE, '0086-13812345678')).toEqual([]);
    expect(target(PHONE, '1381234567')).toEqual(block('mobile', '1381234567'));
    expect(target(PHONE, '138123456789')).toEqual(block('mobile', '138123456789'));
    expect(target(PHONE, '1381234567a')).toEqual(block('mobile', '1381234567a'));
    expect(target(PHONE, '025-84561234')).toEqual(block('mobile', '025-84561234'));
    expect(target(PHONE, '12812345678')).toEqual(block('mobile', '12812345678'));
  });

  it('qq: 5 to 11 digits pass, 4 and 12 block, so do a leading 0 and a mobile number', () => {
    expect(target(QQ, '1234')).toEqual(block('qq', '1234'));
    expect(target(QQ, '12345')).toEqual([]);
    expect(target(QQ, '3012345678')).toEqual([]);
    expect(target(QQ, '10234567890')).toEqual([]);
    expect(target(QQ, '102345678901')).toEqual(block('qq', '102345678901'));
    expect(target(QQ, '01234567')).toEqual(block('qq', '01234567'));
    // The buyer's phone in the QQ field (fixed: it passed as an 11-digit QQ number).
    expect(target(QQ, '13812345678')).toEqual(block('qq', '13812345678'));
  });

  it('any: a mobile or a QQ number passes, anything else blocks', () => {
    expect(target(VIDEO, '13812345678')).toEqual([]);
    expect(target(VIDEO, '12345678')).toEqual([]);
    expect(target(VIDEO, 'abc123')).toEqual(block('any', 'abc123'));
    expect(target(VIDEO, '1234')).toEqual(block('any', '1234'));
  });

  it('follows the product’s rechargeTarget over its title, and reads only top-ups', () => {
    const qqAsMobile = product('recharge', { rechargeTarget: 'mobile' }, QQ.title, QQ.spec);
    expect(target(qqAsMobile, '12345678')).toEqual(block('mobile', '12345678'));
    expect(target(qqAsMobile, '13812345678')).toEqual([]);
    expect(target(CARD, '')).toEqual([]);
  });
});

describe('LATE_SHIPMENT (seed §8(1))', () => {
  const late = (shipByMs: number | null, e?: RuleEnv) => only('LATE_SHIPMENT', { shipBy: shipByMs === null ? null : at(shipByMs) }, e);
  const warn = (reason: string, hours: number): RuleHit[] => [{ rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason, hours } }];

  it('due in exactly dueWithinHours (6) warns dueSoon, 1 s more is nothing', () => {
    expect(late(NOW + 6 * H)).toEqual(warn('dueSoon', 6));
    expect(late(NOW + 6 * H + S)).toEqual([]);
    expect(late(NOW + 5 * H + 30 * 60 * S)).toEqual(warn('dueSoon', 6));
    expect(late(NOW + 60 * S)).toEqual(warn('dueSoon', 1));
    expect(late(NOW)).toEqual(warn('dueSoon', 1));
  });

  it('1 s past the ship-by is overdue (by 1 hour, never 0), then by whole hours', () => {
    expect(late(NOW - S)).toEqual(warn('overdue', 1));
    expect(late(NOW - 59 * 60 * S)).toEqual(warn('overdue', 1));
    expect(late(NOW - 3 * H)).toEqual(warn('overdue', 3));
    expect(late(NOW - 3 * H - 30 * 60 * S)).toEqual(warn('overdue', 3));
    // From two days late on, whole days.
    expect(late(NOW - 48 * H + S)).toEqual(warn('overdue', 47));
    expect(late(NOW - 48 * H)).toEqual([{ rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'overdueDays', days: 2 } }]);
    expect(late(NOW - 3991 * H)).toEqual([{ rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'overdueDays', days: 166 } }]);
  });

  it('follows dueWithinHours: 24 warns at 24 h, 0 only at the deadline itself', () => {
    const day = env((p) => { p.LATE_SHIPMENT.dueWithinHours = 24; });
    expect(late(NOW + 24 * H, day)).toEqual(warn('dueSoon', 24));
    expect(late(NOW + 24 * H + S, day)).toEqual([]);
    expect(late(NOW + 6 * H + S, day)).toEqual(warn('dueSoon', 7));
    const zero = env((p) => { p.LATE_SHIPMENT.dueWithinHours = 0; });
    expect(late(NOW + S, zero)).toEqual([]);
    expect(late(NOW, zero)).toEqual(warn('dueSoon', 1));
    expect(late(NOW - S, zero)).toEqual(warn('overdue', 1));
  });

  it('says nothing without a ship-by', () => {
    expect(late(null)).toEqual([]);
  });
});

describe('CUSTOM_SHIP_DEADLINE (seed §9)', () => {
  const paid = NOW - 30 * D;
  /** The check `ms` after payment. */
  const custom = (terms: ProductTerms, ms: number, e?: Partial<RuleEnv>, change?: (p: Params) => void) =>
    only('CUSTOM_SHIP_DEADLINE', { products: [LOGO(terms)], paidAt: at(paid) }, env(change, { now: paid + ms, ...e }));

  it.each([24, 48] as const)('%i h: nothing at the deadline, a warning 1 s after', (hours) => {
    expect(custom({ shipHours: hours }, hours * H - S)).toEqual([]);
    expect(custom({ shipHours: hours }, hours * H)).toEqual([]);
    expect(custom({ shipHours: hours }, hours * H + S)).toEqual([
      { rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: { reason: 'hours', hours, deadline: '2026-05-' + (hours === 24 ? '22' : '23') + ' 12:00' } },
    ]);
  });

  it('an agreed shipDays: nothing at the deadline, a warning 1 s after', () => {
    expect(custom({ shipDays: 3 }, 3 * D)).toEqual([]);
    expect(custom({ shipDays: 3 }, 3 * D + S)).toEqual([{ rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: { reason: 'days', days: 3, deadline: '2026-05-24 12:00' } }]);
  });

  it('no time chosen: agreedDays (default 10) from payment, and the parameter moves it', () => {
    expect(custom({}, 10 * D)).toEqual([]);
    expect(custom({}, 10 * D + S)).toEqual([{ rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: { reason: 'days', days: 10, deadline: '2026-05-31 12:00' } }]);
    const five = (p: Params) => { p.CUSTOM_SHIP_DEADLINE.agreedDays = 5; };
    expect(custom({}, 5 * D, {}, five)).toEqual([]);
    expect(custom({}, 5 * D + S, {}, five)).toEqual([{ rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: { reason: 'days', days: 5, deadline: '2026-05-26 12:00' } }]);
    // The product's own shipDays wins over the default.
    expect(custom({ shipDays: 20 }, 10 * D + S, {}, five)).toEqual([]);
  });

  it('reads only custom goods with a payment time', () => {
    expect(only('CUSTOM_SHIP_DEADLINE', { products: [LOGO({ shipHours: 24 })], paidAt: null })).toEqual([]);
    expect(only('CUSTOM_SHIP_DEADLINE', { products: [CARD], paidAt: at(paid) })).toEqual([]);
  });
});

describe('ITEM_EXPIRED and ITEM_VALIDITY_SHORT (seed §8(1))', () => {
  const item = (expiresMs: number | null) => ({ label: '62****01 / ******', expiresAt: expiresMs === null ? null : at(expiresMs) });
  const withMin = (min?: number) => product('card', min === undefined ? {} : { minValidityDays: min }, CARD.title, CARD.spec);

  it('an item expiring right now is not expired; 1 s before now it is', () => {
    expect(check({ items: [item(NOW)] })).toEqual([]);
    expect(check({ items: [item(NOW - S)] })).toEqual([
      { rule: 'ITEM_EXPIRED', severity: 'block', params: { item: '62****01 / ******', expiresAt: '2026-06-20 11:59' } },
    ]);
    expect(check({ items: [item(null)] })).toEqual([]);
  });

  it('minValidityDays 3: exactly 3 days left passes, 1 s less blocks, 1 s more passes', () => {
    const p = [withMin(3)];
    expect(check({ products: p, items: [item(NOW + 3 * D)] })).toEqual([]);
    expect(check({ products: p, items: [item(NOW + 3 * D + S)] })).toEqual([]);
    expect(check({ products: p, items: [item(NOW + 3 * D - S)] })).toEqual([
      { rule: 'ITEM_VALIDITY_SHORT', severity: 'block', params: { item: '62****01 / ******', days: 2, min: 3 } },
    ]);
  });

  it('follows the product’s minValidityDays; none set, no minimum', () => {
    expect(check({ products: [withMin(5)], items: [item(NOW + 3 * D)] })).toEqual([
      { rule: 'ITEM_VALIDITY_SHORT', severity: 'block', params: { item: '62****01 / ******', days: 3, min: 5 } },
    ]);
    expect(check({ products: [withMin()], items: [item(NOW + S)] })).toEqual([]);
    expect(check({ products: [withMin(0)], items: [item(NOW + S)] })).toEqual([]);
    // Several lines: the strictest product sets the minimum.
    const two = [withMin(1), product('code', { minValidityDays: 7 }, 'Microsoft 365 家庭版 激活码 1年 6用户', '1年 激活码')];
    expect(check({ products: two, items: [item(NOW + 6 * D)] })[0]?.params).toMatchObject({ days: 6, min: 7 });
  });

  it('an expired item is ITEM_EXPIRED only, not short as well', () => {
    expect(check({ products: [withMin(3)], items: [item(NOW - S)] }).map((h) => h.rule)).toEqual(['ITEM_EXPIRED']);
  });
});

describe('OUT_OF_STOCK, NOT_CONFIRMED, AFTER_SALE_OPEN', () => {
  it('OUT_OF_STOCK says what the order needs and what is left', () => {
    expect(check({ stockShort: { need: 3, available: 2 } })).toEqual([{ rule: 'OUT_OF_STOCK', severity: 'block', params: { need: 3, available: 2 } }]);
    expect(check({ stockShort: { need: 1, available: 0 } })[0]?.params).toEqual({ need: 1, available: 0 });
    expect(check({ stockShort: null })).toEqual([]);
  });

  it('NOT_CONFIRMED names the first unconfirmed product, or none when the line has no product', () => {
    const unconfirmed = product('card', {}, '京东E卡 大额卡密 1000元/2000元 自动发卡', '1000元', false);
    expect(check({ products: [CARD, unconfirmed] })).toEqual([{ rule: 'NOT_CONFIRMED', severity: 'block', params: { title: '京东E卡 大额卡密 1000元/2000元 自动发卡 1000元' } }]);
    expect(check({ products: [null] })).toEqual([{ rule: 'NOT_CONFIRMED', severity: 'block', params: { title: '' } }]);
    expect(check({ products: [CARD] })).toEqual([]);
  });

  it('AFTER_SALE_OPEN blocks a 待发货 order in after-sale, not a normal one', () => {
    expect(check({ reason: 'AFTER_SALE', afterSale: ' 售后处理中 ' })).toEqual([{ rule: 'AFTER_SALE_OPEN', severity: 'block', params: { afterSale: '售后处理中' } }]);
    expect(check({ reason: 'AFTER_SALE', afterSale: '退款中' })[0]?.params).toEqual({ afterSale: '退款中' });
    expect(check({ reason: 'AFTER_SALE', afterSale: '无售后或售后取消' })).toEqual([]);
    expect(check({ reason: null, afterSale: '售后处理中' })).toEqual([]);
  });
});

describe('finding texts', () => {
  /** A realistic hit for every message of every rule. */
  const HITS: Record<string, RuleHit> = {
    'RENTAL_MAX_DAYS.default': { rule: 'RENTAL_MAX_DAYS', severity: 'block', params: { days: 30, max: 15 } },
    'STORED_VALUE_MAX_DAYS.days': { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'days', days: 30, max: 15 } },
    'STORED_VALUE_MAX_DAYS.until': { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'until', days: 16, max: 15, until: '2026-07-05' } },
    'STORED_VALUE_MAX_DAYS.brand': { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'brand', days: 30, max: 15, brand: '肯德基' } },
    'SERVICE_MAX_DAYS.default': { rule: 'SERVICE_MAX_DAYS', severity: 'block', params: { days: 20, max: 15 } },
    'TRAVEL_MAX_DAYS.default': { rule: 'TRAVEL_MAX_DAYS', severity: 'block', params: { days: 20, max: 15 } },
    'TRAVEL_ENTERPRISE_ONLY.default': { rule: 'TRAVEL_ENTERPRISE_ONLY', severity: 'block', params: {} },
    'NO_APP_CALL_GOODS.default': { rule: 'NO_APP_CALL_GOODS', severity: 'block', params: { word: '网络电话', app: 'APP' } },
    'REGION_PRODUCT_OPEN.default': { rule: 'REGION_PRODUCT_OPEN', severity: 'warn', params: { province: '江苏' } },
    'REGION_LOCK.province': { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'province', region: '江苏', province: '广东' } },
    'REGION_LOCK.number': { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'number', region: '江苏', number: '13512345678', province: '广东' } },
    'REGION_LOCK.unknown': { rule: 'REGION_LOCK', severity: 'warn', params: { reason: 'unknown', region: '江苏' } },
    'RECHARGE_TARGET.missing': { rule: 'RECHARGE_TARGET', severity: 'block', params: { reason: 'missing' } },
    'RECHARGE_TARGET.mobile': { rule: 'RECHARGE_TARGET', severity: 'block', params: { reason: 'mobile', number: '1381234567' } },
    'RECHARGE_TARGET.qq': { rule: 'RECHARGE_TARGET', severity: 'block', params: { reason: 'qq', number: '1234' } },
    'RECHARGE_TARGET.any': { rule: 'RECHARGE_TARGET', severity: 'block', params: { reason: 'any', number: 'abc123' } },
    'LATE_SHIPMENT.overdue': { rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'overdue', hours: 3 } },
    'LATE_SHIPMENT.overdueDays': { rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'overdueDays', days: 166 } },
    'LATE_SHIPMENT.dueSoon': { rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'dueSoon', hours: 2 } },
    'CUSTOM_SHIP_DEADLINE.hours': { rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: { reason: 'hours', hours: 24, deadline: '2026-06-19 12:00' } },
    'CUSTOM_SHIP_DEADLINE.days': { rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: { reason: 'days', days: 10, deadline: '2026-06-19 12:00' } },
    'ITEM_EXPIRED.default': { rule: 'ITEM_EXPIRED', severity: 'block', params: { item: '62****01 / ******', expiresAt: '2026-06-19 23:59' } },
    'ITEM_VALIDITY_SHORT.default': { rule: 'ITEM_VALIDITY_SHORT', severity: 'block', params: { item: '62****01 / ******', days: 2, min: 3 } },
    'OUT_OF_STOCK.default': { rule: 'OUT_OF_STOCK', severity: 'block', params: { need: 3, available: 1 } },
    'NOT_CONFIRMED.default': { rule: 'NOT_CONFIRMED', severity: 'block', params: { title: '京东E卡 100元 卡密 100元 电子卡' } },
    'AFTER_SALE_OPEN.default': { rule: 'AFTER_SALE_OPEN', severity: 'block', params: { afterSale: '售后处理中' } },
    'NO_DIVERSION.block': { rule: 'NO_DIVERSION', severity: 'block', params: { reason: 'block', text: '加微信', kind: 'CONTACT_COMMAND' } },
    'NO_DIVERSION.warn': { rule: 'NO_DIVERSION', severity: 'warn', params: { reason: 'warn', text: '私聊', kind: 'SOFT_TALK' } },
  };

  it('has a realistic hit for every message key of every rule', () => {
    const keys = RULE_IDS.flatMap((id) => Object.keys(RULES[id].messages).map((k) => `${id}.${k}`));
    expect(Object.keys(HITS).sort()).toEqual(keys.sort());
  });

  it.each(Object.entries(HITS))('renders %s with every value filled in', (key, hit) => {
    expect(`${hit.rule}.${messageKey(hit)}`).toBe(key);
    const text = findingText(hit);
    expect(text).not.toMatch(/[{}]/);
    expect(text.length).toBeGreaterThan(5);
    for (const [name, v] of Object.entries(hit.params)) {
      if (name !== 'reason' && name !== 'kind') expect(text, `${key}: {${name}}`).toContain(String(v));
    }
  });

  it('says exactly these sentences for a few', () => {
    expect(findingText(HITS['REGION_LOCK.province'])).toBe('商品限 江苏，订单省份是 广东');
    expect(findingText(HITS['RECHARGE_TARGET.qq'])).toBe('充值号码 1234 不是有效的 QQ 号');
    expect(findingText(HITS['LATE_SHIPMENT.overdue'])).toBe('已超时 3 小时，尽快发货');
    expect(findingText(HITS['LATE_SHIPMENT.overdueDays'])).toBe('已超时 166 天，尽快发货');
    expect(findingText(HITS['STORED_VALUE_MAX_DAYS.brand'])).toBe('有效期 30 天，超过 15 天上限；“肯德基”可申请例外，但尚未标记已获类目运营批准');
  });

  it('falls back to the default sentence for a reason the rule does not know', () => {
    expect(messageKey({ rule: 'OUT_OF_STOCK', params: { reason: 'other', need: 1, available: 0 } })).toBe('default');
    expect(findingText({ rule: 'OUT_OF_STOCK', params: { reason: 'other', need: 1, available: 0 } })).toBe('库存不足：需要 1 件，可用 0 件');
  });
});
