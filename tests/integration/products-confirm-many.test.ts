/**
 * 批量确认建议 (products.confirmMany): the products checked take VShip's suggestion in one call —
 * the same kinds, terms and rule findings as one products.set { acceptSuggestion } each — while a
 * product without a suggestion and one the merchant already confirmed are left as they were and
 * counted apart; a key that names no product refuses the whole call and changes nothing.
 * Through the core as a host calls it (`openCore().dispatch`); orders from the one generator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/handlers';
import type { ConfirmManyResult } from '../../shared/contract/products';
import type { Product, Shop } from '../../shared/domain';
import type { AppErrorData } from '../../shared/errors';
import { generateOrders, toCsv, type OrderTable } from '../fixtures/orders';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  delete process.env.VSHIP_NOW;
});

/** The travel product renamed to a title that names no kind: VShip has no suggestion for it. */
const MYSTERY = 'LY-XH-A';

function orders(): OrderTable {
  const t = generateOrders({ count: 300, seed: 12, statusMix: 'all-shippable' });
  const title = t.headers.indexOf('商品');
  const code = t.headers.indexOf('商家编码-规格维度');
  for (const r of t.rows) if (r[code] === MYSTERY) r[title] = '神秘惊喜盲盒 随机款';
  return t;
}

async function shop(t: OrderTable) {
  process.env.VSHIP_NOW = '2026-06-20T12:00:00+08:00';
  const c = openCore({ dataDir: tempDir(), host: 'cli' });
  open.push(c);
  const call = async <T>(channel: string, req?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }> =>
    (await c.dispatch(channel, req, () => undefined)) as never;
  const ok = async <T>(channel: string, req?: unknown): Promise<T> => {
    const r = await call<T>(channel, req);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const shopId = (await ok<Shop[]>('shops.list'))[0]!.id;
  await ok('import.orders', { shopId, files: [{ name: 'o.csv', bytes: new Uint8Array(toCsv(t)) }] });
  const list = () => ok<Product[]>('products.list', { shopId });
  return { shopId, ok, call, list };
}

/** What a product is once confirmed, as the list and the rules see it. */
const profile = (p: Product) => ({ skuKey: p.skuKey, kind: p.kind, confirmed: p.confirmed, terms: p.terms, findings: p.findings.map((f) => f.rule).sort() });

describe('products.confirmMany', () => {
  it('confirms the checked products as one 确认 each would, and counts the ones it leaves', async () => {
    const t = orders();
    const a = await shop(t);
    const b = await shop(t);
    const before = await a.list();
    const mystery = before.find((p) => p.skuKey === MYSTERY)!;
    expect(mystery.suggestion.kind).toBeNull();
    // The merchant's own word on one product: 激活码, though VShip reads it otherwise.
    const mine = before.find((p) => p.suggestion.kind === 'recharge')!;
    await a.ok('products.set', { shopId: a.shopId, skuKey: mine.skuKey, kind: 'code' });
    await b.ok('products.set', { shopId: b.shopId, skuKey: mine.skuKey, kind: 'code' });

    const suggested = before.filter((p) => p.suggestion.kind !== null && p.skuKey !== mine.skuKey);
    expect(suggested.length).toBeGreaterThanOrEqual(10);
    const checked = [...suggested.map((p) => p.skuKey), MYSTERY, mine.skuKey];

    const r = await a.ok<ConfirmManyResult>('products.confirmMany', { shopId: a.shopId, skuKeys: checked });
    expect(r.confirmed.map((p) => p.skuKey).sort()).toEqual(suggested.map((p) => p.skuKey).sort());
    expect(r.noSuggestion).toEqual([MYSTERY]);
    expect(r.alreadyConfirmed).toEqual([mine.skuKey]);
    for (const p of r.confirmed) {
      const was = suggested.find((s) => s.skuKey === p.skuKey)!;
      expect(p).toMatchObject({ confirmed: true, kind: was.suggestion.kind, terms: was.suggestion.terms });
    }

    // The same as one products.set { acceptSuggestion } per product, findings included.
    for (const p of suggested) await b.ok('products.set', { shopId: b.shopId, skuKey: p.skuKey, acceptSuggestion: true });
    const [afterA, afterB] = [await a.list(), await b.list()];
    expect(afterA.map(profile)).toEqual(afterB.map(profile));
    expect(afterA.find((p) => p.skuKey === mine.skuKey)).toMatchObject({ kind: 'code', confirmed: true });
    expect(afterA.find((p) => p.skuKey === MYSTERY)).toMatchObject({ kind: null, confirmed: false });
  });

  it('refuses a key that names no product, and changes nothing', async () => {
    const a = await shop(orders());
    const before = await a.list();
    const r = await a.call('products.confirmMany', { shopId: a.shopId, skuKeys: [before[0]!.skuKey, 'NO-SUCH-CODE'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('PRODUCT_NOT_FOUND');
    expect((await a.list()).map(profile)).toEqual(before.map(profile));
    expect((await a.list()).every((p) => !p.confirmed)).toBe(true);
  });
});
