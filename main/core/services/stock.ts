import type { ParsedReq, StockSelection } from '../../../shared/contract';
import type { ItemState, StockBatch, StockDuplicate, StockImportResult, StockItem, StockLevels } from '../../../shared/domain';
import { BATCH_SOURCES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { toBeijingIso } from '../../../shared/rules/classify';
import { maskSecret } from '../../../shared/rules/mask';
import type { StockSep } from '../../../shared/rules/stock-separators';
import { itemIdentity, stockShape, type StockShape } from '../../../shared/rules/stock-shape';
import type { Db } from '../db/open';
import { faultPoint } from '../fault';
import { identityFingerprint } from '../db/stock-fingerprint';
import { parseStock, type ParsedStockItem } from '../io/read-stock';
import { nowIso, nowMs } from './clock';
import { assertItemIntact, contentKey, ContentRoot, itemContentHash } from './content';
import { appendLedger } from './ledger';
import { emptyLevels, getProductProfile } from './products';
import { checkShop } from './rules/check';

/**
 * The identity of an item for duplicate checks, across the shop's whole history (delivered and
 * voided items included) and across products and kinds: the card number, the code, or the account
 * login, in its normal form (identityKey: look-alikes of one card are one card; a card's number
 * typed as another product's code is that card). Stored hashed, so the unique index is not a
 * second copy of every secret.
 */
export function itemFingerprint(shape: StockShape, it: Pick<ParsedStockItem, 'cardNo' | 'code' | 'login'>): string {
  return identityFingerprint(itemIdentity(shape, it));
}

/** The product's stock shape, or why it has no stock: no kind yet, or a kind not delivered from stock. */
function shapeOf(kind: string | null): StockShape {
  const shape = stockShape(kind);
  if (shape) return shape;
  if (kind === null) throw new AppError('PRODUCT_KIND_NEEDED');
  throw new AppError('PRODUCT_NOT_STOCKED', { detail: kind });
}

/** What a list may show of an item: never the password; the identifying part masked. */
export function maskItem(r: { kind: string; card_no: string; code: string; login: string }): string {
  // stock_items.kind holds the item's stock shape.
  const id = maskSecret(itemIdentity(r.kind as StockShape, { cardNo: r.card_no, code: r.code, login: r.login }));
  return r.kind === 'code' ? id : `${id} / ******`;
}

export interface StockImportInput {
  shopId: number;
  skuKey: string;
  name: string;
  bytes?: Uint8Array;
  text?: string;
  sep?: StockSep | 'auto';
  /** Expiry for the whole batch (items' own expiry wins), ISO or YYYY-MM-DD. */
  expiresAt?: string | null;
}

/** `stock.import`: a dropped or picked file, or pasted text (named 粘贴 in the batch list). */
export function importStockRequest(db: Db, req: ParsedReq<'stock.import'>): StockImportResult {
  return importStock(db, {
    shopId: req.shopId, skuKey: req.skuKey, name: req.file?.name ?? BATCH_SOURCES.pasted, bytes: req.file?.bytes, text: req.text,
    sep: req.sep ?? 'auto', expiresAt: req.expiresAt ?? null,
  });
}

/**
 * Imports items into a product's pool as one batch, all or nothing: any rejected line and
 * nothing is written. Duplicates (within the file, or of anything the shop ever had) are never
 * imported and are reported with their line numbers.
 */
export function importStock(db: Db, input: StockImportInput): StockImportResult {
  const product = getProductProfile(db, input.shopId, input.skuKey);
  const shape = shapeOf(product.kind);
  const parsed = parseStock({ name: input.name, bytes: input.bytes, text: input.text }, shape, input.sep ?? 'auto');
  const result: StockImportResult = { batchId: null, added: 0, sep: parsed.sep, duplicates: [], rejected: parsed.rejected };
  if (parsed.rejected.length) return result;
  const batchExpiry = input.expiresAt ? normaliseExpiry(input.expiresAt) : null;
  const now = nowIso();
  // Each fingerprint of the file with the line it first appeared on.
  const seen = new Map<string, number>();
  const knownAs = storedItemLookup(db, input.shopId, product.id);
  const insBatch = db.prepare('INSERT INTO stock_batches (shop_id, product_id, source, sep, added, duplicates, expires_at, created_at) VALUES (?, ?, ?, ?, 0, 0, ?, ?)');
  const ins = db.prepare(`INSERT INTO stock_items (shop_id, product_id, batch_id, kind, card_no, password, code, login, extras, fingerprint, expires_at, state, line_no, created_at, content_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'available', ?, ?, ?) ON CONFLICT (shop_id, fingerprint) DO NOTHING`);
  const key = contentKey(db);
  db.transaction(() => {
    faultPoint('stock.import.begin');
    const batchId = Number(insBatch.run(input.shopId, product.id, input.name, parsed.sep, batchExpiry, now).lastInsertRowid);
    // The batch's items in id order (each insert takes the next id): the root its ledger entry commits to.
    const root = new ContentRoot();
    for (const it of parsed.items) {
      const fp = itemFingerprint(shape, it);
      const masked = () => maskSecret(itemIdentity(shape, it));
      const first = seen.get(fp);
      if (first !== undefined) { result.duplicates.push({ line: it.line, where: 'file', masked: masked(), firstLine: first }); continue; }
      seen.set(fp, it.line);
      // One index probe: the unique index itself says whether the shop ever had this item.
      const content = itemContentHash(key, { kind: shape, card_no: it.cardNo, password: it.password, code: it.code, login: it.login, extras: it.extras });
      const r = ins.run(input.shopId, product.id, batchId, shape, it.cardNo, it.password, it.code, it.login, it.extras, fp, it.expiresAt ?? batchExpiry, it.line, now, content);
      if (r.changes === 0) {
        result.duplicates.push({ line: it.line, where: 'history', masked: masked(), ...knownAs(fp) });
        continue;
      }
      root.add(Number(r.lastInsertRowid), content);
      result.added++;
    }
    if (result.added === 0) {
      db.prepare('DELETE FROM stock_batches WHERE id = ?').run(batchId);
      faultPoint('stock.import.beforeCommit');
      return;
    }
    db.prepare('UPDATE stock_batches SET added = ?, duplicates = ? WHERE id = ?').run(result.added, result.duplicates.length, batchId);
    appendLedger(db, { shopId: input.shopId, event: 'stock.import', subject: product.skuKey, detail: { batchId, source: input.name, added: result.added, duplicates: result.duplicates.length, contentRoot: root.digest() } });
    // New stock changes who waits for it (OUT_OF_STOCK).
    checkShop(db, input.shopId, { orderIds: [] });
    result.batchId = batchId;
    faultPoint('stock.import.beforeCommit');
  }).immediate();
  faultPoint('stock.import.committed');
  return result;
}

/**
 * Where the shop's history already holds an item (by fingerprint): its batch and when that came
 * in, its state now, its product when another, and for an item bound to an order, that order and
 * when it was delivered. No secret is read, only ids, dates and the order number.
 */
function storedItemLookup(db: Db, shopId: number, productId: number): (fingerprint: string) => Omit<StockDuplicate, 'line' | 'where' | 'masked'> {
  const item = db.prepare(`SELECT i.id, i.batch_id, b.created_at AS imported_at, i.state, i.expires_at, i.product_id, p.sku_key, p.title
    FROM stock_items i JOIN stock_batches b ON b.id = i.batch_id JOIN products p ON p.id = i.product_id
    WHERE i.shop_id = ? AND i.fingerprint = ?`);
  // The latest allocation still standing first, else the latest released one (an order cancelled before export).
  const order = db.prepare(`SELECT o.order_no, a.exported_at FROM allocations a JOIN orders o ON o.id = a.order_id
    WHERE a.item_id = ? AND a.reusable = 0 ORDER BY (a.released_at IS NULL) DESC, a.id DESC LIMIT 1`);
  const now = toBeijingIso(nowMs());
  return (fp) => {
    const r = item.get(shopId, fp) as { id: number; batch_id: number; imported_at: string; state: ItemState; expires_at: string | null; product_id: number; sku_key: string; title: string } | undefined;
    if (!r) return {};
    const state: ItemState = r.state === 'available' && r.expires_at !== null && r.expires_at < now ? 'expired' : r.state;
    const out: Omit<StockDuplicate, 'line' | 'where' | 'masked'> = { batchId: r.batch_id, importedAt: r.imported_at, state };
    if (r.product_id !== productId) out.otherProduct = { skuKey: r.sku_key, title: r.title };
    if (state === 'delivered' || state === 'reserved') {
      const o = order.get(r.id) as { order_no: string; exported_at: string | null } | undefined;
      if (o) {
        out.orderNo = o.order_no;
        if (o.exported_at) out.deliveredAt = o.exported_at;
      }
    }
    return out;
  };
}

function normaliseExpiry(s: string): string {
  const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T23:59:59+08:00` : s;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new AppError('INVALID_REQUEST', { notes: [{ key: 'BAD_EXPIRY', params: { value: s } }] });
  return toBeijingIso(ms);
}

const STATE_SQL = `CASE WHEN state = 'available' AND expires_at IS NOT NULL AND expires_at < @now THEN 'expired' ELSE state END`;

export function listBatches(db: Db, shopId: number, skuKey: string): StockBatch[] {
  const p = getProductProfile(db, shopId, skuKey);
  const now = toBeijingIso(nowMs());
  const batches = db.prepare('SELECT id, product_id, source, sep, added, duplicates, expires_at, created_at FROM stock_batches WHERE shop_id = ? AND product_id = ? ORDER BY id DESC').all(shopId, p.id) as { id: number; product_id: number; source: string; sep: string | null; added: number; duplicates: number; expires_at: string | null; created_at: string }[];
  // Items moved in from other products' batches count where they are now: with their batch.
  const counts = db.prepare(`SELECT batch_id AS b, ${STATE_SQL} AS s, count(*) AS n FROM stock_items WHERE shop_id = @shopId AND batch_id IN (SELECT id FROM stock_batches WHERE product_id = @pid) GROUP BY b, s`).all({ now, shopId, pid: p.id }) as { b: number; s: keyof StockLevels; n: number }[];
  const byBatch = new Map<number, StockLevels>();
  for (const c of counts) {
    const l = byBatch.get(c.b) ?? emptyLevels();
    l[c.s] += c.n;
    byBatch.set(c.b, l);
  }
  return batches.map((b) => ({ id: b.id, productId: b.product_id, source: b.source, sep: b.sep, added: b.added, duplicates: b.duplicates, expiresAt: b.expires_at, createdAt: b.created_at, levels: byBatch.get(b.id) ?? emptyLevels() }));
}

/** `stock.items`: one product's items, by batch and state, a page at a time. */
export type ItemsQuery = ParsedReq<'stock.items'>;

export function listItems(db: Db, q: ItemsQuery): { total: number; rows: StockItem[] } {
  const p = getProductProfile(db, q.shopId, q.skuKey);
  const now = toBeijingIso(nowMs());
  const where = ['product_id = @pid'];
  if (q.batchId) where.push('batch_id = @batchId');
  if (q.state) where.push(`${STATE_SQL} = @state`);
  const params = { now, shopId: q.shopId, pid: p.id, batchId: q.batchId ?? null, state: q.state ?? null };
  const total = (db.prepare(`SELECT count(*) AS n FROM stock_items WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  const rows = db.prepare(`SELECT id, batch_id, product_id, kind, card_no, code, login, expires_at, ${STATE_SQL} AS s, line_no, created_at FROM stock_items WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit ?? 200, offset: q.offset ?? 0 }) as { id: number; batch_id: number; product_id: number; kind: 'card' | 'code' | 'account'; card_no: string; code: string; login: string; expires_at: string | null; s: ItemState; line_no: number; created_at: string }[];
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, batchId: r.batch_id, productId: r.product_id, kind: r.kind, masked: maskItem(r), expiresAt: r.expires_at, state: r.s, lineNo: r.line_no, createdAt: r.created_at })),
  };
}

/** Items addressed either one by one or as a whole batch (the `stock.void` request). */
export type ItemSelection = StockSelection;

function selectIds(db: Db, sel: ItemSelection, state: string): number[] {
  if (sel.batchId) return db.prepare('SELECT id FROM stock_items WHERE shop_id = ? AND batch_id = ? AND state = ?').pluck().all(sel.shopId, sel.batchId, state) as number[];
  const ids = sel.itemIds ?? [];
  const get = db.prepare('SELECT state FROM stock_items WHERE shop_id = ? AND id = ?').pluck();
  for (const id of ids) {
    const s = get.get(sel.shopId, id) as string | undefined;
    if (s === undefined) throw new AppError('ITEM_NOT_FOUND', { detail: String(id) });
    if (s === 'delivered' || s === 'reserved') throw new AppError('ITEM_LOCKED', { detail: String(id) });
  }
  return ids;
}

/** Voids unused items (into the recycle bin). Delivered or reserved items are never touched. */
export function voidItems(db: Db, sel: ItemSelection): { voided: number } {
  return db.transaction(() => {
    const ids = selectIds(db, sel, 'available');
    const st = db.prepare("UPDATE stock_items SET state = 'voided', voided_at = ? WHERE shop_id = ? AND id = ? AND state = 'available'");
    let n = 0;
    const now = nowIso();
    for (const id of ids) n += st.run(now, sel.shopId, id).changes;
    if (n) appendLedger(db, { shopId: sel.shopId, event: 'stock.void', subject: sel.batchId ? `batch:${sel.batchId}` : 'items', detail: { count: n, itemIds: ids.slice(0, 1000) } });
    if (n) checkShop(db, sel.shopId, { orderIds: [] });
    return { voided: n };
  }).immediate();
}

/** Restores voided items from the recycle bin to the pool. */
export function restoreItems(db: Db, sel: ItemSelection): { restored: number } {
  return db.transaction(() => {
    const ids = selectIds(db, sel, 'voided');
    const st = db.prepare("UPDATE stock_items SET state = 'available', voided_at = NULL WHERE shop_id = ? AND id = ? AND state = 'voided'");
    let n = 0;
    for (const id of ids) n += st.run(sel.shopId, id).changes;
    if (n) appendLedger(db, { shopId: sel.shopId, event: 'stock.restore', subject: sel.batchId ? `batch:${sel.batchId}` : 'items', detail: { count: n, itemIds: ids.slice(0, 1000) } });
    if (n) checkShop(db, sel.shopId, { orderIds: [] });
    return { restored: n };
  }).immediate();
}

/** Moves unused items to another product of the same shop (of a compatible kind). */
export function moveItems(db: Db, sel: ItemSelection & { toSkuKey: string }): { moved: number } {
  const to = getProductProfile(db, sel.shopId, sel.toSkuKey);
  const shape = shapeOf(to.kind);
  return db.transaction(() => {
    const ids = selectIds(db, sel, 'available');
    const kindOf = db.prepare('SELECT kind FROM stock_items WHERE id = ?').pluck();
    for (const id of ids) if (kindOf.get(id) !== shape) throw new AppError('PRODUCT_KIND_NEEDED', { notes: [{ key: 'ITEM_KIND_MISMATCH', params: { id } }] });
    const st = db.prepare("UPDATE stock_items SET product_id = ? WHERE shop_id = ? AND id = ? AND state = 'available'");
    let n = 0;
    for (const id of ids) n += st.run(to.id, sel.shopId, id).changes;
    if (n) appendLedger(db, { shopId: sel.shopId, event: 'stock.move', subject: to.skuKey, detail: { count: n, itemIds: ids.slice(0, 1000) } });
    if (n) checkShop(db, sel.shopId, { orderIds: [] });
    return { moved: n };
  }).immediate();
}

/** The secret in full: an explicit action, recorded in the ledger (without the secret). */
export function revealItem(db: Db, shopId: number, itemId: number): { id: number; cardNo: string; password: string; code: string; login: string; extras: string } {
  const r = db.prepare('SELECT id, kind, card_no, password, code, login, extras, content_hash FROM stock_items WHERE shop_id = ? AND id = ?').get(shopId, itemId) as { id: number; kind: string; card_no: string; password: string; code: string; login: string; extras: string; content_hash: string | null } | undefined;
  if (!r) throw new AppError('ITEM_NOT_FOUND', { detail: String(itemId) });
  assertItemIntact(db, r);
  appendLedger(db, { shopId, event: 'stock.reveal', subject: `item:${itemId}`, detail: { masked: maskItem(r) } });
  return { id: r.id, cardNo: r.card_no, password: r.password, code: r.code, login: r.login, extras: r.extras };
}
