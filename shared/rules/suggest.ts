import type { DeliveryKind, ProductTerms } from '../domain';

export const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

/** Brands the platform treats as widely known for stored value (seed §6(2)); a setting later. */
export const KNOWN_BRANDS = ['肯德基', 'KFC', '海底捞', '麦当劳', '星巴克', '瑞幸', '必胜客', '喜茶', '奈雪'];

export interface Suggestion {
  kind: DeliveryKind | null;
  terms: ProductTerms;
  /** Why, in Chinese, one entry per clue found. */
  why: string[];
}

/**
 * Reads a product's title and spec for its delivery kind and terms (租号 → rental, 话费 → recharge,
 * 江苏 → region, 7天 → 7 days). Pure and conservative: a suggestion the merchant confirms.
 */
export function suggestProfile(title: string, spec: string): Suggestion {
  const text = `${title} ${spec}`;
  const why: string[] = [];
  const terms: ProductTerms = {};
  let kind: DeliveryKind | null = null;
  const has = (re: RegExp) => re.test(text);

  if (has(/租号|出租|租赁|租用|(?<![a-z])租(?![金房])/i)) { kind = 'account'; why.push('标题含“租”：账号租赁'); }
  else if (has(/卡号.{0,4}密码|卡号\+?密码|E卡|礼品卡卡密/i)) { kind = 'card'; why.push('含“卡号/密码”：卡密'); }
  else if (has(/卡密|激活码|兑换码|CDK|cdkey|序列号/i)) { kind = 'code'; why.push('含“卡密/激活码/兑换码”：激活码'); }
  else if (has(/储值|电子券|代金券|优惠券|提货券/) || (KNOWN_BRANDS.some((b) => text.includes(b)) && has(/券|卡/))) { kind = 'stored-value'; why.push('含“储值/电子券”：储值卡'); }
  else if (has(/话费|流量|充值|直充|快充|代充|会员|VIP/i)) { kind = 'recharge'; why.push('含“话费/流量/充值”：直充'); }
  else if (has(/旅游|门票|酒店|机票|景区|跟团/)) { kind = 'travel'; why.push('含“旅游/门票”：旅游出行'); }
  else if (has(/定制|设计|DIY|手绘|logo/i)) { kind = 'custom'; why.push('含“定制/设计”：定制'); }
  else if (has(/服务|上门|保洁|维修|代办|咨询/)) { kind = 'service'; why.push('含“服务”：线下服务'); }

  const days = /(\d{1,3})\s*(天|日)/.exec(text);
  const hours = /(\d{1,3})\s*(小时|h)(?![a-z])/i.exec(text);
  const months = /(\d{1,2})\s*个?月/.exec(text);
  const week = /(\d)\s*周/.exec(text);
  let n: number | null = null;
  if (days) n = Number(days[1]);
  else if (week) n = Number(week[1]) * 7;
  else if (months && kind === 'account') n = Number(months[1]) * 30;
  else if (hours && kind === 'account') n = Math.max(1, Math.ceil(Number(hours[1]) / 24));
  if (n !== null) {
    if (kind === 'account') { terms.rentalDays = n; why.push(`租期 ${n} 天`); }
    else if (kind === 'stored-value' || kind === 'code' || kind === 'card') { terms.validDays = n; why.push(`有效期 ${n} 天`); }
    else if (kind === 'service' || kind === 'travel') { terms.fulfilDays = n; why.push(`履约 ${n} 天`); }
    else if (kind === 'custom') { terms.shipDays = n; why.push(`约定 ${n} 天发货`); }
  }
  if (kind === 'recharge' || kind === null) {
    const provinces = PROVINCES.filter((p) => text.includes(p));
    if (provinces.length && has(/话费|流量|移动|联通|电信|充值/)) { terms.region = provinces; why.push(`地区限定：${provinces.join('、')}`); }
  }
  if (kind === 'stored-value' && KNOWN_BRANDS.some((b) => text.includes(b))) { terms.brandApproved = true; why.push('知名品牌（可申请超过 15 天）'); }
  if (kind === 'custom' && !terms.shipDays) { terms.shipDays = 10; why.push('定制默认约定 10 天发货'); }
  return { kind, terms, why };
}
