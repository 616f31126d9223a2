import type { ProductTerms } from '../../../../shared/domain';
import { t } from '../../i18n';

/** 「租期 7 天 · 江苏 · 24 小时发货」: the terms a product carries, one short phrase each. */
export function termsSummary(terms: ProductTerms): string[] {
  const parts: string[] = [];
  if (terms.rentalDays) parts.push(t('terms.rentalDays', { n: terms.rentalDays }));
  if (terms.fullyBindable) parts.push(t('terms.fullyBindable'));
  if (terms.rechargeTarget) parts.push(t('terms.rechargeTarget', { target: t(`editor.rechargeTarget.${terms.rechargeTarget}`) }));
  if (terms.validDays) parts.push(t('terms.validDays', { n: terms.validDays }));
  if (terms.validUntil) parts.push(t('terms.validUntil', { date: terms.validUntil }));
  if (terms.fulfilDays) parts.push(t('terms.fulfilDays', { n: terms.fulfilDays }));
  if (terms.region?.length) parts.push(t('terms.region', { list: terms.region.join(t('terms.listSep')) }));
  if (terms.brandApproved) parts.push(t('terms.brandApproved'));
  if (terms.shipHours) parts.push(t('terms.shipHours', { n: terms.shipHours }));
  if (terms.shipDays) parts.push(t('terms.shipDays', { n: terms.shipDays }));
  if (terms.itemsPerUnit && terms.itemsPerUnit > 1) parts.push(t('terms.itemsPerUnit', { n: terms.itemsPerUnit }));
  if (terms.minValidityDays) parts.push(t('terms.minValidityDays', { n: terms.minValidityDays }));
  if (terms.messageTemplate) parts.push(t('terms.customTemplate'));
  return parts;
}
