/**
 * Every screen of a realistic shop, shot at both sizes (1366×768 and 1920×1080) for review:
 * the empty shop, a damaged file's import error, the orders with rows, 商品与卡库 and a product's
 * stock, the fill summary, the shipment-file dialog, an order's drawer with its evidence,
 * 规则检查, 发货记录 and 凭证. Orders, stock and evidence come from the one fixture generator.
 */
import { png } from '../fixtures/evidence';
import { badFiles, generateOrders, toCsv } from '../fixtures/orders';
import { cards, cardText } from '../fixtures/stock';
import { expect, test } from './fixtures';
import { EvidencePage } from './pages';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });

/** 京东E卡 100元 卡密: stocked and filled. */
const STOCKED = 'JD-E100';

test('every screen of a working shop, at 1366×768 and 1920×1080', async ({ page, importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage, exportPage, rulesPage }, testInfo) => {
  test.slow(true, 'a whole day of screens, each at two sizes');
  const ev = new EvidencePage(page);
  const table = generateOrders({ count: 400, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED && o.shippable);
  expect(stocked.length).toBeGreaterThanOrEqual(4);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  const stock = cards(units + 20);

  // The empty shop.
  await expect(importPage.emptyDrop()).toBeVisible();
  await screens(page, testInfo, 'screen-empty');

  // A damaged file: the import error panel.
  const bad = await badFiles();
  await importPage.dropFiles([bad.truncatedCsv]);
  await expect(importPage.error()).toBeVisible();
  await screens(page, testInfo, 'screen-import-error');

  // The orders, with rows.
  await importPage.dropFiles([{ name: '订单导出.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await expect(ordersPage.rows().first()).toBeVisible();
  await screens(page, testInfo, 'screen-orders');

  // 商品与卡库, then one product's stock.
  await shopsPage.openStock();
  await screens(page, testInfo, 'screen-products');
  await productsPage.confirmSuggestion(STOCKED);
  await expect(productsPage.kind(STOCKED)).toHaveText('卡密');
  await productsPage.openStock(STOCKED);
  await stockPage.importCodes(cardText(stock).toString('utf8'), 'cards.txt');
  await expect(stockPage.added()).toHaveText(String(stock.length));
  await screens(page, testInfo, 'screen-stock');
  await stockPage.back();

  // 自动填充's summary.
  await shopsPage.openOrders();
  await allocationPage.runFill();
  await expect(allocationPage.summary()).toBeVisible();
  await screens(page, testInfo, 'screen-fill-summary');
  await allocationPage.closeSummary();
  await expect(allocationPage.summary()).toBeHidden();

  // 生成发货文件: the dialog, then the file made.
  await exportPage.openDialog();
  await expect(exportPage.dialog()).toBeVisible();
  await expect(exportPage.runButton()).toBeEnabled();
  await screens(page, testInfo, 'screen-export-dialog');
  await exportPage.run();
  await expect(exportPage.done()).toBeVisible();
  await screens(page, testInfo, 'screen-export-done');
  await exportPage.closeDone();
  await expect(exportPage.dialog()).toBeHidden();

  // An evidence screenshot on an exported order, then its drawer.
  const orderNo = stocked[0].orderNo;
  await ordersPage.search(orderNo);
  await expect(ordersPage.rows()).toHaveCount(1);
  await ev.dropOnRow(orderNo, [{ name: '官网充值成功.png', bytes: Buffer.from(png({ seed: 1, width: 640, height: 400 })), mime: 'image/png' }]);
  await expect(page.locator('.ant-message')).toContainText(`已为订单 ${orderNo} 保存 1 个凭证`);
  await ev.messagesGone();
  await ev.openOrder(orderNo);
  await expect(ev.drawer()).toBeVisible();
  await expect(ev.count()).toHaveText('1');
  await screens(page, testInfo, 'screen-order-drawer');
  await page.keyboard.press('Escape');
  await expect(ev.drawer()).toBeHidden();
  await ordersPage.search('');

  // 规则检查, 发货记录, 凭证.
  await rulesPage.open();
  await expect(rulesPage.screen()).toBeVisible();
  await screens(page, testInfo, 'screen-rules');
  await exportPage.openHistory();
  await expect(exportPage.historyRows()).toHaveCount(1);
  await screens(page, testInfo, 'screen-exports');
  await ev.openScreen();
  await expect(ev.screen()).toBeVisible();
  await screens(page, testInfo, 'screen-evidence');
});
