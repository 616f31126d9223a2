import type { DeliveryKind, ProductTerms } from '../domain';
import { fillParams } from '../errors';

export const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

/** Brands the platform treats as widely known for stored value (seed §6(2)); a setting later. */
export const KNOWN_BRANDS = ['肯德基', 'KFC', '海底捞', '麦当劳', '星巴克', '瑞幸', '必胜客', '喜茶', '奈雪'];

/**
 * Why a suggestion says what it says, one code per clue, in Chinese (`{name}` is a parameter).
 * The CLI prints the Chinese; the UI says each code through its catalogue (`suggest.<code>`).
 */
export const SUGGEST_REASONS = {
  KIND_ACCOUNT: '标题含“租”：账号租赁',
  KIND_CARD: '含“卡号/密码”：卡密',
  KIND_CODE: '含“卡密/激活码/兑换码”：激活码',
  KIND_STORED_VALUE: '含“储值/电子券”：储值卡',
  KIND_RECHARGE: '含“话费/流量/充值”：直充',
  KIND_TRAVEL: '含“旅游/门票”：旅游出行',
  KIND_CUSTOM: '含“定制/设计”：定制',
  KIND_SERVICE: '含“服务”：线下服务',
  RENTAL_DAYS: '租期 {days} 天',
  VALID_DAYS: '有效期 {days} 天',
  FULFIL_DAYS: '履约 {days} 天',
  SHIP_DAYS: '约定 {days} 天发货',
  /** `regions`: the provinces found, joined by 、. */
  REGION: '地区限定：{regions}',
  KNOWN_BRAND: '知名品牌（可申请超过 15 天）',
  CUSTOM_SHIP_DAYS_DEFAULT: '定制默认约定 {days} 天发货',
} as const;
export type SuggestReason = keyof typeof SUGGEST_REASONS;

/** One clue behind a suggestion: its code, the values it names, and its Chinese sentence. */
export interface SuggestWhy {
  code: SuggestReason;
  params?: Record<string, string | number>;
  /** SUGGEST_REASONS[code] with the params filled in. */
  text: string;
}

export interface Suggestion {
  kind: DeliveryKind | null;
  terms: ProductTerms;
  /** Why, one entry per clue found. */
  why: SuggestWhy[];
}

/** A clue: the code with its params, and the Chinese they make. */
function reason(code: SuggestReason, params?: Record<string, string | number>): SuggestWhy {
  const text = fillParams(SUGGEST_REASONS[code], params);
  return params ? { code, params, text } : { code, text };
}

/**
 * Reads a product's title and spec for its delivery kind and terms (租号 → rental, 话费 → recharge,
 * 江苏 → region, 7天 → 7 days). Pure and conservative: a suggestion the merchant confirms.
 */
export function suggestProfile(title: string, spec: string): Suggestion {
  const text = `${title} ${spec}`;
  const why: SuggestWhy[] = [];
  const terms: ProductTerms = {};
  let kind: DeliveryKind | null = null;
  const has = (re: RegExp) => re.test(text);

  if (has(/租号|出租|租赁|租用|(?<![a-z])租(?![金房])/i)) { kind = 'account'; why.push(reason('KIND_ACCOUNT')); }
  else if (has(/卡号.{0,4}密码|卡号\+?密码|E卡|礼品卡卡密/i)) { kind = 'card'; why.push(reason('KIND_CARD')); }
  else if (has(/卡密|激活码|兑换码|CDK|cdkey|序列号/i)) { kind = 'code'; why.push(reason('KIND_CODE')); }
  else if (has(/储值|电子券|代金券|优惠券|提货券/) || (KNOWN_BRANDS.some((b) => text.includes(b)) && has(/券|卡/))) { kind = 'stored-value'; why.push(reason('KIND_STORED_VALUE')); }
  else if (has(/话费|流量|充值|直充|快充|代充|会员|VIP/i)) { kind = 'recharge'; why.push(reason('KIND_RECHARGE')); }
  else if (has(/旅游|门票|酒店|机票|景区|跟团/)) { kind = 'travel'; why.push(reason('KIND_TRAVEL')); }
  else if (has(/定制|设计|DIY|手绘|logo/i)) { kind = 'custom'; why.push(reason('KIND_CUSTOM')); }
  else if (has(/服务|上门|保洁|维修|代办|咨询/)) { kind = 'service'; why.push(reason('KIND_SERVICE')); }

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
    if (kind === 'account') { terms.rentalDays = n; why.push(reason('RENTAL_DAYS', { days: n })); }
    else if (kind === 'stored-value' || kind === 'code' || kind === 'card') { terms.validDays = n; why.push(reason('VALID_DAYS', { days: n })); }
    else if (kind === 'service' || kind === 'travel') { terms.fulfilDays = n; why.push(reason('FULFIL_DAYS', { days: n })); }
    else if (kind === 'custom') { terms.shipDays = n; why.push(reason('SHIP_DAYS', { days: n })); }
  }
  if (kind === 'recharge' || kind === null) {
    const provinces = PROVINCES.filter((p) => text.includes(p));
    if (provinces.length && has(/话费|流量|移动|联通|电信|充值/)) { terms.region = provinces; why.push(reason('REGION', { regions: provinces.join('、') })); }
  }
  // A known brand may ask category operations for more than 15 days; the approval itself is the merchant's to tick.
  if (kind === 'stored-value' && KNOWN_BRANDS.some((b) => text.includes(b))) why.push(reason('KNOWN_BRAND'));
  if (kind === 'custom' && !terms.shipDays) { terms.shipDays = 10; why.push(reason('CUSTOM_SHIP_DAYS_DEFAULT', { days: 10 })); }
  return { kind, terms, why };
}
