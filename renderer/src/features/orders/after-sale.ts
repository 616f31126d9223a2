/**
 * 售后状态 values that mean "no after-sale" (DOMAIN.md §3: normal or empty). These are values
 * from the export, not UI text; they belong in shared/domain next to the shippable rule.
 */
const NORMAL_AFTER_SALE = new Set(['', '无售后或售后取消']);

export function isNormalAfterSale(afterSale: string): boolean {
  return NORMAL_AFTER_SALE.has(afterSale.trim());
}
