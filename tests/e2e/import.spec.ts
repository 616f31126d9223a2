/**
 * The first screen: a merchant imports the order export from the PDD backend (dropped anywhere
 * on the window, or chosen with the picker) and sees every order and the shippable counts.
 * Files come from the one fixture generator (tests/fixtures/orders.ts).
 */
import { badFiles, generateOrders, toCsv, toXlsx, type OrderTable } from '../fixtures/orders';
import { expect, test } from './fixtures';
import type { OrdersPage } from './pages';
import { screenshot } from './screenshot';

function countsOf(table: OrderTable): { total: number; shippable: number; blocked: number } {
  const shippable = table.expected.filter((o) => o.shippable).length;
  return { total: table.expected.length, shippable, blocked: table.expected.length - shippable };
}

async function expectCounts(orders: OrdersPage, c: { total: number; shippable: number; blocked: number }): Promise<void> {
  await expect(orders.summaryCard('total')).toHaveText(String(c.total));
  await expect(orders.summaryCard('shippable')).toHaveText(String(c.shippable));
  await expect(orders.summaryCard('blocked')).toHaveText(String(c.blocked));
}

/** The order numbers of the rows on screen, in grid order, once no row is still loading. */
async function visibleOrderNos(orders: OrdersPage): Promise<string[]> {
  await expect(orders.loadingRows()).toHaveCount(0);
  return orders.orderNos();
}

function yuan(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

test('a GBK export dropped on the window shows every order number exactly and the shippable counts', async ({ page, importPage, ordersPage }, testInfo) => {
  const table = generateOrders({ count: 240, optional: true, multiLineEvery: 6 });
  const bytes = toCsv(table, { encoding: 'gbk', trailingTabs: true, fullWidthBrackets: true });
  const counts = countsOf(table);
  const sorted = table.expected.map((o) => o.orderNo).sort();

  await expect(importPage.emptyDrop()).toBeVisible();
  await importPage.dropFiles([{ name: '拼多多订单导出-GBK.csv', bytes }]);

  const result = importPage.result();
  await expect(result).toBeVisible();
  await expect(result).toContainText('拼多多订单导出-GBK.csv');
  await importPage.openResultDetails();
  await expect(importPage.resultCount('read')).toHaveText(String(counts.total));
  await expect(importPage.resultCount('new')).toHaveText(String(counts.total));
  await expect(importPage.resultCount('shippable')).toHaveText(String(counts.shippable));
  await expect(importPage.resultCount('notShippable')).toHaveText(String(counts.blocked));
  await importPage.closeResultDetails();
  await expect(importPage.error()).toHaveCount(0);
  await expectCounts(ordersPage, counts);

  // Sorted by order number, the grid starts with the smallest and ends with the largest,
  // each shown exactly as exported (text, never a number).
  await ordersPage.sortBy('orderNo');
  await expect(ordersPage.columnHeader('orderNo')).toHaveAttribute('aria-sort', 'ascending');
  await expect(ordersPage.rows().first()).toHaveAttribute('data-order-no', sorted[0]);
  const top = await visibleOrderNos(ordersPage);
  expect(top.length).toBeGreaterThanOrEqual(8);
  expect(top).toEqual(sorted.slice(0, top.length));
  const cellTexts = await ordersPage.orderNoCells();
  expect(cellTexts).toEqual(top);

  await ordersPage.scrollToBottom();
  await expect(ordersPage.rows().last()).toHaveAttribute('data-order-no', sorted[sorted.length - 1]);
  const bottom = await visibleOrderNos(ordersPage);
  expect(bottom).toEqual(sorted.slice(sorted.length - bottom.length));

  // Chinese text survived the GBK decode; amounts are yuan with two decimals.
  const one = table.expected.find((o) => o.lines === 1 && /[\u4e00-\u9fff]/.test(o.productName)) ?? table.expected[0];
  await ordersPage.search(one.orderNo);
  await expect(ordersPage.rows()).toHaveCount(1);
  const row = ordersPage.rows();
  await expect(row).toHaveAttribute('data-order-no', one.orderNo);
  await expect(ordersPage.cell(row, 'productName')).toHaveText(one.productName);
  await expect(ordersPage.cell(row, 'quantity')).toHaveText(String(one.quantity));
  await expect(ordersPage.cell(row, 'paid')).toHaveText(yuan(one.paidCents));

  await screenshot(page, testInfo, 'import-gbk-csv');
});

test('an XLSX export chosen with the file picker is imported with the right counts, and again unchanged', async ({ page, importPage, ordersPage }, testInfo) => {
  const table = generateOrders({ count: 180, seed: 11, optional: true });
  const bytes = await toXlsx(table, { dateSerials: true, numbersAsNumbers: true });
  const counts = countsOf(table);

  await importPage.chooseFile('订单导出.xlsx', bytes);
  await expect(importPage.result()).toBeVisible();
  await expect(importPage.result()).toContainText('订单导出.xlsx');
  await importPage.openResultDetails();
  await expect(importPage.resultCount('new')).toHaveText(String(counts.total));
  await importPage.closeResultDetails();
  await expectCounts(ordersPage, counts);
  await expect(ordersPage.gridTotal()).toContainText(String(counts.total));

  const one = table.expected[table.expected.length - 1];
  await ordersPage.search(one.orderNo);
  await expect(ordersPage.rows()).toHaveCount(1);
  await expect(ordersPage.rows()).toHaveAttribute('data-order-no', one.orderNo);
  await ordersPage.search('');

  await screenshot(page, testInfo, 'import-xlsx');

  // The same export a second time changes nothing.
  await importPage.chooseFile('订单导出.xlsx', bytes);
  await expect(importPage.result()).toContainText('新增 0 个');
  await importPage.openResultDetails();
  await expect(importPage.resultCount('unchanged')).toHaveText(String(counts.total));
  await expect(importPage.resultCount('new')).toHaveText('0');
  await importPage.closeResultDetails();
  await expectCounts(ordersPage, counts);
});

test('a legacy .xls, even dropped with a good file, shows its Chinese error with the file name and imports nothing', async ({ page, importPage, ordersPage }, testInfo) => {
  const bad = await badFiles();
  const good = toCsv(generateOrders({ count: 40, seed: 3 }));

  await importPage.dropFiles([{ name: 'good.csv', bytes: good }, bad.legacyXls]);

  const error = importPage.error();
  await expect(error).toBeVisible();
  await expect(error).toContainText(bad.legacyXls.name);
  await expect(error).toContainText('旧版 .xls');
  await expect(error).toContainText('未导入任何数据');
  await expect(importPage.result()).toHaveCount(0);
  // The shop is still empty: the good file was not imported either.
  await expect(importPage.emptyDrop()).toBeVisible();
  await expect(ordersPage.rows()).toHaveCount(0);

  await screenshot(page, testInfo, 'import-legacy-xls');
});

test('a broken row names its file, row and column, and the orders already there stay as they were', async ({ page, importPage, ordersPage }, testInfo) => {
  const bad = await badFiles();
  const table = generateOrders({ count: 60, seed: 21 });
  const counts = countsOf(table);

  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expectCounts(ordersPage, counts);

  await importPage.dropFiles([bad.rowTooLong]);
  const error = importPage.error();
  await expect(error).toBeVisible();
  await expect(error).toContainText(bad.rowTooLong.name);
  await expect(error).toContainText('第 3 行');
  await expect(error).toContainText('第 28 列');
  await expect(error).toContainText('未导入任何数据');
  await expectCounts(ordersPage, counts);

  await screenshot(page, testInfo, 'import-row-too-long');
});
