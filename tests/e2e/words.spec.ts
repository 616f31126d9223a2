/**
 * Issue 12's words, as a merchant on a 1366×768 laptop reads them: a PNG or an empty file dropped
 * as orders is answered with advice that fits (download it again from the seller centre), no raw
 * error code shows in the page, 复制错误信息 copies the code with the place and the version, and
 * 导出发货消息 warns that its file holds 完整卡密.
 */
import type { Page } from '@playwright/test';
import { badFiles, generateOrders, toCsv } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });

const ADVICE = '请在商家后台「订单查询 → 批量导出」重新下载';
/** An error code as the core names it (NOT_SPREADSHEET, EMPTY_FILE…). */
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;

/** Whatever the page copies goes to `window.__copied` (the clipboard itself needs a permission prompt). */
async function catchCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __copied: string[]; navigator: { clipboard: { writeText: (s: string) => Promise<void> } } };
    w.__copied = [];
    w.navigator.clipboard.writeText = async (s: string) => { w.__copied.push(s); };
  });
}
const copied = (page: Page) => page.evaluate(() => (globalThis as unknown as { __copied: string[] }).__copied);

test('a PNG and an empty file dropped as orders are told to be downloaded again, the code only in 复制错误信息', async ({ page, importPage }, testInfo) => {
  const bad = await badFiles();
  await catchCopies(page);

  // A screenshot chosen as the order export, then one renamed .csv and dropped on the window.
  await importPage.chooseFile('订单截图.png', bad.notSpreadsheet.bytes, 'image/png');
  const error = importPage.error();
  await expect(error).toBeVisible();
  await expect(error).toContainText('订单截图.png');
  await expect(error).toContainText('文件不是表格');
  await expect(page.getByTestId('import-error-advice')).toHaveText(ADVICE);
  await expect(page.getByTestId('import-error-advice')).toBeInViewport();
  expect(await page.locator('body').innerText()).not.toMatch(RAW_CODE);

  await importPage.dropFiles([bad.notSpreadsheet]);
  await expect(error).toContainText(bad.notSpreadsheet.name);
  await expect(page.getByTestId('import-error-advice')).toHaveText(ADVICE);
  await screens(page, testInfo, 'words-png-as-orders');

  // 复制错误信息: the code, the message, the file and the version go to the clipboard; 已复制 says so.
  const copy = page.getByTestId('copy-error');
  await expect(copy).toHaveText('复制错误信息');
  await expect(copy).toBeInViewport();
  await copy.click();
  await expect(page.getByTestId('copy-error-state')).toHaveText('已复制');
  const [report] = await copied(page);
  expect(report.split('\n')).toEqual([
    `错误信息：文件「${bad.notSpreadsheet.name}」：文件不是表格：无法按 CSV 或 Excel 读取`,
    '错误代码：NOT_SPREADSHEET',
    `文件：${bad.notSpreadsheet.name}`,
    expect.stringMatching(/^版本：VShip \d+\.\d+\.\d+/),
  ]);
  expect(await page.locator('body').innerText()).not.toMatch(RAW_CODE);

  // An empty file: the same advice.
  await importPage.dropFiles([bad.empty]);
  await expect(error).toContainText(bad.empty.name);
  await expect(error).toContainText('文件是空的');
  await expect(page.getByTestId('import-error-advice')).toHaveText(ADVICE);
  expect(await page.locator('body').innerText()).not.toMatch(RAW_CODE);
  await screens(page, testInfo, 'words-empty-file');
});

test('a broken row keeps its file, row and column in sight, with advice and the code only in the copy', async ({ page, importPage }) => {
  const bad = await badFiles();
  await catchCopies(page);
  await importPage.dropFiles([bad.shortRow]);
  const error = importPage.error();
  await expect(error).toContainText(bad.shortRow.name);
  await expect(error).toContainText('第 3 行');
  await expect(error).toContainText('售后状态');
  await expect(page.getByTestId('import-error-advice')).toContainText('请勿手工修改导出文件');
  expect(await error.innerText()).not.toMatch(RAW_CODE);
  await page.getByTestId('copy-error').click();
  await expect(page.getByTestId('copy-error-state')).toHaveText('已复制');
  const [report] = await copied(page);
  expect(report).toContain('错误代码：ROW_TOO_SHORT');
  expect(report).toContain('行：第 3 行');
  expect(report).toContain('列：售后状态');
});

test('导出发货消息 says its file holds the full card secrets before it is written', async ({ page, importPage }, testInfo) => {
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(generateOrders({ count: 30, seed: 12 })) }]);
  await expect(importPage.result()).toBeVisible();
  let exported = false;
  await page.route('**/api/invoke/messages.export', (route) => { exported = true; return route.continue(); });

  await page.getByTestId('export-messages').click();
  const confirm = page.getByTestId('export-messages-confirm');
  await expect(confirm).toBeVisible();
  await expect(page.getByTestId('export-messages-notice')).toHaveText('文件中含完整卡密，请妥善保管，勿发给他人。');
  await expect(page.getByTestId('export-messages-notice')).toBeInViewport();
  await screens(page, testInfo, 'words-messages-export');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  expect(exported).toBe(false);

  await page.getByTestId('export-messages').click();
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await expect(page.getByText('还没有已填写的订单')).toBeVisible();
  expect(exported).toBe(true);
});
