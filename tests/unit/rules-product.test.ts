/**
 * The product-level platform rules (shared/rules/platform/product-terms.ts), each at its
 * threshold, just under, just over, and with its parameter changed (issue #9, "Tests"). Every
 * case compares the whole list of hits, so a rule firing where it should not fails too.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryKind, ProductTerms, RuleHit, RuleId, RuleParams, ShopType } from '../../shared/domain';
import { defaultRuleParams } from '../../shared/rules/platform/catalogue';
import { checkProduct, checkTemplate, daysUntil, namedRegions } from '../../shared/rules/platform/product-terms';
import type { RuleEnv, RuleProduct } from '../../shared/rules/platform/subjects';

/** 2026-06-20 12:00 Beijing: the generator's "now". */
const NOW = Date.parse('2026-06-20T12:00:00+08:00');

type Params = Record<RuleId, RuleParams>;
function env(change?: (p: Params) => void, over: Partial<RuleEnv> = {}): RuleEnv {
  const params = defaultRuleParams();
  change?.(params);
  return { now: NOW, params, shopType: 'enterprise', ...over };
}
const product = (kind: DeliveryKind | null, terms: ProductTerms, title: string, spec = ''): RuleProduct =>
  ({ skuKey: 'SKU-1', title, spec, kind, confirmed: kind !== null, terms });
const check = (p: RuleProduct, e: RuleEnv = env()): RuleHit[] => checkProduct(p, e);

describe('RENTAL_MAX_DAYS (seed §6(3))', () => {
  const rental = (terms: ProductTerms) => product('account', terms, 'Steam 账号出租 离线模式', '标准库');
  const hit = (days: number, max = 15): RuleHit => ({ rule: 'RENTAL_MAX_DAYS', severity: 'block', params: { days, max } });

  it('passes 14 and 15 days, blocks 16', () => {
    expect(check(rental({ rentalDays: 14 }))).toEqual([]);
    expect(check(rental({ rentalDays: 15 }))).toEqual([]);
    expect(check(rental({ rentalDays: 16 }))).toEqual([hit(16)]);
  });

  it('does not apply to an account the buyer can fully bind', () => {
    expect(check(rental({ rentalDays: 30, fullyBindable: true }))).toEqual([]);
    expect(check(rental({ rentalDays: 30, fullyBindable: false }))).toEqual([hit(30)]);
  });

  it('follows maxDays: 7 passes 7 and blocks 8; 30 passes 30', () => {
    const seven = env((p) => { p.RENTAL_MAX_DAYS.maxDays = 7; });
    expect(check(rental({ rentalDays: 7 }), seven)).toEqual([]);
    expect(check(rental({ rentalDays: 8 }), seven)).toEqual([hit(8, 7)]);
    expect(check(rental({ rentalDays: 30 }), env((p) => { p.RENTAL_MAX_DAYS.maxDays = 30; }))).toEqual([]);
  });

  it('reads only account products with a rental term', () => {
    expect(check(rental({}))).toEqual([]);
    expect(check(product('code', { rentalDays: 30 }, 'Steam 账号出租 离线模式'))).toEqual([]);
  });
});

describe('STORED_VALUE_MAX_DAYS (seed §6(2))', () => {
  /** Not a brand on the list. */
  const voucher = (terms: ProductTerms) => product('stored-value', terms, '𠮷野家 电子代金券 30元 全国门店通用', '30元');
  const kfc = (terms: ProductTerms) => product('stored-value', terms, '肯德基 储值卡 50元 电子卡 全国通用', '50元');

  it('by validDays: passes 14 and 15, blocks 16', () => {
    expect(check(voucher({ validDays: 14 }))).toEqual([]);
    expect(check(voucher({ validDays: 15 }))).toEqual([]);
    expect(check(voucher({ validDays: 16 }))).toEqual([{ rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'days', days: 16, max: 15 } }]);
  });

  it('by validUntil, counted from now to the end of that day (Beijing)', () => {
    // now 06-20 12:00: to 07-04 23:59:59 is 14.5 days → 15; to 07-05 → 16.
    expect(daysUntil('2026-07-03', NOW)).toBe(14);
    expect(daysUntil('2026-07-04', NOW)).toBe(15);
    expect(daysUntil('2026-07-05', NOW)).toBe(16);
    expect(daysUntil('2026-06-19', NOW)).toBe(0);
    expect(check(voucher({ validUntil: '2026-07-03' }))).toEqual([]);
    expect(check(voucher({ validUntil: '2026-07-04' }))).toEqual([]);
    expect(check(voucher({ validUntil: '2026-07-05' }))).toEqual([
      { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'until', days: 16, max: 15, until: '2026-07-05' } },
    ]);
    // The same date a day later is within the limit: the clock moves the verdict.
    expect(check(voucher({ validUntil: '2026-07-05' }), env(undefined, { now: NOW + 86_400_000 }))).toEqual([]);
    // Exactly 15 days to the end of the date (from 23:59:59 the evening before) still passes.
    expect(daysUntil('2026-07-05', Date.parse('2026-06-20T23:59:59+08:00'))).toBe(15);
  });

  it('takes validUntil over validDays when both are set', () => {
    expect(check(voucher({ validDays: 5, validUntil: '2026-07-05' }))[0]?.params).toMatchObject({ reason: 'until', days: 16 });
    expect(check(voucher({ validDays: 30, validUntil: '2026-07-01' }))).toEqual([]);
  });

  it('follows maxDays: 30 passes 30 and blocks 31', () => {
    const thirty = env((p) => { p.STORED_VALUE_MAX_DAYS.maxDays = 30; });
    expect(check(voucher({ validDays: 30 }), thirty)).toEqual([]);
    expect(check(voucher({ validDays: 31 }), thirty)).toEqual([{ rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'days', days: 31, max: 30 } }]);
  });

  it('lets a brand on the list through only when approved by category operations', () => {
    expect(check(kfc({ validDays: 30, brandApproved: true }))).toEqual([]);
    expect(check(kfc({ validDays: 30 }))).toEqual([
      { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'brand', days: 30, max: 15, brand: '肯德基' } },
    ]);
    expect(check(kfc({ validDays: 30, brandApproved: false }))[0]?.params.reason).toBe('brand');
    expect(check(kfc({ validUntil: '2026-07-05' }))).toEqual([
      { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'brand', days: 16, max: 15, until: '2026-07-05', brand: '肯德基' } },
    ]);
    // Within the limit the brand does not matter.
    expect(check(kfc({ validDays: 15 }))).toEqual([]);
    // Latin brand names match whatever their case.
    expect(check(product('stored-value', { validDays: 30 }, 'kfc 电子卡 50元'))[0]?.params).toMatchObject({ reason: 'brand', brand: 'KFC' });
  });

  it('blocks an approved brand once it is taken off the brands list, and an approved non-brand', () => {
    const noKfc = env((p) => { p.STORED_VALUE_MAX_DAYS.brands = ['海底捞', '麦当劳']; });
    expect(check(kfc({ validDays: 30, brandApproved: true }), noKfc)).toEqual([
      { rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'days', days: 30, max: 15 } },
    ]);
    expect(check(voucher({ validDays: 30, brandApproved: true }))[0]?.params.reason).toBe('days');
    // A brand added to the list may be approved.
    expect(check(voucher({ validDays: 30, brandApproved: true }), env((p) => { p.STORED_VALUE_MAX_DAYS.brands = ['𠮷野家']; }))).toEqual([]);
  });

  it('reads only stored-value products', () => {
    expect(check(product('code', { validDays: 365 }, 'Microsoft 365 家庭版 激活码 1年 6用户'))).toEqual([]);
    expect(check(voucher({}))).toEqual([]);
  });
});

describe('SERVICE_MAX_DAYS (seed §6(1)) and TRAVEL_MAX_DAYS (seed §5(2))', () => {
  const service = (fulfilDays?: number) => product('service', fulfilDays === undefined ? {} : { fulfilDays }, '家电清洗上门服务 空调清洗 挂机/柜机', '挂机');
  const travel = (fulfilDays?: number) => product('travel', fulfilDays === undefined ? {} : { fulfilDays }, '杭州西湖 游船船票 电子票 当日可用', '成人票');

  it.each([
    ['SERVICE_MAX_DAYS', service],
    ['TRAVEL_MAX_DAYS', travel],
  ] as const)('%s passes 14 and 15 fulfilment days, blocks 16, and follows maxDays', (rule, make) => {
    expect(check(make(14))).toEqual([]);
    expect(check(make(15))).toEqual([]);
    expect(check(make(16))).toEqual([{ rule, severity: 'block', params: { days: 16, max: 15 } }]);
    expect(check(make(undefined))).toEqual([]);
    const seven = env((p) => { p[rule].maxDays = 7; });
    expect(check(make(7), seven)).toEqual([]);
    expect(check(make(8), seven)).toEqual([{ rule, severity: 'block', params: { days: 8, max: 7 } }]);
  });

  it('keeps the two limits apart', () => {
    expect(check(service(16), env((p) => { p.TRAVEL_MAX_DAYS.maxDays = 30; }))).toEqual([{ rule: 'SERVICE_MAX_DAYS', severity: 'block', params: { days: 16, max: 15 } }]);
    expect(check(travel(16), env((p) => { p.SERVICE_MAX_DAYS.maxDays = 30; }))).toEqual([{ rule: 'TRAVEL_MAX_DAYS', severity: 'block', params: { days: 16, max: 15 } }]);
    expect(check(product('code', { fulfilDays: 100 }, '杭州西湖 游船船票'))).toEqual([]);
  });
});

describe('TRAVEL_ENTERPRISE_ONLY (seed §5(1))', () => {
  const travel = (terms: ProductTerms = {}) => product('travel', terms, '杭州西湖 游船船票 电子票 当日可用', '成人票');
  const shop = (shopType: ShopType) => env(undefined, { shopType });

  it('blocks travel goods in a personal shop, not in an enterprise one', () => {
    expect(check(travel(), shop('personal'))).toEqual([{ rule: 'TRAVEL_ENTERPRISE_ONLY', severity: 'block', params: {} }]);
    expect(check(travel(), shop('enterprise'))).toEqual([]);
  });

  it('adds to the fulfilment limit, and leaves other goods in a personal shop alone', () => {
    expect(check(travel({ fulfilDays: 16 }), shop('personal')).map((h) => h.rule)).toEqual(['TRAVEL_MAX_DAYS', 'TRAVEL_ENTERPRISE_ONLY']);
    expect(check(product('service', { fulfilDays: 3 }, '家电清洗上门服务'), shop('personal'))).toEqual([]);
  });
});

describe('NO_APP_CALL_GOODS (seed §8(3))', () => {
  const goods = (title: string) => product('code', {}, title);

  it('blocks network-phone goods that need an app, naming both words', () => {
    expect(check(goods('网络电话 下载APP 免费打全国 1000分钟'))).toEqual([{ rule: 'NO_APP_CALL_GOODS', severity: 'block', params: { word: '网络电话', app: 'APP' } }]);
    expect(check(goods('免费电话 安装即用 月卡'))).toEqual([{ rule: 'NO_APP_CALL_GOODS', severity: 'block', params: { word: '免费电话', app: '安装' } }]);
    // Latin words match whatever their case.
    expect(check(goods('网络电话 app 畅打'))[0]?.params).toEqual({ word: '网络电话', app: 'APP' });
  });

  it('passes a network phone without an app, and an app that is no network phone', () => {
    expect(check(goods('网络电话 畅打 1000分钟'))).toEqual([]);
    expect(check(goods('视频剪辑软件 激活码 1年'))).toEqual([]);
    // A Latin app word counts as a whole word only: "APP" is not inside "WhatsApp".
    expect(check(goods('网络电话 WhatsApp 同款 月卡'))).toEqual([]);
  });

  it('follows callWords and appWords', () => {
    const only = env((p) => { p.NO_APP_CALL_GOODS.callWords = ['网络通话']; });
    expect(check(goods('网络电话 下载APP 免费打'), only)).toEqual([]);
    expect(check(goods('网络通话 下载APP 免费打'), only)).toEqual([{ rule: 'NO_APP_CALL_GOODS', severity: 'block', params: { word: '网络通话', app: 'APP' } }]);
    expect(check(goods('网络电话 下载APP 免费打'), env((p) => { p.NO_APP_CALL_GOODS.appWords = ['客户端']; }))).toEqual([]);
    expect(check(goods('网络电话 畅打 小程序'), env((p) => { p.NO_APP_CALL_GOODS.appWords = ['小程序']; }))[0]?.params).toEqual({ word: '网络电话', app: '小程序' });
  });
});

describe('REGION_PRODUCT_OPEN (seed §8(5))', () => {
  it('warns on a regional telecom product with no region lock, passes it with one', () => {
    const title = '江苏移动话费充值100元 快充 24小时内到账';
    expect(check(product('recharge', {}, title, '100元 快充'))).toEqual([{ rule: 'REGION_PRODUCT_OPEN', severity: 'warn', params: { province: '江苏' } }]);
    expect(check(product('recharge', { region: ['江苏'] }, title, '100元 快充'))).toEqual([]);
    expect(check(product('recharge', { region: [] }, title, '100元 快充'))[0]?.rule).toBe('REGION_PRODUCT_OPEN');
  });

  it('reads the spec too, and names every province found', () => {
    expect(check(product('recharge', {}, '话费充值 快充', '广东'))).toEqual([{ rule: 'REGION_PRODUCT_OPEN', severity: 'warn', params: { province: '广东' } }]);
    expect(namedRegions('江苏/浙江 移动流量 10GB', '')).toEqual(['江苏', '浙江']);
    expect(check(product('recharge', {}, '江苏/浙江 移动流量 10GB'))[0]?.params).toEqual({ province: '江苏、浙江' });
  });

  it('passes a province in a title that is no telecom product, and a nationwide one', () => {
    expect(check(product('code', {}, '江苏卫视 跨年晚会 电子版'))).toEqual([]);
    expect(check(product('recharge', {}, '全国三网话费充值【移动/联通/电信】手机话费 自动充值', '100元'))).toEqual([]);
  });
});

describe('NO_DIVERSION on a template (checkTemplate)', () => {
  it('blocks with every hit as a span that maps back to the template', () => {
    const t = '您好，卡密：{激活码}，加微信 abc12345 领售后';
    const hit = checkTemplate(t, env())!;
    expect(hit).toEqual({
      rule: 'NO_DIVERSION', severity: 'block', params: { reason: 'block', text: '加微信', kind: 'CONTACT_COMMAND' },
      spans: [{ start: 12, end: 15, text: '加微信' }, { start: 13, end: 24, text: '微信 abc12345' }],
    });
    for (const s of hit.spans!) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('names the first block as the text when soft talk comes before it', () => {
    const hit = checkTemplate('私聊我 加微信abc12345', env())!;
    expect(hit.severity).toBe('block');
    expect(hit.params).toEqual({ reason: 'block', text: '加微信', kind: 'CONTACT_COMMAND' });
    expect(hit.spans!.map((s) => s.text)).toEqual(['私聊', '加微信', '微信abc12345']);
  });

  it('warns on soft talk alone, and finds nothing in a clean template', () => {
    expect(checkTemplate('有问题请私聊客服，卡密：{激活码}', env())).toEqual({
      rule: 'NO_DIVERSION', severity: 'warn', params: { reason: 'warn', text: '私聊', kind: 'SOFT_TALK' }, spans: [{ start: 4, end: 6, text: '私聊' }],
    });
    expect(checkTemplate('您好，订单 {订单号} 的激活码：{激活码}，请尽快使用。', env())).toBeNull();
  });

  it('follows platforms (which replace the defaults) and extraBlocked', () => {
    expect(checkTemplate('下次去淘宝搜本店', env())?.params).toMatchObject({ kind: 'OTHER_PLATFORM', text: '去淘宝搜' });
    expect(checkTemplate('去拼拍下单', env())).toBeNull();
    const mine = env((p) => { p.NO_DIVERSION.platforms = ['拼拍']; });
    expect(checkTemplate('下次去淘宝搜本店', mine)).toBeNull();
    expect(checkTemplate('去拼拍下单', mine)).toMatchObject({ severity: 'block', params: { kind: 'OTHER_PLATFORM', text: '去拼拍下单' } });
    expect(checkTemplate('暗号：芝麻开门，卡密 {激活码}', env())).toBeNull();
    expect(checkTemplate('暗号：芝麻开门，卡密 {激活码}', env((p) => { p.NO_DIVERSION.extraBlocked = ['暗号']; }))).toEqual({
      rule: 'NO_DIVERSION', severity: 'block', params: { reason: 'block', text: '暗号', kind: 'OTHER_PLATFORM' }, spans: [{ start: 0, end: 2, text: '暗号' }],
    });
  });

  it('is one of a product’s findings when its template diverts', () => {
    const p = product('code', { messageTemplate: '有问题请私聊客服，卡密：{激活码}' }, 'Microsoft 365 家庭版 激活码 1年 6用户');
    expect(check(p).map((h) => [h.rule, h.severity])).toEqual([['NO_DIVERSION', 'warn']]);
  });
});
