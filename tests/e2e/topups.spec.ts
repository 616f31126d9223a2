/**
 * Issue 12, filling and top-ups, on a 1366×768 laptop: a fill short of stock lists the product
 * (缺 N 个（M 单）) with 去补货 — which opens its stock page — under a warning, not a ✓, and the
 * 自动填充 tip does not stay over the filters; several checked 直充 orders are marked with
 * 批量标记已充值 (Enter in the supplier field); the supplier's result file is dropped, previewed
 * (rows that will not be marked, by row number) and applied; a file Excel mangled is refused.
 */
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { rechargeOrderNos, supplierResultFile, supplierRows } from '../fixtures/supplier';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ImportPage, ProductsPage, ShopsPage } from './pages';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });

/** Set to 激活码 with no stock: every one of its orders is short. */
const SHORT = 'MS365-FAM-1Y';
/** The 全国三网话费充值 product's SKUs, set to 直充. */
const TOP_UPS = ['HF-30', 'HF-50', 'HF-100', 'HF-200'];

/** Imports the orders and confirms SHORT as 激活码 (no stock: all its orders will be short), found by the list's search. */
async function importWithShortProduct(
  { page, importPage, shopsPage, productsPage }: { page: Page; importPage: ImportPage; shopsPage: ShopsPage; productsPage: ProductsPage },
  table: OrderTable,
): Promise<void> {
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await page.getByPlaceholder('搜索商品').fill(SHORT);
  await productsPage.confirmSuggestion(SHORT);
  await expect(productsPage.kind(SHORT)).toHaveText('激活码');
}

test('the fill summary lists a short product with 去补货, and top-ups are marked in bulk and from the supplier file', async ({ page, importPage, shopsPage, productsPage, stockPage, ordersPage, allocationPage }, testInfo) => {
  test.setTimeout(180_000);
  const table = generateOrders({ count: 300, seed: 31, optional: true, statusMix: 'all-shippable' });
  const short = table.expected.filter((o) => o.skuCode === SHORT && o.shippable);
  expect(short.length).toBeGreaterThanOrEqual(3);
  const units = short.reduce((n, o) => n + o.quantity, 0);
  const topUps = rechargeOrderNos(table, TOP_UPS);
  expect(topUps.length).toBeGreaterThanOrEqual(8);
  const topUpSkus = TOP_UPS.filter((k) => table.expected.some((o) => o.skuCode === k));

  await importWithShortProduct({ page, importPage, shopsPage, productsPage }, table);
  await page.getByPlaceholder('搜索商品').fill('HF-');
  for (const k of topUpSkus) {
    await productsPage.confirmSuggestion(k);
    await expect(productsPage.kind(k)).toHaveText('直充');
  }

  // 自动填充 with no stock for SHORT: the summary says what is short, by product, under a warning.
  await shopsPage.openOrders();
  await page.getByTestId('fill-run').hover();
  await allocationPage.runFill();
  await expect(allocationPage.summary()).toBeVisible();
  await expect(allocationPage.summaryIcon('warning')).toBeInViewport();
  await expect(allocationPage.summaryIcon('success')).toHaveCount(0);
  const product = allocationPage.shortProduct(SHORT);
  await expect(product).toBeInViewport();
  await expect(product).toContainText(`缺 ${units} 个（${short.length} 单）`);
  await expect(product).toContainText(`缺货：需要 ${units}，可用 0`);
  await expect(product.getByTestId('fill-restock')).toHaveText('去补货');
  await expect(allocationPage.summary().getByTestId('fill-skipped')).toContainText('单');
  await screens(page, testInfo, 'fill-summary-short');

  // 确定: the 自动填充 tip is not left over the filters.
  await allocationPage.closeSummary();
  await expect(allocationPage.summary()).toBeHidden();
  await expect(allocationPage.fillTooltip()).toHaveCount(0);

  // 去补货 opens that product's stock page.
  await allocationPage.runFill();
  await allocationPage.restock(SHORT);
  await expect(allocationPage.summary()).toBeHidden();
  await expect(stockPage.view()).toBeVisible();
  await expect(stockPage.view()).toHaveAttribute('data-sku-key', SHORT);

  // 批量标记已充值 over three checked top-ups (found by their product's name), Enter in the reference field.
  await shopsPage.openOrders();
  await ordersPage.search('全国三网');
  const rows = ordersPage.rows();
  const titled = table.expected.filter((o) => o.productName.includes('全国三网')).length;
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${titled} 个订单`);
  await expect(rows.first()).toContainText('全国三网');
  await expect.poll(async () => (await ordersPage.orderNos()).filter(Boolean).length).toBeGreaterThanOrEqual(3);
  const three = (await ordersPage.orderNos()).slice(0, 3);
  for (const no of three) expect(topUps).toContain(no);
  await expect(allocationPage.rechargeBatchButton()).toHaveCount(0);
  for (const no of three) await ordersPage.check(no);
  await expect(allocationPage.rechargeBatchButton()).toBeInViewport();
  await expect(allocationPage.rechargeBatchButton()).toContainText('批量标记已充值');
  await page.getByTestId('recharge-batch-open').click();
  await expect(page.getByTestId('recharge-batch')).toBeVisible();
  await page.getByTestId('recharge-batch-ref').fill('GYS-20260620');
  await screens(page, testInfo, 'recharge-batch-confirm');
  await page.getByTestId('recharge-batch-ref').press('Enter');
  await expect(page.getByTestId('recharge-batch')).toBeHidden();
  for (const no of three) await expect(allocationPage.items(ordersPage.row(no))).toHaveText(['已充值（GYS-20260620）']);

  // The supplier's result file for the other top-ups: every 3rd failed, one order the shop does not have.
  const rest = topUps.filter((no) => !three.includes(no));
  const fileRows = supplierRows(rest, { failEvery: 3, unknown: 1 });
  const good = fileRows.filter((r) => rest.includes(r.orderNo) && r.status === '成功');
  const failed = fileRows.filter((r) => r.status === '失败');

  // First a file Excel mangled: refused, with where and why, nothing marked.
  await allocationPage.dropSupplierFile('充值结果.csv', await supplierResultFile(fileRows, { format: 'csv', numericOrderNos: true }));
  await expect(allocationPage.supplierError()).toContainText('充值结果.csv');
  await expect(allocationPage.supplierError()).toContainText('第 2 行');
  await expect(allocationPage.supplierError()).toContainText('订单号被 Excel 改成了数字');
  await expect(page.getByTestId('recharge-file-ok')).toBeDisabled();

  await allocationPage.dropSupplierFile('充值结果.xlsx', await supplierResultFile(fileRows));
  const preview = allocationPage.supplierPreview();
  await expect(preview).toBeVisible();
  await expect(allocationPage.supplierError()).toHaveCount(0);
  await expect(preview.getByTestId('recharge-preview-mark')).toHaveText(`将标记 ${good.length} 个订单为已充值`);
  await expect(preview.getByTestId('recharge-preview-refused')).toContainText(`${failed.length + 1} 行不会标记`);
  const firstFailedRow = fileRows.indexOf(failed[0]) + 2;
  await expect(preview.locator('.ant-table-row').filter({ hasText: `第 ${firstFailedRow} 行` })).toContainText('供应商充值失败');
  await expect(preview.locator('.ant-table-row').filter({ hasText: fileRows[fileRows.length - 1].orderNo })).toContainText('找不到该订单');
  await expect(page.getByTestId('recharge-file-ok')).toHaveText(`标记 ${good.length} 个已充值`);
  await screens(page, testInfo, 'recharge-supplier-preview');
  await allocationPage.applySupplierFile();
  await expect(preview).toBeHidden();

  // In the grid: the good rows are 已充值 with the supplier's reference; the failed ones are not.
  await ordersPage.search(good[0].orderNo);
  await expect(rows).toHaveCount(1);
  await expect(allocationPage.items(rows.first())).toHaveText([`已充值（${good[0].ref}）`]);
  await ordersPage.search(failed[0].orderNo);
  await expect(rows).toHaveCount(1);
  await expect(allocationPage.items(rows.first())).toHaveCount(0);
  await ordersPage.search('全国三网');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${titled} 个订单`);
  await expect(allocationPage.items(ordersPage.row(three[0]))).toHaveText(['已充值（GYS-20260620）']);
  await screens(page, testInfo, 'recharge-marked-grid');
});

/** 查看订单 on a short product: the grid shows that product's unfilled orders (useOrdersQuery.showProductOrders). */
test('查看订单 on a short product shows its unfilled orders in the grid', async ({ importPage, shopsPage, productsPage, ordersPage, allocationPage, page }) => {
  test.setTimeout(120_000);
  const table = generateOrders({ count: 300, seed: 31, optional: true, statusMix: 'all-shippable' });
  const short = table.expected.filter((o) => o.skuCode === SHORT && o.shippable);
  await importWithShortProduct({ page, importPage, shopsPage, productsPage }, table);
  await shopsPage.openOrders();
  await allocationPage.runFill();
  await allocationPage.showShortOrders(SHORT);
  await expect(allocationPage.summary()).toBeHidden();
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${short.length} 个订单`);
  await expect(ordersPage.rows()).toHaveCount(short.length);
  expect((await ordersPage.orderNos()).sort()).toEqual(short.map((o) => o.orderNo).sort());
});
