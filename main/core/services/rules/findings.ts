import type { Finding, FindingRow, FindingSpan, FindingsPage, RuleId, RuleOverride, RulesSummary, Severity } from '../../../../shared/domain';
import { RULE_IDS } from '../../../../shared/domain';
import { RULES } from '../../../../shared/rules/platform/catalogue';
import { findingText } from '../../../../shared/rules/platform/finding-text';
import type { Db } from '../../db/open';
import { inChunks } from './chunks';

/** Reading what the checks stored: per order, per product, the flat list and the counts. */

interface FindingRowDb { id: number; order_id: number | null; product_id: number | null; rule: RuleId; severity: Severity; origin: 'order' | 'product'; sku_key: string | null; params: string }
interface OverrideRowDb { id: number; subject: 'order' | 'product'; subject_key: string; rule: RuleId; reason: string; by: string; at: string }

export function toOverride(r: OverrideRowDb): RuleOverride {
  return { id: r.id, subject: r.subject, key: r.subject_key, rule: r.rule, reason: r.reason, by: r.by, at: r.at };
}

/** Active overrides of the shop by `subject|key|rule`. */
function overridesOf(db: Db, shopId: number): Map<string, RuleOverride> {
  const rows = db.prepare('SELECT id, subject, subject_key, rule, reason, by, at FROM rule_overrides WHERE shop_id = ? AND withdrawn_at IS NULL').all(shopId) as OverrideRowDb[];
  return new Map(rows.map((r) => [`${r.subject}|${r.subject_key}|${r.rule}`, toOverride(r)]));
}

function toFinding(r: FindingRowDb, override: RuleOverride | null): Finding {
  const { spans, ...params } = JSON.parse(r.params) as Finding['params'] & { spans?: FindingSpan[] };
  return {
    rule: r.rule, severity: r.severity, params, origin: r.origin, ...(r.sku_key ? { skuKey: r.sku_key } : {}),
    ...(spans ? { spans } : {}), override: r.severity === 'block' ? override : null,
  };
}

const bySeverity = (a: Finding, b: Finding) => (a.severity === b.severity ? RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) : a.severity === 'block' ? -1 : 1);

/** The override lifting a finding of this order: one for the order, or (for a product's finding) one for the product. */
function overrideFor(overrides: Map<string, RuleOverride>, orderNo: string, r: FindingRowDb): RuleOverride | null {
  return overrides.get(`order|${orderNo}|${r.rule}`) ?? (r.sku_key ? overrides.get(`product|${r.sku_key}|${r.rule}`) ?? null : null);
}

/** Each order's findings, blocks first. */
export function findingsForOrders(db: Db, shopId: number, orders: { id: number; orderNo: string }[]): Map<number, Finding[]> {
  const m = new Map<number, Finding[]>();
  if (orders.length === 0) return m;
  const overrides = overridesOf(db, shopId);
  const st = db.prepare('SELECT id, order_id, product_id, rule, severity, origin, sku_key, params FROM findings WHERE order_id = ?');
  for (const o of orders) {
    const list = (st.all(o.id) as FindingRowDb[]).map((r) => toFinding(r, overrideFor(overrides, o.orderNo, r)));
    if (list.length) m.set(o.id, list.sort(bySeverity));
  }
  return m;
}

/** Each product's own findings, blocks first. */
export function findingsForProducts(db: Db, shopId: number, products: { id: number; skuKey: string }[]): Map<number, Finding[]> {
  const m = new Map<number, Finding[]>();
  const overrides = overridesOf(db, shopId);
  const rows = db.prepare('SELECT id, order_id, product_id, rule, severity, origin, sku_key, params FROM findings WHERE shop_id = ? AND product_id IS NOT NULL').all(shopId) as FindingRowDb[];
  const wanted = new Map(products.map((p) => [p.id, p.skuKey]));
  for (const r of rows) {
    const key = wanted.get(r.product_id!);
    if (key === undefined) continue;
    const list = m.get(r.product_id!) ?? [];
    list.push(toFinding(r, overrides.get(`product|${key}|${r.rule}`) ?? null));
    m.set(r.product_id!, list);
  }
  for (const l of m.values()) l.sort(bySeverity);
  return m;
}

/** SQL: the finding `f` (of an order `o`, or a product) is not lifted by an active override. */
export const ACTIVE_FINDING = `(f.severity = 'warn' OR (
  NOT EXISTS (SELECT 1 FROM rule_overrides r WHERE r.shop_id = f.shop_id AND r.subject = 'order' AND f.order_id IS NOT NULL
    AND r.subject_key = (SELECT order_no FROM orders WHERE id = f.order_id) AND r.rule = f.rule AND r.withdrawn_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM rule_overrides r WHERE r.shop_id = f.shop_id AND r.subject = 'product' AND r.subject_key = f.sku_key
    AND r.rule = f.rule AND r.withdrawn_at IS NULL)))`;

export function rulesSummary(db: Db, shopId: number): RulesSummary {
  const checkedAt = (db.prepare('SELECT checked_at FROM rule_checks WHERE shop_id = ?').pluck().get(shopId) as string | undefined) ?? null;
  const rows = db.prepare(`SELECT f.rule, f.severity,
      count(DISTINCT CASE WHEN f.order_id IS NOT NULL AND ${ACTIVE_FINDING} THEN f.order_id END) AS orders,
      count(DISTINCT CASE WHEN f.product_id IS NOT NULL AND ${ACTIVE_FINDING} THEN f.product_id END) AS products,
      count(DISTINCT CASE WHEN NOT ${ACTIVE_FINDING} THEN coalesce('o' || f.order_id, 'p' || f.product_id) END) AS overridden
    FROM findings f WHERE f.shop_id = ? GROUP BY f.rule, f.severity`).all(shopId) as { rule: RuleId; severity: Severity; orders: number; products: number; overridden: number }[];
  const totals = db.prepare(`SELECT
      count(DISTINCT CASE WHEN f.severity = 'block' AND f.order_id IS NOT NULL AND ${ACTIVE_FINDING} THEN f.order_id END) AS blocked,
      count(DISTINCT CASE WHEN f.order_id IS NOT NULL AND ${ACTIVE_FINDING} THEN f.order_id END) AS any,
      count(DISTINCT CASE WHEN f.severity = 'block' AND f.product_id IS NOT NULL AND ${ACTIVE_FINDING} THEN f.product_id END) AS blockedProducts
    FROM findings f WHERE f.shop_id = ?`).get(shopId) as { blocked: number; any: number; blockedProducts: number };
  // Orders with warnings only: any active finding, minus those with an active block.
  const counts = rows.sort((a, b) => RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) || (a.severity === 'block' ? -1 : 1));
  return { checkedAt, blockedOrders: totals.blocked, warnedOrders: totals.any - totals.blocked, blockedProducts: totals.blockedProducts, counts };
}

/** The flat list: blocks first, then by rule, then by order number / SKU key. */
export function listFindings(db: Db, q: { shopId: number; rule?: RuleId; severity?: Severity; subject?: 'order' | 'product'; active?: boolean; offset?: number; limit?: number }): FindingsPage {
  const parts = ['f.shop_id = ?'];
  const params: (string | number)[] = [q.shopId];
  if (q.rule) { parts.push('f.rule = ?'); params.push(q.rule); }
  if (q.severity) { parts.push('f.severity = ?'); params.push(q.severity); }
  if (q.subject === 'order') parts.push('f.order_id IS NOT NULL');
  if (q.subject === 'product') parts.push('f.product_id IS NOT NULL');
  if (q.active) parts.push(ACTIVE_FINDING);
  const where = parts.join(' AND ');
  const total = db.prepare(`SELECT count(*) FROM findings f WHERE ${where}`).pluck().get(...params) as number;
  const offset = q.offset ?? 0;
  const rows = db.prepare(`SELECT f.id, f.order_id, f.product_id, f.rule, f.severity, f.origin, f.sku_key, f.params,
      coalesce(o.order_no, p.sku_key) AS key, coalesce(o.product_name || ' ' || o.spec, p.title || ' ' || p.spec) AS title
    FROM findings f LEFT JOIN orders o ON o.id = f.order_id LEFT JOIN products p ON p.id = f.product_id
    WHERE ${where} ORDER BY f.severity = 'warn', f.rule, key, f.id LIMIT ? OFFSET ?`).all(...params, q.limit ?? 500, offset) as (FindingRowDb & { key: string; title: string })[];
  const overrides = overridesOf(db, q.shopId);
  return {
    total, offset,
    rows: rows.map((r): FindingRow => {
      const subject = r.order_id !== null ? 'order' : 'product';
      const ov = subject === 'order' ? overrideFor(overrides, r.key, r) : overrides.get(`product|${r.key}|${r.rule}`) ?? null;
      const f = toFinding(r, ov);
      return { ...f, subject, key: r.key, title: r.title.trim(), message: findingText(f) };
    }),
  };
}

/** Whether a rule may be lifted by hand (its definition says so, and it blocks). */
export function overridable(rule: RuleId): boolean {
  return RULES[rule].overridable;
}

const HOLD_RULES = RULE_IDS.filter((r) => RULES[r].holdsFill);
const HELD = `f.severity = 'block' AND f.rule IN (${HOLD_RULES.map(() => '?').join(',')}) AND ${ACTIVE_FINDING}`;

/** Orders a rule holds back from a fill (an active block filling cannot cure), with the first such rule. */
export function heldOrders(db: Db, shopId: number): Map<number, RuleId> {
  const rows = db.prepare(`SELECT f.order_id, f.rule FROM findings f WHERE f.shop_id = ? AND f.order_id IS NOT NULL AND ${HELD}
    ORDER BY f.order_id, f.id`).raw().all(shopId, ...HOLD_RULES) as [number, RuleId][];
  const m = new Map<number, RuleId>();
  for (const [id, rule] of rows) if (!m.has(id)) m.set(id, rule);
  return m;
}

/** `heldOrders` of these orders only (index findings_order): what a fill or a stock check asks of its queue. */
export function heldAmong(db: Db, shopId: number, orderIds: readonly number[]): Map<number, RuleId> {
  const rows = inChunks(db, (list) => `SELECT f.order_id, f.rule FROM findings f INDEXED BY findings_order WHERE f.order_id IN (${list}) AND f.shop_id = ? AND ${HELD}
    ORDER BY f.order_id, f.id`)(orderIds, [], [shopId, ...HOLD_RULES]) as [number, RuleId][];
  const m = new Map<number, RuleId>();
  for (const [id, rule] of rows) if (!m.has(id)) m.set(id, rule);
  return m;
}
