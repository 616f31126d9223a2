/**
 * The shipment file where the merchant makes it: after 自动填充 from stock, 生成发货文件 shows the
 * counts before anything is written (ready orders, items, parts, the orders left out by reason,
 * the built-in layout marked 未核实), writes the file, and the file saved from the browser holds
 * exactly the ready orders with their cards, as text. 发货记录 lists the export and shows its
 * orders; the backend's result file dropped there marks one order 上传失败 (ready again); the next
 * order export moves the shipped ones to 已发货. A template given from the backend is checked
 * column by column and then fills the file. Orders and files come from the one fixture generator.
 */
import ExcelJS from 'exceljs';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { laterExport, shipmentTemplate, uploadResultFile } from '../fixtures/shipment';
import { cards, cardText, type Card } from '../fixtures/stock';
import { expect, test } from './fixtures';
import type { AllocationPage, ImportPage, OrdersPage, ProductsPage, ShopsPage, StockPage } from './pages';
import { screens } from './screenshot';

/** 京东E卡 100元 卡密: 卡密 by its title; stocked and filled here (16-digit card numbers: exact as text or lost). */
const STOCKED = 'JD-E100';

interface Pages { importPage: ImportPage; shopsPage: ShopsPage; productsPage: ProductsPage; stockPage: StockPage; allocationPage: AllocationPage; ordersPage: OrdersPage }

/** Imports the orders, confirms the 卡密 product, stocks it and runs 自动填充: its orders are ready. */
async function importAndFill(p: Pages, table: OrderTable, stock: Card[]): Promise<void> {
  await p.importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(p.importPage.result()).toBeVisible();
  await p.shopsPage.openStock();
  await p.productsPage.confirmSuggestion(STOCKED);
  await expect(p.productsPage.kind(STOCKED)).toHaveText('卡密');
  await p.productsPage.openStock(STOCKED);
  await p.stockPage.importCodes(cardText(stock).toString('utf8'), 'cards.txt');
  await expect(p.stockPage.added()).toHaveText(String(stock.length));
  await p.stockPage.back();
  await p.shopsPage.openOrders();
  await p.allocationPage.runFill();
  await expect(p.allocationPage.summary()).toBeVisible();
  await p.allocationPage.closeSummary();
  await expect(p.allocationPage.summary()).toBeHidden();
}

/** A sheet's rows as text, by header: every 订单号 and the cells of `columns` joined by a space; cell types checked as text. */
async function readSheet(bytes: Buffer, ...columns: string[]): Promise<{ header: string[]; orderNos: string[]; values: string[]; allText: boolean }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const noCol = header.indexOf('订单号') + 1;
  const valueCols = columns.map((c) => header.indexOf(c) + 1);
  const orderNos: string[] = [];
  const values: string[] = [];
  let allText = true;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    for (const c of [noCol, ...valueCols]) if (row.getCell(c).type !== ExcelJS.ValueType.String) allText = false;
    orderNos.push(String(row.getCell(noCol).value));
    values.push(valueCols.map((c) => String(row.getCell(c).value ?? '')).join(' '));
  });
  return { header, orderNos, values, allText };
}

test('生成发货文件 shows the counts first, writes exactly the ready orders, and the history, the result file and the next export move their states', async ({ page, importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage, exportPage }, testInfo) => {
  const table = generateOrders({ count: 60, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED && o.shippable);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  const shippable = table.expected.filter((o) => o.shippable).length;
  expect(stocked.length).toBeGreaterThanOrEqual(4);
  const stock = cards(units + 3);
  const secrets = stock.flatMap((c) => [c.cardNo, c.password]);
  await importAndFill({ importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage }, table, stock);

  // The counts above the grid: the filled orders are ready.
  await expect(exportPage.shipCount('ready')).toHaveText(String(stocked.length));
  await expect(exportPage.shipCount('exported')).toHaveText('0');

  // The dialog: counts before anything is written, the built-in layout marked 未核实, a preview.
  await exportPage.openDialog();
  await expect(exportPage.dialog()).toBeVisible();
  await expect(exportPage.figure('ready')).toHaveText(String(stocked.length));
  await expect(exportPage.figure('items')).toHaveText(String(units));
  await expect(exportPage.figure('parts')).toHaveText('1');
  await expect(exportPage.leftOut()).toContainText(`待发货但不导出：${shippable - stocked.length} 单`);
  await expect(exportPage.builtInWarning()).toContainText('未核实：请用后台下载的模板核对');
  await expect(exportPage.previewHeaders().first()).toHaveText('订单号');
  await expect(exportPage.previewHeaders()).toHaveText(['订单号', '卡号', '卡密']);
  // Secrets come masked as shared/rules/mask.ts says (a 16-digit card number keeps 2 + 2, a 6-digit
  // password 1 + 1): each preview row is a ready order and one of the stocked cards so masked.
  const shownRows = await exportPage.previewRows().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(shownRows).toHaveLength(Math.min(5, units));
  const maskedCards = new Set(stock.map((c) => `${c.cardNo.slice(0, 2)}****${c.cardNo.slice(-2)} ${c.password[0]}****${c.password.slice(-1)}`));
  for (const [no, cardNo, password] of shownRows) {
    expect(stocked.map((o) => o.orderNo)).toContain(no);
    expect(maskedCards.has(`${cardNo} ${password}`), `${no}: ${cardNo} ${password}`).toBe(true);
  }
  const previewText = await exportPage.dialog().getByTestId('export-preview').innerText();
  for (const c of secrets) expect(previewText).not.toContain(c);
  for (const c of stock) expect(previewText).not.toContain(c.cardNo.slice(2, -2));
  await expect(exportPage.runButton()).toHaveText(`生成（${stocked.length} 单）`);
  await screens(page, testInfo, 'export-dialog');

  // CSV says what it does to formula-like cells.
  await exportPage.chooseFormat('csv');
  await expect(exportPage.dialog().getByTestId('export-csv-note')).toContainText("'");
  await exportPage.chooseFormat('xlsx');

  // 生成: the files, the shipment file said to hold secrets; saved, it holds exactly the ready orders.
  await exportPage.run();
  await expect(exportPage.done()).toBeVisible();
  await expect(exportPage.done().getByTestId('export-done-title')).toContainText(`${stocked.length} 单，${units} 件`);
  const shipment = exportPage.files().and(page.locator('[data-kind=shipment]'));
  await expect(shipment).toHaveCount(1);
  await expect(shipment.getByTestId('export-file-secrets')).toHaveText('含卡密，请妥善保管');
  await expect(exportPage.files().and(page.locator('[data-kind=exceptions]'))).toHaveCount(1);
  await screens(page, testInfo, 'export-done');
  const saved = await exportPage.saveFile(shipment);
  expect(saved.name).toMatch(/无物流发货-\d{8}-1of1\.xlsx$/);
  const sheet = await readSheet(saved.bytes, '卡号', '卡密');
  expect(sheet.header).toEqual(['订单号', '卡号', '卡密']);
  expect(sheet.allText).toBe(true);
  expect([...new Set(sheet.orderNos)].sort()).toEqual(stocked.map((o) => o.orderNo).sort());
  // One row per card, each card exactly as stocked (16 digits kept as text).
  const stocked2 = new Set(stock.map((c) => `${c.cardNo} ${c.password}`));
  expect(sheet.values).toHaveLength(units);
  for (const v of sheet.values) expect(stocked2.has(v)).toBe(true);
  expect(new Set(sheet.values).size).toBe(units);
  await exportPage.closeDone();
  await expect(exportPage.dialog()).toBeHidden();

  // The grid: the exported orders say so, the counts moved, nothing is ready any more.
  await expect(exportPage.shipCount('exported')).toHaveText(String(stocked.length));
  await expect(exportPage.shipCount('ready')).toHaveText('0');
  await exportPage.filterByShipState('exported');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${stocked.length} 个订单`);
  await expect(exportPage.rowState(stocked[0].orderNo)).toHaveText('已导出');
  await screens(page, testInfo, 'export-grid-states');

  // 发货记录: the export with its counts; 查看订单 shows its orders.
  await exportPage.openHistory();
  const row = exportPage.historyRows().first();
  await expect(exportPage.historyRows()).toHaveCount(1);
  await expect(row.getByTestId('export-history-orders')).toHaveText(String(stocked.length));
  await expect(row.locator('[data-testid=export-history-state][data-state=exported]')).toContainText(String(stocked.length));
  // Saved again from the history, the same bytes.
  const again = await exportPage.saveAgain(row.locator('[data-testid=export-history-file][data-kind=shipment]'));
  expect(again.bytes.equals(saved.bytes)).toBe(true);
  await exportPage.showOrders(row);
  await expect(ordersPage.rows().first()).toBeVisible();
  await expect(exportPage.exportFilter()).toBeVisible();
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${stocked.length} 个订单`);

  // The backend's result file, dropped on 发货记录: one order failed, it is ready again with the reason.
  const [failed, ...others] = stocked;
  const reason = '订单状态不允许发货';
  await exportPage.openHistory();
  const result = await uploadResultFile(stocked.map((o) => (o === failed ? { orderNo: o.orderNo, reason } : { orderNo: o.orderNo })));
  await exportPage.dropResult({ name: '导入结果.xlsx', bytes: result });
  await expect(exportPage.resultPanel()).toBeVisible();
  await expect(exportPage.resultCount('failed')).toHaveText('1');
  await expect(exportPage.resultCount('succeeded')).toHaveText(String(others.length));
  await expect(exportPage.resultPanel().getByTestId('export-result-failed-order')).toHaveText(failed.orderNo);
  await expect(row.locator('[data-testid=export-history-state][data-state=uploadFailed]')).toContainText('1');
  await screens(page, testInfo, 'export-history-result');
  await shopsPage.openOrders();
  await expect(exportPage.shipCount('uploadFailed')).toHaveText('1');
  await expect(exportPage.shipCount('ready')).toHaveText('1');
  await exportPage.filterByShipState('uploadFailed');
  await expect(ordersPage.gridTotal()).toHaveText('共 1 个订单');
  await expect(exportPage.rowState(failed.orderNo)).toHaveText('上传失败');
  await expect(exportPage.rowStateCell(failed.orderNo)).toHaveAttribute('title', new RegExp(reason));
  await ordersPage.cell(ordersPage.row(failed.orderNo), 'orderNo').click();
  await expect(page.getByTestId('drawer-ship-state')).toHaveAttribute('data-state', 'uploadFailed');
  await expect(page.getByTestId('drawer-ship-note')).toHaveText(reason);
  await exportPage.settled(page.locator('.ant-drawer'));
  await screens(page, testInfo, 'export-drawer-failed');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-drawer')).toBeHidden();

  // The next order export: the uploaded ones show 已发货 and become shipped; the failed one stays ready.
  await importPage.dropFiles([{ name: 'orders-later.csv', bytes: toCsv(laterExport(table, { shipped: others.map((o) => o.orderNo) })) }]);
  await expect(importPage.result()).toBeVisible();
  await expect(exportPage.shipCount('shipped')).toHaveText(String(others.length));
  await expect(exportPage.shipCount('exported')).toHaveText('0');
  await expect(exportPage.shipCount('uploadFailed')).toHaveText('1');
  await exportPage.filterByShipState('shipped');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${others.length} 个订单`);
  await expect(exportPage.rowState(others[0].orderNo)).toHaveText('已发货');
  await screens(page, testInfo, 'export-grid-shipped');
});

test('导出所选 narrows to the checked orders, 查看 shows the ones left out, a template from the backend is checked column by column and fills the file with its own sheets and headers, and an exported order goes again only with a reason', async ({ page, importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage, exportPage }, testInfo) => {
  const table = generateOrders({ count: 60, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED && o.shippable);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  await importAndFill({ importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage }, table, cards(units));

  // 导出所选: two checked ready orders; the others are counted as outside the choice.
  await exportPage.filterByShipState('ready');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${stocked.length} 个订单`);
  const two = (await ordersPage.orderNos()).slice(0, 2);
  for (const no of two) await ordersPage.check(no);
  await exportPage.openDialogForChecked();
  await expect(exportPage.dialog().getByTestId('export-only-checked')).toBeChecked();
  await expect(exportPage.figure('ready')).toHaveText('2');
  await expect(exportPage.dialog().getByTestId('export-left-out-NOT_CHOSEN')).toHaveText(`${stocked.length - 2} 单`);
  await exportPage.dialog().getByTestId('export-only-checked').click();
  await expect(exportPage.figure('ready')).toHaveText(String(stocked.length));

  // 查看 on a reason closes the dialog and shows those orders: the waiting ones not filled.
  const unfilled = table.expected.filter((o) => o.shippable).length - stocked.length;
  await exportPage.dialog().getByTestId('export-left-out-show-NOT_FILLED').click();
  await expect(exportPage.dialog()).toBeHidden();
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${unfilled} 个订单`);

  await exportPage.openDialog();
  await expect(exportPage.builtInWarning()).toBeVisible();
  const headers = ['订单号', '发货方式', '卡号', '卡密', '备注'];
  await exportPage.giveTemplate('无物流单条导入模板.xlsx', await shipmentTemplate({ sheet: '批量发货', columns: headers, example: true, extraSheets: true }));
  const map = exportPage.templateMap();
  await expect(map).toBeVisible();
  await expect(map).toContainText('批量发货');
  await expect(exportPage.mapRole('订单号')).toContainText('订单号');
  await expect(exportPage.mapRole('卡号')).toContainText('卡号');
  await expect(exportPage.mapRole('卡密')).toContainText('卡密/密码');
  await expect(exportPage.mapRole('发货方式')).toContainText('发货方式');
  await exportPage.setRole('备注', '固定内容');
  await exportPage.setValue('备注', '感谢购买');
  await screens(page, testInfo, 'export-template-map');
  await exportPage.saveTemplate();
  await expect(map).toBeHidden();

  // The template replaces the built-in layout: its headers in the preview.
  await expect(exportPage.givenTemplate()).toContainText('无物流单条导入模板.xlsx');
  await expect(exportPage.builtInWarning()).toHaveCount(0);
  await expect(exportPage.previewHeaders()).toHaveText(headers);
  await expect(exportPage.previewRows().first()).toContainText('无需物流');
  await expect(exportPage.previewRows().first()).toContainText('感谢购买');

  await exportPage.run();
  await expect(exportPage.done()).toBeVisible();
  const saved = await exportPage.saveFile(exportPage.files().and(page.locator('[data-kind=shipment]')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['批量发货', '填写说明']);
  const sheet = await readSheet(saved.bytes, '备注');
  expect(sheet.header).toEqual(headers);
  expect([...new Set(sheet.orderNos)].sort()).toEqual(stocked.map((o) => o.orderNo).sort());
  for (const v of sheet.values) expect(v).toBe('感谢购买');
  await exportPage.closeDone();

  // 重新导出: a checked order already in a file goes again only when asked, with a reason.
  await exportPage.filterByShipState('exported');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${stocked.length} 个订单`);
  const [again] = await ordersPage.orderNos();
  await ordersPage.check(again);
  await exportPage.openDialogForChecked();
  await expect(exportPage.figure('ready')).toHaveText('0');
  await expect(exportPage.runButton()).toBeDisabled();
  await exportPage.dialog().getByTestId('export-again-on').click();
  await expect(exportPage.runButton()).toBeDisabled();
  await exportPage.dialog().getByTestId('export-again-reason').fill('后台核对未上传成功');
  await expect(exportPage.runButton()).toHaveText('生成（1 单）');
  await expect(exportPage.dialog().getByTestId('export-count-again')).toHaveText('另重新导出 1 单');
  await screens(page, testInfo, 'export-reexport');
  await exportPage.run();
  await expect(exportPage.done().getByTestId('export-done-title')).toContainText('1 单');
  await exportPage.closeDone();
  await exportPage.openHistory();
  await expect(exportPage.historyRows()).toHaveCount(2);
  await expect(exportPage.historyRows().first()).toContainText('重新导出');
  await expect(exportPage.historyRows().first().getByTestId('export-history-orders')).toHaveText('1');
});
