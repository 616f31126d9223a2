/**
 * 商品与卡库: after importing orders, the merchant confirms a product as 激活码, drops code files
 * on its stock and sees what was added, every duplicate with its line (in the file, or already in
 * the stock), the levels, and the items masked. Orders come from the one fixture generator.
 */
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screenshot } from './screenshot';

const SKU = 'MS365-FAM-1Y';

/** Activation codes as a supplier sends them: one per line, no header. */
function codeFile(codes: string[]): string {
  return codes.join('\r\n') + '\r\n';
}

/** Distinct codes whose masked forms differ too (the mask keeps the first and last four characters). */
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
  // The duplicate itself is shown masked, never in full.
  await expect(dups.nth(1)).not.toContainText(first[5]);
  await expect(dups.nth(1)).toContainText('****');

  await expect(stockPage.level('available')).toHaveText('15');
  for (const level of ['reserved', 'delivered', 'expired', 'voided'] as const) await expect(stockPage.level(level)).toHaveText('0');
  await expect(stockPage.batchRows()).toHaveCount(2);

  // Items are listed masked only.
  await stockPage.showItems();
  const masked = stockPage.maskedItems();
  await expect(masked).toHaveCount(15);
  const shown = await masked.allTextContents();
  const all = new Set([...first, ...fresh]);
  for (const text of shown) {
    expect(text).toContain('****');
    expect(all.has(text)).toBe(false);
  }
  await screenshot(page, testInfo, 'stock-import-duplicates');
});

test('a stock file with an unreadable line imports nothing and says which line', async ({ page, importPage, shopsPage, productsPage, stockPage }, testInfo) => {
  const table = generateOrders({ count: 120, seed: 5 });
  const card = table.expected.find((o) => o.skuCode === 'JD-E100');
  expect(card).toBeDefined();
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
