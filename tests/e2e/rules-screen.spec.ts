/**
 * 规则检查: after an import, each rule's counts (a product limited to 江苏 blocks the orders from
 * other provinces once confirmed), 重新检查, a parameter changed in 规则设置 moving the counts and
 * 恢复默认 putting them back; the shop's type (个人 / 企业) lifting the travel block. Orders come
 * from the one fixture generator, paid within the last three days so some are due soon.
 */
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test } from './fixtures';
import { screens, screenshot } from './screenshot';

const JIANGSU = 'JS-YD-100S';
const TRAVEL = 'LY-XH-C';

test('the rules screen counts each rule after an import, checks again, and follows a changed parameter and 恢复默认', async ({ page, importPage, shopsPage, productsPage, rulesPage }, testInfo) => {
  const errors = shopsPage.collectErrors();
  const table = generateOrders({ count: 300, optional: true, now: new Date() });
  const jiangsu = table.expected.filter((o) => o.skuCode === JIANGSU && o.status === '待发货');
  expect(jiangsu.some((o) => o.province !== '江苏省')).toBe(true);
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();

  // Nothing is confirmed yet: every order waits for its product's kind (the rules read the suggestion until then).
  await rulesPage.open();
  await expect(rulesPage.screen()).toBeVisible();
  await expect(rulesPage.rows()).toHaveCount(17);
  await expect(rulesPage.count('NOT_CONFIRMED', 'orders')).not.toHaveText('0');
  await expect(rulesPage.checkedAt()).not.toHaveText('尚未检查');
  await expect(rulesPage.navBadge()).toHaveText(await rulesPage.card('blockedOrders').innerText());
  await expect(rulesPage.row('REGION_LOCK').getByTestId('rule-clause')).toHaveText('平台规则 §8(5)');
  await expect(rulesPage.row('REGION_LOCK').getByTestId('rule-severity')).toHaveText('拦截');
  await expect(rulesPage.row('LATE_SHIPMENT').getByTestId('rule-severity')).toHaveText('提醒');

  // The 江苏 product, confirmed as VShip suggests (直充, 限江苏), blocks its orders from elsewhere.
  await shopsPage.openStock();
  await expect(productsPage.suggestion(JIANGSU)).toContainText('直充');
  await productsPage.confirmSuggestion(JIANGSU);
  await expect(productsPage.kind(JIANGSU)).toHaveText('直充');
  await rulesPage.open();
  await expect(rulesPage.count('REGION_LOCK', 'orders')).not.toHaveText('0');
  const regionLocked = await rulesPage.countOf('REGION_LOCK', 'orders');
  // At least its orders from outside 江苏 (other regional products, read by their suggestion, add theirs).
  expect(regionLocked).toBeGreaterThanOrEqual(jiangsu.filter((o) => o.shippable && o.province !== '江苏省').length);
  expect(regionLocked).toBeGreaterThan(0);

  // Its row says why and how to fix, with the clause; the fix's days are the current parameter's.
  const detail = await rulesPage.expand('RENTAL_MAX_DAYS');
  await expect(detail).toContainText('不能完全绑定的账号');
  await expect(detail.getByTestId('rule-fix')).toContainText('把租期改为 15 天以内');
  await expect(detail).not.toContainText('{');

  // 重新检查 checks again and says so.
  const before = await rulesPage.checkedAt().innerText();
  await page.waitForTimeout(1100);
  await rulesPage.recheck();
  await expect(page.locator('.ant-message')).toContainText('检查完成');
  await expect(rulesPage.checkedAt()).not.toHaveText(before);
  await expect(rulesPage.count('REGION_LOCK', 'orders')).toHaveText(String(regionLocked));
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screens(page, testInfo, 'rules-screen');

  // 规则设置: warning 240 hours ahead instead of 6 catches more orders.
  const late = await rulesPage.countOf('LATE_SHIPMENT', 'orders');
  await rulesPage.openSettings();
  await expect(rulesPage.settingsOf('LATE_SHIPMENT')).toContainText('默认：6 小时');
  await expect(rulesPage.settingsOf('RENTAL_MAX_DAYS')).toContainText('最长租期天默认：15 天');
  await expect(rulesPage.paramInput('RENTAL_MAX_DAYS', 'maxDays')).toHaveValue('15');
  await screens(page, testInfo, 'rules-settings');
  await rulesPage.setNumber('LATE_SHIPMENT', 'dueWithinHours', 240);
  await expect(page.locator('.ant-message')).toContainText('已保存「按时发货」');
  await expect(rulesPage.settingsOf('LATE_SHIPMENT').getByTestId('rule-changed')).toBeVisible();
  await rulesPage.closeSettings();
  await expect(rulesPage.row('LATE_SHIPMENT').getByTestId('rule-changed')).toBeVisible();
  await expect.poll(() => rulesPage.countOf('LATE_SHIPMENT', 'orders')).toBeGreaterThan(late);

  // A changed day limit shows in the fix; 恢复默认 of that rule puts it back.
  await rulesPage.openSettings();
  await rulesPage.setNumber('RENTAL_MAX_DAYS', 'maxDays', 7);
  await rulesPage.closeSettings();
  const rental = await rulesPage.expand('RENTAL_MAX_DAYS');
  await expect(rental.getByTestId('rule-fix')).toContainText('把租期改为 7 天以内');
  await rulesPage.openSettings();
  await rulesPage.reset('RENTAL_MAX_DAYS');
  await expect(rulesPage.settingsOf('RENTAL_MAX_DAYS').getByTestId('rule-changed')).toHaveCount(0);
  await expect(rulesPage.paramInput('RENTAL_MAX_DAYS', 'maxDays')).toHaveValue('15');

  // 全部恢复默认 restores the rest: the count is back to what it was.
  await expect(rulesPage.settingsOf('LATE_SHIPMENT').getByTestId('rule-changed')).toBeVisible();
  await rulesPage.resetAll();
  await expect(page.locator('.ant-message')).toContainText('所有规则已恢复默认');
  await expect(rulesPage.settingsOf('LATE_SHIPMENT').getByTestId('rule-changed')).toHaveCount(0);
  await expect(rulesPage.paramInput('LATE_SHIPMENT', 'dueWithinHours')).toHaveValue('6');
  await rulesPage.closeSettings();
  await expect(rulesPage.row('LATE_SHIPMENT').getByTestId('rule-changed')).toHaveCount(0);
  await expect.poll(() => rulesPage.countOf('LATE_SHIPMENT', 'orders')).toBe(late);

  // An order count opens the orders screen; a product count the products screen.
  await rulesPage.count('REGION_LOCK', 'orders').click();
  await expect(page.getByTestId('orders-screen')).toBeVisible();
  await expect(rulesPage.screen()).toBeHidden();
  await rulesPage.open();
  await rulesPage.count('NOT_CONFIRMED', 'orders').waitFor();
  const productRule = page.locator('[data-testid=rule-row] button[data-testid=rule-products]').first();
  await productRule.click();
  await expect(page.getByTestId('products-screen')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the shop type: travel goods are blocked in a 个人 shop until it becomes 企业, and a new shop is created with its type', async ({ page, importPage, shopsPage, productsPage, rulesPage }, testInfo) => {
  const table = generateOrders({ count: 300, optional: true, now: new Date() });
  expect(table.expected.some((o) => o.skuCode === TRAVEL && o.status === '待发货')).toBe(true);
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  await expect(rulesPage.shopType()).toHaveText('个人');

  // The ferry tickets, set as travel goods by hand (VShip suggests nothing for them).
  await shopsPage.openStock();
  await productsPage.edit(TRAVEL);
  await productsPage.chooseKind('旅游出行');
  await productsPage.save();
  await expect(productsPage.kind(TRAVEL)).toHaveText('旅游出行');

  await rulesPage.open();
  await expect(rulesPage.count('TRAVEL_ENTERPRISE_ONLY', 'products')).toHaveText('1');
  await expect(rulesPage.count('TRAVEL_ENTERPRISE_ONLY', 'orders')).not.toHaveText('0');
  const fix = await rulesPage.expand('TRAVEL_ENTERPRISE_ONLY');
  await expect(fix).toContainText('旅游类商品现仅接受企业店铺经营');

  // The shop becomes 企业 (after a confirmation saying why): the block is gone.
  await page.getByTestId('shop-select').click();
  await expect(page.getByTestId('shop-type-change')).toContainText('店铺类型：个人');
  await expect(page.getByTestId('shop-type-change')).toContainText('改为企业');
  await screenshot(page, testInfo, 'shop-type-menu');
  await page.getByTestId('shop-type-change').click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('旅游类商品只允许企业店铺经营');
  await page.getByTestId('shop-type-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('已改为企业店铺');
  await expect(rulesPage.shopType()).toHaveText('企业');
  await expect(rulesPage.count('TRAVEL_ENTERPRISE_ONLY', 'products')).toHaveText('0');
  await expect(rulesPage.count('TRAVEL_ENTERPRISE_ONLY', 'orders')).toHaveText('0');

  // And back to 个人: blocked again.
  await rulesPage.changeShopType();
  await expect(rulesPage.shopType()).toHaveText('个人');
  await expect(rulesPage.count('TRAVEL_ENTERPRISE_ONLY', 'products')).toHaveText('1');

  // A new shop, created as 企业: current at once, with its tag; nothing to check yet.
  await rulesPage.createShop('星河旅行专营店', 'enterprise');
  await expect(page.locator('.ant-message')).toContainText('已创建店铺「星河旅行专营店」');
  await expect(page.getByTestId('shop-select')).toContainText('星河旅行专营店');
  await expect(rulesPage.shopType()).toHaveText('企业');
  await rulesPage.open();
  await expect(page.getByTestId('rules-no-orders')).toBeVisible();
  await expect(rulesPage.card('blockedOrders')).toHaveText('0');
  await expect(rulesPage.navBadge()).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screens(page, testInfo, 'rules-screen-new-shop');
});

test('the window checks again by itself when the last check is a quarter of an hour old, and the grid reloads', async ({ page, importPage }) => {
  const table = generateOrders({ count: 40, optional: true, now: new Date() });
  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();
  // The page's clock, not the core's: the window thinks 16 minutes have passed since the import's check.
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('count-total')).toHaveText(String(table.expected.length));
  const checks: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/invoke/rules.check')) checks.push(r.url()); });
  await page.clock.fastForward('10:00');
  await page.waitForTimeout(300);
  expect(checks).toEqual([]);
  const reloaded = page.waitForRequest((r) => r.url().includes('/api/invoke/orders.list'));
  await page.clock.fastForward('06:30');
  await expect.poll(() => checks.length).toBe(1);
  await reloaded;
});
