/**
 * Errors are shown from the UI's catalogue by their code: with the English UI, a broken file's
 * error reads in English (place, text) and shows no Chinese beyond what the merchant's file holds.
 */
import { badFiles } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screenshot } from './screenshot';

test('with the English UI, a broken row is explained in English with its file, row and column', async ({ page, importPage, shopsPage }, testInfo) => {
  await page.evaluate("localStorage.setItem('vship.locale', 'en')");
  await shopsPage.reload();
  const bad = await badFiles();

  await importPage.dropFiles([bad.rowTooLong]);
  const error = importPage.error();
  await expect(error).toBeVisible();
  await expect(error).toContainText(bad.rowTooLong.name);
  await expect(error).toContainText('row 3');
  await expect(error).toContainText('more cells than the header');
  expect(await error.innerText()).not.toMatch(/[\u3400-\u9fff]/);

  await screenshot(page, testInfo, 'import-error-english');
});
