/**
 * The shipment file where the merchant makes it: after 自动填充 from stock, 生成发货文件 shows the
 * counts before anything is written (ready orders, items, parts, the orders left out by reason,
 * the built-in layout marked 未核实), writes the file, and the file saved from the browser holds
 * exactly the ready orders with their codes, as text. 发货记录 lists the export and shows its
 * orders; the backend's result file dropped there marks one order 上传失败 (ready again); the next
 * order export moves the shipped ones to 已发货. A template given from the backend is checked
 * column by column and then fills the file. Orders and files come from the one fixture generator.
 */
import ExcelJS from 'exceljs';
import { generateOrders, shipmentTemplateXlsx, shippedLater, toCsv, uploadResultXlsx, type OrderTable } from '../fixtures/orders';
import { codes as stockCodes } from '../fixtures/stock';
import { expect, test } from './fixtures';
import type { AllocationPage, ImportPage, OrdersPage, ProductsPage, ShopsPage, StockPage } from './pages';
import { screens } from './screenshot';

/** 激活码 by its title; stocked and filled here. */
const STOCKED = 'MS365-FAM-1Y';

interface Pages { importPage: ImportPage; shopsPage: ShopsPage; productsPage: ProductsPage; stockPage: StockPage; allocationPage: AllocationPage; ordersPage: OrdersPage }

/** Imports the orders, confirms the 激活码 product, stocks it and runs 自动填充: its orders are ready. */
async function importAndFill(p: Pages, table: OrderTable, codes: string[]): Promise<void> {
  await p.importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(p.importPage.result()).toBeVisible();
  await p.shopsPage.openStock();
  await p.productsPage.confirmSuggestion(STOCKED);
  await expect(p.productsPage.kind(STOCKED)).toHaveText('激活码');
  await p.productsPage.openStock(STOCKED);
  await p.stockPage.importCodes(codes.join('\n'), 'codes.txt');
  await expect(p.stockPage.added()).toHaveText(String(codes.length));
  await p.stockPage.back();
  await p.shopsPage.openOrders();
  await p.allocationPage.runFill();
  await expect(p.allocationPage.summary()).toBeVisible();
  await p.allocationPage.closeSummary();
  await expect(p.allocationPage.summary()).toBeHidden();
}

/** A sheet's rows as text, by header: every 订单号 and the cells of `column`; cell types checked as text. */
async function readSheet(bytes: Buffer, column: string): Promise<{ header: string[]; orderNos: string[]; values: string[]; allText: boolean }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const noCol = header.indexOf('订单号') + 1;
  const valueCol = header.indexOf(column) + 1;
  const orderNos: string[] = [];
  const values: string[] = [];
  let allText = true;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const no = row.getCell(noCol);
    if (no.type !== ExcelJS.ValueType.String) allText = false;
    orderNos.push(String(no.value));
    if (valueCol > 0) values.push(String(row.getCell(valueCol).value ?? ''));
  });
  return { header, orderNos, values, allText };
}

test('生成发货文件 shows the counts first, writes exactly the ready orders, and the history, the result file and the next export move their states', async ({ page, importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage, exportPage }, testInfo) => {
  const table = generateOrders({ count: 120, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED && o.shippable);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  const shippable = table.expected.filter((o) => o.shippable).length;
  expect(stocked.length).toBeGreaterThanOrEqual(4);
  const codes = stockCodes(units + 3);
  await importAndFill({ importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage }, table, codes);

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
  await expect(exportPage.previewHeaders()).toContainText(['订单号', '激活码']);
  // Secrets come masked: no stocked code in full in the preview.
  const previewText = await exportPage.dialog().getByTestId('export-preview').innerText();
  for (const c of codes) expect(previewText).not.toContain(c);
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
  const sheet = await readSheet(saved.bytes, '激活码');
  expect(sheet.header).toEqual(['订单号', '激活码']);
  expect(sheet.allText).toBe(true);
  expect([...new Set(sheet.orderNos)].sort()).toEqual(stocked.map((o) => o.orderNo).sort());
  expect(sheet.values).toHaveLength(units);
  for (const v of sheet.values) expect(codes).toContain(v);
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
  const reason = '卡密格式不正确';
  await exportPage.openHistory();
  await exportPage.dropResult({ name: '导入结果.xlsx', bytes: await uploadResultXlsx(stocked.map((o) => o.orderNo), { [failed.orderNo]: reason }) });
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
  await ordersPage.row(failed.orderNo).click();
  await expect(page.getByTestId('drawer-ship-state')).toHaveAttribute('data-state', 'uploadFailed');
  await expect(page.getByTestId('drawer-ship-note')).toHaveText(reason);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-drawer')).toBeHidden();

  // The next order export: the uploaded ones show 已发货 and become shipped; the failed one stays ready.
  await importPage.dropFiles([{ name: 'orders-later.csv', bytes: toCsv(shippedLater(table, others.map((o) => o.orderNo))) }]);
  await expect(importPage.result()).toBeVisible();
  await expect(exportPage.shipCount('shipped')).toHaveText(String(others.length));
  await expect(exportPage.shipCount('exported')).toHaveText('0');
  await expect(exportPage.shipCount('uploadFailed')).toHaveText('1');
  await exportPage.filterByShipState('shipped');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${others.length} 个订单`);
  await expect(exportPage.rowState(others[0].orderNo)).toHaveText('已发货');
  await screens(page, testInfo, 'export-grid-shipped');
});

test('a template from the backend is read, checked column by column with a fixed value, and fills the file with its own sheet and headers', async ({ page, importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage, exportPage }, testInfo) => {
  const table = generateOrders({ count: 60, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED && o.shippable);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  const codes = stockCodes(units);
  await importAndFill({ importPage, shopsPage, productsPage, stockPage, allocationPage, ordersPage }, table, codes);

  await exportPage.openDialog();
  await expect(exportPage.builtInWarning()).toBeVisible();
  await exportPage.giveTemplate('无物流单条导入模板.xlsx', await shipmentTemplateXlsx());
  const map = exportPage.templateMap();
  await expect(map).toBeVisible();
  await expect(map).toContainText('批量发货');
  await expect(exportPage.mapRole('订单号')).toContainText('订单号');
  await expect(exportPage.mapRole('激活码')).toContainText('激活码/券码');
  await expect(exportPage.mapRole('发货方式')).toContainText('发货方式');
  await exportPage.setRole('备注', '固定内容');
  await map.getByTestId('export-map-value').last().fill('感谢购买');
  await screens(page, testInfo, 'export-template-map');
  await exportPage.saveTemplate();
  await expect(map).toBeHidden();

  // The template replaces the built-in layout: its headers in the preview.
  await expect(exportPage.givenTemplate()).toContainText('无物流单条导入模板.xlsx');
  await expect(exportPage.builtInWarning()).toHaveCount(0);
  await expect(exportPage.previewHeaders()).toHaveText(['订单号', '发货方式', '激活码', '备注']);
  await expect(exportPage.previewRows().first()).toContainText('感谢购买');

  await exportPage.run();
  await expect(exportPage.done()).toBeVisible();
  const saved = await exportPage.saveFile(exportPage.files().and(page.locator('[data-kind=shipment]')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['批量发货', '填写说明']);
  const sheet = await readSheet(saved.bytes, '备注');
  expect(sheet.header).toEqual(['订单号', '发货方式', '激活码', '备注']);
  expect([...new Set(sheet.orderNos)].sort()).toEqual(stocked.map((o) => o.orderNo).sort());
  for (const v of sheet.values) expect(v).toBe('感谢购买');
});
