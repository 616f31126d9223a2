/**
 * The NO_DIVERSION check (导流检测): what in a merchant's own words leads the buyer off the
 * platform — "平台禁止商家实施任何对外导流（如在客服消息或销售过程中引导用户进入其他平台、微信号、
 * 渠道下单）" (拼多多 虚拟商品 rules §8(2)). A pure function: the UI lints a template as it is typed,
 * the core lints every rendered message before it is written.
 *
 * Only the merchant's words are read. Variables of a template and the values of a rendered message
 * (card numbers, codes, logins, product names, the order and recharge numbers) are holes: an item
 * `wx_abc123` or a product `QQ音乐绿钻` is never a finding, and nothing matches across a hole.
 *
 * Words and numbers are matched on the dense normal form (./normalize-text: separators gone,
 * look-alikes folded, Chinese numerals as digits); e-mails and links on the light one (NFKC, no
 * invisible characters, punctuation kept). Every hit is mapped back to the raw text.
 */
import { MESSAGE_VARIABLES } from '../message';
import { HOLE, normalizeText, normalizeWord, type NormalText } from './normalize-text';

export type DiversionKind = 'CONTACT_COMMAND' | 'CONTACT_VALUE' | 'MOBILE' | 'QQ_NUMBER' | 'EMAIL' | 'LINK' | 'OTHER_PLATFORM' | 'SOFT_TALK' | 'PLATFORM_WORD';

export const DIVERSION_SEVERITY: Record<DiversionKind, 'block' | 'warn'> = {
  CONTACT_COMMAND: 'block',
  CONTACT_VALUE: 'block',
  MOBILE: 'block',
  QQ_NUMBER: 'block',
  EMAIL: 'block',
  LINK: 'block',
  OTHER_PLATFORM: 'block',
  SOFT_TALK: 'warn',
  PLATFORM_WORD: 'warn',
};

export interface DiversionHit {
  kind: DiversionKind;
  severity: 'block' | 'warn';
  /** UTF-16 offsets in the RAW input */
  start: number;
  end: number;
  /** raw text of the hit */
  text: string;
}

export interface DiversionOptions {
  /** Numbers that may appear (the order's own recharge number). */
  allowedNumbers?: readonly string[];
  /** Other platforms' names; replaces DEFAULT_PLATFORMS. */
  platforms?: readonly string[];
  /** Soft talk words (warn); replaces DEFAULT_SOFT_WORDS. */
  softWords?: readonly string[];
  /** More words the merchant wants blocked (plain text, matched after normalising); reported as OTHER_PLATFORM. */
  extraBlocked?: readonly string[];
}

export const DEFAULT_PLATFORMS: readonly string[] = [
  '淘宝', '闲鱼', '咸鱼', '抖音', '京东', '天猫', '快手', '转转', '小红书', '微店', '唯品会', '苏宁',
  '美团', '饿了么', '得物', '蘑菇街', '阿里巴巴', '淘特', '亚马逊', '拍拍',
];

export const DEFAULT_SOFT_WORDS: readonly string[] = [
  '私聊', '站外', '私下', '私信', '加我', '联系我', '找我', '加好友', '返现', '好评返', '晒图返',
  '线下交易', '平台外', '其他平台', '别的平台', '绕过平台', '不走平台', '公众号', '朋友圈', '进群',
  '拉你进', '转账给我', '直接转账', '私发', '单独联系', '留个联系方式', '留下联系方式', '其他渠道', '更便宜',
];

/**
 * Ordinary words that contain a platform's name or a soft word (北京东路, 加快手续, 获得物品,
 * 联系我们): a hit lying inside one of them, and shorter than it, is no hit.
 */
const FALSE_COMPOUNDS = ['北京东', '南京东', '京东方', '完美团', '快手续', '得物品', '获得物', '联系我们', '找我们'];

/** What follows a QQ word when it names a product, not an account: QQ音乐, QQ会员, Q币, QQ充值. */
const QQ_PRODUCT = '(?:音乐|会员|超级会员|充值|币|钱包|空间|飞车|炫舞|阅读|绿钻|黄钻|红钻|蓝钻|紫钻|粉钻|svip|vip|游戏|堂|秀|宠物|浏览器|邮箱|业务|年费|月卡)';
/** What follows a platform's name when it names a product: 京东E卡, 天猫超市卡, 美团会员. */
const PLATFORM_PRODUCT = '(?:e卡|超市卡|礼品卡|购物卡|卡|plus|会员|vip|币|红包|外卖)';
/** What follows 微信 when it names a way to pay, not a contact. */
const WECHAT_PAY = '(?:支付|读书|红包|零钱|钱包)';

// On the dense form. Every quantifier is bounded or sits before a fixed literal: no backtracking blow-up.
const CONTACT_COMMAND = new RegExp(
  '(?<![追增参更附叠外])(?:添加|加|\\+|联系|找|私信|私聊|搜索?)(?:我们的|我们|我的|我|1下|下|1个|个|的|上)?' +
  `(?:微信|qq群|q群|qq(?!${QQ_PRODUCT})|群|v(?!ip|ivo)|q(?![q币a-z]))`, 'g');
const CONTACT_VALUE_WECHAT = /微信(?:号码|号|id|账号)?(?:是|为)?([a-z][a-z0-9]{4,19}|\d{5,11}(?!\d))|(?<![a-z])(wxid[a-z0-9]{4,19})/g;
const CONTACT_VALUE_QQ = new RegExp(`(?:qq群|q群|群号|qq(?!${QQ_PRODUCT})|(?<![a-z])q(?=号))(?:号码|号|账号)?(?:是|为)?(\\d{5,11})(?!\\d)`, 'g');
/**
 * A lone v is weak (v for vip, for a version): it must stand alone in the raw text (no letter right
 * after it: `V：abc123`, not `version 1.2`) and its id must hold a digit.
 */
const CONTACT_VALUE_V = /(?<![a-z])v(?!ip)(?:号码|号|id)?(?:是|为)?([a-z][a-z0-9]{4,19})/g;
const LATIN_LETTER = /^[a-z]/i;
const MOBILE = /(?<!\d)(?:\+?86|0086)?(1[3-9]\d{9})(?!\d)/g;
const QQ_NUMBER = new RegExp(`(?:qq|(?<![a-z])q(?![a-z]))(?!${QQ_PRODUCT})[^\\d${HOLE}]{0,4}?(\\d{5,11})(?!\\d)`, 'g');
const BARE_CONTACT = new RegExp(`微信(?!${WECHAT_PAY})|(?<![a-z])qq(?!${QQ_PRODUCT})`, 'g');

// On the light form.
const TLD = ['com', 'cn', 'net', 'org', 'top', 'xyz', 'cc', 'vip', 'shop', 'me', 'io', 'link', 'site', 'club', 'info', 'tv', 'app', 'ltd',
  'wang', 'ink', 'fun', 'icu', 'work', 'online', 'store', 'tech', 'live', 'co', 'biz', 'hk'].sort((a, b) => b.length - a.length).join('|');
/** A dot, also written 。, 点 or dot, with a space either side at most. */
const DOT = '\\s?(?:\\.|。|点|dot)\\s?';
const LABEL = '[a-z0-9][a-z0-9-]{0,62}';
const EMAIL = new RegExp(
  `(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63}\\s{0,2}(?:@\\s{0,2}${LABEL}(?:\\.${LABEL}){0,4}${DOT}[a-z]{2,10}` +
  `|(?:#|\\(at\\)|\\[at\\]|\\sat\\s)\\s{0,2}${LABEL}(?:\\.${LABEL}){0,4}${DOT}(?:${TLD}))(?![a-z0-9])`, 'g');
const LINK = new RegExp(
  `(?:https?|ftp)\\s?:\\s?//[\\x21-\\x7e]+` +
  `|(?<![a-z0-9@._%+-])(?:www${DOT})?${LABEL}(?:\\.${LABEL}){0,4}${DOT}(?:${TLD})(?![a-z0-9])(?:/[\\x21-\\x7e]*)?`, 'g');

/** Neither an e-mail nor a link is possible without one of these: most messages skip both regexes. */
const MAY_LINK = /[@#.。点:]|dot|\sat\s/;

interface ListRules {
  /** A platform's name, with what makes it a place to buy or meet (去淘宝, 闲鱼找我) when there is. */
  platform: RegExp | null;
  soft: RegExp | null;
  extra: RegExp | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function alternation(words: readonly string[]): string | null {
  const norm = [...new Set(words.map(normalizeWord).filter((w) => w && !w.includes(HOLE)))].sort((a, b) => b.length - a.length);
  return norm.length ? norm.map(escape).join('|') : null;
}

const ruleCache = new Map<string, ListRules>();
function listRules(opts: DiversionOptions): ListRules {
  const platforms = opts.platforms ?? DEFAULT_PLATFORMS;
  const soft = opts.softWords ?? DEFAULT_SOFT_WORDS;
  const extra = opts.extraBlocked ?? [];
  const key = [platforms.join('\u0002'), soft.join('\u0002'), extra.join('\u0002')].join('\u0003');
  const cached = ruleCache.get(key);
  if (cached) return cached;
  const p = alternation(platforms);
  const s = alternation(soft);
  const x = alternation(extra);
  const rules: ListRules = {
    // `d`: the platform's own span (group 2) is checked against FALSE_COMPOUNDS.
    // Group 1: 去/搜/进/逛 send the buyer there; group 2: 到/上/在 only say where (在京东APP绑定 is how a
    // 京东E卡 is used), so they block only with what makes it a shop (group 4: 下单, 店铺, 找我 …).
    platform: p ? new RegExp(
      `((?:去|搜索?|进|逛)(?:我们的?|我的?)?)?((?:到|上|在)(?:我们的?|我的?)?)?(${p})(?!${PLATFORM_PRODUCT})` +
      '((?:上|里|app)?(?:搜索?|下单|购买|买|拍下?|旗舰店|店铺|店|找我|联系|私聊|关注|号|直播间|主页|同名))?', 'dg') : null,
    soft: s ? new RegExp(`(${s})`, 'dg') : null,
    extra: x ? new RegExp(`(${x})`, 'dg') : null,
  };
  if (ruleCache.size >= 32) ruleCache.delete(ruleCache.keys().next().value!);
  ruleCache.set(key, rules);
  return rules;
}

const COMPOUNDS = FALSE_COMPOUNDS.map(normalizeWord);
/** Is dense[a, b) inside an ordinary word longer than it? */
function inCompound(dense: string, a: number, b: number): boolean {
  for (const c of COMPOUNDS) {
    if (c.length <= b - a) continue;
    for (let from = Math.max(0, b - c.length); from <= a; from++) {
      if (dense.startsWith(c, from)) return true;
    }
  }
  return false;
}

const digitsOf = (s: string) => {
  const d = normalizeWord(s).replace(/\D/g, '');
  return d.length > 11 && d.startsWith('0086') ? d.slice(4) : d.length > 11 && d.startsWith('86') ? d.slice(2) : d;
};

function scan(raw: string, holes: readonly (readonly [number, number])[], opts: DiversionOptions = {}): DiversionHit[] {
  const { light, dense } = normalizeText(raw, holes);
  const rules = listRules(opts);
  const allowed = new Set((opts.allowedNumbers ?? []).map(digitsOf).filter(Boolean));
  const found: DiversionHit[] = [];
  const add = (kind: DiversionKind, view: NormalText, a: number, b: number) => {
    const start = view.start[a];
    const end = view.end[b - 1];
    found.push({ kind, severity: DIVERSION_SEVERITY[kind], start, end, text: raw.slice(start, end) });
  };
  const each = (re: RegExp, view: NormalText, kind: DiversionKind | ((m: RegExpExecArray) => DiversionKind | null), keep: (m: RegExpExecArray) => boolean = () => true) => {
    for (const m of view.text.matchAll(re)) {
      const k = typeof kind === 'string' ? kind : kind(m);
      if (k && keep(m)) add(k, view, m.index, m.index + m[0].length);
    }
  };
  const d = dense.text;
  const notAllowed = (m: RegExpExecArray) => !allowed.has(m[1]);
  const notCompound = (group: number) => (m: RegExpExecArray) => !inCompound(d, m.indices![group][0], m.indices![group][1]);

  each(CONTACT_COMMAND, dense, 'CONTACT_COMMAND');
  each(CONTACT_VALUE_WECHAT, dense, 'CONTACT_VALUE', (m) => m[2] !== undefined || (notAllowed(m) && (/\d/.test(m[1]) || m[1].length >= 6)));
  each(CONTACT_VALUE_QQ, dense, 'CONTACT_VALUE', notAllowed);
  each(CONTACT_VALUE_V, dense, 'CONTACT_VALUE', (m) => /\d/.test(m[1]) && !LATIN_LETTER.test(raw.slice(dense.end[m.index], dense.end[m.index] + 2).normalize('NFKC').slice(0, 1)));
  each(MOBILE, dense, 'MOBILE', notAllowed);
  each(QQ_NUMBER, dense, 'QQ_NUMBER', notAllowed);
  each(BARE_CONTACT, dense, 'PLATFORM_WORD');
  if (MAY_LINK.test(light.text)) {
    each(EMAIL, light, 'EMAIL');
    each(LINK, light, 'LINK');
  }
  // Named as a place to buy or meet: blocked; named bare: a warning.
  if (rules.platform) each(rules.platform, dense, (m) => (m[1] !== undefined || m[4] !== undefined ? 'OTHER_PLATFORM' : 'PLATFORM_WORD'), notCompound(3));
  if (rules.extra) each(rules.extra, dense, 'OTHER_PLATFORM');
  if (rules.soft) each(rules.soft, dense, 'SOFT_TALK', notCompound(1));
  return settle(found);
}

/**
 * Sorted by start; a warning overlapping a block is dropped, and so are an exact repeat and a link
 * inside an e-mail (the domain of `abc # qq.com`).
 */
function settle(found: DiversionHit[]): DiversionHit[] {
  const blocks = found.filter((h) => h.severity === 'block');
  const emails = found.filter((h) => h.kind === 'EMAIL');
  const seen = new Set<string>();
  return found
    .filter((h) => h.severity === 'block' || !blocks.some((b) => b.start < h.end && h.start < b.end))
    .filter((h) => h.kind !== 'LINK' || !emails.some((e) => e.start <= h.start && h.end <= e.end))
    .filter((h) => {
      const k = `${h.kind}:${h.start}:${h.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end || a.kind.localeCompare(b.kind));
}

/** Every hit in a text the merchant wrote, sorted by start; overlapping hits of lower severity dropped. */
export function findDiversion(text: string, opts?: DiversionOptions): DiversionHit[] {
  return scan(text, [], opts);
}

const PLACEHOLDER = /\{([^{}]+)\}/g;
const VARIABLES: ReadonlySet<string> = new Set(MESSAGE_VARIABLES);

/**
 * A template: its `{变量}` placeholders are holes (hard breaks: nothing matches across them, they
 * never count as digits). An unknown `{名字}` is sent as written, so it is read as text.
 */
export function findDiversionInTemplate(template: string, opts?: DiversionOptions): DiversionHit[] {
  const holes: [number, number][] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (VARIABLES.has(m[1])) holes.push([m.index, m.index + m[0].length]);
  return scan(template, holes, opts);
}

/**
 * A rendered message given as segments: only `from: 'template'` segments are the merchant's words;
 * 'order' and 'item' segments are holes. Offsets are into the joined text.
 */
export function findDiversionInSegments(segments: readonly { text: string; from: 'template' | 'order' | 'item' }[], opts?: DiversionOptions): DiversionHit[] {
  const holes: [number, number][] = [];
  let at = 0;
  for (const s of segments) {
    if (s.from !== 'template' && s.text.length) holes.push([at, at + s.text.length]);
    at += s.text.length;
  }
  return scan(segments.map((s) => s.text).join(''), holes, opts);
}
