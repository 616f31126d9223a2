/**
 * UI strings. zh-CN.json is the source of truth for keys; en.json must carry every one of them
 * (a missing key is a compile error below). Reasons for "not shippable" come from shared/domain
 * REASONS in Chinese, so the core and the UI say the same words; en.json may translate them.
 */
import zhCN from './zh-CN.json';
import enJson from './en.json';
import { DELIVERY_KINDS, REASONS, type DeliveryKind, type ReasonCode } from '../../../shared/domain';
import type { SuggestWhy } from '../../../shared/rules/suggest';
import { fillVars } from './fill-vars';

export type MessageKey = keyof typeof zhCN;
type Messages = Record<MessageKey, string>;
type ReasonMessages = Partial<Record<`reason.${ReasonCode}`, string>>;
/** Full names of delivery kinds: Chinese from shared/domain DELIVERY_KINDS, translated in en.json. */
type KindMessages = Partial<Record<`deliveryKind.${DeliveryKind}`, string>>;

const en: Messages & ReasonMessages & KindMessages = enJson;
export type Locale = 'zh-CN' | 'en';

const LOCALE_KEY = 'vship.locale';
const catalogs: Record<Locale, Messages & ReasonMessages & KindMessages> = { 'zh-CN': zhCN, en };

function initialLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const current: Locale = initialLocale();

export function getLocale(): Locale {
  return current;
}

/** Switching reloads the page: strings are read at render time and we keep no language state. */
export function switchLocale(next: Locale): void {
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    /* private mode: the switch lasts until reload */
  }
  location.reload();
}

/** `t('grid.total', { total: 50000 })` → 「共 50,000 个订单」. Unknown `{name}` stays as written. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = catalogs[current][key] ?? zhCN[key] ?? key;
  return vars ? fillVars(text, vars) : text;
}

export function reasonLabel(code: ReasonCode): string {
  if (current === 'zh-CN') return REASONS[code];
  return catalogs[current][`reason.${code}`] ?? REASONS[code];
}

/** 「卡密（卡号+密码）」: the delivery kind as shared/domain names it. */
export function kindLabel(kind: DeliveryKind): string {
  if (current === 'zh-CN') return DELIVERY_KINDS[kind];
  return catalogs[current][`deliveryKind.${kind}`] ?? DELIVERY_KINDS[kind];
}

/** One reason behind a product's suggestion, by its code (`suggest.<code>`, its params filled in). */
export function suggestWhyText(why: SuggestWhy): string {
  return t(`suggest.${why.code}`, why.params);
}

/** The measure word of one item of a kind's stock: 卡密/储值卡 张, 激活码/账号 个 (`unit.<kind>`). */
export function unitLabel(kind: DeliveryKind | null | undefined): string {
  return t(kind ? `unit.${kind}` : 'unit.none');
}

/** 「卡密」: the short name for tags and table cells. */
export function kindShort(kind: DeliveryKind): string {
  return t(`kind.${kind}`);
}

/** Order field names for the detail drawer and the change history; unknown names pass through. */
export function fieldLabel(field: string): string {
  const key = `field.${field}` as MessageKey;
  return key in zhCN ? t(key) : field;
}
