/**
 * Issue 8 through the real renderer, bridge, services and SQLite: an order export that is not
 * whole is explained with its file and row and imports nothing, and a request the browser-mode
 * host will not take (too large, too many uploads) is said as such, not as an internal error.
 */
import { badFiles, generateOrders, toCsv } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screenshot } from './screenshot';

test('a cut-off download and a short row are refused with file and row, and no order is added', async ({ page, importPage, ordersPage }, testInfo) => {
  const good = { name: 'orders.csv', bytes: toCsv(generateOrders({ count: 12, seed: 12 })) };
  await importPage.dropFiles([good]);
  await importPage.openResultDetails();
  await expect(importPage.resultCount('new')).toHaveText('12');
  await importPage.closeResultDetails();
  await expect(ordersPage.summaryCard('total')).toHaveText('12');

  const bad = await badFiles();
  await importPage.dropFiles([bad.truncatedCsv]);
  const error = importPage.error();
  await expect(error).toBeVisible();
  await expect(error).toContainText(bad.truncatedCsv.name);
  await expect(error).toContainText('文件不完整，可能下载中断');
  await screenshot(page, testInfo, 'import-truncated');

  // A good file dropped with a short-row one: the whole drop is refused, the good one included.
  await importPage.dropFiles([{ name: 'more.csv', bytes: toCsv(generateOrders({ count: 5, seed: 99 })) }, bad.shortRow]);
  await expect(error).toBeVisible();
  await expect(error).toContainText('单元格比表头少');
  await expect(error).toContainText('售后状态');
  await expect(ordersPage.summaryCard('total')).toHaveText('12');
});

test('the host’s 413 and 503 reach the merchant as “file too large” and “busy”, not an internal error', async ({ page, importPage }) => {
  let status = 413;
  await page.route('**/api/invoke/import.orders', (route) => route.fulfill({ status, body: 'refused' }));
  const file = { name: 'orders.csv', bytes: toCsv(generateOrders({ count: 3, seed: 3 })) };
  await importPage.dropFiles([file]);
  await expect(importPage.error()).toContainText('文件太大');
  await expect(importPage.error()).toContainText('256 MB');
  await expect(importPage.error()).not.toContainText('内部错误');
  status = 503;
  await importPage.dropFiles([file]);
  await expect(importPage.error()).toContainText('正在处理其他上传，请稍候再试');
});
