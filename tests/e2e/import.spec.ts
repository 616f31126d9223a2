/**
 * The first screen: a merchant imports the order export from the PDD backend (dropped anywhere
 * on the window, or chosen with the picker) and sees every order and the shippable counts.
 * Files come from the one fixture generator (tests/fixtures/orders.ts).
 */
import type { Page, TestInfo } from '@playwright/test';
import { badFiles, generateOrders, toCsv, toXlsx, type OrderTable } from '../fixtures/orders';
import { dropFiles, expect, test } from './fixtures';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function countsOf(table: OrderTable): { total: number; shippable: number; blocked: number } {
  const shippable = table.expected.filter((o) => o.shippable).length;
  return { total: table.expected.length, shippable, blocked: table.expected.length - shippable };
}

async function expectCounts(page: Page, c: { total: number; shippable: number; blocked: number }): Promise<void> {
  await expect(page.getByTestId('count-total')).toHaveText(String(c.total));
  await expect(page.getByTestId('count-shippable')).toHaveText(String(c.shippable));
  await expect(page.getByTestId('count-blocked')).toHaveText(String(c.blocked));
}

/** The order numbers of the rows on screen, in grid order, once no row is still loading. */
async function visibleOrderNos(page: Page): Promise<string[]> {
  await expect(page.getByTestId('order-row-loading')).toHaveCount(0);
  return page.getByTestId('order-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-no') ?? ''));
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

function yuan(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

test('a GBK export dropped on the window shows every order number exactly and the shippable counts', async ({ page }, testInfo) => {
  const table = generateOrders({ count: 240, optional: true, multiLineEvery: 6 });
  const bytes = toCsv(table, { encoding: 'gbk', trailingTabs: true, fullWidthBrackets: true });
  const counts = countsOf(table);
  const sorted = table.expected.map((o) => o.orderNo).sort();

  await expect(page.getByTestId('empty-drop')).toBeVisible();
  await dropFiles(page, [{ name: '拼多多订单导出-GBK.csv', bytes }]);

  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('拼多多订单导出-GBK.csv');
  await expect(page.getByTestId('result-read')).toHaveText(String(counts.total));
  await expect(page.getByTestId('result-new')).toHaveText(String(counts.total));
  await expect(page.getByTestId('result-shippable')).toHaveText(String(counts.shippable));
  await expect(page.getByTestId('result-notShippable')).toHaveText(String(counts.blocked));
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await expectCounts(page, counts);

  // Sorted by order number, the grid starts with the smallest and ends with the largest,
  // each shown exactly as exported (text, never a number).
  await page.getByTestId('col-orderNo').click();
  await expect(page.getByTestId('col-orderNo')).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('order-row').first()).toHaveAttribute('data-order-no', sorted[0]);
  const top = await visibleOrderNos(page);
  expect(top.length).toBeGreaterThanOrEqual(8);
  expect(top).toEqual(sorted.slice(0, top.length));
  const cellTexts = await page.getByTestId('order-row').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-col=orderNo]')?.textContent ?? ''));
  expect(cellTexts).toEqual(top);

  await page.getByTestId('orders-grid').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(page.getByTestId('order-row').last()).toHaveAttribute('data-order-no', sorted[sorted.length - 1]);
  const bottom = await visibleOrderNos(page);
  expect(bottom).toEqual(sorted.slice(sorted.length - bottom.length));

  // Chinese text survived the GBK decode; amounts are yuan with two decimals.
  const one = table.expected.find((o) => o.lines === 1 && /[\u4e00-\u9fff]/.test(o.productName)) ?? table.expected[0];
  await page.getByTestId('search').fill(one.orderNo);
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  const row = page.getByTestId('order-row');
  await expect(row).toHaveAttribute('data-order-no', one.orderNo);
  await expect(row.locator('[data-col=productName]')).toHaveText(one.productName);
  await expect(row.locator('[data-col=quantity]')).toHaveText(String(one.quantity));
  await expect(row.locator('[data-col=paid]')).toHaveText(yuan(one.paidCents));

  await screenshot(page, testInfo, 'import-gbk-csv');
});

test('an XLSX export chosen with the file picker is imported with the right counts, and again unchanged', async ({ page }, testInfo) => {
  const table = generateOrders({ count: 180, seed: 11, optional: true });
  const bytes = await toXlsx(table, { dateSerials: true, numbersAsNumbers: true });
  const counts = countsOf(table);

  await page.getByTestId('import-input').setInputFiles({ name: '订单导出.xlsx', mimeType: XLSX_MIME, buffer: bytes });
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-result')).toContainText('订单导出.xlsx');
  await expect(page.getByTestId('result-new')).toHaveText(String(counts.total));
  await expectCounts(page, counts);
  await expect(page.getByTestId('grid-total')).toContainText(String(counts.total));

  const one = table.expected[table.expected.length - 1];
  await page.getByTestId('search').fill(one.orderNo);
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  await expect(page.getByTestId('order-row')).toHaveAttribute('data-order-no', one.orderNo);
  await page.getByTestId('search').fill('');

  await screenshot(page, testInfo, 'import-xlsx');

  // The same export a second time changes nothing.
  await page.getByTestId('import-input').setInputFiles({ name: '订单导出.xlsx', mimeType: XLSX_MIME, buffer: bytes });
  await expect(page.getByTestId('result-unchanged')).toHaveText(String(counts.total));
  await expect(page.getByTestId('result-new')).toHaveText('0');
  await expectCounts(page, counts);
});

test('a legacy .xls, even dropped with a good file, shows its Chinese error with the file name and imports nothing', async ({ page }, testInfo) => {
  const bad = await badFiles();
  const good = toCsv(generateOrders({ count: 40, seed: 3 }));

  await dropFiles(page, [{ name: 'good.csv', bytes: good }, bad.legacyXls]);

  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(bad.legacyXls.name);
  await expect(error).toContainText('旧版 .xls');
  await expect(error).toContainText('未导入任何数据');
  await expect(page.getByTestId('import-result')).toHaveCount(0);
  // The shop is still empty: the good file was not imported either.
  await expect(page.getByTestId('empty-drop')).toBeVisible();
  await expect(page.getByTestId('order-row')).toHaveCount(0);

  await screenshot(page, testInfo, 'import-legacy-xls');
});

test('a broken row names its file, row and column, and the orders already there stay as they were', async ({ page }, testInfo) => {
  const bad = await badFiles();
  const table = generateOrders({ count: 60, seed: 21 });
  const counts = countsOf(table);

  await dropFiles(page, [{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expectCounts(page, counts);

  await dropFiles(page, [bad.rowTooLong]);
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(bad.rowTooLong.name);
  await expect(error).toContainText('第 3 行');
  await expect(error).toContainText('第 28 列');
  await expect(error).toContainText('未导入任何数据');
  await expectCounts(page, counts);

  await screenshot(page, testInfo, 'import-row-too-long');
});
