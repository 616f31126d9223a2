/**
 * 商品与卡库: after importing orders, the merchant confirms a product as 激活码, drops code files
 * on its stock and sees what was added, every duplicate with its line (in the file, or already in
 * the stock), the levels, and the items masked. Orders come from the one fixture generator.
 */
import { generateOrders, toCsv } from '../fixtures/orders';
import { cards, cardText } from '../fixtures/stock';
import { maskSecret } from '../../shared/rules/mask';
import { expect, test } from './fixtures';
import { screens, screenshot } from './screenshot';

const SKU = 'MS365-FAM-1Y';

/** Activation codes as a supplier sends them: one per line, no header. */
function codeFile(codes: string[]): string {
  return codes.join('\r\n') + '\r\n';
}

/** Distinct codes, as a supplier numbers them. */
function codes(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return `MS${String(n).padStart(4, '0')}-Q7W9-${((n * 7919) % 46656).toString(36).toUpperCase().padStart(3, '0')}K`;
  });
}

test('codes dropped on a product confirmed as 激活码 are counted, duplicates are reported by line, and items stay masked', async ({ page, importPage, shopsPage, productsPage, stockPage }, testInfo) => {
  const table = generateOrders({ count: 300, optional: true });
  expect(table.expected.some((o) => o.skuCode === SKU)).toBe(true);
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();

  // The product is listed with VShip's suggestion until the merchant confirms it.
  await shopsPage.openStock();
  await expect(productsPage.row(SKU)).toBeVisible();
  await expect(productsPage.suggestion(SKU)).toContainText('激活码');
  await productsPage.confirmSuggestion(SKU);
  await expect(productsPage.kind(SKU)).toHaveText('激活码');
  await expect(productsPage.suggestion(SKU)).toHaveCount(0);

  // A drop on the product's stock goes into that stock.
  await productsPage.openStock(SKU);
  await expect(stockPage.view()).toHaveAttribute('data-sku-key', SKU);
  await expect(stockPage.level('available')).toHaveText('0');
  const first = codes(1, 12);
  await stockPage.importCodes(codeFile(first), 'codes-1.txt');
  const result = stockPage.importResult();
  await expect(result).toBeVisible();
  await expect(result).toContainText('codes-1.txt');
  await expect(stockPage.added()).toHaveText('12');
  await expect(stockPage.duplicateList()).toHaveCount(0);
  await expect(stockPage.level('available')).toHaveText('12');

  // Second file: line 3 repeats line 1 of the same file, line 4 was imported before.
  const fresh = codes(100, 3);
  const second = [fresh[0], fresh[1], fresh[0], first[5], fresh[2]];
  await stockPage.importCodes(codeFile(second), 'codes-2.txt');
  await expect(result).toContainText('codes-2.txt');
  await expect(stockPage.added()).toHaveText('3');
  const dups = stockPage.duplicates();
  await expect(dups).toHaveCount(2);
  await expect(stockPage.duplicateLine(0)).toHaveText('第 3 行');
  await expect(stockPage.duplicateWhere(0)).toHaveAttribute('data-where', 'file');
  await expect(dups.nth(0)).toContainText('文件内重复');
  await expect(stockPage.duplicateLine(1)).toHaveText('第 4 行');
  await expect(stockPage.duplicateWhere(1)).toHaveAttribute('data-where', 'history');
  await expect(dups.nth(1)).toContainText('与历史重复');
  // The duplicate itself is shown masked (shared/rules/mask.ts: 16 characters keep 2 + 2), never in full.
  expect(first[5]).toHaveLength(16);
  await expect(stockPage.duplicateValue(0)).toHaveText(maskSecret(fresh[0]));
  await expect(stockPage.duplicateValue(1)).toHaveText(`${first[5].slice(0, 2)}****${first[5].slice(-2)}`);
  await expect(dups.nth(1)).not.toContainText(first[5]);
  await expect(dups.nth(1)).not.toContainText(first[5].slice(2, -2));

  await expect(stockPage.level('available')).toHaveText('15');
  for (const level of ['reserved', 'delivered', 'expired', 'voided'] as const) await expect(stockPage.level(level)).toHaveText('0');
  await expect(stockPage.batchRows()).toHaveCount(2);

  // Items are listed masked only.
  await stockPage.showItems();
  const masked = stockPage.maskedItems();
  await expect(masked).toHaveCount(15);
  const shown = await masked.allTextContents();
  const all = [...first, ...fresh];
  expect(shown.sort()).toEqual(all.map((c) => `${c.slice(0, 2)}****${c.slice(-2)}`).sort());
  const listed = await stockPage.view().innerText();
  for (const c of all) expect(listed, c).not.toContain(c.slice(2, -2));
  await screenshot(page, testInfo, 'stock-import-duplicates');
});

test('a stock file with an unreadable line imports nothing and says which line', async ({ page, importPage, shopsPage, productsPage, stockPage }, testInfo) => {
  const table = generateOrders({ count: 120, seed: 5 });
  expect(table.expected.filter((o) => o.skuCode === 'JD-E100').length).toBeGreaterThan(0);
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();

  await shopsPage.openStock();
  await productsPage.confirmSuggestion('JD-E100');
  await expect(productsPage.kind('JD-E100')).toHaveText('卡密');
  await productsPage.openStock('JD-E100');

  const lines = ['8831000011112222----PW0001', '8831000011113333', '8831000011114444----PW0003'];
  await stockPage.importCodes(lines.join('\n'), 'cards.txt');
  const rejected = stockPage.rejected();
  await expect(rejected).toBeVisible();
  await expect(stockPage.importResult()).toContainText('没有导入任何内容');
  await expect(rejected).toContainText('第 2 行');
  await expect(rejected).toContainText('缺少密码');
  await expect(stockPage.level('available')).toHaveText('0');
  await expect(stockPage.batchRows()).toHaveCount(0);
  await screenshot(page, testInfo, 'stock-import-rejected');
});

test('an order export dropped on a stock page is refused, and 作为订单导入 imports it as orders', async ({ page, importPage, shopsPage, productsPage, stockPage, ordersPage }, testInfo) => {
  const table = generateOrders({ count: 300, optional: true });
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await productsPage.confirmSuggestion(SKU);
  await productsPage.openStock(SKU);

  // A later export, dropped on the product's stock by mistake.
  const later = generateOrders({ count: 60, seed: 8, optional: true });
  await stockPage.dropFile('订单导出-0621.csv', toCsv(later));
  const question = stockPage.ordersQuestion();
  await expect(question).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('这是订单导出文件');
  await expect(question).toContainText('订单导出-0621.csv');
  await expect(question).toContainText('订单号');
  await expect(page.getByTestId('stock-import-as-orders')).toHaveText('作为订单导入');
  await expect(stockPage.level('available')).toHaveText('0');
  await expect(stockPage.batchRows()).toHaveCount(0);
  await screens(page, testInfo, 'stock-question-orders');

  await stockPage.importAsOrders();
  await expect(question).toHaveCount(0);
  // The orders import runs on the 订单 page and shows what it read.
  await expect(importPage.result()).toBeVisible();
  await expect(importPage.result()).toContainText('订单导出-0621.csv');
  const fresh = later.expected.filter((o) => !table.expected.some((e) => e.orderNo === o.orderNo)).length;
  await importPage.openResultDetails();
  await expect(importPage.resultCount('new')).toHaveText(String(fresh));
  await importPage.closeResultDetails();
  await ordersPage.search(later.expected[0].orderNo);
  await expect(ordersPage.row(later.expected[0].orderNo)).toBeVisible();

  // Cancelling instead leaves the refusal on the stock page.
  await shopsPage.openStock();
  await stockPage.dropFile('again.csv', toCsv(later));
  await expect(stockPage.ordersQuestion()).toBeVisible();
  await stockPage.cancelQuestion();
  await expect(stockPage.importError()).toContainText('这是订单导出文件');
  await expect(stockPage.level('available')).toHaveText('0');
});

test('card lines dropped on a code product ask to change the kind, and the answer imports them', async ({ page, importPage, shopsPage, productsPage, stockPage }, testInfo) => {
  const table = generateOrders({ count: 300, optional: true });
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await productsPage.confirmSuggestion(SKU);
  await expect(productsPage.kind(SKU)).toHaveText('激活码');
  await productsPage.openStock(SKU);

  await stockPage.dropFile('京东E卡-100.txt', cardText(cards(6), { crlf: true }));
  const question = stockPage.shapeQuestion();
  await expect(question).toBeVisible();
  await expect(question).toContainText('这些行看起来是 卡号+密码，要把发货方式改为卡密吗？');
  await expect(question).toContainText('例如第 1、2、3、4、5 行');
  await expect(stockPage.shapeQuestion().getByTestId('stock-question-change')).toHaveText('发货方式：激活码/兑换码 → 卡密（卡号+密码）');
  await expect(page.getByTestId('stock-change-kind')).toHaveText('改为卡密并导入');
  await expect(stockPage.level('available')).toHaveText('0');
  await screens(page, testInfo, 'stock-question-shape');

  await stockPage.changeKindAndImport();
  await expect(question).toHaveCount(0);
  await expect(stockPage.added()).toHaveText('6');
  await expect(stockPage.level('available')).toHaveText('6');
  await expect(stockPage.view()).toContainText('卡密');
  await stockPage.back();
  await expect(productsPage.kind(SKU)).toHaveText('卡密');
});
