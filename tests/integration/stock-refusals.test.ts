/**
 * Issue 8: stock that is not stock is refused before it can ship — through the core, as a host
 * calls it (`stock.import`), with the database unchanged after every refusal.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../main/core/db/open';
import { openCore, type Core } from '../../main/handlers';
import type { AppErrorData } from '../../shared/errors';
import type { Product, StockImportResult } from '../../shared/domain';
import { identityKey } from '../../shared/rules/stock-identity';
import { generateOrders, toCsv } from '../fixtures/orders';
import { accounts, accountText, brokenStockFiles, cards, cardText, cardXlsx, codes, codeText, damagedStock, lookalikes, orderExport, orderRowsText, quotedCsv, stockXlsx } from '../fixtures/stock';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

type Res<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

async function call<T>(channel: string, req: unknown): Promise<Res<T>> {
  return (await core!.dispatch(channel, req, () => undefined)) as Res<T>;
}
async function ok<T>(channel: string, req: unknown): Promise<T> {
  const r = await call<T>(channel, req);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

/** A shop with orders; products A (card), B (code), C (account) among its SKUs. */
async function shop(): Promise<{ dir: string; shopId: number; card: string; code: string; account: string }> {
  const dir = tempDir();
  core = openCore({ dataDir: dir, host: 'cli' });
  const shops = await ok<{ id: number }[]>('shops.list', undefined);
  const shopId = shops[0].id;
  await ok('import.orders', { shopId, files: [{ name: 'o.csv', bytes: toCsv(generateOrders({ count: 200, seed: 88 })) }] });
  const products = await ok<Product[]>('products.list', { shopId });
  const [card, code, account] = products.map((p) => p.skuKey);
  await ok('products.set', { shopId, skuKey: card, kind: 'card' });
  await ok('products.set', { shopId, skuKey: code, kind: 'code' });
  await ok('products.set', { shopId, skuKey: account, kind: 'account', terms: { rentalDays: 7 } });
  return { dir, shopId, card, code, account };
}

/** What the stock tables hold: a refusal must leave both as they were. */
function counts(dir: string): { items: number; batches: number; fingerprints: string } {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    return {
      items: db.prepare('SELECT count(*) FROM stock_items').pluck().get() as number,
      batches: db.prepare('SELECT count(*) FROM stock_batches').pluck().get() as number,
      fingerprints: (db.prepare('SELECT fingerprint FROM stock_items ORDER BY id').pluck().all() as string[]).join(','),
    };
  } finally {
    db.close();
  }
}

const file = (name: string, bytes: Buffer) => ({ file: { name, bytes } });

describe('an order export on a stock page', () => {
  it('is refused as STOCK_IS_ORDER_EXPORT in every format and every path, nothing written', async () => {
    const s = await shop();
    await ok('stock.import', { shopId: s.shopId, skuKey: s.code, text: codeText(codes(3)).toString() });
    const before = counts(s.dir);
    const csv = await orderExport('csv');
    const inputs = [
      file(csv.name, csv.bytes),
      file('orders.xlsx', (await orderExport('xlsx')).bytes),
      file('orders.zip', (await orderExport('zip')).bytes),
      // renamed .txt: the content decides
      file('stock.txt', csv.bytes),
      { text: csv.bytes.toString('utf8') },
      // rows copied from the export without its header
      { text: orderRowsText() },
    ];
    for (const skuKey of [s.code, s.card, s.account]) {
      for (const input of inputs) {
        const r = await call<StockImportResult>('stock.import', { shopId: s.shopId, skuKey, ...input });
        expect(r.ok ? 'imported' : r.error.code, `${skuKey} ${'file' in input ? input.file.name : 'text'}`).toBe('STOCK_IS_ORDER_EXPORT');
      }
    }
    const r = await call('stock.import', { shopId: s.shopId, skuKey: s.code, ...file(csv.name, csv.bytes) });
    expect(!r.ok && r.error.notes).toEqual([{ key: 'ORDER_HEADER', params: { columns: expect.stringContaining('订单号') } }]);
    expect(counts(s.dir)).toEqual(before);
  });

  it('refuses a few order rows pasted among codes line by line (ORDER_ROW)', async () => {
    const s = await shop();
    const rows = orderRowsText(1).trim();
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: [...codes(4), rows].join('\n') });
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[5, 'ORDER_ROW']]);
    expect(counts(s.dir).items).toBe(0);
  });
});

describe('lines of another shape than the product', () => {
  it('asks to change the kind (STOCK_SHAPE_MISMATCH + LOOKS_LIKE_*) with example lines, and imports once it is changed', async () => {
    const s = await shop();
    const cases: [string, unknown, string][] = [
      [s.code, { text: cardText(cards(8)).toString() }, 'LOOKS_LIKE_CARD'],
      [s.code, file('cards.csv', quotedCsv(cards(3))), 'LOOKS_LIKE_CARD'],
      [s.code, file('cards.xlsx', await cardXlsx(cards(3))), 'LOOKS_LIKE_CARD'],
      [s.code, { text: accountText(accounts(4)).toString() }, 'LOOKS_LIKE_ACCOUNT'],
      [s.card, { text: codeText(codes(6)).toString() }, 'LOOKS_LIKE_CODE'],
      [s.account, { text: codeText(codes(6)).toString() }, 'LOOKS_LIKE_CODE'],
      [s.card, file('codes.xlsx', await stockXlsx(['激活码'], codes(3).map((c) => [c]))), 'LOOKS_LIKE_CODE'],
    ];
    for (const [skuKey, input, note] of cases) {
      const r = await call('stock.import', { shopId: s.shopId, skuKey, ...(input as object) });
      expect(r.ok ? 'imported' : r.error.code, note).toBe('STOCK_SHAPE_MISMATCH');
      expect(!r.ok && r.error.notes, note).toEqual([{ key: note }, { key: 'SHAPE_LINES', params: { lines: expect.stringMatching(/^\d+(、\d+)*$/) } }]);
    }
    const first = await call('stock.import', { shopId: s.shopId, skuKey: s.code, text: cardText(cards(8)).toString() });
    expect(!first.ok && first.error.notes?.[1]).toEqual({ key: 'SHAPE_LINES', params: { lines: '1、2、3、4、5' } });
    expect(counts(s.dir)).toMatchObject({ items: 0, batches: 0 });
    // The question's answer: the product becomes a card product, and the same lines import.
    await ok('products.set', { shopId: s.shopId, skuKey: s.code, kind: 'card' });
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: cardText(cards(8)).toString() });
    expect(r).toMatchObject({ added: 8, rejected: [] });
  });

  it('refuses a single card line among codes, and codes too long or with spaces inside, by line', async () => {
    const s = await shop();
    const d = damagedStock();
    for (const key of ['cardInCodes', 'spaceInside', 'tooLong'] as const) {
      const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, ...file(d[key].name, d[key].bytes) });
      expect(r.rejected.map((x) => x.line), key).toEqual(d[key].lines);
      expect(d[key].lines.length, key).toBeGreaterThan(0);
      const want = { cardInCodes: 'SEPARATOR_INSIDE', spaceInside: 'SPACE_INSIDE', tooLong: 'SECRET_TOO_LONG' }[key];
      expect(r.rejected.map((x) => x.code), key).toEqual(d[key].lines.map(() => want));
      expect(r.added, key).toBe(0);
    }
    expect(counts(s.dir)).toMatchObject({ items: 0, batches: 0 });
  });
});

describe('quoted CSV and headers', () => {
  it('reads "卡号","密码" as a header and every secret without its quotes', async () => {
    const s = await shop();
    const list = cards(5);
    for (const [name, bytes] of [['q.csv', quotedCsv(list)], ['q-bom.csv', quotedCsv(cards(5, 99), { bom: true })], ['c.xlsx', await cardXlsx(cards(5, 98))]] as const) {
      const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.card, ...file(name, bytes) });
      expect(r, name).toMatchObject({ added: 5, rejected: [], duplicates: [] });
    }
    // Every item of the three files, as given (no quote left on either part), from line 2 on (line 1 is the header).
    const items = await ok<{ rows: { id: number; lineNo: number }[] }>('stock.items', { shopId: s.shopId, skuKey: s.card, limit: 100 });
    expect(items.rows).toHaveLength(15);
    const stored = await Promise.all(items.rows.map(async (x) => {
      const v = await ok<{ cardNo: string; password: string }>('stock.reveal', { shopId: s.shopId, itemId: x.id });
      return `${x.lineNo}:${v.cardNo}----${v.password}`;
    }));
    const given = [list, cards(5, 99), cards(5, 98)].flatMap((l) => l.map((c, i) => `${i + 2}:${c.cardNo}----${c.password}`));
    expect(stored.sort()).toEqual(given.sort());
  });
});

describe('look-alike duplicates', () => {
  it('catches all 9 spellings of one card, in one file and against the history; the secret is stored as given', async () => {
    const s = await shop();
    const v = lookalikes();
    // As codes: one file with all 9 — the first is added, the rest are refused or held back.
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: v.map((x) => x.value).join('\n') });
    // Spaces and zero-width characters inside a code are refused outright; nothing of the file is written then.
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[5, 'SPACE_INSIDE'], [6, 'CONTROL_CHARS'], [9, 'CONTROL_CHARS']]);
    expect(counts(s.dir).items).toBe(0);
    const clean = v.filter((_, i) => ![4, 5, 8].includes(i));
    const r2 = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: clean.map((x) => x.value).join('\n') });
    expect(r2.added).toBe(1);
    expect(r2.duplicates.map((d) => d.where)).toEqual(Array(clean.length - 1).fill('file'));
    // And one by one, against the history.
    for (const x of clean.slice(1)) {
      const again = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: x.value });
      expect(again, x.name).toMatchObject({ added: 0, duplicates: [{ line: 1, where: 'history' }] });
    }
    const items = await ok<{ rows: { id: number }[] }>('stock.items', { shopId: s.shopId, skuKey: s.code });
    expect(await ok('stock.reveal', { shopId: s.shopId, itemId: items.rows[0].id })).toMatchObject({ code: v[0].value });
  });

  it('compares identities across products and kinds: a card number typed as a code is that card', async () => {
    const s = await shop();
    await ok('stock.import', { shopId: s.shopId, skuKey: s.card, text: '6338-0001-2345-6789----670665\n' });
    const before = counts(s.dir);
    for (const code of ['6338000123456789', '6338 0001 2345 6789'.replace(/ /g, '-'), '６３３８０００１２３４５６７８９']) {
      const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: code });
      expect(r, code).toMatchObject({ added: 0, duplicates: [{ line: 1, where: 'history' }] });
    }
    // The account's login too.
    const acc = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.account, text: '63380001-23456789----pw----备注\n' });
    expect(acc).toMatchObject({ added: 0, duplicates: [{ line: 1, where: 'history' }] });
    // The whole card line into a code product is a question, not a new code.
    const line = await call('stock.import', { shopId: s.shopId, skuKey: s.code, text: '6338000123456789----670665\n' });
    expect(!line.ok && line.error.code).toBe('STOCK_SHAPE_MISMATCH');
    expect(counts(s.dir)).toEqual(before);
  });
});

describe('odd bytes and impossible dates', () => {
  it('refuses control characters, ANSI escapes, a NUL past 8 KB and 2026-02-30 with their lines', async () => {
    const s = await shop();
    const d = damagedStock();
    const expected = { controlChars: 'CONTROL_CHARS', ansiEscape: 'CONTROL_CHARS', nulPast8k: 'CONTROL_CHARS', badDate: 'BAD_DATE' } as const;
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      const f = d[key];
      const skuKey = f.shape === 'card' ? s.card : s.code;
      const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey, ...file(f.name, f.bytes) });
      expect(r.rejected.map((x) => x.line), key).toEqual(f.lines);
      expect(new Set(r.rejected.map((x) => x.code)), key).toEqual(new Set([expected[key]]));
      expect(r.added, key).toBe(0);
    }
    const bad = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.card, ...file(d.badDate.name, d.badDate.bytes) });
    expect(bad.rejected).toHaveLength(d.badDate.lines.length);
    expect(bad.rejected[0]).toMatchObject({ code: 'BAD_DATE', params: { value: '2026-02-30' } });
    expect(counts(s.dir)).toMatchObject({ items: 0, batches: 0 });
  });
});

describe('numbers Excel has already changed', () => {
  it('refuses a card number stored as a number past 15 digits (its last digits are zeros now), by line; 15 digits and text cells pass', async () => {
    const s = await shop();
    const x = await stockXlsx(['卡号', '密码', '面值'], [
      ['6338000123456789012', '000123', 100],
      [6338000123456789012, 123456, 100], // Excel kept 6338000123456780000
      [123456789012345, 654321, 100],
      ['6338000123456789013', 1.5e20, 100],
      ['6338000123456789014', 'pw-4', 1e16], // a remark column may hold anything
    ]);
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.card, ...file('cards.xlsx', x) });
    expect(r.rejected.map((l) => [l.line, l.code])).toEqual([[3, 'DIGITS_LOST'], [5, 'DIGITS_LOST']]);
    // Without a header row, the first row is data too.
    const noHeader = await stockXlsx([6338000123456789015 as unknown as string, 'pw'], [['6338000123456789016', 'pw2']]);
    const r2 = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.card, ...file('cards2.xlsx', noHeader) });
    expect(r2.rejected.map((l) => [l.line, l.code])).toEqual([[1, 'DIGITS_LOST']]);
    // The CSV Excel saves from such a sheet: 6.33800012345679E+18.
    const csv = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.card, text: '6338000123456789017----pw1\n6.33800012345679E+18----pw2\n' });
    expect(csv.rejected.map((l) => [l.line, l.code])).toEqual([[2, 'DIGITS_LOST']]);
    expect(counts(s.dir)).toMatchObject({ items: 0, batches: 0 });
  });
});

describe('a NUL early in a stock file', () => {
  it('is refused by its line, not as a file that is not text; a UTF-16 or binary file still is', async () => {
    const s = await shop();
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, ...file('codes.txt', Buffer.from('GOOD-0001\r\nNUL0\u0000CODE\r\nGOOD-0002\r\n', 'utf8')) });
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[2, 'CONTROL_CHARS']]);
    for (const bytes of [Buffer.from('\uFEFFGOOD-0001\r\nGOOD-0002\r\n', 'utf16le'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])]) {
      const bad = await call('stock.import', { shopId: s.shopId, skuKey: s.code, ...file('x.txt', bytes) });
      expect(!bad.ok && bad.error.code).toBe('STOCK_NOT_TEXT');
    }
    expect(counts(s.dir)).toMatchObject({ items: 0, batches: 0 });
  });
});

describe('invisible characters beyond the zero-width ones', () => {
  it('refuses tag characters, Hangul fillers, the braille blank, lone surrogates, variation selectors, private use and U+FFFD in a secret, by line', async () => {
    const s = await shop();
    const odd = [
      ['CODE-TAG\u{E0041}', 'CONTROL_CHARS'], ['CODE-HF\u3164', 'CONTROL_CHARS'], ['CODE\uFFA0-HW', 'CONTROL_CHARS'], ['CODE-BR\u2800', 'CONTROL_CHARS'],
      ['CODE-CGJ\u034F', 'CONTROL_CHARS'], ['CODE-SUR\uD800', 'CONTROL_CHARS'], ['CODE-VS\uFE0F', 'ODD_CHARS'], ['CODE-PUA\uE000', 'ODD_CHARS'],
      ['CODE-BAD\uFFFD', 'ODD_CHARS'],
    ] as const;
    const lines = ['GOOD-0001', ...odd.map(([v]) => v), 'GOOD-0002'];
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.code, text: lines.join('\r\n') });
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual(odd.map(([, code], i) => [i + 2, code]));
    expect(r.added).toBe(0);
    expect(counts(s.dir)).toMatchObject({ items: 0, batches: 0 });
  });

  it('lets a remark keep an emoji with its variation selector; the card itself stays clean', async () => {
    const s = await shop();
    const r = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.account, text: 'user01@example.com----pw0001----会员❤\uFE0F\n' });
    expect(r).toMatchObject({ added: 1, rejected: [] });
  });

  it('counts a Hangul filler or a variation selector as nothing when comparing (a stored look-alike is the same card)', () => {
    expect(identityKey('CODE-70\u3164')).toBe(identityKey('code70'));
    expect(identityKey('CODE-70\uFFA0')).toBe(identityKey('code70'));
    expect(identityKey('CODE-70\uFE0F')).toBe(identityKey('code70'));
  });
});

describe('manual assignment', () => {
  it('applies the same identity and odd-byte rules to typed items', async () => {
    const s = await shop();
    const db = new Database(join(s.dir, DB_FILE), { readonly: true });
    const orderNo = db.prepare(`SELECT o.order_no FROM orders o WHERE o.shop_id = ? AND o.shippable = 1 AND o.sku_key = ? AND o.quantity = 1
      AND (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) = 1 LIMIT 1`).pluck().get(s.shopId, s.code) as string | undefined;
    db.close();
    expect(orderNo).toMatch(/^\d{6}-\d{15}$/);
    await ok('stock.import', { shopId: s.shopId, skuKey: s.card, text: '6338-0001-2345-6789----670665\n' });
    const before = counts(s.dir);
    const zw = await call('allocation.assign', { shopId: s.shopId, orderNo, items: ['ZW\u200B-CODE-0001'] });
    expect(!zw.ok && zw.error).toMatchObject({ code: 'ASSIGN_BAD_ITEM', notes: [{ key: 'ITEM_REJECTED', params: { rejectCode: 'CONTROL_CHARS' } }] });
    const dup = await call('allocation.assign', { shopId: s.shopId, orderNo, items: ['６３３８０００１２３４５６７８９'] });
    expect(!dup.ok && dup.error.code).toBe('ASSIGN_DUPLICATE');
    expect(counts(s.dir)).toEqual(before);
  });
});

describe('files refused whole', () => {
  it('a supplier file of two encodings, or cut inside a character, is refused with nothing written', async () => {
    const s = await shop();
    const before = counts(s.dir);
    const broken = Object.values(brokenStockFiles());
    expect(broken.length).toBeGreaterThanOrEqual(2);
    for (const f of broken) {
      const r = await call('stock.import', { shopId: s.shopId, skuKey: s.card, file: { name: f.name, bytes: f.bytes } });
      expect(!r.ok && r.error, f.name).toMatchObject({ code: f.code, file: f.name });
      expect(counts(s.dir)).toEqual(before);
    }
    // The same cards in one encoding import whole.
    const whole = await ok<StockImportResult>('stock.import', { shopId: s.shopId, skuKey: s.card, text: cardText(cards(20, 40)).toString('utf8') });
    expect(whole.added).toBe(20);
  });
});
