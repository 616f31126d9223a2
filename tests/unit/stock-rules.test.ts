import { describe, expect, it } from 'vitest';
import { DELIVERY_KINDS, STOCKED_KINDS, type DeliveryKind } from '../../shared/domain';
import { STOCK_SEP_CHOICES, STOCK_SEP_NAMES, STOCK_SEP_WORDS, STOCK_SEPARATORS } from '../../shared/rules/stock-separators';
import { itemIdentity, stockShape } from '../../shared/rules/stock-shape';

describe('stock rules', () => {
  it('gives every stocked kind a shape and no other kind one', () => {
    for (const kind of Object.keys(DELIVERY_KINDS) as DeliveryKind[]) expect(stockShape(kind) !== null, kind).toBe(STOCKED_KINDS.includes(kind));
    expect(stockShape('stored-value')).toBe('code');
    expect(stockShape(null)).toBeNull();
  });

  it('identifies a card by its number, a code by itself, an account by its login', () => {
    const item = { cardNo: 'C', code: 'K', login: 'L' };
    expect([itemIdentity('card', item), itemIdentity('code', item), itemIdentity('account', item)]).toEqual(['C', 'K', 'L']);
  });

  it('names every separator choice for the CLI and the UI', () => {
    expect(STOCK_SEP_CHOICES).toEqual([...STOCK_SEPARATORS, 'auto']);
    expect(new Set(Object.values(STOCK_SEP_NAMES))).toEqual(new Set(STOCK_SEP_CHOICES));
    expect(Object.keys(STOCK_SEP_WORDS).sort()).toEqual([...STOCK_SEP_CHOICES].sort());
  });
});
