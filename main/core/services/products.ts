import type { ParsedReq } from '../../../shared/contract';
import type { ConfirmManyResult } from '../../../shared/contract/products';
import type { DeliveryKind, Finding, Product, ProductTerms, StockLevels } from '../../../shared/domain';
import { STOCKED_KINDS } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { suggestProfile } from '../../../shared/rules/suggest';
import { toBeijingIso } from '../../../shared/rules/classify';
import { skuKeySql } from '../../../shared/rules/sku-key';
import type { Db } from '../db/open';
import { nowIso, nowMs } from './clock';
import { checkShop } from './rules/check';
import { findingsForProducts } from './rules/findings';
import { checkTemplate } from '../../../shared/rules/platform/product-terms';
import { shortProvince } from '../../../shared/rules/platform/order-rules';
import { getRuleParams } from './rules/params';

/**
 * Run by every order import, inside its transaction (the only writer of orders), so readers never
 * need to. Products are found from the imported orders: one per SKU key (商家编码-规格维度, else 样式ID,
 * else 商品id + 商品规格 — shared/rules/sku-key). New keys are added; nothing the
 * merchant set is ever overwritten by a later import.
 */
export function syncProducts(db: Db, shopId: number, importIds?: number[]): void {
  const now = nowIso();
  // Every line counts: the second item of a two-item order is a product too. Only the lines an
  // import wrote can bring a new key, so an import looks at its own lines only.
  const scope = importIds ? `AND l.import_id IN (${importIds.map(() => '?').join(',') || 'NULL'})` : '';
  db.prepare(`INSERT INTO products (shop_id, sku_key, title, spec, product_id, created_at, updated_at)
    SELECT ?, k, product_name, spec, product_id, ?, ? FROM (
      SELECT ${skuKeySql('l')} AS k, l.product_name, l.spec, l.product_id FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.shop_id = ? AND o.damaged = 0 ${scope})
    WHERE k NOT IN (SELECT sku_key FROM products WHERE shop_id = ?)
    GROUP BY k`).run(shopId, now, now, shopId, ...(importIds ?? []), shopId);
}

/** Shippable orders not yet filled, per SKU key: how many, and the units (line quantities) they need. */
function waitingBySku(db: Db, shopId: number, skuKey?: string): Map<string, { n: number; q: number }> {
  const rows = db.prepare(`SELECT k, count(DISTINCT order_id) AS n, sum(quantity) AS q FROM (
      SELECT ${skuKeySql('l')} AS k, l.order_id, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.shop_id = ? AND o.shippable = 1
        AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.order_id = o.id AND a.released_at IS NULL))
    ${skuKey !== undefined ? 'WHERE k = ?' : ''} GROUP BY k`).all(...(skuKey !== undefined ? [shopId, skuKey] : [shopId])) as { k: string; n: number; q: number }[];
  return new Map(rows.map((r) => [r.k, { n: r.n, q: r.q }]));
}

interface ProductRow { id: number; shop_id: number; sku_key: string; title: string; spec: string; product_id: string; kind: DeliveryKind | null; confirmed: number; terms: string; low_stock: number }

export function emptyLevels(): StockLevels {
  return { available: 0, reserved: 0, delivered: 0, expired: 0, voided: 0 };
}

/**
 * Levels computed from the items themselves — never a stored counter that could drift. Counts come
 * from the covering index (product_id, state, expires_at), so a pool of a million stays quick.
 */
export function levelsByProduct(db: Db, shopId: number, productId?: number): Map<number, StockLevels> {
  const now = toBeijingIso(nowMs());
  const scope = productId ? 'product_id = @pid' : 'product_id IN (SELECT id FROM products WHERE shop_id = @shopId)';
  const counts = db.prepare(`SELECT product_id AS pid, state AS s, count(*) AS n FROM stock_items WHERE ${scope} GROUP BY product_id, state`).all({ pid: productId ?? null, shopId }) as { pid: number; s: keyof StockLevels; n: number }[];
  const expired = db.prepare(`SELECT product_id AS pid, count(*) AS n FROM stock_items WHERE ${scope} AND state = 'available' AND expires_at < @now GROUP BY product_id`).all({ pid: productId ?? null, shopId, now }) as { pid: number; n: number }[];
  const m = new Map<number, StockLevels>();
  for (const r of counts) {
    const l = m.get(r.pid) ?? emptyLevels();
    l[r.s] += r.n;
    m.set(r.pid, l);
  }
  for (const r of expired) {
    const l = m.get(r.pid)!;
    l.available -= r.n;
    l.expired += r.n;
  }
  return m;
}

export function listProducts(db: Db, shopId: number): Product[] {
  const rows = db.prepare('SELECT * FROM products WHERE shop_id = ? ORDER BY title, spec, id').all(shopId) as ProductRow[];
  const waiting = waitingBySku(db, shopId);
  const levels = levelsByProduct(db, shopId);
  const findings = findingsForProducts(db, shopId, rows.map((r) => ({ id: r.id, skuKey: r.sku_key })));
  return rows.map((r) => toProduct(r, waiting.get(r.sku_key), levels.get(r.id) ?? emptyLevels(), findings.get(r.id) ?? []));
}

function toProduct(r: ProductRow, w: { n: number; q: number } | undefined, levels: StockLevels, findings: Finding[]): Product {
  const suggestion = suggestProfile(r.title, r.spec);
  const terms = JSON.parse(r.terms) as ProductTerms;
  const kind = r.confirmed ? r.kind : r.kind ?? suggestion.kind;
  const effTerms = r.confirmed || r.kind ? terms : suggestion.terms;
  const perUnit = effTerms.itemsPerUnit ?? 1;
  const units = (w?.q ?? 0) * perUnit;
  const stocked = kind !== null && STOCKED_KINDS.includes(kind);
  return {
    id: r.id, shopId: r.shop_id, skuKey: r.sku_key, title: r.title, spec: r.spec, productId: r.product_id,
    kind, confirmed: r.confirmed === 1, terms: effTerms, suggestion, lowStock: r.low_stock,
    waiting: w?.n ?? 0, waitingUnits: units, levels, shortage: stocked ? Math.max(0, units - levels.available) : 0, findings,
  };
}

/** The product's stored profile only (no counts): for services that need its kind and terms. */
export function getProductProfile(db: Db, shopId: number, skuKey: string): { id: number; skuKey: string; kind: DeliveryKind | null; terms: ProductTerms } {
  const r = db.prepare('SELECT * FROM products WHERE shop_id = ? AND sku_key = ?').get(shopId, skuKey) as ProductRow | undefined;
  if (!r) throw new AppError('PRODUCT_NOT_FOUND', { detail: skuKey });
  const s = r.confirmed || r.kind ? null : suggestProfile(r.title, r.spec);
  return { id: r.id, skuKey: r.sku_key, kind: s ? s.kind : r.kind, terms: s ? s.terms : (JSON.parse(r.terms) as ProductTerms) };
}

export function getProduct(db: Db, shopId: number, skuKey: string): Product {
  const r = db.prepare('SELECT * FROM products WHERE shop_id = ? AND sku_key = ?').get(shopId, skuKey) as ProductRow | undefined;
  if (!r) throw new AppError('PRODUCT_NOT_FOUND', { detail: skuKey });
  const findings = findingsForProducts(db, shopId, [{ id: r.id, skuKey: r.sku_key }]).get(r.id) ?? [];
  return toProduct(r, waitingBySku(db, shopId, skuKey).get(skuKey), levelsByProduct(db, shopId, r.id).get(r.id) ?? emptyLevels(), findings);
}

/** What `products.set` may change: its request without the address (derived from the schema). */
export type ProductPatch = Omit<ParsedReq<'products.set'>, 'shopId' | 'skuKey'>;

/** Setting a product's kind or terms confirms it: from then on the merchant's word stands. */
export function setProduct(db: Db, shopId: number, skuKey: string, patch: ProductPatch): Product {
  const p = getProduct(db, shopId, skuKey);
  let kind = p.confirmed ? p.kind : null;
  let terms: ProductTerms = p.confirmed ? { ...p.terms } : {};
  if (patch.acceptSuggestion) {
    kind = p.suggestion.kind;
    terms = { ...p.suggestion.terms };
  }
  if (patch.kind) kind = patch.kind;
  if (patch.terms) terms = patch.replaceTerms ? { ...patch.terms } : { ...terms, ...patch.terms };
  for (const k of Object.keys(terms) as (keyof ProductTerms)[]) if (terms[k] === undefined || terms[k] === null) delete terms[k];
  if (terms.validDays !== undefined && terms.validUntil !== undefined && patch.terms?.validUntil) delete terms.validDays;
  if (terms.validDays !== undefined && terms.validUntil !== undefined && patch.terms?.validDays) delete terms.validUntil;
  if (terms.shipDays !== undefined && patch.terms?.shipHours) delete terms.shipDays;
  if (terms.shipHours !== undefined && patch.terms?.shipDays) delete terms.shipHours;
  const confirmed = kind !== null ? 1 : 0;
  // A region lock names provinces; '江苏省' is kept as 江苏, a city or a typo is refused rather than dropped.
  if (terms.region) {
    const bad = terms.region.find((r) => !shortProvince(r));
    if (bad !== undefined) throw new AppError('REGION_UNKNOWN', { column: '限定地区', detail: bad });
    terms.region = [...new Set(terms.region.map(shortProvince))];
  }
  // A template that points buyers elsewhere is refused when saved (the editor shows it live, same rule).
  if (patch.terms?.messageTemplate) {
    const hit = checkTemplate(patch.terms.messageTemplate, { params: getRuleParams(db) });
    if (hit?.severity === 'block') throw new AppError('TEMPLATE_DIVERSION', { column: '发货消息模板', detail: String(hit.params.text) });
  }
  db.transaction(() => {
    db.prepare('UPDATE products SET kind = ?, terms = ?, confirmed = ?, low_stock = coalesce(?, low_stock), updated_at = ? WHERE id = ?')
      .run(kind, JSON.stringify(terms), confirmed, patch.lowStock ?? null, nowIso(), p.id);
    checkShop(db, shopId, { productIds: [p.id] });
  }).immediate();
  return getProduct(db, shopId, skuKey);
}

/**
 * 批量确认建议: each product named takes VShip's suggestion (kind and terms), as `products.set`
 * with `acceptSuggestion` does, in one transaction with one rule check. A product without a
 * suggestion, or one the merchant already confirmed, is left as it was and named in the result.
 */
export function confirmMany(db: Db, shopId: number, skuKeys: string[]): ConfirmManyResult {
  const keys = [...new Set(skuKeys)];
  const rows = keys.map((k) => {
    const r = db.prepare('SELECT * FROM products WHERE shop_id = ? AND sku_key = ?').get(shopId, k) as ProductRow | undefined;
    if (!r) throw new AppError('PRODUCT_NOT_FOUND', { detail: k });
    return r;
  });
  const noSuggestion: string[] = [];
  const alreadyConfirmed: string[] = [];
  const accept: { id: number; skuKey: string; kind: DeliveryKind; terms: ProductTerms }[] = [];
  for (const r of rows) {
    if (r.confirmed) { alreadyConfirmed.push(r.sku_key); continue; }
    const s = suggestProfile(r.title, r.spec);
    if (s.kind === null) { noSuggestion.push(r.sku_key); continue; }
    accept.push({ id: r.id, skuKey: r.sku_key, kind: s.kind, terms: { ...s.terms } });
  }
  if (accept.length) {
    const now = nowIso();
    const update = db.prepare('UPDATE products SET kind = ?, terms = ?, confirmed = 1, updated_at = ? WHERE id = ? AND confirmed = 0');
    db.transaction(() => {
      for (const a of accept) update.run(a.kind, JSON.stringify(a.terms), now, a.id);
      checkShop(db, shopId, { productIds: accept.map((a) => a.id) });
    }).immediate();
  }
  const confirmed = accept.length ? listProducts(db, shopId).filter((p) => accept.some((a) => a.id === p.id)) : [];
  return { confirmed, noSuggestion, alreadyConfirmed };
}
