import type { DeliveryKind, ProductTerms } from '../domain';
import { fillParams } from '../errors';

export const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

/** Brands the platform treats as widely known for stored value (seed §6(2)); a setting later. */
export const KNOWN_BRANDS = ['肯德基', 'KFC', '海底捞', '麦当劳', '星巴克', '瑞幸', '必胜客', '喜茶', '奈雪'];

/**
 * Why a suggestion says what it says, one code per clue, in Chinese (`{name}` is a parameter;
 * `{word}` is the word of the title or spec the kind was read from). The CLI prints the Chinese;
 * the UI says each code through its catalogue (`suggest.<code>`).
 */
export const SUGGEST_REASONS = {
  KIND_ACCOUNT: '含「{word}」：账号租赁',
  KIND_CARD: '含「{word}」：卡密',
  KIND_CODE: '含「{word}」：激活码',
  KIND_STORED_VALUE: '含「{word}」：储值卡',
  KIND_RECHARGE: '含「{word}」：直充',
  KIND_TRAVEL: '含「{word}」：旅游出行',
  KIND_CUSTOM: '含「{word}」：定制',
  KIND_SERVICE: '含「{word}」：线下服务',
  RENTAL_DAYS: '租期 {days} 天',
  VALID_DAYS: '有效期 {days} 天',
  FULFIL_DAYS: '履约 {days} 天',
  SHIP_DAYS: '约定 {days} 天发货',
  /** `regions`: the provinces found, joined by 、. */
  REGION: '地区限定：{regions}',
  KNOWN_BRAND: '知名品牌（可申请超过 15 天）',
  CUSTOM_SHIP_DAYS_DEFAULT: '定制默认约定 {days} 天发货',
  /** A brand's voucher or card without a kind word (瑞幸 …通兑券): `brand` is the brand named. */
  KIND_BRAND_STORED_VALUE: '{brand}的券/卡：储值卡',
  SHIP_HOURS: '{hours} 小时内发货',
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
 * The words a kind is read from, strongest first. 卡密 — and the cards sold as one: 充值卡, 礼品卡,
 * 兑换卡, 购物卡, 点卡, E卡 — is a card (卡号+密码); 激活码/兑换码/CDK/序列号/密钥 is a code (one
 * string). 月卡/年卡 name a membership's length, not a card: 「腾讯视频VIP月卡 官方直充」 is a top-up.
 */
const WORDS = {
  account: /租号|出租|租赁|租用|(?<![a-z])租(?![金房])/i,
  cardPair: /卡号.{0,4}密码/,
  storedValue: /储值|电子券|代金券|优惠券|提货券/,
  cardSecret: /卡密/,
  topUp: /直充|代充/,
  cardNoun: /充值卡|礼品卡|兑换卡|购物卡|点卡|E卡/i,
  code: /激活码|兑换码|CDK|CD-?KEY|序列号|密钥|授权码/i,
  voucher: /券|卡/,
  recharge: /话费|流量|充值|快充|慢充|会员|VIP/i,
  travel: /旅游|门票|酒店|机票|景区|景点|跟团|船票|游船|索道|一日游/,
  custom: /定制|设计|DIY|手绘|logo|出稿/i,
  service: /服务|上门|保洁|维修|代办|咨询/,
} as const;

/** The kind of a title and spec, and the clue it was read from. */
function readKind(text: string): { kind: DeliveryKind; why: SuggestWhy } | null {
  const word = (re: RegExp) => re.exec(text)?.[0] ?? null;
  const by = (kind: DeliveryKind, code: SuggestReason, w: string) => ({ kind, why: reason(code, { word: w }) });
  let w: string | null;
  if ((w = word(WORDS.account))) return by('account', 'KIND_ACCOUNT', w);
  if ((w = word(WORDS.cardPair))) return by('card', 'KIND_CARD', w);
  if ((w = word(WORDS.storedValue))) return by('stored-value', 'KIND_STORED_VALUE', w);
  if ((w = word(WORDS.cardSecret))) {
    // 「激活码 卡密发货」: 卡密 says how it is sent, 激活码 what it is — one string, a code.
    const code = word(WORDS.code);
    return code && !WORDS.cardNoun.test(text) ? by('code', 'KIND_CODE', code) : by('card', 'KIND_CARD', w);
  }
  if ((w = word(WORDS.topUp))) return by('recharge', 'KIND_RECHARGE', w);
  if ((w = word(WORDS.cardNoun))) return by('card', 'KIND_CARD', w);
  if ((w = word(WORDS.code))) return by('code', 'KIND_CODE', w);
  const brand = KNOWN_BRANDS.find((b) => text.includes(b));
  if (brand && WORDS.voucher.test(text)) return { kind: 'stored-value', why: reason('KIND_BRAND_STORED_VALUE', { brand }) };
  if ((w = word(WORDS.recharge))) return by('recharge', 'KIND_RECHARGE', w);
  if ((w = word(WORDS.travel))) return by('travel', 'KIND_TRAVEL', w);
  if ((w = word(WORDS.custom))) return by('custom', 'KIND_CUSTOM', w);
  if ((w = word(WORDS.service))) return by('service', 'KIND_SERVICE', w);
  return null;
}

/**
 * Reads a product's title and spec for its delivery kind and terms (租号 → rental, 话费 → recharge,
 * 充值卡 → card, 江苏 → region, 7天 → 7 days, 48小时出稿 → ships within 48 h). Pure and conservative:
 * a suggestion the merchant confirms.
 */
export function suggestProfile(title: string, spec: string): Suggestion {
  const text = `${title} ${spec}`;
  const why: SuggestWhy[] = [];
  const terms: ProductTerms = {};
  const read = readKind(text);
  const kind: DeliveryKind | null = read?.kind ?? null;
  if (read) why.push(read.why);
  const has = (re: RegExp) => re.test(text);

  // 「7天无理由」 is the return policy, not a term.
  const days = /(\d{1,3})\s*(天|日)(?!无理由)/.exec(text);
  const hours = /(\d{1,3})\s*(小时|h)(?![a-z])/i.exec(text);
  const months = /(\d{1,2})\s*个?月/.exec(text);
  const week = /(\d)\s*周/.exec(text);
  const h = hours ? Number(hours[1]) : null;
  let n: number | null = null;
  if (kind === 'custom' && (h === 24 || h === 48)) {
    // A custom product's deadline in hours (48小时出稿): the platform's 24 h / 48 h option, not an agreed time.
    terms.shipHours = h;
    why.push(reason('SHIP_HOURS', { hours: h }));
  } else if (days) n = Number(days[1]);
  else if (week) n = Number(week[1]) * 7;
  else if (months && kind === 'account') n = Number(months[1]) * 30;
  else if (h !== null && (kind === 'account' || kind === 'custom')) n = Math.max(1, Math.ceil(h / 24));
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
  if (kind === 'custom' && !terms.shipDays && !terms.shipHours) { terms.shipDays = 10; why.push(reason('CUSTOM_SHIP_DAYS_DEFAULT', { days: 10 })); }
  return { kind, terms, why };
}
