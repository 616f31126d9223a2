/**
 * Delivery evidence where the merchant keeps it: a screenshot dropped on an order's row shows as a
 * thumbnail in its drawer (the image really loads through the token-protected route) and opens
 * full size; one pasted with Ctrl+V lands on the open order; many dropped at once are matched by
 * the order or recharge number in their names and the unmatched one is assigned by hand; one is
 * removed with a reason and stays behind 显示已移除. The 凭证 screen finds the order, makes its
 * evidence pack (a ZIP whose manifest lists the files, hashes matching), and 数据校验 says all is
 * well, then names the stored file changed on disk. Each test starts on a shop filled and exported
 * once (tests/helpers/delivered-shop.ts), written to the data folder before the host opens it.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { damaged, evidenceOrders, pdf, png, screenshotNames } from '../fixtures/evidence';
import { toCsv, type OrderTable } from '../fixtures/orders';
import { deliveredShop } from '../helpers/delivered-shop';
import { pdfText } from '../helpers/pdf-text';
import { expect, test as base } from './fixtures';
import { EvidencePage, ImportPage, ShopsPage } from './pages';
import { screens } from './screenshot';

/** The shop written into the data folder before the host starts: its exported orders, two topped up to one number, others with their own. */
interface Shop {
  table: OrderTable;
  exported: string[];
  shared: { rechargeNo: string; orderNos: [string, string] };
  withRecharge: { orderNo: string; rechargeNo: string }[];
  /** The codes each exported order was sent (to tell a masked record from a full one). */
  codes: Map<string, string[]>;
}

const shops = new Map<string, Shop>();

const test = base.extend<{ shop: Shop; evidencePage: EvidencePage }>({
  // The data folder holds a delivered shop before the host opens it.
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'vship-e2e-ev-'));
    const { table, shared, withRecharge } = evidenceOrders({ count: 24 });
    const { db, exported } = deliveredShop(dir, { table });
    const codes = new Map<string, string[]>();
    for (const r of db.prepare(`SELECT o.order_no AS no, i.code FROM allocations a JOIN orders o ON o.id = a.order_id JOIN stock_items i ON i.id = a.item_id
      WHERE a.released_at IS NULL ORDER BY a.id`).all() as { no: string; code: string }[]) codes.set(r.no, [...(codes.get(r.no) ?? []), r.code]);
    db.close();
    shops.set(dir, { table, exported, shared, withRecharge, codes });
    await use(dir);
    shops.delete(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },
  shop: async ({ dataDir }, use) => use(shops.get(dataDir)!),
  evidencePage: async ({ page }, use) => use(new EvidencePage(page)),
});

/** Every stored evidence file of the data folder (evidence/<2 hex>/<sha256>.<ext>). */
async function storedFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'evidence');
  const out: string[] = [];
  for (const sub of await readdir(root).catch(() => [] as string[])) {
    for (const f of await readdir(join(root, sub))) out.push(join(root, sub, f));
  }
  return out.sort();
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

test('a screenshot dropped on an order row shows as its thumbnail and opens full size; a pasted one lands on the open order; one is removed with a reason', async ({ page, shop, evidencePage: ev, dataDir }, testInfo) => {
  test.slow(true, 'the delivery records are rendered by a Chromium of their own');
  const orderNo = shop.exported[0];
  const row = page.locator(`[data-testid=order-row][data-order-no="${orderNo}"]`);
  await expect(row).toBeVisible();

  // Dragged over the row: the row lights up and the overlay names the order.
  await ev.dragOverRow(orderNo);
  await expect(row).toHaveClass(/drop-target-over/);
  await expect(ev.dropOverlay()).toContainText(`松开以把凭证添加到订单 ${orderNo}`);
  await screens(page, testInfo, 'evidence-row-drag');

  // Dropped on the row: saved onto that order.
  const shot = { name: '官网充值成功.png', bytes: Buffer.from(png({ seed: 1, width: 640, height: 400 })), mime: 'image/png' };
  await ev.dropOnRow(orderNo, [shot]);
  await expect(page.locator('.ant-message')).toContainText(`已为订单 ${orderNo} 保存 1 个凭证`);

  await ev.openOrder(orderNo);
  await expect(ev.drawer()).toBeVisible();
  await expect(ev.count()).toHaveText('1');
  const card = ev.card(shot.name);
  await expect(card).toBeVisible();
  const img = ev.thumbImage(card);
  await expect(img).toHaveAttribute('src', /\/t\/[^/]+\/evidence\/\d+$/);
  expect(await ev.naturalWidth(img)).toBe(640);
  await expect(card.getByTestId('evidence-kind')).toContainText('官网截图');

  // Ctrl+V of a screenshot onto the open order.
  await ev.paste({ name: 'image.png', bytes: Buffer.from(png({ seed: 2, width: 500, height: 320 })), mime: 'image/png' });
  await expect(ev.count()).toHaveText('2');
  const pasted = ev.section().locator(`[data-testid=evidence-card][data-name^="粘贴截图-${orderNo}-"]`);
  await expect(pasted).toHaveCount(1);
  await expect(pasted).toHaveAttribute('data-name', new RegExp(`^粘贴截图-${orderNo}-\\d{8}-\\d{6}\\.png$`));
  expect(await ev.naturalWidth(ev.thumbImage(pasted))).toBe(500);

  // The same file again is recognised, not stored twice.
  await ev.dropOnDrawer([shot]);
  await expect(page.locator('.ant-message')).toContainText('没有重复保存');
  await expect(ev.count()).toHaveText('2');
  expect(await storedFiles(dataDir)).toHaveLength(2);


  // A PDF (a supplier's receipt) is a card that opens on its own.
  await ev.dropOnDrawer([{ name: '供应商充值凭证.pdf', bytes: Buffer.from(pdf()), mime: 'application/pdf' }]);
  await expect(ev.count()).toHaveText('3');
  await expect(ev.card('供应商充值凭证.pdf').getByTestId('evidence-pdf')).toBeVisible();
  await expect(ev.card('供应商充值凭证.pdf').getByTestId('evidence-kind')).toContainText('供应商凭证');

  await ev.messagesGone();
  await screens(page, testInfo, 'evidence-drawer');

  // Full size on click.
  await img.click();
  await expect(ev.preview()).toBeVisible();
  await screens(page, testInfo, 'evidence-preview');
  await page.keyboard.press('Escape');
  await expect(ev.preview()).toBeHidden();

  // Removed with a reason: out of the list, kept behind 显示已移除.
  await ev.hide(card, '传错订单了');
  await expect(ev.count()).toHaveText('2');
  await expect(ev.card(shot.name)).toHaveCount(0);
  await ev.showHiddenSwitch().click();
  await expect(ev.hiddenCards()).toHaveCount(1);
  await expect(ev.hiddenCards().first()).toContainText('传错订单了');

  // The delivery record VShip makes, as a real PNG and a real PDF.
  const record = await ev.record('png');
  expect(record.name).toMatch(/\.png$/);
  expect(record.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const recordPdf = await ev.record('pdf');
  expect(recordPdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Masked unless the merchant asks for the items in full (完整卡密), which the record then shows.
  const code = shop.codes.get(orderNo)![0];
  expect(pdfText(recordPdf.bytes)).toContain(orderNo);
  expect(pdfText(recordPdf.bytes)).not.toContain(code);
  await ev.section().getByTestId('evidence-mask-full').click();
  const fullPdf = await ev.record('pdf');
  expect(pdfText(fullPdf.bytes)).toContain(code);
});

test('many screenshots dropped at once are matched by the order or recharge number in their names, and the unmatched one is assigned by hand', async ({ page, shop, evidencePage: ev }, testInfo) => {
  const a = shop.exported.find((no) => !shop.shared.orderNos.includes(no) && !shop.withRecharge.some((w) => w.orderNo === no))!;
  const byPhone = shop.withRecharge[0];
  const other = shop.withRecharge[1].orderNo;
  const file = (name: string, bytes: Uint8Array) => ({ name, bytes: Buffer.from(bytes), mime: 'image/png' });
  const refused = damaged.textAsPng();
  const files = [
    file(screenshotNames.windows(a), png({ seed: 11, width: 400, height: 300 })),
    file(screenshotNames.phone(byPhone.rechargeNo), png({ seed: 12, width: 400, height: 300 })),
    file(screenshotNames.wechat(), png({ seed: 13, width: 400, height: 300 })),
    file(screenshotNames.phone(shop.shared.rechargeNo, '到账截图'), png({ seed: 14, width: 400, height: 300 })),
    file(refused.name, refused.bytes),
  ];
  await ev.dropOnWindow(files);
  await expect(ev.importDialog()).toBeVisible();
  await expect(ev.importCount('matched')).toHaveText('2');
  await expect(ev.importCount('unmatched')).toHaveText('2');
  await expect(ev.importCount('refused')).toHaveText('1');
  await expect(ev.matchedRows().filter({ hasText: a })).toContainText('订单号');
  await expect(ev.matchedRows().filter({ hasText: byPhone.orderNo })).toContainText('充值号码');
  await expect(ev.importDialog().getByTestId('evidence-import-refused')).toContainText(refused.name);
  // The number two orders were topped up to: both offered.
  const ambiguous = ev.unmatchedRow(files[3].name);
  await expect(ambiguous).toContainText(shop.shared.orderNos[0]);
  await expect(ambiguous).toContainText(shop.shared.orderNos[1]);
  await screens(page, testInfo, 'evidence-import');

  await ev.assign(files[2].name, other);
  await expect(ev.unmatchedRow(files[2].name).getByTestId('evidence-unmatched-done')).toContainText(other);
  await ev.chooseCandidate(files[3].name, shop.shared.orderNos[1]);
  await expect(ambiguous.getByTestId('evidence-unmatched-done')).toContainText(shop.shared.orderNos[1]);
  await ev.closeImportDialog();

  // Each order's drawer shows its own.
  await ev.openOrder(other);
  await expect(ev.card(files[2].name)).toBeVisible();
  await expect(ev.count()).toHaveText('1');
});

test('the 凭证 screen finds the order, its pack lists the files with matching hashes, and 数据校验 passes, then names a stored file changed on disk', async ({ page, shop, evidencePage: ev, dataDir }, testInfo) => {
  test.slow(true, 'the pack renders its delivery records with a Chromium of its own');
  const orderNo = shop.exported[1];
  const shot = { name: `${orderNo}-发货截图.png`, bytes: Buffer.from(png({ seed: 21, width: 720, height: 480 })), mime: 'image/png' };
  await ev.dropOnRow(orderNo, [shot]);
  await expect(page.locator('.ant-message')).toContainText(`已为订单 ${orderNo} 保存 1 个凭证`);

  await ev.openScreen();
  await expect(ev.screen()).toBeVisible();
  await expect(ev.hit(orderNo)).toBeVisible();
  await ev.search(orderNo);
  await expect(ev.hits()).toHaveCount(1);
  await expect(ev.hit(orderNo).getByTestId('evidence-hit-count')).toHaveText('1');
  await ev.messagesGone();
  await screens(page, testInfo, 'evidence-screen');

  // 查看 opens the order's drawer over the 凭证 screen, its evidence in it.
  await ev.hit(orderNo).getByTestId('evidence-hit-open').click();
  await expect(ev.drawer()).toBeVisible();
  await expect(ev.card(shot.name)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ev.drawer()).toBeHidden();

  const pack = await ev.packFromHit(orderNo);
  expect(pack.name).toMatch(/\.zip$/);
  const zip = unzipSync(new Uint8Array(pack.bytes));
  const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as { files: { path: string; sha256: string }[] };
  const listed = manifest.files.find((f) => f.path.endsWith(shot.name));
  expect(listed, `manifest lists ${shot.name}`).toBeTruthy();
  expect(listed!.sha256).toBe(sha256(shot.bytes));
  for (const f of manifest.files) expect(sha256(zip[f.path]), f.path).toBe(f.sha256);
  expect(Object.keys(zip).some((p) => /说明\.txt$/.test(p))).toBe(true);

  await ev.verify();
  await expect(ev.verifyOk()).toBeVisible();
  await expect(ev.verifyOk()).toContainText('凭证文件 1 个');
  await page.mouse.move(600, 600); // no tooltip over the result
  await ev.messagesGone();
  await screens(page, testInfo, 'evidence-verify-ok');

  // One byte of the stored file changed behind VShip's back.
  const [stored] = await storedFiles(dataDir);
  const bytes = await readFile(stored);
  bytes[bytes.length - 20] ^= 0xff;
  await writeFile(stored, bytes);
  await ev.verify();
  await expect(ev.verifyBad()).toBeVisible();
  await expect(ev.verifyProblems().filter({ hasText: sha256(shot.bytes).slice(0, 12) }).or(ev.verifyProblems().filter({ hasText: shot.name }))).not.toHaveCount(0);
  await expect(page.locator('[data-testid=verify-problems] li[data-code=EVIDENCE_FILE_ALTERED]')).toHaveCount(1);
  await page.mouse.move(600, 600);
  await screens(page, testInfo, 'evidence-verify-bad');
});

test('an order export dropped with 120 screenshots does both: the orders are imported, the screenshots matched in batches of 50', async ({ page, shop, evidencePage: ev }) => {
  const importPage = new ImportPage(page);
  const shots = Array.from({ length: 120 }, (_, i) => {
    const orderNo = shop.exported[i % shop.exported.length];
    return { name: `${orderNo}-截图${i + 1}.png`, bytes: Buffer.from(png({ seed: 100 + i, width: 24, height: 24 })), mime: 'image/png' };
  });
  await ev.dropOnWindow([{ name: '订单导出.csv', bytes: toCsv(shop.table), mime: 'text/csv' }, ...shots]);
  await expect(page.locator('.ant-message')).toContainText('1 个表格作为订单导入，120 个图片/PDF 作为凭证保存');
  await expect(importPage.result()).toBeVisible();
  await expect(ev.importDialog()).toBeVisible();
  await expect(ev.importCount('matched')).toHaveText('120', { timeout: 30_000 });
  await expect(ev.importCount('unmatched')).toHaveText('0');
  await ev.closeImportDialog();

  await ev.openOrder(shop.exported[0]);
  await expect(ev.count()).toHaveText(String(shots.filter((s) => s.name.startsWith(`${shop.exported[0]}-`)).length));
});

test('a long import shows its progress and stops between batches when asked, keeping what was saved', async ({ page, shop, evidencePage: ev }, testInfo) => {
  // Each batch takes a moment (as 50 large screenshots do), so 停止 comes while the first is on its way.
  await page.route('**/api/invoke/evidence.import', async (route) => {
    await new Promise((r) => setTimeout(r, 4000));
    await route.continue();
  });
  const shots = Array.from({ length: 120 }, (_, i) => ({
    name: `${shop.exported[i % shop.exported.length]}-${i + 1}.png`, bytes: Buffer.from(png({ seed: 300 + i, width: 20, height: 20 })), mime: 'image/png',
  }));
  await ev.dropOnWindow(shots);
  const progress = ev.importDialog().getByTestId('evidence-import-progress');
  await expect(progress).toContainText('0 / 120 个文件');
  await ev.importDialog().getByTestId('evidence-import-cancel').click();
  // The first batch is still on its way: what the merchant sees meanwhile.
  await screens(page, testInfo, 'evidence-import-progress');
  await expect(progress).toHaveCount(0, { timeout: 15_000 });
  await expect(ev.importDialog()).toContainText('已停止：处理了 50 / 120 个文件');
  await expect(ev.importCount('matched')).toHaveText('50');
});

test('with the English UI, the evidence section and the 凭证 screen speak English (only the shop\'s own data stays Chinese)', async ({ page, shop, evidencePage: ev }, testInfo) => {
  await page.evaluate("localStorage.setItem('vship.locale', 'en')");
  await new ShopsPage(page).reload();
  const orderNo = shop.exported[2];
  await ev.dropOnRow(orderNo, [{ name: 'receipt.png', bytes: Buffer.from(png({ seed: 41, width: 300, height: 200 })), mime: 'image/png' }]);
  await expect(page.locator('.ant-message')).toContainText(`Saved 1 evidence file(s) to order ${orderNo}`);
  await ev.openOrder(orderNo);
  await expect(ev.card('receipt.png')).toBeVisible();
  expect(await ev.section().innerText()).not.toMatch(/[\u3400-\u9fff]/);
  await ev.messagesGone();
  await screens(page, testInfo, 'evidence-drawer-english');
  await page.keyboard.press('Escape');
  await expect(ev.drawer()).toBeHidden();

  await ev.openScreen();
  await expect(ev.hit(orderNo)).toBeVisible();
  const toolbar = ev.screen().locator('.evidence-toolbar');
  expect(await toolbar.innerText()).not.toMatch(/[\u3400-\u9fff]/);
  expect(await ev.screen().locator('thead').innerText()).not.toMatch(/[\u3400-\u9fff]/);
  await screens(page, testInfo, 'evidence-screen-english');
});
