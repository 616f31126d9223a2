import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import * as XLSX from '@e965/xlsx';
import { CFB_MAGIC, generateOrders, toCsv, toXlsx } from '../fixtures/orders';
import {
  EXAMPLE_CELLS, HARD_ORDER_NOS, HARD_TEXTS, TEMPLATE_COLUMNS, TEMPLATE_INSTRUCTIONS, TEMPLATE_TITLE, UPLOAD_FAILURE_REASONS,
  hardStockFile, laterExport, resultRows, shipmentTemplate, templateLayout, uploadResultFile, uploadResultHeader, withOrderNos,
  type TemplateOptions,
} from '../fixtures/shipment';
import { parseOrderFile, type ParsedOrder } from '../../main/core/services/import/parse-file';
import { parseStock } from '../../main/core/io/read-stock';
import { identityKey } from '../../shared/rules/stock-identity';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csvRows = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** Every row of a sheet as text, by an independent reader (exceljs), with `null` for a missing cell. */
async function exceljsSheets(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, r: number, n: number): string[] =>
  Array.from({ length: n }, (_, c) => {
    const v = ws.getRow(r).getCell(c + 1).value;
    return v === null || v === undefined ? '' : String(v);
  });

function parsedOrders(name: string, bytes: Buffer): ParsedOrder[] {
  return [...parseOrderFile({ name, bytes }).orders.values()];
}

describe('shipmentTemplate', () => {
  it('writes the default template: one sheet 无物流发货, 订单号 卡号 卡密 in row 1, bold filled header, widths, text format', async () => {
    const bytes = await shipmentTemplate();
    const layout = templateLayout();
    expect(layout).toMatchObject({ format: 'xlsx', sheet: '无物流发货', headerRow: 1, headers: ['订单号', '卡号', '卡密'], example: [], otherSheets: [] });
    const wb = await exceljsSheets(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['无物流发货']);
    const ws = wb.worksheets[0]!;
    expect(rowValues(ws, 1, 3)).toEqual(['订单号', '卡号', '卡密']);
    expect(ws.rowCount).toBe(1);
    const h = ws.getRow(1).getCell(1);
    expect(h.font?.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getColumn(1).width).toBe(26);
    expect(ws.getColumn(2).width).toBe(18);
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(bytes.equals(await shipmentTemplate())).toBe(true);
  });

  it('writes a full template: title row above the header, example row, 填写说明 sheet, unknown columns, own widths and fill', async () => {
    const opts: TemplateOptions = {
      sheet: '批量发货', columns: TEMPLATE_COLUMNS.full, title: true, example: { 备注: '' }, extraSheets: true,
      widths: { 订单号: 30 }, headerStyle: { fill: 'FFFFFF00' },
    };
    const layout = templateLayout(opts);
    expect(layout.headerRow).toBe(2);
    expect(layout.headers).toContain('商家备注');
    expect(layout.example[layout.headers.indexOf('发货方式')]).toBe('无需物流');
    expect(layout.example[layout.headers.indexOf('备注')]).toBe('');
    expect(layout.example[0]).toBe(EXAMPLE_CELLS['订单号']);
    expect(layout.otherSheets).toEqual(['填写说明']);

    const wb = await exceljsSheets(await shipmentTemplate(opts));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['批量发货', '填写说明']);
    const ws = wb.worksheets[0]!;
    const n = layout.headers.length;
    expect(ws.getRow(1).getCell(1).value).toBe(TEMPLATE_TITLE);
    expect(ws.getCell(1, n).isMerged).toBe(true);
    expect(rowValues(ws, 2, n)).toEqual(layout.headers);
    expect(rowValues(ws, 3, n)).toEqual(layout.example);
    expect(ws.getRow(2).getCell(1).fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(layout.headers.indexOf('商家备注') + 1).width).toBe(30);
    const notes = wb.getWorksheet('填写说明')!;
    expect(notes.getColumn(1).values.slice(1)).toEqual([...TEMPLATE_INSTRUCTIONS]);
  });

  it('leaves formatting out on request', async () => {
    const ws = (await exceljsSheets(await shipmentTemplate({ headerStyle: false, widths: false, textFormat: false }))).worksheets[0]!;
    expect(ws.getRow(1).getCell(1).font?.bold).toBeFalsy();
    expect(ws.getRow(1).getCell(1).fill).toBeUndefined();
    expect(ws.getColumn(1).width).toBeUndefined();
    expect(templateLayout({ widths: false }).widths).toEqual({});
  });

  it('reads back with the app reader too: header row and example row as text', async () => {
    const layout = templateLayout({ columns: TEMPLATE_COLUMNS.code, example: true });
    const rows: string[][] = [];
    const { readSpreadsheet } = await import('../../main/core/io/read-spreadsheet');
    readSpreadsheet('t.xlsx', await shipmentTemplate({ columns: TEMPLATE_COLUMNS.code, example: true }), {
      header: (cells) => rows.push(cells),
      row: (r) => rows.push(r.cells.map(String)),
    });
    expect(rows).toEqual([layout.headers, layout.example]);
  });

  it('writes CSV templates in UTF-8 with BOM and in GBK, CRLF, title and example rows kept', async () => {
    const opts: TemplateOptions = { format: 'csv', columns: TEMPLATE_COLUMNS.account, title: '导入模板', example: true };
    const layout = templateLayout(opts);
    expect(layout).toMatchObject({ format: 'csv', sheet: '', headerRow: 2, otherSheets: [], widths: {} });
    const bom = await shipmentTemplate(opts);
    expect(bom.subarray(0, 3).equals(BOM)).toBe(true);
    expect(bom.toString('utf8')).toContain('\r\n');
    expect(csvRows(bom.toString('utf8'))).toEqual([['导入模板', '', ''], layout.headers, layout.example]);
    const gbk = await shipmentTemplate({ ...opts, encoding: 'gbk' });
    expect(gbk.subarray(0, 3).equals(BOM)).toBe(false);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(csvRows(iconv.decode(gbk, 'gb18030'))).toEqual(csvRows(bom.toString('utf8')));
  });

  it('writes a legacy .xls (BIFF8 in a compound file) with its sheets, widths and text cells', async () => {
    const opts: TemplateOptions = { format: 'xls', columns: TEMPLATE_COLUMNS.full, example: true, extraSheets: true, title: true };
    const bytes = await shipmentTemplate(opts);
    expect(bytes.subarray(0, 8).equals(CFB_MAGIC)).toBe(true);
    const wb = XLSX.read(bytes, { cellStyles: true });
    expect(wb.SheetNames).toEqual(['无物流发货', '填写说明']);
    const ws = wb.Sheets['无物流发货']!;
    const layout = templateLayout(opts);
    const aoa = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '', raw: false });
    expect(aoa[0]![0]).toBe(TEMPLATE_TITLE);
    expect(aoa[1]).toEqual(layout.headers);
    expect(aoa[2]).toEqual(layout.example);
    expect(ws['A3']?.t).toBe('s'); // the example order number is text, not 2.60101E+20
    expect(ws['!merges']?.[0]).toMatchObject({ s: { r: 0, c: 0 }, e: { r: 0, c: layout.headers.length - 1 } });
    expect(ws['!cols']?.[0]?.wch).toBeCloseTo(26, 0);
    const notes = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['填写说明']!, { header: 1 });
    expect(notes.map((r) => r[0])).toEqual([...TEMPLATE_INSTRUCTIONS]);
  });
});

describe('uploadResultFile', () => {
  const t = generateOrders({ count: 30, seed: 11, statusMix: 'all-shippable' });
  const nos = t.expected.map((e) => e.orderNo);
  const rows = resultRows(nos, 4);

  it('marks every 4th order failed with the reasons in turn', () => {
    expect(rows.filter((r) => r.reason).map((r) => r.orderNo)).toEqual(nos.filter((_, i) => i % 4 === 0));
    expect(rows[0]!.reason).toBe(UPLOAD_FAILURE_REASONS[0]);
    expect(rows[4]!.reason).toBe(UPLOAD_FAILURE_REASONS[1]);
    expect(resultRows(nos, 0).every((r) => r.reason === undefined)).toBe(true);
  });

  it('writes an xlsx: 订单号, 导入结果, 失败原因, one row per order, as text', async () => {
    const wb = await exceljsSheets(await uploadResultFile(rows));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('导入结果');
    expect(rowValues(ws, 1, 3)).toEqual(['订单号', '导入结果', '失败原因']);
    expect(ws.rowCount).toBe(31);
    rows.forEach((r, i) => {
      expect(rowValues(ws, i + 2, 3)).toEqual([r.orderNo, r.reason ? '失败' : '成功', r.reason ?? '']);
      expect(ws.getRow(i + 2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    });
  });

  it('writes the variants: only failures, a reason column only, 导入成功, trailing tabs, extra columns, CSV', async () => {
    const failed = rows.filter((r) => r.reason);
    const opts = { format: 'csv', onlyFailures: true, trailingTab: true, resultHeader: null, okText: '导入成功', extraColumns: true } as const;
    expect(uploadResultHeader(opts)).toEqual(['序号', '订单号', '物流公司', '运单号', '失败原因']);
    const csv = await uploadResultFile(rows, opts);
    expect(csv.subarray(0, 3).equals(BOM)).toBe(true);
    const back = csvRows(csv.toString('utf8'));
    expect(back[0]).toEqual(uploadResultHeader(opts));
    expect(back.slice(1)).toEqual(failed.map((r, i) => [String(i + 1), `${r.orderNo}\t`, '', '', r.reason]));

    const status = await uploadResultFile(rows, { format: 'csv', encoding: 'gbk', resultHeader: '状态', okText: '导入成功' });
    const gbk = csvRows(iconv.decode(status, 'gb18030'));
    expect(gbk[0]).toEqual(['订单号', '状态', '失败原因']);
    expect(gbk[2]).toEqual([rows[1]!.orderNo, '导入成功', '']);

    const ws = (await exceljsSheets(await uploadResultFile(rows, { trailingTab: true, resultHeader: '结果' }))).worksheets[0]!;
    expect(rowValues(ws, 2, 3)).toEqual([`${rows[0]!.orderNo}\t`, '失败', rows[0]!.reason]);
  });
});

describe('laterExport', () => {
  const t = generateOrders({ count: 120, seed: 12, optional: true, multiLineEvery: 7 });
  const waiting = t.expected.filter((e) => e.shippable).map((e) => e.orderNo);
  const shipped = waiting.slice(0, 20);
  const afterShip = waiting.slice(20, 23);
  const beforeShip = waiting.slice(23, 26);
  const stay = waiting.slice(26);
  const later = laterExport(t, { shipped, refundedAfterShip: afterShip, refundedBeforeShip: beforeShip, shippedAt: new Date('2026-06-20T14:30:00+08:00') });

  it('moves the chosen orders and keeps every other cell exactly', () => {
    const c = (h: string) => t.headers.indexOf(h);
    const changed = new Set([...shipped, ...afterShip, ...beforeShip]);
    expect(later.headers).toEqual(t.headers);
    expect(later.rows).toHaveLength(t.rows.length);
    t.rows.forEach((r, i) => {
      const l = later.rows[i]!;
      const no = r[c('订单号')]!;
      expect(l[c('订单号')]).toBe(no);
      if (!changed.has(no)) { expect(l).toEqual(r); return; }
      const others = (row: string[]) => row.filter((_, k) => k !== c('订单状态') && k !== c('售后状态') && k !== c('发货时间'));
      expect(others(l)).toEqual(others(r));
    });
    for (const e of later.expected) {
      const before = t.expected.find((x) => x.orderNo === e.orderNo)!;
      if (shipped.includes(e.orderNo)) expect([e.status, e.afterSale, e.shippable]).toEqual(['已发货，待签收', before.afterSale, false]);
      else if (afterShip.includes(e.orderNo)) expect([e.status, e.afterSale]).toEqual(['已发货，退款成功', '退款成功']);
      else if (beforeShip.includes(e.orderNo)) expect([e.status, e.afterSale]).toEqual(['未发货，退款成功', '退款成功']);
      else expect(e, e.orderNo).toEqual(before);
    }
    const stayed = later.expected.filter((e) => stay.includes(e.orderNo));
    expect(stayed).toHaveLength(stay.length);
    expect(stay.length).toBeGreaterThan(0);
    expect(stayed.filter((e) => e.status !== '待发货' || !e.shippable)).toEqual([]);
    const ship = later.rows.filter((r) => shipped.includes(r[c('订单号')]!)).map((r) => r[c('发货时间')]);
    expect(new Set(ship)).toEqual(new Set(['2026-06-20 14:30:00']));
    expect(later.rows.filter((r) => beforeShip.includes(r[c('订单号')]!)).every((r) => r[c('发货时间')] === '')).toBe(true);
    expect(t.expected.find((e) => e.orderNo === shipped[0])!.status).toBe('待发货'); // the original is untouched
  });

  it('reads back through the app importer as CSV and XLSX with the new statuses', async () => {
    for (const [name, bytes] of [['later.csv', toCsv(later, { encoding: 'utf8-bom', trailingTabs: true })], ['later.xlsx', await toXlsx(later)]] as const) {
      const got = new Map(parsedOrders(name, bytes).map((o) => [o.orderNo, o]));
      expect(got.size).toBe(later.expected.length);
      for (const e of later.expected) {
        const o = got.get(e.orderNo)!;
        expect([o.status, o.afterSale, o.lines.length]).toEqual([e.status, e.afterSale, e.lines]);
      }
    }
  });

  it('puts new orders first, numbered apart from the old ones, and refuses unknown or doubled orders', () => {
    const more = laterExport(t, { shipped, newOrders: 5 });
    expect(more.expected).toHaveLength(t.expected.length + 5);
    expect(more.expected.slice(5).map((e) => e.orderNo)).toEqual(t.expected.map((e) => e.orderNo));
    expect(new Set(more.expected.map((e) => e.orderNo)).size).toBe(more.expected.length);
    expect(more.expected.slice(0, 5).every((e) => e.shippable)).toBe(true);
    expect(more.rows.length).toBe(t.rows.length + more.expected.slice(0, 5).reduce((s, e) => s + e.lines, 0));
    expect(() => laterExport(t, { shipped: ['260101-000000000000000'] })).toThrow(/no order/);
    expect(() => laterExport(t, { shipped: [shipped[0]!], refundedAfterShip: [shipped[0]!] })).toThrow(/two lists/);
  });
});

describe('hard texts', () => {
  it('are distinct items, also for the stock identity, and start with every formula character', () => {
    const texts = HARD_TEXTS.map((h) => h.text);
    expect(new Set(texts.map(identityKey)).size).toBe(texts.length);
    for (const ch of ['=', '+', '-', '@']) expect(texts.some((s) => s.startsWith(ch))).toBe(true);
    expect(texts).toContain('0012345678901234567');
    expect(texts).toContain('ＡＢＣ１２３');
  });

  it('renumbers orders with the hard order numbers, which the importer reads back exactly', async () => {
    const t = withOrderNos(generateOrders({ count: 10, seed: 13, multiLineEvery: 2 }));
    expect(t.expected.slice(0, HARD_ORDER_NOS.length).map((e) => e.orderNo)).toEqual([...HARD_ORDER_NOS]);
    for (const [name, bytes] of [['h.csv', toCsv(t)], ['h.xlsx', await toXlsx(t)]] as const) {
      const got = parsedOrders(name, bytes);
      expect(got.filter((o) => !o.damaged).map((o) => o.orderNo).sort()).toEqual(t.expected.map((e) => e.orderNo).sort());
    }
    expect(() => withOrderNos(generateOrders({ count: 2 }))).toThrow();
  });

  for (const shape of ['code', 'card', 'account'] as const) {
    for (const format of ['text', 'xlsx'] as const) {
      it(`makes a ${shape} stock file (${format}) the stock reader takes whole and exactly`, async () => {
        const f = await hardStockFile(shape, format);
        const parsed = parseStock({ name: f.name, bytes: f.bytes }, shape);
        expect(parsed.rejected).toEqual([]);
        const pick = (i: (typeof parsed.items)[number]) =>
          shape === 'code' ? { code: i.code } : shape === 'card' ? { cardNo: i.cardNo, password: i.password } : { login: i.login, password: i.password, extras: i.extras };
        expect(parsed.items.map(pick)).toEqual(f.items);
      });
    }
  }
});
