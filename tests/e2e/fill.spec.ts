/**
 * Filling orders: the merchant sets a product to 激活码 and stocks it through the UI, runs 自动填充,
 * sees the summary and the masked content in the grid (in full only on 查看), pastes codes copied
 * from Excel over two checked orders of another product, and undoes the last fill.
 */
import { generateOrders, toCsv, type ExpectedOrder } from '../fixtures/orders';
import { maskSecret } from '../../shared/rules/mask';
import { expect, test } from './fixtures';
import { screenshot } from './screenshot';

/** Filled by 自动填充 from stock. */
const STOCKED = 'MS365-FAM-1Y';
/** Set to 激活码 without stock: filled by pasting. */
const PASTED = 'DZ-LOGO-B';

test('auto fill fills the stocked product masked, a paste fills two checked orders, and undo empties the auto-filled ones', async ({ page, importPage, shopsPage, productsPage, stockPage, ordersPage, allocationPage }, testInfo) => {
  const table = generateOrders({ count: 300, seed: 31, optional: true, statusMix: 'all-shippable' });
  const stocked = table.expected.filter((o) => o.skuCode === STOCKED);
  const pasted = table.expected.filter((o) => o.skuCode === PASTED);
  expect(stocked.length).toBeGreaterThanOrEqual(3);
  expect(pasted.length).toBeGreaterThanOrEqual(2);
  const units = stocked.reduce((n, o) => n + o.quantity, 0);
  const codes = Array.from({ length: units + 2 }, (_, i) => `M365-${String(i + 1).padStart(4, '0')}-KQ8-${((i + 1) * 7919 % 46656).toString(36).toUpperCase().padStart(3, '0')}`);

  await importPage.dropFiles([{ name: 'orders.csv', bytes: toCsv(table) }]);
  await expect(importPage.result()).toBeVisible();

  // 商品与卡库: confirm the suggested 激活码 and stock it by dropping a code file.
  await shopsPage.openStock();
  await productsPage.confirmSuggestion(STOCKED);
  await expect(productsPage.kind(STOCKED)).toHaveText('激活码');
  await productsPage.openStock(STOCKED);
  await stockPage.importCodes(codes.join('\n'), 'codes.txt');
  await expect(stockPage.added()).toHaveText(String(codes.length));
  await expect(stockPage.level('available')).toHaveText(String(codes.length));

  // The second product is a 定制 by its title; the merchant sets it to 激活码 in the editor.
  await stockPage.back();
  await productsPage.edit(PASTED);
  await productsPage.chooseKind('激活码/兑换码');
  await productsPage.save();
  await expect(productsPage.editor()).toBeHidden();
  await expect(productsPage.kind(PASTED)).toHaveText('激活码');

  // 自动填充: only the stocked product's orders are filled.
  await shopsPage.openOrders();
  await allocationPage.runFill();
  const summary = allocationPage.summary();
  await expect(summary).toBeVisible();
  await expect(allocationPage.summaryFigure('filled')).toHaveText(String(stocked.length));
  await expect(allocationPage.summaryFigure('items')).toHaveText(String(units));
  await expect(allocationPage.summaryFigure('short')).toContainText('缺货：需要');
  await screenshot(page, testInfo, 'fill-summary');
  await allocationPage.closeSummary();
  await expect(summary).toBeHidden();

  // The grid shows masked content for the filled orders.
  await allocationPage.showFilled('已填');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${stocked.length} 个订单`);
  const rows = ordersPage.rows();
  await expect(rows).toHaveCount(stocked.length);
  const filledNos = await ordersPage.orderNos();
  expect(filledNos.sort()).toEqual(stocked.map((o) => o.orderNo).sort());
  // Each tag is one code masked as shared/rules/mask.ts says (17 characters: the first 2 and the last 2),
  // and no code's middle shows anywhere in the grid.
  const tags = await allocationPage.items().allTextContents();
  expect(tags).toHaveLength(units);
  const masks = new Set(codes.map((c) => `${c.slice(0, 2)}****${c.slice(-2)}`));
  expect(tags.filter((tag) => !masks.has(tag))).toEqual([]);
  const gridText = await ordersPage.grid().innerText();
  for (const c of codes) expect(gridText, c).not.toContain(c.slice(2, -2));

  // 查看 shows the codes of that order in full, the very codes its tags mask.
  const firstTags = await allocationPage.items(rows.first()).allTextContents();
  await allocationPage.reveal(rows.first());
  const revealed = allocationPage.revealedValues();
  await expect(revealed).toHaveCount(firstTags.length);
  const full = (await revealed.allTextContents()).map((v) => v.trim());
  for (const c of full) expect(codes).toContain(c);
  expect(full.map((c) => maskSecret(c)).sort()).toEqual([...firstTags].sort());
  await allocationPage.closeReveal();
  await expect(allocationPage.revealModal()).toBeHidden();

  // Check two unfilled orders of the other product (sorted by product, its LOGO title comes first)
  // and paste one code per unit, as copied from an Excel column.
  await allocationPage.showFilled('未填');
  await ordersPage.sortBy('productName');
  const targets = ordersPage.rowsWithSku(PASTED);
  await expect(targets.first()).toBeVisible();
  const two = (await ordersPage.orderNos(targets)).slice(0, 2);
  expect(two).toHaveLength(2);
  const quantityOf = (no: string) => (pasted.find((o) => o.orderNo === no) as ExpectedOrder).quantity;
  const need = quantityOf(two[0]) + quantityOf(two[1]);
  for (const no of two) await ordersPage.check(no);
  await expect(ordersPage.checkedInfo()).toContainText('已勾选 2 个订单');
  const clip = Array.from({ length: need }, (_, i) => `LOGO-CODE-${i + 1}-ZX81`);
  await allocationPage.pasteColumn(clip);
  await expect(ordersPage.checkedInfo()).toHaveCount(0);
  for (const no of two) await expect(ordersPage.row(no)).toHaveCount(0);

  await allocationPage.showFilled('已填');
  await expect(ordersPage.gridTotal()).toHaveText(`共 ${stocked.length + 2} 个订单`);
  for (const no of two) {
    await expect(allocationPage.items(ordersPage.row(no))).toHaveCount(quantityOf(no));
  }

  // 撤销上次填充 empties the auto-filled orders; the pasted ones keep their content.
  await allocationPage.undoLastFill();
  await expect(ordersPage.gridTotal()).toHaveText('共 2 个订单');
  expect((await ordersPage.orderNos()).sort()).toEqual([...two].sort());
  await screenshot(page, testInfo, 'fill-after-undo');
  await allocationPage.showFilled('全部内容');
  await ordersPage.search(stocked[0].orderNo);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-order-no', stocked[0].orderNo);
  await expect(allocationPage.items(rows.first())).toHaveCount(0);
});
