/**
 * 商品与卡库 on a 1366×768 laptop (issue 12): after an import the merchant confirms one product's
 * suggestion and the rows stay where they were (the confirmed row tinted and tagged 已确认), so
 * the next click lands on the product under the cursor; checks the unconfirmed products and
 * confirms them at once with one summary (never a stack of toasts over the list); the list says
 * 商家编码, never 商品键, and each suggestion's reason is written beside it. Orders come from the
 * one fixture generator; one product is renamed to a title that names no kind.
 */
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screens } from './screenshot';

test.use({ viewport: { width: 1366, height: 768 } });

/** 肯德基 储值卡 50元: stored value, short of stock — confirmed, it would sort to the top. */
const CONFIRMED = 'KFC-50';
/** 江苏移动话费充值100元: a top-up read from 话费, region-locked to 江苏. */
const TOPUP = 'JS-YD-100';
/** Renamed to a title that names no kind: VShip has no suggestion for it. */
const MYSTERY = 'LY-XH-A';

function orders(): OrderTable {
  const t = generateOrders({ count: 400, seed: 12, optional: true, statusMix: 'all-shippable' });
  const title = t.headers.indexOf('商品');
  const code = t.headers.indexOf('商家编码-规格维度');
  for (const r of t.rows) if (r[code] === MYSTERY) r[title] = '神秘惊喜盲盒 随机款';
  return t;
}

test('confirming keeps the row order, batch confirm says one summary, and the list speaks 商家编码 with each reason beside its suggestion', async ({ page, importPage, shopsPage, productsPage }, testInfo) => {
  // Two saves and a dozen list reloads: room for a slow, shared machine (nothing here is timed).
  test.setTimeout(180_000);
  const table = orders();
  const skus = new Set(table.expected.flatMap((o) => o.items.map((i) => i.skuCode)));
  expect(skus.has(CONFIRMED) && skus.has(TOPUP) && skus.has(MYSTERY)).toBe(true);

  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await expect(productsPage.rows()).toHaveCount(skus.size);

  // 商家编码, not 商品键; the code as the merchant wrote it.
  await expect(productsPage.headers().filter({ hasText: '商家编码' })).toHaveCount(1);
  await expect(page.getByTestId('products-screen')).not.toContainText('商品键');
  await expect(productsPage.skuCode(TOPUP)).toHaveText(TOPUP);

  // Why each suggestion says what it says, written in the row (not only in a tooltip).
  await expect(productsPage.suggestionWhy(TOPUP)).toBeVisible();
  await expect(productsPage.suggestionWhy(TOPUP)).toHaveText('含「话费」：直充；地区限定：江苏');
  await expect(productsPage.suggestionWhy(CONFIRMED)).toContainText('含「储值」：储值卡');

  // One 确认: no row moves, the confirmed one is tinted and tagged.
  const before = await productsPage.rowKeys();
  expect(before.indexOf(CONFIRMED)).toBeGreaterThan(0);
  await productsPage.confirmSuggestion(CONFIRMED);
  await expect(productsPage.status()).toBeVisible({ timeout: 30_000 });
  await expect(productsPage.kind(CONFIRMED)).toHaveText('储值卡/券', { timeout: 30_000 });
  await expect(productsPage.changedTag(CONFIRMED)).toHaveText('已确认');
  await expect(productsPage.status()).toHaveText('已确认「肯德基 储值卡 50元 电子卡 全国通用」为储值卡/券');
  await expect(productsPage.changedRows()).toHaveCount(1);
  expect(await productsPage.rowKeys()).toEqual(before);
  await expect(productsPage.row(CONFIRMED)).toBeInViewport();
  // A second 确认 right after: still in place, and its toast replaces the first instead of stacking.
  await productsPage.confirmSuggestion(TOPUP);
  await expect(productsPage.changedTag(TOPUP)).toHaveText('已确认', { timeout: 30_000 });
  expect((await productsPage.toastBottomsAndHeaderTop()).toasts.length).toBeLessThanOrEqual(1);
  expect(await productsPage.rowKeys()).toEqual(before);
  await screens(page, testInfo, 'products-after-confirm');

  // 未确认, every box checked, 批量确认建议: one summary, the one without a suggestion counted apart.
  await productsPage.view('未确认');
  const unconfirmed = await productsPage.rowKeys();
  expect(unconfirmed).not.toContain(CONFIRMED);
  expect(unconfirmed).not.toContain(TOPUP);
  expect(unconfirmed).toContain(MYSTERY);
  await productsPage.checkAll();
  await expect(productsPage.batchConfirmButton()).toHaveText(`批量确认建议（${unconfirmed.length}）`);
  await productsPage.batchConfirmButton().click();
  const summary = `已确认 ${unconfirmed.length - 1} 个商品，1 个无建议未确认`;
  await expect(productsPage.status()).toHaveText(summary, { timeout: 30_000 });
  // One toast at most, and above the list: the column headers stay readable.
  const { toasts, header } = await productsPage.toastBottomsAndHeaderTop();
  expect(toasts.length).toBeLessThanOrEqual(1);
  for (const bottom of toasts) expect(bottom).toBeLessThanOrEqual(header);
  // The rows stay, each confirmed one tagged; the one without a suggestion still asks to be set.
  expect(await productsPage.rowKeys()).toEqual(unconfirmed);
  await expect(productsPage.changedRows()).toHaveCount(unconfirmed.length - 1);
  await expect(productsPage.row(MYSTERY)).not.toHaveAttribute('data-changed', 'true');
  await expect(productsPage.suggestionWhy(MYSTERY)).toHaveText('标题和规格里没有可判断发货方式的词');
  await screens(page, testInfo, 'products-after-batch-confirm');

  // 刷新 sorts again: the list shows what is still unconfirmed, nothing tinted.
  await productsPage.refresh();
  await expect(productsPage.changedRows()).toHaveCount(0);
  await expect(productsPage.rows()).toHaveCount(1);
  expect(await productsPage.rowKeys()).toEqual([MYSTERY]);
});
