import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../main/core/io/limits';
import { readXlsx } from '../../main/core/io/read-xlsx';
import type { Cell } from '../../main/core/io/table';
import { decodeXstring } from '../../main/core/io/xstring';
import { escapeXstring, generateOrders, makeRng, toXlsx, TWISTS, xlsxOfStringXml } from '../fixtures/orders';

/** Every cell the reader yields, header row included (a one-column xlsx: its header is row 1). */
function cellsOf(bytes: Uint8Array, chunkSize?: number): Cell[][] {
  const out: Cell[][] = [];
  readXlsx(bytes, 'x.xlsx', { header: (_, __, ___, raw) => { out.push([...(raw ?? [])]); }, row: (r) => { out.push(r.cells); } }, chunkSize);
  return out;
}

describe('decodeXstring (ECMA-376 ST_Xstring)', () => {
  const cases: [string, string, string][] = [
    ['a CR, as Excel writes it', 'a_x000D_b', 'a\rb'],
    ['CRLF: the CR escaped, the LF as it is', 'a_x000D_\nb', 'a\r\nb'],
    ['control characters', '_x0001__x0007__x001B__x001F_', '\u0001\u0007\u001b\u001f'],
    ['lower-case hex ("hexadecimal character": either case)', '_x000d_ _x001b_ _x00e9_', '\r \u001b é'],
    ['the escaped underscore of a literal _x000D_', '_x005F_x000D_', '_x000D_'],
    ['the same with lower-case hex (Office writes _x005f_)', '_x005f_x000D_', '_x000D_'],
    ['a literal _x005F_x000D_, both underscores escaped', '_x005F_x005F_x005F_x000D_', '_x005F_x000D_'],
    ['a character beyond the BMP as two surrogate escapes', '_xD83D__xDE00_', '😀'],
    ['a surrogate pair in lower case, between text', '笑_xd83d__xde02_了', '笑😂了'],
    ['an escaped BMP character', '_x6211__x0020_', '我 '],
    ['back-to-back escapes', '_x0041__x0042__x0043_', 'ABC'],
    ['an underscore before an escape', '__x0041_', '_A'],
  ];
  for (const [what, escaped, text] of cases) {
    it(`decodes ${what}`, () => expect(decodeXstring(escaped)).toBe(text));
  }

  const literal: [string, string][] = [
    ['an incomplete escape', '_x00'],
    ['three hex digits', '_x00D_'],
    ['five hex digits are four and a literal rest', '_x0000D'],
    ['no closing underscore', '_x0041'],
    ['a non-hex digit', '_x00G0_'],
    ['an upper-case X', '_X0041_'],
    ['a lone underscore and x', 'a_x b_'],
    ['no escape at all, Chinese and emoji', '请尽快发货 😀 & <b>'],
  ];
  for (const [what, s] of literal) {
    it(`keeps ${what} as text`, () => expect(decodeXstring(s)).toBe(s));
  }

  it('undoes the fixtures’ Excel-style escaping for every adversarial cell and every control character', () => {
    const texts = [...TWISTS.map((t) => t.make('13812345678', makeRng(1)) ?? ''),
      ...Array.from({ length: 32 }, (_, c) => `a${String.fromCharCode(c)}b`), '_x000D_', '__x000D__', '_x005F_', '_x005F_x005F_', '_xD83D_'];
    for (const s of texts) expect(decodeXstring(escapeXstring(s)), JSON.stringify(s)).toBe(s);
    expect(escapeXstring('a\r\nb')).toBe('a_x000D_\nb');
    expect(escapeXstring('_x000D_')).toBe('_x005F_x000D_');
    expect(escapeXstring('\u0001\t')).toBe('_x0001_\t');
  });
});

describe('readXlsx decodes _xHHHH_', () => {
  it('in shared strings, inline strings and cached formula text, each <t> on its own', () => {
    const bodies = [
      '<t>head</t>',
      '<t>a_x000D_b</t>',
      '<t xml:space="preserve"> _x005F_x000D_ </t>',
      '<t>_xD83D__xDE00_</t>',
      '<t>_x000d_</t>',
      '<t>_x00</t>',
      // Runs split inside a literal: joined first and then decoded, they would read as a CR.
      '<r><t>_x00</t></r><r><rPr><b/></rPr><t>0D_</t></r>',
      '<r><t>a_x000D_</t></r><r><t>_x000A_b</t></r>',
      // A phonetic hint is no part of the text.
      '<t>拼_x0001_</t><rPh sb="0" eb="1"><t>_x000D_pin</t></rPh>',
      '<t>&amp;&lt;&gt;_x0026_</t>',
    ];
    const want = ['head', 'a\rb', ' _x000D_ ', '😀', '\r', '_x00', '_x000D_', 'a\r\nb', '拼\u0001', '&<>&'];
    for (const kind of ['shared', 'inline'] as const) {
      expect(cellsOf(xlsxOfStringXml(bodies, kind)).map((r) => r[0]), kind).toEqual(want);
    }
    expect(cellsOf(xlsxOfStringXml(['head', 'a_x000D_b', '_x005F_x000D_', '_x00'], 'formula')).map((r) => r[0])).toEqual(['head', 'a\rb', '_x000D_', '_x00']);
  });

  it('keeps escapes whole across chunk boundaries', () => {
    const bytes = xlsxOfStringXml(['<t>head</t>', '<t>x_x000D__x005F_x000D__xD83D__xDE00_y</t>']);
    for (const chunk of [1, 2, 3, 5, 7, 11]) expect(cellsOf(bytes, chunk)[1]![0], String(chunk)).toBe('x\r_x000D_😀y');
  });

  it('gives back every cell of an adversarial table written the way Excel writes it', async () => {
    const t = generateOrders({ count: 200, seed: 9, optional: true, legacy: true, adversarial: true, multiLineEvery: 6 });
    for (const inlineStrings of [false, true]) {
      const got = cellsOf(await toXlsx(t, { excel: true, inlineStrings }));
      expect(got.length).toBe(t.rows.length + 1);
      const want = [t.headers, ...t.rows];
      // The reader leaves out the trailing empty cells a row does not write.
      got.forEach((r, i) => expect(r.concat(Array(want[i]!.length - r.length).fill('')), `row ${i + 1}`).toEqual(want[i]));
    }
  });

  it('holds a decoded cell to the cell limit, and an escaped one to its decoded length', () => {
    const read = (body: string, kind: 'shared' | 'inline') => () => readXlsx(xlsxOfStringXml(['<t>h</t>', body], kind), 'x.xlsx', { header: () => {}, row: () => {} }, undefined, { ...LIMITS, maxCellChars: 10 });
    // 10 CRs are 70 characters of XML and 10 of text: within the limit.
    for (const kind of ['shared', 'inline'] as const) {
      expect(read(`<t>${'_x000D_'.repeat(10)}</t>`, kind), kind).not.toThrow();
      expect(read(`<t>${'_x000D_'.repeat(11)}</t>`, kind), kind).toThrow(expect.objectContaining({ code: 'CELL_TOO_LONG' }));
    }
  });
});
