/**
 * evidence.import: a folder's files matched to orders by the order number or the recharge number
 * in the name (whole runs of digits only), else in the image's metadata; two orders named, or a
 * recharge number shared by several orders, is ambiguous (the candidates listed); nothing named
 * is NO_ORDER. Matched files are added (source 'folder'), the others not stored.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importEvidence } from '../../main/core/services/evidence/add';
import { listEvidence } from '../../main/core/services/evidence/list';
import { damaged, evidenceOrders, jpeg, png, screenshotNames, xmpPacket } from '../fixtures/evidence';
import { useTempDirs } from '../helpers/data-dir';
import { deliveredShop } from '../helpers/delivered-shop';

const tempDir = useTempDirs();

function shop() {
  const dir = tempDir();
  const o = evidenceOrders();
  const s = deliveredShop(dir, { table: o.table });
  const orderNos = o.table.expected.map((e) => e.orderNo);
  const run = (files: { name: string; bytes: Uint8Array }[]) => importEvidence(s.db, dir, { shopId: s.shopId, files });
  return { dir, ...s, ...o, orderNos, run };
}

const storedCount = (dir: string) => { try { return readdirSync(join(dir, 'evidence'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length; } catch { return 0; } };

describe('evidence.import: matching by file name', () => {
  it('by the order number, in the names real tools and merchants give', async () => {
    const { run, orderNos, db, shopId } = shop();
    const [a, b] = orderNos as [string, string];
    const r = await run([
      { name: screenshotNames.windows(a), bytes: png({ seed: 1 }) },
      { name: screenshotNames.merchant(b), bytes: jpeg({ seed: 2 }) },
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.matched.map((m) => [m.name, m.orderNo, m.by])).toEqual([[screenshotNames.windows(a), a, 'orderNo'], [screenshotNames.merchant(b), b, 'orderNo']]);
    expect(r.matched[0]!.item).toMatchObject({ source: 'folder', orderNo: a, kind: 'other' });
    expect(r.matched[1]!.item.kind).toBe('official');
    expect(listEvidence(db, shopId, a, false)).toHaveLength(1);
  });

  it('by the recharge number (a whole run of digits, never part of a longer number)', async () => {
    const { run, withRecharge } = shop();
    const { orderNo, rechargeNo } = withRecharge[0]!;
    const r = await run([
      { name: screenshotNames.phone(rechargeNo), bytes: png({ seed: 3 }) },
      { name: `9${rechargeNo}8 充值.png`, bytes: png({ seed: 4 }) },
      { name: `截图_${rechargeNo}_${screenshotNames.wechat()}`, bytes: png({ seed: 5 }) },
    ]);
    expect(r.matched.map((m) => [m.orderNo, m.by])).toEqual([[orderNo, 'rechargeNo'], [orderNo, 'rechargeNo']]);
    expect(r.unmatched).toEqual([{ name: `9${rechargeNo}8 充值.png`, reason: 'NO_ORDER', candidates: [] }]);
  });

  it('both numbers naming the same order match it; naming different orders is ambiguous', async () => {
    const { run, withRecharge } = shop();
    const [x, y] = withRecharge as [{ orderNo: string; rechargeNo: string }, { orderNo: string; rechargeNo: string }];
    const r = await run([
      { name: `${x.orderNo} ${x.rechargeNo} 到账.png`, bytes: png({ seed: 6 }) },
      { name: `${x.orderNo} ${y.rechargeNo} 到账.png`, bytes: png({ seed: 7 }) },
    ]);
    expect(r.matched.map((m) => [m.orderNo, m.by])).toEqual([[x.orderNo, 'orderNo']]);
    expect(r.unmatched).toEqual([{ name: `${x.orderNo} ${y.rechargeNo} 到账.png`, reason: 'AMBIGUOUS', candidates: [x.orderNo, y.orderNo].sort() }]);
  });

  it('two order numbers in one name are ambiguous; no number of the shop is NO_ORDER; neither is stored', async () => {
    const { run, orderNos, dir } = shop();
    const [a, b] = orderNos as [string, string];
    const r = await run([
      { name: `${a}+${b}.png`, bytes: png({ seed: 8 }) },
      { name: screenshotNames.wechat(), bytes: png({ seed: 9 }) },
      { name: '260101-123456789012345 充值成功.png', bytes: png({ seed: 10 }) },
    ]);
    expect(r.matched).toEqual([]);
    expect(r.unmatched).toEqual([
      { name: `${a}+${b}.png`, reason: 'AMBIGUOUS', candidates: [a, b].sort() },
      { name: screenshotNames.wechat(), reason: 'NO_ORDER', candidates: [] },
      { name: '260101-123456789012345 充值成功.png', reason: 'NO_ORDER', candidates: [] },
    ]);
    expect(storedCount(dir)).toBe(0);
  });

  it('a recharge number several orders share is ambiguous, naming them all; with the order number beside it, that order', async () => {
    const { run, shared } = shop();
    const r = await run([
      { name: screenshotNames.phone(shared.rechargeNo), bytes: png({ seed: 11 }) },
      { name: `${shared.orderNos[1]} ${shared.rechargeNo}.png`, bytes: png({ seed: 12 }) },
    ]);
    expect(r.unmatched).toEqual([{ name: screenshotNames.phone(shared.rechargeNo), reason: 'AMBIGUOUS', candidates: [...shared.orderNos].sort() }]);
    expect(r.matched.map((m) => [m.orderNo, m.by])).toEqual([[shared.orderNos[1], 'orderNo']]);
  });
});

describe('evidence.import: matching by metadata', () => {
  it('PNG Comment, PNG XMP dc:description, EXIF ImageDescription, UserComment and XPComment, when the name names nothing', async () => {
    const { run, orderNos, withRecharge } = shop();
    const [a, b, c] = orderNos as [string, string, string];
    const phone = withRecharge[1]!;
    const r = await run([
      { name: screenshotNames.wechat('2026-11-28 10:00:01'), bytes: png({ seed: 13, text: { Comment: `订单 ${a}` } }) },
      { name: screenshotNames.wechat('2026-11-28 10:00:02'), bytes: png({ seed: 14, itxt: { 'XML:com.adobe.xmp': xmpPacket(`充值订单 ${b}`) } }) },
      { name: 'IMG_0001.jpg', bytes: jpeg({ seed: 15, exif: { imageDescription: c } }) },
      { name: 'IMG_0002.jpg', bytes: jpeg({ seed: 16, exif: { userComment: `已充值 ${phone.rechargeNo}` } }) },
      { name: 'IMG_0003.jpg', bytes: jpeg({ seed: 17, exif: { xpComment: `备注：${a}` } }) },
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.matched.map((m) => [m.orderNo, m.by])).toEqual([[a, 'metadata'], [b, 'metadata'], [c, 'metadata'], [phone.orderNo, 'metadata'], [a, 'metadata']]);
  });

  it('the name wins over the metadata; two orders in the metadata are ambiguous', async () => {
    const { run, orderNos } = shop();
    const [a, b] = orderNos as [string, string];
    const r = await run([
      { name: `${a}.png`, bytes: png({ seed: 18, text: { Comment: b } }) },
      { name: 'IMG_0004.jpg', bytes: jpeg({ seed: 19, exif: { imageDescription: `${a} ${b}` } }) },
    ]);
    expect(r.matched.map((m) => [m.orderNo, m.by])).toEqual([[a, 'orderNo']]);
    expect(r.unmatched).toEqual([{ name: 'IMG_0004.jpg', reason: 'AMBIGUOUS', candidates: [a, b].sort() }]);
  });
});

describe('evidence.import: the rest', () => {
  it('refuses what is not an image or PDF, reports files already on their order, and stores a file once', async () => {
    const { run, orderNos, dir } = shop();
    const [a] = orderNos as [string];
    const bytes = png({ seed: 20 });
    const zip = damaged.zipAsPng();
    const first = await run([{ name: `${a}.png`, bytes }, { ...zip, name: `${a}.png` }]);
    expect(first.refused.map((x) => x.code)).toEqual(['EVIDENCE_NOT_ALLOWED']);
    expect(first.matched[0]).toMatchObject({ stored: true, already: false });
    const again = await run([{ name: `${a} 副本.png`, bytes }]);
    expect(again.matched[0]).toMatchObject({ orderNo: a, stored: false, already: true });
    expect(storedCount(dir)).toBe(1);
  });

  it('a kind given applies to every file', async () => {
    const { db, shopId, dir, orderNos } = shop();
    const r = await importEvidence(db, dir, { shopId, files: [{ name: `${orderNos[0]}.png`, bytes: png({ seed: 21 }) }], kind: 'supplier' });
    expect(r.matched[0]!.item.kind).toBe('supplier');
  });
});
