/**
 * Filling orders: the merchant sets a product to 激活码 and stocks it through the UI, runs 自动填充,
 * sees the summary and the masked content in the grid (in full only on 查看), pastes codes copied
 * from Excel over two checked orders of another product, and undoes the last fill.
 */
import type { Page, TestInfo } from '@playwright/test';
import { generateOrders, toCsv, type ExpectedOrder } from '../fixtures/orders';
import { dropFiles, expect, test } from './fixtures';

/** Filled by 自动填充 from stock. */
const STOCKED = 'MS365-FAM-1Y';
/** Set to 激活码 without stock: filled by pasting. */
const PASTED = 'DZ-LOGO-B';

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Ctrl+V over the grid, as Excel puts a copied column on the clipboard: rows on lines, cells by TAB. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    // Runs in the page; the Node-side tsconfig has no DOM types, so name only what is used.
    const w = globalThis as unknown as PasteWindow;
    const transfer = new w.DataTransfer();
    transfer.setData('text/plain', data);
    w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

interface PasteWindow {
  DataTransfer: new () => { setData(type: string, data: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: object; bubbles: boolean; cancelable: boolean }) => object;
  document: { body: { dispatchEvent(event: object): boolean } };
}

async function setFilled(page: Page, label: '全部内容' | '已填' | '未填'): Promise<void> {
  await page.getByTestId('filled-filter').click();
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
}

test('auto fill fills the stocked product masked, a paste fills two checked orders, and undo empties the auto-filled ones', async ({ page }, testInfo) => {
  const table = generateOrders({ count: 300, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED);
  const pasted = table.expected.filter((o) => o.skuCode === PASTED);
  expect(stocked.length).toBeGreaterThanOrEqual(3);
  expect(pasted.length).toBeGreaterThanOrEqual(2);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  const codes = Array.from({ length: units + 2 }, (_, i) => `M365-${String(i + 1).padStart(4, '0')}-KQ8-${((i + 1) * 7919 % 46656).toString(36).toUpperCase().padStart(3, '0')}`);

  await dropFiles(page, [{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(page.getByTestId('import-result')).toBeVisible();

  // 商品与卡库: confirm the suggested 激活码 and stock it by dropping a code file.
  await page.getByTestId('nav-stock').click();
  const stockedRow = page.locator(`[data-testid=product-row][data-sku-key="${STOCKED}"]`);
  await stockedRow.getByTestId('product-confirm').click();
  await expect(stockedRow.getByTestId('product-kind')).toHaveText('激活码');
  await stockedRow.click();
  await dropFiles(page, [{ name: 'codes.txt', bytes: Buffer.from(codes.join('\n'), 'utf8') }]);
  await expect(page.getByTestId('stock-import-added')).toHaveText(String(codes.length));
  await expect(page.getByTestId('level-available')).toHaveText(String(codes.length));

  // The second product is a 定制 by its title; the merchant sets it to 激活码 in the editor.
  await page.getByTestId('stock-back').click();
  const pastedRow = page.locator(`[data-testid=product-row][data-sku-key="${PASTED}"]`);
  await pastedRow.getByTestId('product-edit').click();
  const editor = page.getByTestId('product-editor');
  await editor.getByTestId('product-kind-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '激活码/兑换码' }).click();
  await editor.getByTestId('product-save').click();
  await expect(editor).toBeHidden();
  await expect(pastedRow.getByTestId('product-kind')).toHaveText('激活码');

  // 自动填充: only the stocked product's orders are filled.
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('fill-run').click();
  const summary = page.getByTestId('fill-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId('fill-filled')).toHaveText(String(stocked.length));
  await expect(summary.getByTestId('fill-items')).toHaveText(String(units));
  await expect(summary.getByTestId('fill-short')).toContainText('缺货: 需要');
  await screenshot(page, testInfo, 'fill-summary');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(summary).toBeHidden();

  // The grid shows masked content for the filled orders.
  await setFilled(page, '已填');
  await expect(page.getByTestId('grid-total')).toHaveText(`共 ${stocked.length} 个订单`);
  const rows = page.getByTestId('order-row');
  await expect(rows).toHaveCount(stocked.length);
  const filledNos = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-no') ?? ''));
  expect(filledNos.sort()).toEqual(stocked.map((o) => o.orderNo).sort());
  const tags = await page.getByTestId('order-item').allTextContents();
  expect(tags).toHaveLength(units);
  for (const tag of tags) {
    expect(tag).toContain('****');
    expect(codes).not.toContain(tag);
  }

  // 查看 shows a code in full.
  await rows.first().getByTestId('reveal-order').click();
  const revealed = page.getByTestId('reveal-value');
  await expect(revealed.first()).toBeVisible();
  expect(codes).toContain((await revealed.first().textContent())?.trim());
  await page.getByTestId('reveal-close').click();
  await expect(page.getByTestId('reveal-modal')).toBeHidden();

  // Check two unfilled orders of the other product (sorted by product, its LOGO title comes first)
  // and paste one code per unit, as copied from an Excel column.
  await setFilled(page, '未填');
  await page.getByTestId('col-productName').click();
  const targets = rows.filter({ has: page.locator('[data-col=skuCode]', { hasText: PASTED }) });
  await expect(targets.first()).toBeVisible();
  const two = (await targets.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-no') ?? ''))).slice(0, 2);
  expect(two).toHaveLength(2);
  const quantityOf = (no: string) => (pasted.find((o) => o.orderNo === no) as ExpectedOrder).quantity;
  const need = quantityOf(two[0]) + quantityOf(two[1]);
  for (const no of two) await page.locator(`[data-testid=order-row][data-order-no="${no}"]`).getByTestId('row-check').click();
  await expect(page.getByTestId('checked-info')).toContainText('已勾选 2 个订单');
  const clip = Array.from({ length: need }, (_, i) => `LOGO-CODE-${i + 1}-ZX81`);
  await pasteText(page, clip.join('\r\n') + '\r\n');
  await expect(page.getByTestId('checked-info')).toHaveCount(0);
  for (const no of two) await expect(page.locator(`[data-testid=order-row][data-order-no="${no}"]`)).toHaveCount(0);

  await setFilled(page, '已填');
  await expect(page.getByTestId('grid-total')).toHaveText(`共 ${stocked.length + 2} 个订单`);
  for (const no of two) {
    const row = page.locator(`[data-testid=order-row][data-order-no="${no}"]`);
    await expect(row.getByTestId('order-item')).toHaveCount(quantityOf(no));
  }

  // 撤销上次填充 empties the auto-filled orders; the pasted ones keep their content.
  await page.getByTestId('fill-undo').click();
  await page.getByTestId('fill-undo-ok').click();
  await expect(page.getByTestId('grid-total')).toHaveText('共 2 个订单');
  expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-order-no') ?? ''))).sort()).toEqual([...two].sort());
  await screenshot(page, testInfo, 'fill-after-undo');
  await setFilled(page, '全部内容');
  await page.getByTestId('search').fill(stocked[0].orderNo);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-order-no', stocked[0].orderNo);
  await expect(rows.first().getByTestId('order-item')).toHaveCount(0);
});
