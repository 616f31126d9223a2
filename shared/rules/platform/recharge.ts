import type { ProductTerms } from '../../domain';

/** What a top-up is credited to: a mobile number (话费/流量), a QQ number (QQ 类), or either (视频会员 …). */
export type RechargeTarget = NonNullable<ProductTerms['rechargeTarget']>;

/** The target a title implies (seed §8(4)): QQ goods take a QQ number, phone and data a mobile number. */
export function rechargeTargetOf(title: string, spec: string, terms: ProductTerms): RechargeTarget {
  if (terms.rechargeTarget) return terms.rechargeTarget;
  const text = `${title} ${spec}`;
  if (/话费|流量|手机充值/.test(text)) return 'mobile';
  if (/QQ|Q币|q币|QB(?![a-z])/i.test(text)) return 'qq';
  return 'any';
}

/**
 * A mainland mobile number with spaces (U+3000 too), dashes, dots, brackets and a +86 / 0086 / 86
 * prefix taken off, full-width digits read as digits; '' when it is not one. The one reading of a
 * number for the rules and the number-prefix lookup.
 */
export function mobileNumber(no: string): string {
  const s = /[^\x00-\x7f]/.test(no) ? no.normalize('NFKC') : no;
  const d = s.replace(/[\s\-.()（）]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(d) ? d : '';
}

/** A QQ number: 5 to 11 digits, not starting with 0. */
export function isQqNumber(no: string): boolean {
  return /^[1-9]\d{4,10}$/.test(no.trim());
}

/** Whether the number can receive a top-up of that target. */
export function validRechargeNumber(no: string, target: RechargeTarget): boolean {
  if (target === 'mobile') return mobileNumber(no) !== '';
  // A mainland mobile number (1[3-9] + 9 digits) in the QQ field is almost surely the buyer's phone
  // typed where the QQ number goes: the top-up would reach nobody, or a stranger. Block it (overridable).
  if (target === 'qq') return isQqNumber(no) && mobileNumber(no) === '';
  return mobileNumber(no) !== '' || isQqNumber(no);
}
