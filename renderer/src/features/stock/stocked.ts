/** Which products have stock, the shape their items take, and when the stock is low. */
import { STOCKED_KINDS, type DeliveryKind, type Product } from '../../../../shared/domain';

export function isStocked(kind: DeliveryKind | null): kind is DeliveryKind {
  return kind !== null && STOCKED_KINDS.includes(kind);
}

/**
 * The form an item takes in stock; items move only between products of the same shape.
 * TODO(one-home): the core has the same kind → shape rule (allocation.ts, read-stock's shapes) and
 * takes an item's identity from it (itemFingerprint: card number, code or login); use the shared rule.
 */
export function stockShape(kind: DeliveryKind | null): 'card' | 'code' | 'account' | null {
  if (kind === 'card') return 'card';
  if (kind === 'code' || kind === 'stored-value') return 'code';
  if (kind === 'account') return 'account';
  return null;
}

/** Available below the merchant's low-stock line (only when one is set). */
export function isLowStock(p: Product): boolean {
  return isStocked(p.kind) && p.lowStock > 0 && p.levels.available < p.lowStock;
}
