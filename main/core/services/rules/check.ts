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
import { inChunks } from './chunks';
import { heldAmong } from './findings';
import { getRuleParams } from './params';

/**
 * The rule checks' one writer: recomputes the findings of the products and orders touched and
 * stores them (rule, severity, parameters), inside the caller's transaction when there is one.
 * Orders to ship (待发货, after-sale included) are checked; others carry no findings. Every
 * order carries its products' findings too (origin 'product'), so one index serves the grid.
 * OUT_OF_STOCK is a property of the whole queue (most urgent first, as a fill hands stock out),
 * so it is recomputed for the whole shop on every check: only the unfilled orders of stocked
 * products are read (a filled order costs an index probe), so it grows with the queue, not the shop.
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
/** Orders per statement: SQLite takes up to 32,766 parameters; a few hundred keeps the statements small and the memory flat. */
const CHUNK = 500;

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
  // Written as a diff, product by product (index findings_product). On a partial check, a product
  // whose findings changed without an edit (a validUntil the clock brought within the limit) has
  // its orders checked too: they carry its findings, and a fill holds by them.
  const storedOf = db.prepare("SELECT rule || '|' || severity || '|' || params FROM findings WHERE product_id = ? ORDER BY id").pluck();
  const delProduct = db.prepare('DELETE FROM findings WHERE product_id = ?');
  const changedProducts: number[] = [];
  for (const p of products.values()) {
    const hits = productHits.get(p.skuKey)!;
    const fresh = hits.map((h) => `${h.rule}|${h.severity}|${JSON.stringify(h.spans ? { ...h.params, spans: h.spans } : h.params)}`).join('\n');
    if ((storedOf.all(p.id) as string[]).join('\n') === fresh) continue;
    delProduct.run(p.id);
    for (const h of hits) write(null, p.id, h, 'product', p.skuKey);
    changedProducts.push(p.id);
  }
  const byId = new Map([...products.values()].map((p) => [p.id, p]));
  const productIds = full ? [] : [...new Set([...(scope.productIds ?? []), ...changedProducts])];

  // Orders in scope: every order to ship on a full check; else the ones touched.
  const cols = 'o.id, o.order_no, o.reason, o.after_sale, o.province, o.recharge_no, o.paid_at, o.ship_by, o.sku_key, o.line_count, o.shippable';
  let ids: number[];
  if (full) {
    db.prepare('DELETE FROM findings WHERE shop_id = ? AND order_id IS NOT NULL').run(shopId);
    ids = db.prepare(`SELECT o.id FROM orders o WHERE o.shop_id = ? AND ${TO_SHIP}`).pluck().all(shopId) as number[];
  } else {
    const touched = new Set<number>(scope.orderIds ?? []);
    if (scope.importIds?.length) {
      const st = db.prepare('SELECT id FROM orders WHERE shop_id = ? AND last_import_id = ?').pluck();
      for (const imp of scope.importIds) for (const id of st.all(shopId, imp) as number[]) touched.add(id);
    }
    if (productIds.length) {
      // A product's orders: by the order's own key (index orders_sku), and the other lines of multi-line orders.
      const own = db.prepare('SELECT id FROM orders WHERE shop_id = ? AND sku_key = ?').pluck();
      const multi = db.prepare(`SELECT DISTINCT l.order_id FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.shop_id = ? AND o.line_count > 1 AND ${skuKeySql('l')} = ?`).pluck();
      for (const id of productIds) {
        const p = byId.get(id);
        if (!p) continue;
        for (const oid of own.all(shopId, p.skuKey) as number[]) touched.add(oid);
        for (const oid of multi.all(shopId, p.skuKey) as number[]) touched.add(oid);
      }
    }
    // In rowid order: each chunk's rows, findings and items sit on few pages.
    ids = [...touched].sort((a, b) => a - b);
  }

  const overrides = activeOverrides(db, shopId);
  const held = new Set<number>();
  const linesOf = db.prepare(`SELECT ${skuKeySql('l')} FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no`).pluck();
  // On a partial check only what changed is written, order by order: an order's findings are
  // rewritten (in the order a full check writes them) when they differ from those stored, kept
  // otherwise. OUT_OF_STOCK is checkStock's, and written as a diff there.
  const storedRows = inChunks(db, (list) => `SELECT order_id, id, rule || '|' || severity || '|' || origin || '|' || coalesce(sku_key, '') || '|' || params FROM findings
    WHERE order_id IN (${list}) AND rule <> 'OUT_OF_STOCK' ORDER BY order_id, id`);
  const del = db.prepare('DELETE FROM findings WHERE id = ?');
  const rowKey = (h: RuleHit, origin: 'order' | 'product', skuKey: string | null) =>
    `${h.rule}|${h.severity}|${origin}|${skuKey ?? ''}|${JSON.stringify(h.spans ? { ...h.params, spans: h.spans } : h.params)}`;
  // In chunks: an import of 100,000 orders is checked without holding all of them as objects.
  for (let at = 0; at < ids.length; at += CHUNK) {
    const chunk = ids.slice(at, at + CHUNK);
    const list = chunk.map(() => '?').join(',');
    const stored = new Map<number, { ids: number[]; keys: string[] }>();
    if (!full) {
      for (const [orderId, id, key] of storedRows(chunk) as [number, number, string][]) {
        const s = stored.get(orderId);
        if (s) { s.ids.push(id); s.keys.push(key); } else stored.set(orderId, { ids: [id], keys: [key] });
      }
    }
    const orders = db.prepare(`SELECT ${cols} FROM orders o WHERE o.id IN (${list}) AND ${TO_SHIP}`).all(...chunk) as OrderRow[];
    const items = itemsWithExpiry(db, chunk);
    for (const o of orders) {
      // Single-line orders use the order's own key; multi-line ones read their lines.
      const keys = o.line_count > 1 ? (linesOf.all(o.id) as string[]) : [o.sku_key];
      const ps = keys.map((k) => products.get(k)?.rule ?? null);
      const hits = checkOrder({
        orderNo: o.order_no, reason: o.reason, afterSale: o.after_sale, province: o.province, rechargeNo: o.recharge_no,
        paidAt: o.paid_at, shipBy: o.ship_by, products: ps, items: items.get(o.id) ?? [], stockShort: null,
      } satisfies RuleOrder, env);
      const rows: [RuleHit, 'order' | 'product', string | null][] = [];
      for (const h of hits) {
        rows.push([h, 'order', null]);
        if (h.severity === 'block' && RULES[h.rule].holdsFill && !overrides.has(`order|${o.order_no}|${h.rule}`)) held.add(o.id);
      }
      for (const k of new Set(keys)) {
        for (const h of productHits.get(k) ?? []) {
          rows.push([h, 'product', k]);
          if (h.severity === 'block' && RULES[h.rule].holdsFill && !overrides.has(`product|${k}|${h.rule}`) && !overrides.has(`order|${o.order_no}|${h.rule}`)) held.add(o.id);
        }
      }
      const before = stored.get(o.id);
      stored.delete(o.id);
      if (before && before.keys.length === rows.length && rows.every(([h, origin, k], i) => rowKey(h, origin, k) === before.keys[i])) continue;
      for (const id of before?.ids ?? []) del.run(id);
      for (const [h, origin, k] of rows) write(o.id, null, h, origin, k);
    }
    // Orders of the chunk no longer to ship carry no findings.
    for (const s of stored.values()) for (const id of s.ids) del.run(id);
  }
  checkStock(db, shopId, env, products, held, new Set(ids));
  db.prepare('INSERT INTO rule_checks (shop_id, checked_at) VALUES (?, ?) ON CONFLICT(shop_id) DO UPDATE SET checked_at = excluded.checked_at').run(shopId, nowIso());
}

/** Items with an expiry bound to these orders now (masked label), by order. */
function itemsWithExpiry(db: Db, orderIds: number[]): Map<number, { label: string; expiresAt: string | null }[]> {
  const m = new Map<number, { label: string; expiresAt: string | null }[]>();
  if (orderIds.length === 0) return m;
  const rows = db.prepare(`SELECT a.order_id, i.kind, i.card_no, i.code, i.login, i.expires_at FROM allocations a JOIN stock_items i ON i.id = a.item_id
    WHERE a.order_id IN (${orderIds.map(() => '?').join(',')}) AND a.released_at IS NULL AND i.expires_at IS NOT NULL`).all(...orderIds) as { order_id: number; kind: string; card_no: string; code: string; login: string; expires_at: string }[];
  for (const r of rows) {
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
  // The queue: unfilled orders to ship of a stocked product, most urgent first. An order whose
  // (first) product is not stocked takes nothing, so only the stocked products' orders are read.
  // Through the index orders_sku and the active allocations alone: a filled order costs an index
  // probe, not a row read; only the queued orders' rows are read. A single-line order's product and
  // units are on the order itself; only multi-line orders read their lines.
  const stockedKeys = [...products.values()].filter((p) => p.rule.confirmed && p.rule.kind && STOCKED_KINDS.includes(p.rule.kind)).map((p) => p.skuKey);
  const unfilledOf = db.prepare(`SELECT o.id FROM orders o INDEXED BY orders_sku WHERE o.shop_id = ? AND o.sku_key = ? AND o.shippable = 1
    AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL)`).pluck();
  const ids: number[] = [];
  for (const k of stockedKeys) for (const id of unfilledOf.all(shopId, k) as number[]) ids.push(id);
  ids.sort((a, b) => a - b);
  const queue = inChunks(db, (list) => `SELECT o.id, o.sku_key, o.quantity, o.line_count, o.ship_by FROM orders o WHERE o.id IN (${list}) AND o.damaged = 0`)(ids) as
    [number, string, number, number, string | null][];
  queue.sort((a, b) => (a[4] === b[4] ? a[0] - b[0] : a[4] === null ? 1 : b[4] === null ? -1 : a[4] < b[4] ? -1 : 1));
  // Whether a rule holds an order back: as just computed for `fresh` orders, as stored for the others.
  const storedHeld = heldAmong(db, shopId, queue.filter((r) => !fresh.has(r[0])).map((r) => r[0]));
  const isHeld = (id: number) => (fresh.has(id) ? held.has(id) : storedHeld.has(id));
  const linesOf = db.prepare(`SELECT ${skuKeySql('l')}, l.quantity FROM order_lines l WHERE l.order_id = ? ORDER BY l.line_no`).raw();
  const left = new Map<number, number>();
  const usable = (p: Loaded): number => {
    let n = left.get(p.id);
    if (n === undefined) { n = usableCount(db, p, env.now); left.set(p.id, n); }
    return n;
  };
  const short = new Map<number, string>();
  for (const [orderId, key, quantity, lineCount] of queue) {
    const lines = lineCount > 1 ? (linesOf.all(orderId) as [string, number][]) : [[key, quantity] as [string, number]];
    const needs = new Map<Loaded, number>();
    let stocked = true;
    for (const [k, q] of lines) {
      const p = products.get(k);
      if (!p || !p.rule.confirmed || !p.rule.kind || !STOCKED_KINDS.includes(p.rule.kind) || (p.rule.kind === 'account' && !p.rule.terms.rentalDays)) { stocked = false; break; }
      needs.set(p, (needs.get(p) ?? 0) + q * (p.rule.terms.itemsPerUnit ?? 1));
    }
    if (!stocked || isHeld(orderId)) continue;
    const lacking = [...needs].find(([p, n]) => usable(p) < n);
    if (lacking) short.set(orderId, JSON.stringify({ need: lacking[1], available: usable(lacking[0]) }));
    else for (const [p, n] of needs) left.set(p.id, usable(p) - n);
  }

  // Only what changed is written: a stock import on a shop of 100,000 orders touches few rows.
  const rows = db.prepare("SELECT id, order_id, params FROM findings WHERE shop_id = ? AND rule = 'OUT_OF_STOCK'").raw().all(shopId) as [number, number, string][];
  const before = new Map(rows.map(([id, orderId, params]) => [orderId, { id, params }]));
  const del = db.prepare('DELETE FROM findings WHERE id = ?');
  const insert = db.prepare(`INSERT INTO findings (shop_id, order_id, product_id, rule, severity, origin, sku_key, params) VALUES (?, ?, NULL, 'OUT_OF_STOCK', 'block', 'order', NULL, ?)`);
  for (const [orderId, old] of before) if (short.get(orderId) !== old.params) del.run(old.id);
  for (const [orderId, params] of short) if (before.get(orderId)?.params !== params) insert.run(shopId, orderId, params);
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
