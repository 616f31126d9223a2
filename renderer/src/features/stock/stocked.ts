/** Which products have stock, the shape their items take, and when the stock is low. */
import { STOCKED_KINDS, type DeliveryKind, type Product } from '../../../../shared/domain';

export function isStocked(kind: DeliveryKind | null): kind is DeliveryKind {
  return kind !== null && STOCKED_KINDS.includes(kind);
}

/** The form an item takes in stock (the one kind → shape rule, shared with the core). */
export { stockShape } from '../../../../shared/rules/stock-shape';

/** Available below the merchant's low-stock line (only when one is set). */
export function isLowStock(p: Product): boolean {
  return isStocked(p.kind) && p.lowStock > 0 && p.levels.available < p.lowStock;
}
