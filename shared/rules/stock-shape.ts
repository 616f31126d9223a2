/** The form an item takes in stock: a card (number + password), a code, or a rentable account. */
export type StockShape = 'card' | 'code' | 'account';

/**
 * The stock shape of a delivery kind (`DeliveryKind`, or as stored); null for kinds not delivered
 * from stock, and for no kind yet.
 * Items move only between products of the same shape.
 */
export function stockShape(kind: string | null): StockShape | null {
  if (kind === 'card') return 'card';
  if (kind === 'code' || kind === 'stored-value') return 'code';
  if (kind === 'account') return 'account';
  return null;
}

/**
 * What identifies an item of that shape — the card number, the code, or the account login: the
 * part duplicate checks compare (hashed in the core) and messages show masked.
 */
export function itemIdentity(shape: StockShape, item: { cardNo: string; code: string; login: string }): string {
  return shape === 'card' ? item.cardNo : shape === 'code' ? item.code : item.login;
}
