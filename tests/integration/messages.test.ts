import { describe, expect, it } from 'vitest';
import { fill } from '../../main/core/services/allocation';
import { exportMessages, orderMessages, messagesCsv } from '../../main/core/services/messages';
import { addOverride, changeRuleParams } from '../../main/core/services/rules';
import { AppError } from '../../shared/errors';
import { DEFAULT_PLATFORMS } from '../../shared/rules/platform/diversion';
import { listProducts, setProduct } from '../../main/core/services/products';
import { renderMessage } from '../../shared/rules/message';
import { generateOrders, type OrderTable } from '../fixtures/orders';
import { codeShop } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';

const tempDir = useTempDirs();
/** A shop whose products are all code products; `stock` codes per product (by sku key order). */
const shop = (t: OrderTable, stockPer: (skuKey: string, waitingUnits: number) => number) => codeShop(tempDir(), t, stockPer);

describe('delivery messages', () => {
  it('renders the template per item with every variable', () => {
    const msg = renderMessage('订单{订单号} {商品}/{规格}×{数量}：{卡号} {密码} 至{有效期至} 充{充值号码} {未知}', { orderNo: '260607-400000294410900', productName: '京东E卡', spec: '100元', quantity: 2, rechargeNo: '13800000000' }, [
      { cardNo: 'C1', password: 'P1', code: '', login: '', rentalUntil: null, expiresAt: '2026-07-01T23:59:59+08:00' },
      { cardNo: 'C2', password: 'P2', code: '', login: '', rentalUntil: null, expiresAt: null },
    ]);
    expect(msg).toBe('订单260607-400000294410900 京东E卡/100元×2：C1 P1 至2026-07-01 23:59 充13800000000 {未知}\n订单260607-400000294410900 京东E卡/100元×2：C2 P2 至长期有效 充13800000000 {未知}');
  });

  it('writes every filled order’s message, the order number as text, and records the reveal', () => {
    const t = generateOrders({ count: 50, seed: 79, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, (_k, w) => w);
    for (const p of listProducts(db, shopId)) setProduct(db, shopId, p.skuKey, { terms: { messageTemplate: '{订单号}:{激活码}' } });
    fill(db, shopId, { cooldownHours: 2 });
    const m = orderMessages(db, shopId);
    expect(m.length).toBe(t.expected.filter((e) => e.shippable).length);
    // Every message: one line per item of its order, the template filled with that order's number and code.
    const codesOf = db.prepare(`SELECT i.code FROM allocations a JOIN orders o ON o.id = a.order_id JOIN stock_items i ON i.id = a.item_id
      WHERE o.order_no = ? AND a.released_at IS NULL ORDER BY a.id`).pluck();
    for (const x of m) {
      const codes = codesOf.all(x.orderNo) as string[];
      expect(codes.length, x.orderNo).toBe(t.expected.find((e) => e.orderNo === x.orderNo)!.quantity);
      expect(x.message, x.orderNo).toBe(codes.map((c) => `${x.orderNo}:${c}`).join('\n'));
    }
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(messagesCsv(m));
    expect(csv.startsWith('\uFEFF订单号,发货内容\r\n')).toBe(true);
    for (const x of m) expect(csv, x.orderNo).toContain(`"${x.orderNo}","${x.message.replace(/"/g, '""')}"`);
    expect(db.prepare("SELECT count(*) FROM ledger WHERE event = 'reveal'").pluck().get()).toBe(1);
  });

  it('writes a message whose template begins with =, +, - or @ as text, never a formula', () => {
    const t = generateOrders({ count: 12, seed: 80, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, (_k, w) => w);
    // (A link in a template is refused as diversion when saved: tests/integration/rules*.)
    const templates = ['=HYPERLINK("{激活码}")', '+{激活码}', '-{激活码}', '@SUM({激活码})'];
    listProducts(db, shopId).forEach((p, i) => setProduct(db, shopId, p.skuKey, { terms: { messageTemplate: templates[i % templates.length] } }));
    fill(db, shopId, { cooldownHours: 2 });
    const m = orderMessages(db, shopId);
    const starts = new Set(m.map((x) => x.message[0]));
    expect([...starts].sort()).toEqual(['+', '-', '=', '@']);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(messagesCsv(m));
    const cells = csv.split('\r\n').slice(1, -1).map((line) => line.slice(line.indexOf('","') + 3, -1));
    expect(cells).toHaveLength(m.length);
    for (const c of cells) expect(c, c).toMatch(/^'[=+\-@]/);
    // Order numbers begin with a digit and stay as they are.
    expect(csv).toContain(`"${m[0].orderNo}","'`);
  });

  it('checks every rendered message before export: the merchant’s words, never the codes it carries', () => {
    const t = generateOrders({ count: 30, seed: 81, statusMix: 'all-shippable' });
    const { db, shopId } = shop(t, (_k, w) => w);
    const [a, b] = listProducts(db, shopId);
    // A diverting template is refused when saved …
    expect(() => setProduct(db, shopId, a.skuKey, { terms: { messageTemplate: '卡密 {激活码}，有问题加微信 shop_kf88' } })).toThrow(AppError);
    // … one that names 哔哩哔哩 passes today, and is blocked once the merchant adds it to the platform list.
    setProduct(db, shopId, a.skuKey, { terms: { messageTemplate: '卡密 {激活码}，教程去哔哩哔哩搜店名' } });
    setProduct(db, shopId, b.skuKey, { terms: { messageTemplate: '您的卡密：{激活码}，请在官网兑换。' } });
    fill(db, shopId, { cooldownHours: 2 });
    expect(exportMessages(db, shopId).held).toEqual([]);
    changeRuleParams(db, { rule: 'NO_DIVERSION', params: { platforms: [...DEFAULT_PLATFORMS, '哔哩哔哩'] } });
    const m = orderMessages(db, shopId);
    const ofA = m.filter((x) => x.message.includes('哔哩哔哩'));
    const ofB = m.filter((y) => !y.message.includes('哔哩哔哩'));
    expect(ofA.length).toBeGreaterThan(0);
    expect(ofB.length).toBeGreaterThan(0);
    for (const x of ofA) expect(x.blocked, x.orderNo).toBe(true);
    for (const x of ofB) expect(x, x.orderNo).toMatchObject({ blocked: false, diversion: [] });
    const r = exportMessages(db, shopId);
    expect(r.held.map((h) => h.orderNo).sort()).toEqual(ofA.map((x) => x.orderNo).sort());
    expect(r.count).toBe(m.length - ofA.length);
    expect(new TextDecoder().decode(r.bytes)).not.toContain('哔哩哔哩');
    // The product carries the block too, and a written override lets its messages out.
    addOverride(db, { shopId, rule: 'NO_DIVERSION', skuKey: a.skuKey, reason: '哔哩哔哩是我们自己的教程账号，已与类目运营确认' });
    expect(exportMessages(db, shopId).held).toEqual([]);
  });
});
