import type { DeliveryKind, ProductTerms, ReasonCode, RuleHit, ShopType } from '../../../../shared/domain';
import { STOCKED_KINDS } from '../../../../shared/domain';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import { checkOrder } from '../../../../shared/rules/platform/order-rules';
import { checkProduct } from '../../../../shared/rules/platform/product-terms';
import type { RuleEnv, RuleOrder, RuleProduct } from '../../../../shared/rules/platform/subjects';
import { DAY_MS } from '../../../../shared/rules/platform/subjects';
import { toBeijingIso } from '../../../../shared/rules/classify';
import { skuKeySql } from '../../../../shared/rules/sku-key';
import { suggestProfile } from '../../../../shared/rules/suggest';
import type { Db } from '../../db/open';
import { nowIso, nowMs } from '../clock';
import { maskItem } from '../stock';
import { provinceOfNumber } from './number-region';
import { heldOrders } from './findings';
import { getRuleParams } from './params';

/**
 * The rule checks' one writer: recomputes the findings of the products and orders touched and
 * stores them (rule, severity, parameters), inside the caller's transaction when there is one.
 * Orders to ship (待发货, after-sale included) are checked; others carry no findings. Every
 * order carries its products' findings too (origin 'product'), so one index serves the grid.
 * OUT_OF_STOCK is a property of the whole queue (most urgent first, as a fill hands stock out),
 * so it is recomputed for the whole shop on every check: it is cheap, only unfilled orders count.
 */
export interface CheckScope {
  /** Orders whose findings to recompute. */
  orderIds?: readonly number[];
  /** Orders written by these imports. */
  importIds?: readonly number[];
  /** Products (by id) that changed: every order with a line of them is checked again. */
  productIds?: readonly number[];
}

interface ProductRow { id: number; sku_key: string; title: string; spec: string; kind: DeliveryKind | null; confirmed: number; terms: string }
interface OrderRow { id: number; order_no: string; reason: ReasonCode | null; after_sale: string; province: string; recharge_no: string; paid_at: string | null; ship_by: string | null; sku_key: string; line_count: number; shippable: number }

interface Loaded { id: number; skuKey: string; rule: RuleProduct }

/** The product as the rules see it: the merchant's confirmed profile, or the suggestion until then. */
function ruleProduct(r: ProductRow): RuleProduct {
  const s = r.confirmed || r.kind ? null : suggestProfile(r.title, r.spec);
  return {
    skuKey: r.sku_key, title: r.title, spec: r.spec, kind: s ? s.kind : r.kind, confirmed: r.confirmed === 1,
    terms: s ? s.terms : (JSON.parse(r.terms) as ProductTerms),
  };
}

/** The env of a shop's check: now, the parameters, its type, and the number-prefix data. */
export function ruleEnv(db: Db, shopId: number): RuleEnv {
  const type = db.prepare('SELECT type FROM shops WHERE id = ?').pluck().get(shopId) as ShopType | undefined;
  return { now: nowMs(), params: getRuleParams(db), shopType: type ?? 'personal', provinceOfNumber };
}

/** Active overrides of the shop: `order|<orderNo>|<rule>` and `product|<skuKey>|<rule>`. */
function activeOverrides(db: Db, shopId: number): Set<string> {
  const rows = db.prepare('SELECT subject, subject_key, rule FROM rule_overrides WHERE shop_id = ? AND withdrawn_at IS NULL').raw().all(shopId) as [string, string, string][];
  return new Set(rows.map(([s, k, r]) => `${s}|${k}|${r}`));
}

const TO_SHIP = '(o.shippable = 1 OR o.reason = \'AFTER_SALE\') AND o.damaged = 0';

export function checkShop(db: Db, shopId: number, scope?: CheckScope): void {
  db.transaction(() => runCheck(db, shopId, scope)).immediate();
}

function runCheck(db: Db, shopId: number, scope?: CheckScope): void {
  const env = ruleEnv(db, shopId);
  const full = !scope;
  const products = new Map<string, Loaded>();
  for (const r of db.prepare('SELECT id, sku_key, title, spec, kind, confirmed, terms FROM products WHERE shop_id = ?').all(shopId) as ProductRow[]) {
    products.set(r.sku_key, { id: r.id, skuKey: r.sku_key, rule: ruleProduct(r) });
  }
  const productHits = new Map<string, RuleHit[]>();
  for (const p of products.values()) productHits.set(p.skuKey, checkProduct(p.rule, env));

  const insert = db.prepare('INSERT INTO findings (shop_id, order_id, product_id, rule, severity, origin, sku_key, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const write = (orderId: number | null, productId: number | null, h: RuleHit, origin: 'order' | 'product', skuKey: string | null) => {
    const params = h.spans ? { ...h.params, spans: h.spans } : h.params;
    insert.run(shopId, orderId, productId, h.rule, h.severity, origin, skuKey, JSON.stringify(params));
  };

  // Products' own findings, all of them every time: a shop has hundreds of products, not millions.
  db.prepare('DELETE FROM findings WHERE shop_id = ? AND product_id IS NOT NULL').run(shopId);
  for (const p of products.values()) for (const h of productHits.get(p.skuKey)!) write(null, p.id, h, 'product', p.skuKey);
  const byId = new Map([...products.values()].map((p) => [p.id, p]));
  const productIds = full ? [] : [...(scope.productIds ?? [])];

  // Orders in scope: every order to ship on a full check; else the ones touched.
  let orders: OrderRow[];
  const cols = 'o.id, o.order_no, o.reason, o.after_sale, o.province, o.recharge_no, o.paid_at, o.ship_by, o.sku_key, o.line_count, o.shippable';
  if (full) {
    db.prepare('DELETE FROM findings WHERE shop_id = ? AND order_id IS NOT NULL').run(shopId);
    orders = db.prepare(`SELECT ${cols} FROM orders o WHERE o.shop_id = ? AND ${TO_SHIP}`).all(shopId) as OrderRow[];
  } else {
    const ids = new Set<number>(scope.orderIds ?? []);
    if (scope.importIds?.length) {
      const st = db.prepare('SELECT id FROM orders WHERE shop_id = ? AND last_import_id = ?').pluck();
      for (const imp of scope.importIds) for (const id of st.all(shopId, imp) as number[]) ids.add(id);
    }
    if (productIds.length) {
      const st = db.prepare(`SELECT DISTINCT l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.shop_id = ? AND ${skuKeySql('l')} = ?`).pluck();
      for (const id of productIds) {
        const p = byId.get(id);
        if (p) for (const oid of st.all(shopId, p.skuKey) as number[]) ids.add(oid);
      }
    }
    const del = db.prepare('DELETE FROM findings WHERE order_id = ?');
    const get = db.prepare(`SELECT ${cols} FROM orders o WHERE o.id = ? AND ${TO_SHIP}`);
    orders = [];
    for (const id of ids) {
      del.run(id);
      const o = get.get(id) as OrderRow | undefined;
      if (o) orders.push(o);
    }
  }

  // Line products of multi-line orders (single-line orders use the order's own key).
  const lineKeys = new Map<number, string[]>();
  const multi = orders.filter((o) => o.line_count > 1);
  if (multi.length) {
    const st = db.prepare(`SELECT ${skuKeySql('l')} FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no`).pluck();
    for (const o of multi) lineKeys.set(o.id, st.all(o.id) as string[]);
  }
  const items = itemsWithExpiry(db, shopId, full ? null : orders.map((o) => o.id));
  const overrides = activeOverrides(db, shopId);
  const held = new Set<number>();

  for (const o of orders) {
    const keys = lineKeys.get(o.id) ?? [o.sku_key];
    const ps = keys.map((k) => products.get(k)?.rule ?? null);
    const hits = checkOrder({
      orderNo: o.order_no, reason: o.reason, afterSale: o.after_sale, province: o.province, rechargeNo: o.recharge_no,
      paidAt: o.paid_at, shipBy: o.ship_by, products: ps, items: items.get(o.id) ?? [], stockShort: null,
    } satisfies RuleOrder, env);
    for (const h of hits) {
      write(o.id, null, h, 'order', null);
      if (h.severity === 'block' && RULES[h.rule].holdsFill && !overrides.has(`order|${o.order_no}|${h.rule}`)) held.add(o.id);
    }
    for (const k of new Set(keys)) {
      for (const h of productHits.get(k) ?? []) {
        write(o.id, null, h, 'product', k);
        if (h.severity === 'block' && RULES[h.rule].holdsFill && !overrides.has(`product|${k}|${h.rule}`) && !overrides.has(`order|${o.order_no}|${h.rule}`)) held.add(o.id);
      }
    }
  }
  checkStock(db, shopId, env, products, held, new Set(orders.map((o) => o.id)));
  db.prepare('INSERT INTO rule_checks (shop_id, checked_at) VALUES (?, ?) ON CONFLICT(shop_id) DO UPDATE SET checked_at = excluded.checked_at').run(shopId, nowIso());
}

/** Items with an expiry bound to orders now (masked label), by order; `orderIds` null = the whole shop. */
function itemsWithExpiry(db: Db, shopId: number, orderIds: number[] | null): Map<number, { label: string; expiresAt: string | null }[]> {
  const m = new Map<number, { label: string; expiresAt: string | null }[]>();
  const sql = `SELECT a.order_id, i.kind, i.card_no, i.code, i.login, i.expires_at FROM allocations a JOIN stock_items i ON i.id = a.item_id
    WHERE a.released_at IS NULL AND i.expires_at IS NOT NULL AND `;
  let rows: unknown[];
  if (orderIds === null) rows = db.prepare(`${sql} a.shop_id = ?`).all(shopId);
  else {
    // One statement for all the orders (preparing one per order cost more than the lookups).
    const st = db.prepare(`${sql} a.order_id = ?`);
    rows = orderIds.flatMap((id) => st.all(id));
  }
  for (const r of rows as { order_id: number; kind: string; card_no: string; code: string; login: string; expires_at: string }[]) {
    const list = m.get(r.order_id) ?? [];
    list.push({ label: maskItem(r), expiresAt: r.expires_at });
    m.set(r.order_id, list);
  }
  return m;
}

/**
 * OUT_OF_STOCK for the whole shop: the unfilled orders to ship, most urgent first (as a fill
 * serves them), each taking what it needs of its products' usable stock; an order that does not
 * fit is short. Orders a rule holds back (region lock …) take nothing, as in a fill.
 * `fresh`: orders whose hold state was just computed (`held`); the others' comes from the store.
 */
function checkStock(db: Db, shopId: number, env: RuleEnv, products: Map<string, Loaded>, held: Set<number>, fresh: Set<number>): void {
  const storedHeld = heldOrders(db, shopId);
  const isHeld = (id: number) => (fresh.has(id) ? held.has(id) : storedHeld.has(id));
  const isStocked = (p: Loaded | undefined): p is Loaded =>
    !!p && p.rule.confirmed && !!p.rule.kind && STOCKED_KINDS.includes(p.rule.kind) && !(p.rule.kind === 'account' && !p.rule.terms.rentalDays);

  // Only orders whose (first) product is stocked can be short: an order with any line of another
  // product is not filled from stock at all. orders.sku_key is the first line's key (indexed), so
  // the queue is read without the lines of the shop's other orders; multi-line orders read theirs.
  const stockedKeys = [...products.values()].filter(isStocked).map((p) => p.skuKey);
  const queue = stockedKeys.length === 0 ? [] : db.prepare(`SELECT o.id, o.sku_key, o.quantity, o.line_count FROM orders o
    WHERE o.shop_id = ? AND o.sku_key IN (SELECT value FROM json_each(?)) AND o.shippable = 1 AND o.damaged = 0
      AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL)
    ORDER BY (o.ship_by IS NULL), o.ship_by, o.id`).raw().all(shopId, JSON.stringify(stockedKeys)) as [number, string, number, number][];
  const linesOf = db.prepare(`SELECT ${skuKeySql('l')}, l.quantity FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no`).raw();

  const left = new Map<number, number>();
  const usable = (p: Loaded): number => {
    let n = left.get(p.id);
    if (n === undefined) { n = usableCount(db, p, env.now); left.set(p.id, n); }
    return n;
  };
  /** OUT_OF_STOCK as it is now: order → its params. */
  const short = new Map<number, string>();
  for (const [orderId, key, quantity, lineCount] of queue) {
    if (isHeld(orderId)) continue;
    const lines = lineCount > 1 ? linesOf.all(orderId) as [string, number][] : [[key, quantity] as [string, number]];
    const needs = new Map<Loaded, number>();
    let stocked = true;
    for (const [k, q] of lines) {
      const p = products.get(k);
      if (!isStocked(p)) { stocked = false; break; }
      needs.set(p, (needs.get(p) ?? 0) + q * (p.rule.terms.itemsPerUnit ?? 1));
    }
    if (!stocked) continue;
    const lacking = [...needs].find(([p, n]) => usable(p) < n);
    if (lacking) {
      short.set(orderId, JSON.stringify({ need: lacking[1], available: usable(lacking[0]) }));
      continue;
    }
    for (const [p, n] of needs) left.set(p.id, usable(p) - n);
  }

  // Write only what changed: most of a shop's shortages are the same after a check of a few orders.
  const stored = db.prepare("SELECT id, order_id, params FROM findings WHERE shop_id = ? AND rule = 'OUT_OF_STOCK'").raw().all(shopId) as [number, number, string][];
  const del = db.prepare('DELETE FROM findings WHERE id = ?');
  for (const [id, orderId, params] of stored) {
    if (short.get(orderId) === params) short.delete(orderId);
    else del.run(id);
  }
  const insert = db.prepare(`INSERT INTO findings (shop_id, order_id, product_id, rule, severity, origin, sku_key, params) VALUES (?, ?, NULL, 'OUT_OF_STOCK', 'block', 'order', NULL, ?)`);
  for (const [orderId, params] of short) insert.run(shopId, orderId, params);
}

/** Items a fill could hand out now: available, unexpired beyond the product's minimum validity, and for accounts free. */
function usableCount(db: Db, p: Loaded, now: number): number {
  const minExp = toBeijingIso(now + (p.rule.terms.minValidityDays ?? 0) * DAY_MS);
  if (p.rule.kind === 'account') {
    // A rental account serves one order at a time; those free now count.
    return db.prepare(`SELECT count(*) FROM stock_items WHERE product_id = ? AND state = 'available'
      AND (busy_until IS NULL OR busy_until <= ?) AND (expires_at IS NULL OR expires_at >= ?)`).pluck().get(p.id, toBeijingIso(now), minExp) as number;
  }
  return db.prepare(`SELECT count(*) FROM stock_items WHERE product_id = ? AND state = 'available' AND (expires_at IS NULL OR expires_at >= ?)`).pluck().get(p.id, minExp) as number;
}
