import { STOCKED_KINDS, type DeliveryKind, type Product } from '../../../shared/domain';

export function isStocked(kind: DeliveryKind | null): kind is DeliveryKind {
  return kind !== null && STOCKED_KINDS.includes(kind);
}

/** The form an item takes in stock; items move only between products of the same shape. */
export function stockShape(kind: DeliveryKind | null): 'card' | 'code' | 'account' | null {
  if (kind === 'card') return 'card';
  if (kind === 'code' || kind === 'stored-value') return 'code';
  if (kind === 'account') return 'account';
  return null;
}

/** Kinds whose items carry a validity (a card, a code, a voucher, a ticket). */
export function usesValidity(kind: DeliveryKind | null): boolean {
  return kind === 'card' || kind === 'code' || kind === 'stored-value' || kind === 'travel' || kind === 'service';
}

/** Items one order of this product takes per unit of quantity. */
export function itemsPerUnit(p: Pick<Product, 'terms'> | undefined): number {
  return p?.terms.itemsPerUnit ?? 1;
}

/** Available below the merchant's low-stock line (only when one is set). */
export function isLowStock(p: Product): boolean {
  return isStocked(p.kind) && p.lowStock > 0 && p.levels.available < p.lowStock;
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
