import type { DeliveryKind, Product } from '../../../../shared/domain';
import { isLowStock } from '../stock';

/** Kinds whose items carry a validity (a card, a code, a voucher, a ticket). */
export function usesValidity(kind: DeliveryKind | null): boolean {
  return kind === 'card' || kind === 'code' || kind === 'stored-value' || kind === 'travel' || kind === 'service';
}

/** Items one order of this product takes per unit of quantity. */
export function itemsPerUnit(p: Pick<Product, 'terms'> | undefined): number {
  return p?.terms.itemsPerUnit ?? 1;
}

/**
 * Products needing the merchant first: confirmed ones short of stock (orders wait for them), then
 * unconfirmed ones (filling skips them), then low; within each, the largest shortage and the most
 * waiting orders first.
 */
export function attentionRank(p: Product): number {
  if (p.confirmed && p.shortage > 0) return 0;
  if (!p.confirmed) return 1;
  if (isLowStock(p)) return 2;
  return 3;
}

export function sortByAttention(products: Product[]): Product[] {
  return [...products].sort((a, b) => attentionRank(a) - attentionRank(b) || b.shortage - a.shortage || b.waiting - a.waiting
    || a.title.localeCompare(b.title, 'zh-CN') || a.spec.localeCompare(b.spec, 'zh-CN'));
}
