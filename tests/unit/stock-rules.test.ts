import { describe, expect, it } from 'vitest';
import { DELIVERY_KINDS, STOCKED_KINDS, type DeliveryKind } from '../../shared/domain';
import { STOCK_SEP_CHOICES, STOCK_SEP_NAMES, STOCK_SEP_WORDS, STOCK_SEPARATORS } from '../../shared/rules/stock-separators';
import { itemIdentity, stockShape } from '../../shared/rules/stock-shape';
import { hasControlChars, identityKey } from '../../shared/rules/stock-identity';
import { lookalikes } from '../fixtures/stock';

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

describe('the identity of a stock item (duplicate checks)', () => {
  it('is one normal form for all 9 spellings of a card', () => {
    const v = lookalikes('6338-0001-2345-ABCD');
    expect(v).toHaveLength(9);
    for (const x of v) expect(identityKey(x.value), x.name).toBe('633800012345abcd');
  });

  it('folds what a buyer cannot tell apart, and keeps what differs', () => {
    expect(identityKey('ＡＢＣ－１２３')).toBe('abc123');
    expect(identityKey('abc\u2212123\u2010x\u2011y\u2015z')).toBe('abc123xyz');
    expect(identityKey('A\u00A0B\u3000C\tD')).toBe('abcd');
    expect(identityKey('A\u200DB\u2060C\uFEFFD\u202EE')).toBe('abcde');
    expect(identityKey('ABC123')).not.toBe(identityKey('ABC124'));
    expect(identityKey('O0')).not.toBe(identityKey('00'));
  });

  it('takes the fast path for printable ASCII with the same result as the full form', () => {
    for (const s of ['ab-CD ef', 'A-B-C', 'x y', '~!@#$%^&*()_+', 'MS0001-Q7W9-1K']) expect(identityKey(s), s).toBe(s.normalize('NFKC').toLowerCase().replace(/[\s\p{Pd}]/gu, ''));
  });

  it('names the characters a secret must not carry', () => {
    for (const s of ['a\u0000b', 'a\u001b[31mb', 'a\u007fb', 'a\u0085b', 'a\u200Bb', 'a\u202Eb', 'a\u2066b', 'a\uFEFFb', 'a\u00ADb']) expect(hasControlChars(s), JSON.stringify(s)).toBe(true);
    for (const s of ['abc', 'a\tb', '卡密ＡＢ', 'a-b', 'a b']) expect(hasControlChars(s), JSON.stringify(s)).toBe(false);
  });
});
