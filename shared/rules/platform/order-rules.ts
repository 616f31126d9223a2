import type { RuleHit } from '../../domain/rules';
import { isNoAfterSale } from '../classify';
import { PROVINCES } from '../suggest';
import { boolParam, intParam } from './catalogue';
import { mobileNumber, rechargeTargetOf, validRechargeNumber } from './recharge';
import { DAY_MS, HOUR_MS, type RuleEnv, type RuleOrder, type RuleProduct } from './subjects';

/** '江苏省' / '广西壮族自治区' / '上海市' → the short name of PROVINCES; '' when none. */
export function shortProvince(name: string): string {
  const n = name.trim();
  if (!n) return '';
  return PROVINCES.find((p) => n.startsWith(p)) ?? '';
}

const iso = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');

/** REGION_LOCK: by the order's 省, else by the recharge number's home province; unknown → warn. */
function regionLock(o: RuleOrder, p: RuleProduct, env: RuleEnv): RuleHit | null {
  const region = (p.terms.region ?? []).map(shortProvince).filter(Boolean);
  if (region.length === 0) return null;
  const regionText = region.join('、');
  const province = shortProvince(o.province);
  if (province) return region.includes(province) ? null : { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'province', region: regionText, province } };
  const no = mobileNumber(o.rechargeNo);
  const byNumber = boolParam(env.params, 'REGION_LOCK', 'byNumber') && no && env.provinceOfNumber ? env.provinceOfNumber(no) : null;
  if (byNumber) return region.includes(byNumber) ? null : { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'number', region: regionText, number: no, province: byNumber } };
  return { rule: 'REGION_LOCK', severity: 'warn', params: { reason: 'unknown', region: regionText } };
}

/**
 * An order to ship (待发货) against the order rules: its products confirmed, no after-sale open,
 * region, recharge number, deadlines, the items bound to it, and stock. Product-level rules are
 * checked once per product (checkProduct) and shown on its orders by the caller.
 */
export function checkOrder(o: RuleOrder, env: RuleEnv): RuleHit[] {
  const out: RuleHit[] = [];
  const products = o.products;
  const unconfirmed = products.find((p) => !p || !p.confirmed);
  if (unconfirmed !== undefined) out.push({ rule: 'NOT_CONFIRMED', severity: 'block', params: { title: unconfirmed ? `${unconfirmed.title} ${unconfirmed.spec}`.trim() : '' } });
  if (o.reason === 'AFTER_SALE' && !isNoAfterSale(o.afterSale)) out.push({ rule: 'AFTER_SALE_OPEN', severity: 'block', params: { afterSale: o.afterSale.trim() } });

  const seen = new Set<string>();
  for (const p of products) {
    if (!p || seen.has(p.skuKey)) continue;
    seen.add(p.skuKey);
    const region = regionLock(o, p, env);
    if (region && !out.some((h) => h.rule === 'REGION_LOCK')) out.push(region);
    if (p.kind === 'recharge' && !out.some((h) => h.rule === 'RECHARGE_TARGET')) {
      const target = rechargeTargetOf(p.title, p.spec, p.terms);
      const no = o.rechargeNo.trim();
      if (!no) out.push({ rule: 'RECHARGE_TARGET', severity: 'block', params: { reason: 'missing' } });
      else if (!validRechargeNumber(no, target)) out.push({ rule: 'RECHARGE_TARGET', severity: 'block', params: { reason: target, number: no } });
    }
    if (p.kind === 'custom' && o.paidAt && o.reason === null && !out.some((h) => h.rule === 'CUSTOM_SHIP_DEADLINE')) {
      const hours = p.terms.shipHours;
      const days = p.terms.shipDays ?? intParam(env.params, 'CUSTOM_SHIP_DEADLINE', 'agreedDays');
      const deadline = Date.parse(o.paidAt) + (hours ? hours * HOUR_MS : days * DAY_MS);
      if (env.now > deadline) out.push({ rule: 'CUSTOM_SHIP_DEADLINE', severity: 'warn', params: hours ? { reason: 'hours', hours, deadline: iso(deadline) } : { reason: 'days', days, deadline: iso(deadline) } });
    }
  }

  // Deadlines matter for orders that can ship; an after-sale one is blocked above already.
  if (o.shipBy && o.reason === null) {
    const left = Date.parse(o.shipBy) - env.now;
    const within = intParam(env.params, 'LATE_SHIPMENT', 'dueWithinHours');
    // Overdue by less than an hour still says 1 (not "已超时 0 小时"); dueSoon rounds up alike.
    // Late by two days or more reads in days (已超时 166 天, not 3991 小时).
    if (left < 0 && -left >= 2 * DAY_MS) out.push({ rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'overdueDays', days: Math.floor(-left / DAY_MS) } });
    else if (left < 0) out.push({ rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'overdue', hours: Math.max(1, Math.floor(-left / HOUR_MS)) } });
    else if (left <= within * HOUR_MS) out.push({ rule: 'LATE_SHIPMENT', severity: 'warn', params: { reason: 'dueSoon', hours: Math.max(1, Math.ceil(left / HOUR_MS)) } });
  }

  const minDays = Math.max(0, ...products.map((p) => p?.terms.minValidityDays ?? 0));
  const expired = o.items.find((i) => i.expiresAt && Date.parse(i.expiresAt) < env.now);
  if (expired) out.push({ rule: 'ITEM_EXPIRED', severity: 'block', params: { item: expired.label, expiresAt: expired.expiresAt!.slice(0, 16).replace('T', ' ') } });
  else if (minDays > 0) {
    const short = o.items.find((i) => i.expiresAt && Date.parse(i.expiresAt) - env.now < minDays * DAY_MS);
    if (short) out.push({ rule: 'ITEM_VALIDITY_SHORT', severity: 'block', params: { item: short.label, days: Math.floor((Date.parse(short.expiresAt!) - env.now) / DAY_MS), min: minDays } });
  }
  if (o.stockShort) out.push({ rule: 'OUT_OF_STOCK', severity: 'block', params: { need: o.stockShort.need, available: o.stockShort.available } });
  return out;
}
