/**
 * A day on a product's stock page at 1366×768: Ctrl+V pastes stock (the paste dialog opens with
 * the clipboard's text, 导入 takes it), the duplicate report names what each line repeats
 * (与第 N 行重复, the earlier batch), and the batch expiry is picked in Chinese and kept as
 * YYYY-MM-DD. Ctrl+V on the orders screen does not reach the stock page.
 */
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });
// Four states shot at two sizes each.
test.setTimeout(150_000);

const SKU = 'MS365-FAM-1Y';
const code = (n: number) => `MS${String(n).padStart(4, '0')}-Q7W9-${((n * 7919) % 46656).toString(36).toUpperCase().padStart(3, '0')}K`;

test('Ctrl+V on a stock page imports pasted stock, duplicates say which line or batch they repeat, the expiry is picked in Chinese', async ({ page, importPage, shopsPage, productsPage, stockPage }, testInfo) => {
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(generateOrders({ count: 300, optional: true })) }]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await productsPage.confirmSuggestion(SKU);
  await expect(productsPage.kind(SKU)).toHaveText('激活码');
  await productsPage.openStock(SKU);
  await expect(stockPage.view()).toHaveAttribute('data-sku-key', SKU);

  // The expiry picker speaks Chinese: its placeholder, and the panel's months and week days.
  await expect(stockPage.expiryInput()).toHaveAttribute('placeholder', '请选择日期');
  await stockPage.expiryInput().click();
  await expect(stockPage.datePanel()).toBeVisible();
  await expect(stockPage.datePanel().locator('.ant-picker-month-btn')).toHaveText(/^\d{1,2}月$/);
  await expect(stockPage.datePanel().locator('thead')).toContainText('一');
  await screens(page, testInfo, 'stock-day-datepicker');
  await page.keyboard.press('Escape');
  await stockPage.setExpiry('2027-03-31');
  await expect(stockPage.expiryInput()).toHaveValue('2027-03-31');

  // Ctrl+V with codes on the clipboard: the paste dialog shows them, 导入 imports them.
  const first = [code(1), code(2), code(1), code(3)];
  await stockPage.pasteClipboard(first.join('\n'));
  await expect(stockPage.pasteText()).toBeVisible();
  await expect(stockPage.pasteText()).toHaveValue(first.join('\n'));
  await screens(page, testInfo, 'stock-day-paste-dialog');
  await stockPage.confirmPaste();
  await expect(stockPage.added()).toHaveText('3');
  await expect(stockPage.importResult()).toContainText('已导入 3 个');
  await expect(stockPage.level('available')).toHaveText('3');
  await expect(stockPage.duplicates()).toHaveCount(1);
  await expect(stockPage.duplicateLine(0)).toHaveText('第 3 行');
  await expect(stockPage.duplicateOf(0)).toHaveText('与第 1 行重复');
  await expect(stockPage.duplicateOf(0)).toBeInViewport();
  // The batch keeps the picked expiry as YYYY-MM-DD.
  await expect(stockPage.batchRows()).toHaveCount(1);
  await expect(stockPage.batchExpiry(stockPage.batchRows().first())).toHaveText('2027-03-31');
  await screens(page, testInfo, 'stock-day-duplicates-file');

  // Again with two of them: each names the earlier batch, with its date.
  await stockPage.pasteClipboard([code(4), code(2), code(3)].join('\n'));
  await expect(stockPage.pasteText()).toHaveValue([code(4), code(2), code(3)].join('\n'));
  await stockPage.confirmPaste();
  await expect(stockPage.added()).toHaveText('1');
  await expect(stockPage.duplicates()).toHaveCount(2);
  const batchId = await stockPage.batchRows().last().getAttribute('data-batch-id');
  for (const n of [0, 1]) await expect(stockPage.duplicateOf(n)).toHaveText(new RegExp(`^已在 \\d{2}-\\d{2} 导入的批次 #${batchId} 中（可用）$`));
  await expect(stockPage.level('available')).toHaveText('4');
  await screens(page, testInfo, 'stock-day-duplicates-history');

  // In a field, Ctrl+V is the field's: no dialog.
  await stockPage.expiryInput().click();
  await stockPage.pasteClipboard('MS9999-XXXX-YYYK', { intoFocused: true });
  await page.keyboard.press('Escape');
  await expect(stockPage.pasteText()).toHaveCount(0);

  // On the orders screen the stock page (kept behind it) does not take a paste.
  await shopsPage.openOrders();
  await stockPage.pasteClipboard(code(5));
  await expect(stockPage.pasteText()).toHaveCount(0);
});
