/**
 * Rule findings where the merchant works: a product set to 限江苏 blocks the order from another
 * province (badge on its grid row, the rule filter, the drawer's 规则检查 with how to fix it), the
 * block is lifted with a written reason (放行) and the override withdrawn; an account rental over
 * the limit is flagged on 商品与卡库 until it is marked fully bindable; and a message template that
 * points buyers elsewhere is highlighted live in the editor and cannot be saved. Orders come from
 * the one fixture generator; the rule words from the core's catalogue.
 */
import { RULES } from '../../shared/rules/platform/catalogue';
import { fillParams } from '../../shared/errors';
import { generateOrders, toCsv } from '../fixtures/orders';
import { expect, test, type DropFile } from './fixtures';
import { screens } from './screenshot';

/** 江苏移动话费充值100元: regional, confirmed with its suggested lock 限江苏. */
const REGIONAL = 'JS-YD-100';
/** Steam 账号出租 30天: an account rental past the 15-day limit. */
const RENTAL = 'STEAM-R30';
/** A product for the template editor. */
const CARD = 'JD-E100';

/** seed 7: one JS-YD-100 order comes from 山东, and STEAM-R30 is ordered. */
function ordersFile(): { file: DropFile; table: ReturnType<typeof generateOrders> } {
  const table = generateOrders({ count: 60, seed: 7, optional: true, statusMix: 'all-shippable' });
  return { table, file: { name: 'orders.csv', bytes: toCsv(table) } };
}

test('a regional product blocks the order from another province: badge, rule filter, the drawer with how to fix, 放行 with a reason and its withdrawal', async ({ page, importPage, shopsPage, productsPage, ordersPage, findingsPage }, testInfo) => {
  const { table, file } = ordersFile();
  const outside = table.expected.filter((o) => o.skuCode === REGIONAL && o.province !== '江苏省');
  const inside = table.expected.filter((o) => o.skuCode === REGIONAL && o.province === '江苏省');
  expect(outside).toHaveLength(1);
  expect(inside.length).toBeGreaterThan(0);
  const [away] = outside;
  // Regional by their titles: 江苏移动话费 (confirmed here) and 广东联通流量 (its suggestion until confirmed).
  const regionOf = (sku: string) => (sku.startsWith('JS-YD') ? '江苏省' : sku.startsWith('GD-LT') ? '广东省' : null);
  const locked = table.expected.filter((o) => regionOf(o.skuCode) !== null && o.province !== regionOf(o.skuCode)).map((o) => o.orderNo);

  await importPage.dropFiles([file]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await expect(productsPage.suggestion(REGIONAL)).toBeVisible();
  await productsPage.confirmSuggestion(REGIONAL);
  await expect(productsPage.kind(REGIONAL)).toBeVisible();

  // The grid: the order from 山东 is blocked, the ones from 江苏 are not blocked by the region lock.
  await shopsPage.openOrders();
  await ordersPage.search(away.orderNo);
  await expect(ordersPage.rows()).toHaveCount(1);
  await expect(findingsPage.orderBadge(away.orderNo)).toHaveAttribute('data-tone', 'block');
  await expect(findingsPage.orderBadge(away.orderNo)).toHaveText(/^拦截 \d+$/);
  await expect(findingsPage.orderRulesCell(away.orderNo)).toHaveAttribute('title', /山东/);
  await ordersPage.search('');

  // The rule filter: 区域性商品只卖给该地区用户 shows the regional goods ordered from elsewhere.
  await findingsPage.filterByRule(RULES.REGION_LOCK.title);
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${locked.length} 个订单`);
  await expect(ordersPage.rows()).toHaveCount(locked.length);
  expect((await ordersPage.orderNos()).sort()).toEqual([...locked].sort());
  await screens(page, testInfo, 'rules-grid-badges');
  await findingsPage.filterByRule('全部规则');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${table.expected.length} 个订单`);

  // 有拦截: the blocked orders only (the unconfirmed products' orders are blocked too).
  await findingsPage.toggleBlocked();
  await expect(findingsPage.blockedToggle()).toHaveAttribute('aria-pressed', 'true');
  await expect(ordersPage.gridTotal()).not.toHaveText(`共 ${table.expected.length} 个订单`);
  for (const o of inside) await expect(ordersPage.row(o.orderNo)).toHaveCount(0);
  await findingsPage.toggleBlocked();
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${table.expected.length} 个订单`);

  // The drawer: the finding, its rule and clause, and how to fix it.
  await ordersPage.search(away.orderNo);
  await ordersPage.row(away.orderNo).click();
  const drawer = page.getByTestId('order-drawer');
  const lock = findingsPage.finding('REGION_LOCK', drawer);
  await expect(lock).toBeVisible();
  await expect(lock).toHaveAttribute('data-state', 'active');
  await expect(lock.getByTestId('finding-label')).toContainText('山东');
  await expect(lock.getByTestId('finding-title')).toHaveText(RULES.REGION_LOCK.title);
  await expect(lock.getByTestId('finding-clause')).toHaveText(`平台规则 ${RULES.REGION_LOCK.clause}`);
  await expect(lock.getByTestId('finding-fix')).toContainText(RULES.REGION_LOCK.fix);
  // Blocks come first.
  await expect(findingsPage.findings(drawer).first()).toHaveAttribute('data-severity', 'block');
  await screens(page, testInfo, 'rules-drawer-findings');

  // 放行 needs a reason of at least two characters; the dialog says it goes into the ledger.
  await lock.getByTestId('finding-override-open').click();
  const modal = findingsPage.overrideModal();
  await expect(modal).toBeVisible();
  await expect(modal).toContainText('台账');
  await expect(page.getByTestId('override-ok')).toBeDisabled();
  await modal.getByTestId('override-reason').fill('好');
  await expect(page.getByTestId('override-ok')).toBeDisabled();
  const reason = '买家来电确认号码已携号转网，实际在江苏使用';
  await modal.getByTestId('override-reason').fill(reason);
  await expect(page.getByTestId('override-ok')).toBeEnabled();
  await screens(page, testInfo, 'rules-override-modal');
  await page.getByTestId('override-ok').click();
  await expect(modal).toBeHidden();

  // Lifted: shown with its reason, who and when, in the drawer; the grid badge says 已放行 when nothing else blocks.
  await expect(lock).toHaveAttribute('data-state', 'overridden');
  await expect(lock.getByTestId('finding-override-reason')).toHaveText(reason);
  await expect(lock.getByTestId('finding-override-by')).toContainText('仅此订单放行');
  await expect(lock.getByTestId('finding-override-by')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(findingsPage.orderBadge(away.orderNo)).toHaveAttribute('data-tone', 'overridden');
  await expect(findingsPage.orderBadge(away.orderNo)).toHaveText('已放行');

  // 撤回放行: the block is back.
  await findingsPage.withdraw(lock);
  await expect(lock).toHaveAttribute('data-state', 'active');
  await expect(lock.getByTestId('finding-override-reason')).toHaveCount(0);
  await expect(findingsPage.orderBadge(away.orderNo)).toHaveAttribute('data-tone', 'block');
});

test('an account rental over 15 days is flagged on 商品与卡库, on its orders (放行 for the whole product) and in its editor until it is marked fully bindable', async ({ page, importPage, shopsPage, productsPage, ordersPage, findingsPage }) => {
  const { file, table } = ordersFile();
  const rentalOrder = table.expected.find((o) => o.skuCode === RENTAL);
  expect(rentalOrder).toBeDefined();
  await importPage.dropFiles([file]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();

  await productsPage.edit(RENTAL);
  await productsPage.chooseKind('账号租赁');
  await productsPage.editor().getByTestId('rental-days').fill('30');
  await productsPage.save();
  await expect(productsPage.editor()).toBeHidden();
  await expect(findingsPage.productBadge(RENTAL)).toHaveAttribute('data-tone', 'block');

  // Its orders carry the product's finding; 放行 there may lift it for the whole product.
  await shopsPage.openOrders();
  await ordersPage.search(rentalOrder!.orderNo);
  await ordersPage.row(rentalOrder!.orderNo).click();
  const drawer = page.getByTestId('order-drawer');
  const onOrder = findingsPage.finding('RENTAL_MAX_DAYS', drawer);
  await expect(onOrder).toHaveAttribute('data-origin', 'product');
  await expect(onOrder.getByTestId('finding-origin')).toHaveText('商品规则');
  await findingsPage.override(onOrder, '平台已确认此商品可以整租一个月', '整个商品');
  await expect(onOrder).toHaveAttribute('data-state', 'overridden');
  await expect(onOrder.getByTestId('finding-override-by')).toContainText('整个商品放行');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await shopsPage.openStock();
  await expect(findingsPage.productBadge(RENTAL)).toHaveAttribute('data-tone', 'overridden');
  // Withdrawn on the product's editor: blocked again.
  await productsPage.edit(RENTAL);
  const lifted = findingsPage.finding('RENTAL_MAX_DAYS', productsPage.editor());
  await findingsPage.withdraw(lifted);
  await expect(lifted).toHaveAttribute('data-state', 'active');
  await expect(findingsPage.productBadge(RENTAL)).toHaveAttribute('data-tone', 'block');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(productsPage.editor()).toBeHidden();

  // The editor lists the product's finding, with the fix filled with the current limit.
  await productsPage.edit(RENTAL);
  const editor = productsPage.editor();
  const rental = findingsPage.finding('RENTAL_MAX_DAYS', editor);
  await expect(rental).toBeVisible();
  await expect(rental.getByTestId('finding-label')).toHaveText(fillParams(RULES.RENTAL_MAX_DAYS.messages.default, { days: 30, max: 15 }));
  await expect(rental.getByTestId('finding-fix')).toContainText(fillParams(RULES.RENTAL_MAX_DAYS.fix, { maxDays: 15 }));
  await expect(rental.getByTestId('finding-override-open')).toBeVisible();

  // 可完全绑定 lifts the limit: no finding left once saved.
  await editor.getByTestId('fully-bindable').check();
  await productsPage.save();
  await expect(editor).toBeHidden();
  await expect(findingsPage.productBadge(RENTAL)).toHaveCount(0);
  await expect(page.locator(`[data-testid=product-row][data-sku-key="${RENTAL}"]`)).toContainText('可完全绑定');
});

test('a message template pointing buyers elsewhere is highlighted as it is typed and cannot be saved', async ({ page, importPage, shopsPage, productsPage, findingsPage }, testInfo) => {
  const { file } = ordersFile();
  await importPage.dropFiles([file]);
  await expect(importPage.result()).toBeVisible();
  await shopsPage.openStock();
  await productsPage.edit(CARD);
  await productsPage.chooseKind('卡密（卡号+密码）');

  await findingsPage.templateText().fill('卡号：{卡号} 密码：{密码}\n加微信 abc12345 领红包');
  const check = findingsPage.templateCheck();
  await expect(check).toBeVisible();
  await expect(check).toHaveAttribute('data-severity', 'block');
  await expect(check).toContainText('发货消息疑似导流');
  await expect(findingsPage.templateMarks().first()).toHaveAttribute('data-severity', 'block');
  // The command and the id after it are one marked stretch: 加微信 abc12345.
  expect(await findingsPage.templateMarks().allTextContents()).toEqual(['加微信 abc12345']);
  await expect(productsPage.editor().getByTestId('product-save')).toBeDisabled();
  await findingsPage.templateText().focus();
  await screens(page, testInfo, 'rules-template-editor');

  // Without the diversion the template is clean and can be saved.
  await findingsPage.templateText().fill('卡号：{卡号} 密码：{密码}\n请在有效期内使用，祝您购物愉快');
  await expect(check).toHaveCount(0);
  await expect(productsPage.editor().getByTestId('product-save')).toBeEnabled();
  await productsPage.save();
  await expect(productsPage.editor()).toBeHidden();
});
