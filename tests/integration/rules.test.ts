/**
 * Rule checks against a real SQLite data folder (issue #9), services called directly: findings
 * stored after an import and recomputed after a product edit, a settings change, a shop type
 * change, a fill, an assignment; fill holds what a rule blocks; overrides (ledger, withdraw,
 * refusals); the grid's filters and the summary; templates; the clock; one transaction; and a
 * data folder from before the rules. Orders come from the generator with `withRuleCases`.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE, openDatabase, type Db } from '../../main/core/db/open';
import { openCore } from '../../main/handlers';
import { assign, fill, unassign } from '../../main/core/services/allocation';
import { importOrderFiles } from '../../main/core/services/import';
import { verifyLedger } from '../../main/core/services/ledger';
import { allOrders, getOrder, listOrders } from '../../main/core/services/orders';
import { getProduct, setProduct } from '../../main/core/services/products';
import {
  addOverride, changeRuleParams, checkNow, getRuleParams, listFindings, rulesSummary, withdrawOverride,
} from '../../main/core/services/rules';
import { thisPc } from '../../main/core/services/rules/overrides';
import { ensureDefaultShop, setShopType } from '../../main/core/services/shops';
import { importStock } from '../../main/core/services/stock';
import type { Finding, Order, RuleId, Severity } from '../../shared/domain';
import { RULE_IDS } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { toBeijingIso } from '../../shared/rules/classify';
import { shortProvince } from '../../shared/rules/platform/order-rules';
import { generateOrders, toCsv, withRuleCases, type OrderTable, type RuleCase } from '../fixtures/orders';
import { codes } from '../helpers/code-shop';
import { useTempDirs } from '../helpers/data-dir';
import { allocationViolations } from '../helpers/invariants';

/** Lets a test make the number-prefix lookup fail in the middle of a check. */
const boom = vi.hoisted(() => ({ on: false }));
vi.mock('../../main/core/services/rules/number-region', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/core/services/rules/number-region')>();
  return {
    ...real,
    provinceOfNumber: (no: string) => {
      if (boom.on) throw new Error('number data broken');
      return real.provinceOfNumber(no);
    },
  };
});

const tempDir = useTempDirs();
/** The generator's "now", pinned as the app's clock. */
const T0 = '2026-06-20T12:00:00+08:00';
const H = 3_600_000;
beforeEach(() => {
  process.env.VSHIP_NOW = T0;
  boom.on = false;
});
afterEach(() => {
  delete process.env.VSHIP_NOW;
  boom.on = false;
});

const JIANGSU = ['JS-YD-100', 'JS-YD-100S'];
const GUANGDONG = ['GD-LT-10G', 'GD-LT-20G'];
const HAIDILAO = 'HDL-200';
const JD = 'JD-E100';

const withoutRows = (t: OrderTable, orderNos: Set<string>): OrderTable => {
  const c = t.headers.indexOf('订单号');
  return { headers: t.headers, rows: t.rows.filter((r) => !orderNos.has(r[c]!)), expected: t.expected.filter((e) => !orderNos.has(e.orderNo)) };
};
const importTable = (db: Db, shopId: number, t: OrderTable, name = 'orders.csv') =>
  importOrderFiles(db, shopId, [{ name, bytes: toCsv(t) }], { shipPromiseHours: 48 });

/** A shop with 300 generated orders and the rule cases; the 江苏 products confirmed with region 江苏 unless `confirm` is false. */
function rulesShop(opts: { confirm?: boolean } = {}) {
  const { table, cases } = withRuleCases(generateOrders({ count: 300, seed: 93, optional: true }));
  const dir = tempDir();
  const db = openDatabase(dir);
  const shopId = ensureDefaultShop(db).id;
  importTable(db, shopId, table);
  if (opts.confirm !== false) for (const k of JIANGSU) setProduct(db, shopId, k, { kind: 'recharge', terms: { region: ['江苏'] } });
  return { dir, db, shopId, table, cases };
}

const findingsOf = (db: Db, shopId: number, orderNo: string): Finding[] => getOrder(db, shopId, orderNo)!.findings;
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`);
const active = (f: Finding) => f.severity === 'warn' || f.override === null;
/** Order numbers (sorted) whose stored findings satisfy `pred`. */
const ordersWhere = (db: Db, shopId: number, pred: (f: Finding, o: Order) => boolean): string[] =>
  allOrders(db, shopId).filter((o) => o.findings.some((f) => pred(f, o))).map((o) => o.orderNo).sort();
const withRule = (db: Db, shopId: number, rule: RuleId, severity?: Severity) =>
  ordersWhere(db, shopId, (f) => f.rule === rule && (severity === undefined || f.severity === severity));
const toShip = (o: Order) => o.shippable || o.reason === 'AFTER_SALE';
/** The product's orders a fill serves (shippable), most urgent first; `checked`: every order to ship (after-sale too). */
const ofSku = (db: Db, shopId: number, sku: string, checked = false) => allOrders(db, shopId).filter((o) => o.skuKey === sku && (checked ? toShip(o) : o.shippable));
const errorCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('findings stored by the automatic checks', () => {
  it('after an import: REGION_LOCK for orders from other provinces once the 江苏 product is confirmed with region 江苏', () => {
    const { table, cases } = withRuleCases(generateOrders({ count: 300, seed: 93, optional: true }));
    const db = openDatabase(tempDir());
    const shopId = ensureDefaultShop(db).id;
    // A first export without the rule cases; the merchant confirms the 江苏 products; the full export brings the cases.
    importTable(db, shopId, withoutRows(table, new Set(Object.values(cases))), 'first.csv');
    for (const k of JIANGSU) setProduct(db, shopId, k, { kind: 'recharge', terms: { region: ['江苏'] } });
    importTable(db, shopId, table, 'second.csv');

    expect(findingsOf(db, shopId, cases.regionOutside)).toEqual([
      { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'province', region: '江苏', province: '上海' }, origin: 'order', override: null },
    ]);
    expect(findingsOf(db, shopId, cases.regionNumberOutside)).toEqual([
      { rule: 'REGION_LOCK', severity: 'block', params: { reason: 'number', region: '江苏', number: '13602345678', province: '广东' }, origin: 'order', override: null },
    ]);
    expect(findingsOf(db, shopId, cases.regionNumberInside)).toEqual([]);
    expect(findingsOf(db, shopId, cases.regionUnknown)).toEqual([
      { rule: 'REGION_LOCK', severity: 'warn', params: { reason: 'unknown', region: '江苏' }, origin: 'order', override: null },
    ]);

    // Exactly the region products' shippable orders from elsewhere (广东 is still read from its title, unconfirmed).
    const outside = (skus: string[], region: string) => table.expected
      .filter((e) => e.shippable && skus.includes(e.skuCode) && shortProvince(e.province) !== '' && shortProvince(e.province) !== region)
      .map((e) => e.orderNo);
    const want = [...outside(JIANGSU, '江苏'), ...outside(GUANGDONG, '广东'), cases.regionNumberOutside].sort();
    expect(want.length).toBeGreaterThan(4);
    expect(withRule(db, shopId, 'REGION_LOCK', 'block')).toEqual(want);
    expect(withRule(db, shopId, 'REGION_LOCK', 'warn')).toEqual([cases.regionUnknown]);
    // Stored as rows: one per finding.
    expect(db.prepare("SELECT count(*) FROM findings WHERE rule = 'REGION_LOCK' AND severity = 'block'").pluck().get()).toBe(want.length);
  });

  it('every rule case carries its finding after the import', () => {
    const { db, shopId, cases } = rulesShop();
    const of = (c: RuleCase, rule: RuleId) => findingsOf(db, shopId, cases[c]).filter((f) => f.rule === rule).map((f) => ({ severity: f.severity, ...f.params }));
    expect(of('phoneNoNumber', 'RECHARGE_TARGET')).toEqual([{ severity: 'block', reason: 'missing' }]);
    expect(of('phoneTenDigits', 'RECHARGE_TARGET')).toEqual([{ severity: 'block', reason: 'mobile', number: '1381234567' }]);
    expect(of('phoneLetters', 'RECHARGE_TARGET')).toEqual([{ severity: 'block', reason: 'mobile', number: '138abcd5678' }]);
    expect(of('phoneLandline', 'RECHARGE_TARGET')).toEqual([{ severity: 'block', reason: 'mobile', number: '025-84561234' }]);
    expect(of('qqMobile', 'RECHARGE_TARGET')).toEqual([{ severity: 'block', reason: 'qq', number: '13912345678' }]);
    expect(of('afterSaleOpen', 'AFTER_SALE_OPEN')).toEqual([{ severity: 'block', afterSale: '售后处理中' }]);
    expect(of('overdue', 'LATE_SHIPMENT')).toEqual([{ severity: 'warn', reason: 'overdue', hours: 2 }]);
    // Unconfirmed products: every order to ship of them says so.
    expect(of('phoneNoNumber', 'NOT_CONFIRMED')).toHaveLength(1);
    expect(withRule(db, shopId, 'RECHARGE_TARGET', 'block')).toEqual([cases.phoneNoNumber, cases.phoneTenDigits, cases.phoneLetters, cases.phoneLandline, cases.qqMobile].sort());
    // Orders not to ship carry nothing.
    const notToShip = allOrders(db, shopId).filter((o) => !toShip(o));
    expect(notToShip.length).toBeGreaterThan(0);
    expect(notToShip.filter((o) => o.findings.length > 0).map((o) => o.orderNo)).toEqual([]);
  });

  it('a region lock names provinces: 江苏省 is kept as 江苏, a city is refused (REGION_UNKNOWN) and the product is left as it was', () => {
    const { db, shopId } = rulesShop();
    setProduct(db, shopId, 'JS-YD-100', { kind: 'recharge', terms: { region: ['江苏省', '江苏'] } });
    expect(getProduct(db, shopId, 'JS-YD-100').terms.region).toEqual(['江苏']);
    expect(errorCode(() => setProduct(db, shopId, 'JS-YD-100', { terms: { region: ['苏州'] } }))).toBe('REGION_UNKNOWN');
    expect(getProduct(db, shopId, 'JS-YD-100').terms.region).toEqual(['江苏']);
  });

  it('after a product edit: without its region the 江苏 product warns REGION_PRODUCT_OPEN, on itself and on each of its orders', () => {
    const { db, shopId, cases } = rulesShop();
    const sku = getOrder(db, shopId, cases.regionOutside)!.skuKey;
    const lockedBefore = withRule(db, shopId, 'REGION_LOCK', 'block');
    setProduct(db, shopId, sku, { terms: {}, replaceTerms: true });
    const open: Finding = { rule: 'REGION_PRODUCT_OPEN', severity: 'warn', params: { province: '江苏' }, origin: 'product', skuKey: sku, override: null };
    expect(getProduct(db, shopId, sku).findings).toEqual([{ ...open }]);
    expect(findingsOf(db, shopId, cases.regionOutside)).toEqual([open]);
    const mine = ofSku(db, shopId, sku, true);
    expect(mine.length).toBeGreaterThan(5);
    for (const o of mine) expect(o.findings.filter((f) => f.rule.startsWith('REGION_')), o.orderNo).toEqual([open]);
    // The other 江苏 product (and 广东's) are untouched.
    const otherLocked = lockedBefore.filter((no) => getOrder(db, shopId, no)!.skuKey !== sku);
    expect(otherLocked.length).toBeLessThan(lockedBefore.length);
    expect(withRule(db, shopId, 'REGION_LOCK', 'block')).toEqual(otherLocked);
    // And back.
    setProduct(db, shopId, sku, { terms: { region: ['江苏'] } });
    expect(getProduct(db, shopId, sku).findings).toEqual([]);
    expect(withRule(db, shopId, 'REGION_LOCK', 'block')).toEqual(lockedBefore);
  });

  it('after a settings change (rules.setParams) and after 恢复默认', () => {
    const { db, shopId, cases } = rulesShop();
    const unknown = { rule: 'REGION_LOCK', severity: 'warn', params: { reason: 'unknown', region: '江苏' }, origin: 'order', override: null };
    changeRuleParams(db, { rule: 'REGION_LOCK', params: { byNumber: false } });
    expect(findingsOf(db, shopId, cases.regionNumberOutside)).toEqual([unknown]);
    expect(findingsOf(db, shopId, cases.regionNumberInside)).toEqual([unknown]);
    expect(findingsOf(db, shopId, cases.regionOutside)[0]?.params.reason).toBe('province');

    // LATE_SHIPMENT within 48 h: every order to ship due by then.
    // Deadlines are for orders that can ship: an after-sale one is blocked (AFTER_SALE_OPEN) instead.
    const lateBy = (hours: number) => allOrders(db, shopId).filter((o) => o.shippable && o.shipBy && Date.parse(o.shipBy) <= Date.parse(T0) + hours * H).map((o) => o.orderNo).sort();
    expect(withRule(db, shopId, 'LATE_SHIPMENT')).toEqual(lateBy(6));
    changeRuleParams(db, { rule: 'LATE_SHIPMENT', params: { dueWithinHours: 48 } });
    expect(lateBy(48).length).toBeGreaterThan(lateBy(6).length);
    expect(withRule(db, shopId, 'LATE_SHIPMENT')).toEqual(lateBy(48));

    // A parameter that does not exist or does not fit changes nothing.
    const findings = db.prepare('SELECT * FROM findings ORDER BY id').all();
    expect(errorCode(() => changeRuleParams(db, { rule: 'LATE_SHIPMENT', params: { dueWithinHours: 241 } }))).toBe('RULE_PARAM_INVALID');
    expect(errorCode(() => changeRuleParams(db, { rule: 'REGION_LOCK', params: { byProvince: true } }))).toBe('RULE_PARAM_INVALID');
    expect(errorCode(() => changeRuleParams(db, { rule: 'REGION_LOCK', params: { byNumber: 1 } }))).toBe('RULE_PARAM_INVALID');
    expect(getRuleParams(db).LATE_SHIPMENT.dueWithinHours).toBe(48);
    expect(db.prepare('SELECT * FROM findings ORDER BY id').all()).toEqual(findings);

    changeRuleParams(db, { reset: true });
    expect(getRuleParams(db).LATE_SHIPMENT.dueWithinHours).toBe(6);
    expect(findingsOf(db, shopId, cases.regionNumberOutside)[0]).toMatchObject({ severity: 'block', params: { reason: 'number' } });
    expect(withRule(db, shopId, 'LATE_SHIPMENT')).toEqual(lateBy(6));
  });

  it('after shops.setType: travel goods block in a personal shop only', () => {
    const { db, shopId } = rulesShop();
    for (const k of ['LY-XH-A', 'LY-XH-C']) setProduct(db, shopId, k, { kind: 'travel', terms: { fulfilDays: 1 } });
    const travelOrders = allOrders(db, shopId).filter((o) => o.shippable && o.skuKey.startsWith('LY-XH')).map((o) => o.orderNo).sort();
    expect(travelOrders.length).toBeGreaterThan(0);
    expect(getProduct(db, shopId, 'LY-XH-A').findings.map((f) => f.rule)).toEqual(['TRAVEL_ENTERPRISE_ONLY']);
    expect(withRule(db, shopId, 'TRAVEL_ENTERPRISE_ONLY')).toEqual(travelOrders);
    setShopType(db, shopId, 'enterprise');
    expect(getProduct(db, shopId, 'LY-XH-A').findings).toEqual([]);
    expect(withRule(db, shopId, 'TRAVEL_ENTERPRISE_ONLY')).toEqual([]);
    setShopType(db, shopId, 'personal');
    expect(withRule(db, shopId, 'TRAVEL_ENTERPRISE_ONLY')).toEqual(travelOrders);
  });
});

describe('stock and fills', () => {
  it('OUT_OF_STOCK for exactly the orders a fill leaves short; ITEM_VALIDITY_SHORT never for a filled order, until time passes', () => {
    const { db, shopId } = rulesShop();
    setProduct(db, shopId, JD, { kind: 'code', terms: { minValidityDays: 3 } });
    const units = getProduct(db, shopId, JD).waitingUnits;
    importStock(db, { shopId, skuKey: JD, name: 'expired.txt', text: codes('OLD', 5), expiresAt: '2026-06-01' });
    importStock(db, { shopId, skuKey: JD, name: 'soon.txt', text: codes('SOON', 5), expiresAt: '2026-06-21' });
    importStock(db, { shopId, skuKey: JD, name: 'later.txt', text: codes('LATER', units - 4), expiresAt: '2026-12-31' });
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.filled).toBeGreaterThan(0);
    expect(r.short.length).toBeGreaterThan(0);
    expect(r.short.every((s) => s.skuKey === JD)).toBe(true);
    // The stored OUT_OF_STOCK findings are the fill's short list, with the same numbers.
    const stored = Object.fromEntries(allOrders(db, shopId).flatMap((o) => o.findings.filter((f) => f.rule === 'OUT_OF_STOCK').map((f) => [o.orderNo, f.params])));
    expect(stored).toEqual(Object.fromEntries(r.short.map((s) => [s.orderNo, { need: s.need, available: s.available }])));
    const filled = allOrders(db, shopId).filter((o) => o.items.length > 0);
    expect(filled).toHaveLength(r.filled);
    const itemRules = ['ITEM_VALIDITY_SHORT', 'ITEM_EXPIRED', 'OUT_OF_STOCK'];
    for (const o of filled) expect(o.findings.filter((f) => itemRules.includes(f.rule)), o.orderNo).toEqual([]);
    expect(allocationViolations(db)).toEqual([]);

    // Two and a half days before the items expire: every filled order keeps too little, once checked.
    process.env.VSHIP_NOW = '2026-12-29T12:00:00+08:00';
    checkNow(db, shopId);
    expect(allOrders(db, shopId).filter((x) => x.items.length > 0)).toHaveLength(r.filled);
    for (const o of allOrders(db, shopId).filter((x) => x.items.length > 0)) {
      expect(o.findings.filter((f) => itemRules.includes(f.rule)).map((f) => [f.rule, f.params.days, f.params.min]), o.orderNo).toEqual([['ITEM_VALIDITY_SHORT', 2, 3]]);
    }
    // After they expired: ITEM_EXPIRED instead.
    process.env.VSHIP_NOW = '2027-01-01T00:00:00+08:00';
    checkNow(db, shopId);
    expect(allOrders(db, shopId).filter((x) => x.items.length > 0)).toHaveLength(r.filled);
    for (const o of allOrders(db, shopId).filter((x) => x.items.length > 0)) {
      expect(o.findings.filter((f) => itemRules.includes(f.rule)).map((f) => f.rule), o.orderNo).toEqual(['ITEM_EXPIRED']);
    }
  });

  it('an assignment and an unassign move OUT_OF_STOCK along the queue', () => {
    const { db, shopId } = rulesShop();
    setProduct(db, shopId, JD, { kind: 'code' });
    const queue = ofSku(db, shopId, JD); // most urgent first, as stock is handed out
    const short = () => Object.fromEntries(ofSku(db, shopId, JD).flatMap((o) => o.findings.filter((f) => f.rule === 'OUT_OF_STOCK').map((f) => [o.orderNo, f.params])));
    /** What the queue leaves short with `n` items available. */
    const expected = (n: number, without = new Set<string>()) => {
      const out: Record<string, unknown> = {};
      let left = n;
      for (const o of queue) {
        if (without.has(o.orderNo)) continue;
        if (o.quantity <= left) left -= o.quantity;
        else out[o.orderNo] = { need: o.quantity, available: left };
      }
      return out;
    };
    expect(short()).toEqual(expected(0));
    const last = queue[queue.length - 1]!;
    assign(db, shopId, last.orderNo, codes('HAND', last.quantity).split('\n'));
    expect(short()).toEqual(expected(0, new Set([last.orderNo])));
    expect(findingsOf(db, shopId, last.orderNo).filter((f) => f.rule === 'OUT_OF_STOCK')).toEqual([]);
    // Back to stock: the most urgent orders that fit take them now.
    expect(unassign(db, shopId, last.orderNo)).toEqual({ released: last.quantity, quarantined: 0 });
    expect(short()).toEqual(expected(last.quantity));
    expect(Object.keys(short())).toContain(last.orderNo);
  });

  it('a fill holds the orders a rule blocks and leaves their stock; an override lifts the hold, a withdrawal puts it back', () => {
    const { db, shopId } = rulesShop();
    // Stored value for 30 days: 海底捞 is on the brands list, but not marked approved.
    setProduct(db, shopId, HAIDILAO, { kind: 'stored-value', terms: { validDays: 30 } });
    expect(getProduct(db, shopId, HAIDILAO).findings).toEqual([{
      rule: 'STORED_VALUE_MAX_DAYS', severity: 'block', params: { reason: 'brand', days: 30, max: 15, brand: '海底捞' }, origin: 'product', skuKey: HAIDILAO, override: null,
    }]);
    importStock(db, { shopId, skuKey: HAIDILAO, name: 'hdl.txt', text: codes('HDL', 50) });
    setProduct(db, shopId, JD, { kind: 'code' });
    importStock(db, { shopId, skuKey: JD, name: 'jd.txt', text: codes('JD', 200) });
    const held = ofSku(db, shopId, HAIDILAO).map((o) => o.orderNo).sort();
    const blocked = ofSku(db, shopId, HAIDILAO, true).map((o) => o.orderNo).sort();
    expect(held.length).toBeGreaterThan(2);

    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.filled).toBe(ofSku(db, shopId, JD).length);
    expect([...r.held].sort((a, b) => a.orderNo.localeCompare(b.orderNo))).toEqual(held.map((orderNo) => ({ orderNo, rule: 'STORED_VALUE_MAX_DAYS' })));
    expect(getProduct(db, shopId, HAIDILAO).levels).toMatchObject({ available: 50, reserved: 0 });
    expect(ofSku(db, shopId, HAIDILAO).filter((o) => o.items.length > 0 || o.findings.some((f) => f.rule === 'OUT_OF_STOCK')).map((o) => o.orderNo)).toEqual([]);

    // One order lifted, with a reason: recorded in the ledger, shown on the order, filled by the next fill.
    const [a, ...rest] = held;
    const ov = addOverride(db, { shopId, rule: 'STORED_VALUE_MAX_DAYS', orderNo: a!, reason: '  类目运营已书面同意（工单 8812）  ' });
    expect(ov).toEqual({ id: ov.id, subject: 'order', key: a, rule: 'STORED_VALUE_MAX_DAYS', reason: '类目运营已书面同意（工单 8812）', by: thisPc(), at: T0 });
    expect(addOverride(db, { shopId, rule: 'STORED_VALUE_MAX_DAYS', orderNo: a!, reason: '再来一次' })).toEqual(ov);
    const ledger = () => (db.prepare("SELECT event, subject, detail FROM ledger WHERE event LIKE 'rule.override%' ORDER BY id").all() as { event: string; subject: string; detail: string }[])
      .map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown }));
    expect(ledger()).toEqual([{ event: 'rule.override', subject: `order:${a}`, detail: { rule: 'STORED_VALUE_MAX_DAYS', reason: '类目运营已书面同意（工单 8812）', by: thisPc(), overrideId: ov.id } }]);
    expect(verifyLedger(db).ok).toBe(true);
    expect(findingsOf(db, shopId, a!).find((f) => f.rule === 'STORED_VALUE_MAX_DAYS')?.override).toEqual(ov);
    const r2 = fill(db, shopId, { cooldownHours: 2 });
    expect(r2.filled).toBe(1);
    expect(getOrder(db, shopId, a!)!.items).toHaveLength(getOrder(db, shopId, a!)!.quantity);
    expect(r2.held.map((h) => h.orderNo).sort()).toEqual(rest);

    // Withdrawn: the block is back on the order (already filled), and in the ledger.
    expect(withdrawOverride(db, shopId, ov.id)).toEqual({ withdrawn: true });
    expect(findingsOf(db, shopId, a!).find((f) => f.rule === 'STORED_VALUE_MAX_DAYS')?.override).toBeNull();
    expect(ledger().map((e) => [e.event, e.subject])).toEqual([['rule.override', `order:${a}`], ['rule.override.withdraw', `order:${a}`]]);
    expect(ledger()[1]!.detail).toEqual({ rule: 'STORED_VALUE_MAX_DAYS', by: thisPc(), overrideId: ov.id });
    expect(errorCode(() => withdrawOverride(db, shopId, ov.id))).toBe('OVERRIDE_NOT_FOUND');

    // The whole product lifted: the next fill serves every order still held; withdrawn, they are held again.
    const pov = addOverride(db, { shopId, rule: 'STORED_VALUE_MAX_DAYS', skuKey: HAIDILAO, reason: '已获类目运营批准' });
    expect(pov).toMatchObject({ subject: 'product', key: HAIDILAO });
    expect(getProduct(db, shopId, HAIDILAO).findings[0]!.override).toEqual(pov);
    expect(fill(db, shopId, { cooldownHours: 2 })).toMatchObject({ filled: rest.length, held: [] });
    expect(ordersWhere(db, shopId, (f) => f.rule === 'STORED_VALUE_MAX_DAYS' && active(f))).toEqual([]);
    withdrawOverride(db, shopId, pov.id);
    // Every order to ship of the product carries the block again (after-sale ones too, which no fill serves).
    expect(blocked.length).toBeGreaterThan(held.length);
    expect(withRule(db, shopId, 'STORED_VALUE_MAX_DAYS', 'block')).toEqual(blocked);
    expect(ordersWhere(db, shopId, (f) => f.rule === 'STORED_VALUE_MAX_DAYS' && active(f))).toEqual(blocked);
    expect(verifyLedger(db)).toMatchObject({ ok: true, entries: db.prepare('SELECT count(*) FROM ledger').pluck().get() });
    expect(allocationViolations(db)).toEqual([]);
  });
});

describe('overrides refused', () => {
  it('for a rule that cannot be lifted, a rule the order does not have, a warning, and an unknown order or product', () => {
    const { db, shopId, cases } = rulesShop();
    setProduct(db, shopId, JD, { kind: 'code' });
    const jd = ofSku(db, shopId, JD)[0]!.orderNo;
    const unconfirmed = cases.phoneTenDigits;
    expect(brief(findingsOf(db, shopId, jd))).toContain('OUT_OF_STOCK:block');
    expect(brief(findingsOf(db, shopId, unconfirmed))).toContain('NOT_CONFIRMED:block');
    const req = (rule: RuleId, key: { orderNo: string } | { skuKey: string }) => () => addOverride(db, { shopId, rule, ...key, reason: '我确认没问题' });
    expect(errorCode(req('OUT_OF_STOCK', { orderNo: jd }))).toBe('OVERRIDE_NOT_ALLOWED');
    expect(errorCode(req('NOT_CONFIRMED', { orderNo: unconfirmed }))).toBe('OVERRIDE_NOT_ALLOWED');
    expect(errorCode(req('REGION_LOCK', { orderNo: jd }))).toBe('OVERRIDE_NOT_ALLOWED');
    expect(errorCode(req('REGION_LOCK', { orderNo: cases.regionUnknown }))).toBe('OVERRIDE_NOT_ALLOWED');
    expect(errorCode(req('STORED_VALUE_MAX_DAYS', { skuKey: JD }))).toBe('OVERRIDE_NOT_ALLOWED');
    expect(errorCode(req('REGION_LOCK', { orderNo: '260620-999999999999999' }))).toBe('ORDER_NOT_FOUND');
    expect(errorCode(req('STORED_VALUE_MAX_DAYS', { skuKey: 'NO-SUCH-SKU' }))).toBe('PRODUCT_NOT_FOUND');
    expect(db.prepare('SELECT count(*) FROM rule_overrides').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM ledger WHERE event LIKE 'rule.%'").pluck().get()).toBe(0);
  });
});

describe('the grid’s filters and the summary', () => {
  /** A shop with findings of many rules, and one override. */
  function busyShop() {
    const s = rulesShop();
    setProduct(s.db, s.shopId, JD, { kind: 'code' });
    setProduct(s.db, s.shopId, HAIDILAO, { kind: 'stored-value', terms: { validDays: 30 } });
    setProduct(s.db, s.shopId, 'DZ-LOGO-B', { kind: 'custom', terms: { shipHours: 24 } });
    const ov = addOverride(s.db, { shopId: s.shopId, rule: 'REGION_LOCK', orderNo: s.cases.regionOutside, reason: '买家号码实为江苏号，已核实' });
    return { ...s, ov };
  }

  it('orders.list `rule` and `findings` return exactly the orders with active findings; an overridden one drops out of block', () => {
    const { db, shopId, cases, ov } = busyShop();
    const list = (q: { rule?: RuleId; findings?: 'block' | 'warn' | 'any' }) => listOrders(db, { shopId, ...q, limit: 100_000 }).rows.map((o) => o.orderNo).sort();
    let nonEmpty = 0;
    for (const rule of RULE_IDS) {
      const want = ordersWhere(db, shopId, (f) => f.rule === rule && active(f));
      if (want.length) nonEmpty++;
      expect(list({ rule }), rule).toEqual(want);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(8);
    for (const sev of ['block', 'warn'] as const) expect(list({ findings: sev }), sev).toEqual(ordersWhere(db, shopId, (f) => f.severity === sev && active(f)));
    expect(list({ findings: 'any' })).toEqual(ordersWhere(db, shopId, active));
    expect(list({ rule: 'REGION_LOCK', findings: 'warn' })).toEqual([cases.regionUnknown]);
    // The overridden order: its REGION_LOCK is there, lifted, and it is no longer blocked.
    expect(findingsOf(db, shopId, cases.regionOutside)).toEqual([{ rule: 'REGION_LOCK', severity: 'block', params: { reason: 'province', region: '江苏', province: '上海' }, origin: 'order', override: ov }]);
    expect(list({ findings: 'block' })).not.toContain(cases.regionOutside);
    expect(list({ rule: 'REGION_LOCK' })).not.toContain(cases.regionOutside);
    expect(list({ findings: 'block' })).toContain(cases.regionNumberOutside);
    withdrawOverride(db, shopId, ov.id);
    expect(list({ findings: 'block' })).toContain(cases.regionOutside);
  });

  it('rules.summary counts what listFindings lists', () => {
    const { db, shopId } = busyShop();
    const rows = listFindings(db, { shopId, limit: 100_000 }).rows;
    expect(listFindings(db, { shopId }).total).toBe(rows.length);
    const s = rulesSummary(db, shopId);
    expect(s.checkedAt).toBe(T0);
    const live = (r: (typeof rows)[number]) => r.severity === 'warn' || r.override === null;
    const distinct = (xs: string[]) => new Set(xs).size;
    const pairs = [...new Set(rows.map((r) => `${r.rule}|${r.severity}`))].sort();
    expect(s.counts.map((c) => `${c.rule}|${c.severity}`).sort()).toEqual(pairs);
    for (const c of s.counts) {
      const mine = rows.filter((r) => r.rule === c.rule && r.severity === c.severity);
      expect(c, `${c.rule} ${c.severity}`).toEqual({
        rule: c.rule, severity: c.severity,
        orders: distinct(mine.filter((r) => r.subject === 'order' && live(r)).map((r) => r.key)),
        products: distinct(mine.filter((r) => r.subject === 'product' && live(r)).map((r) => r.key)),
        overridden: mine.filter((r) => !live(r)).length,
      });
    }
    expect(s.counts.find((c) => c.rule === 'REGION_LOCK' && c.severity === 'block')?.overridden).toBe(1);
    const blocked = new Set(rows.filter((r) => r.subject === 'order' && r.severity === 'block' && live(r)).map((r) => r.key));
    const any = new Set(rows.filter((r) => r.subject === 'order' && live(r)).map((r) => r.key));
    expect(s.blockedOrders).toBe(blocked.size);
    expect(s.warnedOrders).toBe([...any].filter((k) => !blocked.has(k)).length);
    expect(s.blockedProducts).toBe(distinct(rows.filter((r) => r.subject === 'product' && r.severity === 'block' && live(r)).map((r) => r.key)));
    expect(s.blockedProducts).toBeGreaterThanOrEqual(2); // 海底捞, Steam 30 天 (read from its title)
    // Every row says itself in Chinese, with its values filled in.
    expect(rows.filter((r) => r.message.length === 0 || /[{}]/.test(r.message))).toEqual([]);
    // Filtered by rule and active: exactly the live REGION_LOCK rows.
    const liveRegion = rows.filter((r) => r.rule === 'REGION_LOCK' && live(r));
    expect(liveRegion.length).toBeGreaterThan(0);
    expect(listFindings(db, { shopId, rule: 'REGION_LOCK', active: true, limit: 100_000 }).rows).toEqual(liveRegion);
  });
});

describe('message templates (NO_DIVERSION)', () => {
  it('products.set refuses a diverting template and leaves the product as it was; a warn-only one is saved and shown', () => {
    const { db, shopId } = rulesShop();
    setProduct(db, shopId, JD, { kind: 'code' });
    const before = getProduct(db, shopId, JD);
    let err: unknown;
    try {
      setProduct(db, shopId, JD, { kind: 'card', terms: { messageTemplate: '您好，卡密：{激活码}，加微信 abc12345 领售后' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('TEMPLATE_DIVERSION');
    expect((err as AppError).toData().detail).toBe('加微信');
    expect(getProduct(db, shopId, JD)).toEqual(before);

    const template = '有问题请私聊客服，卡密：{激活码}';
    const p = setProduct(db, shopId, JD, { terms: { messageTemplate: template } });
    expect(p.terms.messageTemplate).toBe(template);
    const warn = { rule: 'NO_DIVERSION', severity: 'warn', params: { reason: 'warn', text: '私聊', kind: 'SOFT_TALK' }, spans: [{ start: 4, end: 6, text: '私聊' }], origin: 'product', skuKey: JD, override: null };
    expect(p.findings).toEqual([warn]);
    const orders = ofSku(db, shopId, JD, true);
    expect(orders.length).toBeGreaterThan(5);
    for (const o of orders) expect(o.findings.filter((f) => f.rule === 'NO_DIVERSION'), o.orderNo).toEqual([warn]);
    expect(withRule(db, shopId, 'NO_DIVERSION', 'warn')).toEqual(orders.map((o) => o.orderNo).sort());
  });
});

describe('the clock and the transaction', () => {
  it('LATE_SHIPMENT moves with the clock when the shop is checked (checkNow)', () => {
    const { db, shopId, cases } = rulesShop();
    const o = allOrders(db, shopId).find((x) => x.shippable && Date.parse(x.shipBy!) > Date.parse(T0) + 12 * H)!;
    expect(findingsOf(db, shopId, o.orderNo).filter((f) => f.rule === 'LATE_SHIPMENT')).toEqual([]);
    const later = Date.parse(o.shipBy!) + 1000;
    process.env.VSHIP_NOW = toBeijingIso(later);
    // Stored findings stay as computed until the next check.
    expect(findingsOf(db, shopId, o.orderNo).filter((f) => f.rule === 'LATE_SHIPMENT')).toEqual([]);
    const s = checkNow(db, shopId);
    expect(s.checkedAt).toBe(toBeijingIso(later));
    expect(findingsOf(db, shopId, o.orderNo).filter((f) => f.rule === 'LATE_SHIPMENT').map((f) => f.params)).toEqual([{ reason: 'overdue', hours: 1 }]);
    const overdueCase = findingsOf(db, shopId, cases.overdue).find((f) => f.rule === 'LATE_SHIPMENT')!;
    expect(overdueCase.params).toEqual({ reason: 'overdue', hours: Math.floor((later - Date.parse('2026-06-20T10:00:00+08:00')) / H) });
    const due = allOrders(db, shopId).filter((x) => x.shippable && Date.parse(x.shipBy!) <= later + 6 * H).map((x) => x.orderNo).sort();
    expect(withRule(db, shopId, 'LATE_SHIPMENT')).toEqual(due);
    expect(s.counts.find((c) => c.rule === 'LATE_SHIPMENT')?.orders).toBe(due.length);
  });

  it('a product finding that the clock ends is taken off its orders by the next check, whatever it was for', () => {
    const { db, shopId } = rulesShop();
    // 海底捞 (30 days, suggested) is a known brand the merchant says category operations approved.
    setProduct(db, shopId, 'HDL-200', { acceptSuggestion: true, terms: { brandApproved: true } });
    // Valid until 07-05: 16 days from T0 (over the limit), 15 a day later.
    setProduct(db, shopId, 'YSJ-30', { kind: 'stored-value', terms: { validUntil: '2026-07-05' } });
    const orders = ofSku(db, shopId, 'YSJ-30', true).map((o) => o.orderNo).sort();
    expect(orders.length).toBeGreaterThan(0);
    expect(getProduct(db, shopId, 'YSJ-30').findings.map((f) => f.params)).toEqual([{ reason: 'until', days: 16, max: 15, until: '2026-07-05' }]);
    expect(withRule(db, shopId, 'STORED_VALUE_MAX_DAYS')).toEqual(orders);
    process.env.VSHIP_NOW = '2026-06-21T12:00:00+08:00';
    // A check for something else (another product's edit) recomputes every product's own findings…
    setProduct(db, shopId, JD, { kind: 'code' });
    expect(getProduct(db, shopId, 'YSJ-30').findings).toEqual([]);
    // …and so its orders must not keep the old one, nor be held by it.
    expect(withRule(db, shopId, 'STORED_VALUE_MAX_DAYS')).toEqual([]);
    importStock(db, { shopId, skuKey: 'YSJ-30', name: 'ysj.txt', text: codes('YSJ', 20) });
    const r = fill(db, shopId, { cooldownHours: 2 });
    expect(r.held).toEqual([]);
    expect(r.filled).toBe(ofSku(db, shopId, 'YSJ-30').length);
  });

  it('a check that fails half-way leaves the findings, the settings, the products and the orders as they were', () => {
    const { db, shopId, table } = rulesShop();
    const snapshot = () => ({
      findings: db.prepare('SELECT * FROM findings ORDER BY id').all(),
      checks: db.prepare('SELECT * FROM rule_checks').all(),
      settings: db.prepare('SELECT * FROM settings ORDER BY key').all(),
      products: db.prepare('SELECT * FROM products ORDER BY id').all(),
      orders: db.prepare('SELECT count(*) FROM orders').pluck().get(),
    });
    const before = snapshot();
    expect(before.findings.length).toBeGreaterThan(100);
    boom.on = true;
    process.env.VSHIP_NOW = '2026-06-21T12:00:00+08:00';
    expect(() => changeRuleParams(db, { rule: 'LATE_SHIPMENT', params: { dueWithinHours: 48 } })).toThrow('number data broken');
    expect(getRuleParams(db).LATE_SHIPMENT.dueWithinHours).toBe(6);
    expect(() => checkNow(db, shopId)).toThrow('number data broken');
    expect(() => setProduct(db, shopId, JIANGSU[0]!, { terms: { region: ['江苏', '浙江'] } })).toThrow('number data broken');
    // A newer export whose 江苏 orders without 省 need the number data.
    const more = withRuleCases(generateOrders({ count: 200, seed: 94, optional: true })).table;
    expect(() => importTable(db, shopId, { ...more, rows: [...table.rows, ...more.rows] }, 'more.csv')).toThrow('number data broken');
    expect(snapshot()).toEqual(before);
    boom.on = false;
    expect(checkNow(db, shopId).checkedAt).toBe('2026-06-21T12:00:00+08:00');
  });
});

describe('a data folder from before the rules (schema 5)', () => {
  it('is checked once when it opens', async () => {
    const { dir, db, shopId, cases } = rulesShop();
    const lockedBefore = withRule(db, shopId, 'REGION_LOCK', 'block');
    db.close();
    // Take migrations 10 to 6 back out, as VShip before the rules left the folder (9 wrote only data;
    // 10's findings_order goes with the findings table).
    const raw = new Database(join(dir, DB_FILE));
    raw.exec('DROP INDEX orders_waiting');
    raw.exec(`DROP INDEX allocations_recharge_ref; DROP INDEX orders_recharge_no; ALTER TABLE stock_items DROP COLUMN content_hash;
      DROP TABLE evidence; DROP TABLE evidence_files; DROP TABLE meta;`);
    raw.exec(`DROP INDEX orders_ship_state; ALTER TABLE orders DROP COLUMN ship_state; ALTER TABLE orders DROP COLUMN ship_note;
      ALTER TABLE orders DROP COLUMN export_id; ALTER TABLE orders DROP COLUMN exported_at; DROP TABLE export_templates;
      DROP TABLE upload_result_exports; DROP TABLE upload_results; DROP TABLE export_orders; DROP TABLE export_files; DROP TABLE exports;`);
    raw.exec('DROP TABLE findings; DROP TABLE rule_overrides; DROP TABLE rule_checks; DROP INDEX orders_multi_line; ALTER TABLE shops DROP COLUMN type;');
    raw.pragma('user_version = 5');
    raw.close();

    process.env.VSHIP_NOW = '2026-06-20T12:30:00+08:00';
    const core = openCore({ dataDir: dir, host: 'cli' });
    const call = async <T>(channel: string, req: unknown): Promise<T> => {
      const r = await core.dispatch(channel, req, () => {});
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    try {
      const s = await call<{ checkedAt: string; counts: { rule: string; severity: string; orders: number }[] }>('rules.summary', { shopId });
      expect(s.checkedAt).toBe('2026-06-20T12:30:00+08:00');
      expect(s.counts.find((c) => c.rule === 'REGION_LOCK' && c.severity === 'block')?.orders).toBe(lockedBefore.length);
      const page = await call<{ total: number; rows: { orderNo: string }[] }>('orders.list', { shopId, rule: 'REGION_LOCK', findings: 'block', limit: 1000 });
      expect(page.rows.map((o) => o.orderNo).sort()).toEqual(lockedBefore);
      expect(lockedBefore).toContain(cases.regionOutside);
      expect((await call<{ type: string }[]>('shops.list', undefined))[0]?.type).toBe('personal');
    } finally {
      core.close();
    }
    // Opened again later: already checked, so not again (findings move only with a check).
    process.env.VSHIP_NOW = '2026-06-22T12:00:00+08:00';
    const again = openCore({ dataDir: dir, host: 'cli' });
    try {
      const r = await again.dispatch('rules.summary', { shopId }, () => {});
      expect(r.ok && (r.value as { checkedAt: string }).checkedAt).toBe('2026-06-20T12:30:00+08:00');
    } finally {
      again.close();
    }
  });
});
