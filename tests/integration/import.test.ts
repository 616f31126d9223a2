import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { Order } from '../../shared/domain';
import { toBeijingIso } from '../../shared/rules/classify';
import { openDatabase, type Db } from '../../main/core/db/open';
import { fill } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { allOrders, getOrder } from '../../main/core/services/orders';
import { ensureDefaultShop } from '../../main/core/services/shops';
import { badFiles, csvCellText, expectedFor, generateOrders, toCsv, toXlsx, toZip, withRuleCases, type CsvOptions, type ExpectedOrder, type OrderTable } from '../fixtures/orders';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { snapshotDb, type DbSnapshot } from '../helpers/db-rows';

const tempDir = useTempDirs();

function freshDb(): { db: Db; shopId: number } {
  const db = openDatabase(tempDir());
  return { db, shopId: ensureDefaultShop(db).id };
}

function importBytes(db: Db, shopId: number, name: string, bytes: Uint8Array) {
  return importOrderFiles(db, shopId, [{ name, bytes }], { shipPromiseHours: 48 });
}

/** Every field the generator knows must come back exactly, text untouched. */
function expectOrdersMatch(orders: Order[], expected: ExpectedOrder[]): void {
  const byNo = new Map(orders.map((o) => [o.orderNo, o]));
  expect(orders.length).toBe(expected.length);
  for (const e of expected) {
    const o = byNo.get(e.orderNo);
    expect(o, e.orderNo).toBeDefined();
    expect({
      orderNo: o!.orderNo, status: o!.status, afterSale: o!.afterSale, shippable: o!.shippable,
      productName: o!.productName, productId: o!.productId, spec: o!.spec, styleId: o!.styleId, skuCode: o!.skuCode,
      quantity: o!.quantity, paidCents: o!.paidCents, paidAt: o!.paidAt, rechargeNo: o!.rechargeNo, buyerMemo: o!.buyerMemo,
      merchantMemo: o!.merchantMemo, province: o!.province, lines: o!.lineCount,
    }).toEqual({
      orderNo: e.orderNo, status: e.status, afterSale: e.afterSale, shippable: e.shippable,
      productName: e.productName, productId: e.productId, spec: e.spec, styleId: e.styleId, skuCode: e.skuCode,
      quantity: e.quantity, paidCents: e.paidCents, paidAt: e.paidAt, rechargeNo: e.rechargeNo, buyerMemo: e.buyerMemo,
      merchantMemo: e.merchantMemo, province: e.province, lines: e.lines,
    });
    if (e.shipBy) expect(o!.shipBy).toBe(e.shipBy);
    else expect(o!.shipBy).toBe(toBeijingIso(Date.parse(e.paidAt) + 48 * 3600_000));
  }
}

describe('importing the order export', () => {
  const table = generateOrders({ count: 600, seed: 11, optional: true, multiLineEvery: 9 });

  const csvVariants: [string, CsvOptions][] = [
    ['UTF-8', { encoding: 'utf8' }],
    ['UTF-8 with BOM, every cell quoted', { encoding: 'utf8-bom', quoteAll: true }],
    ['GBK with trailing tabs, full-width brackets and stray header spaces', { encoding: 'gbk', trailingTabs: true, fullWidthBrackets: true, headerSpaces: true }],
    ['GBK re-saved by Excel', { encoding: 'gbk', excelResave: true }],
  ];
  for (const [label, opts] of csvVariants) {
    it(`reads every order of a ${label} CSV exactly`, () => {
      const { db, shopId } = freshDb();
      const s = importBytes(db, shopId, 'orders.csv', toCsv(table, opts));
      expect(s.read).toBe(table.expected.length);
      expect(s.new).toBe(table.expected.length);
      expect(s.shippable).toBe(table.expected.filter((e) => e.shippable).length);
      expectOrdersMatch(allOrders(db, shopId), expectedFor(table, opts));
    });
  }

  it('reads an XLSX with text cells exactly', async () => {
    const { db, shopId } = freshDb();
    importBytes(db, shopId, 'orders.xlsx', await toXlsx(table));
    expectOrdersMatch(allOrders(db, shopId), table.expected);
  });

  it('reads an XLSX with real dates and numeric cells (Excel re-save)', async () => {
    const { db, shopId } = freshDb();
    importBytes(db, shopId, 'orders.xlsx', await toXlsx(table, { dateSerials: true, numbersAsNumbers: true }));
    expectOrdersMatch(allOrders(db, shopId), table.expected);
  });

  it('reads the spreadsheet inside a .zip download', async () => {
    const { db, shopId } = freshDb();
    const s = importBytes(db, shopId, 'export.zip', toZip([{ name: '订单导出/orders.xlsx', bytes: await toXlsx(table) }]));
    expect(s.files.map((f) => f.file)).toEqual(['export.zip › 订单导出/orders.xlsx']);
    expectOrdersMatch(allOrders(db, shopId), table.expected);
  });

  it('reads legacy header names', () => {
    const legacy = generateOrders({ count: 200, seed: 12, legacy: true });
    const { db, shopId } = freshDb();
    importBytes(db, shopId, 'old.csv', toCsv(legacy, { encoding: 'gbk' }));
    expectOrdersMatch(allOrders(db, shopId), legacy.expected);
  });

  it('keeps every cell of the row as read, under its header, the export\'s trailing tabs included', () => {
    const { db, shopId } = freshDb();
    const opts: CsvOptions = { encoding: 'gbk', trailingTabs: true };
    importBytes(db, shopId, 'orders.csv', toCsv(table, opts));
    const asWritten = csvCellText(table, opts);
    const row = table.rows[3];
    const no = row[table.headers.indexOf('订单号')];
    const d = getOrder(db, shopId, no)!;
    const line = d.lines.find((l) => l.sourceRow === 5)!; // header is row 1, rows[3] is row 5
    expect(Object.keys(line.raw)).toEqual(table.headers);
    table.headers.forEach((h, i) => expect(line.raw[h], h).toBe(asWritten(3, i)));
    expect(Object.values(line.raw).some((v) => v.endsWith('\t'))).toBe(true);
    expect(line.sourceFile).toBe('orders.csv');
  });

  it('computes ship-by from paid time + 48 h when the export has no 承诺发货时间', () => {
    const plain = generateOrders({ count: 50, seed: 13 });
    const { db, shopId } = freshDb();
    importBytes(db, shopId, 'orders.csv', toCsv(plain));
    const orders = allOrders(db, shopId);
    expect(orders).toHaveLength(50);
    for (const o of orders) {
      expect(o.shipByFromExport).toBe(false);
      expect(Date.parse(o.shipBy!) - Date.parse(o.paidAt!)).toBe(48 * 3600_000);
      expect(o.shipBy).toMatch(/\+08:00$/);
    }
  });
});

describe('re-importing', () => {
  const table = generateOrders({ count: 300, seed: 21, optional: true });

  /**
   * A shop with everything an import could touch: adversarial cells, rule findings (withRuleCases),
   * products confirmed, stock for about half the units (so OUT_OF_STOCK findings too) and a fill.
   * Then, the next morning, the same orders come again: the whole database must stay as it was
   * but for what a re-import legitimately writes — its own `imports` row (counting them all
   * unchanged) and `rule_checks.checked_at` (the rule check that every import runs, run now).
   * Nothing else: no order's last_seen_at / last_changed_at / last_import_id, no line, change,
   * product, finding, allocation, stock item or ledger entry.
   */
  for (const [label, second] of [
    ['the same CSV', (t: OrderTable) => Promise.resolve({ name: 'a.csv', bytes: toCsv(t) })],
    ['the same orders as an XLSX written by Excel', async (t: OrderTable) => ({ name: 'a.xlsx', bytes: await toXlsx(t, { excel: true }) })],
  ] as const) {
    it(`changes nothing but its own record when ${label} comes again a day later`, async () => {
      const { table: t } = withRuleCases(generateOrders({ count: 300, seed: 21, optional: true, adversarial: true, multiLineEvery: 9 }));
      const monday = '2026-06-20T12:00:00+08:00';
      const tuesday = '2026-06-21T09:30:00+08:00';
      process.env.VSHIP_NOW = monday;
      try {
        const { db, shopId } = codeShop(tempDir(), t, (_, units) => Math.floor(units / 2));
        expect(fill(db, shopId, { cooldownHours: 2 }).filled).toBeGreaterThan(0);
        const before = snapshotDb(db);
        expect(before.findings!.length).toBeGreaterThan(0);
        expect(before.findings!.some((f) => f.rule === 'OUT_OF_STOCK')).toBe(true);
        expect(before.allocations!.length).toBeGreaterThan(0);

        process.env.VSHIP_NOW = tuesday;
        const f = await second(t);
        const s = importOrderFiles(db, shopId, [f], { shipPromiseHours: 48 });
        expect(s).toMatchObject({ new: 0, updated: 0, unchanged: t.expected.length });
        const after = snapshotDb(db);

        // What the re-import adds: its own record, and the time of the check it ran.
        expect(after.imports!.slice(0, -1)).toEqual(before.imports);
        expect(after.imports!.at(-1)).toMatchObject({ id: before.imports!.length + 1, file: f.name, new: 0, updated: 0, unchanged: t.expected.length, imported_at: tuesday });
        expect(after.rule_checks).toEqual(before.rule_checks!.map((r) => ({ ...r, checked_at: tuesday })));
        expect(before.rule_checks!.every((r) => r.checked_at === monday)).toBe(true);
        // Everything else, every table and every column, exactly as it was.
        const rest = (x: DbSnapshot) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'imports' && k !== 'rule_checks'));
        expect(Object.keys(after)).toEqual(Object.keys(before));
        expect(rest(after)).toEqual(rest(before));
        expect(after.orders!.every((o) => o.last_seen_at === monday && o.last_changed_at === monday)).toBe(true);
      } finally {
        delete process.env.VSHIP_NOW;
      }
    });
  }

  it('updates orders whose status changed and keeps when each change was seen', () => {
    const { db, shopId } = freshDb();
    process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
    try {
      importBytes(db, shopId, 'monday.csv', toCsv(table));
      const statusCol = table.headers.indexOf('订单状态');
      const afterCol = table.headers.indexOf('售后状态');
      const noCol = table.headers.indexOf('订单号');
      const refunded = table.rows.filter((r) => r[statusCol] === '待发货').slice(0, 7).map((r) => r[noCol]);
      const newer: OrderTable = {
        ...table,
        rows: table.rows.map((r) => (refunded.includes(r[noCol]) ? r.map((v, i) => (i === statusCol ? '未发货，退款成功' : i === afterCol ? '退款成功' : v)) : r)),
      };
      process.env.VSHIP_NOW = '2026-06-21T09:30:00+08:00';
      const s = importBytes(db, shopId, 'tuesday.csv', toCsv(newer));
      expect(s.updated).toBe(7);
      expect(s.unchanged).toBe(table.expected.length - 7);
      const d = getOrder(db, shopId, refunded[0])!;
      expect(d.shippable).toBe(false);
      expect(d.reason).toBe('REFUNDED');
      expect(d.firstSeenAt).toBe('2026-06-20T12:00:00+08:00');
      expect(d.lastChangedAt).toBe('2026-06-21T09:30:00+08:00');
      expect(d.changes).toEqual(expect.arrayContaining([
        expect.objectContaining({ field: 'status', before: '待发货', after: '未发货，退款成功', seenAt: '2026-06-21T09:30:00+08:00' }),
      ]));
    } finally {
      delete process.env.VSHIP_NOW;
    }
  });
});

describe('bad input', () => {
  const cases: [string, string, number | undefined][] = [
    ['notSpreadsheet', 'NOT_SPREADSHEET', undefined],
    ['empty', 'EMPTY_FILE', undefined],
    ['headerOnly', 'HEADER_ONLY', undefined],
    ['noOrderNoColumn', 'NO_ORDER_NO_COLUMN', 1],
    ['encryptedXlsx', 'XLSX_ENCRYPTED', undefined],
    ['corruptXlsx', 'XLSX_CORRUPT', undefined],
    ['legacyXls', 'XLS_LEGACY', undefined],
    ['zipMany', 'ZIP_MANY_SHEETS', undefined],
    ['zipNone', 'ZIP_NO_SHEET', undefined],
    ['rowTooLong', 'ROW_TOO_LONG', 3],
  ];
  for (const [key, code, row] of cases) {
    it(`refuses ${key} with ${code}, a Chinese message naming the file, and writes nothing`, async () => {
      const bad = (await badFiles())[key as keyof Awaited<ReturnType<typeof badFiles>>];
      const { db, shopId } = freshDb();
      let err: unknown;
      try {
        importBytes(db, shopId, bad.name, bad.bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      const e = err as AppError;
      expect(e.code).toBe(code);
      expect(e.file).toBe(bad.name);
      expect(e.message).toContain(bad.name);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.row).toBe(row);
      expect(db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    });
  }

  it('names the row and column of a row longer than the header', async () => {
    const bad = (await badFiles()).rowTooLong;
    const { db, shopId } = freshDb();
    expect(() => importBytes(db, shopId, bad.name, bad.bytes)).toThrow(/第 3 行.*列/);
  });

  it('reports a damaged order number as damaged, never as another order', async () => {
    const bad = (await badFiles()).damagedOrderNo;
    const { db, shopId } = freshDb();
    const s = importBytes(db, shopId, bad.name, bad.bytes);
    expect(s.damaged).toBe(1);
    const orders = allOrders(db, shopId);
    const damaged = orders.filter((o) => o.damaged);
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ orderNo: '2.60607E+20', shippable: false, reason: 'DAMAGED_ORDER_NO' });
    const intact = orders.filter((o) => !o.damaged);
    expect(intact.length).toBeGreaterThan(0);
    expect(intact.filter((o) => !/^\d{6}-\d{15}$/.test(o.orderNo)).map((o) => o.orderNo)).toEqual([]);
    // importing the same damaged file again does not multiply it
    importBytes(db, shopId, bad.name, bad.bytes);
    expect(allOrders(db, shopId).filter((o) => o.damaged)).toHaveLength(1);
  });

  it('writes nothing when one of several files is bad', async () => {
    const good = toCsv(generateOrders({ count: 20, seed: 3 }));
    const bad = (await badFiles()).legacyXls;
    const { db, shopId } = freshDb();
    expect(() => importOrderFiles(db, shopId, [{ name: 'good.csv', bytes: good }, bad], { shipPromiseHours: 48 })).toThrow(AppError);
    expect(db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
  });
});
