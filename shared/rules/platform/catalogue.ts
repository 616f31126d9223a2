import type { RuleBasics, RuleId, RuleParams, RuleParamValue } from '../../domain/rules';
import { KNOWN_BRANDS } from '../suggest';
import { DEFAULT_PLATFORMS, DEFAULT_SOFT_WORDS } from './diversion';

/**
 * The platform's rules for virtual goods (seed: ../../../../shared/seed/000_b66113a1ec510a6e.txt,
 * DOMAIN.md §2), one entry per rule: where it looks, how bad it is, the clause it comes from,
 * its words in Chinese (the CLI prints them; the UI says them through its catalogue,
 * `rules.<ID>.*`), and its parameters with the seed's values as defaults.
 */
export interface ParamDef {
  type: 'int' | 'bool' | 'words';
  default: RuleParamValue;
  min?: number;
  max?: number;
}

export interface RuleDef extends RuleBasics {
  /** A fill does not spend stock on an order with this block: filling cannot cure it (an unconfirmed product the fill skips by itself). */
  holdsFill: boolean;
  params: Record<string, ParamDef>;
  /** The finding's sentence, by the hit's `reason` (`default` when it has none). */
  messages: Record<string, string>;
}

const days = (d: number): ParamDef => ({ type: 'int', default: d, min: 1, max: 3650 });

export const RULES: Record<RuleId, RuleDef> = {
  RENTAL_MAX_DAYS: {
    scope: 'product', severity: 'block', clause: '§6(3)', overridable: true, holdsFill: true,
    title: '账号租赁租期不超过 15 天',
    explain: '不能完全绑定的账号、密码租赁类商品，租赁期限一律不得超过 15 日。',
    fix: '把租期改为 {maxDays} 天以内；账号能完全绑定给买家时，在商品设置里勾选“账号可完全绑定”。',
    params: { maxDays: days(15) },
    messages: { default: '租期 {days} 天，超过 {max} 天上限（账号不能完全绑定）' },
  },
  STORED_VALUE_MAX_DAYS: {
    scope: 'product', severity: 'block', clause: '§6(2)', overridable: true, holdsFill: true,
    title: '储值类商品有效期不超过 15 天',
    explain: '线下储值类商品的有效期不得超过 15 日；肯德基、海底捞等大众化品牌经类目运营同意后可以例外。',
    fix: '把有效期改为 {maxDays} 天以内；知名品牌在咨询类目运营获批后，在商品设置里勾选“已获类目运营批准”。',
    params: { maxDays: days(15), brands: { type: 'words', default: [...KNOWN_BRANDS] } },
    messages: {
      days: '有效期 {days} 天，超过 {max} 天上限',
      until: '有效期至 {until}，距今 {days} 天，超过 {max} 天上限',
      brand: '有效期 {days} 天，超过 {max} 天上限；“{brand}”可申请例外，但尚未标记已获类目运营批准',
    },
  },
  SERVICE_MAX_DAYS: {
    scope: 'product', severity: 'block', clause: '§6(1)', overridable: true, holdsFill: true,
    title: '线下服务发货后 15 天内履约',
    explain: '确认收货时限为发货后 15 日，线下服务类商品的履约期限也必须在发货后 15 日内。',
    fix: '把履约期限改为发货后 {maxDays} 天以内。',
    params: { maxDays: days(15) },
    messages: { default: '履约期限 {days} 天，超过发货后 {max} 天' },
  },
  TRAVEL_MAX_DAYS: {
    scope: 'product', severity: 'block', clause: '§5(2)', overridable: true, holdsFill: true,
    title: '旅游商品履约期限不超过 15 天',
    explain: '不得发布履约期限超过 15 日（自商家发货时起算）的旅游类商品。',
    fix: '把履约期限改为发货后 {maxDays} 天以内。',
    params: { maxDays: days(15) },
    messages: { default: '履约期限 {days} 天，超过发货后 {max} 天' },
  },
  TRAVEL_ENTERPRISE_ONLY: {
    scope: 'product', severity: 'block', clause: '§5(1)', overridable: true, holdsFill: true,
    title: '旅游商品仅限企业店铺',
    explain: '旅游类商品现仅接受企业店铺经营，暂不接受个人店铺经营。',
    fix: '店铺已是企业店铺时，在顶部的店铺菜单里把店铺类型改为“企业”；否则下架该商品。',
    params: {},
    messages: { default: '旅游类商品只允许企业店铺经营，本店是个人店铺' },
  },
  NO_APP_CALL_GOODS: {
    scope: 'product', severity: 'block', clause: '§8(3)', overridable: true, holdsFill: true,
    title: '禁售需下载 App 的网络电话',
    explain: '需要下载 App 的网络电话商品涉嫌导流，禁止上架销售。',
    fix: '下架该商品；若它并不需要下载 App，请修改标题或在此单独放行并写明原因。',
    params: {
      callWords: { type: 'words', default: ['网络电话', '网络通话', '网络电话卡', '回拨电话', '免费通话', '免费电话'] },
      appWords: { type: 'words', default: ['APP', '下载', '客户端', '软件', '安装'] },
    },
    messages: { default: '标题含“{word}”和“{app}”：需要下载 App 的网络电话商品禁止销售' },
  },
  REGION_PRODUCT_OPEN: {
    scope: 'product', severity: 'warn', clause: '§8(5)', overridable: false, holdsFill: false,
    title: '区域性商品须设置地区限制',
    explain: '区域性商品（如江苏话费、江苏流量）须设置为仅对该地区用户开放；对全国开放将被违规处理。',
    fix: '在商品设置的“限定地区”里选上{province}，并在拼多多后台打开地区限制。',
    params: {},
    messages: { default: '标题或规格写明“{province}”，但商品没有设置地区限制' },
  },
  REGION_LOCK: {
    scope: 'order', severity: 'block', clause: '§8(5)', overridable: true, holdsFill: true,
    title: '区域性商品只卖给该地区用户',
    explain: '区域性商品只对相应地区的用户开放：订单的省份或充值号码的归属地须在商品限定的地区内。',
    fix: '不要给这笔订单发货，联系买家退款；确认买家号码实际属于限定地区（如携号转网）时，可写明原因后放行。',
    params: { byNumber: { type: 'bool', default: true } },
    messages: {
      province: '商品限 {region}，订单省份是 {province}',
      number: '商品限 {region}，充值号码 {number} 按号段归属 {province}',
      unknown: '商品限 {region}，无法核验地区：订单没有省份，号码归属也查不到',
    },
  },
  RECHARGE_TARGET: {
    scope: 'order', severity: 'block', clause: '§8(4)', overridable: true, holdsFill: true,
    title: '直充订单须有有效的充值号码',
    explain: '话费、流量商品由买家填写手机号，QQ 类商品由买家填写 QQ 号；没有号码或号码无效的订单无法正确充值。',
    fix: '联系买家确认号码；号码无误时可写明原因后放行。',
    params: {},
    messages: {
      missing: '直充订单没有充值号码',
      mobile: '充值号码 {number} 不是有效的手机号',
      qq: '充值号码 {number} 不是有效的 QQ 号',
      any: '充值号码 {number} 既不是手机号也不是 QQ 号',
    },
  },
  LATE_SHIPMENT: {
    scope: 'order', severity: 'warn', clause: '§8(1)', overridable: false, holdsFill: false,
    title: '按时发货',
    explain: '延迟发货、虚假发货、缺货将按《拼多多发货规则》处理（延迟发货扣款）。',
    fix: '优先处理这些订单，在承诺发货时间前发货。',
    params: { dueWithinHours: { type: 'int', default: 6, min: 0, max: 240 } },
    messages: {
      overdue: '已超时 {hours} 小时，尽快发货',
      overdueDays: '已超时 {days} 天，尽快发货',
      dueSoon: '{hours} 小时内到期，尽快发货',
    },
  },
  CUSTOM_SHIP_DEADLINE: {
    scope: 'order', severity: 'warn', clause: '§9', overridable: false, holdsFill: false,
    title: '定制商品按约定时限发货',
    explain: '个性定制、设计服务、DIY 商品按所选的 24 小时、48 小时或约定时间发货；约定时间默认为 10 日。',
    fix: '尽快完成并发货；约定时限不对时，在商品设置里改“发货时限”。',
    params: { agreedDays: days(10) },
    messages: {
      hours: '定制商品须在付款后 {hours} 小时内发货，已于 {deadline} 超时',
      days: '定制商品须在付款后 {days} 天内发货，已于 {deadline} 超时',
    },
  },
  ITEM_EXPIRED: {
    scope: 'order', severity: 'block', clause: '§8(1)', overridable: false, holdsFill: false,
    title: '不发已过期的卡密',
    explain: '已过期的卡密、券码无法使用，发出即是虚假发货。',
    fix: '撤回这笔订单的内容，重新填充。',
    params: {},
    messages: { default: '已填入的 {item} 已于 {expiresAt} 过期' },
  },
  ITEM_VALIDITY_SHORT: {
    scope: 'order', severity: 'block', clause: '§8(1)', overridable: true, holdsFill: false,
    title: '卡密剩余有效期不足',
    explain: '商品要求发出时至少还有若干天有效期；剩余太短的卡密买家来不及使用。',
    fix: '撤回这笔订单的内容，重新填充（会优先用有效期足够的条目）。',
    params: {},
    messages: { default: '已填入的 {item} 只剩 {days} 天有效期，商品要求至少 {min} 天' },
  },
  OUT_OF_STOCK: {
    scope: 'order', severity: 'block', clause: '§8(1)', overridable: false, holdsFill: false,
    title: '库存不足',
    explain: '缺货会被按规则处理（缺货扣款）。',
    fix: '给该商品补充库存后重新填充。',
    params: {},
    messages: { default: '库存不足：需要 {need} 件，可用 {available} 件' },
  },
  NOT_CONFIRMED: {
    scope: 'order', severity: 'block', clause: '§8(4)', overridable: false, holdsFill: false,
    title: '商品未确认发货方式',
    explain: '不知道商品怎么发，就无法核对规则，也无法正确发货。',
    fix: '在“商品与卡库”里确认这个商品的发货方式和期限。',
    params: {},
    messages: { default: '商品“{title}”尚未确认发货方式' },
  },
  AFTER_SALE_OPEN: {
    scope: 'order', severity: 'block', clause: '§8(1)', overridable: true, holdsFill: true,
    title: '售后中的订单不发货',
    explain: '售后处理中的订单发货后可能钱货两空。',
    fix: '先在拼多多后台处理售后；买家已撤销售后时重新导出订单。',
    params: {},
    messages: { default: '售后处理中（{afterSale}），不可直接发货' },
  },
  NO_DIVERSION: {
    scope: 'message', severity: 'block', clause: '§8(2)', overridable: true, holdsFill: false,
    title: '发货消息不得导流',
    explain: '禁止在客服消息或销售过程中引导用户进入其他平台、微信号、QQ 或其他渠道。',
    fix: '从发货消息模板里删去标出的文字，只留卡密和使用说明。',
    params: {
      platforms: { type: 'words', default: [...DEFAULT_PLATFORMS] },
      softWords: { type: 'words', default: [...DEFAULT_SOFT_WORDS] },
      extraBlocked: { type: 'words', default: [] },
    },
    messages: {
      block: '发货消息疑似导流：“{text}”',
      warn: '发货消息含敏感说法：“{text}”',
    },
  },
};

/** Every rule's parameters at their defaults. */
export function defaultRuleParams(): Record<RuleId, RuleParams> {
  const out = {} as Record<RuleId, RuleParams>;
  for (const [id, def] of Object.entries(RULES) as [RuleId, RuleDef][]) {
    out[id] = {};
    for (const [name, p] of Object.entries(def.params)) out[id][name] = Array.isArray(p.default) ? [...p.default] : p.default;
  }
  return out;
}

/** A rule's parameter, as a number / switch / word list (the stored settings merged over the defaults). */
export function intParam(params: Record<RuleId, RuleParams>, rule: RuleId, name: string): number {
  return params[rule][name] as number;
}
export function wordsParam(params: Record<RuleId, RuleParams>, rule: RuleId, name: string): string[] {
  return params[rule][name] as string[];
}
export function boolParam(params: Record<RuleId, RuleParams>, rule: RuleId, name: string): boolean {
  return params[rule][name] as boolean;
}
