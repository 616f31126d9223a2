/**
 * 商品与卡库: after importing orders, the merchant confirms a product as 激活码, drops code files
 * on its stock and sees what was added, every duplicate with its line (in the file, or already in
 * the stock), the levels, and the items masked. Orders come from the one fixture generator.
 */
import type { Page, TestInfo } from '@playwright/test';
import { generateOrders, toCsv } from '../fixtures/orders';
import { dropFiles, expect, test } from './fixtures';

const SKU = 'MS365-FAM-1Y';

/** Activation codes as a supplier sends them: one per line, no header. */
function codeFile(codes: string[]): Buffer {
  return Buffer.from(codes.join('\r\n') + '\r\n', 'utf8');
}

/** Distinct codes whose masked forms differ too (the mask keeps the first and last four characters). */
function codes(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return `MS${String(n).padStart(4, '0')}-Q7W9-${((n * 7919) % 46656).toString(36).toUpperCase().padStart(3, '0')}K`;
  });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('codes dropped on a product confirmed as 激活码 are counted, duplicates are reported by line, and items stay masked', async ({ page }, testInfo) => {
  const table = generateOrders({ count: 300, optional: true });
  expect(table.expected.some((o) => o.skuCode === SKU)).toBe(true);
  await dropFiles(page, [{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(page.getByTestId('import-result')).toBeVisible();

  // The product is listed with VShip's suggestion until the merchant confirms it.
  await page.getByTestId('nav-stock').click();
  const row = page.locator(`[data-testid=product-row][data-sku-key="${SKU}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('product-suggestion')).toContainText('激活码');
  await row.getByTestId('product-confirm').click();
  await expect(row.getByTestId('product-kind')).toHaveText('激活码');
  await expect(row.getByTestId('product-suggestion')).toHaveCount(0);

  // A drop on the product's stock goes into that stock.
  await row.click();
  await expect(page.getByTestId('stock-view')).toHaveAttribute('data-sku-key', SKU);
  await expect(page.getByTestId('level-available')).toHaveText('0');
  const first = codes(1, 12);
  await dropFiles(page, [{ name: 'codes-1.txt', bytes: codeFile(first) }]);
  const result = page.getByTestId('stock-import-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('codes-1.txt');
  await expect(page.getByTestId('stock-import-added')).toHaveText('12');
  await expect(page.getByTestId('stock-duplicates')).toHaveCount(0);
  await expect(page.getByTestId('level-available')).toHaveText('12');

  // Second file: line 3 repeats line 1 of the same file, line 4 was imported before.
  const fresh = codes(100, 3);
  const second = [fresh[0], fresh[1], fresh[0], first[5], fresh[2]];
  await dropFiles(page, [{ name: 'codes-2.txt', bytes: codeFile(second) }]);
  await expect(result).toContainText('codes-2.txt');
  await expect(page.getByTestId('stock-import-added')).toHaveText('3');
  const dups = page.getByTestId('stock-duplicate');
  await expect(dups).toHaveCount(2);
  await expect(dups.nth(0).getByTestId('duplicate-line')).toHaveText('第 3 行');
  await expect(dups.nth(0).getByTestId('duplicate-where')).toHaveAttribute('data-where', 'file');
  await expect(dups.nth(0)).toContainText('文件内重复');
  await expect(dups.nth(1).getByTestId('duplicate-line')).toHaveText('第 4 行');
  await expect(dups.nth(1).getByTestId('duplicate-where')).toHaveAttribute('data-where', 'history');
  await expect(dups.nth(1)).toContainText('与历史重复');
  // The duplicate itself is shown masked, never in full.
  await expect(dups.nth(1)).not.toContainText(first[5]);
  await expect(dups.nth(1)).toContainText('****');

  await expect(page.getByTestId('level-available')).toHaveText('15');
  for (const level of ['reserved', 'delivered', 'expired', 'voided']) await expect(page.getByTestId(`level-${level}`)).toHaveText('0');
  await expect(page.locator('[data-testid=batch-row]')).toHaveCount(2);

  // Items are listed masked only.
  await page.getByRole('tab', { name: '条目' }).click();
  const masked = page.getByTestId('stock-item-masked');
  await expect(masked).toHaveCount(15);
  const shown = await masked.allTextContents();
  const all = new Set([...first, ...fresh]);
  for (const text of shown) {
    expect(text).toContain('****');
    expect(all.has(text)).toBe(false);
  }
  await screenshot(page, testInfo, 'stock-import-duplicates');
});

test('a stock file with an unreadable line imports nothing and says which line', async ({ page }, testInfo) => {
  const table = generateOrders({ count: 120, seed: 5 });
  const card = table.expected.find((o) => o.skuCode === 'JD-E100');
  expect(card).toBeDefined();
  await dropFiles(page, [{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(page.getByTestId('import-result')).toBeVisible();

  await page.getByTestId('nav-stock').click();
  const row = page.locator('[data-testid=product-row][data-sku-key="JD-E100"]');
  await row.getByTestId('product-confirm').click();
  await expect(row.getByTestId('product-kind')).toHaveText('卡密');
  await row.click();

  const lines = ['8831000011112222----PW0001', '8831000011113333', '8831000011114444----PW0003'];
  await dropFiles(page, [{ name: 'cards.txt', bytes: Buffer.from(lines.join('\n'), 'utf8') }]);
  const rejected = page.getByTestId('stock-rejected');
  await expect(rejected).toBeVisible();
  await expect(page.getByTestId('stock-import-result')).toContainText('没有导入任何内容');
  await expect(rejected).toContainText('第 2 行');
  await expect(rejected).toContainText('缺少密码');
  await expect(page.getByTestId('level-available')).toHaveText('0');
  await expect(page.locator('[data-testid=batch-row]')).toHaveCount(0);
  await screenshot(page, testInfo, 'stock-import-rejected');
});
