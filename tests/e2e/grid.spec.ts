/**
 * The orders grid at a laptop's 1366×768: the deadline (承诺发货时间), 剩余时间 and the state stay in
 * view without scrolling sideways; 列设置 hides a column and remembers it over a reload; the keys
 * move, open, check and close; Ctrl+A checks every order of the filter, not only the loaded page.
 * Orders come from the one generator (tests/fixtures/orders.ts), dropped on the window.
 */
import type { Page } from '@playwright/test';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import type { ImportPage, OrdersPage } from './pages';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });

async function importOrders(importPage: ImportPage, ordersPage: OrdersPage, table: OrderTable): Promise<void> {
  await importPage.dropFiles([{ name: '拼多多订单导出.csv', bytes: toCsv(table) }]);
  // An import may take a while on a busy machine; the counts say when it is in.
  await expect(ordersPage.summaryCard('total')).toHaveText(table.expected.length.toLocaleString('en-US'), { timeout: 45_000 });
  await expect(ordersPage.loadingRows()).toHaveCount(0);
}

/** Is the element fully inside the window (no sideways scrolling needed)? */
async function insideViewport(page: Page, box: { x: number; y: number; width: number; height: number } | null): Promise<boolean> {
  const vp = page.viewportSize()!;
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height;
}

test('at 1366×768 the deadline, time left and state are in view without scrolling; 商品 has room', async ({ page, importPage, ordersPage }, testInfo) => {
  const grid = new GridPage(page);
  await importOrders(importPage, ordersPage, generateOrders({ count: 60, seed: 7 }));
  expect(await grid.grid().evaluate((el) => el.scrollLeft)).toBe(0);
  for (const id of ['shipBy', 'timeLeft', 'shippable', 'orderNo'] as const) {
    expect(await insideViewport(page, await grid.header(id).boundingBox()), id).toBe(true);
    expect(await insideViewport(page, await grid.cells(id).first().boundingBox()), `${id} cell`).toBe(true);
  }
  await expect(grid.header('shipBy')).toHaveText('承诺发货时间');
  // 商品 is wider than 内容 before anything is filled, and wide enough for a title's start.
  const product = (await grid.header('productName').boundingBox())!;
  const content = (await grid.header('content').boundingBox())!;
  expect(product.width).toBeGreaterThan(content.width);
  expect(product.width).toBeGreaterThanOrEqual(200);

  // Scrolled sideways to the end, the pinned columns are still where they were.
  const before = (await grid.header('shipBy').boundingBox())!;
  await grid.grid().evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await expect.poll(async () => (await grid.header('shipBy').boundingBox())!.x).toBe(before.x);
  expect(await insideViewport(page, await grid.header('orderNo').boundingBox())).toBe(true);
  await grid.grid().evaluate((el) => { el.scrollLeft = 0; });
  await screens(page, testInfo, 'grid-columns');
});

test('列设置 hides a column, remembers it after a reload, 订单号 cannot be hidden, 恢复默认 brings it back', async ({ page, importPage, ordersPage }, testInfo) => {
  const grid = new GridPage(page);
  await importOrders(importPage, ordersPage, generateOrders({ count: 40, seed: 8 }));
  await expect(grid.header('province')).toBeVisible();
  const chooser = await grid.openColumnChooser();
  await expect(chooser.getByRole('checkbox', { name: '订单号' })).toBeDisabled();
  await screens(page, testInfo, 'grid-column-chooser');
  await grid.toggleColumn('省份');
  await grid.toggleColumn('规格');
  await expect(grid.header('province')).toHaveCount(0);
  await expect(grid.cells('province')).toHaveCount(0);
  await expect(grid.header('spec')).toHaveCount(0);
  await expect(grid.cells('productName').first()).toBeVisible();

  await page.reload();
  await expect(ordersPage.rows().first()).toBeVisible();
  await expect(grid.header('province')).toHaveCount(0);
  await expect(grid.cells('spec')).toHaveCount(0);
  await expect(grid.header('orderNo')).toBeVisible();

  await grid.openColumnChooser();
  await grid.resetColumns();
  await expect(grid.header('province')).toBeVisible();
  await expect(grid.header('spec')).toBeVisible();
  await page.reload();
  await expect(grid.header('province')).toBeVisible();
});

test('↑/↓ move the row, Space checks it, Enter opens it, Esc closes the drawer once even after the copy tooltip; typing is left alone', async ({ page, importPage, ordersPage }, testInfo) => {
  const grid = new GridPage(page);
  await importOrders(importPage, ordersPage, generateOrders({ count: 80, seed: 9 }));
  const nos = await ordersPage.orderNos();
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid.currentRow()).toHaveAttribute('data-order-no', nos[0]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.currentRow()).toHaveAttribute('data-order-no', nos[2]);
  await page.keyboard.press('ArrowUp');
  await expect(grid.currentRow()).toHaveAttribute('data-order-no', nos[1]);

  await page.keyboard.press('Space');
  await expect(ordersPage.row(nos[1])).toHaveAttribute('data-checked', 'true');
  await expect(ordersPage.checkedInfo()).toContainText('已勾选 1 个订单');
  await page.keyboard.press('Space');
  await expect(ordersPage.checkedInfo()).toHaveCount(0);
  await page.keyboard.press('Space');
  await screens(page, testInfo, 'grid-keyboard');

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drawer-order-no')).toContainText(nos[1]);
  // The copy tooltip shows (hover, then copied); one Esc still closes the drawer.
  await grid.drawerCopy().hover();
  await expect(page.locator('.ant-tooltip').filter({ hasText: '复制' }).first()).toBeVisible();
  await grid.drawerCopy().click();
  await expect(page.locator('.ant-tooltip').filter({ hasText: '已复制' }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('drawer-order-no')).toHaveCount(0);
  // The keys go on working after the drawer closed, from the same row.
  await page.keyboard.press('ArrowDown');
  await expect(grid.currentRow()).toHaveAttribute('data-order-no', nos[2]);

  // While typing in the search box the keys are the box's.
  await page.getByTestId('search').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(grid.currentRow()).toHaveAttribute('data-order-no', nos[2]);
  await expect(ordersPage.checkedInfo()).toContainText('已勾选 1 个订单');
});

test('Ctrl+A checks every order of the filter, more than the loaded page', async ({ page, importPage, ordersPage }, testInfo) => {
  const grid = new GridPage(page);
  const table = generateOrders({ count: 640, seed: 10 });
  const shippable = table.expected.filter((o) => o.shippable).length;
  expect(shippable).toBeGreaterThan(200);
  expect(shippable).toBeLessThan(640);
  await importOrders(importPage, ordersPage, table);
  await grid.pickFilter('shippable');
  await expect(ordersPage.gridTotal()).toContainText(`共 ${shippable.toLocaleString('en-US')} 个订单`);
  await expect(ordersPage.loadingRows()).toHaveCount(0);
  await grid.focus();
  await page.keyboard.press('Control+a');
  await expect(ordersPage.checkedInfo()).toContainText(`已勾选 ${shippable.toLocaleString('en-US')} 个订单`);
  await expect(ordersPage.rows().first()).toHaveAttribute('data-checked', 'true');
  // A row far past the first page is checked too.
  await ordersPage.scrollToBottom();
  await expect(ordersPage.loadingRows()).toHaveCount(0);
  await expect(ordersPage.rows().last()).toHaveAttribute('data-checked', 'true');
  await screens(page, testInfo, 'grid-check-all');
  // In the search box, Ctrl+A selects its text and checks nothing more.
  await ordersPage.page.getByTestId('clear-checks').click();
  await expect(ordersPage.checkedInfo()).toHaveCount(0);
  await page.getByTestId('search').focus();
  await page.keyboard.press('Control+a');
  await expect(ordersPage.checkedInfo()).toHaveCount(0);
});
