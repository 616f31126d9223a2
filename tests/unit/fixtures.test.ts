import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import {
  AFTER_SALE_STATUSES, CURRENT_HEADERS, LEGACY_NAMES, ORDER_STATUSES, RULE_CASES, TWISTS, badFiles, expectedFor, generateOrders, makeRng, toCsv, toXlsx, toZip,
  trimCell, withRuleCases, type OrderTable,
} from '../fixtures/orders';

const ORDER_NO = /^\d{6}-\d{15}$/;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENDOFCHAIN = 0xfffffffe;

const col = (t: OrderTable, h: string): number => {
  const i = t.headers.indexOf(h);
  if (i < 0) throw new Error(`no column ${h}`);
  return i;
};
const parseCsv = (text: string): string[][] => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const toCents = (s: string): number => Math.round(Number(s) * 100);

/** A small reader of compound files: follows the FAT, mini FAT and directory tree. */
function readCfb(buf: Buffer): { names: string[]; streams: Map<string, Buffer> } {
  const sectorSize = 1 << buf.readUInt16LE(30);
  const miniSize = 1 << buf.readUInt16LE(32);
  const nFat = buf.readUInt32LE(44);
  const cutoff = buf.readUInt32LE(56);
  const sector = (i: number): Buffer => buf.subarray(sectorSize * (i + 1), sectorSize * (i + 2));
  const fat: number[] = [];
  for (let k = 0; k < nFat; k++) {
    const s = sector(buf.readUInt32LE(76 + 4 * k));
    for (let j = 0; j < sectorSize / 4; j++) fat.push(s.readUInt32LE(4 * j));
  }
  const follow = (table: number[], start: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN; s = table[s] as number) {
      if (s === undefined || out.length > table.length) throw new Error('broken chain');
      out.push(s);
    }
    return out;
  };
  const read = (start: number, size?: number): Buffer => Buffer.concat(follow(fat, start).map(sector)).subarray(0, size);
  const dir = read(buf.readUInt32LE(48));
  const miniFatStart = buf.readUInt32LE(60);
  const miniFatBytes = miniFatStart === ENDOFCHAIN ? Buffer.alloc(0) : read(miniFatStart);
  const miniFat = Array.from({ length: miniFatBytes.length / 4 }, (_, k) => miniFatBytes.readUInt32LE(4 * k));
  const entry = (id: number) => {
    const o = id * 128;
    return {
      name: dir.toString('utf16le', o, o + Math.max(0, dir.readUInt16LE(o + 64) - 2)),
      type: dir.readUInt8(o + 66), left: dir.readUInt32LE(o + 68), right: dir.readUInt32LE(o + 72),
      child: dir.readUInt32LE(o + 76), start: dir.readUInt32LE(o + 116), size: dir.readUInt32LE(o + 120),
    };
  };
  const root = entry(0);
  expect(root.name).toBe('Root Entry');
  expect(root.type).toBe(5);
  const miniStream = root.start === ENDOFCHAIN ? Buffer.alloc(0) : read(root.start, root.size);
  const names: string[] = [];
  const streams = new Map<string, Buffer>();
  const visit = (id: number): void => {
    if (id === 0xffffffff) return;
    const e = entry(id);
    visit(e.left);
    names.push(e.name);
    if (e.size < cutoff) {
      const parts = e.size === 0 ? [] : follow(miniFat, e.start).map((m) => miniStream.subarray(m * miniSize, (m + 1) * miniSize));
      streams.set(e.name, Buffer.concat(parts).subarray(0, e.size));
    } else {
      streams.set(e.name, read(e.start, e.size));
    }
    visit(e.right);
  };
  visit(root.child);
  return { names, streams };
}

describe('generateOrders', () => {
  it('gives the same bytes for the same seed and different ones for another seed', async () => {
    const a = generateOrders({ count: 300, seed: 42, optional: true, multiLineEvery: 5 });
    const b = generateOrders({ count: 300, seed: 42, optional: true, multiLineEvery: 5 });
    const c = generateOrders({ count: 300, seed: 43, optional: true, multiLineEvery: 5 });
    expect(toCsv(a).equals(toCsv(b))).toBe(true);
    expect(toCsv(a).equals(toCsv(c))).toBe(false);
    expect(b.expected).toEqual(a.expected);
    expect((await toXlsx(a)).equals(await toXlsx(b))).toBe(true);
  });

  it('numbers orders uniquely as YYMMDD-15 digits, dated by the order time', () => {
    const t = generateOrders({ count: 5000, seed: 1 });
    const nos = t.expected.map((e) => e.orderNo);
    expect(new Set(nos).size).toBe(5000);
    for (const e of t.expected) {
      expect(e.orderNo).toMatch(ORDER_NO);
      expect(e.orderNo.slice(0, 6)).toBe(e.paidAt.slice(2, 4) + e.paidAt.slice(5, 7) + e.paidAt.slice(8, 10));
    }
  });

  it('uses the 27 current headers, in order, by default', () => {
    expect(CURRENT_HEADERS).toHaveLength(27);
    expect(new Set(CURRENT_HEADERS).size).toBe(27);
    expect(generateOrders({ count: 3 }).headers).toEqual(CURRENT_HEADERS);
  });

  it('adds the optional headers, with 承诺发货时间 on about 70% of orders', () => {
    const t = generateOrders({ count: 2000, seed: 2, optional: true, statusMix: 'all-shippable' });
    for (const h of ['支付时间', '承诺发货时间', '买家留言', '充值号码', '省', '市', '区']) expect(t.headers).toContain(h);
    const withShipBy = t.expected.filter((e) => e.shipBy !== null).length / t.expected.length;
    expect(withShipBy).toBeGreaterThan(0.65);
    expect(withShipBy).toBeLessThan(0.75);
    const shipByCol = col(t, '承诺发货时间');
    t.expected.forEach((e, i) => {
      const cell = t.rows[i]![shipByCol]!;
      expect(e.shipBy).toBe(cell === '' ? null : `${cell.replace(' ', 'T')}+08:00`);
    });
  });

  it('uses the old header names in legacy mode', () => {
    const t = generateOrders({ count: 3, legacy: true });
    for (const h of ['订单编号', '商品名称', '商家编码-SKU维度', '收货人', '手机', '详细地址', '拼单成功时间']) expect(t.headers).toContain(h);
    for (const h of ['订单号', '商品', '商家编码-规格维度']) expect(t.headers).not.toContain(h);
  });

  it('spreads every Nth order over two rows of the same product with different SKUs', () => {
    const t = generateOrders({ count: 100, seed: 3, multiLineEvery: 4 });
    expect(t.rows).toHaveLength(125);
    const multi = t.expected.filter((e) => e.lines === 2);
    expect(multi).toHaveLength(25);
    for (const e of multi) {
      expect(e.items).toHaveLength(2);
      expect(e.items[0]!.skuCode).not.toBe(e.items[1]!.skuCode);
      expect(e.items[0]!.spec).not.toBe(e.items[1]!.spec);
      expect(e.quantity).toBe(e.items[0]!.quantity + e.items[1]!.quantity);
    }
    const noCol = col(t, '订单号');
    const rowsOf = (no: string) => t.rows.filter((r) => r[noCol] === no);
    expect(rowsOf(multi[0]!.orderNo)).toHaveLength(2);
  });

  it('mixes in every 订单状态 and 售后状态 value, with about 70% shippable', () => {
    const t = generateOrders({ count: 1000, seed: 4 });
    const statuses = new Set(t.expected.map((e) => e.status));
    const afterSales = new Set(t.expected.map((e) => e.afterSale));
    for (const s of ORDER_STATUSES) expect(statuses).toContain(s);
    for (const s of AFTER_SALE_STATUSES) expect(afterSales).toContain(s);
    expect(ORDER_STATUSES).toContain('已发货，待签收');
    for (const e of t.expected) {
      expect(e.shippable).toBe(e.status === '待发货' && (e.afterSale === '无售后或售后取消' || e.afterSale === ''));
    }
    const share = t.expected.filter((e) => e.shippable).length / 1000;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.8);
  });

  it('makes every order shippable in the all-shippable mix', () => {
    const t = generateOrders({ count: 500, seed: 5, statusMix: 'all-shippable' });
    expect(t.expected.every((e) => e.shippable)).toBe(true);
  });

  it('fills 发货时间 only for shipped orders and keeps times in the 3 days before now', () => {
    const now = new Date('2026-06-20T12:00:00+08:00').getTime();
    const t = generateOrders({ count: 1000, seed: 6 });
    const shipCol = col(t, '发货时间');
    const statusCol = col(t, '订单状态');
    for (const r of t.rows) {
      const shipped = /^已发货|^已签收|^已收货/.test(r[statusCol]!);
      expect(r[shipCol] !== '').toBe(shipped);
    }
    for (const e of t.expected) {
      const paid = new Date(e.paidAt).getTime();
      expect(paid).toBeLessThanOrEqual(now);
      expect(paid).toBeGreaterThanOrEqual(now - 3 * 24 * 3600 * 1000);
      expect(e.paidAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    }
  });

  it('agrees with its own rows on amounts, quantities and top-up numbers', () => {
    const t = generateOrders({ count: 800, seed: 7, optional: true, multiLineEvery: 6 });
    const c = (h: string) => col(t, h);
    let row = 0;
    for (const e of t.expected) {
      const rows = t.rows.slice(row, row + e.lines);
      row += e.lines;
      expect(rows.every((r) => r[c('订单号')] === e.orderNo)).toBe(true);
      expect(rows.reduce((s, r) => s + toCents(r[c('用户实付金额(元)')]!), 0)).toBe(e.paidCents);
      expect(rows.reduce((s, r) => s + Number(r[c('商品数量(件)')]), 0)).toBe(e.quantity);
      expect(rows[0]![c('商家编码-规格维度')]).toBe(e.skuCode);
      expect(rows[0]![c('充值号码')]).toBe(e.rechargeNo);
      expect(e.rechargeNo).toMatch(/^(|1[358]\d{9}|[1-9]\d{7,9})$/);
      expect(e.productId).toMatch(/^\d{9,12}$/);
      expect(e.styleId).toMatch(/^\d{10,12}$/);
    }
    expect(row).toBe(t.rows.length);
    expect(t.expected.filter((e) => e.rechargeNo !== '').length).toBeGreaterThan(0);
    const flat = t.rows.flat();
    expect(flat.some((v) => /^\d{4,}\.\d{2}$/.test(v))).toBe(true); // amounts ≥ 1000
    expect(flat.some((v) => v.includes('\n'))).toBe(true);
    expect(flat.some((v) => v.includes('"'))).toBe(true);
    expect(flat.some((v) => v.includes(','))).toBe(true);
    expect(flat.some((v) => v.includes('𠮷'))).toBe(true);
  });
});

describe('generateOrders with adversarial cells', () => {
  const opts = { count: 200, seed: 44, optional: true, legacy: true, multiLineEvery: 6 };
  const plain = generateOrders(opts);
  const adv = generateOrders({ ...opts, adversarial: true });
  // Twists name the current headers; this table has the legacy ones.
  const c = (h: string) => col(adv, LEGACY_NAMES[h] ?? h);

  it('changes only cells of the fields the twists write, and leaves the plain table as it was', () => {
    expect(adv.headers).toEqual(plain.headers);
    expect(adv.rows.length).toBe(plain.rows.length);
    const twisted = new Set(TWISTS.map((t) => c(t.header)));
    let changed = 0;
    adv.rows.forEach((r, i) => r.forEach((v, k) => {
      if (v === plain.rows[i]![k]) return;
      changed++;
      expect(twisted.has(k), `${adv.headers[k]} of row ${i + 2}`).toBe(true);
    }));
    expect(changed).toBeGreaterThan(TWISTS.length);
    expect(adv.rows.map((r) => r[c('订单编号')])).toEqual(plain.rows.map((r) => r[c('订单编号')]));
    expect(toCsv(generateOrders(opts)).equals(toCsv(plain))).toBe(true);
    expect(toCsv(generateOrders({ ...opts, adversarial: true })).equals(toCsv(adv))).toBe(true);
  });

  it('takes every twist at least once in 200 orders', () => {
    const rng = makeRng(0);
    for (const t of TWISTS) {
      const k = c(t.header);
      const hit = adv.rows.some((r, i) => {
        const before = plain.rows[i]![k]!;
        const made = t.make(before, rng);
        return r[k] !== before && (t.name === 'waybill-zeros' ? /^000\d{10}$/.test(r[k]!) : r[k] === made);
      });
      expect(hit, t.name).toBe(true);
    }
  });

  it('holds each kind of hostile cell the issue names', () => {
    const flat = adv.rows.flat();
    const some = (re: RegExp) => flat.some((v) => re.test(v));
    for (const re of [/&/, /</, />/, /\r\n/, /\r(?!\n)/, /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/, /^0\d/, /^=/, /^\+/, /^-/, /^@/, /[\ud800-\udbff][\udc00-\udfff]/,
      /_x000D_/, /_x005F_/, /^\s|\s$/]) expect(some(re), String(re)).toBe(true);
    expect(adv.rows.some((r) => /^00\d+$/.test(r[c('充值号码')]!))).toBe(true);
  });

  it('keeps the expected orders in step with the twisted cells, trimmed as an importer reads them', () => {
    let row = 0;
    for (const e of adv.expected) {
      const rows = adv.rows.slice(row, row + e.lines);
      row += e.lines;
      const first = rows[0]!;
      expect({
        buyerMemo: e.buyerMemo, merchantMemo: e.merchantMemo, rechargeNo: e.rechargeNo, productName: e.productName,
        spec: e.spec, styleId: e.styleId, skuCode: e.skuCode,
      }).toEqual({
        buyerMemo: trimCell(first[c('买家留言')]!), merchantMemo: trimCell(first[c('商家备注')]!), rechargeNo: trimCell(first[c('充值号码')]!),
        productName: trimCell(first[c('商品名称')]!), spec: trimCell(first[c('商品规格')]!), styleId: trimCell(first[c('样式ID')]!),
        skuCode: trimCell(first[c('商家编码-SKU维度')]!),
      });
      expect(e.items.map((x) => [x.spec, x.styleId, x.skuCode])).toEqual(rows.map((r) => [r[c('商品规格')], r[c('样式ID')], r[c('商家编码-SKU维度')]].map((v) => trimCell(v!))));
      // Order-level fields are the same on every row of the order.
      for (const h of ['买家留言', '商家备注', '充值号码', '商品名称', '详细地址']) expect(new Set(rows.map((r) => r[c(h)])).size, h).toBe(1);
    }
    expect(row).toBe(adv.rows.length);
  });

  it('round-trips through a CSV parser and GBK, CR and control characters included', () => {
    expect(parseCsv(toCsv(adv).toString('utf8'))).toEqual([adv.headers, ...adv.rows]);
    expect(iconv.decode(toCsv(adv, { encoding: 'gbk' }), 'gb18030')).toBe(toCsv(adv).toString('utf8'));
  });

  it('is refused by the exceljs writer, which would lose its control characters and CRs', async () => {
    await expect(toXlsx(adv)).rejects.toThrow(/excel: true/);
  });
});

describe('withRuleCases', () => {
  const t = generateOrders({ count: 300, seed: 91, optional: true });
  const { table, cases } = withRuleCases(t);
  const c = (h: string) => col(t, h);
  const rowOf = (no: string) => table.rows.find((r) => r[c('订单号')] === no)!;
  const exp = (no: string) => table.expected.find((e) => e.orderNo === no)!;

  it('rewrites one distinct shippable one-line order per case, and nothing else', () => {
    expect(Object.keys(cases)).toEqual([...RULE_CASES]);
    const nos = Object.values(cases);
    expect(new Set(nos).size).toBe(RULE_CASES.length);
    const changed = new Set(nos);
    t.rows.forEach((r, i) => { if (!changed.has(r[c('订单号')]!)) expect(table.rows[i]).toEqual(r); });
    t.expected.forEach((e, i) => { if (!changed.has(e.orderNo)) expect(table.expected[i]).toEqual(e); });
    for (const no of nos) expect(t.expected.find((e) => e.orderNo === no)).toMatchObject({ shippable: true, lines: 1 });
    // the input is left as it was
    expect(toCsv(t)).toEqual(toCsv(generateOrders({ count: 300, seed: 91, optional: true })));
  });

  it('writes each case’s cells into the row and the expected order alike', () => {
    expect(rowOf(cases.phoneNoNumber)[c('充值号码')]).toBe('');
    expect(exp(cases.phoneTenDigits)).toMatchObject({ rechargeNo: '1381234567', productName: expect.stringMatching(/^(全国三网话费|中国电信话费)/) });
    expect(exp(cases.phoneLetters).rechargeNo).toBe('138abcd5678');
    expect(rowOf(cases.phoneLandline)[c('充值号码')]).toBe('025-84561234');
    expect(exp(cases.qqMobile)).toMatchObject({ rechargeNo: '13912345678', productName: expect.stringMatching(/^(QQ音乐绿钻|王者荣耀)/) });
    expect(exp(cases.regionOutside)).toMatchObject({ province: '上海市', productName: expect.stringMatching(/^江苏移动话费/) });
    expect([c('省'), c('市'), c('区')].map((k) => rowOf(cases.regionOutside)[k])).toEqual(['上海市', '上海市', '浦东新区']);
    for (const [k, no] of [['regionNumberInside', '13912345678'], ['regionNumberOutside', '13602345678'], ['regionUnknown', '19912345678']] as const) {
      expect(exp(cases[k])).toMatchObject({ province: '', rechargeNo: no });
      expect(rowOf(cases[k])[c('省')]).toBe('');
    }
    expect(exp(cases.afterSaleOpen)).toMatchObject({ status: '待发货', afterSale: '售后处理中', shippable: false, productName: expect.stringMatching(/^京东E卡/) });
    expect(exp(cases.overdue).shipBy).toBe('2026-06-20T10:00:00+08:00');
    expect(rowOf(cases.overdue)[c('承诺发货时间')]).toBe('2026-06-20 10:00:00');
    expect(Date.parse(exp(cases.overdue).paidAt)).toBeLessThan(Date.parse('2026-06-20T10:00:00+08:00'));
  });

  it('keeps the legacy address in step, and refuses a table without the optional columns or too few orders', () => {
    const legacy = withRuleCases(generateOrders({ count: 300, seed: 91, optional: true, legacy: true }));
    const r = legacy.table.rows.find((x) => x[legacy.table.headers.indexOf('订单编号')] === legacy.cases.regionOutside)!;
    expect(r[legacy.table.headers.indexOf('详细地址')]).toBe('上海市上海市浦东新区****');
    expect(() => withRuleCases(generateOrders({ count: 300, seed: 91 }))).toThrow(/no column 充值号码/);
    expect(() => withRuleCases(generateOrders({ count: 5, seed: 91, optional: true }))).toThrow(/generate more orders/);
  });
});

describe('toCsv', () => {
  const t = generateOrders({ count: 400, seed: 8, optional: true, multiLineEvery: 7 });

  it('round-trips through a CSV parser, quotes, commas and newlines included', () => {
    expect(parseCsv(toCsv(t).toString('utf8'))).toEqual([t.headers, ...t.rows]);
  });

  it('writes GBK (gb18030) that decodes back to the same text, 𠮷 included', () => {
    const gbk = toCsv(t, { encoding: 'gbk' });
    const utf8 = toCsv(t).toString('utf8');
    expect(gbk.equals(Buffer.from(utf8, 'utf8'))).toBe(false);
    expect(iconv.decode(gbk, 'gb18030')).toBe(utf8);
    expect(utf8).toContain('𠮷');
  });

  it('starts UTF-8 with BOM with EF BB BF', () => {
    const b = toCsv(t, { encoding: 'utf8-bom' });
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('ends digit cells and empty cells in a tab when asked', () => {
    const rows = parseCsv(toCsv(t, { trailingTabs: true }).toString('utf8'));
    const q = col(t, '商品数量(件)');
    const paid = col(t, '用户实付金额(元)');
    const courier = col(t, '快递单号');
    for (const r of rows.slice(1)) {
      expect(r[q]).toMatch(/^[1-9]\d*\t$/);
      expect(r[paid]).toMatch(/^\d+\.\d{2}\t$/);
      expect(r[courier]).toBe('\t');
    }
    expect(toCsv(t).toString('utf8')).not.toContain('\t');
  });

  it('quotes every cell when asked', () => {
    const lines = toCsv(t, { quoteAll: true }).toString('utf8').split('\n');
    expect(lines[0]!.startsWith('"商品","订单号",')).toBe(true);
    expect(lines[1]!.startsWith('"')).toBe(true);
    expect(parseCsv(toCsv(t, { quoteAll: true }).toString('utf8'))).toEqual([t.headers, ...t.rows]);
  });

  it('writes full-width brackets and stray spaces in headers when asked', () => {
    const header = parseCsv(toCsv(t, { fullWidthBrackets: true, headerSpaces: true }).toString('utf8'))[0]!;
    expect(header.map((h) => h.trim())).toContain('商品总价（元）');
    expect(header.some((h) => h !== h.trim())).toBe(true);
    expect(header.map((h) => h.trim().replace(/（/g, '(').replace(/）/g, ')'))).toEqual(t.headers);
  });

  it('imitates an Excel re-save: short slash dates, CRLF, General amounts, some thousands separators', () => {
    const big = generateOrders({ count: 1500, seed: 9, optional: true });
    const text = toCsv(big, { excelResave: true }).toString('utf8');
    expect(text.includes('\r\n')).toBe(true);
    const rows = parseCsv(text);
    const paidAt = col(big, '订单成交时间');
    for (const r of rows.slice(1)) expect(r[paidAt]).toMatch(/^\d{4}\/[1-9]\d?\/[1-9]\d? [12]?\d:\d{2}$/);
    expect(rows.slice(1).some((r) => /^\d{1,3}(,\d{3})+\.\d{2}$/.test(r[col(big, '商品总价(元)')]!))).toBe(true);
    expect(rows.slice(1).some((r) => /^\d+\.\d$/.test(r[col(big, '用户实付金额(元)')]!))).toBe(true);
    // the amounts still read back to the same cents
    rows.slice(1).forEach((r, i) => expect(toCents(r[col(big, '用户实付金额(元)')]!.replace(/,/g, ''))).toBe(toCents(big.rows[i]![col(big, '用户实付金额(元)')]!)));
    const exp = expectedFor(big, { excelResave: true });
    expect(exp.every((e) => e.paidAt.endsWith(':00+08:00'))).toBe(true);
    expect(exp.map((e) => e.paidAt.slice(0, 16))).toEqual(big.expected.map((e) => e.paidAt.slice(0, 16)));
    expect(expectedFor(big, {})).toBe(big.expected);
  });
});

describe('toXlsx', () => {
  const t = generateOrders({ count: 200, seed: 10, optional: true, multiLineEvery: 5 });

  const load = async (b: Buffer): Promise<ExcelJS.Worksheet> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    return wb.worksheets[0]!;
  };

  it('reads back with exceljs, 订单号 and ids as string cells', async () => {
    const ws = await load(await toXlsx(t));
    expect(ws.rowCount).toBe(t.rows.length + 1);
    const headerRow = ws.getRow(1).values as unknown[];
    expect(headerRow.slice(1)).toEqual(t.headers);
    const noCol = col(t, '订单号') + 1;
    const idCol = col(t, '商品id') + 1;
    t.rows.forEach((r, i) => {
      const cell = ws.getRow(i + 2).getCell(noCol);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(r[noCol - 1]);
      expect(ws.getRow(i + 2).getCell(idCol).type).toBe(ExcelJS.ValueType.String);
    });
  });

  it('writes real dates and numbers when asked, keeping 订单号 text', async () => {
    const ws = await load(await toXlsx(t, { dateSerials: true, numbersAsNumbers: true }));
    const r2 = ws.getRow(2);
    const paidAt = r2.getCell(col(t, '订单成交时间') + 1);
    expect(paidAt.type).toBe(ExcelJS.ValueType.Date);
    expect((paidAt.value as Date).toISOString().slice(0, 19)).toBe(t.expected[0]!.paidAt.slice(0, 19));
    const qty = r2.getCell(col(t, '商品数量(件)') + 1);
    expect(qty.type).toBe(ExcelJS.ValueType.Number);
    expect(r2.getCell(col(t, '用户实付金额(元)') + 1).value).toBe(Number(t.rows[0]![col(t, '用户实付金额(元)')]));
    expect(r2.getCell(col(t, '订单号') + 1).type).toBe(ExcelJS.ValueType.String);
    expect(r2.getCell(col(t, '样式ID') + 1).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('toXlsx the way Excel writes it', () => {
  const t = generateOrders({ count: 200, seed: 45, optional: true, legacy: true, multiLineEvery: 6, adversarial: true });
  const parts = async (o: Parameters<typeof toXlsx>[1]) => {
    const files = unzipSync(await toXlsx(t, o));
    return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));
  };

  it('escapes CR, control characters and literal _xHHHH_ in shared strings, with runs and preserved spaces', async () => {
    const p = await parts({ excel: true });
    expect(Object.keys(p).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const sst = p['xl/sharedStrings.xml']!;
    for (const s of ['_x000D_\n', '_x0007_', '_x001B_', '_x005F_x000D_', '_x005F_x005F_x005F_x000D_', 'xml:space="preserve"', '<r><t>', '<rPr>', '&amp;', '&lt;', '&gt;', '🎉']) expect(sst, s).toContain(s);
    // What a literal CR or control character would be in the XML: none left.
    expect(sst.slice(sst.indexOf('<sst'))).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    const sheet = p['xl/worksheets/sheet1.xml']!;
    expect(sheet).toContain('t="s"');
    expect(sheet).not.toContain('inlineStr');
    // Every string once, counted by use.
    const unique = new Set([t.headers, ...t.rows].flat().filter((v) => v !== '')).size;
    expect(sst).toContain(`uniqueCount="${unique}"`);
  });

  it('writes the strings inline when asked, without a shared-string part', async () => {
    const p = await parts({ excel: true, inlineStrings: true });
    expect(p['xl/sharedStrings.xml']).toBeUndefined();
    expect(p['xl/worksheets/sheet1.xml']).toContain('<c r="A1" t="inlineStr"><is>');
    expect(p['xl/worksheets/sheet1.xml']).toContain('_x000D_');
  });

  it('reads back with exceljs (its own decoding of _xHHHH_), every cell exact', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(t, { excel: true })) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const ws = wb.worksheets[0]!;
    const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v));
    [t.headers, ...t.rows].forEach((r, i) => r.forEach((v, k) => expect(text(ws.getRow(i + 1).getCell(k + 1).value), `${t.headers[k]} of row ${i + 1}`).toBe(v)));
  });

  it('is deterministic, and refuses options it does not write', async () => {
    expect((await toXlsx(t, { excel: true })).equals(await toXlsx(t, { excel: true }))).toBe(true);
    await expect(toXlsx(t, { excel: true, numbersAsNumbers: true })).rejects.toThrow(/text cells only/);
    await expect(toXlsx(t, { inlineStrings: true })).rejects.toThrow(/excel: true/);
  });
});

describe('toZip', () => {
  it('holds the given entries', () => {
    const csv = toCsv(generateOrders({ count: 5 }));
    const files = unzipSync(toZip([{ name: 'orders.csv', bytes: csv }]));
    expect(Object.keys(files)).toEqual(['orders.csv']);
    expect(Buffer.from(files['orders.csv']!).equals(csv)).toBe(true);
  });
});

describe('badFiles', () => {
  const pending = badFiles();

  it('gives every bad file a name and bytes', async () => {
    const bad = await pending;
    for (const [key, f] of Object.entries(bad)) {
      expect(f.name, key).toMatch(/\.(csv|xlsx|xls|zip)$/);
      expect(Buffer.isBuffer(f.bytes), key).toBe(true);
    }
    expect(bad.empty.bytes.length).toBe(0);
    expect([...bad.notSpreadsheet.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(parseCsv(bad.headerOnly.bytes.toString('utf8'))).toEqual([CURRENT_HEADERS]);
    const noOrderNo = parseCsv(bad.noOrderNoColumn.bytes.toString('utf8'));
    expect(noOrderNo[0]).not.toContain('订单号');
    expect(noOrderNo.length).toBeGreaterThan(1);
  });

  it('builds an encrypted xlsx as a compound file with EncryptionInfo and EncryptedPackage', async () => {
    const bad = await pending;
    const b = bad.encryptedXlsx.bytes;
    expect(b.subarray(0, 8).equals(CFB_MAGIC)).toBe(true);
    expect(b.includes(Buffer.from('EncryptedPackage', 'utf16le'))).toBe(true);
    const { names, streams } = readCfb(b);
    expect(names).toEqual(['EncryptionInfo', 'EncryptedPackage']); // CFB order: shorter name first
    const info = streams.get('EncryptionInfo')!;
    expect([...info.subarray(0, 4)]).toEqual([4, 0, 4, 0]);
    expect(info.toString('utf8', 8)).toContain('<encryption ');
    const pkg = streams.get('EncryptedPackage')!;
    expect(pkg.readUInt32LE(0)).toBeLessThan(pkg.length);
  });

  it('builds a legacy xls as a compound file with a BIFF8 Workbook stream', async () => {
    const bad = await pending;
    const b = bad.legacyXls.bytes;
    expect(bad.legacyXls.name.endsWith('.xls')).toBe(true);
    expect(b.subarray(0, 8).equals(CFB_MAGIC)).toBe(true);
    const { names, streams } = readCfb(b);
    expect(names).toEqual(['Workbook']);
    expect(streams.get('Workbook')!.readUInt16LE(0)).toBe(0x0809);
  });

  it('truncates a real xlsx for the corrupt one', async () => {
    const bad = await pending;
    const b = bad.corruptXlsx.bytes;
    expect(b.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(() => unzipSync(b)).toThrow();
  });

  it('zips two CSVs, or none', async () => {
    const bad = await pending;
    expect(Object.keys(unzipSync(bad.zipMany.bytes)).filter((n) => n.endsWith('.csv'))).toHaveLength(2);
    expect(Object.keys(unzipSync(bad.zipNone.bytes))).toEqual(['readme.txt']);
  });

  it('gives row 3 three extra non-empty cells in rowTooLong', async () => {
    const bad = await pending;
    const rows = parseCsv(bad.rowTooLong.bytes.toString('utf8'));
    const width = rows[0]!.length;
    expect(rows[2]!.length).toBe(width + 3);
    expect(rows[2]!.slice(width).every((v) => v !== '')).toBe(true);
    expect(rows.filter((r, i) => i !== 2).every((r) => r.length === width)).toBe(true);
  });

  it('damages the 2nd order number into scientific notation', async () => {
    const bad = await pending;
    const rows = parseCsv(bad.damagedOrderNo.bytes.toString('utf8'));
    const c = rows[0]!.indexOf('订单号');
    expect(rows).toHaveLength(6);
    expect(rows[2]![c]).toBe('2.60607E+20');
    expect(rows.filter((_, i) => i !== 0 && i !== 2).every((r) => ORDER_NO.test(r[c]!))).toBe(true);
  });
});
