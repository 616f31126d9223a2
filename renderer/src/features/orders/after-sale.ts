import { AFTER_SALE_NONE } from '../../../../shared/rules/classify';

/** 售后状态 that means "no after-sale": empty or the export's own "none" value (the shippable rule's). */
export function isNormalAfterSale(afterSale: string): boolean {
  const value = afterSale.trim();
  return value === '' || value === AFTER_SALE_NONE;
}
