/**
 * A merchant's day on the most common laptop screen (1366×768): right after an import the grid
 * still shows at least 14 rows (the result is a toast with 查看详情), the count cards are the
 * filter (即将超时 shows exactly its orders), the 商品/商家编码 filter narrows the grid, a search
 * hidden by the filter says 在「全部」中找到 N 个 [查看], and no second import can start while one runs.
 * Files come from the one generator (tests/fixtures/orders.ts).
 */
import { generateOrders, toCsv, type ExpectedOrder, type OrderTable } from '../fixtures/orders';
import { skuKey } from '../../shared/rules/sku-key';
import { expect, test } from './fixtures';
import type { ImportPage } from './pages';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });

/** A day's export: times around now (so some orders are due soon), one line per order. */
function dayExport(count: number, seed = 1202): OrderTable {
  return generateOrders({ count, seed, optional: true, now: new Date() });
}

async function importDay(importPage: ImportPage, table: OrderTable, name = '订单导出-今天.csv'): Promise<void> {
  await importPage.chooseFile(name, toCsv(table), 'text/csv');
  await expect(importPage.result()).toBeVisible();
}

/** The product (by SKU key) with the most orders, among those with a 商家编码. */
function busiestProduct(orders: ExpectedOrder[]): { key: string; title: string; count: number } {
  const by = new Map<string, { key: string; title: string; count: number }>();
  for (const o of orders) {
    if (!o.skuCode) continue;
    const key = skuKey(o);
    const e = by.get(key) ?? { key, title: o.productName, count: 0 };
    e.count++;
    by.set(key, e);
  }
  return [...by.values()].sort((a, b) => b.count - a.count)[0]!;
}

test('after an import the grid keeps at least 14 rows at 1366×768; the result is a toast whose 查看详情 opens it in full', async ({ page, importPage, ordersPage }, testInfo) => {
  const table = dayExport(300);
  await importDay(importPage, table);

  const toast = importPage.result();
  await expect(toast).toContainText('订单导出-今天.csv');
  await expect(toast).toContainText(`共 ${table.expected.length} 个订单`);
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${table.expected.length} 个订单`);
  await expect(ordersPage.loadingRows()).toHaveCount(0);
  // What the merchant sees right after the import, the toast still there.
  expect(await ordersPage.fullyVisibleRows()).toBeGreaterThanOrEqual(14);
  // The orders part of the window holds no import panel (only the toast, bottom right).
  await expect(page.getByTestId('orders-screen').getByTestId('import-result-details')).toHaveCount(0);

  // 查看详情 while the toast is there (it goes by itself after a while).
  await importPage.openResultDetails();
  await expect(importPage.resultCount('read')).toHaveText(String(table.expected.length));
  await expect(importPage.resultCount('new')).toHaveText(String(table.expected.length));
  const details = importPage.resultDetails();
  await expect(details).toContainText('订单导出-今天.csv');
  // The encoding in the merchant's words, never the core's code.
  await expect(details.getByTestId('import-result-encoding')).toHaveText('UTF-8');
  await expect(details).not.toContainText('utf-8');
  await screens(page, testInfo, 'orders-import-details');
  await importPage.closeResultDetails();
  // Once the toast went, the status bar opens the same details.
  await page.getByTestId('status-import-details').click();
  await expect(importPage.resultDetails()).toBeVisible();
  await importPage.closeResultDetails();

  // The same file again: a new toast (nothing new), the grid as it was.
  await importDay(importPage, table);
  await expect(importPage.result()).toContainText('新增 0 个');
  expect(await ordersPage.fullyVisibleRows()).toBeGreaterThanOrEqual(14);
  await screens(page, testInfo, 'orders-after-import-toast');
});

test('the 即将超时 card shows exactly its orders, and the cards are the only state filter', async ({ page, importPage, ordersPage }, testInfo) => {
  const table = dayExport(400, 77);
  await importDay(importPage, table);
  await expect(ordersPage.summaryCard('total')).toHaveText(String(table.expected.length));
  // No second control (tabs) that could disagree with the cards.
  await expect(page.getByTestId('filter')).toHaveCount(0);

  const dueSoon = await ordersPage.cardCount('dueSoon');
  expect(dueSoon).toBeGreaterThan(0);
  await ordersPage.card('dueSoon').click();
  await expect(ordersPage.card('dueSoon')).toHaveAttribute('aria-selected', 'true');
  await expect(ordersPage.card('total')).toHaveAttribute('aria-selected', 'false');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${dueSoon} 个订单`);
  await expect(ordersPage.loadingRows()).toHaveCount(0);
  await expect(ordersPage.rows()).toHaveCount(Math.min(dueSoon, await ordersPage.rows().count()));
  await screens(page, testInfo, 'orders-due-soon');

  for (const view of ['shippable', 'blocked', 'overdue'] as const) {
    const n = await ordersPage.cardCount(view);
    await ordersPage.card(view).click();
    await expect(ordersPage.gridTotal()).toHaveText(`共 ${n} 个订单`);
  }
  await ordersPage.card('total').click();
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${table.expected.length} 个订单`);
});

test('the 商品/商家编码 filter narrows the grid to one product\'s orders', async ({ page, importPage, ordersPage }, testInfo) => {
  const table = dayExport(300, 31);
  await importDay(importPage, table);
  const product = busiestProduct(table.expected);

  await ordersPage.pickProduct(product.key, `（${product.key}）`);
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${product.count} 个订单`);
  await expect(ordersPage.loadingRows()).toHaveCount(0);
  const names = await ordersPage.rows().evaluateAll((rows) => rows.map((r) => r.querySelector('[data-col=productName]')?.textContent ?? ''));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toBe(product.title);
  await screens(page, testInfo, 'orders-product-filter');

  // The filter holds with a card: its shippable orders only.
  const shippable = table.expected.filter((o) => o.skuCode && skuKey(o) === product.key && o.shippable).length;
  await ordersPage.card('shippable').click();
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${shippable} 个订单`);
});

test('a search the filter hides says 在「全部」中找到 N 个, and 查看 shows them keeping the search', async ({ page, importPage, ordersPage }, testInfo) => {
  const table = dayExport(300, 55);
  await importDay(importPage, table);
  const word = '瑞幸';
  const all = table.expected.filter((o) => o.productName.includes(word));
  const blocked = all.filter((o) => !o.shippable);
  expect(all.length).toBeGreaterThan(blocked.length);

  await ordersPage.card('blocked').click();
  await ordersPage.search(word);
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${blocked.length} 个订单`);
  const hint = ordersPage.searchElsewhere();
  await expect(hint).toContainText(`在「全部」中找到 ${all.length} 个`);
  await expect(hint).toBeInViewport();
  await screens(page, testInfo, 'orders-search-elsewhere');

  await hint.getByTestId('search-elsewhere-show').click();
  await expect(ordersPage.card('total')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('search')).toHaveValue(word);
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${all.length} 个订单`);
  await expect(hint).toHaveCount(0);
});

test('while an import runs, the import button, the empty state\'s button and a drop all wait', async ({ page, importPage }, testInfo) => {
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/api/invoke/import.orders', async (route) => {
    await held;
    await route.continue();
  });
  const table = dayExport(40, 9);
  await importPage.chooseFile('订单导出-大.csv', toCsv(table), 'text/csv');
  await expect(importPage.progress()).toBeVisible();
  await expect(importPage.importButton()).toBeDisabled();
  await expect(importPage.emptyPickButton()).toBeDisabled();
  await expect(importPage.emptyPickButton()).toContainText('正在导入，请稍候');
  await screens(page, testInfo, 'orders-importing');

  // A second file dropped meanwhile is not imported: the window says why.
  await importPage.dropFiles([{ name: '第二个.csv', bytes: toCsv(dayExport(5, 10)) }]);
  await expect(page.locator('.ant-message')).toContainText('正在导入，请稍候');

  release();
  await expect(importPage.result()).toBeVisible();
  await expect(importPage.result()).toContainText(`共 ${table.expected.length} 个订单`);
  await expect(importPage.importButton()).toBeEnabled();
});
