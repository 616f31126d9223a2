/**
 * VShip's suggestion of a product's delivery kind and terms (shared/rules/suggest), read from its
 * title and spec: every product the fixture generator sells gets the kind the generator made it
 * as, and the titles issue 12 found wrong get theirs — 卡密/充值卡/礼品卡/兑换卡 are 卡密 (卡号+密码),
 * a custom product's 48小时出稿 ships within 48 h. Each suggestion says why, naming the word.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryKind } from '../../shared/domain';
import { suggestProfile } from '../../shared/rules/suggest';
import { CATALOGUE, type CatalogueKind } from '../fixtures/orders';

/** The generator's kinds of goods as delivery kinds: its 'card' is sold as 卡密 or as an activation code. */
const AS_DELIVERY: Record<CatalogueKind, readonly DeliveryKind[]> = {
  phoneTopUp: ['recharge'],
  qqTopUp: ['recharge'],
  membership: ['recharge'],
  card: ['card', 'code'],
  account: ['account'],
  storedValue: ['stored-value'],
  service: ['service'],
  custom: ['custom'],
  travel: ['travel'],
};

/** The exact kind where the generator's allows two: a 激活码 is a code, an E卡 卡密 a card. */
const EXACT: Record<string, DeliveryKind> = {
  'JD-E': 'card',
  'JD-EL': 'card',
  MS365: 'code',
};

describe('the suggestion for every product the generator sells', () => {
  for (const p of CATALOGUE) {
    it(`${p.title} → ${p.kind}`, () => {
      for (const sku of p.skus) {
        const s = suggestProfile(p.title, sku.spec);
        expect(AS_DELIVERY[p.kind], `${p.title} / ${sku.spec}: ${s.kind}`).toContain(s.kind);
        if (EXACT[p.productCode]) expect(s.kind, sku.spec).toBe(EXACT[p.productCode]);
        // A reason for the kind, naming a word of the title or spec.
        const word = s.why[0]?.params?.word ?? s.why[0]?.params?.brand;
        expect(word, p.title).toBeTruthy();
        expect(`${p.title} ${sku.spec}`).toContain(String(word));
      }
    });
  }

  it('keeps a regional top-up to its province', () => {
    for (const p of CATALOGUE.filter((c) => c.region)) {
      expect(suggestProfile(p.title, p.skus[0]!.spec).terms.region).toEqual([p.region!.replace(/省$/, '')]);
    }
  });
});

describe('the titles issue 12 found wrong, and their neighbours', () => {
  const cases: [title: string, spec: string, kind: DeliveryKind | null][] = [
    // 充值卡 is a card sold with 卡号+密码, not a top-up to the buyer's number.
    ['Steam钱包充值卡 200元 中国区', '200元', 'card'],
    ['移动话费充值卡 100元 卡密', '', 'card'],
    // 卡密 sent automatically: a card, though the title says 月卡 and VIP.
    ['腾讯视频VIP会员月卡 卡密自动发货', '月卡', 'card'],
    ['星巴克 礼品卡 100元', '', 'card'],
    ['网易严选 兑换卡 50元', '', 'card'],
    ['京东E卡 100元 卡密', '100元 电子卡', 'card'],
    ['卡号+密码 自动发货 游戏点卡', '', 'card'],
    // An activation code is one string: 激活码 says what it is, even when sent as 卡密.
    ['网易云音乐黑胶VIP年卡 激活码', '年卡', 'code'],
    ['Windows 11 专业版 激活码 卡密秒发', '', 'code'],
    ['Steam 游戏 CDK 兑换码', '', 'code'],
    // 月卡 with 直充 is a membership top-up.
    ['腾讯视频VIP月卡 腾讯视频会员1个月 官方直充', '直充到手机号', 'recharge'],
    ['QQ音乐绿钻豪华版 月卡 直充QQ号', '月卡', 'recharge'],
    ['【全国三网】话费充值50元 慢充 72小时', '50元,慢充', 'recharge'],
    ['爱奇艺黄金会员 账号租赁7天 可换绑', '7天', 'account'],
    ['瑞幸咖啡 29元饮品通兑券（限时）', '单杯', 'stored-value'],
    ['肯德基KFC 20元代金券 全国通用', '20元券', 'stored-value'],
    ['肯德基 储值卡 50元 电子卡 全国通用', '50元', 'stored-value'],
    ['杭州西湖 游船船票 电子票 当日可用', '成人票', 'travel'],
    ['个性定制 Logo设计 48小时出稿', '标准版', 'custom'],
    ['神秘商品', '', null],
  ];
  for (const [title, spec, kind] of cases) {
    it(`${title} → ${kind ?? '无建议'}`, () => {
      expect(suggestProfile(title, spec).kind).toBe(kind);
    });
  }

  it('reads 48小时出稿 as ships within 48 h, not the agreed 10 days', () => {
    const s = suggestProfile('个性定制 Logo设计 48小时出稿', '标准版');
    expect(s.terms).toEqual({ shipHours: 48 });
    expect(s.why.map((w) => w.text)).toEqual(['含「定制」：定制', '48 小时内发货']);
    expect(suggestProfile('名片设计 24小时内交付', '').terms).toEqual({ shipHours: 24 });
    // Other hours are an agreed time in days; no time at all is the platform's default 10 days.
    expect(suggestProfile('手绘头像定制 72小时出稿', '').terms).toEqual({ shipDays: 3 });
    expect(suggestProfile('Logo 定制设计', '').terms).toEqual({ shipDays: 10 });
    expect(suggestProfile('Logo 定制 5天发货', '').terms).toEqual({ shipDays: 5 });
  });

  it('does not read a return policy as a term', () => {
    expect(suggestProfile('京东E卡 100元 卡密 7天无理由', '').terms).toEqual({});
  });

  it('names the word it read the kind from, and the brand of a brand voucher', () => {
    expect(suggestProfile('Steam钱包充值卡 200元', '').why).toEqual([{ code: 'KIND_CARD', params: { word: '充值卡' }, text: '含「充值卡」：卡密' }]);
    expect(suggestProfile('腾讯视频VIP会员月卡 卡密自动发货', '').why[0]?.text).toBe('含「卡密」：卡密');
    expect(suggestProfile('瑞幸咖啡 29元饮品通兑券', '').why.map((w) => w.text)).toEqual(['瑞幸的券/卡：储值卡', '知名品牌（可申请超过 15 天）']);
  });
});
