import type { RuleHit } from '../../domain/rules';
import { PROVINCES } from '../suggest';
import { intParam, wordsParam } from './catalogue';
import { findDiversionInTemplate } from './diversion';
import { DAY_MS, type RuleEnv, type RuleProduct } from './subjects';

/** Days from now to the end (23:59:59 Beijing) of a YYYY-MM-DD date, rounded up; 0 when past. */
export function daysUntil(date: string, now: number): number {
  const end = Date.parse(`${date}T23:59:59+08:00`);
  return Math.max(0, Math.ceil((end - now) / DAY_MS));
}

/** A word in a title: Latin words as whole words (APP is not inside "whatsapp"), Chinese ones anywhere. */
function includesWord(text: string, word: string): boolean {
  const w = word.trim().toLowerCase();
  if (!w) return false;
  const t = text.toLowerCase();
  if (!/^[a-z0-9 ]+$/.test(w)) return t.includes(w);
  let i = t.indexOf(w);
  while (i >= 0) {
    if (!/[a-z]/.test(t[i - 1] ?? '') && !/[a-z]/.test(t[i + w.length] ?? '')) return true;
    i = t.indexOf(w, i + 1);
  }
  return false;
}

/** Telecom words that make a province in a title a regional product (江苏话费, 广东移动流量). */
const TELECOM = /话费|流量|移动|联通|电信|宽带|充值/;

/** The provinces a title or spec names when it is a regional telecom product. */
export function namedRegions(title: string, spec: string): string[] {
  const text = `${title} ${spec}`;
  if (!TELECOM.test(text)) return [];
  return PROVINCES.filter((p) => text.includes(p));
}

/** The diversion options the NO_DIVERSION parameters make. */
export function diversionOptions(env: Pick<RuleEnv, 'params'>, allowedNumbers?: readonly string[]) {
  return {
    platforms: wordsParam(env.params, 'NO_DIVERSION', 'platforms'),
    softWords: wordsParam(env.params, 'NO_DIVERSION', 'softWords'),
    extraBlocked: wordsParam(env.params, 'NO_DIVERSION', 'extraBlocked'),
    ...(allowedNumbers ? { allowedNumbers } : {}),
  };
}

/** NO_DIVERSION on a message template: the worst hit decides the severity; every hit is a span to highlight. */
export function checkTemplate(template: string, env: Pick<RuleEnv, 'params'>): RuleHit | null {
  const hits = findDiversionInTemplate(template, diversionOptions(env));
  if (hits.length === 0) return null;
  const block = hits.filter((h) => h.severity === 'block');
  const first = block[0] ?? hits[0];
  return {
    rule: 'NO_DIVERSION', severity: block.length ? 'block' : 'warn',
    params: { reason: block.length ? 'block' : 'warn', text: first.text, kind: first.kind },
    spans: hits.map((h) => ({ start: h.start, end: h.end, text: h.text })),
  };
}

/**
 * A product's own terms against the rules (DOMAIN.md §2): rental and validity terms, service and
 * travel fulfilment, travel in a personal shop, network-phone apps, a regional product sold
 * nationwide, and diversion in its message template. Pure: the products screen hints with it.
 */
export function checkProduct(p: RuleProduct, env: RuleEnv): RuleHit[] {
  const out: RuleHit[] = [];
  const t = p.terms;
  const text = `${p.title} ${p.spec}`;
  if (p.kind === 'account' && !t.fullyBindable && t.rentalDays !== undefined) {
    const max = intParam(env.params, 'RENTAL_MAX_DAYS', 'maxDays');
    if (t.rentalDays > max) out.push({ rule: 'RENTAL_MAX_DAYS', severity: 'block', params: { days: t.rentalDays, max } });
  }
  if (p.kind === 'stored-value') {
    const max = intParam(env.params, 'STORED_VALUE_MAX_DAYS', 'maxDays');
    const until = t.validUntil;
    const days = until !== undefined ? daysUntil(until, env.now) : t.validDays;
    if (days !== undefined && days > max) {
      const brand = wordsParam(env.params, 'STORED_VALUE_MAX_DAYS', 'brands').find((b) => includesWord(text, b));
      if (!(brand && t.brandApproved)) {
        const reason = brand ? 'brand' : until !== undefined ? 'until' : 'days';
        out.push({ rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason, days, max, ...(until ? { until } : {}), ...(brand ? { brand } : {}) } });
      }
    }
  }
  if (p.kind === 'service' && t.fulfilDays !== undefined) {
    const max = intParam(env.params, 'SERVICE_MAX_DAYS', 'maxDays');
    if (t.fulfilDays > max) out.push({ rule: 'SERVICE_MAX_DAYS', severity: 'block', params: { days: t.fulfilDays, max } });
  }
  if (p.kind === 'travel') {
    const max = intParam(env.params, 'TRAVEL_MAX_DAYS', 'maxDays');
    if (t.fulfilDays !== undefined && t.fulfilDays > max) out.push({ rule: 'TRAVEL_MAX_DAYS', severity: 'block', params: { days: t.fulfilDays, max } });
    if (env.shopType === 'personal') out.push({ rule: 'TRAVEL_ENTERPRISE_ONLY', severity: 'block', params: {} });
  }
  const call = wordsParam(env.params, 'NO_APP_CALL_GOODS', 'callWords').find((w) => includesWord(text, w));
  const app = call && wordsParam(env.params, 'NO_APP_CALL_GOODS', 'appWords').find((w) => includesWord(text, w));
  if (call && app) out.push({ rule: 'NO_APP_CALL_GOODS', severity: 'block', params: { word: call, app } });
  if (!t.region?.length) {
    const named = namedRegions(p.title, p.spec);
    if (named.length) out.push({ rule: 'REGION_PRODUCT_OPEN', severity: 'warn', params: { province: named.join('、') } });
  }
  if (t.messageTemplate) {
    const hit = checkTemplate(t.messageTemplate, env);
    if (hit) out.push(hit);
  }
  return out;
}
